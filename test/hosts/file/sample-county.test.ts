import * as path from "path";
import { audit, roundTo, type SchoolRecord } from "../../../src/engine";
import { readWorkbookFile } from "../../../src/hosts/file";
import type { SheetGrid } from "../../../src/sheets/grid";
import {
  HOSTILE_NAME,
  messyCountyExpectedRecords,
  messyCountyWorkbook,
} from "../../../scripts/messy-county";
import {
  checkSampleCounty,
  SAMPLE_TARGETS,
  sampleCountyRecords,
} from "../../../scripts/sample-county";
import {
  SAMPLE_TITLE,
  sampleCountySourcedRecords,
  sampleCountyWorkbook,
} from "../../../scripts/sample-workbook";
import { diffSheets } from "../../support/compare";
import { makeTempDir, removeTempDir } from "../../support/tmp";

const SAMPLE = path.resolve(__dirname, "../../../assets/sample-county.xlsx");
const MESSY = path.resolve(__dirname, "../../../test/fixtures/messy-county.xlsx");

let dir: string;
beforeAll(() => {
  dir = makeTempDir("sample");
});
afterAll(() => removeTempDir(dir));

describe("the sample county's records, audited by the engine", () => {
  const records = sampleCountyRecords();
  const result = audit(records);
  const stages = result.stages!;

  it("has composite CVs that round to the published 0.212 (primary) and 0.188 (junior)", () => {
    expect(roundTo(stages.primary.compositeCv!, 3)).toBe(SAMPLE_TARGETS.compositeCv.primary);
    expect(roundTo(stages.junior.compositeCv!, 3)).toBe(SAMPLE_TARGETS.compositeCv.junior);
    // The composite is the plain mean of the seven weighted CVs.
    const mean = Object.values(stages.primary.indicators).reduce((s, i) => s + i.cv!, 0) / 7;
    expect(stages.primary.compositeCv).toBeCloseTo(mean, 12);
  });

  it("has the published pupils, parts, teachers and the private school's 1595 pupils", () => {
    expect(stages.primary.students).toBe(36825);
    expect(stages.junior.students).toBe(12264);
    expect(stages.primary.schools).toBe(27); // 21 primary campuses + 6 nine-year campuses
    expect(stages.junior.schools).toBe(15); // 9 junior schools + 6 nine-year campuses
    expect(records).toHaveLength(36);
    const teachers = (stage: "primary" | "junior") =>
      records.reduce((s, r) => s + (r.stages[stage]?.teachers?.fullTime ?? 0), 0);
    expect(teachers("primary")).toBe(2078);
    expect(teachers("junior")).toBe(1146);
    const privateRecords = records.filter((r) => r.owner === "private");
    expect(privateRecords).toHaveLength(1);
    expect(
      privateRecords[0].stages.primary!.pupils! + privateRecords[0].stages.junior!.pupils!
    ).toBe(1595);
  });

  it("every school part meets all 7 indicators; every CV within its limit; the county passes", () => {
    expect(result.schools.every((p) => p.met === 7 && p.pass === true)).toBe(true);
    expect(stages.primary.cvPass && stages.junior.cvPass).toBe(true);
    expect(result.guarantees.every((g) => g.pass)).toBe(true);
    expect(result.pass).toBe(true);
    expect(checkSampleCounty(records, result)).toEqual([]);
  });

  it("the check catches a sample that drifts from the published figures", () => {
    const broken = sampleCountyRecords();
    broken[0].stages.primary!.pupils! += 1;
    expect(checkSampleCounty(broken)).toContain("primary pupils 36826 ≠ 36825");
  });
});

/** A record's figure at a SourceRef field path ("teachers.primary.backbone", "facilities.sportsArea" …). */
function figure(record: SchoolRecord, field: string): unknown {
  const [group, a, b] = field.split(".");
  if (group === "name") return record.name;
  if (group === "facilities")
    return record.facilities?.[a as keyof NonNullable<SchoolRecord["facilities"]>];
  const stage = record.stages[a as "primary" | "junior"];
  if (group === "pupils") return stage?.pupils;
  if (group === "classes") return stage?.classes;
  if (group === "largestClass") return stage?.largestClass;
  if (group === "teachers")
    return stage?.teachers?.[b as keyof NonNullable<NonNullable<typeof stage>["teachers"]>];
  throw new Error(`unknown field ${field}`);
}

function cellAt(grid: SheetGrid, a1: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return grid.rows[Number(m[2]) - 1]?.[col];
}

