import { DEFAULT_SETTINGS, findStandard } from "../engine";

export interface CliOptions {
  /** The workbook to audit; undefined audits the bundled sample. */
  input?: string;
  out?: string;
  json?: string;
  standard: string;
  help: boolean;
  /** Settings given with --set key=value (auditYear, includeHiddenRows …). */
  settings?: Record<string, number | boolean | null>;
}

/** A usage error: the message says what was wrong, in Chinese; the command exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const USAGE = `用法：npm run audit -- [工作簿.xlsx] [--out 输出.xlsx] [--json 结果.json] [--standard 2017|2012]

  工作簿.xlsx      要审计的工作簿；省略时审计自带的示例县（assets/sample-county.xlsx）
  --out 文件       审计后的工作簿（默认：与输入同目录的「<名称>.audit.xlsx」；输入文件不会被覆盖）
  --json 文件      另存审计结果 JSON（未舍入的数值）
  --standard 标准  2017（优质均衡，默认）或 2012（基本均衡）
  --set 设置=值    更改一项设置，可多次使用：auditYear=2023（表中并列多个学年时审计哪一年，默认最近一年）、
                   includeHiddenRows=true（隐藏或筛选掉的行也审计，默认不审计）、excludePrivate=true 等
  --help           显示本说明

退出码：0 审计完成（无论是否达标）；1 工作簿中没有可用的学校数据；2 用法错误或文件无法读取。`;

const VALUE_FLAGS = new Set(["--out", "--json", "--standard", "--set"]);

/** Settings --set may change: the plain (number, yes/no, year) ones. */
const SETTABLE = ["excludePrivate", "includeArtsColumn", "subtractIndoorSports", "specialSchoolFunding", "auditYear", "includeHiddenRows"] as const;

/** One --set key=value, checked against the setting's kind; a bad one is a usage error in Chinese. */
function parseSetting(text: string): [string, number | boolean | null] {
  const m = /^([A-Za-z]+)=(.*)$/.exec(text.trim());
  const key = m?.[1] ?? "";
  if (!m || !(SETTABLE as readonly string[]).includes(key)) {
    throw new UsageError(`--set 的设置「${text}」无法识别：应为 设置=值，设置可选 ${SETTABLE.join("、")}。`);
  }
  const raw = m[2].trim();
  const current = DEFAULT_SETTINGS[key as (typeof SETTABLE)[number]];
  if (typeof current === "boolean") {
    if (/^(true|是|1|yes)$/i.test(raw)) return [key, true];
    if (/^(false|否|0|no)$/i.test(raw)) return [key, false];
    throw new UsageError(`--set ${key} 的值「${raw}」应为 true 或 false。`);
  }
  if (key === "auditYear" && /^(latest|最近|null|)$/i.test(raw)) return [key, null];
  const n = Number(raw);
  if (key === "auditYear" && !(Number.isInteger(n) && n >= 1900 && n <= 2100)) throw new UsageError(`--set auditYear 的值「${raw}」应为四位年份，如 2023。`);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--set ${key} 的值「${raw}」应为正数。`);
  return [key, n];
}

/** Parses the command line (without node and the script). */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { standard: "2017", help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      options.help = true;
    } else if (VALUE_FLAGS.has(arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`参数 ${arg} 后面缺少取值。`);
      i++;
      if (arg === "--out") options.out = value;
      else if (arg === "--json") options.json = value;
      else if (arg === "--set") {
        const [key, setting] = parseSetting(value);
        options.settings = { ...options.settings, [key]: setting };
      }
      else options.standard = value;
    } else if (arg.startsWith("-")) {
      throw new UsageError(`不认识的参数「${arg}」。`);
    } else if (options.input === undefined) {
      options.input = arg;
    } else {
      throw new UsageError(`只能指定一个工作簿，多出了「${arg}」。`);
    }
  }
  if (!findStandard(options.standard)) throw new UsageError(`未知的评估标准「${options.standard}」：可选 2017 或 2012。`);
  return options;
}
