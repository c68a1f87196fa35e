import fc from "fast-check";
import { audit, type GuaranteeCheck, type SchoolRecord } from "../../src/engine";

/**
 * The county items G3–G5 and a county's counts of failed and unchecked school checks come from
 * tallies made without building the checks (guarantees.ts CheckTallies); the result's
 * `guarantees` list builds them. Here the items are recomputed the straightforward way, from
 * the list, and must agree on random counties: rooms, class sizes, size bands and sizes around
 * every limit, missing columns, and through-train schools given as one record per part.
 */

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const count = (max: number) => fc.integer({ min: 0, max });

const stageFigures = fc.record(
  {
    pupils: fc.oneof(count(2700), fc.constantFrom(-1, Number.NaN)),
    classes: maybe(count(60)),
    largestClass: maybe(fc.integer({ min: 30, max: 60 })),
    classSizeBands: maybe(
      fc.array(fc.record({ min: fc.constantFrom(36, 41, 46, 51, 56, 66), count: count(4) }), {
        maxLength: 3,
      })
    ),
  },
  { requiredKeys: ["pupils"] }
);

const record = fc
  .record({
    name: fc.constantFrom("一小", "二小", "实验学校小学部", "实验学校初中部", "三中"),
    county: fc.constantFrom("东县", "西县"),
    kind: fc.constantFrom("primary", "junior", "nineYear", "twelveYear", "teachingPoint"),
    primary: maybe(stageFigures),
    junior: maybe(stageFigures),
    musicRooms: maybe(count(6)),
    musicRoomArea: maybe(count(700)),
    artRooms: maybe(count(6)),
    artRoomArea: maybe(count(700)),
  })
  .map(({ primary, junior, musicRooms, musicRoomArea, artRooms, artRoomArea, ...rest }) => {
    const stages: SchoolRecord["stages"] = {};
    if (primary) stages.primary = primary;
    if (junior) stages.junior = junior;
    const facilities = { musicRooms, musicRoomArea, artRooms, artRoomArea };
    return { ...rest, stages, facilities } as SchoolRecord;
  });

/** The rule kind "schools" over a county's check objects, as county/rules.ts did before tallies. */
function fromList(checks: readonly GuaranteeCheck[], id: string) {
  const all = checks.filter((c) => c.id === id);
  const checked = all.filter((c) => c.pass !== null);
  if (checked.length === 0) return { status: "unchecked", value: null, n: 1 };
  const failed = checked.filter((c) => c.pass === false);
  const open = all.filter((c) => c.pass === null);
  if (failed.length === 0 && open.length > 0)
    return {
      status: "unchecked",
      value: 0,
      n: 1,
      open: `${open.length}项学校检查未核查（${open[0].school}等）`,
    };
  return {
    status: failed.length ? "fail" : "pass",
    value: failed.length,
    n: new Set(failed.map((c) => `${c.school}：${c.message}`)).size,
    notes: [...new Set(failed.map((c) => `${c.school}：${c.message}`))],
  };
}

describe("the county items G3–G5 from tallies equal those from the list of checks", () => {
  it("gives the same statuses, values, notes and counts on random counties", () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        (records, olderLargeSchools, olderRoomAreas) => {
          const result = audit(records, { relaxations: { olderLargeSchools, olderRoomAreas } });
          for (const county of result.counties) {
            const checks = result.guarantees.filter((c) => c.county === county.name);
            expect(county.guaranteesFailed).toBe(checks.filter((c) => c.pass === false).length);
            expect(county.guaranteesUnchecked).toBe(checks.filter((c) => c.pass === null).length);
            for (const id of ["G3", "G4", "G5"]) {
              const item = county.items.find((i) => i.id === id)!;
              const want = fromList(checks, id);
              expect([item.status, item.value]).toEqual([want.status, want.value]);
              if (want.notes) expect(item.notes).toEqual(want.notes);
              if (want.open) expect(item.notes[0]).toContain(want.open);
              expect(item.notes.length).toBe(want.n);
            }
          }
        }
      ),
      { numRuns: 200 }
    );
  });
});
