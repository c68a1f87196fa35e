import fc from "fast-check";
import type { SchoolRecord } from "../../src/engine";
import { throughTrainGroups } from "../../src/engine/guarantees";

/**
 * throughTrainGroups finds the schools sharing a key with a hash table of typed arrays; here it
 * is compared with the straightforward grouping (a map per county keyed by 「#code」 or the name
 * without its part word), as the engine did before, on random cities: shared names and codes
 * across counties, part words, spaces, a name that reads like a code.
 */

const PART_SUFFIX = /(小学部|初中部|小学段|初中段|初级中学部|高中部)$/;
const nameKey = (name: string) => name.replace(/\s+/g, "").replace(PART_SUFFIX, "");

function reference(
  records: readonly SchoolRecord[],
  counted: readonly number[],
  countyOf: (r: SchoolRecord) => string
): number[][] {
  const byKey = new Map<string, number[]>();
  for (const i of counted) {
    const r = records[i];
    const key = `${countyOf(r)}\u0000${r.code ? `#${r.code}` : nameKey(r.name)}`;
    byKey.set(key, [...(byKey.get(key) ?? []), i]);
  }
  return [...byKey.values()]
    .filter((g) => g.length > 1)
    .sort((a, b) => a[0] - b[0])
    .filter((group) => {
      const stages = group.flatMap((i) => Object.keys(records[i].stages));
      return (
        new Set(stages).size === stages.length &&
        stages.includes("primary") &&
        stages.includes("junior")
      );
    });
}

const record = fc
  .record({
    name: fc.constantFrom(
      "实验学校",
      "实验学校小学部",
      "实验学校初中部",
      "实验 学校",
      "一小",
      "#7",
      "#8"
    ),
    code: fc.constantFrom(undefined, "", "7", "8"),
    county: fc.constantFrom("东县", "西县"),
    primary: fc.boolean(),
    junior: fc.boolean(),
  })
  .map(({ name, code, county, primary, junior }): SchoolRecord => {
    const stages: SchoolRecord["stages"] = {};
    if (primary) stages.primary = { pupils: 100 };
    if (junior) stages.junior = { pupils: 100 };
    return { name, county, kind: "primary", stages, ...(code === undefined ? {} : { code }) };
  });

describe("throughTrainGroups", () => {
  it("groups as the map-per-county grouping does, on random cities", () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.func(fc.boolean()), (records, skip) => {
        const counted = records.map((_, i) => i).filter((i) => !skip(i));
        const countyOf = (r: SchoolRecord) => r.county ?? "";
        expect(throughTrainGroups(records, counted, countyOf)).toEqual(
          reference(records, counted, countyOf)
        );
      }),
      { numRuns: 500 }
    );
  });

  it("joins 「实验学校小学部」 and 「实验学校初中部」 of one county, not of two", () => {
    const part = (name: string, county: string, stage: "primary" | "junior"): SchoolRecord => ({
      name,
      county,
      kind: stage,
      stages: { [stage]: { pupils: 900 } },
    });
    const records = [
      part("实验学校小学部", "东县", "primary"),
      part("实验学校初中部", "西县", "junior"),
      part("实验学校初中部", "东县", "junior"),
    ];
    expect(throughTrainGroups(records, [0, 1, 2], (r) => r.county!)).toEqual([[0, 2]]);
  });
});
