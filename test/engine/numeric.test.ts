import fc from "fast-check";
import { atLeast, atLeastCut } from "../../src/engine/numeric";

/** A value or limit near another: equal, a rounding step apart, within or beyond the tolerance. */
const near = (b: number) =>
  fc.oneof(
    fc.constant(b),
    fc.constantFrom(-1, 1, -3, 3).map((ulps) => b + ulps * Number.EPSILON * Math.max(1, b)),
    fc.double({ min: -2e-9, max: 2e-9, noNaN: true }).map((d) => b + d * Math.max(1, b))
  );

describe("atLeastCut", () => {
  it("answers as atLeast for every value that is not negative", () => {
    const limit = fc.oneof(
      fc.double({ min: -10, max: 1e7, noNaN: true }),
      fc.constantFrom(0, 0.9, 1, 2, 5.8, 12, 2000, Infinity, -Infinity)
    );
    fc.assert(
      fc.property(
        limit.chain((b) =>
          fc.tuple(
            fc.constant(b),
            fc.oneof(near(b), fc.double({ min: 0, max: 1e7, noNaN: true }), fc.constant(Infinity))
          )
        ),
        ([b, a]) => {
          fc.pre(a >= 0);
          expect(a >= atLeastCut(b)).toBe(atLeast(a, b));
        }
      ),
      { numRuns: 3000 }
    );
  });

  it("lets a value a rounding step under the limit reach it, and one clearly under not", () => {
    expect(0.9 - 1e-12 >= atLeastCut(0.9)).toBe(true);
    expect(0.8999 >= atLeastCut(0.9)).toBe(false);
    expect(2000 - 1e-7 >= atLeastCut(2000)).toBe(true);
    expect(2000 - 1e-5 >= atLeastCut(2000)).toBe(false);
  });
});
