import { audit } from "../../src/engine";
import { readSheets } from "../../src/sheets";
import { grid } from "./helpers";

const E: null = null;

// A small messy county: title and unit line, a two-row header with per-stage columns, a nine-year
// school in one row (shared facilities), equipment in 万元, text numbers, a special school, a total
// row, a blank row and a footnote.
const county = grid(
  "义务教育学校",
  [
    ["某县2024年义务教育学校资源配置情况统计表", E, E, E, E, E, E, E, E, E, E, E, E],
    ["填报单位：某县教育局", E, E, E, E, E, E, E, E, E, "单位：人、㎡、万元", E, E],
    [
      "学校名称",
      "在校生数",
      E,
      "高于规定学历教师数",
      E,
      "县级及以上骨干教师数",
      E,
      "体育、艺术专任教师数",
      E,
      "教学及辅助用房面积",
      "体育运动场馆面积",
      "教学仪器设备值",
      "网络多媒体教室数",
    ],
    [E, "小学", "初中", "小学", "初中", "小学", "初中", "小学", "初中", E, E, E, E],
    ["城关小学", 1000, E, 50, E, 12, E, 10, E, 5000, 8000, 250, 25],
    ["育英九年一贯制学校", 166, "210", "9", 12, 2, 3, 2, 2, 2382, 3970, "119.1", 10],
    ["第一初级中学", E, 800, E, 40, E, 8, E, 8, "6,400", 8000, 200, 20],
    ["县培智学校", 60, E, 4, E, 1, E, 1, E, 900, 1200, 30, 2],
    [E, E, E, E, E, E, E, E, E, E, E, E, E],
    ["合计", 1226, 1010, 63, 52, 15, 11, 13, 10, 16682, 21170, 599.1, 57],
    ["注：教学仪器设备值为账面原值。", E, E, E, E, E, E, E, E, E, E, E, E],
  ],
  [
    [0, 0, 0, 12],
    [2, 0, 3, 0],
    [2, 1, 2, 2],
    [2, 3, 2, 4],
    [2, 5, 2, 6],
    [2, 7, 2, 8],
    [2, 9, 3, 9],
    [2, 10, 3, 10],
    [2, 11, 3, 11],
    [2, 12, 3, 12],
  ]
);

/** Enrolment-weighted CV written out (domain.md), independent of the engine's code. */
function weightedCv(values: number[], pupils: number[]): number {
  const total = pupils.reduce((a, b) => a + b, 0);
  const mean = values.reduce((s, x, i) => s + x * pupils[i], 0) / total;
  const variance = values.reduce((s, x, i) => s + (pupils[i] / total) * (x - mean) ** 2, 0);
  return Math.sqrt(variance) / mean;
}

describe("readSheets → audit on a small messy county", () => {
  const read = readSheets([county]);
  const result = audit(read.records);
  const part = (name: string, stage: "primary" | "junior") =>
    result.schools.find((s) => s.name === name && s.stage === stage)!;

  it("reads four schools and no total, blank or footnote row", () => {
    expect(read.records.map((r) => r.name)).toEqual([
      "城关小学",
      "育英九年一贯制学校",
      "第一初级中学",
      "县培智学校",
    ]);
    expect(read.diagnostics.filter((d) => d.level !== "info")).toEqual([]);
  });

  it("audits the parts: a primary school, both parts of the nine-year school, a junior school", () => {
    expect(result.schools.map((s) => [s.name, s.stage, s.students])).toEqual([
      ["城关小学", "primary", 1000],
      ["育英九年一贯制学校", "primary", 166],
      ["育英九年一贯制学校", "junior", 210],
      ["第一初级中学", "junior", 800],
    ]);
    expect(result.excluded.map((e) => e.name)).toEqual(["县培智学校"]);
  });

  it("converts 万元 so L6 is in 元 per pupil", () => {
    expect(part("城关小学", "primary").values.L6).toBeCloseTo(2500, 9);
    expect(part("第一初级中学", "junior").values.L6).toBeCloseTo(2500, 9);
  });

  it("splits the nine-year school's shared facilities by weighted pupils (166 : 1.1 × 210)", () => {
    const primary = part("育英九年一贯制学校", "primary");
    const junior = part("育英九年一贯制学校", "junior");
    // 2382 m² over 166 + 231 weighted pupils = 6 per weighted pupil.
    expect(primary.values.L4).toBeCloseTo(6.0, 9);
    expect(junior.values.L4).toBeCloseTo(6.6, 9);
    expect(primary.values.L6).toBeCloseTo(3000, 6);
    expect(junior.values.L6).toBeCloseTo(3300, 6);
    // Teachers are per stage as the sheet gives them (the primary count was text: 「9」).
    expect(primary.values.L1).toBeCloseTo(900 / 166, 9);
    expect(junior.values.L1).toBeCloseTo(1200 / 210, 9);
  });

  it("judges the junior school: 5.0 misses L1 (5.3), 10.0 misses L5 (10.2), L2 exactly at 1.0 meets", () => {
    const school = part("第一初级中学", "junior");
    expect(school.values.L4).toBeCloseTo(8, 9); // 「6,400」 read from text
    expect(school.details.L2.met).toBe(true);
    expect(school.details.L1.met).toBe(false);
    expect(school.details.L5.met).toBe(false);
    expect(school.met).toBe(5);
    expect(school.pass).toBe(false);
    expect(part("城关小学", "primary").pass).toBe(true);
  });

  it("gives the weighted CVs of the parts' values", () => {
    const primaryL4 = weightedCv([5.0, 6.0], [1000, 166]);
    expect(result.stages!.primary.indicators.L4.cv).toBeCloseTo(primaryL4, 9);
    const juniorL7 = weightedCv([(10 * 231) / 397 / 2.1, 20 / 8], [210, 800]);
    expect(result.stages!.junior.indicators.L7.cv).toBeCloseTo(juniorL7, 9);
  });

  it("keeps the source cells the report's formulas will reference", () => {
    const nineYear = read.records[1];
    expect(nineYear.source!.cells).toMatchObject({
      name: "A6",
      "pupils.primary": "B6",
      "pupils.junior": "C6",
      "teachers.primary.aboveDegree": "D6",
      "facilities.equipmentValue": "L6",
    });
    expect(nineYear.source!.factors).toEqual({ "facilities.equipmentValue": 10000 });
    expect(nineYear.source!.textCells).toEqual([
      "pupils.junior",
      "teachers.primary.aboveDegree",
      "facilities.equipmentValue",
    ]);
  });
});
