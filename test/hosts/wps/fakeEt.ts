/**
 * A small in-memory ET object model (WPS 表格's Application / Workbook / Worksheets / Range /
 * Names), enough for the WPS host, that records every property read, property write and method
 * call made on it. It behaves as ET is documented to: Value2 of one cell is a scalar, of a block
 * rows of columns; Formula takes a 2-D array where "=…" is a formula, a leading apostrophe keeps
 * text as typed, and text that looks like a number becomes a number; MergeCells is true / false /
 * null (mixed); renaming a sheet updates formulas and names that refer to it; deleting one makes
 * its names #REF!.
 */
import type { CellValue, SheetGrid } from "../../../src/sheets/grid";
import { parseA1, rectAddress, columnIndex, type Rect } from "../../../src/hosts/excel/addresses";
import { quoteSheet } from "../../../src/report/refs";

export interface FakeCell {
  value: string | number | boolean | null | { error: string };
  formula?: string;
  numberFormat?: string;
}

/** Every call made on the fake, in order: "Range.Formula=", "Worksheets.Add()" … */
export class CallLog {
  readonly calls: string[] = [];
  record(what: string): void {
    this.calls.push(what);
  }
  count(predicate: (call: string) => boolean = () => true): number {
    return this.calls.filter(predicate).length;
  }
}

