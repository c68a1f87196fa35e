/**
 * Excel host: request sizes against Excel on the web's 5 MB payload limit, round trips, and the
 * time to turn a plan into operations. Office.js cannot run here, so requests go to the test
 * fake (test/hosts/excel/fakeExcel.ts), which records every queued action; a request's size is
 * estimated as the JSON of its values plus a fixed overhead per action (object path, ids).
 */
import { performance } from "node:perf_hooks";
import { readWorkbookGrids, writePlanToWorkbook } from "../src/hosts/excel";
import { DEFAULT_MAX_CELLS_PER_REQUEST, packByCost } from "../src/hosts/excel/chunks";
import { opCost, planOps } from "../src/hosts/excel/planOps";
import { FakeWorkbook, type SourceValue, type WriteRecord } from "../test/hosts/excel/fakeExcel";
import { countyPlan } from "../test/hosts/excel/plans";
import type { BenchFigure } from "./types";

const SECTION = "excel-host";
const LIMIT_BYTES = 5 * 1024 * 1024;
/** Office.js wraps each action in an object naming its path and ids: ~120 bytes of JSON. */
const ACTION_OVERHEAD_BYTES = 120;

const utf8 = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null), "utf8");

function requestBytes(writes: WriteRecord[]): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const w of writes)
    sizes.set(w.batch, (sizes.get(w.batch) ?? 0) + utf8(w.value) + ACTION_OVERHEAD_BYTES);
  return sizes;
}

/** Chinese school names and plain numbers, as a bureau's sheet holds them. */
function sourceSheet(rows: number, cols: number): SourceValue[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) =>
      c === 0
        ? `某某县城关镇第${r + 1}中心小学（含分校区）`
        : c === 1
          ? "九年一贯制"
          : r * cols + c + 0.25
    )
  );
}

/** Writes a plan through the fake workbook, counting context.sync() calls (round trips). */
async function writeThroughFake(
  plan: ReturnType<typeof countyPlan>
): Promise<{ book: FakeWorkbook; syncs: number }> {
  const book = new FakeWorkbook();
  book.addSheet("小学", [["学校"]]);
  const context = book.context();
  let syncs = 0;
  const sync = context.sync.bind(context);
  context.sync = (async () => {
    syncs += 1;
    await sync();
  }) as typeof context.sync;
  await writePlanToWorkbook(context, plan);
  return { book, syncs };
}

/**
 * Issue 14: sync() calls at 1k, 10k and 50k schools. The count may grow with the payload (one
 * request per DEFAULT_MAX_CELLS_PER_REQUEST cells' worth of operations, packByCost) but not per
 * school or per sheet: syncs − requests must be the same at every size.
 */
