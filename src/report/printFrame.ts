import { countyLabel, type ReportContext } from "./context";
import { filingUnit } from "./declarationCommon";
import { fitText } from "./fitText";
import { plannedRows } from "./packedRows";
import type { HeaderFooterText, PlannedSheet } from "./plan";
import { beijingTime } from "./summarySheet";

/**
 * What every printed audit page carries, whatever sheet it is: A4, the county (or the bureau the
 * source sheets' 「填报单位」 line names) and the audit date
 * in the header, 「第 &P 页 共 &N 页」 in the footer, and the table's header row repeated on
 * every page (sheets that name none repeat their first header row).
 */

/** The footer's page numbers, in Excel's header/footer codes. */
export const PAGE_NUMBERS = "第 &P 页 共 &N 页";

/** Longest county text in a header: a city's list of districts would crowd the line. */
const MAX_COUNTY_TEXT = 40;

/** Text as a header/footer part: a literal "&" is "&&" there. */
function literal(text: string): string {
  return text.replace(/&/g, "&&");
}

/**
 * The counties a sheet is about: its own county, or all of the workbook's.
 *
 * @example
 * countyText(["甲县", "乙县"]); // "甲县、乙县"
 */
export function countyText(counties: readonly string[]): string {
  const all = counties.join("、");
  if (all.length <= MAX_COUNTY_TEXT) return all;
  return `${counties[0]}等${counties.length}个区县`;
}

/**
 * The printed header and footer of a sheet: the county or bureau on the left, the sheet's name
 * in the centre, the audit date on the right; the page numbers in the footer.
 *
 * @example
 * printHeaderFooter(ctx, summary);
 * // { header: { left: "示范区教育局", center: "审计总览", right: "审计日期：2024-09-01" }, footer: { center: "第 &P 页 共 &N 页" } }
 */
export function printHeaderFooter(
  ctx: ReportContext,
  sheet: PlannedSheet
): { header: HeaderFooterText; footer: HeaderFooterText } {
  // The bureau the sheets name (「填报单位」) when there is one, else the county.
  const label = (county: string) => filingUnit(ctx, county) || countyLabel(county);
  const counties =
    sheet.county !== undefined
      ? [label(sheet.county)]
      : ctx.input.result.counties.map((c) => label(c.name));
  const date = beijingTime(ctx.input.auditedAt).slice(0, 10);
  return {
    header: {
      left: literal(countyText(counties)),
      center: literal(sheet.name),
      right: literal(`审计日期：${date}`),
    },
    footer: { center: PAGE_NUMBERS },
  };
}

/** The first row with two or more header cells (0-based), or undefined. */
function firstHeaderRow(sheet: PlannedSheet): number | undefined {
  for (const r of plannedRows(sheet))
    if (r.cells.filter((c) => c?.style === "header").length >= 2) return r.row;
  return undefined;
}

/**
 * The sheet with A4, header, footer and print titles set (the sheet's own choices kept), and
 * its text fitted to its cells (fitText).
 *
 * @example
 * withPrintFrame(ctx, sheet).page.footer; // { center: "第 &P 页 共 &N 页" }
 */
export function withPrintFrame(ctx: ReportContext, sheet: PlannedSheet): PlannedSheet {
  const frame = printHeaderFooter(ctx, sheet);
  const header = firstHeaderRow(sheet);
  sheet.page = {
    ...sheet.page,
    paper: "A4",
    header: sheet.page.header ?? frame.header,
    footer: sheet.page.footer ?? frame.footer,
    ...(sheet.page.repeatRows === undefined && header !== undefined
      ? { repeatRows: [header + 1, header + 1] as [number, number] }
      : {}),
  };
  return fitText(sheet);
}
