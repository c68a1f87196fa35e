import { audit, type SchoolRecord } from "../../src/engine";
import { buildPlan, ReportInputError } from "../../src/report";
import { build, smallCounty } from "./fixture";
import { formulaMismatches } from "./formulaEval";
import { allCells, at, AUDITED_AT, rowsWith, sheetOf } from "./helpers";

/** A 小学 row with every figure the 2012 standard uses. */
function row2012(row: number, name: string, pupils: number, k: number) {
  const cells: Record<string, [string, number]> = {
    "pupils.primary": ["C", pupils],
    "teachers.primary.fullTime": ["D", Math.round(pupils / 18) + k],
    "teachers.primary.aboveDegree": ["E", Math.round(pupils / 25) + k],
    "teachers.primary.seniorTitle": ["F", Math.round(pupils / 40) + k],
    "facilities.teachingArea": ["G", pupils * 4 + 100 * k],
    "facilities.sportsArea": ["H", pupils * 7 + 300 * k],
    "facilities.equipmentValue": ["I", pupils * 0.2 + k],
    "facilities.computers": ["J", Math.round(pupils / 9) + k],
    "facilities.books": ["K", pupils * 30 + 500 * k],
  };
  return {
    sheet: "小学",
    row,
    name,
    kind: "primary" as const,
    cells,
    factors: { "facilities.equipmentValue": 10000 },
  };
}

describe("buildPlan under the 2012 standard (no school rule, composite CV limit)", () => {
  const { records, sources } = build([
    row2012(4, "一小", 600, 0),
    row2012(5, "二小", 900, 3),
    row2012(6, "三小", 300, 1),
  ]);
  const result = audit(records, { standard: "2012" });
  const plan = buildPlan({ result, records, auditedAt: AUDITED_AT });

  it("writes no declaration tables (they are the 2017 tables) and no threshold rows", () => {
    expect(plan.sheets.map((s) => s.kind)).toEqual([
      "summary",
      "schools",
      "cv",
      "findings",
      "diagnostics",
    ]);
    const schools = sheetOf(plan, "schools");
    expect(rowsWith(schools, 1, "小学标准值")).toEqual([]);
    expect(schools.conditionalFormats).toEqual([]);
  });

  it("judges the composite CV against its limit by formula, and recomputes every formula", () => {
    const cv = sheetOf(plan, "cv");
    const composite = rowsWith(cv, 2, "综合")[0];
    expect(at(cv, composite, 9)).toMatchObject({ value: 0.65 });
    expect(at(cv, composite, 10)?.formula).toMatch(/^IF\(ROUND\(I\d+,9\)<=J\d+,"达标","未达标"\)$/);
    expect(at(cv, composite, 10)?.value).toBe(result.stages!.primary.cvPass ? "达标" : "未达标");
    expect(formulaMismatches(plan, sources)).toEqual([]);
  });
});

