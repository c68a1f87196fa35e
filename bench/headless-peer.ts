import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbookFile, saveWorkbook, writePlan } from "../src/hosts/file";
import { sampleCountySourcedRecords } from "../scripts/sample-workbook";
import { handPlan } from "../test/support/hand-plan";
import { recalculate } from "../test/support/libreoffice";
import { makeTempDir, removeTempDir } from "../test/support/tmp";
import type { BenchFigure } from "./types";

/**
 * The headless peer of the Excel host: how long the file host takes to read a county workbook,
 * write a plan into it and save the copy, and how long LibreOffice takes to recalculate it.
 */

const SECTION = "file host (ExcelJS) and LibreOffice";
const SAMPLE = path.resolve(__dirname, "../assets/sample-county.xlsx");

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - started) / 1e6];
}

/** A big single-sheet county: the sample's 36 rows repeated to `rows` rows. */
async function bigCounty(file: string, rows: number): Promise<void> {
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(SAMPLE);
  const primary = source.getWorksheet("小学")!;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("小学");
  for (let r = 1; r <= 4; r++) ws.getRow(r).values = primary.getRow(r).values as ExcelJS.CellValue[];
  for (let i = 0; i < rows; i++) ws.getRow(5 + i).values = primary.getRow(5 + (i % 21)).values as ExcelJS.CellValue[];
  await wb.xlsx.writeFile(file);
}

export async function run(): Promise<BenchFigure[]> {
  const dir = makeTempDir("bench-file");
  try {
    const figures: BenchFigure[] = [];
    const [{ workbook }, readMs] = await timed(() => readWorkbookFile(SAMPLE));
    figures.push({ section: SECTION, name: "read sample county (36 schools, 4 sheets)", value: readMs, unit: "ms", target: "< 1000 ms", met: readMs < 1000 });
    const plan = handPlan(sampleCountySourcedRecords().filter((r) => r.kind === "primary"));
    const [, writeMs] = await timed(() => writePlan(workbook, plan));
    figures.push({ section: SECTION, name: "write a 2-sheet plan", value: writeMs, unit: "ms" });
    const output = path.join(dir, "audit.xlsx");
    const [, saveMs] = await timed(() => saveWorkbook(workbook, output));
    figures.push({ section: SECTION, name: "save the audited copy", value: saveMs, unit: "ms", target: "< 1000 ms", met: saveMs < 1000 });
    const [, recalcMs] = await timed(() => recalculate(output, path.join(dir, "lo")));
    figures.push({ section: SECTION, name: "LibreOffice headless recalculation (fresh profile, one file)", value: recalcMs, unit: "ms", target: "< 10000 ms", met: recalcMs < 10000 });

    const big = path.join(dir, "big.xlsx");
    await bigCounty(big, 2000);
    const [read, bigMs] = await timed(() => readWorkbookFile(big));
    figures.push({ section: SECTION, name: `read a 2000-school sheet (${read.grids[0].rows.length} rows)`, value: bigMs, unit: "ms", target: "< 5000 ms", met: bigMs < 5000 });
    return figures;
  } finally {
    removeTempDir(dir);
  }
}

if (require.main === module) {
  run().then((figures) => console.table(figures));
}
