import type { SchoolKind, Stage } from "../engine/types";

/** What a stage column's text or a school's name says about the school. */
export interface KindHint {
  kind?: SchoolKind;
  stage?: Stage;
  /** "clear": the words say it (…小学, 初级中学); "weak": a likely reading (…中学 → 初中). */
  certainty: "clear" | "weak";
}

const KIND_WORDS: [RegExp, SchoolKind, Stage | undefined][] = [
  [/特殊教育|特教|培智|聋哑|盲校|聋校|盲聋/, "special", undefined],
  // 启智/启明/启聪 name special schools (「县启智学校」) but also ordinary ones (「启智小学」): see kindHint.
  [/启智|启聪|启明/, "special", undefined],
  [/职业|职高|中职|职教|技工|技校|中专/, "vocational", undefined],
  [/十二年一贯|十二年制|12年一贯/, "twelveYear", undefined],
  [/九年一贯|九年制|9年一贯/, "nineYear", undefined],
  [/完全中学|完中/, "completeMiddle", "junior"],
  [/教学点/, "teachingPoint", "primary"],
];

function stageWord(text: string): KindHint | null {
  if (/小学部|小学段|小学阶段/.test(text)) return { stage: "primary", certainty: "clear" };
  if (/初中部|初中段|初中阶段|初级中学部/.test(text))
    return { stage: "junior", certainty: "clear" };
  if (/小学$|^小学|小学校区|小学\(|小学分校|小学本部/.test(text))
    return { stage: "primary", certainty: "clear" };
  if (/初级中学|初中/.test(text)) return { stage: "junior", certainty: "clear" };
  if (/小学/.test(text)) return { stage: "primary", certainty: "clear" };
  if (/中学/.test(text) && !/高级中学|高中/.test(text))
    return { stage: "junior", certainty: "weak" };
  return null;
}

/**
 * Reads a school kind and stage from text: a 学段 / 学校类型 cell or, failing that, the school's name.
 * A part's stage word wins over the school kind (「XX九年一贯制学校小学部」 → nineYear, primary).
 *
 * @example
 * kindHint("城关镇中心小学"); // { kind: "primary", stage: "primary", certainty: "clear" }
 * kindHint("第二初级中学"); // { kind: "junior", stage: "junior", certainty: "clear" }
 * kindHint("实验学校"); // null
 * kindHint("县启智学校"); // { kind: "special", certainty: "clear" }
 * kindHint("启智小学"); // { kind: "primary", stage: "primary", certainty: "clear" }
 */
export function kindHint(text: string): KindHint | null {
  if (!text) return null;
  const stage = stageWord(text);
  for (const [re, kind, defaultStage] of KIND_WORDS) {
    if (!re.test(text)) continue;
    if (kind === "special" && /启智|启聪|启明/.test(re.source) && stage?.certainty === "clear")
      continue;
    if (kind === "special" || kind === "vocational") return { kind, certainty: "clear" };
    // A kind word is clear; only a clear stage word (小学部, 初中) refines it, not the weak 「中学」.
    const s = stage?.certainty === "clear" ? stage.stage : defaultStage;
    return { kind, ...(s ? { stage: s } : {}), certainty: "clear" };
  }
  if (!stage) return null;
  return { kind: stage.stage, ...stage };
}

/** The stage a sheet's name names (「小学」, 「初中学校」), or null. */
export function sheetStage(sheetName: string): Stage | null {
  const primary = /小学/.test(sheetName);
  const junior = /初中|初级中学/.test(sheetName);
  if (primary === junior) return null;
  return primary ? "primary" : "junior";
}
