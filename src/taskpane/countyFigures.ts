/**
 * A county item's figure as the pane shows it beside the requirement: rates as percents to one
 * decimal (the declaration tables' rounding), 元 and counts to at most two decimals, 是/否 in the pane's
 * language, Q9's subjects as level and rate. The rule kinds come from the county catalogue.
 */
import { COUNTY_ITEMS, type CountyItemResult, type ItemRule, type ItemValue } from "../engine";

/** The words a figure needs from the pane's language. */
export interface FigureWords {
  yes: string;
  no: string;
  /** 「语文 Ⅲ级，差异率0.12」 / "语文 level Ⅲ, gap 0.12". */
  subject: (name: string, level: string, rate: string) => string;
  /** Between the figures of an item judged on several rules. */
  separator: string;
}

const LEVELS = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"];

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** 元 and counts: up to two decimals, so 5999.99 元 is never shown as the 6000 it fails. */
function amount(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function figureOf(rule: ItemRule, value: ItemValue, words: FigureWords): string {
  if (value === null) return "—";
  if (rule.kind === "all" && Array.isArray(value))
    return rule.rules
      .map((sub, i) => figureOf(sub, (value as ItemValue[])[i] ?? null, words))
      .join(words.separator);
  if (Array.isArray(value))
    return value
      .map((v) =>
        v !== null && typeof v === "object" && "subject" in v
          ? words.subject(v.subject, LEVELS[v.level - 1] ?? String(v.level), String(v.rate))
          : figureOf(rule, v as ItemValue, words)
      )
      .join(words.separator);
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (typeof value !== "number") return "—";
  switch (rule.kind) {
    case "ratio":
      // A rate against a share (0.95); G7's 元 per pupil against a setting.
      return typeof rule.min === "number" && rule.min <= 1 ? percent(value) : amount(value);
    case "allOf":
      return percent(value);
    default:
      return amount(value);
  }
}

/**
 * The item's figure, or null when it has none (unchecked, or a school-sheet item whose schools
 * the pane lists on their own).
 *
 * @example
 * itemFigure({ id: "G11", value: [0.0587, 0.78], … }, words); // "5.9%、78.0%"
 * itemFigure({ id: "G7", value: 5999.99, … }, words);          // "5,999.99"
 */
export function itemFigure(item: CountyItemResult, words: FigureWords): string | null {
  const rule = COUNTY_ITEMS.find((i) => i.id === item.id)?.rule;
  if (!rule || rule.kind === "schools" || item.status === "unchecked" || item.value === null)
    return null;
  return figureOf(rule, item.value, words);
}

/** The item's 要求 as the form prints it (Chinese, from the catalogue). */
export function itemRequirement(id: string): string {
  return COUNTY_ITEMS.find((i) => i.id === id)?.requirement ?? "";
}
