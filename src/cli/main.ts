/**
 * `npm run audit -- [workbook.xlsx] [--out file] [--json file] [--standard 2017|2012]`
 * Exit 0 when the audit ran (whatever the verdict), 1 when the workbook holds no usable school
 * data, 2 for usage errors and unreadable files. Messages in Chinese; never a stack trace.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs, USAGE, UsageError } from "./args";
import { pathConflict } from "../hosts/file";
import { auditFile, STEP_NAMES } from "./pipeline";
import { formatSummary } from "./summary";

export const SAMPLE_WORKBOOK = path.join(__dirname, "..", "..", "assets", "sample-county.xlsx");

/** Rows above which the command reports each step as it goes. */
const LONG_FILE_ROWS = 2000;

/** Formats the command reads; all but .xlsm give an .xlsx. */
const READABLE = /\.(xlsx|xlsm|xls|et|xlsb|csv)$/i;

/** A macro workbook stays one: Excel refuses an .xlsx name on macro-enabled content. */
function outputExtension(input: string): string {
  return /\.xlsm$/i.test(input) ? ".xlsm" : ".xlsx";
}

/** Where the audited workbook goes by default: beside the input, or here for the bundled sample. */
export function defaultOutput(input: string, isSample: boolean): string {
  const name = `${path.basename(input, path.extname(input))}.audit${outputExtension(input)}`;
  return isSample ? path.resolve(name) : path.join(path.dirname(input), name);
}

export async function main(argv: readonly string[], log = console.log, err = console.error): Promise<number> {
  let options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    err(`错误：${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    log(USAGE);
    return 0;
  }
  const isSample = options.input === undefined;
  const input = options.input ?? SAMPLE_WORKBOOK;
  if (!existsSync(input)) {
    err(`错误：找不到工作簿「${input}」。`);
    return 2;
  }
  if (!READABLE.test(input)) {
    err(`错误：「${input}」不是可读取的工作簿（支持 .xlsx、.xlsm、.xls、WPS .et、.xlsb 和 .csv）。`);
    return 2;
  }
  const out = options.out ?? defaultOutput(input, isSample);
  if (path.extname(out).toLowerCase() !== outputExtension(input)) {
    err(`错误：审计后的工作簿应使用 ${outputExtension(input)} 扩展名（--out「${path.basename(out)}」）：${outputExtension(input) === ".xlsm" ? "含宏的工作簿审计后仍含宏" : "不含宏的工作簿审计后仍是 .xlsx"}，Excel 不打开扩展名与内容不符的文件。`);
    return 2;
  }
  const conflict = pathConflict({ input, out, json: options.json });
  if (conflict) {
    err(`错误：${conflict}`);
    return 2;
  }
  try {
    const outcome = await auditFile({
      input,
      out,
      json: options.json,
      settings: { standard: options.standard },
      onStep: (step, rows) => {
        if (rows > LONG_FILE_ROWS) err(`… ${STEP_NAMES[step]}（${rows} 行）`);
      },
    });
    if (!outcome.written) {
      err(`错误：工作簿中没有可用的学校数据。\n${outcome.problems.map((p) => `  ${p}`).join("\n")}`);
      return 1;
    }
    log(formatSummary(outcome.result, { workbook: out, json: options.json }));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`错误：${error.message}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    err(`错误：无法完成审计：${message}`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
