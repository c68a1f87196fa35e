/** A verdict card for one stage: pass or fail, the school count, and the CVs against their limits. */
import {
  Badge,
  Caption1,
  Card,
  CardHeader,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { StageResult } from "../../engine";
import type { SheetCell } from "../../flow/targets";
import { useStrings } from "./context";
import { CvTable } from "./CvTable";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export function StageVerdict({
  stage,
  standardId,
  cvTargets,
}: {
  stage: StageResult;
  standardId?: string;
  /** Where 差异系数 shows each CV (see flow/targets cvKey). */
  cvTargets?: Record<string, SheetCell>;
}) {
  const styles = useStyles();
  const t = useStrings();
  const verdict = stage.unread
    ? t.results.unread
    : stage.pass === null
      ? t.results.noSchools
      : stage.pass
        ? t.results.pass
        : t.results.fail;
  return (
    <Card aria-label={`${t.stages[stage.stage]} ${verdict}`}>
      <CardHeader
        header={
          <div className={styles.header}>
            <Text weight="semibold">{t.stages[stage.stage]}</Text>
            <Badge
              appearance="filled"
              color={stage.pass ? "success" : stage.pass === false ? "danger" : "informative"}
            >
              {verdict}
            </Badge>
          </div>
        }
        description={
          <Caption1>
            {stage.unread
              ? t.results.unreadHelp
              : t.results.stageSummary(
                  stage.schools,
                  stage.schoolsPassing,
                  stage.students,
                  stage.cvPass
                )}
          </Caption1>
        }
      />
      {!stage.unread && <CvTable stage={stage} standardId={standardId} cvTargets={cvTargets} />}
    </Card>
  );
}
