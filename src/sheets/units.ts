import { parseFieldId } from "./fields";

/** The unit a column's figures are converted from, and the factor to the engine's unit. */
export interface ColumnUnit {
  factor: number;
  /** How the unit was found: written in the header, on the sheet's 「单位：」 line, or not at all. */
  from: "header" | "sheet" | "none";
  /** The unit as written (folded), e.g. "万元". */
  unit: string;
}

const MONEY = new Set(["facilities.equipmentValue", "given.L6"]);
const AREA = new Set([
  "facilities.teachingArea",
  "facilities.indoorSportsArea",
  "facilities.sportsArea",
  "facilities.sportsHallArea",
  "facilities.sportsGroundArea",
  "facilities.musicRoomArea",
  "facilities.artRoomArea",
  "given.L4",
  "given.L5",
]);

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
  const { base } = parseFieldId(field);
  const reader = MONEY.has(base) ? moneyFactor : AREA.has(base) ? areaFactor : base === "facilities.books" ? booksFactor : null;
  if (!reader) return null;
  const fromHeader = headerUnit ? reader(headerUnit) : null;
  if (fromHeader !== null) return { factor: fromHeader, from: "header", unit: headerUnit! };
  const fromSheet = sheetLine ? reader(sheetLine) : null;
  if (fromSheet !== null) return { factor: fromSheet, from: "sheet", unit: unitWord(sheetLine, base) };
  return { factor: 1, from: "none", unit: "" };
}

function booksFactor(unit: string): number | null {
  if (/万册/.test(unit)) return 10000;
  if (/册/.test(unit)) return 1;
  return null;
}

function unitWord(line: string, base: string): string {
  const pattern = MONEY.has(base) ? /万元|千元|元/ : AREA.has(base) ? /万平方米|平方米|平米|m2/ : /万册|册/;
  return pattern.exec(line)?.[0] ?? "";
}

/** The engine's unit of a converted field, for TableInfo.units. */
export function targetUnit(field: string): string {
  const { base } = parseFieldId(field);
  if (MONEY.has(base)) return "元";
  if (AREA.has(base)) return "平方米";
  return "册";
}
