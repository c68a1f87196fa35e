import type { CellStyle, PlannedCell, PlannedRow, PlannedSheet } from "./plan";
import { RowFormulaCell, type RowFormula } from "./rowFormula";

/**
 * A sheet's rows kept as bytes instead of objects. A city's 学校达标 holds hundreds of thousands
 * of cells, each an object with a formula string (two bytes a character as soon as a Chinese
 * sheet name is in it); packed, a cell costs its UTF-8 text and a few bytes. SheetLayout packs
 * rows as a builder moves on and unpacks one if the builder comes back to it; hosts read the rows
 * as usual (`sheet.rows` decodes them once), and the file host streams them with plannedRows()
 * without ever holding them all as objects.
 */

/** Every key of PlannedCell and PlannedRow must be packed: a new one fails to compile here. */
type PackedCellKeys = "value" | "formula" | "numFmt" | "style" | "link";
type PackedRowKeys = "row" | "cells" | "height" | "fit";
const ALL_CELL_KEYS_PACKED: Exclude<keyof PlannedCell, PackedCellKeys> extends never
  ? true
  : "add the new PlannedCell key to packedRows.ts" = true;
const ALL_ROW_KEYS_PACKED: Exclude<keyof PlannedRow, PackedRowKeys> extends never
  ? true
  : "add the new PlannedRow key to packedRows.ts" = true;
void ALL_CELL_KEYS_PACKED;
void ALL_ROW_KEYS_PACKED;

/**
 * How full slabs are squeezed: the file host (Node) plugs in zlib, so a province's 学校达标 costs
 * its compressed size; without a codec (the task pane, tests) slabs stay as they are.
 */
export interface SlabCodec {
  compress(bytes: Uint8Array): Uint8Array;
  decompress(bytes: Uint8Array, size: number): Uint8Array;
}

let codec: SlabCodec | undefined;

/**
 * Compresses the slabs of every sheet laid out from now on (undefined: no compression).
 *
 * @example
 * usePackCodec({ compress: (b) => deflateRawSync(b, { level: 1 }), decompress: (b) => inflateRawSync(b) });
 */
export function usePackCodec(next: SlabCodec | undefined): void {
  codec = next;
}

/**
 * Plain Uint8Array, DataView and TextDecoder: the report also runs in the task pane,
 * where Node's Buffer does not exist. Made on first use, so importing the report does not need it.
 */
let utf8: { decoder: TextDecoder } | undefined;
const UTF8 = () => (utf8 ??= { decoder: new TextDecoder() });

/**
 * Text this long or longer is encoded by TextEncoder (the view it needs costs less than the
 * loop then: a school's 达标项数 and 是否达标 formulas run to hundreds of characters).
 */
const NATIVE_TEXT = 64;
let encoder: TextEncoder | undefined;

/**
 * Writes `text` as UTF-8 into `bytes` from `at` (room for 3 bytes a UTF-16 unit is the caller's)
 * and returns where it ended: what TextEncoder.encodeInto writes (a lone surrogate becomes
 * U+FFFD), without the view encodeInto needs for every short string packed.
 */
export function encodeUtf8(text: string, bytes: Uint8Array, at: number): number {
  const n = text.length;
  if (n >= NATIVE_TEXT)
    return at + (encoder ??= new TextEncoder()).encodeInto(text, bytes.subarray(at)).written;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      bytes[at++] = c;
      continue;
    }
    if (c < 0x800) {
      bytes[at++] = 0xc0 | (c >> 6);
      bytes[at++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        const code = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        bytes[at++] = 0xf0 | (code >> 18);
        bytes[at++] = 0x80 | ((code >> 12) & 0x3f);
        bytes[at++] = 0x80 | ((code >> 6) & 0x3f);
        bytes[at++] = 0x80 | (code & 0x3f);
        continue;
      }
      c = 0xfffd; // a lone surrogate
    }
    bytes[at++] = 0xe0 | (c >> 12);
    bytes[at++] = 0x80 | ((c >> 6) & 0x3f);
    bytes[at++] = 0x80 | (c & 0x3f);
  }
  return at;
}

/** Slabs start small (most sheets are a few rows) and double up to a megabyte; a longer row gets its own. */
const FIRST_SLAB_BYTES = 1 << 12;
const MAX_SLAB_BYTES = 1 << 20;
const MIN_COMPRESSED_SLAB = 1 << 14;

