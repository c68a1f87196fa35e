/**
 * Sheet names as Excel allows them, and the choice of names beside a user's own sheets.
 * Excel compares sheet names without regard to case; a name has at most 31 characters, none of
 * []:*?/\, does not start or end with an apostrophe, and "History" is reserved.
 */

export const MAX_SHEET_NAME = 31;

const FORBIDDEN = /[[\]:*?/\\]/g;

/** Cuts a name to at most `max` UTF-16 units without splitting a character. */
function truncate(name: string, max: number): string {
  let out = "";
  for (const ch of name) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * A name Excel accepts: forbidden characters become 「_」, control characters go, edges are
 * trimmed of spaces and apostrophes, at most 31 characters; an empty result becomes 「工作表」.
 *
 * @example
 * sanitizeSheetName("表Ⅱ-2 某县[城区]/东"); // "表Ⅱ-2 某县_城区__东"
 */
export function sanitizeSheetName(name: string): string {
  let out = String(name)
    .replace(FORBIDDEN, "_")
    .replace(/[\u0000-\u001f\u007f]/g, "");
  out = out.replace(/^[\s']+|[\s']+$/g, "");
  out = truncate(out, MAX_SHEET_NAME).replace(/[\s']+$/, "");
  if (out === "") return "工作表";
  if (out.toLowerCase() === "history") return "History_";
  return out;
}

/** `name (n)` cut so the suffix fits in 31 characters. */
function numbered(name: string, n: number): string {
  const suffix = ` (${n})`;
  return truncate(name, MAX_SHEET_NAME - suffix.length).replace(/[\s']+$/, "") + suffix;
}

/** The key Excel compares sheet names by: case does not matter. */
export function sheetKey(name: string): string {
  return name.toLowerCase();
}

/**
 * A name not in `taken` (lower-cased names): the name itself, else 「name (2)」, 「name (3)」….
 *
 * @example
 * uniqueSheetName("审计总览", new Set(["审计总览"])); // "审计总览 (2)"
 */
export function uniqueSheetName(name: string, taken: ReadonlySet<string>): string {
  const base = sanitizeSheetName(name);
  if (!taken.has(sheetKey(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = numbered(base, n);
    if (!taken.has(sheetKey(candidate))) return candidate;
  }
}

/**
 * Names for the planned sheets beside the workbook's existing ones. An owned sheet (an earlier
 * audit's) with the same name will be replaced, so the name is kept; a user's sheet is never
 * replaced, so the planned sheet takes 「审计总览 (2)」 or the next free number instead.
 * Names are returned in the order of `planned` and are distinct from each other.
 *
 * @example
 * chooseSheetNames(["审计总览", "学校达标"], [
 *   { name: "审计总览", owned: false },
 *   { name: "学校达标", owned: true },
 * ]); // ["审计总览 (2)", "学校达标"]
 */
export function chooseSheetNames(
  planned: string[],
  existing: { name: string; owned: boolean }[]
): string[] {
  const taken = new Set(existing.filter((s) => !s.owned).map((s) => s.name.toLowerCase()));
  return planned.map((name) => {
    const chosen = uniqueSheetName(name, taken);
    taken.add(chosen.toLowerCase());
    return chosen;
  });
}
