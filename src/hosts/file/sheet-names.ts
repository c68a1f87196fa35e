/**
 * Sheet names: Excel allows at most 31 characters, none of []:*?/\ and no leading or trailing
 * apostrophe, and compares names without regard to case.
 */
const MAX_LENGTH = 31;

/** A name Excel accepts, from a preferred one (forbidden characters become 「_」). */
export function legalSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").trim();
  const base = cleaned === "" ? "审计" : cleaned;
  return [...base].slice(0, MAX_LENGTH).join("");
}

/**
 * The preferred name when no sheet has it, else 「name (2)」, 「name (3)」 … shortened to fit 31 characters.
 *
 * @example
 * uniqueSheetName("审计总览", ["小学", "审计总览"]); // "审计总览 (2)"
 */
export function uniqueSheetName(preferred: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = legalSheetName(preferred);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = [...base].slice(0, MAX_LENGTH - suffix.length).join("") + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
