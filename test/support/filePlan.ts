import { readFileSync } from "fs";
import { resolveSettings } from "../../src/engine";
import { runAudit } from "../../src/flow/auditFlow";
import { deflateSlabsPast } from "../../src/hosts/file/package/pack-codec";
import { readWorkbookGrids } from "../../src/hosts/file/streaming/read-grids";
import { usePackCodec } from "../../src/report/packedRows";
import type { WorkbookPlan } from "../../src/report/plan";
import { readSheets } from "../../src/sheets";

/**
 * The audit plan of a workbook file, laid out as the command lays it out: slabs of packed rows
 * past `storedBytes` deflated. For the package writer's tests and bench, which write one plan
 * more than once.
 */
export async function planOfFile(
  file: string,
  storedBytes: number,
  now: () => Date = () => new Date()
): Promise<WorkbookPlan> {
  let plan: WorkbookPlan | undefined;
  usePackCodec(deflateSlabsPast(storedBytes));
  try {
    const bytes = readFileSync(file);
    await runAudit(
      {
        readGrids: async () => (await readWorkbookGrids(file, bytes)).grids,
        readSheets: (grids, options) => readSheets(grids, options),
        writePlan: async (laidOut) => {
          plan = laidOut;
          return {};
        },
        now,
      },
      resolveSettings({}),
      [],
      () => undefined
    );
  } finally {
    usePackCodec(undefined);
  }
  return plan!;
}