// A cell's tag byte: the value's kind in the low 3 bits, then which optional parts follow.
const EMPTY_SLOT = 0xff; // a null in the cells array
const V_NULL = 0;
const V_NUMBER = 1;
const V_TRUE = 2;
const V_FALSE = 3;
const V_STRING = 4;
const HAS_FORMULA = 1 << 3;
const HAS_LINK = 1 << 4;
const HAS_STYLE = 1 << 5;
const HAS_NUMFMT = 1 << 6;

/** Rows per block of a Column, past its first block (which starts small and doubles up to it). */
const BLOCK_SHIFT = 12;
const BLOCK = 1 << BLOCK_SHIFT;

/**
 * Numbers by index, 0 where none was set, kept in fixed blocks: a province's sheet has hundreds
 * of thousands of rows, and one array grown by copying would leave each old copy behind.
 */
class Column {
  private readonly blocks: (Int32Array | Float64Array | Uint8Array)[] = [];

  constructor(private readonly Kind: new (n: number) => Int32Array | Float64Array | Uint8Array) {}

  get(i: number): number {
    const block = this.blocks[i >> BLOCK_SHIFT];
    const at = i & (BLOCK - 1);
    return block && at < block.length ? block[at] : 0;
  }

  set(i: number, value: number): void {
    const k = i >> BLOCK_SHIFT;
    const at = i & (BLOCK - 1);
    while (this.blocks.length <= k)
      this.blocks.push(new this.Kind(this.blocks.length ? BLOCK : 16));
    let block = this.blocks[k];
    if (at >= block.length) {
      const bigger = new this.Kind(Math.min(BLOCK, Math.max(block.length * 2, at + 1)));
      bigger.set(block);
      block = this.blocks[k] = bigger;
    }
    block[at] = value;
  }
}

/** Bits of a row's flags (PackedRows.flagsOf). */
const ROW_HAS_HEIGHT = 1;
const ROW_FIT = 2;

/**
 * A full slab's bytes once compressed (their copy is what the slab list keeps), for the next full
 * slab to be written over: a province's sheets fill hundreds of them, which would otherwise wait
 * for the garbage collector as so many megabytes each.
 */
let spareSlab: Uint8Array<ArrayBuffer> | undefined;

/** The rows of one sheet, packed; rows may be packed in any order and come out sorted. */
export class PackedRows {
  /** Full slabs compressed by the codec (with their size), the one being filled as it is. */
  private readonly slabs: (Uint8Array | { compressed: Uint8Array; size: number })[] = [];
  private readonly codec = codec;
  /** The last slab decompressed, kept while rows are read in order. */
  private cached: { index: number; bytes: Uint8Array } | undefined;
  private slab = new Uint8Array(0);
  private used = 0;
  private scratch = new Uint8Array(4096);
  private scratchView = new DataView(this.scratch.buffer);
  /** row number → its slot in the columns below, plus one (0: not packed). */
  private readonly slotOf = new Column(Int32Array);
  /** The highest row packed, and how many slots are used. */
  private lastRow = -1;
  private slotCount = 0;
  private readonly rowOf = new Column(Int32Array);
  private readonly slabOf = new Column(Int32Array);
  private readonly startOf = new Column(Int32Array);
  private readonly heightOf = new Column(Float64Array);
  /** ROW_HAS_HEIGHT, and ROW_FIT for a height a measuring host may autofit (PlannedRow.fit). */
  private readonly flagsOf = new Column(Uint8Array);
  private readonly styles: CellStyle[] = [];
  private readonly styleIndex = new Map<CellStyle, number>();
  private readonly numFmts: string[] = [];
  private readonly numFmtIndex = new Map<string, number>();
  /** Each distinct (style, number format, plain link) combination, as the writer's styles need them. */
  private readonly samples = new Map<number, PlannedCell>();

  private scratchUsed = 0;

  private room(bytes: number): void {
    if (this.scratchUsed + bytes <= this.scratch.length) return;
    const bigger = new Uint8Array(Math.max(this.scratch.length * 2, this.scratchUsed + bytes));
    bigger.set(this.scratch.subarray(0, this.scratchUsed));
    this.scratch = bigger;
    this.scratchView = new DataView(bigger.buffer);
  }

