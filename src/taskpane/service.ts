/**
 * What the task pane and the ribbon's one-click audit need from the workbook, as one small
 * interface. The UI and the controller only ever call this; the Office.js calls live in its
 * implementation (excelService.ts), and the tests use fakes.
 */
import type { AuditSettings } from "../engine";
import type { RunProgress, RunResult } from "../flow/auditFlow";
import type { ColumnOverride, SkippedSheet, TableInfo as FoundTable } from "../sheets";

// The reader's own types: the pane shows what the reader found and passes overrides back to it.
export type { ColumnOverride, SkippedSheet } from "../sheets";
export type { ColumnMapping as MappedColumn, TableInfo as FoundTable } from "../sheets";

/** A column the user can map a field to: its letters and its header text. */
export interface ColumnChoice {
  column: number;
  letter: string;
  header: string;
}

/** What a scan of the workbook found: the tables with their mappings, and every column they offer. */
export interface ScanResult {
  tables: FoundTable[];
  skipped: SkippedSheet[];
  /** Sheet name → the columns of that sheet's header band, for the mapping dropdowns. */
  choices: Record<string, ColumnChoice[]>;
  /** Every field the reader knows, for labels. */
  fields: { id: string; label: string }[];
}

export type { RunProgress, RunResult, RunStep, WrittenSheet } from "../flow/auditFlow";
export { RUN_STEPS } from "../flow/auditFlow";

/** What the workbook remembers between sessions (Office document settings). */
export interface SavedState {
  settings: AuditSettings;
  overrides: ColumnOverride[];
}

export interface AuditService {
  /** Reads the workbook and finds the school tables, applying the overrides. */
  scan(overrides: ColumnOverride[]): Promise<ScanResult>;
  /** Reads, audits and writes the audit sheets, reporting each step. */
  run(
    settings: AuditSettings,
    overrides: ColumnOverride[],
    onProgress: (progress: RunProgress) => void
  ): Promise<RunResult>;
  /** Activates the sheet and selects the address ("F12", or "A1" to show a sheet). */
  select(sheet: string, address: string): Promise<void>;
  /** The saved settings and overrides (defaults when the workbook holds none). */
  loadSaved(): SavedState;
  /** Saves settings and overrides into the workbook. */
  save(state: SavedState): Promise<void>;
  /** Inserts the blank county form 「县域指标」 as a user sheet; resolves to the name it got. */
  insertCountyForm?(): Promise<string>;
  /** A Chinese message for an error thrown by any method above: what happened and what to do. */
  describeError(error: unknown): string;
}
