import fc from "fast-check";
import { compositeCv, unweightedCv, weightedSpread } from "../../src/engine";
import { referenceSpread, referenceUnweightedCv } from "../../src/engine/cv";

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

describe("weightedSpread and unweightedCv follow simple-statistics bit for bit", () => {
  // They compute in two passes what simple-statistics computes in five; the figures must not move.
  // Per-pupil values as the engine makes them (a count over pupils: every bit of the mantissa used).
  const value = fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 10 ** 7 }), fc.integer({ min: 1, max: 5000 }))
      .map(([count, pupils]) => count / pupils),
    fc.integer({ min: 0, max: 5000 }),
    fc.constant(0)
  );
  const weights = fc.oneof(
    fc.integer({ min: 0, max: 5000 }),
    fc.double({ min: 0, max: 1e4, noNaN: true })
  );
  const rows = fc.array(fc.tuple(value, weights), { minLength: 0, maxLength: 80 });
  const same = (a: unknown, b: unknown) => expect(a).toStrictEqual(b);

  it("weightedSpread equals simple-statistics' weightedMean and weightedStandardDeviation", () => {
    fc.assert(
      fc.property(rows, (r) => {
        const x = r.map((t) => t[0]);
        const w = r.map((t) => t[1]);
        same(weightedSpread(x, w), referenceSpread(x, w));
        same(weightedSpread(Float64Array.from(x), Float64Array.from(w)), referenceSpread(x, w));
      }),
      { numRuns: 500 }
    );
  });

  it("unweightedCv equals simple-statistics' standardDeviation / mean", () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 80 }), (x) => {
        same(unweightedCv(x), referenceUnweightedCv(x));
      }),
      { numRuns: 500 }
    );
  });

  it("leaves a negative weight to simple-statistics, which refuses it", () => {
    expect(() => weightedSpread([1, 2], [3, -1])).toThrow(/non-negative/);
  });

  it("gives the worked example's figures exactly as simple-statistics does", () => {
    expect(weightedSpread(perPupil, pupils)).toStrictEqual(referenceSpread(perPupil, pupils));
  });
});