  private writeText(text: string): void {
    this.room(4 + text.length * 3);
    const start = this.scratchUsed + 4;
    const end = encodeUtf8(text, this.scratch, start);
    this.scratchView.setUint32(this.scratchUsed, end - start, true);
    this.scratchUsed = end;
  }

  /**
   * The style and number format last looked up, with their indices: a row's cells mostly share
   * them with the cell before (seven indicator values, seven weights), so the maps are seldom asked.
   */
  private lastStyle: CellStyle | undefined;
  private lastStyleAt = 0;
  private lastNumFmt: string | undefined;
  private lastNumFmtAt = 0;
  private lastSampleKey = -1;

  /** A RowFormula at a row number, as writeText would write its text: pieces and digits as bytes. */
  private writeRowFormula(formula: RowFormula, rowNumber: number): void {
    let digits = 1;
    for (let n = rowNumber; n >= 10; n = Math.floor(n / 10)) digits++;
    const pieces = formula.utf8;
    const length = formula.utf8Length + (pieces.length - 1) * digits;
    this.room(4 + length);
    const bytes = this.scratch;
    this.scratchView.setUint32(this.scratchUsed, length, true);
    let at = this.scratchUsed + 4;
    for (let k = 0; k < pieces.length; k++) {
      if (k > 0) {
        let n = rowNumber;
        for (let d = digits - 1; d >= 0; d--, n = Math.floor(n / 10)) bytes[at + d] = 48 + (n % 10);
        at += digits;
      }
      bytes.set(pieces[k], at);
      at += pieces[k].length;
    }
    this.scratchUsed = at;
  }

  private indexOf<T>(value: T, list: T[], index: Map<T, number>): number {
    let i = index.get(value);
    if (i === undefined) {
      i = list.length;
      if (i > 0xfe) throw new RangeError("too many distinct styles in one sheet");
      list.push(value);
      index.set(value, i);
    }
    return i;
  }

  /** Packs a row (replacing a packed row of the same number). */
  pack(row: number, cells: readonly (PlannedCell | null)[], height?: number): void {
    if (this.slotOf.get(row) > 0) this.unpack(row);
    this.scratchUsed = 0;
    this.room(4);
    this.scratchView.setUint32(0, cells.length, true);
    this.scratchUsed = 4;
    for (const cell of cells) {
      this.room(16);
      if (!cell) {
        this.scratch[this.scratchUsed++] = EMPTY_SLOT;
        continue;
      }
      const value = cell.value;
      let tag =
        value === null || value === undefined
          ? V_NULL
          : typeof value === "number"
            ? V_NUMBER
            : typeof value === "boolean"
              ? value
                ? V_TRUE
                : V_FALSE
              : V_STRING;
      // A RowFormulaCell's formula is written from its pieces, never made as text (see writeRowFormula).
      const rowFormula = cell instanceof RowFormulaCell ? cell : undefined;
      if (rowFormula || cell.formula !== undefined) tag |= HAS_FORMULA;
      if (cell.link !== undefined) tag |= HAS_LINK;
      if (cell.style !== undefined) tag |= HAS_STYLE;
      if (cell.numFmt !== undefined) tag |= HAS_NUMFMT;
      this.scratch[this.scratchUsed++] = tag;
      let style = 0xff;
      let numFmt = 0xff;
      if (cell.style !== undefined) {
        if (cell.style !== this.lastStyle) {
          this.lastStyleAt = this.indexOf(cell.style, this.styles, this.styleIndex);
          this.lastStyle = cell.style;
        }
        style = this.lastStyleAt;
        this.scratch[this.scratchUsed++] = style;
      }
      if (cell.numFmt !== undefined) {
        if (cell.numFmt !== this.lastNumFmt) {
          this.lastNumFmtAt = this.indexOf(cell.numFmt, this.numFmts, this.numFmtIndex);
          this.lastNumFmt = cell.numFmt;
        }
        numFmt = this.lastNumFmtAt;
        this.scratch[this.scratchUsed++] = numFmt;
      }
      const sampleKey = (tag & (HAS_FORMULA | HAS_LINK)) | (style << 8) | (numFmt << 16);
      if (sampleKey !== this.lastSampleKey && !this.samples.has(sampleKey)) {
        this.samples.set(sampleKey, {
          value: null,
          ...(tag & HAS_FORMULA ? { formula: "" } : {}),
          ...(cell.link !== undefined ? { link: "" } : {}),
          ...(cell.style !== undefined ? { style: cell.style } : {}),
          ...(cell.numFmt !== undefined ? { numFmt: cell.numFmt } : {}),
        });
      }
      this.lastSampleKey = sampleKey;
      if (rowFormula) this.writeRowFormula(rowFormula.rowFormula, rowFormula.rowNumber);
      else if (tag & HAS_FORMULA) this.writeText(cell.formula!);
      if (tag & HAS_LINK) this.writeText(cell.link!);
      if ((tag & 7) === V_NUMBER) {
        this.room(8);
        this.scratchView.setFloat64(this.scratchUsed, value as number, true);
        this.scratchUsed += 8;
      } else if ((tag & 7) === V_STRING) this.writeText(value as string);
    }
    const bytes = this.scratchUsed;
    if (this.used + bytes > this.slab.length) {
      const next = Math.min(MAX_SLAB_BYTES, Math.max(FIRST_SLAB_BYTES, this.slab.length * 2));
      this.seal();
      const size = Math.max(next, bytes);
      this.slab = size === MAX_SLAB_BYTES && spareSlab ? spareSlab : new Uint8Array(size);
      if (this.slab === spareSlab) spareSlab = undefined;
      this.slabs.push(this.slab);
      this.used = 0;
    }
    this.slab.set(this.scratch.subarray(0, bytes), this.used);
    const slot = this.slotCount++;
    this.slotOf.set(row, slot + 1);
    this.lastRow = Math.max(this.lastRow, row);
    this.rowOf.set(slot, row);
    this.slabOf.set(slot, this.slabs.length - 1);
    this.startOf.set(slot, this.used);
    this.heightOf.set(slot, height ?? 0);
    this.flagsOf.set(slot, height === undefined ? 0 : ROW_HAS_HEIGHT);
    this.used += bytes;
  }

