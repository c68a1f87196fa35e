import type { SchoolRecord } from "../engine/types";
import type { DiagnosticSink } from "./diag";
import { clip, foldText } from "./text";

/** Share of a table's records that repeat schools read from earlier sheets for it to count as a copy. */
const COPY_SHARE = 0.9;

/** A school's identity: its code, else its name, within its county. */
function duplicateKey(record: SchoolRecord): string {
  return `${foldText(record.county ?? "")}\u0001${record.code ? `#${record.code}` : foldText(record.name)}`;
}

/** Two records of one school overlap when they share a stage (a record without a stage overlaps any). */
function overlaps(a: SchoolRecord, b: SchoolRecord): boolean {
  const sa = Object.keys(a.stages);
  const sb = Object.keys(b.stages);
  return sa.length === 0 || sb.length === 0 || sa.some((s) => sb.includes(s));
}

/**
 * The schools read so far, by identity. Tells a later table that only repeats them (a workbook
 * with one sheet for all schools and one per stage holds every school twice), and warns about a
 * school read twice.
 */
export class SchoolRegistry {
  private readonly byKey = new Map<string, SchoolRecord[]>();

  private twin(record: SchoolRecord, key: string): SchoolRecord | undefined {
    return this.byKey.get(key)?.find((e) => overlaps(e, record));
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

  /** Registers a table's records, warning about each school already read (same name or code, same county, a shared stage). */
  add(records: readonly SchoolRecord[], keys: readonly string[], sink: DiagnosticSink): void {
    records.forEach((record, i) => {
      const key = keys[i];
      const twin = this.twin(record, key);
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
      const list = this.byKey.get(key);
      if (list) list.push(record);
      else this.byKey.set(key, [record]);
    });
  }
}
