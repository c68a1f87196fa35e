/** The schools that fail the school rule, each with what it lacks; a click shows the figure in its source sheet. */
import { Caption1, Card, Link, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { failingSchools, type CellTarget } from "../findings";
import type { RunResult } from "../service";
import { useController, useStrings } from "./context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  link: { textAlign: "left", overflowWrap: "anywhere" },
  floor: { color: tokens.colorPaletteRedForeground1 },
});

export function FailingSchools({ run }: { run: RunResult }) {
  const styles = useStyles();
  const t = useStrings();
  const controller = useController();
  const schools = failingSchools(run);
  const show = (target: CellTarget | null) => {
    if (target) void controller.select(target.sheet, target.address);
  };
  return (
    <div className={styles.root}>
      <Text as="h2" weight="semibold" size={400}>
        {t.results.failing}
      </Text>
      {schools.length === 0 && <Text>{t.results.noneFailing}</Text>}
      {schools.map((school) => (
        <Card key={school.key} size="small">
          <Link as="button" className={styles.link} disabled={!school.target} onClick={() => show(school.target)} aria-label={t.results.showSource(school.name)}>
            {school.name}（{t.stages[school.stage]}）
          </Link>
          {school.county && <Caption1>{school.county}</Caption1>}
          <ul className={styles.list}>
            {school.shortfalls.map((shortfall) => (
              <li key={shortfall.indicator}>
                <Link
                  as="button"
                  className={mergeClasses(styles.link, shortfall.belowFloor && styles.floor)}
                  disabled={!shortfall.target}
                  onClick={() => show(shortfall.target)}
                  aria-label={t.results.showCell(school.name, shortfall.name)}
                >
                  {shortfall.indicator} {shortfall.advice}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