  /** The sheet is laid out: its last slab is compressed too. */
  finish(): void {
    this.seal();
  }

  /** Compresses the slab just filled (when a codec is set): its rows are read again only when written. */
  private seal(): void {
    const last = this.slabs.length - 1;
    if (!this.codec || last < 0 || this.slabs[last] !== this.slab) return;
    const size = this.used;
    if (size < MIN_COMPRESSED_SLAB) return; // a small sheet's few slabs: not worth it
    const compressed = this.codec.compress(this.slab.subarray(0, size));
    this.slabs[last] = { compressed, size };
    // Its bytes are copied: the next full slab (of any sheet) is written over them. A codec that
    // keeps a slab as it is (stored, not deflated) may hand back the slab's own bytes: not reused.
    if (this.slab.length === MAX_SLAB_BYTES && compressed.buffer !== this.slab.buffer)
      spareSlab = this.slab;
    // Nothing more goes into a compressed slab: the next row starts a new one.
    this.slab = new Uint8Array(0);
    this.used = 0;
  }

  private slabBytes(index: number): Uint8Array {
    const slab = this.slabs[index];
    if (slab instanceof Uint8Array) return slab;
    if (this.cached?.index !== index) {
      this.cached = { index, bytes: this.codec!.decompress(slab.compressed, slab.size) };
    }
    return this.cached.bytes;
  }

