import { fieldLabelOf } from "./catalogue/fieldPaths";
import type { SchoolRecord } from "./types";

export type DiagnosticLevel = "error" | "warning" | "info";

/** A finding about the input: which sheet and cell, and what was expected, in Chinese. */
export interface Diagnostic {
  level: DiagnosticLevel;
  /** Stable code for tests and filters, e.g. "engine.pupils-invalid". */
  code: string;
  /** Sheet name, or "" when the finding is not tied to a sheet. */
  sheet: string;
  /** A1 address, or "" when the finding is not tied to a cell. */
  cell: string;
  message: string;
}

/** A field path ("teachers.primary.backbone") as users read it ("小学县级及以上骨干教师数"), from the catalogue. */
export const fieldLabel = (path: string): string => fieldLabelOf(path);

/** The cell behind a field of a record, or "" when the reader did not say. */
export function cellOf(record: SchoolRecord, field?: string): string {
  const cells = record.source?.cells;
  if (!cells) return "";
  if (field && cells[field]) return cells[field];
  return cells.name ?? "";
}

/** How a record is named in messages: its name and, when known, where it sits. */
export function describeRecord(record: SchoolRecord): string {
  const name = record.name?.trim() || "（未命名学校）";
  return record.source
    ? `「${name}」（${record.source.sheet} 第${record.source.row}行）`
    : `「${name}」`;
}

export function recordDiagnostic(
  record: SchoolRecord,
  level: DiagnosticLevel,
  code: string,
  message: string,
  field?: string
): Diagnostic {
  return { level, code, sheet: record.source?.sheet ?? "", cell: cellOf(record, field), message };
}

/** Formats a number for a message without float noise. */
export function formatNumber(x: unknown): string {
  if (typeof x !== "number") return String(x);
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toFixed(4)));
}
