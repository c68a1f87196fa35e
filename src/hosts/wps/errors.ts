/**
 * WPS errors in words a bureau clerk can act on: the add-in's own messages (already in Chinese)
 * as they are, anything ET throws with what to try next. Never a stack trace.
 */

/**
 * A Chinese message for an error thrown while talking to WPS.
 *
 * @example
 * describeWpsError(new Error("没有打开的工作簿…")); // "没有打开的工作簿…"
 * describeWpsError(new Error("Exception occurred")); // "与 WPS 表格通信时出错（Exception occurred）…"
 */
export function describeWpsError(error: unknown): string {
  const message =
    typeof error === "object" && error !== null
      ? String((error as { message?: unknown }).message ?? "")
      : String(error ?? "");
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  const detail = message.trim() ? `（${message.trim().slice(0, 120)}）` : "";
  return (
    `与 WPS 表格通信时出错${detail}，操作未完成，已有的审计表不受影响。` +
    "请结束单元格编辑（按 Enter 或 Esc）、取消工作表和工作簿保护、关闭打开的对话框后重试；若反复出现，请把此消息发给技术支持。"
  );
}