  /**
   * A slot's row as objects. `textOnly` leaves out formulas and links (the bulk of a row's bytes,
   * skipped undecoded): what fitText measures, the values and their styles, is all there.
   */
  private decode(slot: number, textOnly = false): PlannedRow {
    const buf = this.slabBytes(this.slabOf.get(slot));
    let at = this.startOf.get(slot);
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const count = view.getUint32(at, true);
    at += 4;
    const text = () => {
      const n = view.getUint32(at, true);
      const s = UTF8().decoder.decode(buf.subarray(at + 4, at + 4 + n));
      at += 4 + n;
      return s;
    };
    const skip = () => {
      at += 4 + view.getUint32(at, true);
      return undefined;
    };
    const cells: (PlannedCell | null)[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const tag = buf[at++];
      if (tag === EMPTY_SLOT) {
        cells[i] = null;
        continue;
      }
      const style = tag & HAS_STYLE ? this.styles[buf[at++]] : undefined;
      const numFmt = tag & HAS_NUMFMT ? this.numFmts[buf[at++]] : undefined;
      const formula = tag & HAS_FORMULA ? (textOnly ? skip() : text()) : undefined;
      const link = tag & HAS_LINK ? (textOnly ? skip() : text()) : undefined;
      let value: PlannedCell["value"] = null;
      switch (tag & 7) {
        case V_NUMBER:
          value = view.getFloat64(at, true);
          at += 8;
          break;
        case V_TRUE:
          value = true;
          break;
        case V_FALSE:
          value = false;
          break;
        case V_STRING:
          value = text();
          break;
      }
      const cell: PlannedCell = { value };
      if (formula !== undefined) cell.formula = formula;
      if (numFmt !== undefined) cell.numFmt = numFmt;
      if (style !== undefined) cell.style = style;
      if (link !== undefined) cell.link = link;
      cells[i] = cell;
    }
    const height = this.heightAt(slot);
    const row: PlannedRow = { row: this.rowOf.get(slot), cells };
    if (height !== undefined) row.height = height;
    if (this.flagsOf.get(slot) & ROW_FIT) row.fit = true;
    return row;
  }

  /**
   * Sets a packed row's height (and whether a host may autofit it) without unpacking it: heights
   * are kept beside the bytes. False when the row is not packed.
   */
  setHeight(row: number, height: number, fit: boolean): boolean {
    const slot = this.slotOf.get(row) - 1;
    if (slot < 0) return false;
    this.heightOf.set(slot, height);
    this.flagsOf.set(slot, ROW_HAS_HEIGHT | (fit ? ROW_FIT : 0));
    return true;
  }

  /** The height kept for a slot's row, or undefined. */
  private heightAt(slot: number): number | undefined {
    return this.flagsOf.get(slot) & ROW_HAS_HEIGHT ? this.heightOf.get(slot) : undefined;
  }

  /** Takes a row out again (the builder writes to it once more); undefined when it is not packed. */
  unpack(row: number): { cells: (PlannedCell | null)[]; height?: number } | undefined {
    const slot = this.slotOf.get(row) - 1;
    if (slot < 0) return undefined;
    const { cells, height } = this.decode(slot);
    this.slotOf.set(row, 0); // its bytes stay in the slab, unused: rare (a builder revisiting a row)
    return height === undefined ? { cells } : { cells, height };
  }

  /**
   * The given rows (those packed, in the order given), decoded one at a time; `textOnly`:
   * without their formulas and links (see decode).
   */
  *rowsAt(rows: Iterable<number>, textOnly = false): Generator<PlannedRow> {
    try {
      for (const row of rows) {
        const slot = this.slotOf.get(row) - 1;
        if (slot >= 0) yield this.decode(slot, textOnly);
      }
    } finally {
      this.cached = undefined; // read through: the decompressed slab need not stay
    }
  }

  /** The slots of the packed rows, in row order. */
  private *ordered(): Generator<number> {
    for (let row = 0; row <= this.lastRow; row++) {
      const slot = this.slotOf.get(row) - 1;
      if (slot >= 0) yield slot;
    }
  }

  /** The rows in row order, decoded one at a time. */
  *rows(): Generator<PlannedRow> {
    try {
      for (const slot of this.ordered()) yield this.decode(slot);
    } finally {
      this.cached = undefined;
    }
  }

  /** The rows in row order as raw cells (RawRowCursor): one cursor, moved from row to row. */
  *rawRows(): Generator<RawRowCursor> {
    const cursor = new RawRowCursor(this.styles, this.numFmts);
    try {
      for (const slot of this.ordered()) {
        cursor.reset(
          this.rowOf.get(slot),
          this.heightAt(slot),
          this.slabBytes(this.slabOf.get(slot)),
          this.startOf.get(slot)
        );
        yield cursor;
      }
    } finally {
      this.cached = undefined;
    }
  }

  /** @internal The bytes packed (slabs' sizes before the codec), for packedBytes(). */
  bytes(): { bytes: number; codec: SlabCodec | undefined } {
    let bytes = 0;
    for (const slab of this.slabs)
      bytes +=
        slab instanceof Uint8Array ? (slab === this.slab ? this.used : slab.length) : slab.size;
    return { bytes, codec: this.codec };
  }

