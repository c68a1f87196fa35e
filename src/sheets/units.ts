import { fieldUnit, findField, type FieldUnit } from "../engine/catalogue";
import { parseFieldId } from "./fields";

/** The unit a column's figures are converted from, and the factor to the engine's unit. */
export interface ColumnUnit {
  factor: number;
  /** How the unit was found: written in the header, on the sheet's 「单位：」 line, or not at all. */
  from: "header" | "sheet" | "none";
  /** The unit as written (folded), e.g. "万元". */
  unit: string;
}

const fieldUnitOf = (field: string) => fieldUnit(parseFieldId(field).base);

/** The sheet's 「单位：人、平方米、万元」 line among the rows above the header, folded; "" when none. */
export function sheetUnitLine(above: readonly string[]): string {
  for (const text of above) {
    // 「填报单位：」 names the bureau, not a unit; both may share one cell.
    const m = /(?:^|[^填报送表])单位:(.*)$/.exec(text);
    if (m) return m[1];
  }
  return "";
}

/**
 * The bureau a sheet's 「填报单位：」 line names (folded text), without its seal note or the 「单位：」
 * part sharing the cell; undefined when the rows above the header have none or it is blank.
 *
 * @example
 * filingUnitLine(["某县统计表", "填报单位:示范区教育局(盖章)单位:人、平方米、万元"]); // "示范区教育局"
 */
export function filingUnitLine(above: readonly string[]): string | undefined {
  for (const text of above) {
    const m = /^(?:填报单位|填表单位|报送单位)(?:\(盖章\))?:(.*)$/.exec(text);
    if (!m) continue;
    const unit = m[1]
      .replace(/(?:计量)?单位:.*$|(?:填表人|填报人|日期|时间|统计时间):.*$/, "")
      .replace(/\(盖章\)|\(公章\)|盖章/g, "")
      .replace(/[_＿]+/g, "")
      .trim();
    return unit === "" ? undefined : unit;
  }
  return undefined;
}

/** What a unit measures. */
export type Measure =
  "money" | "area" | "books" | "people" | "rooms" | "devices" | "classes" | "schools" | "count";

/**
 * Every unit the reader and the custom functions accept, folded (NFKC: 「㎡」 is "m2"), with what
 * it measures and its factor to the measure's base unit (元, 平方米, 册, 人 …). Longest words first,
 * so 「万元」 is found before 「元」.
 */
export const UNITS: readonly { word: string; measure: Measure; factor: number }[] = [
  { word: "万平方米", measure: "area", factor: 10000 },
  { word: "万平米", measure: "area", factor: 10000 },
  { word: "万m2", measure: "area", factor: 10000 },
  { word: "平方米", measure: "area", factor: 1 },
  { word: "平米", measure: "area", factor: 1 },
  { word: "m2", measure: "area", factor: 1 },
  { word: "米2", measure: "area", factor: 1 },
  { word: "万元", measure: "money", factor: 10000 },
  { word: "千元", measure: "money", factor: 1000 },
  { word: "元", measure: "money", factor: 1 },
  { word: "万册", measure: "books", factor: 10000 },
  { word: "册", measure: "books", factor: 1 },
  { word: "人", measure: "people", factor: 1 },
  { word: "名", measure: "people", factor: 1 },
  { word: "间", measure: "rooms", factor: 1 },
  { word: "台", measure: "devices", factor: 1 },
  { word: "班", measure: "classes", factor: 1 },
  { word: "所", measure: "schools", factor: 1 },
  { word: "个", measure: "count", factor: 1 },
  { word: "座", measure: "count", factor: 1 },
  { word: "套", measure: "count", factor: 1 },
];

/**
 * A unit word as a whole (「万平方米」, 「名」), or null when it is none of UNITS.
 *
 * @example
 * unitOf("万平方米"); // { word: "万平方米", measure: "area", factor: 10000 }
 * unitOf("公斤"); // null
 */
export function unitOf(word: string): { word: string; measure: Measure; factor: number } | null {
  const folded = word.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  return UNITS.find((u) => u.word === folded) ?? null;
}

/** The factor of the first unit of a measure written in a text (a header unit, a 「单位：」 line). */
function factorIn(text: string, measure: Measure): number | null {
  return UNITS.find((u) => u.measure === measure && text.includes(u.word))?.factor ?? null;
}

const moneyFactor = (unit: string) => factorIn(unit, "money");
const areaFactor = (unit: string) => factorIn(unit, "area");

/** What a field's figures measure (from the catalogue), or null for a plain number or text (每百名…, 年级数). */
export function measureOf(field: string): Measure | null {
  const unit = fieldUnitOf(field);
  return unit === undefined || unit === "text" || unit === "count" ? null : unit;
}

/**
 * The factor that takes a figure written with a unit in its own cell (「12.5万元」) to the field's
 * unit, or null when the unit does not fit the field (「12人」 in an area column).
 *
 * @example
 * cellUnitFactor("facilities.equipmentValue", "万元"); // 10000
 * cellUnitFactor("facilities.teachingArea", "人"); // null
 */
export function cellUnitFactor(field: string, word: string): number | null {
  const unit = unitOf(word);
  if (!unit) return null;
  const measure = measureOf(field);
  if (measure === unit.measure) return unit.factor;
  const generic = unit.measure === "count" || unit.measure === "people";
  if (measure === null) return generic ? 1 : null;
  if (unit.measure === "count" && ["rooms", "devices", "classes", "schools"].includes(measure))
    return 1;
  return null;
}

/**
 * The unit of a column: money is converted to 元 and areas to m², reading the header's unit first
 * and the sheet's 「单位：」 line second (totals only: a 生均 column ignores the line). Other fields keep factor 1.
 *
 * @example
 * columnUnit("facilities.equipmentValue", "万元", ""); // { factor: 10000, from: "header", unit: "万元" }
 * columnUnit("facilities.equipmentValue", undefined, "人、平方米、万元"); // { factor: 10000, from: "sheet", unit: "万元" }
 * columnUnit("given.L6", undefined, "人、平方米、万元"); // { factor: 1, from: "none", unit: "" }
 */
export function columnUnit(
  field: string,
  headerUnit: string | undefined,
  sheetLine: string
): ColumnUnit | null {
  const unit = fieldUnitOf(field);
  const reader =
    unit === "money"
      ? moneyFactor
      : unit === "area"
        ? areaFactor
        : unit === "books"
          ? booksFactor
          : null;
  if (!reader) return null;
  const fromHeader = headerUnit ? reader(headerUnit) : null;
  if (fromHeader !== null) return { factor: fromHeader, from: "header", unit: headerUnit! };
  // The 「单位：…万元」 line is the unit of totals: a per-pupil (生均) column is in its own unit, 元 when none.
  const fromSheet =
    sheetLine && !findField(parseFieldId(field).base)?.heldRatio ? reader(sheetLine) : null;
  if (fromSheet !== null)
    return { factor: fromSheet, from: "sheet", unit: unitWord(sheetLine, unit) };
  return { factor: 1, from: "none", unit: "" };
}

function booksFactor(unit: string): number | null {
  return factorIn(unit, "books");
}

function unitWord(line: string, unit: FieldUnit | undefined): string {
  const pattern =
    unit === "money" ? /万元|千元|元/ : unit === "area" ? /万平方米|平方米|平米|m2/ : /万册|册/;
  return pattern.exec(line)?.[0] ?? "";
}

/** The engine's unit of a converted field, for TableInfo.units. */
export function targetUnit(field: string): string {
  const unit = fieldUnitOf(field);
  if (unit === "money") return "元";
  if (unit === "area") return "平方米";
  return "册";
}
