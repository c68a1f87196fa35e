import type { Diagnostic, DiagnosticLevel } from "../engine/diagnostics";

/** Diagnostics of one code on one sheet beyond this many are summed up in one line. */
const PER_CODE_LIMIT = 200;

/**
 * Collects the reader's diagnostics. A hostile sheet (a million rows of words) must not yield a
 * million messages: after PER_CODE_LIMIT of one code on one sheet the rest are counted, and
 * finish() adds one line saying how many were left out.
 */
export class DiagnosticSink {
  readonly list: Diagnostic[] = [];
  private readonly counts = new Map<string, { sheet: string; code: string; count: number }>();

  add(level: DiagnosticLevel, code: string, sheet: string, cell: string, message: string): void {
    const key = `${sheet}\u0001${code}`;
    const entry = this.counts.get(key) ?? { sheet, code, count: 0 };
    entry.count++;
    this.counts.set(key, entry);
    if (entry.count <= PER_CODE_LIMIT) this.list.push({ level, code, sheet, cell, message });
  }

  /** Adds the summary lines for capped codes and returns every diagnostic. */
  finish(): Diagnostic[] {
    for (const { sheet, code, count } of this.counts.values()) {
      if (count > PER_CODE_LIMIT) {
        this.list.push({
          level: "info",
          code: "sheets.more-diagnostics",
          sheet,
          cell: "",
          message: `工作表「${sheet}」另有${count - PER_CODE_LIMIT}条同类提示（${code}）未逐条列出，请先修正上面列出的单元格。`,
        });
      }
    }
    return this.list;
  }
}
