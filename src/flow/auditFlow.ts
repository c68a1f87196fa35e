/**
 * The one audit flow every face runs — the task pane, the ribbon's one-click audit and the
 * headless command — over injected host steps: read grids → find tables and records → audit →
 * lay out the plan → write it. Pure orchestration: no Office, no ExcelJS, no React.
 */
import {
  audit,
  markUnreadStages,
  type AuditResult,
  type AuditSettings,
  type Diagnostic,
  type ExcludedRecord,
  type SchoolRecord,
} from "../engine";
import { buildPlan, type PlannedSheetKind, type WorkbookPlan } from "../report";
import {
  readCountyForms,
  type ColumnOverride,
  type ReadOptions,
  type ReadResult,
  type SkippedSheet,
  type TableInfo,
} from "../sheets";
import type { SheetGrid } from "../sheets/grid";
import { withRejectedRows } from "./rejectedRows";
import { sourceRowAccounts } from "./rowAccounts";
import { locateTargets, renameTargets, type CountyTargets } from "./targets";

/** What a host supplies: its reads and writes, and the clock. */
export interface FlowSteps {
  /** Every source sheet of the workbook (the audit's own sheets left out). */
  readGrids(): Promise<SheetGrid[]>;
  readSheets(grids: SheetGrid[], options: ReadOptions): ReadResult;
  /** Writes the plan; returns planned sheet name → the name it got in the workbook. */
  writePlan(
    plan: WorkbookPlan,
    onProgress: (done: number, total: number) => void
  ): Promise<Record<string, string>>;
  now(): Date;
  /**
   * False for a host that needs no records after the run (the headless command): the run lets
   * go of them once the plan is laid out, before the write (a city's records are ~0.9 KB a
   * school part), and returns none. The task pane keeps them: its findings point to their cells.
   */
  keepRecords?: boolean;
}

/** The steps of one audit run, in order. */
export type RunStep = "read" | "detect" | "audit" | "write";
export const RUN_STEPS: readonly RunStep[] = ["read", "detect", "audit", "write"];

export interface RunProgress {
  step: RunStep;
  /** 0..1 over the whole run. */
  fraction: number;
}

/** An audit sheet the run wrote, under the name it got in the workbook. */
export interface WrittenSheet {
  kind: PlannedSheetKind;
  name: string;
  county?: string;
}

export interface RunResult {
  result: AuditResult;
  /** The audited records: findings reach their source cells through them (none when the host set keepRecords false). */
  records: SchoolRecord[];
  tables: TableInfo[];
  sheets: WrittenSheet[];
  /** Per county (by name): where the audit sheets show its items, veto rows and CVs. */
  targets: Record<string, CountyTargets>;
  auditedAt: Date;
}

/** Share of the progress bar each step ends at: writing is most of the time in Excel. */
const STEP_END = { read: 0.3, detect: 0.4, audit: 0.5, write: 1 } as const;

/**
 * One whole audit run, reporting each step as it starts and the write as it goes. Nothing is
 * written when no school table is found (NoSchoolsError) or no school read counts
 * (NothingCountedError): the audit sheets would be empty.
 *
 * @example
 * const run = await runAudit(steps, DEFAULT_SETTINGS, [], (p) => console.log(p.step, p.fraction));
 * run.result.pass; // true when every county passes
 */
export async function runAudit(
  steps: FlowSteps,
  settings: AuditSettings,
  overrides: ColumnOverride[],
  onProgress: (progress: RunProgress) => void
): Promise<RunResult> {
  const { result, plan, located, records, tables, auditedAt } = await auditWorkbook(
    steps,
    settings,
    overrides,
    onProgress
  );
  const span = STEP_END.write - STEP_END.audit;
  const names = await steps.writePlan(plan, (done, total) =>
    onProgress({ step: "write", fraction: STEP_END.audit + (span * done) / Math.max(total, 1) })
  );
  const sheets = plan.sheets.map((sheet) => ({
    kind: sheet.kind,
    name: names[sheet.name] ?? sheet.name,
    ...(sheet.county !== undefined ? { county: sheet.county } : {}),
  }));
  const targets = renameTargets(located, names);
  return { result, records, tables, sheets, targets, auditedAt };
}

/**
 * Every step before the write: read, detect, audit, lay out. Functions of their own, so that once
 * they return no frame of the run (a variable, a call's argument slot) holds the grids or, for a
 * host that keeps none, the records through the write.
 */
