import {
  findStandard,
  STANDARD_2012,
  STANDARD_2017,
  type IndicatorSpec,
  type Standard,
} from "./standards";
import { STAGE_NAMES, type Stage } from "./types";

/**
 * Names users type for indicators, stages and standards, resolved to the engine's ids.
 * Pure and host-neutral: the custom functions use it, and so can the task pane and the sheet reader.
 */

/**
 * Folds what users vary without meaning to: full-width letters and digits (NFKC), spaces,
 * corner brackets and quotes, letter case.
 *
 * @example
 * normalizeName(" 「Ｌ３」 "); // "l3"
 */
export function normalizeName(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s「」『』"'“”‘’]/g, "")
    .toLowerCase();
}

/**
 * An indicator of a standard by its id (L1…L7, B1…B8), official name, short name or alias.
 * Returns undefined when nothing matches.
 *
 * @example
 * findIndicator(STANDARD_2017, "教学用房")?.id; // "L4"
 * findIndicator(STANDARD_2017, "l3")?.id; // "L3"
 */
export function findIndicator(standard: Standard, text: string): IndicatorSpec | undefined {
  const key = normalizeName(text);
  if (key === "") return undefined;
  return standard.indicators.find((spec) =>
    [spec.id, spec.name, spec.shortName, ...spec.aliases].some((n) => normalizeName(n) === key)
  );
}

const STAGE_WORDS: Record<Stage, string[]> = {
  primary: ["小学", "小学部", "小学段", "primary"],
  junior: ["初中", "初中部", "初中段", "初级中学", "junior"],
};

/**
 * A stage from 小学/初中 (or 小学部, 初级中学, primary, junior). Returns undefined when nothing matches.
 *
 * @example
 * parseStage("初中部"); // "junior"
 */
export function parseStage(text: string): Stage | undefined {
  const key = normalizeName(text);
  for (const stage of Object.keys(STAGE_WORDS) as Stage[]) {
    if (STAGE_WORDS[stage].includes(key)) return stage;
  }
  return undefined;
}

const STANDARD_WORDS: Record<string, string[]> = {
  [STANDARD_2017.id]: ["优质均衡", "教督〔2017〕6号", STANDARD_2017.name],
  [STANDARD_2012.id]: ["基本均衡", "教督〔2012〕3号", STANDARD_2012.name],
};

/**
 * A standard from its id ("2017", 2012) or its name (优质均衡, 基本均衡). Returns undefined when nothing matches.
 *
 * @example
 * parseStandard(2012)?.id; // "2012"
 * parseStandard("优质均衡")?.id; // "2017"
 */
export function parseStandard(text: string | number): Standard | undefined {
  const key = normalizeName(String(text));
  const byId = findStandard(key);
  if (byId) return byId;
  for (const [id, words] of Object.entries(STANDARD_WORDS)) {
    if (words.some((w) => normalizeName(w) === key)) return findStandard(id);
  }
  return undefined;
}

/** What a user may type for an indicator of this standard, for messages: 「L1（高学历教师）、L2（骨干教师）…」. */
export function indicatorChoices(standard: Standard): string {
  return standard.indicators.map((spec) => `${spec.id}（${spec.shortName}）`).join("、");
}

/** The stage names users read, for messages: 「小学、初中」. */
export function stageChoices(): string {
  return Object.values(STAGE_NAMES).join("、");
}
