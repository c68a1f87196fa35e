import type { CellValue } from "./grid";
import { cellKinds, isCodeRow, isMetaText, isTitleText } from "./rows";
import { cellText } from "./text";
import type { SheetView } from "./view";
import { matchHeader, type HeaderMatch } from "./vocabulary";

/** How many rows from the first non-empty one may hold titles, unit lines and the header. */
const WINDOW_ROWS = 40;
/** Header bands are 1–4 rows (the statistics system's exports go four deep: 专任教师 › 按授课课程分 › 艺术 › 音乐). */
const MAX_BAND = 4;
/** What a code row right under a band adds to its score (more than any one column's match). */
const CODE_ROW_BONUS = 1.5;
/** Bound on the cells merged areas may fill inside the header window. */
const FILL_BUDGET = 2_000_000;

/** One column of a header band: its flattened text and the field it names, if any. */
export interface HeaderColumn {
  column: number;
  header: string;
  match: HeaderMatch | null;
}

export interface HeaderBand {
  /** First band row and number of rows (grid rows). */
  top: number;
  height: number;
  /** First row after the band and an optional code row. */
  dataStart: number;
  columns: HeaderColumn[];
  score: number;
  /** Text of the rows above the band (titles, 「单位：…」 lines). */
  above: string[];
  /** Several school years side by side (「2023学年｜2024学年」): the year read and the columns set aside. */
  years?: { chosen: number; all: number[]; setAside: HeaderColumn[]; asked: number | null };
}

interface Window {
  start: number;
  rows: number;
  width: number;
  /** Folded text, merged areas filled from their top-left cell. */
  text: string[][];
  /** The same cells as users wrote them (spaces and line breaks removed), for the task pane. */
  shown: string[][];
  raw: CellValue[][];
}

function buildWindow(view: SheetView): Window | null {
  let start = 0;
  while (start < view.rowCount && view.isBlankRow(start)) start++;
  if (start >= view.rowCount) return null;
  const end = Math.min(view.rowCount, start + WINDOW_ROWS);
  let width = 0;
  for (let r = start; r < end; r++) width = Math.max(width, view.length(r));
  const raw: CellValue[][] = [];
  const text: string[][] = [];
  const shown: string[][] = [];
  for (let r = start; r < end; r++) {
    const rawRow: CellValue[] = [];
    const textRow: string[] = [];
    const shownRow: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = view.cell(r, c);
      rawRow.push(v);
      textRow.push(typeof v === "string" ? cellText(v).slice(0, 200) : "");
      shownRow.push(typeof v === "string" ? v.replace(/\s+/g, "").slice(0, 200) : "");
    }
    raw.push(rawRow);
    text.push(textRow);
    shown.push(shownRow);
  }
  let budget = FILL_BUDGET;
  for (const m of view.merges) {
    if (m.bottom < start || m.top >= end || m.left >= width) continue;
    const topLeft = view.cell(m.top, m.left);
    const source = m.top >= start ? text[m.top - start][m.left] : cellText(topLeft);
    if (!source) continue;
    const sourceShown =
      typeof topLeft === "string" ? topLeft.replace(/\s+/g, "").slice(0, 200) : source;
    for (let r = Math.max(m.top, start); r <= Math.min(m.bottom, end - 1) && budget > 0; r++) {
      for (let c = m.left; c <= Math.min(m.right, width - 1); c++, budget--) {
        if (text[r - start][c] === "") {
          text[r - start][c] = source;
          shown[r - start][c] = sourceShown;
        }
      }
    }
  }
  return { start, rows: end - start, width, text, shown, raw };
}

type RowRole = "header" | "headerContinuation" | "other";

function rowRole(w: Window, i: number): RowRole {
  const raw = w.raw[i];
  const kinds = cellKinds(raw);
  if (kinds.text === 0 || kinds.numeric >= kinds.text) return "other";
  if (isCodeRow(raw)) return "other";
  const first = raw.map(cellText).find((t) => t !== "") ?? "";
  if (isMetaText(first) || isTitleText(first)) return "other";
  return kinds.text >= 2 ? "header" : "headerContinuation";
}

/**
 * The band's rows with unmerged group labels carried right: a group typed once above several
 * leaves (「在校生数」 over 「小学」「初中」, no merge) belongs to each leaf up to the next label.
 */
function bandRows(w: Window, top: number, height: number): { text: string[][]; shown: string[][] } {
  const text = w.text.slice(top, top + height).map((r) => [...r]);
  const shown = w.shown.slice(top, top + height).map((r) => [...r]);
  const leaves = text[height - 1];
  for (let i = 0; i < height - 1; i++) {
    const row = text[i];
    for (let c = 1; c < row.length; c++) {
      if (
        row[c] === "" &&
        row[c - 1] !== "" &&
        leaves[c] !== "" &&
        leaves[c - 1] !== "" &&
        leaves[c - 1] !== row[c - 1]
      ) {
        row[c] = row[c - 1];
        shown[i][c] = shown[i][c - 1];
      }
    }
  }
  return { text, shown };
}

/** A column's header cells top to bottom, a cell merged down over several band rows counted once. */
function flatten(
  rows: { text: string[][]; shown: string[][] },
  col: number
): { parts: string[]; header: string } {
  const parts: string[] = [];
  let header = "";
  rows.text.forEach((row, i) => {
    const t = row[col];
    if (t && parts[parts.length - 1] !== t) {
      parts.push(t);
      header += rows.shown[i][col];
    }
  });
  return { parts, header };
}

