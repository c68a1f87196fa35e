/**
 * The workbook plan as WPS write operations. Pure. The Excel host's operations (src/hosts/excel/
 * planOps.ts: value tiles, style groups, merges, panes, conditional formats, links) are reused;
 * what differs in ET is adapted here:
 * - number formats: ET sets one NumberFormat on a range (no per-cell array), so each tile's
 *   formats become rectangles of equal format, grouped into union addresses;
 * - union addresses ("A1:B2,D4") are kept under 255 characters, the limit VBA-style `Range()` has;
 * - column widths are set in characters (ET's ColumnWidth unit), not converted to points;
 * - a link cell becomes a HYPERLINK formula showing the same text, written in the same Formula
 *   array as its neighbours: ET adds hyperlinks one cell a call, which would make the calls grow
 *   with the school count. (Link cells are text; like the file host, formula cells get no link.)
 */
import type { PlannedSheet, WorkbookPlan } from "../../report/plan";
import { renameRefs } from "../../report";
import { columnsAddress, rectAddress, type Rect } from "../excel/addresses";
import { planOps, type OpNames, type WriteOp } from "../excel/planOps";

/** Longest union address one `Range()` call takes. */
export const MAX_ADDRESS = 255;

type SheetRef = { sheet: number };
export type WpsOp = SheetRef &
  (
    | { kind: "values"; address: string; formulas: (string | number | boolean)[][] }
    | { kind: "numberFormat"; address: string; format: string }
    | { kind: "columnWidth"; address: string; chars: number }
    | Exclude<WriteOp, { kind: "cells" } | { kind: "columnWidth" } | { kind: "link" }>
  );

/**
 * Every write the plan needs, sheet by sheet, values in tiles of at most `maxCells` cells.
 *
 * @example
 * wpsOps(plan, { writeAs: new Map(), final: new Map() }, 20000).filter((op) => op.kind === "values");
 */
export function wpsOps(plan: WorkbookPlan, names: OpNames, maxCells: number): WpsOp[] {
  const ops: WpsOp[] = [];
  const links = plan.sheets.map((sheet) => linkFormulas(sheet, names.final));
  let widthsDone = -1;
  for (const op of planOps(plan, names, maxCells * 2)) {
    // Widths first: setting a width on a hidden column would show it again.
    for (; widthsDone < op.sheet; widthsDone += 1)
      ops.push(...widthOps(widthsDone + 1, plan.sheets[widthsDone + 1].columnWidths));
    if (op.kind === "cells") {
      const tile = parseTile(op.address);
      if (op.numberFormat) ops.push(...formatOps(op.sheet, tile, op.numberFormat));
      ops.push({
        sheet: op.sheet,
        kind: "values",
        address: op.address,
        formulas: withLinks(op.formulas, tile, links[op.sheet]),
      });
    } else if (op.kind === "style") {
      for (const address of splitAddressList(op.address)) ops.push({ ...op, address });
    } else if (op.kind !== "columnWidth" && op.kind !== "link") {
      ops.push(op);
    }
  }
  for (; widthsDone < plan.sheets.length - 1; widthsDone += 1)
    ops.push(...widthOps(widthsDone + 1, plan.sheets[widthsDone + 1].columnWidths));
  return ops;
}

/**
 * What an operation weighs against the per-batch budget (progress and yielding to the UI).
 *
 * @example
 * opCost({ sheet: 0, kind: "values", address: "A1:B2", formulas: [[1, 2], [3, 4]] }); // 4
 */
export function opCost(op: WpsOp): number {
  if (op.kind === "values") return op.formulas.reduce((sum, row) => sum + row.length, 0);
  return op.kind === "style" ? 20 : 3;
}

/** Longest text a formula's string literal may hold. */
const MAX_LITERAL = 255;

/**
 * `=HYPERLINK("#'小学'!D7","小学!D7")` for each text cell with a link, by "row,col"; the target
 * uses the sheets' final names (a string is not updated when a sheet is renamed).
 *
 * @example
 * hyperlinkFormula("'小学'!D7", "小学!D7"); // "=HYPERLINK(\"#'小学'!D7\",\"小学!D7\")"
 */
