/** 「数据」: the school tables found, each with its field-to-column mapping; sheets not read, and why. */
import { Button, Caption1, makeStyles, Spinner, Text, tokens } from "@fluentui/react-components";
import { useController, usePaneState, useStrings } from "./context";
import { DOUBTFUL_CONFIDENCE, TableCard } from "./TableCard";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  bar: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
  rescan: { flexShrink: 0, whiteSpace: "nowrap" },
  skipped: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
});

export function DataTab() {
  const styles = useStyles();
  const t = useStrings();
  const controller = useController();
  const { scan, scanning, saved } = usePaneState();
  const overrides = saved.overrides;
  return (
    <section className={styles.root} aria-label={t.tabs.data}>
      <div className={styles.bar}>
        <Caption1>{t.data.hint}</Caption1>
        <Button
          size="small"
          className={styles.rescan}
          disabled={scanning}
          onClick={() => void controller.rescan()}
        >
          {t.data.rescan}
        </Button>
      </div>
      <div className={styles.bar}>
        <Caption1>{t.data.countyFormHint}</Caption1>
        <Button
          size="small"
          className={styles.rescan}
          onClick={() => void controller.insertCountyForm()}
        >
          {t.data.insertCountyForm}
        </Button>
      </div>
      {scanning && <Spinner size="tiny" label={t.data.scanning} />}
      {scan && scan.tables.length === 0 && !scanning && <Text>{t.data.none}</Text>}
      {scan?.tables.map((table, i) => (
        <TableCard
          open={i === 0 || table.columns.some((c) => c.confidence < DOUBTFUL_CONFIDENCE)}
          key={`${table.sheet}:${table.headerRows[0]}`}
          table={table}
          choices={scan.choices[table.sheet] ?? []}
          fields={scan.fields}
          unused={overrides
            .filter((o) => o.sheet === table.sheet && o.column === null)
            .map((o) => o.field)}
        />
      ))}
      {scan && scan.skipped.length > 0 && (
        <div className={styles.skipped}>
          <Text weight="semibold">{t.data.skipped}</Text>
          {scan.skipped.map((s) => (
            <Caption1 key={s.sheet}>
              「{s.sheet}」：{s.reason}
            </Caption1>
          ))}
        </div>
      )}
    </section>
  );
}
