/**
 * One field of a table: its name, how sure the reader is, and a dropdown to pick another column
 * (or none). A field the user set aside, or is adding, has no column yet.
 */
import { Badge, Dropdown, makeStyles, Option, Text, tokens } from "@fluentui/react-components";
import type { ColumnChoice, MappedColumn } from "../service";
import { useController, useStrings } from "./context";

const UNUSED = "none";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  label: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  dropdown: { minWidth: 0, width: "100%" },
  listbox: { maxWidth: "calc(100vw - 24px)" },
});

/** Confidence as a badge colour: certain, likely, or worth a look. */
function confidenceColor(confidence: number): "success" | "warning" | "danger" {
  return confidence >= 0.9 ? "success" : confidence >= 0.6 ? "warning" : "danger";
}

export interface MappingRowProps {
  sheet: string;
  field: string;
  label: string;
  /** Where the reader read the field from; null when it is not used (yet). */
  mapping: MappedColumn | null;
  choices: ColumnChoice[];
  /** "unused": the user chose not to use it; "new": being added. */
  state?: "unused" | "new";
}

export function MappingRow({ sheet, field, label, mapping, choices, state }: MappingRowProps) {
  const styles = useStyles();
  const t = useStrings();
  const controller = useController();
  const current = mapping ? choices.find((c) => c.column === mapping.column) : undefined;
  const text = mapping
    ? t.data.columnOption(mapping.letter, current?.header ?? mapping.header)
    : state === "unused"
      ? t.data.unused
      : "";
  const selected = mapping ? String(mapping.column) : state === "unused" ? UNUSED : undefined;
  return (
    <div className={styles.root}>
      <div className={styles.label}>
        <Text size={200} weight="semibold">
          {label}
        </Text>
        {mapping && (
          <Badge size="small" appearance="tint" color={confidenceColor(mapping.confidence)}>
            {t.data.confidence(Math.round(mapping.confidence * 100))}
          </Badge>
        )}
        {state === "unused" && (
          <Badge size="small" appearance="tint" color="informative">
            {t.data.notUsed}
          </Badge>
        )}
      </div>
      <Dropdown
        className={styles.dropdown}
        size="small"
        aria-label={t.data.mappingFor(label, sheet)}
        value={text}
        placeholder={t.data.pickColumn}
        selectedOptions={selected === undefined ? [] : [selected]}
        listbox={{ className: styles.listbox }}
        onOptionSelect={(_e, data) => {
          const value = data.optionValue;
          if (value === undefined || value === selected) return;
          void controller.changeMapping({
            sheet,
            field,
            column: value === UNUSED ? null : Number(value),
          });
        }}
      >
        {choices.map((choice) => (
          <Option
            key={choice.column}
            value={String(choice.column)}
            text={t.data.columnOption(choice.letter, choice.header)}
          >
            {t.data.columnOption(choice.letter, choice.header)}
          </Option>
        ))}
        <Option value={UNUSED}>{t.data.unused}</Option>
      </Dropdown>
    </div>
  );
}
