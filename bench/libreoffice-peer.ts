/**
 * Tracker issue 7, section 5: the peer a bureau already has. Our audited workbook is the audit
 * written as live formulas (every indicator, CV and verdict); LibreOffice headless recalculates
 * it from scratch (forced-recalc profile) beside our headless command on the same workbook, in
 * the same bench run. Also a correctness check at scale: LibreOffice's values must equal ours.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { compareRecalculated } from "../test/support/compare";
import { libreOfficeAvailable, recalculate } from "../test/support/libreoffice";
import { bigRun, runAuditCommand } from "./big-run";
import type { BenchFigure } from "./types";

const SECTION = "libreoffice-peer";
const SAMPLE = path.resolve(__dirname, "../assets/sample-county.xlsx");
/** A 20,000-school recalculation takes minutes on 2 cores: far above the tests' 110 s. */
const LO_TIMEOUT_MS = 30 * 60_000;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

/** Formula cells of a workbook: how many values the recalculation check compares. */
async function countFormulas(file: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  let formulas = 0;
  workbook.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
      })
    )
  );
  return formulas;
}

export async function run(): Promise<BenchFigure[]> {
  if (!libreOfficeAvailable()) {
    process.stderr.write(
      "bench: libreoffice-peer skipped: soffice not found (apt-get install libreoffice-calc)\n"
    );
    return [];
  }
  const figures: BenchFigure[] = [];
  const add = (name: string, value: number, unit: string, target?: string, met?: boolean) =>
    figures.push({
      section: SECTION,
      name,
      value,
      unit,
      ...(target === undefined ? {} : { target, met }),
    });

  // The bundled sample county (a bureau's size), for scale: ours vs LibreOffice on 36 parts.
  const dir = (await bigRun()).dir;
  const sampleOut = path.join(dir, "sample.audit.xlsx");
  const sampleOurs = (await runAuditCommand([SAMPLE, "--out", sampleOut])).wallMs;
  const [, sampleLo] = await timed(() =>
    recalculate(sampleOut, path.join(dir, "lo-sample"), LO_TIMEOUT_MS)
  );
  add("sample county (36 parts): ours, npm run audit wall", sampleOurs, "ms");
  add(
    "sample county (36 parts): LibreOffice recalculation of the audit (incl. start-up)",
    sampleLo,
    "ms"
  );
  add("sample county: ratio LibreOffice / ours", sampleLo / sampleOurs, "x");

  const big = await bigRun();
  const n = big.schools.toLocaleString("en-US");
  const [recalculated, loMs] = await timed(() =>
    recalculate(big.output, path.join(big.dir, "lo"), LO_TIMEOUT_MS)
  );
  const ratio = loMs / big.command.wallMs;
  add(`${n} schools: ours, npm run audit wall (same run as "headless")`, big.command.wallMs, "ms");
  add(`${n} schools: LibreOffice headless recalculation of the same audit`, loMs, "ms");
  add(`${n} schools: ratio LibreOffice / ours`, ratio, "x", "> 1 (ours faster)", ratio > 1);

  const [mismatches, compareMs] = await timed(() => compareRecalculated(big.output, recalculated));
  const formulas = await countFormulas(big.output);
  add(`${n} schools: formula cells compared (ours vs LibreOffice)`, formulas, "cells");
  add(
    `${n} schools: recalculated values differing from ours`,
    mismatches.length,
    "cells",
    "0",
    mismatches.length === 0
  );
  add("compare time (ExcelJS reads both workbooks)", compareMs, "ms");
  if (mismatches.length > 0) {
    process.stderr.write(`bench: first mismatches: ${JSON.stringify(mismatches.slice(0, 5))}\n`);
  }
  return figures;
}

if (require.main === module) {
  run().then((figures) => console.table(figures));
}