function scoreColumns(columns: HeaderColumn[]): number {
  const best = new Map<string, number>();
  for (const { match } of columns) {
    if (match) best.set(match.field, Math.max(best.get(match.field) ?? 0, match.confidence));
  }
  let score = 0;
  for (const conf of best.values()) score += conf;
  if (best.has("name")) score += 0.5;
  if ([...best.keys()].some((f) => f.startsWith("pupils"))) score += 0.5;
  return best.size >= 2 ? score : 0;
}

/** A school year named in a column's header cells (「2023学年」, 「2024年度」), or null. */
function yearOf(parts: readonly string[]): number | null {
  for (const p of parts) {
    const m =
      /(?:^|[^\d])((?:19|20)\d{2})(?:[-~—至](?:19|20)?\d{2})?(?:学年度|学年|年度|年)/.exec(p) ??
      /^((?:19|20)\d{2})$/.exec(p);
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * When the band's columns name two or more school years over the same fields, keeps the columns
 * of one year: the asked one when the band has it, else the latest. The others lose their match.
 */
function pickYear(
  columns: HeaderColumn[],
  years: (number | null)[],
  asked: number | null
): { columns: HeaderColumn[]; years?: HeaderBand["years"] } {
  const all = [
    ...new Set(years.filter((y, i): y is number => y !== null && columns[i].match !== null)),
  ].sort((a, b) => a - b);
  if (all.length < 2) return { columns };
  const chosen = asked !== null && all.includes(asked) ? asked : all[all.length - 1];
  const setAside: HeaderColumn[] = [];
  const kept = columns.map((col, i) => {
    if (years[i] === null || years[i] === chosen || !col.match) return col;
    setAside.push(col);
    return { ...col, match: null };
  });
  return { columns: kept, years: { chosen, all, setAside, asked } };
}

/** Keeps each field on its most confident column (the first on ties); the others lose the match. */
function dropDuplicateFields(columns: HeaderColumn[]): HeaderColumn[] {
  const winner = new Map<string, HeaderColumn>();
  for (const col of columns) {
    if (!col.match) continue;
    const current = winner.get(col.match.field);
    if (!current || col.match.confidence > current.match!.confidence)
      winner.set(col.match.field, col);
  }
  return columns.map((col) =>
    col.match && winner.get(col.match.field) !== col ? { ...col, match: null } : col
  );
}

/**
 * Finds the header band of a sheet: among the first rows, the 1–4 consecutive header-like rows
 * (text, not titles, unit lines, code rows or data) whose flattened column names match the most
 * fields. Merged group cells are flattened into each column (「教师情况」 over 「骨干教师数」).
 * Returns null when no band names at least two fields.
 */
export function findHeaderBand(
  view: SheetView,
  memo = new Map<string, HeaderMatch | null>(),
  auditYear: number | null = null
): HeaderBand | null {
  const w = buildWindow(view);
  if (!w) return null;
  const roles = w.raw.map((_, i) => rowRole(w, i));
  const match = (parts: string[]): HeaderMatch | null => {
    const key = parts.join("\u0001");
    if (!memo.has(key)) memo.set(key, matchHeader(parts));
    return memo.get(key)!;
  };
  let best: {
    top: number;
    height: number;
    columns: HeaderColumn[];
    years: (number | null)[];
    score: number;
  } | null = null;
  for (let top = 0; top < w.rows; top++) {
    if (roles[top] !== "header") continue;
    for (let height = 1; height <= MAX_BAND && top + height <= w.rows; height++) {
      if (height > 1 && roles[top + height - 1] === "other") break;
      const columns: HeaderColumn[] = [];
      const years: (number | null)[] = [];
      const rows = bandRows(w, top, height);
      for (let c = 0; c < w.width; c++) {
        const { parts, header } = flatten(rows, c);
        columns.push({ column: c, header, match: parts.length ? match(parts) : null });
        years.push(yearOf(parts));
      }
      // A code row (甲 乙 1 2 3 …) right under the rows marks where the header ends: the
      // statistics system's exports put it there, and their deepest row may hold a lone 「计」.
      const next = top + height < w.rows ? w.raw[top + height] : null;
      const named = scoreColumns(columns);
      const score = named > 0 && next && isCodeRow(next) ? named + CODE_ROW_BONUS : named;
      if (score > 0 && (!best || score > best.score + 1e-9))
        best = { top, height, columns, years, score };
    }
  }
  if (!best) return null;
  const picked = pickYear(best.columns, best.years, auditYear);
  const band = bandAt(
    view,
    w,
    best.top,
    best.height,
    dropDuplicateFields(picked.columns),
    best.score
  );
  return picked.years ? { ...band, years: picked.years } : band;
}

function bandAt(
  view: SheetView,
  w: Window,
  top: number,
  height: number,
  columns: HeaderColumn[],
  score: number
): HeaderBand {
  let dataStart = w.start + top + height;
  while (dataStart < view.rowCount && view.isBlankRow(dataStart)) dataStart++;
  const codeRow: CellValue[] = [];
  for (let c = 0; c < w.width; c++) codeRow.push(view.cell(dataStart, c));
  if (isCodeRow(codeRow)) dataStart++;
  const above: string[] = [];
  for (let i = 0; i < top; i++) above.push(...w.raw[i].map(cellText).filter((t) => t !== ""));
  return { top: w.start + top, height, dataStart, columns, score, above };
}

/**
 * A header band at the first non-empty row, for a sheet the user maps by hand (overrides) when
 * no band was found.
 */
export function firstRowBand(view: SheetView): HeaderBand | null {
  const w = buildWindow(view);
  if (!w) return null;
  const columns: HeaderColumn[] = [];
  for (let c = 0; c < w.width; c++) columns.push({ column: c, header: w.shown[0][c], match: null });
  return bandAt(view, w, 0, 1, columns, 0);
}
