import type { SchoolRecord } from "../engine/types";
import type { DiagnosticSink } from "./diag";
import { clip, foldText } from "./text";

/** A school's identity: its code, else its name, within its county. */
function duplicateKey(record: SchoolRecord): string {
  return `${foldText(record.county ?? "")}\u0001${record.code ? `#${record.code}` : foldText(record.name)}`;
}

/** A record's identity per stage it holds ("…|primary"), or "…|*" for a record without a stage. */
function stageKeys(record: SchoolRecord): string[] {
  const key = duplicateKey(record);
  const stages = Object.keys(record.stages);
  return stages.length ? stages.map((s) => `${key}|${s}`) : [`${key}|*`];
}

/** Share of a table's records that repeat schools read from earlier sheets. */
const COPY_SHARE = 0.9;

/**
 * Remembers the schools of the tables read so far, and tells a later table that only repeats
 * them (a workbook with one sheet for all schools and one per stage holds every school twice).
 */
export class SchoolRegistry {
  private readonly keys = new Set<string>();

  /** How many of the records repeat a school and stage already read, when that is nearly all of them. */
  copies(records: readonly SchoolRecord[]): number {
    if (records.length < 2) return 0;
    const repeated = records.filter((r) => stageKeys(r).some((k) => this.keys.has(k))).length;
    return repeated >= records.length * COPY_SHARE ? repeated : 0;
  }

  add(records: readonly SchoolRecord[]): void {
    for (const r of records) for (const k of stageKeys(r)) this.keys.add(k);
  }
}

/** Warns about a school read twice (same name, or same code, in the same county) with overlapping stages. */
export function checkDuplicates(records: readonly SchoolRecord[], sink: DiagnosticSink): void {
  const seen = new Map<string, SchoolRecord[]>();
  for (const record of records) {
    const key = duplicateKey(record);
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, [record]);
      continue;
    }
    const stages = Object.keys(record.stages);
    const twin = earlier.find((e) => {
      const other = Object.keys(e.stages);
      return stages.length === 0 || other.length === 0 || stages.some((s) => other.includes(s));
    });
    if (twin) {
      const src = record.source!;
      sink.add(
        "warning",
        "sheets.duplicate-school",
        src.sheet,
        src.cells?.name ?? "",
        `「${clip(record.name)}」出现了两次：${twin.source!.sheet} 第${twin.source!.row}行和 ${src.sheet} 第${src.row}行；同一学校同一学段只应填一行，请删去重复行（两行都已读入）。`,
      );
    }
    earlier.push(record);
  }
}
