import { fieldUnit, type FieldUnit } from "../engine/catalogue";
import { parseFieldId } from "./fields";

/** The unit a column's figures are converted from, and the factor to the engine's unit. */
export interface ColumnUnit {
  factor: number;
  /** How the unit was found: written in the header, on the sheet's 「单位：」 line, or not at all. */
  from: "header" | "sheet" | "none";
  /** The unit as written (folded), e.g. "万元". */
  unit: string;
}

const unitOf = (field: string) => fieldUnit(parseFieldId(field).base);

/** The sheet's 「单位：人、平方米、万元」 line among the rows above the header, folded; "" when none. */
export function sheetUnitLine(above: readonly string[]): string {
  for (const text of above) {
    // 「填报单位：」 names the bureau, not a unit; both may share one cell.
    const m = /(?:^|[^填报送表])单位:(.*)$/.exec(text);
    if (m) return m[1];
  }
  return "";
}

function moneyFactor(unit: string): number | null {
  if (/万元/.test(unit)) return 10000;
  if (/千元/.test(unit)) return 1000;
  if (/元/.test(unit)) return 1;
  return null;
}

function areaFactor(unit: string): number | null {
  if (/万(平方米|平米|m2)/.test(unit)) return 10000;
  if (/平方米|平米|m2|米2/.test(unit)) return 1;
  return null;
}

/**
 * The unit of a column: money is converted to 元 and areas to m², reading the header's unit first
 * and the sheet's 「单位：」 line second. Other fields keep factor 1.
 *
 * @example
 * columnUnit("facilities.equipmentValue", "万元", ""); // { factor: 10000, from: "header", unit: "万元" }
 * columnUnit("facilities.equipmentValue", undefined, "人、平方米、万元"); // { factor: 10000, from: "sheet", unit: "万元" }
 */
export function columnUnit(field: string, headerUnit: string | undefined, sheetLine: string): ColumnUnit | null {
  const unit = unitOf(field);
  const reader = unit === "money" ? moneyFactor : unit === "area" ? areaFactor : unit === "books" ? booksFactor : null;
  if (!reader) return null;
  const fromHeader = headerUnit ? reader(headerUnit) : null;
  if (fromHeader !== null) return { factor: fromHeader, from: "header", unit: headerUnit! };
  const fromSheet = sheetLine ? reader(sheetLine) : null;
  if (fromSheet !== null) return { factor: fromSheet, from: "sheet", unit: unitWord(sheetLine, unit) };
  return { factor: 1, from: "none", unit: "" };
}

function booksFactor(unit: string): number | null {
  if (/万册/.test(unit)) return 10000;
  if (/册/.test(unit)) return 1;
  return null;
}

function unitWord(line: string, unit: FieldUnit | undefined): string {
  const pattern = unit === "money" ? /万元|千元|元/ : unit === "area" ? /万平方米|平方米|平米|m2/ : /万册|册/;
  return pattern.exec(line)?.[0] ?? "";
}

/** The engine's unit of a converted field, for TableInfo.units. */
export function targetUnit(field: string): string {
  const unit = unitOf(field);
  if (unit === "money") return "元";
  if (unit === "area") return "平方米";
  return "册";
}