/** Wraps an object so every property get, set and method call is logged under `label`. */
function recorded<T extends object>(target: T, label: string, log: CallLog): T {
  return new Proxy(target, {
    get(obj, prop) {
      // The object's own getters run on the object itself: only the caller's accesses are logged.
      const value = Reflect.get(obj, prop, obj);
      if (typeof prop === "symbol" || prop === "then") return value;
      if (typeof value === "function") {
        return (...args: unknown[]) => {
          log.record(`${label}.${prop}()`);
          return (value as (...a: unknown[]) => unknown).apply(obj, args);
        };
      }
      log.record(`${label}.${prop}`);
      return value;
    },
    set(obj, prop, value) {
      if (typeof prop !== "symbol") log.record(`${label}.${prop}=`);
      return Reflect.set(obj, prop, value, obj);
    },
  });
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** What ET stores when a value is typed (or set through Formula). */
function typed(input: unknown): FakeCell {
  if (input === "" || input === null || input === undefined) return { value: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { value: null, formula: text };
  if (NUMBER_TEXT.test(text.trim())) return { value: Number(text.trim()) };
  if (/^(true|false)$/i.test(text.trim())) return { value: text.trim().toUpperCase() === "TRUE" };
  return { value: text };
}

function key(row: number, col: number): string {
  return `${row},${col}`;
}

function parseAddress(address: string): Rect[] {
  // As VBA's Range(): a union address longer than 255 characters is refused.
  if (address.length > 255) throw new Error(`address too long: ${address.length}`);
  return address.split(",").map((part) => {
    const text = part.trim().replace(/\$/g, "");
    const rows = /^(\d+):(\d+)$/.exec(text);
    if (rows)
      return {
        row: Number(rows[1]) - 1,
        col: 0,
        rows: Number(rows[2]) - Number(rows[1]) + 1,
        cols: 16384,
      };
    const cols = /^([A-Z]+):([A-Z]+)$/i.exec(text);
    if (cols)
      return {
        row: 0,
        col: columnIndex(cols[1]),
        rows: 1048576,
        cols: columnIndex(cols[2]) - columnIndex(cols[1]) + 1,
      };
    return parseA1(text);
  });
}

function inside(rect: Rect, row: number, col: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols
  );
}

export class FakeSheet {
  readonly cells = new Map<string, FakeCell>();
  readonly merges: Rect[] = [];
  readonly hiddenRows = new Set<number>();
  /** Every change made to the sheet (a source sheet must have none). */
  readonly changes: string[] = [];
  readonly links: { address: string; subAddress: string; text?: string }[] = [];
  readonly formats: string[] = [];
  readonly conditions: { address: string; formula: string; priority?: number }[] = [];
  /** Every chart call and property set, as "ChartObjects().Add(0,90,192,300)#1.Chart.ChartType=51" (#n: the call's place in the list). */
  readonly charts: string[] = [];
  /** Rows above which a page break was added, as addresses ("A40"). */
  readonly pageBreaks: string[] = [];
  /** The PageSetup properties set, by name. */
  readonly pageSetup: Record<string, unknown> = {};

  constructor(
    public name: string,
    readonly book: FakeWorkbook
  ) {}

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** Bounding box of the non-empty cells; A1 for an empty sheet. */
  used(): Rect {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, cell] of this.cells) {
      if (cell.value === null && !cell.formula) continue;
      const [r, c] = k.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return { row: 0, col: 0, rows: 1, cols: 1 };
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

/** The fake's Range: one rectangle or a union. */
class RangeImpl {
  constructor(
    readonly sheet: FakeSheet,
    readonly rects: Rect[],
    readonly log: CallLog
  ) {}
  private get first(): Rect {
    return this.rects[0];
  }
  private change(what: string): void {
    this.sheet.changes.push(`${rectAddress(this.first)} ${what}`);
  }
  get Row(): number {
    return this.first.row + 1;
  }
  /** Position and size in points: every column 48 pt wide, every row 15 pt high. */
  get Left(): number {
    return this.first.col * 48;
  }
  get Top(): number {
    return this.first.row * 15;
  }
  get Width(): number {
    return this.first.cols * 48;
  }
  get Height(): number {
    return this.first.rows * 15;
  }
  get Column(): number {
    return this.first.col + 1;
  }
  get Rows() {
    return { Count: this.first.rows, AutoFit: () => this.change("Rows.AutoFit") };
  }
  get Columns() {
    return { Count: this.first.cols };
  }
  get Value2(): unknown {
    const { row, col, rows, cols } = this.first;
    const out: unknown[][] = [];
    for (let r = row; r < row + rows; r += 1) {
      const line: unknown[] = [];
      for (let c = col; c < col + cols; c += 1) {
        const v = this.sheet.cell(r, c)?.value ?? null;
        line.push(v === null ? "" : typeof v === "object" ? v.error : v);
      }
      out.push(line);
    }
    return rows === 1 && cols === 1 ? out[0][0] : out;
  }
  set Formula(input: unknown) {
    this.change("Formula");
    const { row, col, rows, cols } = this.first;
    for (let r = 0; r < rows; r += 1) {
      for (let c = 0; c < cols; c += 1) {
        const item = Array.isArray(input) ? (input[r] as unknown[])?.[c] : input;
        const previous = this.sheet.cell(row + r, col + c);
        const cell = typed(item);
        if (previous?.numberFormat) cell.numberFormat = previous.numberFormat;
        this.sheet.cells.set(key(row + r, col + c), cell);
      }
    }
  }
  set NumberFormat(format: unknown) {
    this.change("NumberFormat");
    for (const rect of this.rects) {
      for (let r = rect.row; r < rect.row + rect.rows; r += 1) {
        for (let c = rect.col; c < rect.col + rect.cols; c += 1) {
          const k = key(r, c);
          const cell = this.sheet.cells.get(k) ?? { value: null };
          cell.numberFormat = String(format);
          this.sheet.cells.set(k, cell);
        }
      }
    }
  }
  get MergeCells(): boolean | null {
    let some = false;
    let all = true;
    for (const rect of this.rects) {
      for (let r = rect.row; r < rect.row + rect.rows; r += 1) {
        for (let c = rect.col; c < rect.col + rect.cols; c += 1) {
          const merged = this.sheet.merges.some((m) => inside(m, r, c));
          some ||= merged;
          all &&= merged;
        }
      }
    }
    return all ? true : some ? null : false;
  }
  get MergeArea(): RangeImpl {
    const { row, col } = this.first;
    const area = this.sheet.merges.find((m) => inside(m, row, col)) ?? {
      row,
      col,
      rows: 1,
      cols: 1,
    };
    return wrapRange(this.sheet, [area], this.log);
  }
  get EntireRow() {
    const rows: number[] = [];
    for (let r = this.first.row; r < this.first.row + Math.min(this.first.rows, 1_048_576); r += 1)
      rows.push(r);
    const sheet = this.sheet;
    return recorded(
      {
        get Hidden(): boolean | null {
          const hidden = rows.filter((r) => sheet.hiddenRows.has(r)).length;
          return hidden === rows.length ? true : hidden === 0 ? false : null;
        },
      },
      "EntireRow",
      this.log
    );
  }
  get EntireColumn() {
    const change = (what: string) => this.change(what);
    return recorded(
      {
        set Hidden(_: boolean) {
          change("EntireColumn.Hidden");
        },
      },
      "EntireColumn",
      this.log
    );
  }
  set ColumnWidth(_: number) {
    this.change("ColumnWidth");
  }
  set RowHeight(_: number) {
    this.change("RowHeight");
  }
  set WrapText(_: boolean) {
    this.change("WrapText");
  }
  set HorizontalAlignment(_: number) {
    this.change("HorizontalAlignment");
  }
  set VerticalAlignment(_: number) {
    this.change("VerticalAlignment");
  }
  get Font() {
    return recorded(
      formatSink((what) => this.change(`Font.${what}`)),
      "Font",
      this.log
    );
  }
  get Interior() {
    return recorded(
      formatSink((what) => this.change(`Interior.${what}`)),
      "Interior",
      this.log
    );
  }
  get Borders() {
    const change = (what: string) => this.change(what);
    const log = this.log;
    return recorded(
      {
        Item: (i: number) =>
          recorded(
            formatSink((what) => change(`Border${i}.${what}`)),
            "Border",
            log
          ),
      },
      "Borders",
      log
    );
  }
  get FormatConditions() {
    const sheet = this.sheet;
    const address = this.rects.map(rectAddress).join(",");
    const log = this.log;
    const change = (what: string) => this.change(what);
    return recorded(
      {
        Add(type: number, _operator: unknown, formula: string) {
          change("FormatConditions.Add");
          const entry: { address: string; formula: string; priority?: number } = {
            address,
            formula: `${type}:${formula}`,
          };
          sheet.conditions.push(entry);
          const condition = {
            Interior: formatSink(() => undefined),
            Font: formatSink(() => undefined),
            StopIfTrue: false,
            set Priority(p: number) {
              entry.priority = p;
            },
          };
          return recorded(condition, "FormatCondition", log);
        },
        AddDatabar() {
          change("FormatConditions.AddDatabar");
          return recorded(
            { BarColor: formatSink(() => undefined), BarFillType: 1 },
            "DataBar",
            log
          );
        },
      },
      "FormatConditions",
      log
    );
  }
  Address(): string {
    return this.rects.map(rectAddress).join(",");
  }
  Merge(): void {
    this.change("Merge");
    this.sheet.merges.push(...this.rects);
  }
  Select(): void {
    this.sheet.book.selected = { sheet: this.sheet.name, address: this.Address() };
  }
}

/** An object whose property writes only count as changes. */
function formatSink(change: (what: string) => void): Record<string, unknown> {
  return new Proxy(
    {},
    {
      set(_obj, prop) {
        change(String(prop));
        return true;
      },
      get(obj, prop) {
        return Reflect.get(obj, prop);
      },
    }
  );
}

/**
 * The chart objects as a recorder: every call and property set is logged on the sheet (ranges
 * by their address), and every property read or call result is another recorder.
 */
function chartSink(sheet: FakeSheet, path: string): unknown {
  const shown = (v: unknown) => (v instanceof RangeImpl ? v.Address() : JSON.stringify(v));
  return new Proxy(function () {}, {
    get(_t, prop) {
      if (typeof prop === "symbol" || prop === "then") return undefined;
      return chartSink(sheet, `${path}.${prop}`);
    },
    set(_t, prop, value) {
      sheet.changes.push(`chart ${String(prop)}`);
      sheet.charts.push(`${path}.${String(prop)}=${shown(value)}`);
      return true;
    },
    apply(_t, _this, args: unknown[]) {
      const call = `${path}(${args.map(shown).join(",")})`;
      sheet.charts.push(call);
      // Numbered by the call's place in the log: two NewSeries() calls are two series.
      return chartSink(sheet, `${call}#${sheet.charts.length}`);
    },
  });
}

function wrapRange(sheet: FakeSheet, rects: Rect[], log: CallLog): RangeImpl {
  return recorded(new RangeImpl(sheet, rects, log), "Range", log);
}

class WorksheetApi {
  readonly Hyperlinks;
  readonly PageSetup;
  constructor(
    readonly fake: FakeSheet,
    private readonly log: CallLog
  ) {
    const sheet = fake;
    this.Hyperlinks = recorded(
      {
        Add(anchor: RangeImpl, _address: string, subAddress: string, _tip?: string, text?: string) {
          sheet.changes.push("Hyperlinks.Add");
          sheet.links.push({
            address: anchor.Address(),
            subAddress,
            ...(text !== undefined ? { text } : {}),
          });
        },
      },
      "Hyperlinks",
      log
    );
    this.PageSetup = recorded(
      new Proxy(sheet.pageSetup, {
        set(obj, prop, value) {
          sheet.changes.push(`PageSetup.${String(prop)}`);
          return Reflect.set(obj, prop, value);
        },
      }),
      "PageSetup",
      log
    );
  }
  get HPageBreaks() {
    const sheet = this.fake;
    return {
      Add(before: RangeImpl) {
        sheet.changes.push(`HPageBreaks.Add ${before.Address()}`);
        sheet.pageBreaks.push(before.Address());
      },
    };
  }
  ChartObjects(): unknown {
    return chartSink(this.fake, "ChartObjects()");
  }
  get Name(): string {
    return this.fake.name;
  }
  set Name(name: string) {
    this.fake.book.rename(this.fake, name);
  }
  get UsedRange(): RangeImpl {
    return wrapRange(this.fake, [this.fake.used()], this.log);
  }
  Range(address: string): RangeImpl {
    return wrapRange(this.fake, parseAddress(address), this.log);
  }
  Activate(): void {
    this.fake.book.active = this.fake;
  }
  Delete(): void {
    this.fake.book.remove(this.fake);
  }
}

interface FakeName {
  name: string;
  sheet: FakeSheet | null;
  cell: string;
  comment: string;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly names: FakeName[] = [];
  active: FakeSheet | null = null;
  selected: { sheet: string; address: string } | null = null;
  private readonly apis = new Map<FakeSheet, WorksheetApi>();

  constructor(readonly log: CallLog) {}

  addSheet(name: string, after?: FakeSheet | null): FakeSheet {
    if (this.find(name)) throw new Error(`工作表名称「${name}」已存在`);
    const sheet = new FakeSheet(name, this);
    const at = after ? this.sheets.indexOf(after) + 1 : this.sheets.length;
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  find(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  api(sheet: FakeSheet): WorksheetApi {
    let api = this.apis.get(sheet);
    if (!api) {
      api = recorded(new WorksheetApi(sheet, this.log), "Worksheet", this.log);
      this.apis.set(sheet, api);
    }
    return api;
  }

  rename(sheet: FakeSheet, name: string): void {
    const other = this.find(name);
    if (other && other !== sheet) throw new Error(`工作表名称「${name}」已存在`);
    const from = `${quoteSheet(sheet.name)}!`;
    const to = `${quoteSheet(name)}!`;
    // As ET does: formulas that refer to the sheet follow the new name.
    for (const s of this.sheets) {
      for (const cell of s.cells.values())
        if (cell.formula?.includes(from)) cell.formula = cell.formula.split(from).join(to);
    }
    sheet.changes.push(`Name=${name}`);
    sheet.name = name;
  }

  remove(sheet: FakeSheet): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (const name of this.names) if (name.sheet === sheet) name.sheet = null;
  }

  /** A source sheet from a grid: its values at the grid's origin, its merges and hidden rows. */
  addGrid(grid: SheetGrid): FakeSheet {
    const sheet = this.addSheet(grid.name);
    const origin = grid.origin ?? { row: 0, col: 0 };
    grid.rows.forEach((row, r) =>
      row.forEach((value: CellValue | undefined, c) => {
        if (value !== null && value !== undefined)
          sheet.cells.set(key(origin.row + r, origin.col + c), { value });
      })
    );
    for (const m of grid.merges)
      sheet.merges.push({
        row: origin.row + m.top,
        col: origin.col + m.left,
        rows: m.bottom - m.top + 1,
        cols: m.right - m.left + 1,
      });
    for (const r of grid.hiddenRows ?? []) sheet.hiddenRows.add(origin.row + r);
    return sheet;
  }
}

/** The workbook's Names collection. */
function namesApi(book: FakeWorkbook) {
  const item = (name: FakeName) =>
    recorded(
      {
        get Name() {
          return name.name;
        },
        get RefersTo() {
          return name.sheet ? `=${quoteSheet(name.sheet.name)}!${name.cell}` : `=#REF!${name.cell}`;
        },
        set Comment(text: string) {
          name.comment = text;
        },
        Delete() {
          book.names.splice(book.names.indexOf(name), 1);
        },
      },
      "Name",
      book.log
    );
  return recorded(
    {
      get Count() {
        return book.names.length;
      },
      Item(index: number | string) {
        const found =
          typeof index === "number"
            ? book.names[index - 1]
            : book.names.find((n) => n.name.toLowerCase() === index.toLowerCase());
        if (!found) throw new Error(`名称 ${index} 不存在`);
        return item(found);
      },
      Add(name: string, refersTo: string) {
        if (book.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
          throw new Error(`名称 ${name} 已存在`);
        const match = /^='((?:[^']|'')+)'!(\$A\$1)$/.exec(refersTo);
        const entry: FakeName = {
          name,
          sheet: match ? (book.find(match[1].replace(/''/g, "'")) ?? null) : null,
          cell: match ? match[2] : refersTo,
          comment: "",
        };
        book.names.push(entry);
        return item(entry);
      },
    },
    "Names",
    book.log
  );
}

/** The workbook's Worksheets collection. */
function worksheetsApi(book: FakeWorkbook) {
  return recorded(
    {
      get Count() {
        return book.sheets.length;
      },
      Item(index: number | string) {
        const sheet = typeof index === "number" ? book.sheets[index - 1] : book.find(index);
        if (!sheet) throw new Error(`工作表 ${index} 不存在`);
        return book.api(sheet);
      },
      Add(_before: unknown, after: WorksheetApi | null) {
        let n = book.sheets.length + 1;
        while (book.find(`Sheet${n}`)) n += 1;
        return book.api(book.addSheet(`Sheet${n}`, after ? after.fake : null));
      },
    },
    "Worksheets",
    book.log
  );
}

export interface FakeEt {
  app: import("../../../src/hosts/wps/et").EtApplication;
  book: FakeWorkbook;
  log: CallLog;
}

/**
 * A fake Application with one open workbook holding the given source grids.
 *
 * @example
 * const { app, book, log } = fakeEt(grids);
 */
export function fakeEt(grids: SheetGrid[]): FakeEt {
  const log = new CallLog();
  const book = new FakeWorkbook(log);
  for (const grid of grids) book.addGrid(grid);
  book.active = book.sheets[0] ?? null;
  const window = { FreezePanes: false, SplitRow: 0, SplitColumn: 0, ScrollRow: 1, ScrollColumn: 1 };
  const workbook = {
    Name: "县.xlsx",
    FullName: "/tmp/县.xlsx",
    get Worksheets() {
      return worksheetsApi(book);
    },
    get Names() {
      return namesApi(book);
    },
  };
  const app = {
    ActiveWorkbook: recorded(workbook, "Workbook", log),
    ActiveWindow: recorded(window, "Window", log),
    ScreenUpdating: true,
    DisplayAlerts: true,
    Calculation: -4105,
    Calculate() {},
  };
  return { app: recorded(app, "Application", log) as unknown as FakeEt["app"], book, log };
}
