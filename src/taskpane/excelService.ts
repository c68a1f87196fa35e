/**
 * The AuditService over Excel: Excel.run around the Excel host's calls (read grids, write the
 * plan, select a cell), the sheet reader in between, and the workbook's document settings for
 * the saved choices. The only task-pane module that touches Office.js.
 */
import { buildCountyFormPlan, type WorkbookPlan } from "../report";
import type { SheetGrid } from "../sheets/grid";
import { loadState, saveState, type SettingsStore } from "./documentSettings";
import { describeFailure } from "./errorText";
import { stringsFor, type Strings } from "./i18n";
import { runAudit, scanWorkbook, type PipelineSteps } from "./pipeline";
import type { AuditService } from "./service";

/** The Excel host's functions (src/hosts/excel), by shape. */
export interface ExcelHostApi {
  readWorkbookGrids(
    context: Excel.RequestContext
  ): Promise<{ grids: SheetGrid[]; ownedSheets: string[] }>;
  writePlanToWorkbook(
    context: Excel.RequestContext,
    plan: WorkbookPlan,
    options: { onProgress?: (done: number, total: number) => void; owned?: boolean }
  ): Promise<{ sheetNames: Record<string, string> }>;
  selectCell(context: Excel.RequestContext, sheet: string, address: string): Promise<void>;
}

export interface ExcelServiceParts {
  host: ExcelHostApi;
  /** The sheet reader (src/sheets): readSheets and FIELDS. */
  reader: Pick<PipelineSteps, "readSheets" | "fields">;
  /** Excel.run, passed in so the module never reaches for globals at import time. */
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  settings: SettingsStore;
  /** The pane's words: errors are described in its language (Chinese when not given). */
  strings?: Strings;
  now?: () => Date;
}

/**
 * The real service: one Excel.run per read, per write and per selection.
 *
 * @example
 * const service = createExcelService({ host, reader, run: (b) => Excel.run(b), settings: Office.context.document.settings, strings: stringsFor("en-US") });
 * await service.run(settings, overrides, (p) => console.log(p.step));
 */
export function createExcelService(parts: ExcelServiceParts): AuditService {
  const steps: PipelineSteps = {
    readGrids: () =>
      parts.run(async (context) => (await parts.host.readWorkbookGrids(context)).grids),
    readSheets: parts.reader.readSheets,
    fields: parts.reader.fields,
    writePlan: (plan, onProgress) =>
      parts.run(
        async (context) =>
          (await parts.host.writePlanToWorkbook(context, plan, { onProgress })).sheetNames
      ),
    now: parts.now ?? (() => new Date()),
  };
  return {
    scan: (overrides) => scanWorkbook(steps, overrides),
    run: (settings, overrides, onProgress) => runAudit(steps, settings, overrides, onProgress),
    select: (sheet, address) =>
      parts.run((context) => parts.host.selectCell(context, sheet, address)),
    loadSaved: () => loadState(parts.settings),
    save: (state) => saveState(parts.settings, state),
    describeError: (error) => describeFailure(error, parts.strings ?? stringsFor("zh-CN")),
    insertCountyForm: () =>
      parts.run(async (context) => {
        // The user's sheet from now on: not marked as the audit's, so a re-run never replaces it.
        const { sheetNames } = await parts.host.writePlanToWorkbook(
          context,
          buildCountyFormPlan(),
          { owned: false }
        );
        return Object.values(sheetNames)[0];
      }),
  };
}