async function auditWorkbook(
  steps: FlowSteps,
  settings: AuditSettings,
  overrides: ColumnOverride[],
  onProgress: (progress: RunProgress) => void
) {
  const { county, read } = await readWorkbook(steps, settings, overrides, onProgress);
  if (read.records.length === 0) throw new NoSchoolsError(read.skipped, read.diagnostics);
  onProgress({ step: "audit", fraction: STEP_END.detect });
  // A stage the sheets name but of which no school was read leaves the county 未完成, never 达标.
  const audited = markUnreadStages(
    audit(read.records, settings, { countyForms: county.forms }),
    read.unreadStages ?? []
  );
  // The reader's diagnostics (bad cells, unknown units) belong in the audit's diagnostics sheet too.
  // Rows left out for a bad 在校生数 are listed as excluded: the audit says 数据不完整, never silently.
  // A county with such a row cannot be 达标: its CVs miss the school (未完成 unless something failed).
  const listed = withRejectedRows(
    {
      ...audited,
      diagnostics: [...read.diagnostics, ...county.diagnostics, ...audited.diagnostics],
    },
    read.rejectedRows ?? []
  );
  // Every source row accounted for: the reader's counts with the audit's exclusions moved in.
  const result = {
    ...listed,
    sourceRows: sourceRowAccounts(read.rowAccounts ?? [], read.records, listed),
  };
  if (result.schools.length === 0) throw new NothingCountedError(result.excluded);
  onProgress({ step: "write", fraction: STEP_END.audit });
  const auditedAt = steps.now();
  const plan = buildPlan({
    result,
    records: read.records,
    read: { tables: read.tables, skipped: read.skipped, hiddenRows: read.hiddenRows ?? [] },
    auditedAt,
  });
  // Before the write: a host may let go of the rows it has written.
  const located = locateTargets(plan, result);
  // The plan holds what the write needs: without a host that keeps them, the records go before the write's peak.
  const records = steps.keepRecords === false ? [] : read.records;
  return { result, plan, located, records, tables: read.tables, auditedAt };
}

/**
 * The read and detect steps: the grids, then the county form and the school tables in them. A
 * function of its own so that no frame holds a city's grids (tens of megabytes) through the
 * audit and the plan once they are read.
 */
async function readWorkbook(
  steps: FlowSteps,
  settings: AuditSettings,
  overrides: ColumnOverride[],
  onProgress: (progress: RunProgress) => void
): Promise<{ county: ReturnType<typeof readCountyForms>; read: ReadResult }> {
  onProgress({ step: "read", fraction: 0 });
  const grids: SheetGrid[] = await steps.readGrids();
  onProgress({ step: "detect", fraction: STEP_END.read });
  // The county form 「县域指标」 is read on its own and is no school table.
  const county = readCountyForms(grids);
  const read = steps.readSheets(
    grids.filter((g) => !county.sheets.includes(g.name)),
    { overrides, auditYear: settings.auditYear, includeHiddenRows: settings.includeHiddenRows }
  );
  return { county, read };
}

/** An excluded record as messages name it: 「小学」第9行「某校」：reason. */
export function describeExcluded(e: ExcludedRecord): string {
  return `${e.source ? `「${e.source.sheet}」第${e.source.row}行` : ""}「${e.name}」：${e.reason}`;
}

/** A sheet the reader skipped: 「说明」：reason. */
export function describeSkipped(s: SkippedSheet): string {
  return `「${s.sheet}」：${s.reason}`;
}

/** No school table was found: the message says where the reader looked and what it expects. */
export class NoSchoolsError extends Error {
  constructor(
    readonly skipped: SkippedSheet[],
    /** The reader's findings, its errors first among them (「未找到在校生数列」 …). */
    readonly diagnostics: Diagnostic[] = []
  ) {
    const why = skipped.slice(0, 3).map(describeSkipped);
    super(
      `没有在工作簿中找到学校数据表${why.length ? `（${why.join("；")}）` : ""}。` +
        "请打开含学校名称、在校生数等列的统计表后重试，或在「数据」页指定各字段所在的列。"
    );
    this.name = "NoSchoolsError";
  }
}

/** Schools were read, but none counts (special schools, teaching points under 50 pupils …). */
export class NothingCountedError extends Error {
  constructor(readonly excluded: ExcludedRecord[]) {
    const why = excluded.slice(0, 3).map(describeExcluded);
    super(
      `读到的学校都不计入审计${why.length ? `（${why.join("；")}${excluded.length > 3 ? " 等" : ""}）` : ""}，未写入审计表。` +
        "请检查学校类型和在校生数，或在「数据」页改正列的对应关系后重试。"
    );
    this.name = "NothingCountedError";
  }
}
