import { findStandard } from "../engine";

export interface CliOptions {
  /** The workbook to audit; undefined audits the bundled sample. */
  input?: string;
  out?: string;
  json?: string;
  standard: string;
  help: boolean;
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

export const USAGE = `用法：npm run audit -- [工作簿.xlsx] [--out 输出.xlsx] [--json 结果.json] [--standard 2017|2012]

  工作簿.xlsx      要审计的工作簿；省略时审计自带的示例县（assets/sample-county.xlsx）
  --out 文件       审计后的工作簿（默认：与输入同目录的「<名称>.audit.xlsx」；输入文件不会被覆盖）
  --json 文件      另存审计结果 JSON（未舍入的数值）
  --standard 标准  2017（优质均衡，默认）或 2012（基本均衡）
  --county-form 文件  生成空白「县域指标」填报表（政府保障程度、教育质量、社会认可度、一票否决），填好后放进工作簿一起审计
  --help           显示本说明

退出码：0 审计完成（无论是否达标）；1 工作簿中没有可用的学校数据；2 用法错误或文件无法读取。`;

const VALUE_FLAGS = new Set(["--out", "--json", "--standard", "--county-form"]);

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
      else if (arg === "--county-form") options.countyForm = value;
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
