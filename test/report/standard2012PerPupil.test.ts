import { audit } from "../../src/engine";
import { buildPlan } from "../../src/report";
import { build } from "./fixture";
import { formulaMismatches } from "./formulaEval";
import { at, AUDITED_AT, rowsWith, sheetOf, weightedCv } from "./helpers";

/** A 小学 row with the 2012 figures; teachers as given, so the per-pupil ratios are exact. */
function row(r: number, name: string, pupils: number, teachers: [number, number, number]) {
  const [fullTime, aboveDegree, seniorTitle] = teachers;
  return {
    sheet: "小学",
    row: r,
    name,
    kind: "primary" as const,
    cells: {
      "pupils.primary": ["C", pupils] as [string, number],
      "teachers.primary.fullTime": ["D", fullTime] as [string, number],
      "teachers.primary.aboveDegree": ["E", aboveDegree] as [string, number],
      "teachers.primary.seniorTitle": ["F", seniorTitle] as [string, number],
      "facilities.teachingArea": ["G", pupils * 4] as [string, number],
      "facilities.books": ["K", pupils * 30] as [string, number],
    },
  };
}

describe("the 2012 teacher indicators are per pupil, as the published county tables print them", () => {
  // 重庆万州 小学 prints 师生比 0.054, 生均高于规定学历教师 0.051, 生均中级职务教师 0.037.
  const { records, sources } = build([
    row(4, "一小", 1000, [54, 51, 37]),
    row(5, "二小", 500, [30, 20, 10]),
  ]);
  const result = audit(records, { standard: "2012" });
  const plan = buildPlan({ result, records, auditedAt: AUDITED_AT });

  it("gives 师生比 = teachers ÷ pupils (54 / 1000 = 0.054), not per 100", () => {
    const one = result.schools[0];
    expect(one.values.B6).toBeCloseTo(0.054, 12);
    expect(one.values.B7).toBeCloseTo(0.051, 12);
    expect(one.values.B8).toBeCloseTo(0.037, 12);
    expect(result.schools[1].values.B6).toBeCloseTo(0.06, 12);
  });

  it("weights the means by pupils at the same scale, and the CV is the weighted CV", () => {
    const b6 = result.stages!.primary.indicators.B6;
    const expected = weightedCv([
      [1000, 0.054],
      [500, 0.06],
    ]);
    expect(b6.mean).toBeCloseTo(84 / 1500, 12);
    expect(b6.mean).toBeCloseTo(expected.mean, 12);
    expect(b6.cv).toBeCloseTo(expected.cv, 12);
  });

  it("heads the 学校达标 columns per pupil and shows three decimals, by formulas with no ×100", () => {
    const schools = sheetOf(plan, "schools");
    const headers = schools.rows.flatMap((r) => r.cells.map((c) => c?.value));
    expect(headers).toContain("B6 师生比（人/生）");
    expect(headers).toContain("B7 高学历教师（人/生）");
    expect(headers).toContain("B8 中级职称教师（人/生）");
    expect(headers.some((h) => typeof h === "string" && h.includes("百名学生）"))).toBe(false);
    const header = schools.rows.find((r) =>
      r.cells.some((c) => c?.value === "B6 师生比（人/生）")
    )!;
    const b6Col = header.cells.findIndex((c) => c?.value === "B6 师生比（人/生）");
    const b1Col = header.cells.findIndex((c) => String(c?.value).startsWith("B1 "));
    const first = rowsWith(schools, 1, "一小")[0];
    const value = at(schools, first, b6Col)!;
    expect(value.value).toBeCloseTo(0.054, 12);
    expect(value.numFmt).toBe("0.000");
    expect(value.formula).not.toMatch(/\*100/);
    expect(at(schools, first, b1Col)!.numFmt).toBe("0.00");
  });

  it("writes the 差异系数 mean at the same scale with three decimals, every formula recomputing", () => {
    const cv = sheetOf(plan, "cv");
    const b6 = rowsWith(cv, 2, "B6")[0];
    const mean = cv.rows
      .find((r) => r.row === b6)!
      .cells.find((c) => c?.formula?.startsWith("SUMPRODUCT(") && !c.formula.includes("^2"))!;
    expect(mean.value).toBeCloseTo(84 / 1500, 12);
    expect(mean.numFmt).toBe("0.000");
    expect(formulaMismatches(plan, sources)).toEqual([]);
  });
});
