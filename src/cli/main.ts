/**
 * `npm run audit -- [workbook.xlsx] [--out file] [--json file] [--standard 2017|2012] [--set id=value …] [--settings file.json] [--quiet]`
 * Progress goes to stderr: a bar on a terminal, one line per step otherwise, none with --quiet.
 * Exit 0 when the audit ran (whatever the verdict), 1 when the workbook holds no usable school
 * data, 2 for usage errors and unreadable files. Messages in Chinese; never a stack trace.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  DEFAULT_SETTINGS,
  findSetting,
  settingsFromObject,
  withSetting,
  type AuditSettings,
} from "../engine";
import { parseArgs, USAGE, UsageError, type CliOptions } from "./args";
import { auditFile, STEP_NAMES, type Step } from "./pipeline";
import { createProgress, type Milestone, type ProgressStream } from "./progress";
import { pathConflict } from "../hosts/file/paths";
import { formatSummary } from "./summary";
import { limitHeapGrowthFor } from "./heapGrowth";

export const SAMPLE_WORKBOOK = path.join(__dirname, "..", "..", "assets", "sample-county.xlsx");

/** The rows read, shown with the step that works on them. */
const SHOWS_ROWS: readonly Step[] = ["audit"];

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

/**
 * The settings of a run: the defaults, then a settings file, then `--standard`, then each `--set`.
 *
 * @throws UsageError naming the file, the setting and the values it accepts.
 */
export function settingsOf(options: CliOptions, standardGiven: boolean): AuditSettings {
  let settings = DEFAULT_SETTINGS;
  if (options.settingsFile !== undefined) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(options.settingsFile, "utf8"));
    } catch (error) {
      const why =
        (error as NodeJS.ErrnoException).code === "ENOENT" ? "找不到该文件" : "不是有效的 JSON";
      throw new UsageError(
        `设置文件「${options.settingsFile}」${why}。应为形如 {"specialSchoolFunding": 8000} 的 JSON 对象。`
      );
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      throw new UsageError(
        `设置文件「${options.settingsFile}」应为 JSON 对象，如 {"specialSchoolFunding": 8000}。`
      );
    }
    const read = settingsFromObject(settings, raw as Record<string, unknown>);
    if (read.problems.length > 0)
      throw new UsageError(`设置文件「${options.settingsFile}」有误：${read.problems.join("")}`);
    settings = read.settings;
  }
  if (standardGiven) settings = withSetting(settings, findSetting("standard")!, options.standard);
  for (const [id, value] of Object.entries(options.set ?? {}))
    settings = withSetting(settings, findSetting(id)!, value);
  return settings;
}

/**
 * The command: parses argv, audits, prints the summary (log) and problems (err); progress goes to
 * progressStream (stderr). Returns the exit code.
 *
 * @example
 * const code = await main(["县.xlsx", "--json", "结果.json"]); // 0 when the audit ran
 */
export async function main(
  argv: readonly string[],
  log = console.log,
  err = console.error,
  progressStream: ProgressStream = process.stderr
): Promise<number> {
  let options;
  let settings;
  try {
    options = parseArgs(argv);
    settings = settingsOf(options, argv.includes("--standard"));
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
      const { writeBlankCountyForm } = await import("./countyForm"); // ExcelJS: loaded only here
      await writeBlankCountyForm(options.countyForm);
    } catch (error) {
      err(`错误：无法生成县域指标表：${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    log(
      `已生成空白县域指标表：${options.countyForm}\n请填写「填报值」列（空着的项目按未核查处理），把该表复制到学校数据工作簿中，再运行审计。`
    );
    return 0;
  }
  const isSample = options.input === undefined;
  const input = options.input ?? SAMPLE_WORKBOOK;
  if (!existsSync(input)) {
    err(`错误：找不到工作簿「${input}」。`);
    return 2;
  }
  if (!READABLE.test(input)) {
    err(
      `错误：「${input}」不是可读取的工作簿（支持 .xlsx、.xlsm、.xls、WPS .et、.xlsb 和 .csv）。`
    );
    return 2;
  }
  const out = options.out ?? defaultOutput(input, isSample);
  if (path.extname(out).toLowerCase() !== outputExtension(input)) {
    err(
      `错误：审计后的工作簿应使用 ${outputExtension(input)} 扩展名（--out「${path.basename(out)}」）：${outputExtension(input) === ".xlsm" ? "含宏的工作簿审计后仍含宏" : "不含宏的工作簿审计后仍是 .xlsx"}，Excel 不打开扩展名与内容不符的文件。`
    );
    return 2;
  }
  const conflict = pathConflict({ input, out, json: options.json });
  if (conflict) {
    err(`错误：${conflict}`);
    return 2;
  }
  limitHeapGrowthFor(input);
  const progress = createProgress(progressStream, {
    quiet: options.quiet === true,
    steps: Object.keys(STEP_NAMES).length,
  });
  let milestone: Milestone = { label: STEP_NAMES.read, fraction: 0 };
  try {
    const outcome = await auditFile({
      input,
      out,
      json: options.json,
      settings,
      onStep: (step, rows, fraction) => {
        milestone = {
          label: STEP_NAMES[step],
          fraction,
          ...(SHOWS_ROWS.includes(step) ? { rows } : {}),
        };
        progress.update(milestone);
      },
      onFraction: (fraction) => progress.update({ ...milestone, fraction }),
    });
    progress.stop(outcome.written);
    if (!outcome.written) {
      err(
        `错误：工作簿中没有可用的学校数据。\n${outcome.problems.map((p) => `  ${p}`).join("\n")}`
      );
      return 1;
    }
    log(formatSummary(outcome.result, { workbook: out, json: options.json }));
    return 0;
  } catch (error) {
    progress.stop(false);
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
