/**
 * What went wrong, in the pane's language: the flow's and the settings' own errors by their kind,
 * Excel's by their Office.js code (src/hosts/excel/errors.ts sorts them), so an English pane
 * never shows the host's Chinese advice. Never a stack trace.
 */
import { NoSchoolsError, NothingCountedError } from "../flow/auditFlow";
import { classifyExcelError } from "../hosts/excel/errors";
import { isOwnMessage, wpsErrorDetail, wpsErrorMessage } from "../hosts/wps/errors";
import { NoWorkbookError } from "../hosts/wps/workbook";
import { SettingsSaveError } from "./documentSettings";
import type { Strings } from "./i18n";

/**
 * @example
 * describeFailure({ code: "AccessDenied" }, stringsFor("en-US")); // "The sheet or workbook is protected, …"
 * describeFailure({ code: "AccessDenied" }, stringsFor("zh-CN")); // "工作表或工作簿受保护，…"
 */
export function describeFailure(error: unknown, t: Strings): string {
  const flow = flowFailure(error, t);
  if (flow !== undefined) return flow;
  const kind = classifyExcelError(error);
  if (kind.kind === "advice") return t.errors.excel[kind.code];
  // The add-in's own words (a cell's bad value in a sheet): data, as in the workbook.
  if (kind.kind === "own") return kind.message;
  return t.errors.excelOther(kind.code);
}

/**
 * The same for the pane in WPS: no workbook open, the add-in's own words (a cell's bad value: data,
 * as in the workbook), or ET's error with what to try next, in the pane's language.
 *
 * @example
 * describeWpsFailure(new Error("Exception occurred"), stringsFor("en-US")); // "Talking to WPS Spreadsheets failed (Exception occurred); …"
 * describeWpsFailure(new Error("Exception occurred"), stringsFor("zh-CN")); // "与 WPS 表格通信时出错（Exception occurred），…"
 */
export function describeWpsFailure(error: unknown, t: Strings): string {
  const flow = flowFailure(error, t);
  if (flow !== undefined) return flow;
  if (error instanceof NoWorkbookError) return t.errors.wpsNoWorkbook;
  const message = wpsErrorMessage(error);
  return isOwnMessage(message) ? message : t.errors.wpsOther(wpsErrorDetail(message));
}

/** The flow's and the settings' own errors, whatever the host. */
function flowFailure(error: unknown, t: Strings): string | undefined {
  if (error instanceof NoSchoolsError) return t.errors.noSchools(error);
  if (error instanceof NothingCountedError) return t.errors.nothingCounted(error);
  if (error instanceof SettingsSaveError) return t.errors.settingsNotSaved(error);
  return undefined;
}
