/**
 * The workbook plan as a flat list of write operations, each small enough for one request and
 * each with its cost in cells (see `chunks.ts`). Pure: no Office.js here; `applyOps.ts` performs
 * them. Keeping the plan → operations step pure lets the tests check every address and value
 * without a workbook.
 */
import type {
  CellStyle,
  ConditionalFormat,
  PageSetup,
  PlannedCell,
  PlannedChart,
  PlannedSheet,
  WorkbookPlan,
} from "../../report/plan";
import { a1 } from "../../sheets/grid";
import { columnsAddress, rectAddress, rowAddress, type Rect } from "./addresses";
import { formulaCell } from "./cellText";
import { tileBlock } from "./chunks";
import { renameRefs } from "../../report";

type SheetRef = { sheet: number };

export type WriteOp = SheetRef &
  (
    | {
        kind: "cells";
        address: string;
        formulas: (string | number | boolean)[][];
        numberFormat?: string[][];
      }
    | { kind: "style"; address: string; style: CellStyle; inside: { rows: boolean; cols: boolean } }
    | { kind: "merge"; address: string }
    | { kind: "columnWidth"; address: string; points: number }
    | { kind: "hideColumns"; address: string }
    | { kind: "rowHeight"; address: string; points: number }
    | { kind: "autofitRows"; address: string }
    | { kind: "freeze"; rows: number; columns: number }
    | { kind: "conditional"; address: string; rules: ConditionalFormat["rules"] }
    | { kind: "dataBar"; address: string; color: string }
    | { kind: "page"; page: PageSetup }
    | { kind: "chart"; chart: PlannedChart }
    | { kind: "pageBreak"; address: string }
    | { kind: "link"; address: string; target: string; text?: string }
  );

/**
 * Cells an operation weighs against the per-request budget. Office.js sends each property set or
 * call as one action of ~120 bytes plus its value; a budget cell stands for ~100 bytes. A style
 * is up to ~20 actions (fill, font, alignment, six border edges × 3), plus its address list.
 */
export function opCost(op: WriteOp): number {
  switch (op.kind) {
    case "cells":
      return cellCount(op.formulas) + (op.numberFormat ? cellCount(op.numberFormat) : 0);
    case "style":
      return 25 + Math.ceil(op.address.length / 100);
    case "conditional":
      return 3 + 7 * op.rules.length;
    case "dataBar":
    case "page":
      return 6;
    case "chart":
      return 20 + 10 * op.chart.series.length;
    default:
      return 3;
  }
}

/** Longest address list for one `getRanges` call (a few hundred cells), to keep calls modest. */
const MAX_AREAS_ADDRESS = 2000;

function cellCount(grid: unknown[][]): number {
  return grid.reduce((sum, row) => sum + row.length, 0);
}

export interface OpNames {
  /** Planned name → the name the sheet is written under (formulas follow it through renames). */
  writeAs: ReadonlyMap<string, string>;
  /** Planned name → final name (hyperlinks are not updated by Excel when a sheet is renamed). */
  final: ReadonlyMap<string, string>;
}

/**
 * Every write the plan needs, sheet by sheet: values and formulas in tiles of at most
 * `maxCells` cells (each tile also carries its number formats, so a tile weighs up to twice its
 * cells), then styles, merges, sizes, panes, conditional formats, data bars, page setup, links.
 *
 * @example
 * planOps(plan, { writeAs: new Map(), final: new Map() }, 20000).filter((op) => op.kind === "cells");
 */
export function planOps(plan: WorkbookPlan, names: OpNames, maxCells: number): WriteOp[] {
  return plan.sheets.flatMap((sheet, index) => sheetOps(sheet, index, names, maxCells));
}

