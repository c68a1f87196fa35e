import { resolveSettings, type AuditResult, type SettingsInput } from "../engine";
import {
  describeExcluded,
  describeSkipped,
  NoSchoolsError,
  NothingCountedError,
  runAudit,
  type FlowSteps,
  type RunStep,
} from "../flow/auditFlow";
// The modules themselves, not the file host's index: the index also loads ExcelJS and SheetJS.
import { pathConflict, writeAtomically } from "../hosts/file/paths";
import { openWorkbookSource, type WorkbookSource } from "../hosts/file/source";
import { readSheets } from "../sheets";
import { UsageError } from "./args";
import { writeJsonFile } from "./jsonFile";

/** The steps of a headless audit, for the progress line and the timings. */
export type Step = "read" | "audit" | "write";
export const STEP_NAMES: Record<Step, string> = {
  read: "读取工作簿",
  audit: "审计",
  write: "写入审计工作表",
};

/** The flow's steps as the command reports them: finding the tables is part of reading. */
const CLI_STEP: Record<RunStep, Step> = {
  read: "read",
  detect: "read",
  audit: "audit",
  write: "write",
};

export interface AuditFileOptions {
  input: string;
  out: string;
  json?: string;
  settings?: SettingsInput;
  /**
   * Called as each step starts, with the number of rows the workbook's sheets hold (0 until read)
   * and how far the run is (0..1, the flow's share of the whole run).
   */
  onStep?: (step: Step, rows: number, fraction: number) => void;
  /** Called as the current step moves on (0..1 over the whole run): the tables found, the workbook laid out, saved. */
  onFraction?: (fraction: number) => void;
  /** Fixed audit time for reproducible output (tests); defaults to now. */
  auditedAt?: Date;
}

interface Common {
  /** Milliseconds spent in each step. */
  timings: Record<Step, number>;
}

export type AuditFileOutcome =
  | (Common & { written: true; result: AuditResult })
  /** Nothing could be audited, so nothing was written: what was missing, in Chinese. */
  | (Common & { written: false; problems: string[] });

/** Why nothing could be audited, from the flow's error: the reader's errors and skipped sheets, or the exclusions. */
function problemsOf(error: NoSchoolsError | NothingCountedError): string[] {
  if (error instanceof NothingCountedError) {
    return error.excluded.map(describeExcluded);
  }
  const errors = error.diagnostics
    .filter((d) => d.level === "error")
    .map((d) => `${d.sheet ? `「${d.sheet}」` : ""}${d.message}`);
  return [...errors, ...error.skipped.map(describeSkipped)];
}

/**
 * The whole headless flow on a workbook file (.xlsx, .xlsm, .xls, .et, .xlsb, .csv), through the same audit flow as the task pane: read
 * every sheet, find the school tables, audit, lay out the audit sheets and write them into a new
 * workbook beside the source sheets. The input file is never written.
 */
export async function auditFile(options: AuditFileOptions): Promise<AuditFileOutcome> {
  const conflict = pathConflict(options);
  if (conflict) throw new UsageError(conflict);
  const timings: Record<Step, number> = { read: 0, audit: 0, write: 0 };
  let current: Step | null = null;
  let started = 0;
  let rows = 0;
  const enter = (step: Step | null, fraction = 1) => {
    const now = performance.now();
    if (current) timings[current] += now - started;
    current = step;
    started = now;
    if (step) options.onStep?.(step, rows, fraction);
  };

  let source: WorkbookSource | undefined;
  const steps: FlowSteps = {
    readGrids: async () => {
      source = await openWorkbookSource(options.input);
      const grids = source.grids;
      source.grids = []; // the flow holds the only reference and lets go of it after reading
      rows = grids.reduce((sum, g) => sum + g.rows.length, 0);
      return grids;
    },
    readSheets: (grids, readOptions) => {
      const read = readSheets(grids, readOptions);
      // A converted .xls/.et/.csv: 数据诊断 says the original formatting was not carried.
      return source?.conversionNote
        ? { ...read, diagnostics: [source.conversionNote, ...read.diagnostics] }
        : read;
    },
    // An .xlsx/.xlsm: its own package with the audit's parts added, every part of the user's workbook kept as it was.
    writePlan: async (plan, onProgress) =>
      (await source!.writeAudit(plan, options.out, onProgress)).sheetNames,
    now: () => options.auditedAt ?? new Date(),
    keepRecords: false, // the command reports from the result alone
  };

  try {
    const run = await runAudit(steps, resolveSettings(options.settings), [], (progress) => {
      const step = CLI_STEP[progress.step];
      if (step !== current) enter(step, progress.fraction);
      else options.onFraction?.(progress.fraction);
    });
    enter(null);
    const json = options.json;
    if (json) await writeAtomically(json, (temporary) => writeJsonFile(temporary, run.result));
    return { written: true, result: run.result, timings };
  } catch (error) {
    enter(null);
    if (error instanceof NoSchoolsError || error instanceof NothingCountedError) {
      return { written: false, problems: problemsOf(error), timings };
    }
    throw error;
  }
}
