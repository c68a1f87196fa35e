/** 「结果」: the verdict per county and stage, the failing schools, and links to the audit sheets. */
import { Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";
import { STAGES } from "../../engine";
import { CountyVerdict } from "./CountyVerdict";
import { DataIncomplete } from "./DataIncomplete";
import { FailingSchools } from "./FailingSchools";
import { GuaranteeFailures } from "./GuaranteeFailures";
import { SheetLinks } from "./SheetLinks";
import { StageVerdict } from "./StageVerdict";
import { usePaneState, useStrings } from "./context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  county: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export function ResultsTab() {
  const styles = useStyles();
  const t = useStrings();
  const { lastRun } = usePaneState();
  if (!lastRun) {
    return (
      <section aria-label={t.tabs.results}>
        <Text>{t.results.none}</Text>
      </section>
    );
  }
  const { result } = lastRun;
  const several = result.counties.length > 1;
  return (
    <section className={styles.root} aria-label={t.tabs.results}>
      <Caption1>{t.results.auditedAt(lastRun.auditedAt.toLocaleString(t.lang))}</Caption1>
      <DataIncomplete excluded={result.excluded} sheets={lastRun.sheets} />
      {result.counties.map((county) => (
        <div key={county.name} className={styles.county}>
          {several && (
            <Text as="h2" weight="semibold" size={400}>
              {t.results.county(county.name)}
            </Text>
          )}
          <CountyVerdict county={county} targets={lastRun.targets[county.name]} />
          {STAGES.filter(
            (stage) => county.stages[stage].schools > 0 || county.stages[stage].unread
          ).map((stage) => (
            <StageVerdict
              key={stage}
              stage={county.stages[stage]}
              standardId={result.standard.id}
              cvTargets={lastRun.targets[county.name]?.cvs}
            />
          ))}
        </div>
      ))}
      <FailingSchools run={lastRun} />
      <GuaranteeFailures checks={result.guarantees} />
      <SheetLinks sheets={lastRun.sheets} />
    </section>
  );
}
