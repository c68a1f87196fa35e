/**
 * A small fake of the parts of the Excel object model the host uses, with Office.js's batching:
 * calls and property sets are queued and run at `context.sync()` in order (a failing action stops
 * the batch, like Excel); loaded properties are readable only after the sync that loads them.
 *
 * office-addin-mock's OfficeMockObject supplies the load/sync bookkeeping of every range the host
 * loads (values, valueTypes, used-range indexes, merged-area addresses) and the
 * `application` object. It cannot model the rest on its own: collections are plain arrays to it
 * (`load("items/name")` throws), objects created at run time (`worksheets.add`, `getRange(any
 * address)`) are outside the tree its `sync` walks, and property sets are not recorded. Those
 * parts are hand-written here.
 */
import { OfficeMockObject } from "office-addin-mock";
import { a1 } from "../../../src/sheets/grid";
import { parseA1, rectAddress, type Rect } from "../../../src/hosts/excel/addresses";

type Scalar = string | number | boolean;
export type SourceValue = Scalar | null | { error: string };

export interface StoredCell {
  value: Scalar;
  type: "String" | "Double" | "Boolean" | "Error" | "Formula";
  /** Text written with Excel's quote prefix (a leading apostrophe). */
  quotePrefix?: boolean;
  /** The cell's number format; 「General」 when absent. */
  numberFormat?: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, StoredCell>;
  merges: string[];
  /** 0-based worksheet rows hidden or filtered out. */
  hiddenRows?: number[];
}

/** One queued write: a property set or method call on a sheet or range, with its request number. */
export interface WriteRecord {
  batch: number;
  sheet: string;
  address?: string;
  what: string;
  value?: unknown;
}

export interface ReadRecord {
  batch: number;
  sheet: string;
  address: string;
  props: string;
}

