/**
 * The sheet reader: grids in (as the Excel and file hosts read them), school records for the
 * engine plus diagnostics out. Pure: no Office.js, no ExcelJS, no file I/O.
 */
export { readSheets } from "./read";
export { FIELDS } from "./fields";
export type {
  FieldId,
  ColumnOverride,
  ReadOptions,
  ColumnMapping,
  TableInfo,
  SkippedSheet,
  ReadResult,
  RejectedRow,
  RowAccount,
  LeftOutRow,
  LeftOutKind,
  SkippedRowKind,
} from "./types";
export { readCountyForms, type CountyFormRead } from "./countyForm";
