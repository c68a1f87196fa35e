/**
 * The task pane's view of the shared audit flow (src/flow): the run itself, plus the scan that
 * shows the tables and the columns each sheet offers for the mapping dropdowns.
 */
import type { FlowSteps } from "../flow/auditFlow";
import { readCountyForms, type ReadResult } from "../sheets";
import type { SheetGrid } from "../sheets/grid";
import { columnChoices } from "./columns";
import type { ColumnOverride, FoundTable, ScanResult } from "./service";

export { NoSchoolsError, NothingCountedError, runAudit } from "../flow/auditFlow";

/** What the sheet reader returns. */
export type ReadOutcome = ReadResult;

/** The flow's host steps, and the fields the reader knows (for the mapping dropdowns). */
export interface PipelineSteps extends FlowSteps {
  fields: ReadonlyArray<{ id: string; label: string }>;
}

/**
 * The tables and their column mappings, with the columns each sheet offers.
 *
 * @example
 * const scan = await scanWorkbook(steps, []);
 * scan.tables[0].columns.find((c) => c.field === "pupils")?.letter; // "D"
 */
export async function scanWorkbook(
  steps: PipelineSteps,
  overrides: ColumnOverride[]
): Promise<ScanResult> {
  const grids = await steps.readGrids();
  // The county form is read by the audit on its own: say so rather than call it a sheet without schools.
  const forms = readCountyForms(grids).sheets;
  const read = steps.readSheets(
    grids.filter((g) => !forms.includes(g.name)),
    { overrides }
  );
  const skipped = [
    ...forms.map((sheet) => ({
      sheet,
      reason: "县域指标表：按县填报的政府保障程度、教育质量、社会认可度和一票否决，审计时读取",
    })),
    ...read.skipped,
  ];
  return {
    tables: read.tables,
    skipped,
    choices: choicesOf(grids, read.tables),
    fields: [...steps.fields],
  };
}

function choicesOf(grids: SheetGrid[], tables: FoundTable[]): ScanResult["choices"] {
  const choices: ScanResult["choices"] = {};
  for (const table of tables) {
    const grid = grids.find((g) => g.name === table.sheet);
    if (grid && !choices[table.sheet]) choices[table.sheet] = columnChoices(grid, table.headerRows);
  }
  return choices;
}
