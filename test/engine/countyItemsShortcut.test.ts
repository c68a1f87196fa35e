import fc from "fast-check";
import { audit, resolveSettings, type SchoolRecord } from "../../src/engine";
import { countyItemSchools } from "../../src/engine/county/schoolFigures";
import { countyStandard } from "../../src/engine/county/verdict";

/**
 * audit() evaluates a county item once for all counties without a form when the schools do not
 * decide it (or none of the county's schools has its columns), and gives it to each county.
 * Here every county is evaluated on its own, the plain way, and must read the same, on random
 * cities whose schools have some of the columns of G6, G9, G12 and Q4 (in a stage's teachers or
 * the whole school's).
 */

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const teachers = fc.record(
  {
    fullTime: maybe(fc.integer({ min: 0, max: 80 })),
    trainingDue: maybe(fc.integer({ min: 0, max: 80 })),
    trainingDone: maybe(fc.integer({ min: 0, max: 80 })),
    certified: maybe(fc.integer({ min: 0, max: 80 })),
  },
  { requiredKeys: [] }
);
const record = fc
  .record({
    name: fc.constantFrom("一小", "二小", "三中", "四中"),
    county: fc.constantFrom("东县", "西县", "南县"),
    kind: fc.constantFrom("primary", "junior", "teachingPoint", "special"),
    pupils: fc.integer({ min: 1, max: 2500 }),
    stageTeachers: maybe(teachers),
    whole: maybe(teachers),
    approvedPublicFunds: maybe(fc.integer({ min: 0, max: 90000 })),
    trainingFunds: maybe(fc.integer({ min: 0, max: 9000 })),
    publicFundsBudget: maybe(fc.integer({ min: 0, max: 90000 })),
    owner: fc.constantFrom("public", "private"),
  })
  .map((r): SchoolRecord => {
    const stage = r.kind === "junior" ? "junior" : "primary";
    const clean = <T extends object>(o: T) =>
      Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
    return {
      name: r.name,
      county: r.county,
      kind: r.kind,
      owner: r.owner as SchoolRecord["owner"],
      stages: {
        [stage]: {
          pupils: r.pupils,
          ...(r.stageTeachers ? { teachers: clean(r.stageTeachers) } : {}),
        },
      },
      ...(r.whole ? { wholeSchoolTeachers: clean(r.whole) } : {}),
      facilities: clean({
        approvedPublicFunds: r.approvedPublicFunds,
        trainingFunds: r.trainingFunds,
        publicFundsBudget: r.publicFundsBudget,
      }),
    };
  });

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("county items shared by the counties without a form", () => {
  it("read as each county's own evaluation does", () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 16 }),
        fc.boolean(),
        (records, excludePrivate) => {
          const settings = resolveSettings({ excludePrivate });
          const result = audit(records, settings);
          for (const county of result.counties) {
            const checks = result.guarantees.filter((c) => c.county === county.name);
            const schools = countyItemSchools(records, settings).filter(
              (r) => (r.county ?? "").trim() === county.name
            );
            const own = countyStandard(county.stages, checks, undefined, settings, schools);
            expect(json(county.items)).toEqual(json(own.items));
            expect(county.verdict).toBe(own.verdict);
            expect(county.missing).toEqual(own.missing);
          }
        }
      ),
      { numRuns: 200 }
    );
  });

  it("gives every county without a form the item, read the same", () => {
    // Shared rather than copied (the result is read-only, docs/audit-result.md): what a county
    // reads of it, and its JSON, are those of its own evaluation.
    const school = (county: string): SchoolRecord => ({
      name: "一小",
      county,
      kind: "primary",
      stages: { primary: { pupils: 500 } },
    });
    const [east, west] = audit([school("东县"), school("西县")]).counties;
    const g1 = (c: typeof east) => c.items.find((i) => i.id === "G1")!;
    expect(g1(east).status).toBe("unchecked");
    expect(json(g1(east))).toEqual(json(g1(west)));
    expect(east.missing).toEqual(west.missing);
  });
});
