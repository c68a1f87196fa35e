/**
 * The audit flow every face of the add-in runs, over injected steps: read grids → find tables and
 * records → audit → lay out the plan → write it. The Excel service supplies Office.js steps; the
 * tests supply fakes. Pure orchestration: no Office, no React.
 */
import { audit, type AuditSettings } from "../engine";
import { buildPlan, type WorkbookPlan } from "../report";
import type { ReadResult } from "../sheets";
import type { SheetGrid } from "../sheets/grid";
import { columnChoices } from "./columns";
import type { ColumnOverride, FoundTable, RunProgress, RunResult, ScanResult, SkippedSheet } from "./service";

/** What the sheet reader returns. */
export type ReadOutcome = ReadResult;

export interface PipelineSteps {
  /** Every source sheet of the workbook (the audit's own sheets left out). */
  readGrids(): Promise<SheetGrid[]>;
  readSheets(grids: SheetGrid[], options: { overrides: ColumnOverride[] }): ReadOutcome;
  fields: ReadonlyArray<{ id: string; label: string }>;
  /** Writes the plan; returns planned sheet name → the name it got in the workbook. */
  writePlan(plan: WorkbookPlan, onProgress: (done: number, total: number) => void): Promise<Record<string, string>>;
  now(): Date;
}

/** Share of the progress bar each step ends at: writing is most of the time in Excel. */
const STEP_END = { read: 0.3, detect: 0.4, audit: 0.5, write: 1 } as const;

/**
 * The tables and their column mappings, with the columns each sheet offers.
 *
 * @example
 * const scan = await scanWorkbook(steps, []);
 * scan.tables[0].columns.find((c) => c.field === "pupils")?.letter; // "D"
 */
export async function scanWorkbook(steps: PipelineSteps, overrides: ColumnOverride[]): Promise<ScanResult> {
  const grids = await steps.readGrids();
  const read = steps.readSheets(grids, { overrides });
  return { tables: read.tables, skipped: read.skipped, choices: choicesOf(grids, read.tables), fields: [...steps.fields] };
}

/**
 * One whole audit run, reporting each step as it starts and the write as it goes.
 *
 * @example
 * const run = await runAudit(steps, DEFAULT_SETTINGS, [], (p) => console.log(p.step, p.fraction));
 * run.result.pass; // true when every county passes
 */
export async function runAudit(
  steps: PipelineSteps,
  settings: AuditSettings,
  overrides: ColumnOverride[],
  onProgress: (progress: RunProgress) => void,
): Promise<RunResult> {
  onProgress({ step: "read", fraction: 0 });
  const grids = await steps.readGrids();
  onProgress({ step: "detect", fraction: STEP_END.read });
  const read = steps.readSheets(grids, { overrides });
  if (read.records.length === 0) throw new NoSchoolsError(read.skipped);
  onProgress({ step: "audit", fraction: STEP_END.detect });
  const audited = audit(read.records, settings);
  // The reader's diagnostics (bad cells, unknown units) belong in the audit's diagnostics sheet too.
  const result = { ...audited, diagnostics: [...read.diagnostics, ...audited.diagnostics] };
  // As the headless command: nothing counted, nothing written (the audit sheets would be empty).
  if (result.schools.length === 0) throw new NothingCountedError(result.excluded);
  const auditedAt = steps.now();
  const plan = buildPlan({ result, records: read.records, read: { tables: read.tables, skipped: read.skipped }, auditedAt });
  onProgress({ step: "write", fraction: STEP_END.audit });
  const span = STEP_END.write - STEP_END.audit;
  const names = await steps.writePlan(plan, (done, total) =>
    onProgress({ step: "write", fraction: STEP_END.audit + (span * done) / Math.max(total, 1) }),
  );
  const sheets = plan.sheets.map((sheet) => ({
    kind: sheet.kind,
    name: names[sheet.name] ?? sheet.name,
    ...(sheet.county !== undefined ? { county: sheet.county } : {}),
  }));
  return { result, records: read.records, tables: read.tables, sheets, auditedAt };
}

/** No school table was found: the message says where the reader looked and what it expects. */
export class NoSchoolsError extends Error {
  constructor(skipped: SkippedSheet[]) {
    const why = skipped.slice(0, 3).map((s) => `「${s.sheet}」：${s.reason}`);
    super(
      `没有在工作簿中找到学校数据表${why.length ? `（${why.join("；")}）` : ""}。` +
        "请打开含学校名称、在校生数等列的统计表后重试，或在「数据」页指定各字段所在的列。",
    );
    this.name = "NoSchoolsError";
  }
}

/** Schools were read, but none counts (special schools, teaching points under 50 pupils …). */
export class NothingCountedError extends Error {
  constructor(excluded: { name: string; reason: string; source?: { sheet: string; row: number } }[]) {
    const why = excluded.slice(0, 3).map((e) => `${e.source ? `「${e.source.sheet}」第${e.source.row}行` : ""}「${e.name}」：${e.reason}`);
    super(
      `读到的学校都不计入审计${why.length ? `（${why.join("；")}${excluded.length > 3 ? " 等" : ""}）` : ""}，未写入审计表。` +
        "请检查学校类型和在校生数，或在「数据」页改正列的对应关系后重试。",
    );
    this.name = "NothingCountedError";
  }
}

function choicesOf(grids: SheetGrid[], tables: FoundTable[]): ScanResult["choices"] {
  const choices: ScanResult["choices"] = {};
  for (const table of tables) {
    const grid = grids.find((g) => g.name === table.sheet);
    if (grid && !choices[table.sheet]) choices[table.sheet] = columnChoices(grid, table.headerRows);
  }
  return choices;
}
