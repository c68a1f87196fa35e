import { compositeCv as meanOfCvs, unweightedCv, weightedSpread } from "../engine/cv";
import {
  argLabel,
  argOf,
  isBlank,
  rangeNumber,
  readRange,
  type Arg,
  type FunctionId,
  type ParameterAddresses,
} from "./args";
import { attempt, FunctionFailure, type Outcome } from "./outcome";

/** One indicator's values and weights after blanks were skipped pairwise. */
interface Column {
  values: Float64Array;
  pupils: Float64Array | null;
}

function sizeOf(range: unknown[][]): string {
  return `${range.length}行${range[0].length}列`;
}

/** A usable cell: a finite number that is not negative (NaN fails both comparisons). */
function usable(x: unknown): x is number {
  return typeof x === "number" && x >= 0 && x < Infinity;
}

/**
 * Reads column `col` of the values range with its pupils (same row, column `pupilCol`): a row
 * whose value or pupils cell is blank is skipped, text anywhere is refused. Typed arrays and a
 * fast path for plain numbers keep a whole Excel column (1,048,576 rows) within tens of ms; any
 * other cell goes through rangeNumber, which knows the blanks and words the message.
 */
function readColumn(
  values: unknown[][],
  valuesArg: Arg,
  col: number,
  pupils: unknown[][] | null,
  pupilsArg: Arg,
  pupilCol: number,
  reuse = false
): Column {
  const n = values.length;
  const xs = reuse ? scratch(0, n) : new Float64Array(n);
  const ws = pupils ? (reuse ? scratch(1, n) : new Float64Array(n)) : null;
  let k = 0;
  for (let r = 0; r < n; r++) {
    const a = values[r][col];
    if (pupils && ws) {
      const b = pupils[r][pupilCol];
      if (usable(a) && usable(b)) {
        xs[k] = a;
        ws[k++] = b;
        continue;
      }
      const x = rangeNumber(a, valuesArg, r, col);
      const w = rangeNumber(b, pupilsArg, r, pupilCol);
      if (x === null || w === null) continue;
      xs[k] = x;
      ws[k++] = w;
    } else {
      const x = usable(a) ? a : rangeNumber(a, valuesArg, r, col);
      if (x !== null) xs[k++] = x;
    }
  }
  return { values: xs.subarray(0, k), pupils: ws ? ws.subarray(0, k) : null };
}

/**
 * Two buffers reused from call to call for a column that is used up before the next is read
 * (a whole Excel column is 8 MB a buffer: allocating and clearing two a call cost more than the CV).
 */
const SCRATCH: Float64Array[] = [new Float64Array(0), new Float64Array(0)];
function scratch(which: 0 | 1, n: number): Float64Array {
  if (SCRATCH[which].length < n) SCRATCH[which] = new Float64Array(n);
  return SCRATCH[which];
}

function joinColumns(columns: Column[]): Column {
  const total = columns.reduce((s, c) => s + c.values.length, 0);
  const all: Column = {
    values: new Float64Array(total),
    pupils: columns[0].pupils ? new Float64Array(total) : null,
  };
  let offset = 0;
  for (const column of columns) {
    all.values.set(column.values, offset);
    if (all.pupils && column.pupils) all.pupils.set(column.pupils, offset);
    offset += column.values.length;
  }
  return all;
}

/**
 * The engine's CV functions take number[]; they (and simple-statistics under them) only read
 * length, index and .some, which a Float64Array has, so the typed view is passed without a copy.
 */
function asNumbers(xs: Float64Array): number[] {
  return xs as unknown as number[];
}

/** The CV of one column, or a #DIV/0! failure saying why none exists. */
function columnCv(column: Column, where: string): number {
  if (column.values.length === 0)
    throw new FunctionFailure(
      "divisionByZero",
      `${where}没有既有指标值又有在校生数的学校，无法计算差异系数。`
    );
  if (column.pupils) {
    const spread = weightedSpread(asNumbers(column.values), asNumbers(column.pupils));
    if (!spread)
      throw new FunctionFailure("divisionByZero", `${where}在校生数合计为0，无法计算差异系数。`);
    if (spread.cv === null)
      throw new FunctionFailure("divisionByZero", `${where}加权平均值为0，差异系数无法计算。`);
    return spread.cv;
  }
  const cv = unweightedCv(asNumbers(column.values));
  if (cv === null)
    throw new FunctionFailure("divisionByZero", `${where}平均值为0，差异系数无法计算。`);
  return cv;
}