function sheetOps(sheet: PlannedSheet, index: number, names: OpNames, maxCells: number): WriteOp[] {
  const at = { sheet: index };
  const ops: WriteOp[] = [];
  ops.push(...cellOps(sheet, index, names, maxCells));
  ops.push(...styleOps(sheet).map((op) => ({ ...at, ...op })));
  ops.push(...sheet.merges.map((address) => ({ ...at, kind: "merge" as const, address })));
  ops.push(...widthOps(sheet.columnWidths).map((op) => ({ ...at, ...op })));
  for (const col of sheet.hiddenColumns ?? [])
    ops.push({ ...at, kind: "hideColumns", address: columnsAddress(col, col) });
  // Rows whose height only holds wrapped text: one autofit over them (Excel measures the text),
  // instead of a call per row; planned heights are set after it.
  const fitted = sheet.rows.filter((row) => row.fit);
  if (fitted.length > 0)
    ops.push({
      ...at,
      kind: "autofitRows",
      address: `${fitted[0].row + 1}:${fitted[fitted.length - 1].row + 1}`,
    });
  for (const row of sheet.rows) {
    if (row.height !== undefined && row.height > 0 && !row.fit)
      ops.push({ ...at, kind: "rowHeight", address: rowAddress(row.row), points: row.height });
  }
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0))
    ops.push({ ...at, kind: "freeze", ...sheet.freeze });
  for (const cf of sheet.conditionalFormats) {
    const rules = cf.rules.map((rule) => ({
      ...rule,
      formula: renameRefs(rule.formula, names.writeAs),
    }));
    ops.push({ ...at, kind: "conditional", address: cf.range, rules });
  }
  ops.push(
    ...sheet.dataBars.map((bar) => ({
      ...at,
      kind: "dataBar" as const,
      address: bar.range,
      color: bar.color,
    }))
  );
  ops.push({ ...at, kind: "page", page: sheet.page });
  for (const chart of sheet.charts ?? []) ops.push({ ...at, kind: "chart", chart });
  for (const row of sheet.pageBreaks ?? [])
    if (row > 0) ops.push({ ...at, kind: "pageBreak", address: a1(row, 0) });
  for (const row of sheet.rows) {
    row.cells.forEach((cell, col) => {
      if (!cell?.link) return;
      ops.push({
        ...at,
        kind: "link",
        address: a1(row.row, col),
        target: renameRefs(cell.link, names.final),
        text: linkText(cell),
      });
    });
  }
  return ops;
}

/**
 * The text a hyperlink shows: the cell's own text, so setting the link does not replace it with
 * the reference. Left out for formulas and for text that needed the quote prefix: whether Excel
 * parses `textToDisplay` is not documented, and without it the escaped value already in the cell
 * stays (at worst the link shows its reference, never a formula).
 */
function linkText(cell: PlannedCell): string | undefined {
  if (cell.formula || cell.value === null) return undefined;
  if (typeof cell.value === "string")
    return formulaCell(cell) === cell.value ? cell.value : undefined;
  return String(cell.value);
}

/** Runs of consecutive planned rows, each cut into tiles; one "cells" operation per tile. */
function cellOps(sheet: PlannedSheet, index: number, names: OpNames, maxCells: number): WriteOp[] {
  const byRow = new Map(sheet.rows.map((row) => [row.row, row]));
  const rowNumbers = [...byRow.keys()].sort((a, b) => a - b);
  const ops: WriteOp[] = [];
  // Tiles are sized for two arrays (formulas and number formats) so a tile never tops the budget.
  const budget = Math.max(1, Math.floor(maxCells / 2));
  for (const run of consecutiveRuns(rowNumbers)) {
    const width = Math.max(0, ...run.map((r) => lastFilled(byRow.get(r)?.cells ?? []) + 1));
    const block: Rect = { row: run[0], col: 0, rows: run.length, cols: width };
    for (const tile of tileBlock(block, budget)) {
      const formulas: (string | number | boolean)[][] = [];
      const formats: string[][] = [];
      let anyFormat = false;
      for (let r = tile.row; r < tile.row + tile.rows; r += 1) {
        const cells = byRow.get(r)?.cells ?? [];
        const fRow: (string | number | boolean)[] = [];
        const nRow: string[] = [];
        for (let c = tile.col; c < tile.col + tile.cols; c += 1) {
          const cell = cells[c];
          checkFinite(sheet, r, c, cell?.value);
          const value = formulaCell(cell);
          fRow.push(cell?.formula ? renameRefs(value as string, names.writeAs) : value);
          nRow.push(cell?.numFmt ?? "General");
          anyFormat ||= cell?.numFmt !== undefined;
        }
        formulas.push(fRow);
        formats.push(nRow);
      }
      ops.push({
        sheet: index,
        kind: "cells",
        address: rectAddress(tile),
        formulas,
        ...(anyFormat ? { numberFormat: formats } : {}),
      });
    }
  }
  return ops;
}

function checkFinite(sheet: PlannedSheet, row: number, col: number, value: unknown): void {
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new Error(
      `审计表「${sheet.name}」${a1(row, col)} 的值 ${value} 不是有限数字，无法写入工作簿；这是审计报表的缺陷，请报告给开发者。`
    );
  }
}

function lastFilled(cells: readonly unknown[]): number {
  for (let c = cells.length - 1; c >= 0; c -= 1) if (cells[c] != null) return c;
  return -1;
}

