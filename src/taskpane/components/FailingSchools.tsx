/** The schools that fail the school rule, each with what it lacks; a click shows the figure in its source sheet. */
import {
  Caption1,
  Card,
  Link,
  makeStyles,
  mergeClasses,
  Text,
  tokens,
} from "@fluentui/react-components";
import { failingSchools, type CellTarget } from "../findings";
import type { RunResult } from "../service";
import { useController, usePaneState, useStrings } from "./context";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: {
    margin: 0,
    padding: 0,
    listStyleType: "none",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  link: { display: "block", textAlign: "left", overflowWrap: "anywhere" },
  school: { fontWeight: tokens.fontWeightSemibold },
  floor: { color: tokens.colorPaletteRedForeground1 },
});

export function FailingSchools({ run }: { run: RunResult }) {
  const styles = useStyles();
  const t = useStrings();
  const controller = useController();
  const { selected } = usePaneState();
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
      <Caption1 role="status">
        {selected ? t.results.selected(selected.sheet, selected.address) : ""}
      </Caption1>
      {schools.map((school) => (
        <Card key={school.key} size="small">
          <Link
            as="button"
            className={mergeClasses(styles.link, styles.school)}
            disabled={!school.target}
            onClick={() => show(school.target)}
            aria-label={t.results.showSource(school.name)}
          >
            {school.name}（{t.stages[school.stage]}）
          </Link>
          <Caption1>
            {school.county ? `${school.county}，` : ""}
            {t.results.metCount(school.met, school.indicators)}
          </Caption1>
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
                  {shortfall.indicator} {t.results.advice(shortfall.shortfall)}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
