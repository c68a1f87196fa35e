/**
 * Excel's errors in words a bureau clerk can act on. Never a stack trace, never English codes
 * alone: what happened, and what to do about it.
 */

const ADVICE = {
  InvalidOperationInCellEditMode:
    "Excel 正处于单元格编辑状态，加载项无法操作工作簿。请按 Enter 或 Esc 结束编辑（或单击其他单元格），然后重新运行审计。",
  AccessDenied:
    "工作表或工作簿受保护，加载项无权修改。请在「审阅」选项卡中点击「撤消工作表保护」和「保护工作簿」（取消结构保护）后重新运行审计；只读打开的工作簿请先另存一份可编辑的副本。",
  RequestPayloadSizeLimitExceeded:
    "一次传给 Excel 的数据超过了 Excel 网页版 5 MB 的上限。请在桌面版 Excel 中运行审计，或把过大的工作表（例如含大段说明文字的表）拆分后重试。",
  ResponsePayloadSizeLimitExceeded:
    "从 Excel 读取的数据超过了 Excel 网页版 5 MB 的上限。请在桌面版 Excel 中运行审计，或删除工作表中与审计无关的大段内容后重试。",
  ItemAlreadyExists:
    "工作簿中已有同名的工作表或名称，可能是另一次审计正在进行。请等待其完成或关闭其他加载项窗口，然后重新运行审计。",
  ItemNotFound:
    "找不到要操作的工作表或单元格，可能刚被重命名或删除。请重新运行审计，再点击结果中的链接。",
  InvalidReference: "引用的工作表或单元格已不存在。请重新运行审计。",
  Conflict: "工作簿正被其他人或其他程序同时修改。请稍候片刻，待同步完成后重新运行审计。",
  InactiveWorkbook: "审计所针对的工作簿已不是当前窗口。请切换回该工作簿后重新运行审计。",
  MergedRangeConflict:
    "要写入的区域与已有的合并单元格冲突。请重新运行审计（审计只写入新建的工作表）；若问题依旧，请报告给开发者。",
  ApiNotFound:
    "当前 Excel 版本不支持本加载项需要的功能（需要 ExcelApi 1.13 及以上）。请更新 Office 到最新版本，或改用 Excel 网页版。",
  UnsupportedOperation:
    "当前 Excel 版本或工作簿模式不支持此操作。请更新 Office，或在桌面版 / 网页版 Excel 中打开可编辑的工作簿后重试。",
  GeneralException:
    "Excel 内部出错，操作未完成。请保存工作簿、关闭后重新打开，再运行审计；已有的审计表在出错时不会被删除。",
} as const satisfies Record<string, string>;

/** An Office.js error code the add-in has advice for. */
export type ExcelErrorCode = keyof typeof ADVICE;

/**
 * The advice per code, in Chinese. The task pane words the same advice in its display language
 * (src/taskpane/i18n.ts) by the code, so an English pane never shows these texts.
 */
export const EXCEL_ADVICE: Readonly<Record<ExcelErrorCode, string>> = ADVICE;

/** What an error thrown inside Excel.run is, for a message in any language. */
export type ExcelErrorKind =
  /** An Office.js error whose code has advice. */
  | { kind: "advice"; code: ExcelErrorCode }
  /** The add-in's own error, already in words for the user (Chinese). */
  | { kind: "own"; message: string }
  /** Anything else: an unknown Office.js code, or a bug (its text is never shown). */
  | { kind: "other"; code: string | null };

/**
 * Sorts an error from Excel.run: advice by its code, the add-in's own words, or other.
 *
 * @example
 * classifyExcelError({ code: "AccessDenied", message: "…" }); // { kind: "advice", code: "AccessDenied" }
 * classifyExcelError(new Error("审计表…不是有限数字"));         // { kind: "own", message: "审计表…不是有限数字" }
 * classifyExcelError(new TypeError("x is undefined"));          // { kind: "other", code: null }
 */
export function classifyExcelError(error: unknown): ExcelErrorKind {
  const code = errorCode(error);
  if (code && Object.prototype.hasOwnProperty.call(ADVICE, code))
    return { kind: "advice", code: code as ExcelErrorCode };
  const message =
    error instanceof Error || isObject(error)
      ? String((error as { message?: unknown }).message ?? "")
      : "";
  if (!code && /[\u4e00-\u9fff]/.test(message)) return { kind: "own", message };
  return { kind: "other", code: code ?? null };
}

/** The Chinese message for an error Excel gave without advice of ours (with its code, when any). */
export function otherExcelError(code: string | null): string {
  const detail = code ? `（错误代码 ${code}）` : "";
  return `与 Excel 通信时出错${detail}，操作未完成，已有的审计表不受影响。请关闭任何打开的对话框或编辑状态后重试；若反复出现，请把此消息发给技术支持。`;
}

/**
 * A Chinese message for an error thrown inside Excel.run: Office.js errors by their code, the
 * add-in's own errors (already in Chinese) by their message.
 *
 * @example
 * describeExcelError({ code: "InvalidOperationInCellEditMode", message: "…" });
 * // "Excel 正处于单元格编辑状态…请按 Enter 或 Esc 结束编辑…"
 */
export function describeExcelError(error: unknown): string {
  const kind = classifyExcelError(error);
  if (kind.kind === "advice") return ADVICE[kind.code];
  if (kind.kind === "own") return kind.message;
  return otherExcelError(kind.code);
}

function errorCode(error: unknown): string | undefined {
  if (!isObject(error)) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}