export function hyperlinkFormula(
  target: string,
  text: string | number | boolean
): string | undefined {
  const location = `#${target.replace(/^#/, "")}`;
  const label =
    typeof text === "string"
      ? `"${text.replace(/"/g, '""')}"`
      : typeof text === "boolean"
        ? String(text).toUpperCase()
        : String(text);
  if (location.length > MAX_LITERAL || (typeof text === "string" && text.length > MAX_LITERAL))
    return undefined;
  return `=HYPERLINK("${location.replace(/"/g, '""')}",${label})`;
}

function linkFormulas(
  sheet: PlannedSheet,
  final: ReadonlyMap<string, string>
): Map<string, string> {
  const formulas = new Map<string, string>();
  for (const row of sheet.rows) {
    row.cells.forEach((cell, col) => {
      if (!cell?.link || cell.formula || cell.value === null) return;
      const formula = hyperlinkFormula(renameRefs(cell.link, final), cell.value);
      if (formula) formulas.set(`${row.row},${col}`, formula);
    });
  }
  return formulas;
}

function withLinks(
  formulas: (string | number | boolean)[][],
  tile: Rect,
  links: Map<string, string>
): (string | number | boolean)[][] {
  if (links.size === 0) return formulas;
  return formulas.map((row, r) =>
    row.map((value, c) => links.get(`${tile.row + r},${tile.col + c}`) ?? value)
  );
}

function parseTile(address: string): Rect {
  const [first, last = first] = address.split(":");
  const cell = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const a = cell(first);
  const b = cell(last);
  return { row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

/**
 * Rectangles of equal number format within a tile ("General" left out: a new sheet has it),
 * runs along rows stacked while the next row repeats them, then grouped by format.
 */
function formatOps(sheet: number, tile: Rect, formats: string[][]): WpsOp[] {
  const byFormat = new Map<string, Rect[]>();
  let open = new Map<string, Rect>();
  formats.forEach((row, r) => {
    const next = new Map<string, Rect>();
    let c = 0;
    while (c < row.length) {
      const format = row[c];
      let end = c + 1;
      while (end < row.length && row[end] === format) end += 1;
      if (format !== "General") {
        const key = `${c}:${end}:${format}`;
        const prev = open.get(key);
        if (prev) {
          prev.rows += 1;
          open.delete(key);
          next.set(key, prev);
        } else {
          const rect = { row: tile.row + r, col: tile.col + c, rows: 1, cols: end - c };
          next.set(key, rect);
          const list = byFormat.get(format) ?? [];
          list.push(rect);
          byFormat.set(format, list);
        }
      }
      c = end;
    }
    open = next;
  });
  const ops: WpsOp[] = [];
  for (const [format, rects] of byFormat) {
    for (const address of splitAddressList(rects.map(rectAddress).join(", ")))
      ops.push({ sheet, kind: "numberFormat", address, format });
  }
  return ops;
}

/**
 * A union address cut into lists of at most `max` characters, joined with "," as ET expects.
 *
 * @example
 * splitAddressList("A1, B2, C3", 5); // ["A1,B2", "C3"]
 */
export function splitAddressList(address: string, max = MAX_ADDRESS): string[] {
  const parts = address.split(/\s*,\s*/).filter((part) => part !== "");
  const lists: string[] = [];
  let current = "";
  for (const part of parts) {
    if (current !== "" && current.length + 1 + part.length > max) {
      lists.push(current);
      current = "";
    }
    current = current === "" ? part : `${current},${part}`;
  }
  if (current !== "") lists.push(current);
  return lists;
}

/** Column widths in characters, equal neighbours in one call. */
function widthOps(sheet: number, widths: number[]): WpsOp[] {
  const ops: WpsOp[] = [];
  let start = 0;
  for (let c = 1; c <= widths.length; c += 1) {
    if (c < widths.length && widths[c] === widths[start]) continue;
    const width = widths[start];
    if (width !== undefined && width > 0)
      ops.push({ sheet, kind: "columnWidth", address: columnsAddress(start, c - 1), chars: width });
    start = c;
  }
  return ops;
}
