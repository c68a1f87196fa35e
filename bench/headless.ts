/**
 * Tracker issue 7, section 4: the headless command end to end on a generated city-sized workbook
 * (20,000 school parts by default, `--schools N`): wall time and peak memory of the real command
 * in a child process, and the pipeline's own read / audit / write split.
 */
import { bigRun } from "./big-run";
import type { BenchFigure } from "./types";

const SECTION = "headless";
/** Issue 7: under 10 s wall and under 1 GB peak memory. */
const WALL_TARGET_MS = 10_000;
const RSS_TARGET_MB = 1024;

const mb = (bytes: number) => bytes / 2 ** 20;

export async function run(): Promise<BenchFigure[]> {
  const big = await bigRun();
  const n = big.schools.toLocaleString("en-US");
  const { command, split } = big;
  if (split.schoolParts !== big.schools)
    throw new Error(`bench: ${split.schoolParts} of ${big.schools} school parts audited`);
  return [
    {
      section: SECTION,
      name: `generate the ${n}-school workbook (ExcelJS, not timed against a target)`,
      value: big.generateMs,
      unit: "ms",
    },
    { section: SECTION, name: "input workbook size", value: mb(big.inputBytes), unit: "MB" },
    {
      section: SECTION,
      name: `npm run audit on ${n} schools: wall time (child process)`,
      value: command.wallMs,
      unit: "ms",
      target: `< ${WALL_TARGET_MS} ms`,
      met: command.wallMs < WALL_TARGET_MS,
    },
    {
      section: SECTION,
      name: `npm run audit on ${n} schools: peak RSS of the process`,
      value: command.maxRssMb,
      unit: "MB",
      target: `< ${RSS_TARGET_MB} MB (1 GB)`,
      met: command.maxRssMb < RSS_TARGET_MB,
    },
    {
      section: SECTION,
      name: "of which node + bundle start-up (scripts/audit.js --help)",
      value: big.startupMs,
      unit: "ms",
    },
    { section: SECTION, name: "split (auditFile in a child): read", value: split.read, unit: "ms" },
    {
      section: SECTION,
      name: "split (auditFile in a child): audit",
      value: split.audit,
      unit: "ms",
    },
    {
      section: SECTION,
      name: "split (auditFile in a child): write",
      value: split.write,
      unit: "ms",
    },
    { section: SECTION, name: "split child's peak RSS", value: split.maxRssMb, unit: "MB" },
    { section: SECTION, name: "audited workbook size", value: mb(big.outputBytes), unit: "MB" },
  ];
}

if (require.main === module) {
  run().then((figures) => console.table(figures));
}
