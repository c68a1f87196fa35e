/**
 * The whole standard's verdict of one county: 达标 / 未达标 / 未完成, one line per dimension, and
 * its reasons: the failed items with their figure against the requirement, the triggered veto
 * items, the unchecked items with why, and what is still to fill in. Each item is a click to its
 * row in 表Ⅳ/Ⅴ/Ⅵ (or its cell in the county form), each code a click to its 填报值 cell.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  Card,
  CardHeader,
  Link,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { Fragment } from "react";
import type { CountyItemResult, CountyResult, DimensionId } from "../../engine";
import { COUNTY_ITEMS, ruleInputs } from "../../engine";
import type { CountyTargets, SheetCell } from "../../flow/targets";
import { itemFigure, itemRequirement } from "../countyFigures";
import { useController, useStrings } from "./context";

const useStyles = makeStyles({
  // The verdict badge follows the title and wraps below it rather than being cut (long in English).
  header: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  badge: { flexShrink: 0 },
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
  link: { textAlign: "left", overflowWrap: "anywhere" },
  accordionHeader: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
  panel: { marginLeft: 0, marginRight: 0 },
  why: { display: "block", overflowWrap: "anywhere" },
  code: { whiteSpace: "nowrap" },
});

const DIMENSIONS: DimensionId[] = ["resource", "guarantee", "quality", "recognition"];
const COLOR = { pass: "success", fail: "danger", incomplete: "warning" } as const;
/** Up to this many unchecked items show at once; more (a workbook without the form) start folded. */
const UNCHECKED_OPEN = 5;

/** Where a click on an item goes: its row in the audit tables, else its first form cell. */
function itemPlace(
  county: CountyResult,
  targets: CountyTargets | undefined,
  id: string,
  codes: readonly string[]
): SheetCell | null {
  const row = targets?.items[id] ?? targets?.veto[id];
  if (row) return row;
  const form = county.form;
  const code = codes.find((c) => form?.cells[c]);
  return form && code ? { sheet: form.sheet, address: form.cells[code] } : null;
}

/** The item's notes as one line, each once (a rule of two parts may note the same row twice). */
function notesOf(item: CountyItemResult): string {
  return [...new Set(item.notes)].join("；");
}

function inputsOf(item: CountyItemResult): readonly string[] {
  const rule = COUNTY_ITEMS.find((i) => i.id === item.id)?.rule;
  return [...item.missing, ...(rule ? ruleInputs(rule) : [])];
}

export function CountyVerdict({
  county,
  targets,
}: {
  county: CountyResult;
  targets?: CountyTargets;
}) {
  const styles = useStyles();
  const t = useStrings();
  const controller = useController();
  if (county.items.length === 0) return null; // a standard without county items (2012)
  const verdict = t.results.countyVerdict[county.verdict];
  const failed = county.items.filter((i) => i.status === "fail");
  const unchecked = county.items.filter((i) => i.status === "unchecked");
  const vetoed = county.veto.filter((v) => v.triggered === true);
  const form = county.form;

  /** An item's label, as a click to its place when it has one. */
  const itemLink = (id: string, label: string, codes: readonly string[]) => {
    const place = itemPlace(county, targets, id, codes);
    const text = `${id} ${label}`;
    return place ? (
      <Link
        as="button"
        className={styles.link}
        aria-label={t.results.showItem(text, place.sheet)}
        onClick={() => void controller.select(place.sheet, place.address)}
      >
        {text}
      </Link>
    ) : (
      <Text weight="semibold">{text}</Text>
    );
  };

  return (
    <Card aria-label={`${t.results.wholeStandard} ${verdict}`}>
      <CardHeader
        header={
          <div className={styles.header}>
            <Text weight="semibold">{t.results.wholeStandard}</Text>
            <Badge appearance="filled" color={COLOR[county.verdict]} className={styles.badge}>
              {verdict}
            </Badge>
          </div>
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
        <section aria-label={t.results.failedItems}>
          <Text as="h3" weight="semibold">
            {t.results.failedItems}
          </Text>
          <ul className={styles.lines}>
            {failed.map((item) => {
              const figure = itemFigure(item, t.results.figureWords);
              const requirement = itemRequirement(item.id);
              return (
                <li key={item.id}>
                  {itemLink(item.id, item.name, inputsOf(item))}
                  <Caption1 className={styles.why}>
                    {figure === null
                      ? t.results.requirement(requirement)
                      : t.results.itemFigure(figure, requirement)}
                  </Caption1>
                  {item.notes.length > 0 && (
                    <Caption1 className={styles.why}>{notesOf(item)}</Caption1>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {vetoed.length > 0 && (
        <section aria-label={t.results.vetoTriggered}>
          <Text as="h3" weight="semibold">
            {t.results.vetoTriggered}
          </Text>
          <ul className={styles.lines}>
            {vetoed.map((v) => (
              <li key={v.id}>{itemLink(v.id, v.label, [v.id])}</li>
            ))}
          </ul>
        </section>
      )}
      {unchecked.length > 0 && (
        <section aria-label={t.results.uncheckedItems}>
          <Accordion
            collapsible
            defaultOpenItems={unchecked.length <= UNCHECKED_OPEN ? ["unchecked"] : []}
          >
            <AccordionItem value="unchecked">
              <AccordionHeader as="h3" className={styles.accordionHeader} expandIconPosition="end">
                <Text weight="semibold">{t.results.uncheckedCount(unchecked.length)}</Text>
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <ul className={styles.lines}>
                  {unchecked.map((item) => (
                    <li key={item.id}>
                      {itemLink(item.id, item.name, inputsOf(item))}
                      {item.notes.length > 0 && (
                        <Caption1 className={styles.why}>{notesOf(item)}</Caption1>
                      )}
                    </li>
                  ))}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </section>
      )}
      {county.missing.length > 0 && (
        <section aria-label={t.results.missing}>
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
              <Text>
                {county.missing
                  .filter((code) => !form?.cells[code])
                  .map((code, i) => (
                    <Fragment key={code}>
                      {i > 0 && "、"}
                      {/* 「G13-4」 stays on one line: a break after its hyphen reads as two codes. */}
                      <span className={styles.code}>{code}</span>
                    </Fragment>
                  ))}
              </Text>
            )}
          </div>
        </section>
      )}
    </Card>
  );
}