  /** @internal The rows as plain data, for packedRowsData(). */
  data(): { data: PackedRowsData; codec: SlabCodec | undefined } {
    const slots = [...this.ordered()];
    const rows = new Int32Array(3 * slots.length);
    const heights = new Float64Array(slots.length);
    slots.forEach((slot, i) => {
      rows[3 * i] = this.rowOf.get(slot);
      rows[3 * i + 1] = this.slabOf.get(slot);
      rows[3 * i + 2] = this.startOf.get(slot);
      heights[i] = this.heightAt(slot) ?? NaN;
    });
    const slabs = this.slabs.map((slab) =>
      slab instanceof Uint8Array
        ? { bytes: slab === this.slab ? slab.subarray(0, this.used) : slab, coded: false }
        : { bytes: slab.compressed, size: slab.size, coded: true }
    );
    return {
      data: { slabs, rows, heights, styles: [...this.styles], numFmts: [...this.numFmts] },
      codec: this.codec,
    };
  }

  /**
   * @internal Takes back the slabs of data(), in order, after another thread had them (moved
   * there and back): the data's copies, while the thread had them these were detached.
   */
  restore(slabs: readonly Uint8Array[]): void {
    slabs.forEach((bytes, i) => {
      const slab = this.slabs[i];
      if (slab instanceof Uint8Array) {
        if (slab === this.slab) this.slab = bytes as Uint8Array<ArrayBuffer>;
        this.slabs[i] = bytes;
      } else slab.compressed = bytes;
    });
    this.cached = undefined;
  }

  /** One cell per distinct (style, number format, formula or link) combination the rows use. */
  styleSamples(): PlannedCell[] {
    return [...this.samples.values()];
  }
}

/**
 * What the layout noted of a packed sheet's text as it packed the rows, so fitText need not
 * read them all: the rows holding text that must be measured, and per column the widest width
 * under which the text of the other rows was found to fit (valid while no column is narrower
 * than that).
 */
export interface FitHints {
  rows: ReadonlySet<number>;
  widths: readonly number[];
  /**
   * Body text of the other rows that fits on one line once its column is widened: (row, column,
   * width) triples (fitText.ts, textNeeds), in blocks.
   */
  widen: readonly Int32Array[];
}

/**
 * A packed sheet's rows as plain data (what structured clone copies to another thread): each
 * slab as kept (`coded`: as the codec returned it, `size` its bytes before), and per packed row
 * in row order its number, slab and start (`rows`, three numbers a row) and height (NaN: none).
 * RawRowCursor reads a row from its slab's bytes and start.
 */
export interface PackedRowsData {
  slabs: { bytes: Uint8Array; coded: boolean; size?: number }[];
  rows: Int32Array;
  heights: Float64Array;
  styles: CellStyle[];
  numFmts: string[];
}

/** What a raw cell holds (RawRowCursor.kind). */
export const RAW_NULL = V_NULL;
export const RAW_NUMBER = V_NUMBER;
export const RAW_TRUE = V_TRUE;
export const RAW_FALSE = V_FALSE;
export const RAW_STRING = V_STRING;

/**
 * A packed row read in place, for a writer that copies text as the UTF-8 bytes it is packed as
 * instead of decoding it: nextCell() moves to the row's next cell that is not null; the fields
 * then describe it. Text is a byte range [start, end) of `bytes` (start -1: absent).
 */
export class RawRowCursor {
  /** 0-based row, its height (undefined: none set). */
  row = 0;
  height: number | undefined = undefined;
  bytes: Uint8Array = new Uint8Array(0);
  /** The current cell's column and kind (RAW_NULL … RAW_STRING). */
  col = -1;
  kind = 0;
  style: CellStyle | undefined = undefined;
  numFmt: string | undefined = undefined;
  /**
   * The cell's (style, number format) pair as a small number, equal for equal pairs: 0 for
   * neither, below `formats` for all.
   */
  format = 0;
  readonly formats: number;
  formulaStart = -1;
  formulaEnd = -1;
  linkStart = -1;
  linkEnd = -1;
  textStart = -1;
  textEnd = -1;
  /** The value of a RAW_NUMBER cell. */
  number = 0;
  private at = 0;
  private count = 0;
  private view: DataView = new DataView(new ArrayBuffer(0));