async function syncsBySchools(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const extra: number[] = [];
  for (const schools of [1_000, 10_000, 50_000]) {
    const plan = countyPlan(schools);
    const { syncs } = await writeThroughFake(plan);
    const ops = planOps(
      plan,
      { writeAs: new Map(), final: new Map() },
      DEFAULT_MAX_CELLS_PER_REQUEST
    );
    const requests = packByCost(ops, opCost, DEFAULT_MAX_CELLS_PER_REQUEST).length;
    extra.push(syncs - requests);
    const n = schools.toLocaleString("en-US");
    figures.push({
      section: SECTION,
      name: `write sync() calls, ${n} schools (${plan.sheets.length} sheets)`,
      value: syncs,
      unit: "syncs",
    });
    figures.push({
      section: SECTION,
      name: `write requests of ≤ ${DEFAULT_MAX_CELLS_PER_REQUEST} cells (the chunking), ${n} schools`,
      value: requests,
      unit: "requests",
    });
  }
  figures.push({
    section: SECTION,
    name: "sync() calls beyond the chunking, 1k / 10k / 50k schools",
    value: Math.max(...extra),
    unit: `syncs (${extra.join(" / ")})`,
    target: "same at every size",
    met: extra.every((e) => e === extra[0]),
  });
  return figures;
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  const schools = 10_000;
  const plan = countyPlan(schools);

  const t0 = performance.now();
  planOps(plan, { writeAs: new Map(), final: new Map() }, DEFAULT_MAX_CELLS_PER_REQUEST);
  const opsMs = performance.now() - t0;
  figures.push({
    section: SECTION,
    name: `plan → operations, ${schools} schools`,
    value: opsMs,
    unit: "ms",
    target: "< 500 ms",
    met: opsMs < 500,
  });

  const { book, syncs } = await writeThroughFake(plan);
  const writeSizes = [...requestBytes(book.writes).values()];
  const maxWrite = Math.max(...writeSizes);
  figures.push({
    section: SECTION,
    name: `write round trips, ${schools} schools, default budget`,
    value: syncs,
    unit: "syncs",
  });
  figures.push({
    section: SECTION,
    name: "largest write request (estimated)",
    value: maxWrite / 1024 / 1024,
    unit: "MB",
    target: "< 5 MB",
    met: maxWrite < LIMIT_BYTES,
  });
  const cellWrites = book.writes.filter((w) => w.what === "formulas" || w.what === "numberFormat");
  const cellBytes = cellWrites.reduce((sum, w) => sum + utf8(w.value), 0);
  const cells = cellWrites.reduce(
    (sum, w) => sum + (w.value as unknown[][]).reduce((n, row) => n + row.length, 0),
    0
  );
  figures.push({
    section: SECTION,
    name: "bytes per written cell (formulas + formats)",
    value: cellBytes / cells,
    unit: "B",
    target: "≤ 100 B (budget)",
    met: cellBytes / cells <= 100,
  });

  const source = new FakeWorkbook();
  source.addSheet("小学", sourceSheet(10_000, 30));
  const readContext = source.context();
  const t1 = performance.now();
  await readWorkbookGrids(readContext);
  const readMs = performance.now() - t1;
  // Response size: what each request of cell values loads (values, valueTypes, numberFormat).
  const tileBytes = new Map<number, number>();
  const sheet = sourceSheet(10_000, 30);
  const cellReads = source.reads.filter((r) => r.props.split(",").includes("values"));
  if (cellReads.length === 0) throw new Error("bench: excel-host: the reader loaded no values");
  for (const read of cellReads) {
    const loaded = read.props.split(",");
    const [from, to] = read.address.split(":");
    const first = Number(from.replace(/\D/g, "")) - 1;
    const last = Number(to.replace(/\D/g, "")) - 1;
    const values = sheet.slice(first, last + 1);
    const types = values.map((row) =>
      row.map((v) => (typeof v === "number" ? "Double" : "String"))
    );
    // The generated sheet has no number formats: Excel answers "General" for every cell.
    const formats = values.map((row) => row.map(() => "General"));
    const bytes =
      utf8(values) +
      (loaded.includes("valueTypes") ? utf8(types) : 0) +
      (loaded.includes("numberFormat") ? utf8(formats) : 0) +
      ACTION_OVERHEAD_BYTES;
    tileBytes.set(read.batch, (tileBytes.get(read.batch) ?? 0) + bytes);
  }
  const maxRead = Math.max(...tileBytes.values());
  figures.push({
    section: SECTION,
    name: "read round trips, 10,000 × 30 sheet",
    value: source.syncs,
    unit: "syncs",
  });
  figures.push({
    section: SECTION,
    name: "largest read response (estimated)",
    value: maxRead / 1024 / 1024,
    unit: "MB",
    target: "< 5 MB",
    met: maxRead < LIMIT_BYTES,
  });
  figures.push({
    section: SECTION,
    name: "read 10,000 × 30 through the fake",
    value: readMs,
    unit: "ms",
  });
  figures.push(...(await syncsBySchools()));
  return figures;
}
