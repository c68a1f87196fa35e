import type { IndicatorSpec } from "../engine";
import { textCell } from "./cells";
import type { ReportContext } from "./context";
import type { SheetLayout } from "./layout";

/** Units of the indicators as the declaration tables print them in their headers. */
const UNIT_TEXT: Record<string, string> = { 人: "人", 平方米: "㎡", 元: "元", 间: "间" };

/** An indicator's long name with its unit: 「生均教学及辅助用房面积（㎡）」. */
export function longName(spec: IndicatorSpec): string {
  return `${spec.name}（${UNIT_TEXT[spec.unit] ?? spec.unit}）`;
}

/**
 * Who files a county's declaration tables: the bureau the source sheets' 「填报单位：」 line names
 * (when the workbook is one county's and its sheets name one bureau), else the county's name;
 * "" when neither is known (the line is then left for the staffer to write in).
 *
 * @example
 * filingUnit(ctx, ""); // "示范区教育局" (the sample's 「填报单位：示范区教育局（盖章）」)
 * filingUnit(ctx, "甲县"); // "甲县" in a workbook of several counties
 */
export function filingUnit(ctx: ReportContext, county: string): string {
  const units = new Set(
    (ctx.input.read?.tables ?? []).flatMap((t) => (t.filingUnit ? [t.filingUnit] : []))
  );
  if (ctx.input.result.counties.length === 1 && units.size === 1) return [...units][0];
  return county;
}

/** The line to write on when the filing unit is not known. */
const BLANK = "＿＿＿＿＿＿＿＿＿＿";

/**
 * The sign-off under a declaration table: 填表人, 审核人 and 日期 to fill in by hand, and the
 * 填报单位 line with a tall row for the seal.
 *
 * @example
 * declarationSignOff(sheet, "示范区教育局", 14);
 * // 「填表人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日」
 * // 「填报单位（盖章）：示范区教育局」 (60 pt high)
 */
export function declarationSignOff(sheet: SheetLayout, unit: string, lastCol: number): void {
  sheet.skip();
  const people = sheet.append(
    [
      textCell(
        "填表人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日",
        "subtitle"
      ),
    ],
    24
  );
  sheet.merge(people, 0, people, lastCol);
  // A seal is about 4 cm across: the row leaves it room (60 pt ≈ 2.1 cm, stamped over the text).
  const seal = sheet.append([textCell(`填报单位（盖章）：${unit || BLANK}`, "subtitle")], 60);
  sheet.merge(seal, 0, seal, lastCol);
}

/**
 * The head of a declaration table: its number (表Ⅱ-2), its title merged across the table, and
 * the 填报单位 line naming the filing unit (see filingUnit). Returns the next free row.
 */
export function declarationHead(
  sheet: SheetLayout,
  number: string,
  title: string,
  county: string,
  lastCol: number
): number {
  sheet.append([textCell(number, "subtitle")]);
  const titleRow = sheet.append([textCell(title, "title")], 28);
  sheet.merge(titleRow, 0, titleRow, lastCol);
  const unitRow = sheet.append([textCell(`填报单位：${county || BLANK}`, "subtitle")]);
  sheet.merge(unitRow, 0, unitRow, lastCol);
  return sheet.next;
}

/** A 「注：」 block under a table, each line merged across it. */
export function declarationNotes(sheet: SheetLayout, lines: string[], lastCol: number): void {
  lines.forEach((line, i) => {
    const row = sheet.append([textCell(i === 0 ? `注：${line}` : line, "note")], 30);
    sheet.merge(row, 0, row, lastCol);
  });
}
