import { WorkbookFileError } from "../errors";

/**
 * What the reader accepts, so a hostile file (a zip bomb: a small zip inflating to gigabytes) is
 * refused before it exhausts memory. The defaults pass a province's workbook (300,000 schools in
 * one sheet, about 20 MB) with room to spare; each can be raised through an environment variable.
 */
export interface ReadLimits {
  /** Largest inflated size of one part (sheet, shared strings …), in bytes. */
  maxPartBytes: number;
  /** Largest ratio of inflated to compressed size, for parts above ratioFloorBytes. */
  maxRatio: number;
  /** Parts smaller than this are not held to the ratio (tiny parts compress absurdly well). */
  ratioFloorBytes: number;
  /** Most cells with a value, over all sheets. */
  maxCells: number;
  /** Most rows, over all sheets. */
  maxRows: number;
}

export const DEFAULT_LIMITS: ReadLimits = {
  maxPartBytes: 1024 * 1024 * 1024,
  maxRatio: 150,
  ratioFloorBytes: 16 * 1024 * 1024,
  maxCells: 40_000_000,
  maxRows: 5_000_000,
};

/** The environment variable that raises each limit, and its unit in messages. */
const VARIABLES: Record<
  keyof Omit<ReadLimits, "ratioFloorBytes">,
  { env: string; unit: string; scale: number }
> = {
  maxPartBytes: { env: "JH_MAX_PART_MB", unit: "MB", scale: 1024 * 1024 },
  maxRatio: { env: "JH_MAX_RATIO", unit: "倍", scale: 1 },
  maxCells: { env: "JH_MAX_CELLS", unit: "个单元格", scale: 1 },
  maxRows: { env: "JH_MAX_ROWS", unit: "行", scale: 1 },
};

/**
 * The limits in force: the defaults, raised (or lowered) by JH_MAX_PART_MB, JH_MAX_RATIO,
 * JH_MAX_CELLS and JH_MAX_ROWS when set to a positive number.
 *
 * @example
 * limitsFromEnv({ JH_MAX_ROWS: "8000000" }).maxRows; // 8000000
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): ReadLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, { env: name, scale }] of Object.entries(VARIABLES) as [
    keyof typeof VARIABLES,
    (typeof VARIABLES)[keyof typeof VARIABLES],
  ][]) {
    const value = Number(env[name]);
    if (env[name] !== undefined && Number.isFinite(value) && value > 0) limits[key] = value * scale;
  }
  return limits;
}

/**
 * The refusal of a file over a limit: what was over, by how much, and how to raise the limit.
 *
 * @example
 * limitError("大表.xlsx", "maxRows", "工作表「小学」", DEFAULT_LIMITS).message;
 * // "工作簿「大表.xlsx」中工作表「小学」超过读取上限：行数超过 5000000 行。若文件可信，可设置环境变量 JH_MAX_ROWS（当前 5000000）后重试。"
 */
export function limitError(
  path: string,
  limit: keyof typeof VARIABLES,
  where: string,
  limits: ReadLimits
): WorkbookFileError {
  const { env, unit, scale } = VARIABLES[limit];
  const current = Math.round(limits[limit] / scale);
  const what: Record<keyof typeof VARIABLES, string> = {
    maxPartBytes: `解压后大小超过 ${current} ${unit}`,
    maxRatio: `解压后与压缩后的大小之比超过 ${current} ${unit}（疑似“压缩炸弹”）`,
    maxCells: `有值的单元格超过 ${current} ${unit}`,
    maxRows: `行数超过 ${current} ${unit}`,
  };
  const name = path.split(/[\\/]/).pop();
  return new WorkbookFileError(
    "limit",
    path,
    `工作簿「${name}」中${where}超过读取上限：${what[limit]}。若文件可信，可设置环境变量 ${env}（当前 ${current}${unit === "MB" ? " MB" : ""}）后重试。`
  );
}
