import type { CellValue, MergedArea, SheetGrid } from "../../src/sheets/grid";
import type { Diagnostic } from "../../src/engine/diagnostics";

/** A grid for tests: rows as written, merges as [top, left, bottom, right] (0-based, inclusive). */
export function grid(
  name: string,
  rows: CellValue[][],
  merges: [number, number, number, number][] = [],
  origin?: { row: number; col: number }
): SheetGrid {
  const areas: MergedArea[] = merges.map(([top, left, bottom, right]) => ({
    top,
    left,
    bottom,
    right,
  }));
  return { name, rows, merges: areas, ...(origin ? { origin } : {}) };
}

/** Diagnostics of a code, as [cell, level] pairs, for compact assertions. */
export function cellsOf(diagnostics: Diagnostic[], code: string): string[] {
  return diagnostics.filter((d) => d.code === code).map((d) => d.cell);
}

export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}
