import type { SchoolRecord } from "../engine/types";
import type { DiagnosticSink } from "./diag";
import { clip, foldText } from "./text";

/** Share of a table's records that repeat schools read from earlier sheets for it to count as a copy. */
const COPY_SHARE = 0.9;

/** Folded county names: a city's thousands of schools name a few dozen counties. */
const foldedCounties = new Map<string, string>();
function foldedCounty(county: string | undefined): string {
  if (!county) return "";
  let folded = foldedCounties.get(county);
  if (folded === undefined) {
    folded = foldText(county);
    if (foldedCounties.size < 10_000) foldedCounties.set(county, folded);
  }
  return folded;
}

/** A school's identity: its code, else its name, within its county. */
function duplicateKey(record: SchoolRecord): string {
  return `${foldedCounty(record.county)}\u0001${record.code ? `#${record.code}` : foldText(record.name)}`;
}

/** Every figure of a record by its path (pupils, teachers, facilities …), for comparing two rows. */
function figures(record: SchoolRecord): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (prefix: string, value: unknown) => {
    if (typeof value === "number") out.set(prefix, value);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(`${prefix}.${i}`, v));
    else if (value !== null && typeof value === "object")
      for (const [k, v] of Object.entries(value)) walk(`${prefix}.${k}`, v);
  };
  walk("stages", record.stages);
  walk("facilities", record.facilities);
  walk("whole", record.wholeSchoolTeachers);
  walk("senior", record.seniorPupils);
  return out;
}

/** The figures two records both give are equal (a sheet with fewer columns still repeats the school). */
function sameFigures(a: SchoolRecord, b: SchoolRecord): boolean {
  const fa = figures(a);
  const fb = figures(b);
  for (const [path, value] of fa) {
    const other = fb.get(path);
    if (other !== undefined && Math.abs(other - value) > 1e-9) return false;
  }
  return true;
}

function stagesOf(record: SchoolRecord): string {
  return Object.keys(record.stages).sort().join(",");
}

/**
 * Two rows are the same school part when their 学校代码 and stages match or, with no code, when
 * their name, stages and every figure they both give match. Same name and different figures are
 * different schools (township sheets each with a 「中心小学」).
 */
function samePart(a: SchoolRecord, b: SchoolRecord): boolean {
  if (stagesOf(a) !== stagesOf(b)) return false;
  if (a.code && b.code) return a.code === b.code;
  return sameFigures(a, b);
}

function place(record: SchoolRecord): string {
  const src = record.source;
  return src ? `${src.sheet}!${src.cells?.name ?? `A${src.row}`}` : "";
}

/**
 * The schools read so far, by identity. Tells a later table that only repeats them figure for
 * figure (a workbook with one sheet for all schools and one per stage holds every school twice),
 * and reads a school part listed twice once, with a warning naming both cells.
 */
export class SchoolRegistry {
  /** A key's one record, or its list when several (nearly every key has one: no list for it). */
  private readonly byKey = new Map<string, SchoolRecord | SchoolRecord[]>();

  private twin(record: SchoolRecord, key: string): SchoolRecord | undefined {
    const found = this.byKey.get(key);
    if (found === undefined) return undefined;
    if (Array.isArray(found)) return found.find((e) => samePart(e, record));
    return samePart(found, record) ? found : undefined;
  }

  /** Identity keys of a table's records, and how many repeat earlier ones when that is nearly all. */
  copies(records: readonly SchoolRecord[]): { keys: string[]; copies: number } {
    const keys = records.map(duplicateKey);
    if (records.length < 2) return { keys, copies: 0 };
    let repeated = 0;
    records.forEach((r, i) => {
      if (this.twin(r, keys[i])) repeated++;
    });
    return { keys, copies: repeated >= records.length * COPY_SHARE ? repeated : 0 };
  }

  /**
   * Registers a table's records and returns those to audit: a school part already read (same code
   * and stage, or same name, stage and figures) is left out with a warning naming both cells.
   */
  add(
    records: readonly SchoolRecord[],
    keys: readonly string[],
    sink: DiagnosticSink
  ): SchoolRecord[] {
    const kept: SchoolRecord[] = [];
    records.forEach((record, i) => {
      const key = keys[i];
      const twin = this.twin(record, key);
      if (twin) {
        const src = record.source!;
        const how =
          record.code && twin.code
            ? `学校代码（${clip(record.code)}）和学段相同`
            : "名称、学段和各项数据都相同";
        sink.add(
          "warning",
          "sheets.duplicate-school",
          src.sheet,
          src.cells?.name ?? "",
          `「${clip(record.name)}」出现了两次：${place(twin)}（第${twin.source!.row}行）和 ${place(record)}（第${src.row}行）${how}，按同一所学校只计一次（第二行未计入）；同一学校同一学段只应填一行，请删去重复行。`
        );
        return;
      }
      kept.push(record);
      const found = this.byKey.get(key);
      if (found === undefined) this.byKey.set(key, record);
      else if (Array.isArray(found)) found.push(record);
      else this.byKey.set(key, [found, record]);
    });
    return kept;
  }
}

/**
 * Schools of one county that share a name but are different schools (township sheets each with a
 * 「中心小学」 of its own figures) get their sheet, or their row, after the name everywhere it
 * appears: 「中心小学（城关镇）」. Parts of one through-train school (different stages) keep the name.
 *
 * @example
 * // 「城关镇」 and 「河口乡」 sheets each with a 中心小学 → 「中心小学（城关镇）」, 「中心小学（河口乡）」
 */
export function qualifySameNames(records: SchoolRecord[], sink: DiagnosticSink): void {
  // A name's first record is held alone: nearly every name is unique, and needs no list.
  const groups = new Map<string, SchoolRecord | SchoolRecord[]>();
  for (const r of records) {
    const key = `${foldedCounty(r.county)}\u0001${foldText(r.name)}`;
    const found = groups.get(key);
    if (found === undefined) groups.set(key, r);
    else if (Array.isArray(found)) found.push(r);
    else groups.set(key, [found, r]);
  }
  for (const group of groups.values()) {
    if (!Array.isArray(group)) continue;
    const overlap = (a: SchoolRecord, b: SchoolRecord) =>
      Object.keys(a.stages).some((st) => st in b.stages);
    const clash = group.some((a, i) => group.some((b, j) => j > i && overlap(a, b)));
    if (!clash) continue;
    const sheetOf = (r: SchoolRecord) => r.source?.sheet ?? "";
    const sheets = new Set(group.map(sheetOf));
    const original = group[0].name;
    for (const r of group) {
      // Rows on one sheet with a shared stage need their row too; a through-train school's parts do not.
      const sameSheet = group.some((o) => o !== r && sheetOf(o) === sheetOf(r) && overlap(o, r));
      const parts = [
        sheets.size > 1 ? sheetOf(r) : "",
        sameSheet && r.source ? `第${r.source.row}行` : "",
      ].filter(Boolean);
      r.name = `${r.name}（${parts.join("")}）`;
    }
    const first = group[0].source;
    sink.add(
      "info",
      "sheets.same-name",
      first?.sheet ?? "",
      first?.cells?.name ?? "",
      `「${clip(original)}」有${group.length}所数据不同的学校同名，按不同学校审计，名称后注明所在工作表或行：${group.map((r) => `「${clip(r.name, 60)}」`).join("、")}。`
    );
  }
}
