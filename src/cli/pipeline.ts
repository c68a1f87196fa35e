import { writeFileSync } from "node:fs";
import path from "node:path";
import { audit, type AuditResult, type SettingsInput } from "../engine";
import { readWorkbookFile, saveWorkbook, writePlan } from "../hosts/file";
import { buildPlan } from "../report";
import { readSheets } from "../sheets";

/** The steps of a headless audit, for the progress line. */
export type Step = "read" | "audit" | "write";
export const STEP_NAMES: Record<Step, string> = { read: "读取工作簿", audit: "审计", write: "写入审计工作表" };

export interface AuditFileOptions {
  input: string;
  out: string;
  json?: string;
  settings?: SettingsInput;
  /** Called as each step starts, with the number of data rows read so far. */
  onStep?: (step: Step, rows: number) => void;
  /** Fixed audit time for reproducible output (tests); defaults to now. */
  auditedAt?: Date;
}

export interface AuditFileOutcome {
  result: AuditResult;
  /** Warnings about the copy (charts or pivot tables ExcelJS cannot keep). */
  copyWarnings: string[];
  /** Milliseconds spent in each step. */
  timings: Record<Step, number>;
  /** False when nothing could be audited: no workbook is written then. */
  written: boolean;
}

/**
 * The whole headless flow on an .xlsx file: read every sheet, find the school tables, audit,
 * lay out the audit sheets and write them into a new workbook beside the source sheets.
 * The input file is never written.
 */
export async function auditFile(options: AuditFileOptions): Promise<AuditFileOutcome> {
  if (path.resolve(options.out) === path.resolve(options.input)) {
    throw new Error("输出文件不能与输入工作簿相同：输入工作簿不会被覆盖。");
  }
  const timings: Record<Step, number> = { read: 0, audit: 0, write: 0 };
  const timed = async <T>(step: Step, rows: number, work: () => T | Promise<T>): Promise<T> => {
    options.onStep?.(step, rows);
    const start = performance.now();
    const value = await work();
    timings[step] = performance.now() - start;
    return value;
  };

  const file = await timed("read", 0, () => readWorkbookFile(options.input));
  const rows = file.grids.reduce((sum, g) => sum + g.rows.length, 0);
  const read = readSheets(file.grids);
  // Large intermediates are let go as soon as the next step has what it needs: a city's
  // workbook is hundreds of thousands of cells, and the save needs the memory.
  file.grids = [];
  const result = await timed("audit", rows, () => {
    const audited = audit(read.records, options.settings);
    // Reader findings come first: they explain most engine findings.
    audited.diagnostics = [...read.diagnostics, ...audited.diagnostics];
    return audited;
  });
  if (result.schools.length === 0) return { result, copyWarnings: file.warnings, timings, written: false };
  await timed("write", rows, async () => {
    writePlan(file.workbook, buildPlan({ result, records: read.records, read: { tables: read.tables, skipped: read.skipped }, auditedAt: options.auditedAt ?? new Date() }));
    read.records = [];
    await saveWorkbook(file.workbook, options.out);
    if (options.json) writeFileSync(options.json, JSON.stringify(result, null, 2));
  });
  return { result, copyWarnings: file.warnings, timings, written: true };
}
