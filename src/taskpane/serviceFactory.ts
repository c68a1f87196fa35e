/**
 * The service the pane and the ribbon use in Excel: the Excel host and the sheet reader under
 * Excel.run, the saved choices in the workbook's document settings.
 */
import * as excelHost from "../hosts/excel";
import { createExcelService } from "./excelService";
import type { Strings } from "./i18n";
import { sheetReader } from "./reader";
import type { AuditService } from "./service";

/**
 * The service over the open workbook (call after Office.onReady); its error messages are in the
 * language of `strings` (Chinese when not given).
 *
 * @example
 * await Office.onReady();
 * const scan = await createService(stringsFor(Office.context.displayLanguage)).scan([]);
 */
export function createService(strings?: Strings): AuditService {
  return createExcelService({
    host: excelHost,
    reader: sheetReader,
    run: (batch) => Excel.run(batch),
    settings: Office.context.document.settings,
    ...(strings ? { strings } : {}),
  });
}
