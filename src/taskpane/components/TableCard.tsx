/**
 * One school table: its sheet, header rows and school count, one mapping row per field read,
 * the fields the user set aside (so they can be used again), and a way to add a field the reader missed.
 */
import { Badge, Caption1, Card, CardHeader, Dropdown, makeStyles, Option, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { ColumnChoice, FoundTable } from "../service";
import { useStrings } from "./context";
import { MappingRow } from "./MappingRow";

const useStyles = makeStyles({
  rows: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
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
}

export function TableCard({ table, choices, fields, unused }: TableCardProps) {
  const styles = useStyles();
  const t = useStrings();
  const [adding, setAdding] = useState<string[]>([]);
  const labelOf = (id: string) => fields.find((f) => f.id === id)?.label ?? id;
  const mapped = new Set(table.columns.map((c) => c.field));
  const setAside = unused.filter((id) => !mapped.has(id));
  const pending = adding.filter((id) => !mapped.has(id) && !setAside.includes(id));
  const addable = fields.filter((f) => !mapped.has(f.id) && !setAside.includes(f.id) && !pending.includes(f.id));
  return (
    <Card aria-label={table.sheet}>
      <CardHeader
        header={
          <div className={styles.header}>
            <Text weight="semibold">{table.sheet}</Text>
            {table.stage && <Badge appearance="tint">{t.stages[table.stage]}</Badge>}
          </div>
        }
        description={<Caption1>{t.data.table(table.headerRows[0], table.headerRows[1], table.records)}</Caption1>}
      />
      <div className={styles.rows}>
        {table.columns.map((column) => (
          <MappingRow key={column.field} sheet={table.sheet} field={column.field} label={column.label} mapping={column} choices={choices} />
        ))}
        {setAside.map((id) => (
          <MappingRow key={id} sheet={table.sheet} field={id} label={labelOf(id)} mapping={null} choices={choices} state="unused" />
        ))}
        {pending.map((id) => (
          <MappingRow key={id} sheet={table.sheet} field={id} label={labelOf(id)} mapping={null} choices={choices} state="new" />
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
      {table.units.length > 0 && (
        <Caption1>
          {t.data.units}：{table.units.join("；")}
        </Caption1>
      )}
    </Card>
  );
}
