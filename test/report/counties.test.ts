import { audit } from "../../src/engine";
import { buildPlan, MAX_SHEET_NAME } from "../../src/report";
import { smallCounty } from "./fixture";
import { formulaMismatches, PlanWorkbook } from "./formulaEval";
import { at, AUDITED_AT, rowsWith, sheetOf, weightedCv } from "./helpers";

const A = "甲县";
const B = "乙县[新区]";

describe("buildPlan with several counties", () => {
  const { records, sources } = smallCounty({ a: A, b: B });
  const result = audit(records);
  const plan = buildPlan({ result, records, auditedAt: AUDITED_AT });

  it("writes one declaration set per county, sheet names carrying the county within Excel's rules", () => {
    expect(result.counties.map((c) => c.name)).toEqual([A, B]);
    const declarations = plan.sheets.filter((s) => s.kind.startsWith("declaration"));
    expect(declarations.map((s) => [s.name, s.county])).toEqual([
      ["表Ⅱ-1 甲县", A],
      ["表Ⅱ-2 甲县", A],
      ["表Ⅲ 甲县", A],
      ["表Ⅱ-1 乙县_新区_", B],
      ["表Ⅱ-2 乙县_新区_", B],
      ["表Ⅲ 乙县_新区_", B],
    ]);
    for (const s of plan.sheets) {
      expect(s.name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
      expect(s.name).not.toMatch(/[[\]:*?/\\]/);
    }
    // The county's own name, brackets and all, is text in its tables.
    expect(at(sheetOf(plan, "declaration-II-2", B), 2, 0)?.value).toBe(`填报单位：${B}`);
  });

  it("lays each county's stage out as its own block and computes its CVs from its own schools only", () => {
    const cv = sheetOf(plan, "cv");
    const book = new PlanWorkbook(plan, sources);
    // 甲县 primary L1: +1 (1000 pupils, 5.0), 实验小学 (800, 5.0), the nine-year primary part (600, 5.0).
    const rowA = rowsWith(cv, 0, A).find(
      (r) => at(cv, r, 1)?.value === "小学" && at(cv, r, 2)?.value === "L7"
    )!;
    const expectedA = weightedCv([
      [1000, 2.5],
      [800, 2.5],
      [600, (30 * 600 * 100) / 1040 / 600],
    ]);
    expect(book.value(cv.name, rowA, 8)).toBeCloseTo(expectedA.cv, 12);
    expect(at(cv, rowA, 8)?.value).toBeCloseTo(
      result.counties[0].stages.primary.indicators.L7.cv!,
      15
    );
    // 乙县 primary L1: the failing school (500, 3.0) and 城东小学 (1200, 5.0).
    const rowB = rowsWith(cv, 0, B).find(
      (r) => at(cv, r, 1)?.value === "小学" && at(cv, r, 2)?.value === "L1"
    )!;
    expect(book.value(cv.name, rowB, 8)).toBeCloseTo(
      weightedCv([
        [500, 3],
        [1200, 5],
      ]).cv,
      12
    );
    expect(book.value(cv.name, rowB, 4)).toBe(2);
  });

  it("recomputes every formula to the engine's per-county values", () => {
    expect(formulaMismatches(plan, sources)).toEqual([]);
  });

  it("gives a verdict per county in the summary", () => {
    const summary = sheetOf(plan, "summary");
    for (const county of result.counties) {
      // The whole-standard row, its four dimension lines, then the resource row.
      const [whole, , , , , row] = rowsWith(summary, 0, county.name);
      expect(at(summary, whole, 1)?.value).toBe(
        { pass: "达标", fail: "未达标", incomplete: "未完成" }[county.verdict]
      );
      // A county whose sheets lack the G3/G5 columns is 未完成 on this row, never 达标.
      expect(at(summary, row, 1)?.value).toBe(
        !county.pass ? "未达标" : county.guaranteesUnchecked > 0 ? "未完成" : "达标"
      );
    }
  });

  it("fills each county's 表Ⅲ from its own CVs", () => {
    const t = sheetOf(plan, "declaration-III", B);
    const junior = rowsWith(t, 0, "初中")[0];
    expect(at(t, junior + 1, 2)?.value).toBeCloseTo(
      result.counties[1].stages.junior.indicators.L1.cv!,
      15
    );
    expect(at(t, junior + 1, 3)?.value).toBeCloseTo(
      result.counties[1].stages.junior.indicators.L2.cv!,
      15
    );
  });
});

describe("declaration sheet names for long county names", () => {
  it("stay within 31 characters and distinct when two counties share a long prefix", () => {
    const long = "某某省某某市某某自治州某某县某某经济技术开发区管理委员会";
    const { records } = smallCounty({ a: `${long}甲`, b: `${long}乙` });
    const plan = buildPlan({ result: audit(records), records, auditedAt: AUDITED_AT });
    const names = plan.sheets.map((s) => s.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(names.filter((n) => n.startsWith("表Ⅱ-2"))).toHaveLength(2);
    expect(names).toContain("表Ⅱ-2 某某省某某市某某自治州某某县某某经济技术开发 (2)");
  });
});