function consecutiveRuns(sorted: number[]): number[][] {
  const runs: number[][] = [];
  for (const n of sorted) {
    const run = runs[runs.length - 1];
    if (run && n === run[run.length - 1] + 1) run.push(n);
    else runs.push([n]);
  }
  return runs;
}

/**
 * One formatting call per style (and shape, for inside borders) covering all its rectangles as
 * one RangeAreas ("D3, D6, D9"), cut so an address list stays short. The verdict column of 300
 * schools, alternating pass / warn / fail, is three calls instead of 300.
 */
function styleOps(sheet: PlannedSheet): {
  kind: "style";
  address: string;
  style: CellStyle;
  inside: { rows: boolean; cols: boolean };
}[] {
  const groups = new Map<
    string,
    { style: CellStyle; inside: { rows: boolean; cols: boolean }; addresses: string[] }
  >();
  for (const { rect, style } of styleRects(sheet)) {
    const inside = { rows: rect.rows > 1, cols: rect.cols > 1 };
    const key = `${style}|${inside.rows}|${inside.cols}`;
    const group = groups.get(key) ?? { style, inside, addresses: [] };
    group.addresses.push(rectAddress(rect));
    groups.set(key, group);
  }
  const ops: {
    kind: "style";
    address: string;
    style: CellStyle;
    inside: { rows: boolean; cols: boolean };
  }[] = [];
  for (const { style, inside, addresses } of groups.values()) {
    let current: string[] = [];
    let length = 0;
    for (const address of addresses) {
      if (current.length > 0 && length + address.length + 2 > MAX_AREAS_ADDRESS) {
        ops.push({ kind: "style", address: current.join(", "), style, inside });
        current = [];
        length = 0;
      }
      current.push(address);
      length += address.length + 2;
    }
    if (current.length > 0) ops.push({ kind: "style", address: current.join(", "), style, inside });
  }
  return ops;
}

/**
 * Rectangles of equal style: runs along each row, stacked while the next row repeats the run.
 * A column of 10,000 "number" cells becomes one rectangle, not 10,000 calls.
 */
export function styleRects(sheet: PlannedSheet): { rect: Rect; style: CellStyle }[] {
  const done: { rect: Rect; style: CellStyle }[] = [];
  let open = new Map<string, { rect: Rect; style: CellStyle }>();
  const rows = [...sheet.rows].sort((a, b) => a.row - b.row);
  for (const row of rows) {
    const next = new Map<string, { rect: Rect; style: CellStyle }>();
    for (const run of styleRuns(row.cells)) {
      const key = `${run.col}:${run.cols}:${run.style}`;
      const prev = open.get(key);
      if (prev && prev.rect.row + prev.rect.rows === row.row) {
        prev.rect.rows += 1;
        next.set(key, prev);
        open.delete(key);
      } else {
        next.set(key, {
          rect: { row: row.row, col: run.col, rows: 1, cols: run.cols },
          style: run.style,
        });
      }
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.rect.row - b.rect.row || a.rect.col - b.rect.col);
}

function styleRuns(
  cells: PlannedSheet["rows"][number]["cells"]
): { col: number; cols: number; style: CellStyle }[] {
  const runs: { col: number; cols: number; style: CellStyle }[] = [];
  cells.forEach((cell, col) => {
    const style = cell?.style;
    if (!style) return;
    const last = runs[runs.length - 1];
    if (last && last.style === style && last.col + last.cols === col) last.cols += 1;
    else runs.push({ col, cols: 1, style });
  });
  return runs;
}

/**
 * Column widths in characters → Excel points, equal neighbours in one call. Excel's width unit
 * is the width of "0" in the default font (7 px at Calibri 11) plus 5 px padding; 1 px = 0.75 pt.
 */
function widthOps(widths: number[]): { kind: "columnWidth"; address: string; points: number }[] {
  const ops: { kind: "columnWidth"; address: string; points: number }[] = [];
  let start = 0;
  for (let c = 1; c <= widths.length; c += 1) {
    if (c < widths.length && widths[c] === widths[start]) continue;
    const width = widths[start];
    if (width !== undefined && width > 0) {
      ops.push({
        kind: "columnWidth",
        address: columnsAddress(start, c - 1),
        points: charsToPoints(width),
      });
    }
    start = c;
  }
  return ops;
}

/** Excel column width in characters → points. @example charsToPoints(10); // 56.25 */
export function charsToPoints(chars: number): number {
  return Math.round((7 * chars + 5) * 0.75 * 100) / 100;
}
