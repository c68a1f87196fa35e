/**
 * The whole standard's verdict of one county: 达标 / 未达标 / 未完成, one line per dimension, the
 * failed items and triggered veto items, and what is still to fill in, each code a click to its
 * cell in the county form.
 */
import {
  Badge,
  Card,
  CardHeader,
  Link,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { CountyResult, DimensionId } from "../../engine";
import { useController, useStrings } from "./context";

const useStyles = makeStyles({
  lines: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  codes: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
});

const DIMENSIONS: DimensionId[] = ["resource", "guarantee", "quality", "recognition"];
const COLOR = { pass: "success", fail: "danger", incomplete: "warning" } as const;

export function CountyVerdict({ county }: { county: CountyResult }) {
  const styles = useStyles();
  const t = useStrings();
  const controller = useController();
  if (county.items.length === 0) return null; // a standard without county items (2012)
  const verdict = t.results.countyVerdict[county.verdict];
  const failed = county.items.filter((i) => i.status === "fail");
  const vetoed = county.veto.filter((v) => v.triggered === true);
  const form = county.form;
  return (
    <Card aria-label={`${t.results.wholeStandard} ${verdict}`}>
      <CardHeader
        header={<Text weight="semibold">{t.results.wholeStandard}</Text>}
        action={
          <Badge appearance="filled" color={COLOR[county.verdict]}>
            {verdict}
          </Badge>
        }
      />
      <ul className={styles.lines}>
        {DIMENSIONS.map((id) => {
          const d = county.dimensions[id];
          return (
            <li key={id}>
              {t.results.dimensionLine(
                t.results.dimensions[id],
                t.results.itemStatus[d.status],
                d.checked,
                d.passed,
                d.failed,
                d.unchecked
              )}
            </li>
          );
        })}
      </ul>
      {failed.length > 0 && (
        <Text>
          {t.results.failedItems}：{failed.map((i) => `${i.id} ${i.name}`).join("、")}
        </Text>
      )}
      {vetoed.length > 0 && (
        <Text>
          {t.results.vetoTriggered}：{vetoed.map((v) => `${v.id} ${v.label}`).join("、")}
        </Text>
      )}
      {county.missing.length > 0 && (
        <div>
          <Text as="h3" weight="semibold">
            {t.results.missing}
          </Text>
          <Text block size={200}>
            {t.results.missingHint(form ? form.sheet : null)}
          </Text>
          <div className={styles.codes}>
            {county.missing
              .filter((code) => form?.cells[code])
              .map((code) => (
                <Link
                  key={code}
                  as="button"
                  aria-label={t.results.fillCell(code)}
                  onClick={() => void controller.select(form!.sheet, form!.cells[code])}
                >
                  {code}
                </Link>
              ))}
            {/* Codes without a cell in the form (or without a form): one line of text, not one element each. */}
            {county.missing.some((code) => !form?.cells[code]) && (
              <Text>{county.missing.filter((code) => !form?.cells[code]).join("、")}</Text>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
