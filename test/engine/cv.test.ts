import { compositeCv, unweightedCv, weightedSpread } from "../../src/engine";

// The 2012 method notes' worked example (books per pupil), domain.md.
const pupils = [45, 37, 89, 76, 55];
const books = [279, 137, 935, 160, 402];
const perPupil = books.map((b, i) => b / pupils[i]);

describe("weightedSpread: the enrolment-weighted CV (差异系数)", () => {
  it("gives the worked example's X̄ = 6.334, S = 3.264, CV = 0.515", () => {
    const spread = weightedSpread(perPupil, pupils)!;
    expect(spread.mean).toBeCloseTo(6.334, 3);
    expect(spread.sd).toBeCloseTo(3.264, 3);
    expect(spread.cv!).toBeCloseTo(0.515, 3);
    expect(Number(spread.cv!.toFixed(2))).toBe(0.52);
  });

  it("is not the unweighted population CV (0.489) nor the sample CV (0.546)", () => {
    expect(unweightedCv(perPupil)!).toBeCloseTo(0.489, 3);
    const cv = weightedSpread(perPupil, pupils)!.cv!;
    expect(Math.abs(cv - 0.489)).toBeGreaterThan(0.02);
    expect(Math.abs(cv - 0.546)).toBeGreaterThan(0.02);
  });

  it("weighs the mean to the county total over the county pupils", () => {
    const total = books.reduce((a, b) => a + b, 0) / pupils.reduce((a, b) => a + b, 0);
    expect(weightedSpread(perPupil, pupils)!.mean).toBeCloseTo(total, 12);
  });

  it("has no CV when there is no school, no pupil, or the mean is 0", () => {
    expect(weightedSpread([], [])).toBeNull();
    expect(weightedSpread([1, 2], [0, 0])).toBeNull();
    expect(weightedSpread([1, 2], [3])).toBeNull();
    expect(weightedSpread([0, 0], [10, 20])!.cv).toBeNull();
  });
});

describe("compositeCv (综合差异系数)", () => {
  it("is the plain mean of a stage's CVs, as published tables print it", () => {
    // Chongqing 万州区 primary: eight CVs summing to 2.416, printed 0.302.
    const eight = [0.3, 0.31, 0.29, 0.302, 0.298, 0.305, 0.3, 0.311];
    expect(eight.reduce((a, b) => a + b, 0)).toBeCloseTo(2.416, 9);
    expect(compositeCv(eight)!).toBeCloseTo(0.302, 9);
  });

  it("is null when a CV is missing", () => {
    expect(compositeCv([0.2, null])).toBeNull();
    expect(compositeCv([])).toBeNull();
  });
});
