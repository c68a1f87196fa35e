import {
  findIndicator,
  indicatorChoices,
  parseStage,
  parseStandard,
  stageChoices,
} from "../engine/lookup";
import { STANDARD_2017, type IndicatorSpec, type Standard } from "../engine/standards";
import type { Stage } from "../engine/types";
import { cellAddress } from "./addresses";
import { FunctionFailure } from "./outcome";
import ZH_CN from "./zh-cn.json";

/**
 * Readers for the arguments Excel passes: they return plain values or throw a FunctionFailure whose
 * message names the argument (by position and its Chinese name from the one translation table)
 * and says what was expected.
 */

export type FunctionId = keyof typeof ZH_CN;

/** An argument as messages name it: 「JH.WEIGHTEDCV 第2个参数「在校生数」」, and where it sits when Excel said. */
export interface Arg {
  fn: FunctionId;
  param: string;
  /** The argument's range or cell address ("Sheet1!B2:B6"), when Excel passed it. */
  address?: string | null;
}

/** Range addresses of a call's arguments in parameter order (CustomFunctions.Invocation.parameterAddresses). */
export type ParameterAddresses = readonly (string | null | undefined)[] | undefined;

function paramNames(fn: FunctionId): string[] {
  return Object.keys(ZH_CN[fn].parameters);
}

/**
 * An argument of a function, with its address taken from the call's parameter addresses.
 *
 * @example
 * argOf("WEIGHTEDCV", "pupils", ["Sheet1!B2:B6", "Sheet1!C2:C6"]); // { fn: "WEIGHTEDCV", param: "pupils", address: "Sheet1!C2:C6" }
 */
export function argOf(fn: FunctionId, param: string, addresses?: ParameterAddresses): Arg {
  return { fn, param, address: addresses?.[paramNames(fn).indexOf(param)] ?? null };
}

/**
 * How a message names an argument.
 *
 * @example
 * argLabel({ fn: "WEIGHTEDCV", param: "pupils" }); // "JH.WEIGHTEDCV 的第2个参数「在校生数」"
 */
export function argLabel(arg: Arg): string {
  const params = ZH_CN[arg.fn].parameters as Record<string, { name: string }>;
  const position = paramNames(arg.fn).indexOf(arg.param) + 1;
  const name = params[arg.param]?.name ?? arg.param;
  return `JH.${arg.fn} 的第${position}个参数「${name}」`;
}

/** argLabel with the argument's own cell when it is one cell: 「…「在校生数」（Sheet1!C3）」. */
function scalarLabel(arg: Arg): string {
  const cell = cellAddress(arg.address, 0, 0);
  const single = typeof arg.address === "string" && !arg.address.includes(":");
  return single && cell ? `${argLabel(arg)}（${cell}）` : argLabel(arg);
}

/** Excel passes an omitted optional argument as null (older hosts: undefined); an empty cell as "" or null. */
export function isBlank(x: unknown): boolean {
  return x === null || x === undefined || x === "";
}

/** User text as a message quotes it, cut short: 「abc」. */
function quoted(x: unknown): string {
  const text = String(x);
  return `「${text.length > 20 ? text.slice(0, 20) + "…" : text}」`;
}

/** How a cell that is not a number reads in a message. */
function describe(x: unknown): string {
  if (typeof x === "string") return `文本${quoted(x)}`;
  if (typeof x === "boolean") return `逻辑值 ${x ? "TRUE" : "FALSE"}`;
  if (typeof x === "number") return String(x);
  return "错误值或非数字内容";
}

function notANumber(arg: Arg, x: unknown, where: string | null): FunctionFailure {
  const hint =
    typeof x === "string" && /\d/.test(x) ? "（若是以文本存储的数字，请先转换为数字）" : "";
  const who = where === null ? scalarLabel(arg) : `${argLabel(arg)}${where}`;
  return new FunctionFailure("value", `${who}是${describe(x)}，应为数字${hint}。`);
}

/**
 * A range as rows of cells. A single value (what Excel passes for one cell) becomes a 1×1 range, a
 * flat list a column. Ragged rows are refused: Excel never sends them, so they mean a caller's
 * mistake. The range is returned as it came, not copied: a whole column is a million rows.
 */
export function readRange(x: unknown, arg: Arg): unknown[][] {
  if (!Array.isArray(x)) return [[x]];
  const rows = x as unknown[];
  if (rows.length > 0 && !rows.some(Array.isArray)) return rows.map((cell) => [cell]);
  const width = rows.length > 0 ? (rows[0] as unknown[]).length : 0;
  let rectangular = width > 0;
  for (let r = 0; rectangular && r < rows.length; r++) {
    const row = rows[r];
    rectangular = Array.isArray(row) && row.length === width;
  }
  if (!rectangular) throw new FunctionFailure("value", `${argLabel(arg)}不是一个完整的矩形区域。`);
  return rows as unknown[][];
}

