import { compliant, cvLimit, gap, schoolPass, threshold } from "../../src/functions/verdicts";
import { failure, value } from "./helpers";

// domain.md's table of the 2017 thresholds, typed in from the document (not read from the engine).
const THRESHOLDS_2017: Record<string, [number, number]> = {
  L1: [4.2, 5.3],
  L2: [1.0, 1.0],
  L3: [0.9, 0.9],
  L4: [4.5, 5.8],
  L5: [7.5, 10.2],
  L6: [2000, 2500],
  L7: [2.3, 2.4],
};
const PRIMARY = Object.values(THRESHOLDS_2017).map(([p]) => p);

describe("JH.STANDARD and JH.CVLIMIT", () => {
  it("give domain.md's thresholds for every indicator and stage", () => {
    for (const [id, [primary, junior]] of Object.entries(THRESHOLDS_2017)) {
      expect([id, value(threshold(id, "小学"))]).toEqual([id, primary]);
      expect([id, value(threshold(id, "初中", 2017))]).toEqual([id, junior]);
    }
    expect(value(threshold("教学用房", "junior"))).toBe(5.8);
  });

  it("give the CV limits: 0.50 / 0.45 per indicator (2017), 0.65 / 0.55 composite (2012)", () => {
    expect(value(cvLimit("小学"))).toBe(0.5);
    expect(value(cvLimit("初中"))).toBe(0.45);
    expect(value(cvLimit("小学", "2012"))).toBe(0.65);
    expect(value(cvLimit("初中", "基本均衡"))).toBe(0.55);
  });

  it("say that 2012 has no per-school threshold (#N/A), and name bad stages and standards", () => {
    expect(failure(threshold("B1", "小学", 2012)).kind).toBe("notAvailable");
    const stage = failure(threshold("L1", "高中"));
    expect(stage.kind).toBe("notAvailable");
    expect(stage.message).toContain("JH.STANDARD 的第2个参数「学段」「高中」");
    expect(stage.message).toContain("小学、初中");
    const standard = failure(cvLimit("小学", "2019"));
    expect(standard.message).toContain("2017（优质均衡）或 2012（基本均衡）");
    expect(failure(threshold(null, "小学")).message).toContain("为空");
  });
});

describe("JH.COMPLIANT", () => {
  it("meets at exactly the threshold and fails just below", () => {
    expect(value(compliant(0.9, "L3", "小学"))).toBe(true);
    expect(value(compliant(0.8999999999999999, "L3", "小学"))).toBe(true); // rounding noise of 9/1000*100
    expect(value(compliant(0.899, "L3", "小学"))).toBe(false);
    expect(value(compliant(5.3, "高学历教师", "初中"))).toBe(true);
    expect(value(compliant(5.29, "L1", "初中"))).toBe(false);
    expect(value(compliant(2500, "L6", "junior"))).toBe(true);
  });

  it("names an unknown indicator", () => {
    const f = failure(compliant(1, "L9", "小学"));
    expect(f.kind).toBe("notAvailable");
    expect(f.message).toContain("JH.COMPLIANT 的第2个参数「指标」「L9」");
  });
});

describe("JH.SCHOOLPASS: at least 6 of 7 met, the rest at 85% or more", () => {
  const row = (changes: Record<number, unknown> = {}) => [
    PRIMARY.map((x, i) => (i in changes ? changes[i] : x)),
  ];

  it("passes when all seven meet their thresholds exactly", () => {
    expect(value(schoolPass(row(), "小学"))).toBe(true);
  });

  it("passes with one indicator exactly at 85% of its threshold, fails just below", () => {
    expect(value(schoolPass(row({ 6: 0.85 * 2.3 }), "小学"))).toBe(true);
    expect(value(schoolPass(row({ 6: 1.955 }), "小学"))).toBe(true);
    expect(value(schoolPass(row({ 6: 1.95 }), "小学"))).toBe(false);
  });

  it("fails with two indicators short, even if both are above 85%", () => {
    expect(value(schoolPass(row({ 5: 1999, 6: 2.2 }), "小学"))).toBe(false);
  });

  it("treats a blank as missing data, which fails as in the audit", () => {
    expect(value(schoolPass(row({ 4: "" }), "小学"))).toBe(false);
  });

  it("reads a column as well as a row", () => {
    expect(
      value(
        schoolPass(
          PRIMARY.map((x) => [x]),
          "primary"
        )
      )
    ).toBe(true);
  });

  it("applies the junior thresholds to a junior part", () => {
    expect(value(schoolPass(row(), "初中"))).toBe(false);
    const junior = [Object.values(THRESHOLDS_2017).map(([, j]) => j)];
    expect(value(schoolPass(junior, "初中"))).toBe(true);
  });

  it("refuses the wrong number of values, a block, text, and the 2012 standard", () => {
    expect(failure(schoolPass([[...PRIMARY, 1]], "小学")).message).toContain("共7个值");
    expect(failure(schoolPass([PRIMARY.slice(0, 4), PRIMARY.slice(0, 4)], "小学")).kind).toBe(
      "value"
    );
    expect(failure(schoolPass(row({ 2: "达标" }), "小学")).message).toContain("第1行第3列");
    expect(failure(schoolPass(row(), "小学", 2012)).kind).toBe("notAvailable");
  });
});

describe("JH.GAP: the smallest addition, from the engine's shortfall logic", () => {
  it("is 0 when the value meets the threshold, exactly or above", () => {
    expect(value(gap(0.9, "L3", "小学", 1000))).toBe(0);
    expect(value(gap(5, "L1", "小学", 1000))).toBe(0);
  });

  it("counts whole teachers: L3 at 0.8 of 1000 pupils needs 1; L1 junior 4.0 of 850 pupils needs 12", () => {
    expect(value(gap(0.8, "L3", "小学", 1000))).toBe(1);
    // 34 teachers; 5.3 × 850 / 100 = 45.05 needed → 11.05 → 12 whole teachers.
    expect(value(gap(4, "L1", "初中", 850))).toBe(12);
  });

  it("counts whole rooms: L7 junior at 1.0 of 500 pupils (5 rooms) needs 7 more to reach 12", () => {
    expect(value(gap(1, "多媒体教室", "初中", 500))).toBe(7);
  });

  it("gives areas to 0.01 m², rounded up", () => {
    expect(value(gap(4, "L4", "小学", 1000))).toBe(500);
    // 4.123 × 777 = 3203.571 m²; 4.5 × 777 = 3496.5 needed → 292.929 → 292.93.
    expect(value(gap(4.123, "教学用房", "小学", 777))).toBe(292.93);
  });

  it("gives money in whole 元, rounded up", () => {
    // 2400.4 × 333 = 799333.2 元; 2500 × 333 = 832500 needed → 33166.8 → 33167.
    expect(value(gap(2400.4, "L6", "初中", 333))).toBe(33167);
  });

  it("fails on 0 pupils, negative values and the 2012 standard", () => {
    expect(failure(gap(0.5, "L3", "小学", 0)).kind).toBe("divisionByZero");
    expect(failure(gap(-1, "L3", "小学", 100)).kind).toBe("value");
    expect(failure(gap(1, "B1", "小学", 100, 2012)).kind).toBe("notAvailable");
  });
});
