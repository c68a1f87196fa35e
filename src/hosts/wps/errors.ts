/**
 * WPS errors in words a bureau clerk can act on: the add-in's own messages (already in Chinese)
 * as they are, anything ET throws with what to try next. Never a stack trace. These are the
 * Chinese words; the pane says them in its own language (src/taskpane/errorText.ts
 * describeWpsFailure), and the ribbon's alerts use the Chinese pane's.
 */

/** What to do when WPS has no workbook open (NoWorkbookError's message). */
export const WPS_NO_WORKBOOK =
  "WPS 表格中没有打开的工作簿。请先打开要审计的工作簿（.xlsx 或 .et），再点击「一键审计」或打开任务窗格。";

/**
 * Any other error from ET, with its own short text (`detail`, may be empty) and what to try next.
 *
 * @example
 * otherWpsError("Exception occurred"); // "与 WPS 表格通信时出错（Exception occurred），操作未完成，…"
 */
export function otherWpsError(detail: string): string {
  return (
    `与 WPS 表格通信时出错${detail ? `（${detail}）` : ""}，操作未完成，已有的审计表不受影响。` +
    "请结束单元格编辑（按 Enter 或 Esc）、取消工作表和工作簿保护、关闭打开的对话框后重试；若反复出现，请把此消息发给技术支持。"
  );
}

/** An error's own text ("" when it has none). */
export function wpsErrorMessage(error: unknown): string {
  return typeof error === "object" && error !== null
    ? String((error as { message?: unknown }).message ?? "")
    : String(error ?? "");
}

/** The add-in's own messages (a cell's bad value, no workbook) are Chinese: ET's are not. */
export function isOwnMessage(message: string): boolean {
  return /[\u4e00-\u9fff]/.test(message);
}

/** An error's own text cut to what a message can show (an ET error may carry a long dump). */
export function wpsErrorDetail(message: string): string {
  return message.trim().slice(0, 120);
}