export class FakeExcelError extends Error {
  constructor(
    public code: string,
    message = code
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Action {
  record: WriteRecord;
  run: () => void;
}

const key = (row: number, col: number) => `${row},${col}`;
const same = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names: { name: string; sheet: FakeSheet; comment?: string }[] = [];
  activeSheet = "";
  selection = "";
  writes: WriteRecord[] = [];
  reads: ReadRecord[] = [];
  syncs = 0;
  /** Return an error code to make that queued write fail when its request runs. */
  failOn?: (record: WriteRecord) => string | undefined;
  private queue: Action[] = [];
  private pendingLoads: (() => Promise<void>)[] = [];

  /** A source sheet from rows of values; `at` is the 0-based top-left, `merges` A1 ranges. */
  addSheet(
    name: string,
    rows: SourceValue[][],
    at: { row: number; col: number } = { row: 0, col: 0 },
    merges: string[] = []
  ): FakeSheet {
    const sheet: FakeSheet = { name, cells: new Map(), merges };
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === "") return;
        const stored: StoredCell =
          typeof value === "object"
            ? { value: value.error, type: "Error" }
            : {
                value,
                type:
                  typeof value === "number"
                    ? "Double"
                    : typeof value === "boolean"
                      ? "Boolean"
                      : "String",
              };
        sheet.cells.set(key(at.row + r, at.col + c), stored);
      })
    );
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = name;
    return sheet;
  }

  /** Sets a source cell's number format (「0.0%」), as the user would have. */
  format(sheetName: string, address: string, numberFormat: string): void {
    const cell = this.cell(sheetName, address);
    if (!cell) throw new Error(`fake: no cell ${sheetName}!${address}`);
    cell.numberFormat = numberFormat;
  }

  /** Gives a sheet the audit's ownership marker, as a previous run would have. */
  mark(sheetName: string, n: number): void {
    this.names.push({ name: `JH_AUDIT_${n}`, sheet: this.sheet(sheetName) });
  }

  sheet(name: string): FakeSheet {
    const found = this.sheets.find((s) => same(s.name, name));
    if (!found) throw new FakeExcelError("ItemNotFound", `no sheet ${name}`);
    return found;
  }

  /** The cell as Excel would show it; undefined when empty. */
  cell(sheetName: string, address: string): StoredCell | undefined {
    const { row, col } = parseA1(address);
    return this.sheet(sheetName).cells.get(key(row, col));
  }

  formulaOf(name: { sheet: FakeSheet }): string {
    return this.sheets.includes(name.sheet)
      ? `='${name.sheet.name.replace(/'/g, "''")}'!$A$1`
      : "=#REF!$A$1";
  }

  context(): Excel.RequestContext {
    const workbook = {
      worksheets: this.worksheetCollection(),
      names: this.nameCollection(),
      application: new OfficeMockObject({
        suspendApiCalculationUntilNextSync: () =>
          this.queueWrite("", undefined, "application.suspendApiCalculationUntilNextSync()"),
        suspendScreenUpdatingUntilNextSync: () =>
          this.queueWrite("", undefined, "application.suspendScreenUpdatingUntilNextSync()"),
        calculate: (type: string) =>
          this.queueWrite("", undefined, `application.calculate(${type})`),
      }),
    };
    return { workbook, sync: () => this.sync() } as unknown as Excel.RequestContext;
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    const loads = this.pendingLoads;
    this.queue = [];
    this.pendingLoads = [];
    this.syncs += 1;
    for (const action of queue) {
      const code = this.failOn?.(action.record);
      if (code) throw new FakeExcelError(code, `${code} at ${action.record.what}`);
      action.run();
    }
    for (const load of loads) await load();
  }

  queueWrite(
    sheet: string,
    address: string | undefined,
    what: string,
    value?: unknown,
    run: () => void = () => undefined
  ): void {
    const record = { batch: this.syncs + 1, sheet, address, what, value };
    this.writes.push(record);
    this.queue.push({ record, run });
  }

  /**
   * What Excel does to formulas that name a sheet when the sheet is renamed (they follow it) or
   * deleted (they become #REF!). Quoted references only: the host always quotes.
   */
  retarget(oldName: string, replacement: string): void {
    const quoted = `'${oldName.replace(/'/g, "''")}'!`;
    for (const sheet of this.sheets) {
      for (const cell of sheet.cells.values()) {
        if (cell.type === "Formula" && typeof cell.value === "string")
          cell.value = cell.value.split(quoted).join(replacement);
      }
    }
  }

  // ---- worksheets -------------------------------------------------------------------------------

  private worksheetCollection() {
    let items: unknown[] | undefined;
    return {
      load: (props: string) => {
        this.pendingLoads.push(async () => {
          items = this.sheets.map((s) => this.worksheet(() => s, s.name));
        });
        this.reads.push({ batch: this.syncs + 1, sheet: "", address: "worksheets", props });
      },
      get items() {
        if (!items)
          throw new FakeExcelError("PropertyNotLoaded", "worksheets.items read before load + sync");
        return items;
      },
      add: (name: string) => {
        const sheet: FakeSheet = { name, cells: new Map(), merges: [] };
        this.queueWrite(name, undefined, "worksheets.add", name, () => {
          if (this.sheets.some((s) => same(s.name, name)))
            throw new FakeExcelError("ItemAlreadyExists", name);
          this.sheets.push(sheet);
        });
        return this.worksheet(() => sheet);
      },
      getItem: (name: string) => this.worksheet(() => this.sheet(name), undefined, name),
    };
  }

  /** A worksheet proxy; `resolve` finds the sheet when a queued action runs. */
  private worksheet(resolve: () => FakeSheet, loadedName?: string, label?: string) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- getters and proxy traps below need the workbook
    const book = this;
    const current = () => {
      const sheet = resolve();
      if (!book.sheets.includes(sheet)) throw new FakeExcelError("ItemNotFound", "sheet is gone");
      return sheet;
    };
    const nameNow = () => label ?? resolve().name;
    return {
      get name() {
        if (loadedName === undefined)
          throw new FakeExcelError("PropertyNotLoaded", "worksheet.name");
        return loadedName;
      },
      set name(value: string) {
        book.queueWrite(nameNow(), undefined, "worksheet.name", value, () => {
          if (book.sheets.some((s) => s !== current() && same(s.name, value)))
            throw new FakeExcelError("ItemAlreadyExists", value);
          const sheet = current();
          book.retarget(sheet.name, `'${value.replace(/'/g, "''")}'!`);
          if (book.activeSheet === sheet.name) book.activeSheet = value;
          sheet.name = value;
        });
      },
      delete: () =>
        book.queueWrite(nameNow(), undefined, "worksheet.delete()", undefined, () => {
          const sheet = current();
          if (book.sheets.length === 1) throw new FakeExcelError("InvalidOperation", "last sheet");
          book.sheets = book.sheets.filter((s) => s !== sheet);
          book.retarget(sheet.name, "#REF!");
        }),
      activate: () =>
        book.queueWrite(
          nameNow(),
          undefined,
          "worksheet.activate()",
          undefined,
          () => (book.activeSheet = current().name)
        ),
      getRange: (address?: string) => book.range(current, nameNow, address ?? "A1:XFD1048576"),
      getRanges: (address: string) => book.range(current, nameNow, address),
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) =>
        book.range(current, nameNow, rectAddress({ row, col, rows, cols })),
      getUsedRangeOrNullObject: (valuesOnly?: boolean) =>
        book.range(current, nameNow, "used", valuesOnly),
      freezePanes: recorder(book, nameNow, undefined, "freezePanes"),
      pageLayout: recorder(book, nameNow, undefined, "pageLayout"),
      charts: recorder(book, nameNow, undefined, "charts"),
      horizontalPageBreaks: recorder(book, nameNow, undefined, "horizontalPageBreaks"),
    };
  }

  // ---- ranges -----------------------------------------------------------------------------------

  /** A range proxy. Loaded properties come from an OfficeMockObject built when `load` is queued. */
  private range(
    sheetOf: () => FakeSheet,
    nameNow: () => string,
    address: string,
    _valuesOnly?: boolean
  ): unknown {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- getters and proxy traps below need the workbook
    const book = this;
    const created = this.syncs;
    let mock: OfficeMockObject | undefined;
    let isNull = false;
    const rect = (): Rect | undefined =>
      address === "used" ? usedRect(sheetOf()) : parseA1(address);
    const target: Record<string | symbol, unknown> = {
      load(props: string) {
        const r = rect();
        isNull = r === undefined;
        const data = r ? rangeData(sheetOf(), r) : {};
        mock = new OfficeMockObject(data);
        if (r) mock.load(props);
        book.reads.push({
          batch: book.syncs + 1,
          sheet: nameNow(),
          address: r ? rectAddress(r) : "(empty)",
          props,
        });
        const loaded = mock;
        book.pendingLoads.push(() => loaded.sync());
      },
      getMergedAreasOrNullObject() {
        return book.mergedAreas(sheetOf, nameNow, rect);
      },
      getSpecialCellsOrNullObject(type: string) {
        if (type !== "Visible") throw new Error(`fake: unexpected special cells ${type}`);
        return book.mergedAreas(sheetOf, nameNow, rect, visibleRuns);
      },
      merge(across: boolean) {
        book.queueWrite(nameNow(), address, "merge", across, () => sheetOf().merges.push(address));
      },
      select() {
        book.queueWrite(nameNow(), address, "select()", undefined, () => {
          book.activeSheet = sheetOf().name;
          book.selection = address;
        });
      },
      [DESCRIBE]: () => `${nameNow()}!${address}`,
    };
    const WRITABLE = new Set(["formulas", "values", "numberFormat", "hyperlink", "columnHidden"]);
    return new Proxy(target, {
      get(t, prop) {
        if (prop in t) return t[prop];
        if (prop === "isNullObject") {
          if (book.syncs <= created)
            throw new FakeExcelError("PropertyNotLoaded", "isNullObject read before sync");
          return isNull;
        }
        if (
          typeof prop === "string" &&
          [
            "values",
            "valueTypes",
            "numberFormat",
            "rowIndex",
            "columnIndex",
            "rowCount",
            "columnCount",
            "address",
          ].includes(prop)
        ) {
          const value = mock ? (mock as unknown as Record<string, unknown>)[prop] : undefined;
          if (value === undefined || (typeof value === "string" && value.startsWith("Error, "))) {
            throw new FakeExcelError(
              "PropertyNotLoaded",
              `${prop}: ${String(value ?? "not loaded")}`
            );
          }
          return value;
        }
        return recorder(book, nameNow, address, String(prop));
      },
      set(_t, prop, value) {
        if (typeof prop !== "string" || !WRITABLE.has(prop))
          throw new Error(`fake: unexpected set ${String(prop)}`);
        book.queueWrite(nameNow(), address, prop, value, () => {
          if (prop === "formulas" || prop === "values")
            writeCells(sheetOf(), parseA1(address), value as Scalar[][]);
        });
        return true;
      },
    });
  }

  /** Merged areas of a range, or (with `areasOf`) other areas of it such as its visible cells. */
  private mergedAreas(
    sheetOf: () => FakeSheet,
    nameNow: () => string,
    rectOf: () => Rect | undefined,
    areasOf?: (sheet: FakeSheet, r: Rect) => string[]
  ) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- getters and proxy traps below need the workbook
    const book = this;
    const created = this.syncs;
    let mock: OfficeMockObject | undefined;
    let isNull = true;
    return {
      load(props: string) {
        const sheet = sheetOf();
        const r = rectOf();
        const inside = areasOf
          ? r
            ? areasOf(sheet, r)
            : []
          : sheet.merges.filter((m) => r && overlaps(parseA1(m), r));
        isNull = inside.length === 0;
        const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
        mock = new OfficeMockObject({ address: inside.map((m) => `${quoted}!${m}`).join(", ") });
        mock.load(props);
        book.reads.push({
          batch: book.syncs + 1,
          sheet: nameNow(),
          address: areasOf ? "visibleCells" : "mergedAreas",
          props,
        });
        const loaded = mock;
        book.pendingLoads.push(() => loaded.sync());
      },
      get isNullObject() {
        if (book.syncs <= created)
          throw new FakeExcelError("PropertyNotLoaded", "isNullObject read before sync");
        return isNull;
      },
      get address() {
        const value = mock ? (mock as unknown as { address: unknown }).address : undefined;
        if (typeof value !== "string" || value.startsWith("Error, "))
          throw new FakeExcelError("PropertyNotLoaded", "address");
        return value;
      },
    };
  }

  // ---- names ------------------------------------------------------------------------------------

  private nameCollection() {
    let items: { name: string; formula: string }[] | undefined;
    return {
      load: (props: string) => {
        this.pendingLoads.push(async () => {
          items = this.names.map((n) => ({ name: n.name, formula: this.formulaOf(n) }));
        });
        this.reads.push({ batch: this.syncs + 1, sheet: "", address: "names", props });
      },
      get items() {
        if (!items)
          throw new FakeExcelError("PropertyNotLoaded", "names.items read before load + sync");
        return items;
      },
      add: (name: string, reference: { [DESCRIBE]: () => string }, comment?: string) => {
        const where = reference[DESCRIBE]();
        const sheetName = where.slice(0, where.lastIndexOf("!"));
        this.queueWrite(sheetName, "A1", "names.add", name, () => {
          if (this.names.some((n) => same(n.name, name)))
            throw new FakeExcelError("ItemAlreadyExists", name);
          this.names.push({ name, sheet: this.sheet(sheetName), comment });
        });
      },
      getItem: (name: string) => ({
        delete: () =>
          this.queueWrite("", undefined, "names.delete", name, () => {
            if (!this.names.some((n) => same(n.name, name)))
              throw new FakeExcelError("ItemNotFound", name);
            this.names = this.names.filter((n) => !same(n.name, name));
          }),
      }),
    };
  }
}

