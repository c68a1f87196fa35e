import fc from "fast-check";
import { audit, type SchoolRecord } from "../../src/engine";

/** County names are taken as String.prototype.trim leaves them (the engine skips the call when it can). */
describe("county names", () => {
  const space = fc.constantFrom(
    " ",
    "\t",
    "\n",
    "\u00a0",
    "\u2003",
    "\u3000",
    "\ufeff",
    "\u2028",
    ""
  );
  const padded = fc
    .tuple(space, space, fc.constantFrom("东县", "西 县", "", "x"), space, space)
    .map(([a, b, name, c, d]) => a + b + name + c + d);

  it("are trimmed as String.prototype.trim trims them", () => {
    fc.assert(
      fc.property(fc.array(padded, { minLength: 1, maxLength: 8 }), (counties) => {
        const records = counties.map((county, i): SchoolRecord => ({
          name: `校${i}`,
          county,
          kind: "primary",
          stages: { primary: { pupils: 300 } },
        }));
        const result = audit(records);
        expect(result.counties.map((c) => c.name)).toEqual([
          ...new Set(counties.map((c) => c.trim())),
        ]);
        expect(result.schools.map((p) => p.county)).toEqual(counties.map((c) => c.trim()));
      })
    );
  });
});