describe("buildPlan at the edges", () => {
  it("writes literals where a record has no source cells, and still gives the engine's numbers", () => {
    const records: SchoolRecord[] = [
      {
        name: "一小",
        kind: "primary",
        stages: { primary: { pupils: 400, teachers: { aboveDegree: 20, backbone: 4 } } },
        facilities: { teachingArea: 2000 },
      },
      {
        name: "二小",
        kind: "primary",
        stages: { primary: { pupils: 600, teachers: { aboveDegree: 24, backbone: 6 } } },
        facilities: { teachingArea: 3000 },
      },
    ];
    const result = audit(records);
    const plan = buildPlan({ result, records, auditedAt: AUDITED_AT });
    const schools = sheetOf(plan, "schools");
    const row = rowsWith(schools, 1, "一小")[0];
    expect(at(schools, row, 3)).toEqual({ value: 400, style: "number", numFmt: "0" });
    expect(at(schools, row, 4)).toMatchObject({ value: 5 });
    expect(at(schools, row, 4)?.formula).toBeUndefined();
    expect(at(schools, row, 1)?.link).toBeUndefined();
    expect(formulaMismatches(plan, {})).toEqual([]);
  });

  it("handles a county without junior schools: no CV formulas over an empty block, and says so", () => {
    const { records, sources } = build([
      {
        sheet: "小学",
        row: 4,
        name: "一小",
        kind: "primary",
        cells: { "pupils.primary": ["C", 300], "teachers.primary.backbone": ["D", 3] },
      },
      {
        sheet: "小学",
        row: 5,
        name: "二小",
        kind: "primary",
        cells: { "pupils.primary": ["C", 500], "teachers.primary.backbone": ["D", 6] },
      },
    ]);
    const result = audit(records);
    const plan = buildPlan({ result, records, auditedAt: AUDITED_AT });
    const cv = sheetOf(plan, "cv");
    const junior = rowsWith(cv, 1, "初中");
    expect(junior.length).toBe(8);
    for (const row of junior)
      for (const c of [6, 7, 8]) expect(at(cv, row, c)?.formula).toBeUndefined();
    const summary = sheetOf(plan, "summary");
    const stageRow = rowsWith(summary, 1, "初中")[0];
    expect(at(summary, stageRow, 9)?.value).toBe("该学段没有参与计算的学校");
    expect(formulaMismatches(plan, sources)).toEqual([]);
    // The indicators without any figure have no CV: blank, never a formula reading 0.
    const l1 = rowsWith(cv, 2, "L1").find((r) => at(cv, r, 1)?.value === "小学")!;
    expect(at(cv, l1, 8)).toMatchObject({ value: null });
    expect(at(cv, l1, 10)).toMatchObject({ value: "未达标" });
  });

  it("plans the sheets even when no school could be audited", () => {
    const records: SchoolRecord[] = [
      { name: "特教", kind: "special", stages: { primary: { pupils: 30 } } },
    ];
    const result = audit(records);
    const plan = buildPlan({ result, records, auditedAt: AUDITED_AT });
    expect(plan.sheets.map((s) => s.kind)).toContain("diagnostics");
    const texts = allCells(plan).map((c) => c.cell.value);
    expect(texts).toContain("没有未达到要求的指标。");
    expect(texts).toContain("没有可参与计算的学校：请检查在校生数和学段。");
  });

  it("refuses a result whose records were not passed, in Chinese", () => {
    const { records } = smallCounty();
    const result = audit(records);
    expect(() =>
      buildPlan({ result, records: records.slice(0, 2), auditedAt: AUDITED_AT })
    ).toThrow(ReportInputError);
    expect(() =>
      buildPlan({ result, records: records.slice(0, 2), auditedAt: AUDITED_AT })
    ).toThrow(/找不到对应的原始记录/);
    expect(() =>
      buildPlan({
        result: { ...result, standard: { ...result.standard, id: "1999" } },
        records,
        auditedAt: AUDITED_AT,
      })
    ).toThrow(/未知的评估标准/);
  });

  it("ignores a malformed source address instead of putting it in a formula", () => {
    const { records, sources } = build([
      {
        sheet: "小学",
        row: 4,
        name: "一小",
        kind: "primary",
        cells: { "pupils.primary": ["C", 300], "teachers.primary.backbone": ["D", 3] },
      },
    ]);
    records[0].source!.cells!["teachers.primary.backbone"] = "D4+1";
    const plan = buildPlan({ result: audit(records), records, auditedAt: AUDITED_AT });
    const schools = sheetOf(plan, "schools");
    const row = rowsWith(schools, 1, "一小")[0];
    expect(at(schools, row, 5)).toMatchObject({ formula: "3*100/'小学'!C4", value: 1 });
    expect(formulaMismatches(plan, sources)).toEqual([]);
  });
});

describe("buildPlan: a 完全中学's junior part", () => {
  it("takes its share of the facilities against the senior pupils (1.1 : 1.32) by formula", () => {
    const { records, sources } = build([
      {
        sheet: "完中",
        row: 3,
        name: "一中",
        kind: "completeMiddle",
        cells: {
          "pupils.junior": ["C", 800],
          seniorPupils: ["D", 1000],
          "facilities.teachingArea": ["E", 12000],
          "teachers.junior.backbone": ["F", 9],
        },
      },
    ]);
    const result = audit(records);
    const plan = buildPlan({ result, records, auditedAt: AUDITED_AT });
    const schools = sheetOf(plan, "schools");
    const row = rowsWith(schools, 1, "一中")[0];
    expect(at(schools, row, 7)?.formula).toBe(
      "'完中'!E3*('完中'!C3*1.1/('完中'!C3*1.1+'完中'!D3*1.32))/'完中'!C3"
    );
    expect(at(schools, row, 7)?.value).toBeCloseTo((12000 * 880) / (880 + 1320) / 800, 12);
    expect(formulaMismatches(plan, sources)).toEqual([]);
  });
});
