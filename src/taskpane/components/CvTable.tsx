/** The stage's CV per indicator against its limit, and the composite. CVs to 3 decimals, as the declaration tables print them. */
import {
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { findStandard, type StageResult } from "../../engine";
import { cvKey, type SheetCell } from "../../flow/targets";
import { useContext } from "react";
import { ControllerContext, useStrings } from "./context";

const useStyles = makeStyles({
  table: { tableLayout: "fixed", width: "100%" },
  cv: { width: "4.4em" },
  limit: { width: "3.2em" },
  verdict: { width: "3em" },
  name: { display: "block", overflowWrap: "anywhere" },
  link: { textAlign: "left", overflowWrap: "anywhere" },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

function fixed(value: number | null, digits: number): string {
  return value === null ? "—" : value.toFixed(digits);
}

export function CvTable({
  stage,
  standardId,
  cvTargets,
}: {
  stage: StageResult;
  standardId?: string;
  /** Where 差异系数 shows each CV: the CV figure becomes a click to its cell. */
  cvTargets?: Record<string, SheetCell>;
}) {
  const styles = useStyles();
  const t = useStrings();
  // Also shown on its own (without a controller): then the CVs are plain figures.
  const controller = useContext(ControllerContext);
  const indicators = Object.values(stage.indicators);
  const specs = new Map(findStandard(standardId ?? "")?.indicators.map((spec) => [spec.id, spec]));
  const shortName = (id: string, name: string) =>
    specs.get(id)?.paneName[t.lang === "en" ? "en" : "zh"] ?? name;
  return (
    <Table
      size="extra-small"
      className={styles.table}
      aria-label={`${t.stages[stage.stage]} ${t.results.cv}`}
    >
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t.results.indicator}</TableHeaderCell>
          <TableHeaderCell className={styles.cv}>{t.results.cv}</TableHeaderCell>
          <TableHeaderCell className={styles.limit}>{t.results.limit}</TableHeaderCell>
          <TableHeaderCell className={styles.verdict}>{t.results.verdict}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {indicators.map((row) => (
          <TableRow key={row.id}>
            <TableCell>
              <Text
                size={200}
                className={styles.name}
                title={row.note ? `${row.name}：${row.note}` : row.name}
              >
                {row.id} {shortName(row.id, row.name)}
              </Text>
            </TableCell>
            <TableCell>
              {(() => {
                const target = cvTargets?.[cvKey(stage.stage, row.id)];
                if (!target || !controller) return fixed(row.cv, 3);
                return (
                  <Link
                    as="button"
                    className={styles.link}
                    aria-label={t.results.showCv(
                      t.stages[stage.stage],
                      `${row.id} ${shortName(row.id, row.name)}`,
                      target.sheet
                    )}
                    onClick={() => void controller.select(target.sheet, target.address)}
                  >
                    {fixed(row.cv, 3)}
                  </Link>
                );
              })()}
            </TableCell>
            <TableCell>{fixed(row.limit, 2)}</TableCell>
            <TableCell className={row.pass === false ? styles.over : undefined}>
              {row.pass === null ? t.results.noCv : row.pass ? t.results.cvOk : t.results.cvOver}
            </TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell>
            <Text size={200} weight="semibold">
              {t.results.composite}
            </Text>
          </TableCell>
          <TableCell>{fixed(stage.compositeCv, 3)}</TableCell>
          <TableCell>{fixed(stage.compositeLimit, 2)}</TableCell>
          <TableCell>
            {stage.compositeLimit === null || stage.compositeCv === null
              ? t.results.noCv
              : stage.compositeCv <= stage.compositeLimit
                ? t.results.cvOk
                : t.results.cvOver}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
}
