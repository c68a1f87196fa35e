import type { Diagnostic } from "../engine/diagnostics";
import type { SchoolRecord, Stage } from "../engine/types";
import type { FieldId } from "./fields";

export type { FieldId } from "./fields";

/** The user's choice of column for a field on a sheet: 0-based column within the grid; null = do not use the field. */
export interface ColumnOverride {
  sheet: string;
  field: FieldId;
  column: number | null;
}

export interface ReadOptions {
  overrides?: ColumnOverride[];
  /** The school year audited when a sheet gives several side by side (「2023学年｜2024学年」); default the latest. */
  auditYear?: number | null;
  /** Read rows hidden or filtered out in the workbook too; by default they are left out and listed. */
  includeHiddenRows?: boolean;
}

/**
 * A school row left out because a figure it cannot be audited without is wrong (在校生数 「1,2O0」,
 * empty or 0): listed with the cell and the text found, never dropped silently.
 */
export interface RejectedRow {
  sheet: string;
  /** 1-based worksheet row. */
  row: number;
  /** A1 address of the bad cell. */
  cell: string;
  name: string;
  /** The cell's text as found (「1,2O0」), "" when empty. */
  text: string;
  /** Why, in Chinese: 「在校生数（小学!B3）为「1,2O0」，不是数字，应为大于0的人数」. */
  reason: string;
  /** The county the row's 区县 column (or the rows above it) names, "" when none. */
  county?: string;
}

/**
 * Kinds of rows of a school table that are not schools: 空行, the title and 「填报单位：」/「单位：」
 * lines, 合计/小计/总计, 注/填表人 lines (and all below them), 「一、小学」 section rows, the header
 * repeated on a printed page, and rows with neither a school name nor a figure (a lone 序号).
 */
export type SkippedRowKind =
  "blank" | "title" | "total" | "footnote" | "section" | "repeatedHeader" | "noData";

/**
 * Why a school row is not audited: "badData" a figure it cannot be audited without is wrong
 * (在校生数, 学段: a RejectedRow), "noName" figures without a school name, "hidden" hidden or
 * filtered out, "duplicate" the same school part read before (or a sheet repeating an earlier
 * one), "notCounted" a school the standard leaves out (special, vocational, small teaching point,
 * private when excluded).
 */
export type LeftOutKind = "badData" | "noName" | "hidden" | "duplicate" | "notCounted";

/** A row of a school table that holds a school (or a school's figures) and is not audited, with why. */
export interface LeftOutRow {
  kind: LeftOutKind;
  /** 1-based worksheet row. */
  row: number;
  /** A1 address of the cell that tells why (the bad figure), else of the name cell. */
  cell: string;
  name: string;
  /** Why, in Chinese. */
  reason: string;
}

/**
 * Every row of a school table's used range accounted for (the reader's part; the audit moves the
 * rows it leaves out, such as special schools, from `read` to `leftOut`):
 * rows = header + read + Σ skipped + leftOut.length, always.
 */
export interface RowAccount {
  sheet: string;
  /** 1-based worksheet rows of the used range: the grid's first row to the last non-empty one. */
  firstRow: number;
  lastRow: number;
  /** Rows of the header band and its code row. */
  header: number;
  /** Rows read as schools (one record each). */
  read: number;
  skipped: Record<SkippedRowKind, number>;
  leftOut: LeftOutRow[];
}

/** A school row left out because it is hidden or filtered out in the workbook. */
export interface HiddenRow {
  sheet: string;
  /** 1-based worksheet row. */
  row: number;
  /** A1 address of the school's name cell. */
  cell: string;
  name: string;
}

/** Which column a field was read from, for the task pane's mapping view. */
export interface ColumnMapping {
  field: FieldId;
  /** Chinese field name. */
  label: string;
  /** 0-based column in the grid. */
  column: number;
  /** Worksheet column letters (the grid's origin included). */
  letter: string;
  /** Flattened header text, group cells first, as written (spaces and line breaks removed). */
  header: string;
  /** 0..1: 1 for a direct wording or an override, lower for looser matches. */
  confidence: number;
}

export interface TableInfo {
  sheet: string;
  /** 1-based worksheet rows of the header band, first and last. */
  headerRows: [number, number];
  /** 1-based worksheet rows of the first and last school read, or null when none was. */
  dataRows: [number, number] | null;
  columns: ColumnMapping[];
  /** The stage of the whole sheet, when the sheet's name or all its rows say one. */
  stage?: "primary" | "junior";
  /** Unit conversions and unit notes, e.g. "教学仪器设备值：万元→元". */
  units: string[];
  /** Number of records read from this table. */
  records: number;
  /** The bureau the sheet's 「填报单位：」 line above the header names, if any. */
  filingUnit?: string;
}

export interface SkippedSheet {
  sheet: string;
  reason: string;
}

export interface ReadResult {
  records: SchoolRecord[];
  tables: TableInfo[];
  skipped: SkippedSheet[];
  diagnostics: Diagnostic[];
  /** School rows left out because hidden or filtered out (empty with includeHiddenRows). */
  hiddenRows?: HiddenRow[];
  /** Every row of each school table read, by kind (see RowAccount), in sheet order. */
  rowAccounts?: RowAccount[];
  /** School rows left out for a bad 在校生数 (see RejectedRow): the audit is 数据不完整 while any is. */
  rejectedRows?: RejectedRow[];
  /**
   * Stages the workbook names (a sheet called 「初中」, 学段 cells, school names) of which no school
   * was read: the audit cannot judge the county until they are (see markUnreadStages).
   */
  unreadStages?: Stage[];
}