const DESCRIBE = Symbol("describe");

/** Records any chain of property sets and calls (format.fill.color = …, borders.getItem(…)). */
function recorder(
  book: FakeWorkbook,
  nameNow: () => string,
  address: string | undefined,
  path: string
): unknown {
  let calls = 0;
  return new Proxy(function () {}, {
    get(_t, prop) {
      if (prop === "then") return undefined;
      return recorder(book, nameNow, address, `${path}.${String(prop)}`);
    },
    set(_t, prop, value) {
      book.queueWrite(nameNow(), address, `${path}.${String(prop)}`, value);
      return true;
    },
    apply(_t, _this, args: unknown[]) {
      const shown = args.map((a) =>
        a && typeof a === "object" && DESCRIBE in a
          ? (a as { [DESCRIBE]: () => string })[DESCRIBE]()
          : JSON.stringify(a)
      );
      const call = `${path}(${shown.join(",")})`;
      book.queueWrite(nameNow(), address, call, args);
      calls += 1;
      return recorder(book, nameNow, address, `${call}#${calls}`);
    },
  });
}

function usedRect(sheet: FakeSheet): Rect | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const k of sheet.cells.keys()) {
    const [r, c] = k.split(",").map(Number);
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  }
  return bottom < 0
    ? undefined
    : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

