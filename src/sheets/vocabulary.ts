import {
  FIELD_DEFS,
  HEADER_CONFIDENCE,
  NAME_HEADER,
  RATIO_WORDS,
  SHARE_WORDS,
  type FieldDef,
  type HeaderWording,
} from "../engine/catalogue";
import type { Stage } from "../engine/types";
import { fieldIdOf, isStagedBase, type FieldId } from "./fields";

/** What a header names: the field, how sure the match is, and the unit written in it. */
export interface HeaderMatch {
  field: FieldId;
  confidence: number;
  /** Unit written in the header (「（万元）」 → "万元"), folded. */
  unit?: string;
  /** A 「其中：」 column: a part of the row's total, never added to it (「其中：高中在校生数」). */
  part?: boolean;
}

/** A catalogue wording, with the field it names. */
interface Rule extends HeaderWording {
  base: string;
}

/** True when a folded text is a wording of the 学校名称 header (a header repeated among the rows). */
export function isNameHeader(text: string): boolean {
  return NAME_HEADER.test(text);
}

const rulesOf = (fields: readonly FieldDef[]): Rule[] =>
  fields.flatMap((f) => f.wordings.map((w) => ({ ...w, base: f.id })));
/** Ratios a bureau computed itself (→ given.*): tried first, since 「生均教学用房」 also names a room. */
const RATIO_RULES = rulesOf(FIELD_DEFS.filter((f) => f.heldRatio));
/** Counts, areas and identity columns, in the catalogue's order (most specific first). */
const RULES = rulesOf(FIELD_DEFS.filter((f) => !f.heldRatio));

/**
 * True for a header that states a share or rate in other words than the indicator's own
 * (「骨干教师占比(%)」, 「多媒体教室覆盖率」): such a column is set aside, never read as a count.
 *
 * @example
 * isShareHeader("骨干教师占比(%)"); // true
 * isShareHeader("每百名学生拥有骨干教师数"); // false
 */
export function isShareHeader(text: string): boolean {
  return SHARE_WORDS.test(text) && !RATIO_WORDS.test(text);
}

const UNIT =
  /^(单位:?)?(万元|千元|元|万平方米|平方米|平米|m2|m\^2|米2|人|名|个|间|台|册|万册|所|班|%|间数|个数|人数)(\/(生|人|名|百人|百名学生))?$/i;
const UNIT_SUFFIX = /(?<=[值积额])(万元|千元|元|万平方米|平方米|平米|m2)$/;
const STAGE_WORD = /小学部?|初级中学|初中部?|高级中学|高中部?/g;

/** Stage words named in a header, and the header without them. */
function takeStage(text: string): { stage: Stage | "senior" | null; rest: string } {
  const found = new Set<Stage | "senior">();
  const rest = text.replace(STAGE_WORD, (w) => {
    found.add(w.startsWith("小学") ? "primary" : w.startsWith("初") ? "junior" : "senior");
    return "";
  });
  return { stage: found.size === 1 ? [...found][0] : null, rest: found.size > 1 ? text : rest };
}

/** Units written in brackets or after the figure's name, and the header without them. */
function takeUnits(text: string): { units: string[]; rest: string } {
  const units: string[] = [];
  let rest = text.replace(/\(([^()]*)\)/g, (whole, inner: string) => {
    if (UNIT.test(inner)) {
      units.push(inner.replace(/^单位:?/, ""));
      return "";
    }
    return whole;
  });
  rest = rest.replace(UNIT_SUFFIX, (u) => {
    units.push(u);
    return "";
  });
  return { units, rest: rest.replace(/^其中:?/, "").replace(/^[、:,.]+|[、:,.]+$/g, "") };
}

function firstMatch(rules: Rule[], text: string, ctx: string): Rule | null {
  if (!text) return null;
  for (const rule of rules) {
    if (
      rule.re.test(text) &&
      (!rule.ctx || rule.ctx.test(ctx)) &&
      (!rule.not || !rule.not.test(text))
    )
      return rule;
  }
  return null;
}