function args(fn: FunctionId, addresses: ParameterAddresses): { valuesArg: Arg; pupilsArg: Arg } {
  return { valuesArg: argOf(fn, "values", addresses), pupilsArg: argOf(fn, "pupils", addresses) };
}

/**
 * JH.WEIGHTEDCV: the enrolment-weighted coefficient of variation (差异系数) of one indicator over a
 * stage's schools, CV = S / X̄ with X̄ = ΣPᵢXᵢ / ΣPᵢ and S = sqrt(Σ(Pᵢ/P)(Xᵢ − X̄)²). Rows with a
 * blank value or blank pupils are skipped together. Without pupils: the plain population CV
 * (which the standard does not use). Values and pupils must have the same shape.
 *
 * @example
 * // The 2012 method notes' worked example: books per pupil, weighted by pupils.
 * cv([[279 / 45], [137 / 37], [935 / 89], [160 / 76], [402 / 55]], [[45], [37], [89], [76], [55]]); // { ok: true, value: 0.515… }
 */
export function cv(
  values: unknown,
  pupils?: unknown,
  addresses?: ParameterAddresses
): Outcome<number> {
  return attempt(() => {
    const { valuesArg, pupilsArg } = args("WEIGHTEDCV", addresses);
    const x = readRange(values, valuesArg);
    const w = isBlank(pupils) ? null : readRange(pupils, pupilsArg);
    if (w && (w.length !== x.length || w[0].length !== x[0].length)) {
      throw new FunctionFailure(
        "value",
        `${argLabel(valuesArg)}是${sizeOf(x)}，${argLabel(pupilsArg)}是${sizeOf(w)}：两者应逐格对应、大小相同。`
      );
    }
    // Every cell is one school. A single column (the usual case) is read as it is; a block is read
    // column by column into one list (a loop, not push(...xs), which overflows the stack on a whole column).
    // A single column is used up before any other is read: it may sit in the reused buffers.
    const single = x[0].length === 1;
    const columns = x[0].map((_, c) => readColumn(x, valuesArg, c, w, pupilsArg, c, single));
    return columnCv(
      columns.length === 1 ? columns[0] : joinColumns(columns),
      `${argLabel(valuesArg)}中`
    );
  });
}

/**
 * JH.COMPOSITECV: the composite CV (综合差异系数), the plain mean of the columns' weighted CVs,
 * one column per indicator and one row per school; pupils is one column with as many rows.
 *
 * @example
 * compositeCv([[1, 10], [2, 20]], [[1], [1]]); // { ok: true, value: 0.333… } (both columns have CV 1/3)
 */
export function compositeCv(
  values: unknown,
  pupils?: unknown,
  addresses?: ParameterAddresses
): Outcome<number> {
  return attempt(() => {
    const { valuesArg, pupilsArg } = args("COMPOSITECV", addresses);
    const x = readRange(values, valuesArg);
    const w = isBlank(pupils) ? null : readRange(pupils, pupilsArg);
    if (w && (w.length !== x.length || w[0].length !== 1)) {
      throw new FunctionFailure(
        "value",
        `${argLabel(valuesArg)}有${x.length}行，${argLabel(pupilsArg)}是${sizeOf(w)}：在校生数应为一列，行数与指标值表相同。`
      );
    }
    const cvs: number[] = [];
    for (let c = 0; c < x[0].length; c++) {
      const column = readColumn(x, valuesArg, c, w, pupilsArg, 0, true);
      cvs.push(columnCv(column, `${argLabel(valuesArg)}的第${c + 1}列`));
    }
    // meanOfCvs is null only for an empty list, which a non-empty range cannot give.
    return meanOfCvs(cvs) as number;
  });
}