describe("assets/sample-county.xlsx (committed)", () => {
  it("is exactly what the generator makes now (regenerate with npx tsx scripts/generate-sample.ts)", async () => {
    const fresh = path.join(dir, "fresh-sample.xlsx");
    await sampleCountyWorkbook().xlsx.writeFile(fresh);
    expect(
      await diffSheets(SAMPLE, fresh, ["说明", "小学", "初中", "九年一贯制", "县域指标"])
    ).toEqual([]);
  });

  it("holds every record's figures at its source cells (万元 × 10000 = 元)", async () => {
    const { grids } = await readWorkbookFile(SAMPLE);
    const bySheet = new Map(grids.map((g) => [g.name, g]));
    const sourced = sampleCountySourcedRecords();
    expect(sourced).toHaveLength(36);
    let checked = 0;
    for (const record of sourced) {
      const grid = bySheet.get(record.source!.sheet)!;
      for (const [field, cell] of Object.entries(record.source!.cells!)) {
        const factor = record.source!.factors?.[field] ?? 1;
        const value = cellAt(grid, cell);
        if (typeof value === "number")
          expect(value * factor).toBeCloseTo(figure(record, field) as number, 6);
        else expect(value).toBe(figure(record, field));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(36 * 10);
  });

  it("is laid out as a bureau keeps it: merged title, unit line, two header rows with groups, 合计, 注", async () => {
    const { grids } = await readWorkbookFile(SAMPLE);
    expect(grids.map((g) => g.name)).toEqual(["说明", "小学", "初中", "九年一贯制", "县域指标"]);
    const primary = grids[1];
    expect(primary.rows[0][0]).toBe(SAMPLE_TITLE);
    expect(primary.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 18 });
    expect(String(primary.rows[1][0])).toContain("单位：人、平方米、万元");
    expect(primary.rows[2][7]).toBe("教师情况");
    expect(primary.merges).toContainEqual({ top: 2, left: 7, bottom: 2, right: 10 });
    expect(primary.rows[3].slice(7, 11)).toEqual([
      "专任教师数",
      "高于规定学历教师数",
      "县级及以上骨干教师数",
      "体育、艺术（音乐、美术）专任教师数",
    ]);
    expect(primary.rows[2][11]).toBe("办学条件");
    expect(primary.rows[3][13]).toBe("教学仪器设备总值（万元）");
    const totalRow = primary.rows.findIndex((r) => r[1] === "合计");
    expect(totalRow).toBe(4 + 21);
    expect(String(primary.rows[totalRow + 1][0])).toMatch(/^注：/);
    // The 合计 rows' cached SUMs: primary pupils over 小学 and 九年一贯制 give the published 36825.
    const nine = grids[3];
    const nineTotal = nine.rows.findIndex((r) => r[1] === "合计");
    expect((primary.rows[totalRow][4] as number) + (nine.rows[nineTotal][4] as number)).toBe(36825);
    expect(
      (grids[2].rows.find((r) => r[1] === "合计")![4] as number) +
        (nine.rows[nineTotal][5] as number)
    ).toBe(12264);
  });
});

describe("test/fixtures/messy-county.xlsx (committed)", () => {
  it("is exactly what the generator makes now", async () => {
    const fresh = path.join(dir, "fresh-messy.xlsx");
    await messyCountyWorkbook().xlsx.writeFile(fresh);
    expect(await diffSheets(MESSY, fresh, ["小学", "初中", "一贯制学校"])).toEqual([]);
  });

  it("has the mess the reader must handle", async () => {
    const { grids } = await readWorkbookFile(MESSY);
    expect(grids.map((g) => g.name)).toEqual(["小学", "初中", "一贯制学校"]);
    const primary = grids[0];
    const all = primary.rows.flat();
    expect(all).toContain("1,234"); // thousands separator, stored as text
    expect(all).toContain("１０５６"); // full-width digits
    expect(all).toContainEqual({ error: "#DIV/0!" });
    expect(all).toContain(HOSTILE_NAME);
    expect(all).toContain("城区小计");
    expect(primary.merges).toContainEqual({ top: 2, left: 0, bottom: 4, right: 0 }); // 序号 over three header rows
    const subtotal = primary.rows.findIndex((r) => r[1] === "城区小计");
    expect(primary.rows[subtotal + 1] ?? []).toEqual([]); // a blank separator row
    expect(all).toContain("教学点");
    expect(all).toContain("特殊教育学校");
    expect(grids[2].rows[2]).toContain("初中在校生数"); // per-stage columns of the nine-year school
  });

  it("its expected records audit as intended: the special school and the 15-pupil teaching point are excluded", () => {
    const result = audit(messyCountyExpectedRecords());
    expect(result.excluded.map((e) => e.name).sort()).toEqual(
      ["示范县培智学校", "示范县河口村教学点"].sort()
    );
    expect(result.schools.map((s) => s.name)).toContain(HOSTILE_NAME);
    expect(result.stages!.primary.schools).toBe(5); // 4 primary schools + the nine-year school's primary part
    expect(result.stages!.junior.schools).toBe(3);
  });
});
