import type { AuditResult, SchoolRecord } from "../engine";

/**
 * What the sheet reader found in one table (its TableInfo), defined here by shape so the report
 * does not depend on src/sheets.
 */
export interface TableLike {
  sheet: string;
  /** 1-based worksheet rows of the header band. */
  headerRows: [number, number];
  /** 1-based worksheet rows of the data, or null when none. */
  dataRows: [number, number] | null;
  columns: { field: string; label: string; letter: string; header: string; confidence: number }[];
  units: string[];
  records: number;
  /** The bureau the sheet's 「填报单位：」 line names, if the reader saw one. */
  filingUnit?: string;
}

export interface ReportInput {
  result: AuditResult;
  /** The audited records, indexed by SchoolPartResult.recordIndex. */
  records: SchoolRecord[];
  /** What the reader read, for the diagnostics sheet (absent when records were built otherwise). */
  read?: {
    tables: TableLike[];
    skipped: { sheet: string; reason: string }[];
    /** School rows left out because hidden or filtered out in the workbook. */
    hiddenRows?: { sheet: string; row: number; cell?: string; name: string }[];
  };
  auditedAt: Date;
}
