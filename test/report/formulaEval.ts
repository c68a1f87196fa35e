/**
 * A tiny spreadsheet formula evaluator for the tests: enough of Excel's grammar and functions to
 * recompute every formula the report writes, over the source sheets and the plan's own cells.
 * Only what both Excel and LibreOffice share is implemented, with Excel's semantics (blank reads
 * 0, SUMPRODUCT counts booleans as 0, text compares above numbers); an unknown function fails.
 */
import type { PlannedCell, WorkbookPlan } from "../../src/report";

export type Scalar = number | string | boolean | null;
type Matrix = Scalar[][];
type Value = Scalar | Matrix;

export class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet: string | null; a: string; b?: string }
  | { t: "fn"; v: string }
  | { t: "op"; v: string }
  | { t: "bool"; v: boolean };

const REF = /^\$?[A-Z]{1,3}\$?[0-9]+$/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const readRef = (sheet: string | null) => {
    const m = /^\$?[A-Z]{1,3}\$?[0-9]+(:\$?[A-Z]{1,3}\$?[0-9]+)?/.exec(src.slice(i));
    if (!m) throw new Error(`bad reference at ${i} in ${src}`);
    i += m[0].length;
    const [a, b] = m[0].split(":");
    out.push({ t: "ref", sheet, a, ...(b ? { b } : {}) });
  };
  while (i < src.length) {
    const ch = src[i];
    if (ch === " ") {
      i++;
    } else if (ch === "'") {
      let name = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated sheet name in ${src}`);
        if (src[i] === "'" && src[i + 1] === "'") {
          name += "'";
          i += 2;
        } else if (src[i] === "'") {
          i++;
          break;
        } else name += src[i++];
      }
      if (src[i] !== "!") throw new Error(`expected ! after sheet name in ${src}`);
      i++;
      readRef(name);
    } else if (ch === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new Error(`unterminated string in ${src}`);
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (src[i] === '"') {
          i++;
          break;
        } else s += src[i++];
      }
      out.push({ t: "str", v: s });
    } else if (/[0-9.]/.test(ch)) {
      const m = /^[0-9]*\.?[0-9]+([eE][+-]?[0-9]+)?/.exec(src.slice(i))!;
      i += m[0].length;
      out.push({ t: "num", v: Number(m[0]) });
    } else if (/[A-Za-z$]/.test(ch)) {
      const m = /^[A-Za-z0-9_.$]+/.exec(src.slice(i))!;
      const word = m[0];
      if (src[i + word.length] === "(") {
        i += word.length + 1;
        out.push({ t: "fn", v: word.toUpperCase() });
      } else if (REF.test(word) || /^\$?[A-Z]{1,3}\$?[0-9]+:/.test(src.slice(i))) {
        readRef(null);
      } else if (/^(TRUE|FALSE)$/i.test(word)) {
        i += word.length;
        out.push({ t: "bool", v: word.toUpperCase() === "TRUE" });
      } else throw new Error(`unknown name ${word} in ${src}`);
    } else {
      const two = src.slice(i, i + 2);
      if (two === "<=" || two === ">=" || two === "<>") {
        out.push({ t: "op", v: two });
        i += 2;
      } else if ("+-*/^&=<>(),".includes(ch)) {
        out.push({ t: "op", v: ch });
        i++;
      } else throw new Error(`unexpected ${ch} in ${src}`);
    }
  }
  return out;
}

type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; sheet: string | null; a: string; b?: string }
  | { k: "un"; op: string; x: Node }
  | { k: "bin"; op: string; l: Node; r: Node }
  | { k: "call"; fn: string; args: Node[] };

function parse(src: string): Node {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (...ops: string[]) =>
    peek()?.t === "op" && ops.includes((peek() as { v: string }).v);
  const expect = (op: string) => {
    if (!isOp(op)) throw new Error(`expected ${op} in ${src}`);
    p++;
  };
  const level = (ops: string[], next: () => Node) => (): Node => {
    let l = next();
    while (isOp(...ops)) {
      const op = (toks[p++] as { v: string }).v;
      l = { k: "bin", op, l, r: next() };
    }
    return l;
  };
  const primary = (): Node => {
    const tok = toks[p++];
    if (!tok) throw new Error(`unexpected end of ${src}`);
    switch (tok.t) {
      case "num":
        return { k: "lit", v: tok.v };
      case "str":
        return { k: "lit", v: tok.v };
      case "bool":
        return { k: "lit", v: tok.v };
      case "ref":
        return { k: "ref", sheet: tok.sheet, a: tok.a, ...(tok.b ? { b: tok.b } : {}) };
      case "fn": {
        const args: Node[] = [];
        if (!isOp(")")) {
          args.push(comparison());
          while (isOp(",")) {
            p++;
            args.push(comparison());
          }
        }
        expect(")");
        return { k: "call", fn: tok.v, args };
      }
      case "op":
        if (tok.v === "(") {
          const e = comparison();
          expect(")");
          return e;
        }
        if (tok.v === "-" || tok.v === "+") return { k: "un", op: tok.v, x: primary() };
    }
    throw new Error(`unexpected token in ${src}`);
  };
  const power = level(["^"], primary);
  const mul = level(["*", "/"], power);
  const add = level(["+", "-"], mul);
  const concat = level(["&"], add);
  const comparison: () => Node = level(["=", "<>", "<", ">", "<=", ">="], concat);
  const tree = comparison();
  if (p !== toks.length) throw new Error(`trailing tokens in ${src}`);
  return tree;
}

// ---- values ----

function num(v: Scalar): number {
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  if (v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  throw new FormulaError("#VALUE!");
}

function compare(a: Scalar, b: Scalar): number {
  const rank = (v: Scalar) => (typeof v === "boolean" ? 2 : typeof v === "string" ? 1 : 0);
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string") return a.toLowerCase().localeCompare((b as string).toLowerCase());
  return num(a) - num(b);
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  switch (op) {
    case "+":
      return num(a) + num(b);
    case "-":
      return num(a) - num(b);
    case "*":
      return num(a) * num(b);
    case "/":
      if (num(b) === 0) throw new FormulaError("#DIV/0!");
      return num(a) / num(b);
    case "^":
      return num(a) ** num(b);
    case "&":
      return `${a ?? ""}${b ?? ""}`;
    case "=":
      return compare(a, b) === 0;
    case "<>":
      return compare(a, b) !== 0;
    case "<":
      return compare(a, b) < 0;
    case ">":
      return compare(a, b) > 0;
    case "<=":
      return compare(a, b) <= 0;
    case ">=":
      return compare(a, b) >= 0;
  }
  throw new Error(`op ${op}`);
}

const isMatrix = (v: Value): v is Matrix => Array.isArray(v);

/** Element-wise with Excel's expansion of a scalar, a single row or a single column. */
function lift2(a: Value, b: Value, f: (x: Scalar, y: Scalar) => Scalar): Value {
  if (!isMatrix(a) && !isMatrix(b)) return f(a, b);
  const A = isMatrix(a) ? a : [[a]];
  const B = isMatrix(b) ? b : [[b]];
  const rows = Math.max(A.length, B.length);
  const cols = Math.max(A[0].length, B[0].length);
  const at = (M: Matrix, r: number, c: number) => {
    const rr = M.length === 1 ? 0 : r;
    const cc = M[0].length === 1 ? 0 : c;
    if (rr >= M.length || cc >= M[0].length) throw new FormulaError("#N/A");
    return M[rr][cc];
  };
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => f(at(A, r, c), at(B, r, c)))
  );
}

function lift1(a: Value, f: (x: Scalar) => Scalar): Value {
  return isMatrix(a) ? a.map((row) => row.map(f)) : f(a);
}

const flat = (v: Value): Scalar[] => (isMatrix(v) ? v.flat() : [v]);

function scalar(v: Value): Scalar {
  if (!isMatrix(v)) return v;
  if (v.length === 1 && v[0].length === 1) return v[0][0];
  throw new FormulaError("#VALUE!");
}

function roundHalfAway(x: number, digits: number): number {
  const f = 10 ** digits;
  return (Math.sign(x) * Math.round(Math.abs(x) * f)) / f;
}

function criterion(crit: Scalar): (v: Scalar) => boolean {
  if (typeof crit === "string") {
    const m = /^(<=|>=|<>|<|>|=)?(.*)$/.exec(crit)!;
    const op = m[1] ?? "=";
    const rhsText = m[2];
    const rhs: Scalar =
      rhsText !== "" && Number.isFinite(Number(rhsText)) ? Number(rhsText) : rhsText;
    return (v) => {
      if (v === null) return false;
      if (typeof rhs === "number" && typeof v !== "number") return op === "<>";
      return binary(op, v, rhs) === true;
    };
  }
  return (v) => v !== null && compare(v, crit) === 0;
}

// ---- the workbook ----

function parseA1(a: string): { row: number; col: number; absRow: boolean; absCol: boolean } {
  const m = /^(\$?)([A-Z]{1,3})(\$?)([0-9]+)$/.exec(a)!;
  let col = 0;
  for (const ch of m[2]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[4]) - 1, absCol: m[1] === "$", absRow: m[3] === "$" };
}

/** Source sheets as the user's workbook holds them: sheet → A1 → value. */
export type SourceSheets = Record<string, Record<string, Scalar>>;

export class PlanWorkbook {
  private readonly cells = new Map<string, Map<string, PlannedCell>>();
  private readonly memo = new Map<string, Scalar>();
  private readonly busy = new Set<string>();

  constructor(
    plan: WorkbookPlan,
    private readonly sources: SourceSheets
  ) {
    for (const sheet of plan.sheets) {
      const map = new Map<string, PlannedCell>();
      for (const row of sheet.rows)
        row.cells.forEach((cell, col) => cell && map.set(`${row.row},${col}`, cell));
      this.cells.set(sheet.name, map);
    }
  }

  /** The value of a cell: a plan formula is recomputed; a source cell is read. */
  value(sheet: string, row: number, col: number): Scalar {
    const plan = this.cells.get(sheet);
    if (plan) {
      const cell = plan.get(`${row},${col}`);
      if (!cell) return null;
      if (cell.formula === undefined) return cell.value;
      const key = `${sheet}|${row},${col}`;
      if (this.memo.has(key)) return this.memo.get(key)!;
      if (this.busy.has(key)) throw new Error(`circular reference at ${key}`);
      this.busy.add(key);
      const v = this.evaluate(cell.formula, sheet);
      this.busy.delete(key);
      this.memo.set(key, v);
      return v;
    }
    const source = this.sources[sheet];
    if (!source) throw new FormulaError("#REF!");
    let letters = "";
    let n = col + 1;
    while (n > 0) {
      letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
      n = Math.floor((n - 1) / 26);
    }
    return source[`${letters}${row + 1}`] ?? null;
  }

  /** Evaluates a formula on `sheet`; `shift` moves its relative references (conditional formats). */
  evaluate(formula: string, sheet: string, shift = { rows: 0, cols: 0 }): Scalar {
    return scalar(this.eval(parse(formula), sheet, shift));
  }

  private eval(node: Node, sheet: string, shift: { rows: number; cols: number }): Value {
    const ev = (n: Node) => this.eval(n, sheet, shift);
    switch (node.k) {
      case "lit":
        return node.v;
      case "ref": {
        const target = node.sheet ?? sheet;
        const at = (a: string) => {
          const r = parseA1(a);
          return {
            row: r.row + (r.absRow ? 0 : shift.rows),
            col: r.col + (r.absCol ? 0 : shift.cols),
          };
        };
        const a = at(node.a);
        if (!node.b) return this.value(target, a.row, a.col);
        const b = at(node.b);
        const m: Matrix = [];
        for (let r = a.row; r <= b.row; r++) {
          const line: Scalar[] = [];
          for (let c = a.col; c <= b.col; c++) line.push(this.value(target, r, c));
          m.push(line);
        }
        return m;
      }
      case "un":
        return lift1(ev(node.x), (x) => (node.op === "-" ? -num(x) : num(x)));
      case "bin":
        return lift2(ev(node.l), ev(node.r), (x, y) => binary(node.op, x, y));
      case "call":
        return this.call(node.fn, node.args, ev);
    }
  }

  private call(fn: string, args: Node[], ev: (n: Node) => Value): Value {
    const numbers = (vs: Value[]) =>
      vs.flatMap((v) =>
        isMatrix(v) ? v.flat().filter((x): x is number => typeof x === "number") : [num(v)]
      );
    switch (fn) {
      case "SUM":
        return numbers(args.map(ev)).reduce((s, x) => s + x, 0);
      case "AVERAGE": {
        const xs = numbers(args.map(ev));
        if (xs.length === 0) throw new FormulaError("#DIV/0!");
        return xs.reduce((s, x) => s + x, 0) / xs.length;
      }
      case "COUNT":
        return args
          .map(ev)
          .flatMap(flat)
          .filter((x) => typeof x === "number").length;
      case "COUNTIF": {
        const test = criterion(scalar(ev(args[1])));
        return flat(ev(args[0])).filter(test).length;
      }
      case "SUMPRODUCT": {
        const arrays = args.map(ev).map((v) => (isMatrix(v) ? v : [[v]]));
        const [r, c] = [arrays[0].length, arrays[0][0].length];
        if (arrays.some((m) => m.length !== r || m[0].length !== c))
          throw new FormulaError("#VALUE!");
        let total = 0;
        for (let i = 0; i < r; i++)
          for (let j = 0; j < c; j++)
            total += arrays.reduce(
              (p, m) => p * (typeof m[i][j] === "number" ? (m[i][j] as number) : 0),
              1
            );
        return total;
      }
      case "SQRT":
        return lift1(ev(args[0]), (x) => {
          if (num(x) < 0) throw new FormulaError("#NUM!");
          return Math.sqrt(num(x));
        });
      case "ABS":
        return lift1(ev(args[0]), (x) => Math.abs(num(x)));
      case "ROUND": {
        const d = num(scalar(ev(args[1])));
        return lift1(ev(args[0]), (x) => roundHalfAway(num(x), d));
      }
      case "IF":
        return num(scalar(ev(args[0]))) !== 0 ? ev(args[1]) : args[2] ? ev(args[2]) : false;
      case "AND":
        return args
          .map(ev)
          .flatMap(flat)
          .filter((x) => x !== null && typeof x !== "string")
          .every((x) => num(x) !== 0);
      case "INT":
        return lift1(ev(args[0]), (x) => Math.floor(num(x)));
      case "MAX":
        return Math.max(...numbers(args.map(ev)));
      case "OR":
        return args
          .map(ev)
          .flatMap(flat)
          .filter((x) => x !== null && typeof x !== "string")
          .some((x) => num(x) !== 0);
      case "ISBLANK":
        return scalar(ev(args[0])) === null;
      case "TEXT": {
        const fmt = String(scalar(ev(args[1])));
        if (fmt === "#,##0")
          return String(roundHalfAway(num(scalar(ev(args[0]))), 0)).replace(
            /\B(?=(\d{3})+(?!\d))/g,
            ","
          );
        const m = /^0(?:\.(0+))?$/.exec(fmt);
        if (!m) throw new Error(`TEXT format ${fmt} is not supported`);
        const d = m[1]?.length ?? 0;
        return roundHalfAway(num(scalar(ev(args[0]))), d).toFixed(d);
      }
      case "IFERROR":
        try {
          return ev(args[0]);
        } catch (e) {
          if (e instanceof FormulaError) return ev(args[1]);
          throw e;
        }
    }
    throw new Error(`function ${fn} is not in the shared set`);
  }
}

/** Every formula cell of the plan whose recomputed value differs from its cached value. */
export function formulaMismatches(plan: WorkbookPlan, sources: SourceSheets): string[] {
  const book = new PlanWorkbook(plan, sources);
  const out: string[] = [];
  for (const sheet of plan.sheets) {
    for (const row of sheet.rows) {
      row.cells.forEach((cell, col) => {
        if (!cell?.formula) return;
        let got: Scalar;
        try {
          got = book.value(sheet.name, row.row, col);
        } catch (e) {
          out.push(`${sheet.name} r${row.row} c${col} =${cell.formula}: ${(e as Error).message}`);
          return;
        }
        const want = cell.value;
        const same =
          typeof want === "number" && typeof got === "number"
            ? Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want))
            : got === want;
        if (!same)
          out.push(
            `${sheet.name} r${row.row} c${col} =${cell.formula}: got ${String(got)}, cached ${String(want)}`
          );
      });
    }
  }
  return out;
}
