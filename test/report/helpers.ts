import type { PlannedCell, PlannedSheet, PlannedSheetKind, WorkbookPlan } from "../../src/report";

export const AUDITED_AT = new Date("2026-11-29T07:32:00Z");

export function sheetOf(plan: WorkbookPlan, kind: PlannedSheetKind, county?: string): PlannedSheet {
  const sheet = plan.sheets.find(
    (s) => s.kind === kind && (county === undefined || s.county === county)
  );
  if (!sheet) throw new Error(`no ${kind} sheet${county ? ` for ${county}` : ""}`);
  return sheet;
}

/** 0-based row and column of an A1 address. */
export function pos(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)([0-9]+)$/.exec(a1.replace(/\$/g, ""))!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function cell(sheet: PlannedSheet, a1: string): PlannedCell | null {
  const { row, col } = pos(a1);
  return sheet.rows.find((r) => r.row === row)?.cells[col] ?? null;
}

/** The 0-based rows whose cell in column `col` has this value. */
export function rowsWith(sheet: PlannedSheet, col: number, value: unknown): number[] {
  return sheet.rows.filter((r) => r.cells[col]?.value === value).map((r) => r.row);
}

export function at(sheet: PlannedSheet, row: number, col: number): PlannedCell | null {
  return sheet.rows.find((r) => r.row === row)?.cells[col] ?? null;
}

export function allCells(
  plan: WorkbookPlan
): { sheet: PlannedSheet; row: number; col: number; cell: PlannedCell }[] {
  return plan.sheets.flatMap((sheet) =>
    sheet.rows.flatMap((r) =>
      r.cells.flatMap((c, col) => (c ? [{ sheet, row: r.row, col, cell: c }] : []))
    )
  );
}

/** The enrolment-weighted CV computed directly from (pupils, value) pairs, independent of the engine. */
export function weightedCv(pairs: [number, number][]): { mean: number; sd: number; cv: number } {
  const p = pairs.reduce((s, [w]) => s + w, 0);
  const mean = pairs.reduce((s, [w, x]) => s + w * x, 0) / p;
  const sd = Math.sqrt(pairs.reduce((s, [w, x]) => s + w * (x - mean) ** 2, 0) / p);
  return { mean, sd, cv: sd / mean };
}
