/**
 * The service the pane and the ribbon use in Excel. The browser test's build swaps this module
 * for a fake workbook (webpack.config.js, env.fakeService).
 */
import { loadState, saveState } from "./documentSettings";
import type { AuditService } from "./service";

// Until the sheet reader and the Excel host are merged, the workbook cannot be read or written.
const NOT_READY = "此版本尚未包含读取和写入 Excel 工作簿的模块，无法审计。请安装完整版本的加载项，或使用命令行 npm run audit 审计 .xlsx 文件。";

/** The service over the open workbook. */
export function createService(): AuditService {
  const settings = Office.context.document.settings;
  const unavailable = () => Promise.reject(new Error(NOT_READY));
  return {
    scan: unavailable,
    run: unavailable,
    select: unavailable,
    loadSaved: () => loadState(settings),
    save: (state) => saveState(settings, state),
    describeError: (error) => (error instanceof Error ? error.message : NOT_READY),
  };
}
