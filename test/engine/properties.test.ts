import fc from "fast-check";
import { audit, weightedSpread } from "../../src/engine";
import { schoolAt } from "./fixtures";

const value = fc.double({ min: 0.01, max: 1e5, noNaN: true, noDefaultInfinity: true });
const pupils = fc.integer({ min: 1, max: 5000 });
const schools = fc.array(fc.tuple(value, pupils), { minLength: 1, maxLength: 60 });

const cvOf = (rows: [number, number][]) =>
  weightedSpread(
    rows.map((r) => r[0]),
    rows.map((r) => r[1])
  )!.cv!;
const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe("properties of the weighted CV", () => {
  it("does not change when every value is scaled", () => {
    fc.assert(
      fc.property(schools, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (rows, k) =>
        close(cvOf(rows), cvOf(rows.map(([x, p]) => [x * k, p])))
      )
    );
  });

  it("does not change when every pupil count is scaled", () => {
    fc.assert(
      fc.property(schools, fc.integer({ min: 2, max: 50 }), (rows, k) =>
        close(cvOf(rows), cvOf(rows.map(([x, p]) => [x, p * k])))
      )
    );
  });

  it("does not change when the schools are reordered", () => {
    fc.assert(
      fc.property(
        schools.chain((rows) =>
          fc.tuple(
            fc.constant(rows),
            fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })
          )
        ),
        ([rows, shuffled]) => close(cvOf(rows), cvOf(shuffled))
      )
    );
  });

  it("is 0 when every school has the same value", () => {
    fc.assert(
      fc.property(
        value,
        fc.array(pupils, { minLength: 1, maxLength: 40 }),
        (x, ps) => cvOf(ps.map((p) => [x, p])) < 1e-12
      )
    );
  });

  it("makes the composite the mean of the seven CVs, and never NaN", () => {
    const county = fc.array(fc.tuple(pupils, fc.double({ min: 0.3, max: 4, noNaN: true })), {
      minLength: 1,
      maxLength: 25,
    });
    fc.assert(
      fc.property(county, (rows) => {
        const result = audit(rows.map(([p, f], i) => schoolAt(`校${i}`, "primary", p, f)));
        const stage = result.stages!.primary;
        const cvs = Object.values(stage.indicators).map((i) => i.cv!);
        const mean = cvs.reduce((a, b) => a + b, 0) / cvs.length;
        return (
          cvs.length === 7 &&
          close(stage.compositeCv!, mean) &&
          !JSON.stringify(result).includes("NaN")
        );
      }),
      { numRuns: 200 }
    );
  });
});
