/**
 * One school table: its sheet, header rows and school count, one mapping row per field read,
 * the fields the user set aside (so they can be used again), and a way to add a field the reader missed.
 * The rows fold away (an accordion) so several tables fit the narrow pane; a table with a doubtful
 * mapping starts open.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  Card,
  Dropdown,
  makeStyles,
  Option,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ColumnChoice, FoundTable } from "../service";
import { useStrings } from "./context";
import { MappingRow } from "./MappingRow";

const useStyles = makeStyles({
  rows: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  header: { display: "flex", flexDirection: "column", alignItems: "flex-start", minWidth: 0 },
  title: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
  accordionHeader: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
  panel: { marginLeft: 0, marginRight: 0 },
  add: { minWidth: 0, width: "100%" },
  listbox: { maxWidth: "calc(100vw - 24px)" },
});

export interface TableCardProps {
  table: FoundTable;
  choices: ColumnChoice[];
  /** Every field the reader knows. */
  fields: { id: string; label: string }[];
  /** Fields of this sheet the user chose not to use. */
  unused: string[];
  /** Rows shown at first. */
  open: boolean;
}

/** Below this the reader's match is worth a look: the table starts open. */
export const DOUBTFUL_CONFIDENCE = 0.9;

export function TableCard({ table, choices, fields, unused, open }: TableCardProps) {
  const styles = useStyles();
  const t = useStrings();
  const [adding, setAdding] = useState<string[]>([]);
  const labelOf = (id: string) => fields.find((f) => f.id === id)?.label ?? id;
  const mapped = new Set(table.columns.map((c) => c.field));
  const setAside = unused.filter((id) => !mapped.has(id));
  const pending = adding.filter((id) => !mapped.has(id) && !setAside.includes(id));
  const addable = fields.filter(
    (f) => !mapped.has(f.id) && !setAside.includes(f.id) && !pending.includes(f.id)
  );
  return (
    <Card aria-label={table.sheet}>
      <Accordion collapsible defaultOpenItems={open ? [table.sheet] : []}>
        <AccordionItem value={table.sheet}>
          <AccordionHeader className={styles.accordionHeader} expandIconPosition="end">
            <span className={styles.header}>
              <span className={styles.title}>
                <Text weight="semibold">{table.sheet}</Text>
                {table.stage && <Badge appearance="tint">{t.stages[table.stage]}</Badge>}
              </span>
              <Caption1>
                {t.data.table(table.headerRows[0], table.headerRows[1], table.records)}
              </Caption1>
            </span>
          </AccordionHeader>
          <AccordionPanel className={styles.panel}>
            <div className={styles.rows}>
              {table.columns.map((column) => (
                <MappingRow
                  key={column.field}
                  sheet={table.sheet}
                  field={column.field}
                  label={column.label}
                  mapping={column}
                  choices={choices}
                />
              ))}
              {setAside.map((id) => (
                <MappingRow
                  key={id}
                  sheet={table.sheet}
                  field={id}
                  label={labelOf(id)}
                  mapping={null}
                  choices={choices}
                  state="unused"
                />
              ))}
              {pending.map((id) => (
                <MappingRow
                  key={id}
                  sheet={table.sheet}
                  field={id}
                  label={labelOf(id)}
                  mapping={null}
                  choices={choices}
                  state="new"
                />
              ))}
              {addable.length > 0 && (
                <Dropdown
                  className={styles.add}
                  size="small"
                  appearance="underline"
                  placeholder={t.data.addField}
                  aria-label={`${table.sheet}：${t.data.addField}`}
                  selectedOptions={[]}
                  listbox={{ className: styles.listbox }}
                  onOptionSelect={(_e, data) => {
                    const id = data.optionValue;
                    if (id) setAdding((list) => [...list, id]);
                  }}
                >
                  {addable.map((f) => (
                    <Option key={f.id} value={f.id}>
                      {f.label}
                    </Option>
                  ))}
                </Dropdown>
              )}
            </div>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {table.units.length > 0 && (
        <Caption1>
          {t.data.units}：{table.units.join("；")}
        </Caption1>
      )}
    </Card>
  );
}
