import {
  acceptedValues,
  checkSettingValue,
  findSetting,
  findStandard,
  SETTINGS,
  unknownSettingMessage,
  type SettingValue,
} from "../engine";

export interface CliOptions {
  /** The workbook to audit; undefined audits the bundled sample. */
  input?: string;
  out?: string;
  json?: string;
  standard: string;
  help: boolean;
  /** Settings given with `--set id=value`, checked against the catalogue (later ones win). */
  set?: Record<string, SettingValue>;
  /** A settings file (`--settings file.json`): a province's whole variant. */
  settingsFile?: string;
  /** --quiet: no progress bar or step lines (errors, warnings and the summary still show). */
  quiet?: boolean;
  /** `--county-form FILE`: write the blank county form there instead of auditing. */
  countyForm?: string;
}

/** A usage error: the message says what was wrong, in Chinese; the command exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const USAGE = `用法：npm run audit -- [工作簿.xlsx] [--out 输出.xlsx] [--json 结果.json] [--standard 2017|2012] [--quiet]
                          [--set 设置=取值 ...] [--settings 设置.json]

  工作簿.xlsx      要审计的工作簿；省略时审计自带的示例县（assets/sample-county.xlsx）
  --out 文件       审计后的工作簿（默认：与输入同目录的「<名称>.audit.xlsx」；输入文件不会被覆盖）
  --json 文件      另存审计结果 JSON（未舍入的数值）
  --standard 标准  2017（优质均衡，默认）或 2012（基本均衡）
  --set 设置=取值  改一项设置，可重复，如 --set cityExtraSportsArea=true（可用的设置见下）
  --settings 文件  从 JSON 文件读入一组设置，如 {"specialSchoolFunding": 8000}；--set 和 --standard 优先
  --quiet          不显示进度（错误、警告和结果摘要照常显示）
  --county-form 文件  生成空白「县域指标」填报表（政府保障程度、教育质量、社会认可度、一票否决），填好后放进工作簿一起审计
  --help           显示本说明

退出码：0 审计完成（无论是否达标）；1 工作簿中没有可用的学校数据；2 用法错误或文件无法读取。

可用的设置（--set 设置=取值）：
${SETTINGS.map((def) => `  ${def.id}  ${def.label.zh}；取值：${acceptedValues(def)}；默认：${String(def.default)}`).join("\n")}`;

const VALUE_FLAGS = new Set([
  "--out",
  "--json",
  "--standard",
  "--set",
  "--settings",
  "--county-form",
]);

/**
 * One `--set id=value`, checked against the catalogue.
 *
 * @example
 * parseSetting("cityExtraSportsArea=true"); // { id: "cityExtraSportsArea", value: true }
 */
export function parseSetting(text: string): { id: string; value: SettingValue } {
  const eq = text.indexOf("=");
  if (eq <= 0)
    throw new UsageError(
      `--set 的取值应写成「设置=取值」，如 --set cityExtraSportsArea=true，收到「${text}」。`
    );
  const id = text.slice(0, eq).trim();
  const def = findSetting(id);
  if (!def) throw new UsageError(unknownSettingMessage(id));
  const checked = checkSettingValue(def, text.slice(eq + 1));
  if (!checked.ok) throw new UsageError(checked.message);
  return { id, value: checked.value };
}

/** Parses the command line (without node and the script). */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { standard: "2017", help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      options.help = true;
    } else if (arg === "--quiet" || arg === "-q") {
      options.quiet = true;
    } else if (VALUE_FLAGS.has(arg)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--"))
        throw new UsageError(`参数 ${arg} 后面缺少取值。`);
      i++;
      if (arg === "--out") options.out = value;
      else if (arg === "--json") options.json = value;
      else if (arg === "--settings") options.settingsFile = value;
      else if (arg === "--set") {
        const { id, value: setting } = parseSetting(value);
        (options.set ??= {})[id] = setting;
      } else if (arg === "--county-form") options.countyForm = value;
      else options.standard = value;
    } else if (arg.startsWith("-")) {
      throw new UsageError(`不认识的参数「${arg}」。`);
    } else if (options.input === undefined) {
      options.input = arg;
    } else {
      throw new UsageError(`只能指定一个工作簿，多出了「${arg}」。`);
    }
  }
  if (!findStandard(options.standard))
    throw new UsageError(`未知的评估标准「${options.standard}」：可选 2017 或 2012。`);
  return options;
}