/** The cell's place for messages: its address when Excel gave the range's, else 「（区域内第3行第1列）」. */
export function cellPlace(arg: Arg, row: number, col: number): string {
  const cell = cellAddress(arg.address, row, col);
  return cell ? `（${cell}）` : `（区域内第${row + 1}行第${col + 1}列）`;
}

/**
 * A cell of a number range: a finite number, null when blank, or a failure naming the cell.
 * Negative numbers are refused: counts, areas, values and pupils are never negative.
 */
export function rangeNumber(x: unknown, arg: Arg, row: number, col: number): number | null {
  if (typeof x === "number") {
    if (Number.isFinite(x) && x >= 0) return x;
    throw new FunctionFailure(
      "value",
      `${argLabel(arg)}${cellPlace(arg, row, col)}为 ${x}，应为不小于0的数。`
    );
  }
  if (isBlank(x)) return null;
  throw notANumber(arg, x, cellPlace(arg, row, col));
}

/** A required scalar number that is not negative. */
export function readCount(x: unknown, arg: Arg): number {
  if (isBlank(x)) throw new FunctionFailure("value", `${scalarLabel(arg)}为空，应为不小于0的数。`);
  if (typeof x !== "number") throw notANumber(arg, x, null);
  if (!Number.isFinite(x) || x < 0)
    throw new FunctionFailure("value", `${scalarLabel(arg)}为 ${x}，应为不小于0的数。`);
  return x;
}

/** Pupils: a count that must be above 0, else #DIV/0! (a ratio over no pupils does not exist). */
export function readPupils(x: unknown, arg: Arg): number {
  const pupils = readCount(x, arg);
  if (pupils === 0)
    throw new FunctionFailure("divisionByZero", `${scalarLabel(arg)}为0：在校生数为0时无法计算。`);
  return pupils;
}

/** Text of a name argument (a number is accepted as its text: 2017, or an id typed as a number). */
function readName(x: unknown, arg: Arg, expected: string): string {
  if (isBlank(x)) throw new FunctionFailure("value", `${scalarLabel(arg)}为空，应为${expected}。`);
  if (typeof x !== "string" && typeof x !== "number")
    throw new FunctionFailure("value", `${scalarLabel(arg)}是${describe(x)}，应为${expected}。`);
  return String(x);
}

/** The standard an optional argument selects; 2017 (优质均衡) when omitted. */
export function readStandard(x: unknown, arg: Arg): Standard {
  if (isBlank(x)) return STANDARD_2017;
  const expected = "2017（优质均衡）或 2012（基本均衡）";
  const standard = parseStandard(readName(x, arg, expected));
  if (!standard)
    throw new FunctionFailure(
      "notAvailable",
      `${scalarLabel(arg)}${quoted(x)}不是已知的标准，应为${expected}。`
    );
  return standard;
}

/** A stage from 小学/初中 or primary/junior. */
export function readStage(x: unknown, arg: Arg): Stage {
  const expected = `${stageChoices()}（或 primary、junior）`;
  const stage = parseStage(readName(x, arg, expected));
  if (!stage)
    throw new FunctionFailure(
      "notAvailable",
      `${scalarLabel(arg)}${quoted(x)}不是学段，应为${expected}。`
    );
  return stage;
}

/** An indicator of the standard by id, name, short name or alias. */
export function readIndicator(x: unknown, arg: Arg, standard: Standard): IndicatorSpec {
  const expected = `${standard.name}的指标：${indicatorChoices(standard)}，或指标全称`;
  const spec = findIndicator(standard, readName(x, arg, expected));
  if (!spec)
    throw new FunctionFailure("notAvailable", `${scalarLabel(arg)}${quoted(x)}不是${expected}。`);
  return spec;
}

/** The indicator's threshold in this stage, or #N/A when the standard sets none (2012). */
export function thresholdOf(spec: IndicatorSpec, stage: Stage, standard: Standard): number {
  const threshold = spec.thresholds?.[stage];
  if (threshold === undefined) {
    throw new FunctionFailure(
      "notAvailable",
      `${standard.name}没有逐校的达标要求（${spec.id} ${spec.shortName}）：只有 2017 优质均衡标准规定了标准值。`
    );
  }
  return threshold;
}
