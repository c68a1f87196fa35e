/**
 * `npm run audit -- [workbook.xlsx] [--out file] [--json file] [--standard 2017|2012]`
 * Exit 0 when the audit ran (whatever the verdict), 1 when the workbook holds no usable school
 * data, 2 for usage errors and unreadable files. Messages in Chinese; never a stack trace.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs, USAGE, UsageError } from "./args";
import { writeBlankCountyForm } from "./countyForm";
import { auditFile, STEP_NAMES } from "./pipeline";
import { formatSummary } from "./summary";

export const SAMPLE_WORKBOOK = path.join(__dirname, "..", "..", "assets", "sample-county.xlsx");

/** Rows above which the command reports each step as it goes. */
const LONG_FILE_ROWS = 2000;

/** Where the audited workbook goes by default: beside the input, or here for the bundled sample. */
export function defaultOutput(input: string, isSample: boolean): string {
  const name = `${path.basename(input, path.extname(input))}.audit.xlsx`;
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
  if (options.countyForm !== undefined) {
    if (!/\.xlsx$/i.test(options.countyForm)) {
      err(`错误：县域指标表应保存为 .xlsx 文件，「${options.countyForm}」不是。`);
      return 2;
    }
    try {
      await writeBlankCountyForm(options.countyForm);
    } catch (error) {
      err(`错误：无法生成县域指标表：${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    log(`已生成空白县域指标表：${options.countyForm}\n请填写「填报值」列（空着的项目按未核查处理），把该表复制到学校数据工作簿中，再运行审计。`);
    return 0;
  }
  const isSample = options.input === undefined;
  const input = options.input ?? SAMPLE_WORKBOOK;
  if (!existsSync(input)) {
    err(`错误：找不到工作簿「${input}」。`);
    return 2;
  }
  if (!/\.xlsx$/i.test(input)) {
    err(`错误：「${input}」不是 .xlsx 工作簿（支持 Excel 2007 及以后的 .xlsx 格式；.xls 请先在 Excel 或 WPS 中另存为 .xlsx）。`);
    return 2;
  }
  const out = options.out ?? defaultOutput(input, isSample);
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
    outcome.copyWarnings.forEach((w) => err(`注意：${w}`));
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