function rangeData(sheet: FakeSheet, r: Rect) {
  const values: Scalar[][] = [];
  const valueTypes: string[][] = [];
  const numberFormat: string[][] = [];
  for (let row = r.row; row < r.row + r.rows; row += 1) {
    const vRow: Scalar[] = [];
    const tRow: string[] = [];
    const fRow: string[] = [];
    for (let col = r.col; col < r.col + r.cols; col += 1) {
      const cell = sheet.cells.get(key(row, col));
      vRow.push(cell ? cell.value : "");
      tRow.push(cell ? (cell.type === "Formula" ? "String" : cell.type) : "Empty");
      fRow.push(cell?.numberFormat ?? "General");
    }
    values.push(vRow);
    valueTypes.push(tRow);
    numberFormat.push(fRow);
  }
  return {
    address: `${sheet.name}!${rectAddress(r)}`,
    rowIndex: r.row,
    columnIndex: r.col,
    rowCount: r.rows,
    columnCount: r.cols,
    values,
    valueTypes,
    numberFormat,
  };
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

/** Cells as Excel stores typed input: "'" keeps text, "=", "+", "-", "@" start formulas, numerals become numbers. */
function writeCells(sheet: FakeSheet, r: Rect, grid: Scalar[][]): void {
  if (grid.length !== r.rows || grid.some((row) => row.length !== r.cols)) {
    throw new FakeExcelError(
      "InvalidArgument",
      `array ${grid.length}x${grid[0]?.length} does not fit ${rectAddress(r)}`
    );
  }
  grid.forEach((row, i) =>
    row.forEach((input, j) => {
      const k = key(r.row + i, r.col + j);
      const cell = parseInput(input);
      if (cell) sheet.cells.set(k, cell);
      else sheet.cells.delete(k);
    })
  );
}

export function parseInput(input: Scalar): StoredCell | undefined {
  if (typeof input === "number") return { value: input, type: "Double" };
  if (typeof input === "boolean") return { value: input, type: "Boolean" };
  if (input === "") return undefined;
  if (input.startsWith("'")) return { value: input.slice(1), type: "String", quotePrefix: true };
  if (/^[=+\-@]/.test(input)) return { value: input, type: "Formula" };
  if (input.trim() !== "" && Number.isFinite(Number(input.replace(/,/g, ""))))
    return { value: Number(input.replace(/,/g, "")), type: "Double" };
  if (/^(true|false)$/i.test(input))
    return { value: input.toUpperCase() === "TRUE", type: "Boolean" };
  return { value: input, type: "String" };
}

export { a1 };

/** The visible cells of a range as A1 areas, one per run of rows that are not hidden. */
function visibleRuns(sheet: FakeSheet, r: Rect): string[] {
  const hidden = new Set(sheet.hiddenRows ?? []);
  const runs: string[] = [];
  let start = -1;
  for (let row = r.row; row <= r.row + r.rows; row++) {
    const shown = row < r.row + r.rows && !hidden.has(row);
    if (shown && start < 0) start = row;
    if (!shown && start >= 0) {
      runs.push(rectAddress({ row: start, col: r.col, rows: row - start, cols: r.cols }));
      start = -1;
    }
  }
  return runs;
}
