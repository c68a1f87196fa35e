import { compliant } from "../../src/functions/verdicts";
import { indicatorValue, per100, split } from "../../src/functions/ratios";
import { failure, value } from "./helpers";

describe("JH.PERHUNDRED", () => {
  it("gives exactly 0.9 for 9 teachers and 1000 pupils, where dividing first does not", () => {
    expect((9 / 1000) * 100).not.toBe(0.9);
    expect(value(per100(9, 1000))).toBe(0.9);
    expect(value(compliant(value(per100(9, 1000)), "L3", "小学"))).toBe(true);
  });

  it("is count × 100 / pupils", () => {
    expect(value(per100(42, 1000))).toBe(4.2);
    expect(value(per100(0, 300))).toBe(0);
    expect(value(per100(7, 3))).toBeCloseTo(233.3333333333, 9);
  });

  it("gives #DIV/0! for 0 pupils (and a blank cell arrives as 0)", () => {
    const f = failure(per100(5, 0));
    expect(f.kind).toBe("divisionByZero");
    expect(f.message).toContain("在校生数");
  });

  it("refuses negative, text and non-finite input with the argument named", () => {
    expect(failure(per100(-1, 100)).message).toContain("JH.PERHUNDRED 的第1个参数「数量」");
    expect(failure(per100(1, -100)).message).toContain("第2个参数「在校生数」");
    expect(failure(per100("九", 100)).kind).toBe("value");
    expect(failure(per100(Infinity, 100)).kind).toBe("value");
    expect(failure(per100(NaN, 100)).kind).toBe("value");
    expect(failure(per100(null, 100)).message).toContain("为空");
  });
});

describe("JH.INDICATOR", () => {
  it("sums a range of teachers for L3 (体育 + 音乐 + 美术) and meets 0.9 exactly", () => {
    expect(value(indicatorValue("体艺教师", [[3, 4, 2]], 1000))).toBe(0.9);
    expect(value(indicatorValue("L3", [[3, "", 6]], 1000))).toBe(0.9);
  });

  it("converts 万元 to 元 for L6, and keeps 元", () => {
    expect(value(indicatorValue("L6", [[180.5]], 1000, "万元"))).toBe(1805);
    expect(value(indicatorValue("仪器设备", [[1805000]], 1000, "元"))).toBe(1805);
    expect(value(indicatorValue("L6", [[1805000]], 1000))).toBe(1805);
    expect(value(indicatorValue("L6", 0.9, 4.5, "万"))).toBe(2000);
  });

  it("divides per-pupil areas without ×100 and counts per hundred with it", () => {
    expect(value(indicatorValue("教学用房", [[4500]], 1000))).toBe(4.5);
    expect(value(indicatorValue("L5", [[2500, 5000]], 1000, "㎡"))).toBe(7.5);
    expect(value(indicatorValue("L7", [[23]], 1000))).toBe(2.3);
  });

  it("reads 2012 indicators when asked for that standard", () => {
    expect(value(indicatorValue("图书", [[23226]], 1000, null, 2012))).toBeCloseTo(23.226, 12);
    expect(failure(indicatorValue("图书", [[23226]], 1000)).kind).toBe("notAvailable");
  });

  it("refuses a 万元 unit for an indicator that is not money, naming what fits", () => {
    const f = failure(indicatorValue("L4", [[4500]], 1000, "万元"));
    expect(f.kind).toBe("value");
    expect(f.message).toContain("第4个参数「单位」");
    expect(f.message).toContain("平方米");
  });

  it("names the unknown indicator and lists the choices", () => {
    const f = failure(indicatorValue("食堂", [[1]], 100));
    expect(f.kind).toBe("notAvailable");
    expect(f.message).toContain("JH.INDICATOR 的第1个参数「指标」「食堂」");
    expect(f.message).toContain("L4（教学用房）");
  });

  it("gives #N/A for an all-blank amount, #DIV/0! for 0 pupils, #VALUE! for text", () => {
    expect(failure(indicatorValue("L1", [["", null]], 100)).kind).toBe("notAvailable");
    expect(failure(indicatorValue("L1", [[5]], 0)).kind).toBe("divisionByZero");
    expect(failure(indicatorValue("L1", [["5人"]], 100)).kind).toBe("value");
    expect(failure(indicatorValue("L1", [[5]], 100, null, "2019")).kind).toBe("notAvailable");
  });
});

describe("JH.SPLIT: a nine-year school's share of a shared figure (1 : 1.1)", () => {
  // domain.md: 23226 books, 166 primary and 210 junior pupils → 58.5 per weighted pupil,
  // "9711 and 13515". Exactly: 23226 × 166 / 397 = 9711.63 and 13514.37; the notes' figures come
  // from rounding the rate to 58.5 first (58.5 × 166 = 9711, the rest 13515).
  const primary = value(split(23226, 166, 210, "小学"));
  const junior = value(split(23226, 166, 210, "初中"));

  it("shares by weighted pupils, 58.50 per weighted pupil, and the parts add up to the total", () => {
    expect(primary).toBeCloseTo((23226 * 166) / 397, 9);
    expect(junior).toBeCloseTo((23226 * 231) / 397, 9);
    expect(primary + junior).toBeCloseTo(23226, 9);
    expect((primary / 166).toFixed(2)).toBe("58.50");
    expect((junior / 231).toFixed(2)).toBe("58.50");
  });

  it("agrees with the method notes' 9711 / 13515 up to their rounding of the rate", () => {
    expect(Math.abs(primary - 9711)).toBeLessThan(1);
    expect(Math.abs(junior - 13515)).toBeLessThan(1);
  });

  it("accepts English stage names and gives a single-stage school everything", () => {
    expect(value(split(23226, 166, 210, "primary"))).toBe(primary);
    expect(value(split(1000, 0, 300, "junior"))).toBe(1000);
    expect(value(split(1000, 0, 300, "小学"))).toBe(0);
  });

  it("fails on no pupils, an unknown part and negative figures", () => {
    expect(failure(split(1000, 0, 0, "小学")).kind).toBe("divisionByZero");
    const f = failure(split(1000, 1, 1, "高中"));
    expect(f.kind).toBe("notAvailable");
    expect(f.message).toContain("JH.SPLIT 的第4个参数「学段」「高中」");
    expect(failure(split(-5, 1, 1, "小学")).kind).toBe("value");
  });
});