function bandBase(text: string): string | null {
  const range = /^(\d+)[-~—–至到](\d+)/.exec(text);
  if (range) return `classSizeBands.${Number(range[1])}-${Number(range[2])}`;
  const open = /^(\d+)人(及)?(以上|以下)/.exec(text);
  if (!open) return null;
  // Class-size bands in the statistics tables read 「56人以上」 as 56 and more (and 「25人以下」 as up to 25).
  const n = Number(open[1]);
  return open[3] === "以上" ? `classSizeBands.${n}-` : `classSizeBands.1-${n}`;
}

/** Chooses the rule for a header: ratios first, then the leaf cell, then the whole flattened text. */
function chooseRule(
  leaf: string,
  whole: string,
  grouped: boolean
): { rule: Rule; text: string; conf: number } | null {
  const candidates: [Rule[], string, number][] = [[RATIO_RULES, leaf, 1]];
  if (RATIO_WORDS.test(whole))
    candidates.push([RATIO_RULES, whole, HEADER_CONFIDENCE.ratioFromGroup]);
  if (!RATIO_WORDS.test(leaf)) {
    candidates.push([RULES, leaf, 1]);
    if (grouped && !RATIO_WORDS.test(whole))
      candidates.push([RULES, whole, HEADER_CONFIDENCE.grouped]);
  }
  for (const [rules, text, factor] of candidates) {
    for (const variant of [text, text.replace(/\([^()]*\)/g, "")]) {
      const rule = firstMatch(rules, variant, whole);
      if (rule)
        return {
          rule,
          text: variant,
          conf: rule.conf * factor * (variant === text ? 1 : HEADER_CONFIDENCE.bracketsDropped),
        };
    }
  }
  return null;
}

/**
 * Names the field behind a column from its header cells, top to bottom (group cells first),
 * each already folded (see foldText). Stage words pick the stage (「小学在校生数」 → pupils.primary),
 * units in the header are returned, and the confidence says how direct the match was.
 *
 * @example
 * matchHeader(["教师情况", "县级以上骨干教师"]); // { field: "teachers.backbone", confidence: 1 }
 * matchHeader(["在校生数", "小学"]); // { field: "pupils.primary", confidence: HEADER_CONFIDENCE.grouped }
 * matchHeader(["教学仪器设备总值(万元)"]); // { field: "facilities.equipmentValue", confidence: 1, unit: "万元" }
 */
export function matchHeader(parts: readonly string[]): HeaderMatch | null {
  const cleaned = parts.filter((p) => p !== "");
  if (cleaned.length === 0) return null;
  const joined = cleaned.join("");
  if (joined.length > 120) return null;
  const { stage, rest: wholeNoStage } = takeStage(joined);
  const whole = takeUnits(wholeNoStage);
  const leaf = takeUnits(takeStage(cleaned[cleaned.length - 1]).rest);
  const chosen = chooseRule(leaf.rest, whole.rest, cleaned.length > 1);
  if (!chosen) return null;
  // A share or rate names a count's field (骨干, 多媒体) but is no count: only the ratio rules may take it.
  if (!RATIO_RULES.includes(chosen.rule) && isShareHeader(joined)) return null;
  let base = chosen.rule.base;
  if (base === "classSizeBands") {
    const band = bandBase(chosen.text);
    if (!band) return null;
    base = band;
  }
  const unit = whole.units[whole.units.length - 1];
  const withUnit = (field: FieldId): HeaderMatch => ({
    field,
    confidence: round(chosen.conf),
    ...(unit ? { unit } : {}),
  });
  if (stage === "senior") {
    if (base !== "pupils") return null;
    return cleaned.some((p) => /^其中/.test(p))
      ? { ...withUnit("seniorPupils"), part: true }
      : withUnit("seniorPupils");
  }
  const stageOk = stage && isStagedBase(base) ? stage : undefined;
  return withUnit(fieldIdOf(base, stageOk));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
