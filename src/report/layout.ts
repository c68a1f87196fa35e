import type {
  ConditionalFormat,
  DataBar,
  PageSetup,
  PlannedCell,
  PlannedChart,
  PlannedSheet,
  PlannedSheetKind,
} from "./plan";
import { VERDICT } from "./cells";
import * as fit from "./fitText";
import { PackedRows, packedSheet } from "./packedRows";
import { cellA1, rangeA1 } from "./refs";

// Module-level copies, read for every cell packed (a CommonJS transpile makes each read of an
// imported binding a getter call).
const { DEFAULT_WIDTH, FITS, MEASURE, textNeeds } = fit;

/**
 * Rows a layout keeps as objects while the builder works on them; older ones are packed
 * (src/report/packedRows.ts) and unpacked again only if the builder comes back to them.
 */
const OPEN_ROWS = 64;

/**
 * Collects the rows, merges and formats of one sheet; rows may be filled in any order and come
 * out sorted. Column widths default to `widths`, and grow for long cells up to a cap.
 */
export class SheetLayout {
  /** The rows being written, oldest first (Map order); the rest are packed. */
  private readonly rows = new Map<number, { cells: (PlannedCell | null)[]; height?: number }>();
  private readonly packed = new PackedRows();
  /**
   * fitText's hints (FitHints): rows to measure (and rows packed twice: what was noted of them
   * before is stale), the widths the rest was judged by, body text that only widens its column.
   */
  private readonly fitRows = new Set<number>();
  private readonly fitWidths: number[] = [];
  /** (row, column, width) triples in blocks: a city's 数据诊断 notes hundreds of thousands. */
  private readonly fitWiden: Int32Array[] = [];
  private fitWidenUsed = 0;
  readonly merges: string[] = [];
  readonly conditionalFormats: ConditionalFormat[] = [];
  readonly dataBars: DataBar[] = [];
  readonly charts: PlannedChart[] = [];
  /** 0-based rows that start a new printed page. */
  readonly pageBreaks: number[] = [];
  /** The next free row. */
  next = 0;

  constructor(
    readonly kind: PlannedSheetKind,
    readonly name: string,
    readonly columnWidths: number[]
  ) {}

  /** The row last written to: a builder writes a row's cells one after the other. */
  private last: { row: number; entry: { cells: (PlannedCell | null)[]; height?: number } } | null =
    null;

  /** The row's entry, unpacked or new; the oldest open row is packed when too many are open. */
  private entry(row: number): { cells: (PlannedCell | null)[]; height?: number } {
    if (this.last?.row === row) return this.last.entry;
    let entry = this.rows.get(row);
    if (!entry) {
      const unpacked = this.packed.unpack(row);
      if (unpacked) this.fitRows.add(row);
      entry = unpacked ?? { cells: [] };
      this.rows.set(row, entry);
      if (this.rows.size > OPEN_ROWS) {
        const [oldest, open] = this.rows.entries().next().value!;
        this.rows.delete(oldest);
        this.pack(oldest, open);
      }
    }
    this.last = { row, entry };
    return entry;
  }

  private noteWiden(row: number, col: number, width: number): void {
    let block = this.fitWiden[this.fitWiden.length - 1];
    if (!block || this.fitWidenUsed === block.length) {
      block = new Int32Array(3 * 1024);
      this.fitWiden.push(block);
      this.fitWidenUsed = 0;
    }
    block[this.fitWidenUsed++] = row;
    block[this.fitWidenUsed++] = col;
    block[this.fitWidenUsed++] = width;
  }

  /** Packs a row, noting for fitText what its text needs (textNeeds). */
  private pack(row: number, entry: { cells: (PlannedCell | null)[]; height?: number }): void {
    const cells = entry.cells;
    for (let col = 0; col < cells.length; col++) {
      const cell = cells[col];
      if (!cell || typeof cell.value !== "string") continue;
      const width = this.columnWidths[col] ?? DEFAULT_WIDTH;
      const needs = textNeeds(cell, width);
      if (needs === FITS) {
        if (!(this.fitWidths[col] >= width)) this.fitWidths[col] = width;
      } else if (needs === MEASURE) {
        this.fitRows.add(row);
        break;
      } else this.noteWiden(row, col, needs);
    }
    this.packed.pack(row, cells, entry.height);
  }

  /** Sets one cell (0-based). */
  set(row: number, col: number, cell: PlannedCell | null): void {
    const entry = this.entry(row);
    while (entry.cells.length < col) entry.cells.push(null);
    entry.cells[col] = cell;
    this.next = Math.max(this.next, row + 1);
  }

  /** Writes cells from column 0 at the next free row and returns that row. */
  append(cells: (PlannedCell | null)[], height?: number): number {
    const row = this.next;
    if (cells.length > 0) {
      // As set() cell by cell, with the row looked up once: tables append tens of thousands.
      const entry = this.entry(row);
      for (let col = 0; col < cells.length; col++) {
        while (entry.cells.length < col) entry.cells.push(null);
        entry.cells[col] = cells[col];
      }
    }
    this.next = row + 1;
    if (height !== undefined) this.setHeight(row, height);
    return row;
  }

  /** Leaves a blank row. */
  skip(n = 1): void {
    this.next += n;
  }

  setHeight(row: number, height: number): void {
    this.entry(row).height = height;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.merges.push(rangeA1(top, left, bottom, right));
  }

  /** Colours verdict cells by what they say (达标 green, 未达标 red), so the colour follows the value. */
  colourVerdicts(top: number, left: number, bottom: number, right: number): void {
    if (bottom < top) return;
    const topLeft = cellA1(top, left);
    this.conditionalFormats.push({
      range: rangeA1(top, left, bottom, right),
      rules: [
        { formula: `${topLeft}="${VERDICT.fail}"`, style: "fail" },
        { formula: `${topLeft}="${VERDICT.pass}"`, style: "pass" },
      ],
    });
  }

  build(options: {
    freeze?: { rows: number; columns: number };
    page: PageSetup;
    county?: string;
    hiddenColumns?: number[];
  }): PlannedSheet {
    for (const [row, entry] of this.rows) this.pack(row, entry);
    this.rows.clear();
    this.last = null;
    this.packed.finish();
    return packedSheet(
      {
        kind: this.kind,
        name: this.name,
        ...(options.county !== undefined ? { county: options.county } : {}),
        merges: this.merges,
        columnWidths: this.columnWidths,
        ...(options.hiddenColumns && options.hiddenColumns.length > 0
          ? { hiddenColumns: options.hiddenColumns }
          : {}),
        ...(options.freeze ? { freeze: options.freeze } : {}),
        conditionalFormats: this.conditionalFormats,
        dataBars: this.dataBars,
        page: options.page,
        ...(this.charts.length > 0 ? { charts: this.charts } : {}),
        ...(this.pageBreaks.length > 0 ? { pageBreaks: this.pageBreaks } : {}),
      },
      this.packed,
      {
        rows: this.fitRows,
        widths: this.fitWidths,
        widen: this.fitWiden.map((block, i) =>
          i === this.fitWiden.length - 1 ? block.subarray(0, this.fitWidenUsed) : block
        ),
      }
    );
  }
}

/** A4 landscape, fit to width, the header rows (0-based, inclusive) repeated on every page. */
export function printSetup(headerTop: number, headerBottom: number): PageSetup {
  return {
    landscape: true,
    fitToWidth: true,
    repeatRows: [headerTop + 1, headerBottom + 1],
    paper: "A4",
  };
}
