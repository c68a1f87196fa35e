/**
 * Stands in for src/taskpane/reader.ts in the browser test's build while the sheet reader is not
 * merged: the small county's tables and records (test/support/smallCountyWorkbook.ts), with the
 * user's column overrides applied to the tables.
 */
import type { SheetReader } from "../../../src/taskpane/reader";
import { FAKE_FIELDS, fakeReadSheets } from "../../support/smallCountyWorkbook";

export const sheetReader: SheetReader = { readSheets: fakeReadSheets, fields: FAKE_FIELDS };