  constructor(
    private readonly styles: readonly CellStyle[],
    private readonly numFmts: readonly string[]
  ) {
    this.formats = (styles.length + 1) * (numFmts.length + 1);
  }

  /** @internal Moves to a row whose bytes start at `start` of `bytes`. */
  reset(row: number, height: number | undefined, bytes: Uint8Array, start: number): void {
    this.row = row;
    this.height = height;
    if (this.bytes !== bytes) {
      this.bytes = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    this.count = this.view.getUint32(start, true);
    this.at = start + 4;
    this.col = -1;
  }

  /** Moves to the next cell that is not null; false at the end of the row. */
  nextCell(): boolean {
    const buf = this.bytes;
    let at = this.at;
    let col = this.col;
    let tag = EMPTY_SLOT;
    while (tag === EMPTY_SLOT) {
      if (++col >= this.count) {
        this.col = col;
        this.at = at;
        return false;
      }
      tag = buf[at++];
    }
    this.col = col;
    this.kind = tag & 7;
    let format = 0;
    if (tag & HAS_STYLE) {
      const i = buf[at++];
      this.style = this.styles[i];
      format = i + 1;
    } else this.style = undefined;
    if (tag & HAS_NUMFMT) {
      const i = buf[at++];
      this.numFmt = this.numFmts[i];
      format += (i + 1) * (this.styles.length + 1);
    } else this.numFmt = undefined;
    this.format = format;
    const view = this.view;
    if (tag & HAS_FORMULA) {
      const n = view.getUint32(at, true);
      this.formulaStart = at + 4;
      this.formulaEnd = at = at + 4 + n;
    } else this.formulaStart = this.formulaEnd = -1;
    if (tag & HAS_LINK) {
      const n = view.getUint32(at, true);
      this.linkStart = at + 4;
      this.linkEnd = at = at + 4 + n;
    } else this.linkStart = this.linkEnd = -1;
    this.textStart = this.textEnd = -1;
    if (this.kind === V_NUMBER) {
      this.number = view.getFloat64(at, true);
      at += 8;
    } else if (this.kind === V_STRING) {
      const n = view.getUint32(at, true);
      this.textStart = at + 4;
      this.textEnd = at = at + 4 + n;
    }
    this.at = at;
    return true;
  }

  /** A byte range of the row's text as a string. */
  text(start: number, end: number): string {
    return UTF8().decoder.decode(this.bytes.subarray(start, end));
  }
}

/** Sheets whose rows are packed, with whether `rows` has been decoded (then that array is the truth). */
const PACKED = new WeakMap<
  PlannedSheet,
  { rows: PackedRows; decoded: () => boolean; fit: FitHints | undefined }
>();

/**
 * A PlannedSheet over packed rows: `rows` decodes them on first use and keeps the result, so a
 * host that reads or edits `rows` sees the usual array; plannedRows() streams them instead.
 */
export function packedSheet(
  fields: Omit<PlannedSheet, "rows">,
  packed: PackedRows,
  fit?: FitHints
): PlannedSheet {
  let decoded: PlannedRow[] | undefined;
  const sheet = {
    ...fields,
    get rows(): PlannedRow[] {
      return (decoded ??= [...packed.rows()]);
    },
    set rows(rows: PlannedRow[]) {
      decoded = rows;
    },
  } as PlannedSheet;
  PACKED.set(sheet, { rows: packed, decoded: () => decoded !== undefined, fit });
  return sheet;
}

/**
 * The layout's fit hints of a packed sheet nobody decoded yet (its rows are as packed), else
 * undefined: then every row must be read.
 */
export function packedFitHints(sheet: PlannedSheet): FitHints | undefined {
  const packed = PACKED.get(sheet);
  return packed && !packed.decoded() ? packed.fit : undefined;
}

/**
 * The rows of a packed sheet nobody decoded yet as raw cells (RawRowCursor: one cursor moved
 * from row to row, in row order), or undefined for a sheet of row objects.
 *
 * @example
 * for (const r of packedRawRows(sheet) ?? []) while (r.nextCell()) copy(r.bytes, r.formulaStart, r.formulaEnd);
 */
export function packedRawRows(sheet: PlannedSheet): Iterable<RawRowCursor> | undefined {
  const packed = PACKED.get(sheet);
  return packed && !packed.decoded() ? packed.rows.rawRows() : undefined;
}

/**
 * The rows of a packed sheet nobody decoded yet as plain data, with the codec its slabs went
 * through (undefined: none), or undefined for a sheet of row objects. The data shares the
 * sheet's slabs: a hook for a writer on another thread (src/hosts/file/package/sheet-thread.ts),
 * which may move them there and back (restorePackedRows).
 *
 * @example
 * const packed = packedRowsData(sheet); // { data: { slabs, rows, … }, codec }
 */
export function packedRowsData(
  sheet: PlannedSheet
): { data: PackedRowsData; codec: SlabCodec | undefined } | undefined {
  const packed = PACKED.get(sheet);
  return packed && !packed.decoded() ? packed.rows.data() : undefined;
}

/**
 * The bytes a packed sheet nobody decoded yet has packed (its slabs' sizes before any codec),
 * with the codec, without building packedRowsData()'s row index; undefined for row objects.
 *
 * @example
 * packedBytes(sheet); // { bytes: 22_900_000, codec }
 */
export function packedBytes(
  sheet: PlannedSheet
): { bytes: number; codec: SlabCodec | undefined } | undefined {
  const packed = PACKED.get(sheet);
  return packed && !packed.decoded() ? packed.rows.bytes() : undefined;
}

/**
 * Gives a packed sheet back the slabs of packedRowsData() once another thread is done with them
 * (ArrayBuffers moved to a thread are detached here until they come back).
 *
 * @example
 * restorePackedRows(sheet, returned.slabs);
 */
export function restorePackedRows(sheet: PlannedSheet, slabs: readonly Uint8Array[]): void {
  PACKED.get(sheet)?.rows.restore(slabs);
}

/**
 * Some rows of a packed sheet nobody decoded yet, decoded one at a time in the order given
 * (rows not in the sheet are passed over). `textOnly` leaves out the cells' formulas and links,
 * which are most of a row's bytes: for a reader of values and styles only (fitText).
 *
 * @example
 * for (const row of packedRowsAt(sheet, [0, 1, 2])) measure(row);
 */
export function packedRowsAt(
  sheet: PlannedSheet,
  rows: Iterable<number>,
  textOnly = false
): Iterable<PlannedRow> {
  const packed = PACKED.get(sheet);
  if (!packed || packed.decoded()) throw new Error("packedRowsAt: the sheet is not packed");
  return packed.rows.rowsAt(rows, textOnly);
}

/**
 * A sheet's rows in order, one at a time: from the packed bytes when nothing decoded them yet
 * (no row object outlives its turn), else `sheet.rows`.
 *
 * @example
 * for (const row of plannedRows(sheet)) write(row); // a city's 学校达标 never sits in memory as objects
 */
export function plannedRows(sheet: PlannedSheet): Iterable<PlannedRow> {
  const packed = PACKED.get(sheet);
  return packed && !packed.decoded() ? packed.rows.rows() : sheet.rows;
}

/**
 * Sets the height of a row of a packed sheet (one whose rows nobody decoded yet) where it is
 * kept, beside the bytes; false for a sheet of row objects, whose rows plannedRows() yields
 * as they are (set the height on the row object then). `fit` marks a height a measuring host
 * may autofit instead (PlannedRow.fit).
 *
 * @example
 * for (const row of plannedRows(sheet)) {
 *   row.height = 33;
 *   setPackedRowHeight(sheet, row.row, 33, true); // a decoded copy: the packed row keeps it
 * }
 */
export function setPackedRowHeight(
  sheet: PlannedSheet,
  row: number,
  height: number,
  fit: boolean
): boolean {
  const packed = PACKED.get(sheet);
  return packed !== undefined && !packed.decoded() && packed.rows.setHeight(row, height, fit);
}

/**
 * Cells standing for every (style, number format) combination of the sheet, with `formula` and
 * `link` present where such a cell has them (their text is not kept): what a writer needs to
 * declare its cell formats before streaming the rows.
 */
export function plannedStyleSamples(sheet: PlannedSheet): Iterable<PlannedCell> {
  const packed = PACKED.get(sheet);
  if (packed && !packed.decoded()) return packed.rows.styleSamples();
  return (function* () {
    for (const row of sheet.rows) for (const cell of row.cells) if (cell) yield cell;
  })();
}
