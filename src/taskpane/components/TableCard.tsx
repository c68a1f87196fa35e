/** One school table: its sheet, header rows and school count, then one mapping row per field. */
import { Badge, Caption1, Card, CardHeader, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ColumnChoice, FoundTable } from "../service";
import { useStrings } from "./context";
import { MappingRow } from "./MappingRow";

const useStyles = makeStyles({
  rows: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export function TableCard({ table, choices }: { table: FoundTable; choices: ColumnChoice[] }) {
  const styles = useStyles();
  const t = useStrings();
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
          <MappingRow key={column.field} sheet={table.sheet} mapping={column} choices={choices} />
        ))}
      </div>
      {table.units.length > 0 && (
        <Caption1>
          {t.data.units}：{table.units.join("；")}
        </Caption1>
      )}
    </Card>
  );
}
