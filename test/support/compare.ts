import ExcelJS from "exceljs";
import { isCellError, type CellValue } from "../../src/sheets/grid";
import { readCellValue, worksheetToGrid } from "../../src/hosts/file";

/** A formula cell whose recalculated value differs from the value written with it. */
export interface RecalcMismatch {
  sheet: string;
  cell: string;
  formula: string;
  written: CellValue;
  recalculated: CellValue | undefined;
}

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Equal as spreadsheet values: numbers within a relative 1e-9, errors by code, text exactly. */
export function sameCellValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (isCellError(a) || isCellError(b))
    return isCellError(a) && isCellError(b) && a.error === b.error;
  // An empty string result and an empty cell read the same.
  const norm = (v: CellValue | undefined) => (v === "" || v === undefined ? null : v);
  return norm(a) === norm(b);
}

function formulaOf(value: ExcelJS.CellValue): string | undefined {
  if (value && typeof value === "object" && "formula" in value && typeof value.formula === "string")
    return value.formula;
  if (value && typeof value === "object" && "sharedFormula" in value)
    return `(shared) ${String((value as { sharedFormula: string }).sharedFormula)}`;
  return undefined;
}

/**
 * Every formula cell of `writtenPath` (optionally only the given sheets) whose cached result differs
 * from the value of the same cell in `recalculatedPath` (the workbook after LibreOffice recalculated
 * it). An empty list means the written values are exactly what a spreadsheet computes.
 *
 * @example
 * const [recalculated] = await recalculateAll([written], outDir);
 * expect(await compareRecalculated(written, recalculated)).toEqual([]);
 */
export async function compareRecalculated(
  writtenPath: string,
  recalculatedPath: string,
  sheets?: string[]
): Promise<RecalcMismatch[]> {
  const written = await load(writtenPath);
  const recalculated = await load(recalculatedPath);
  const mismatches: RecalcMismatch[] = [];
  for (const ws of written.worksheets) {
    if (sheets && !sheets.includes(ws.name)) continue;
    const other = recalculated.getWorksheet(ws.name);
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const formula = formulaOf(cell.value);
        if (formula === undefined) return;
        const expected = readCellValue(cell);
        const actual = other ? readCellValue(other.getCell(cell.address)) : undefined;
        if (!sameCellValue(expected, actual)) {
          mismatches.push({
            sheet: ws.name,
            cell: cell.address,
            formula,
            written: expected,
            recalculated: actual,
          });
        }
      });
    });
  }
  return mismatches;
}

/** A cell of one sheet that reads differently in two workbooks. */
export interface CellDifference {
  sheet: string;
  cell: string;
  before: CellValue | undefined;
  after: CellValue | undefined;
}

/** Addresses of every cell either sheet holds (values or formats only), in row order. */
function styledAddresses(a: ExcelJS.Worksheet, b: ExcelJS.Worksheet): string[] {
  const seen = new Set<string>();
  const ordered: [number, number, string][] = [];
  for (const ws of [a, b]) {
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (seen.has(cell.address)) return;
        seen.add(cell.address);
        ordered.push([r, c, cell.address]);
      });
    });
  }
  return ordered.sort((x, y) => x[0] - y[0] || x[1] - y[1]).map(([, , address]) => address);
}

/**
 * Cell-by-cell differences of the named sheets between two workbooks: values (as the reader sees
 * them), formulas, cell formats (font, fill, border, alignment, number format), merged areas and
 * column widths. A missing sheet counts as one difference.
 */
export async function diffSheets(
  beforePath: string,
  afterPath: string,
  sheets: string[]
): Promise<CellDifference[]> {
  const before = await load(beforePath);
  const after = await load(afterPath);
  const out: CellDifference[] = [];
  for (const name of sheets) {
    const a = before.getWorksheet(name);
    const b = after.getWorksheet(name);
    if (!a || !b) {
      out.push({
        sheet: name,
        cell: "",
        before: a ? "present" : "missing",
        after: b ? "present" : "missing",
      });
      continue;
    }
    const ga = worksheetToGrid(a);
    const gb = worksheetToGrid(b);
    const rows = Math.max(ga.rows.length, gb.rows.length);
    for (let r = 0; r < rows; r++) {
      const cols = Math.max(ga.rows[r]?.length ?? 0, gb.rows[r]?.length ?? 0);
      for (let c = 0; c < cols; c++) {
        const va = ga.rows[r]?.[c] ?? null;
        const vb = gb.rows[r]?.[c] ?? null;
        const address = `${a.getColumn(c + 1).letter}${r + 1}`;
        const fa = formulaOf(a.getCell(address).value);
        const fb = formulaOf(b.getCell(address).value);
        if (!sameCellValue(va, vb) || fa !== fb)
          out.push({
            sheet: name,
            cell: address,
            before: fa ? `=${fa} → ${String(va)}` : va,
            after: fb ? `=${fb} → ${String(vb)}` : vb,
          });
      }
    }
    // Formats, also of cells without a value (a border or fill on an empty cell is a format too).
    for (const address of styledAddresses(a, b)) {
      const sa = JSON.stringify(a.getCell(address).style ?? {});
      const sb = JSON.stringify(b.getCell(address).style ?? {});
      if (sa !== sb) out.push({ sheet: name, cell: `${address} (format)`, before: sa, after: sb });
    }
    const widths = (ws: ExcelJS.Worksheet) =>
      (ws.columns ?? []).map((c) => c.width ?? null).join(",");
    if (widths(a) !== widths(b))
      out.push({ sheet: name, cell: "(column widths)", before: widths(a), after: widths(b) });
    const key = (m: { top: number; left: number; bottom: number; right: number }) =>
      `${m.top},${m.left},${m.bottom},${m.right}`;
    const ma = ga.merges.map(key).sort().join(";");
    const mb = gb.merges.map(key).sort().join(";");
    if (ma !== mb) out.push({ sheet: name, cell: "(merges)", before: ma, after: mb });
  }
  return out;
}
