/**
 * The bench's generated city workbook must be what it claims: every school part read back by the
 * product's reader with the generated figures (万元 converted to 元), in the right county, and
 * the same file for the same size. Otherwise the headless bench would time the wrong work.
 */
import * as path from "path";
import { readWorkbookFile } from "../../src/hosts/file";
import { readSheets } from "../../src/sheets";
import {
  BIG_SHEET,
  bigCountyRecords,
  bigCountyWorkbook,
  DEFAULT_BIG_SCHOOLS,
  SCHOOLS_PER_COUNTY,
} from "../../scripts/big-workbook";
import { benchSchools } from "../../bench/big-run";
import { makeTempDir, removeTempDir } from "../support/tmp";

const SCHOOLS = SCHOOLS_PER_COUNTY + 5; // two counties, the second one short
let dir: string;

beforeAll(() => {
  dir = makeTempDir("bench-big");
});
afterAll(() => removeTempDir(dir));

describe("bigCountyRecords", () => {
  it("is deterministic and two primary parts for every junior one", () => {
    const a = bigCountyRecords(9);
    expect(bigCountyRecords(9)).toEqual(a);
    expect(a.map((r) => r.kind)).toEqual([
      "primary",
      "primary",
      "junior",
      "primary",
      "primary",
      "junior",
      "primary",
      "primary",
      "junior",
    ]);
    expect(bigCountyRecords(9, 7)).not.toEqual(a);
  });

  it("stays within the school-size and class-size limits so only resource indicators can fail", () => {
    for (const r of bigCountyRecords(3000)) {
      const [stage, figures] = Object.entries(r.stages)[0];
      expect(figures!.pupils).toBeGreaterThanOrEqual(60);
      expect(figures!.pupils).toBeLessThanOrEqual(2000);
      expect(figures!.largestClass).toBeLessThanOrEqual(stage === "primary" ? 45 : 50);
    }
  });

  it("puts 300 parts in a county", () => {
    const records = bigCountyRecords(SCHOOLS);
    expect(records[SCHOOLS_PER_COUNTY - 1].county).toBe("第1县");
    expect(records[SCHOOLS_PER_COUNTY].county).toBe("第2县");
  });
});

describe("bigCountyWorkbook", () => {
  it("is read back by the product's reader school for school, with 万元 as 元", async () => {
    const file = path.join(dir, "city.xlsx");
    await bigCountyWorkbook(SCHOOLS).xlsx.writeFile(file);
    const { grids } = await readWorkbookFile(file);
    const read = readSheets(grids);
    expect(read.tables.map((t) => t.sheet)).toEqual([BIG_SHEET]);
    expect(read.diagnostics.filter((d) => d.level === "error")).toEqual([]);
    const expected = bigCountyRecords(SCHOOLS);
    expect(read.records).toHaveLength(SCHOOLS);
    read.records.forEach((record, i) => {
      const want = expected[i];
      expect(record.name).toBe(want.name);
      expect(record.county).toBe(want.county);
      expect(record.kind).toBe(want.kind);
      expect(record.stages).toEqual(want.stages);
      expect(record.facilities?.equipmentValue).toBeCloseTo(want.facilities!.equipmentValue!, 6);
      expect(record.facilities?.teachingArea).toBe(want.facilities!.teachingArea);
      expect(record.facilities?.multimediaRooms).toBe(want.facilities!.multimediaRooms);
    });
  });
});

describe("benchSchools", () => {
  it("takes --schools, then BENCH_SCHOOLS, then the default", () => {
    expect(benchSchools(["node", "run.ts", "--schools", "500"], { BENCH_SCHOOLS: "9" })).toBe(500);
    expect(benchSchools(["node", "run.ts"], { BENCH_SCHOOLS: "9" })).toBe(9);
    expect(benchSchools(["node", "run.ts"], {})).toBe(DEFAULT_BIG_SCHOOLS);
  });

  it.each(["0", "-3", "2.5", "many"])("rejects %s", (raw) => {
    expect(() => benchSchools(["--schools", raw], {})).toThrow(/positive whole number/);
  });
});
