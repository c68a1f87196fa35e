/** One field of a table: its name, how sure the reader is, and a dropdown to pick another column. */
import { Badge, Dropdown, makeStyles, Option, Text, tokens } from "@fluentui/react-components";
import type { ColumnChoice, MappedColumn } from "../service";
import { useController, useStrings } from "./context";

const UNUSED = "none";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  label: { display: "flex", justifyContent: "space-between", alignItems: "center", gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: 0, width: "100%" },
  listbox: { maxWidth: "calc(100vw - 24px)" },
});

/** Confidence as a badge colour: certain, likely, or worth a look. */
function confidenceColor(confidence: number): "success" | "warning" | "danger" {
  return confidence >= 0.9 ? "success" : confidence >= 0.6 ? "warning" : "danger";
}

export function MappingRow({ sheet, mapping, choices }: { sheet: string; mapping: MappedColumn; choices: ColumnChoice[] }) {
  const styles = useStyles();
  const t = useStrings();
  const controller = useController();
  const current = choices.find((c) => c.column === mapping.column);
  const text = t.data.columnOption(mapping.letter, current?.header ?? mapping.header);
  const id = `map-${sheet}-${mapping.field}`;
  return (
    <div className={styles.root}>
      <div className={styles.label}>
        <Text id={id} size={200} weight="semibold">
          {mapping.label}
        </Text>
        <Badge size="small" appearance="tint" color={confidenceColor(mapping.confidence)}>
          {t.data.confidence(Math.round(mapping.confidence * 100))}
        </Badge>
      </div>
      <Dropdown
        className={styles.dropdown}
        size="small"
        aria-label={t.data.mappingFor(mapping.label, sheet)}
        value={text}
        selectedOptions={[String(mapping.column)]}
        listbox={{ className: styles.listbox }}
        onOptionSelect={(_e, data) => {
          const value = data.optionValue;
          if (value === undefined || value === String(mapping.column)) return;
          void controller.changeMapping({ sheet, field: mapping.field, column: value === UNUSED ? null : Number(value) });
        }}
      >
        {choices.map((choice) => (
          <Option key={choice.column} value={String(choice.column)} text={t.data.columnOption(choice.letter, choice.header)}>
            {t.data.columnOption(choice.letter, choice.header)}
          </Option>
        ))}
        <Option value={UNUSED}>{t.data.unused}</Option>
      </Dropdown>
    </div>
  );
}
