import type { IndicatorSpec } from "../engine";
import { textCell } from "./cells";
import type { SheetLayout } from "./layout";

/** Units of the indicators as the declaration tables print them in their headers. */
const UNIT_TEXT: Record<string, string> = { 人: "人", 平方米: "㎡", 元: "元", 间: "间" };

/** An indicator's long name with its unit: 「生均教学及辅助用房面积（㎡）」. */
export function longName(spec: IndicatorSpec): string {
  return `${spec.name}（${UNIT_TEXT[spec.unit] ?? spec.unit}）`;
}

/**
 * The head of a declaration table: its number (表Ⅱ-2), its title merged across the table, and
 * the 填报单位 line naming the county. Returns the next free row.
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
  const unitRow = sheet.append([textCell(`填报单位：${county}`, "subtitle")]);
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
