import fc from "fast-check";
import { audit, isCount, type SchoolRecord, type SourceCell } from "../../src/engine";

/**
 * A part holds only its record's index and its stage: every other figure is read from the audit's
 * store or the part's record when asked for (leanParts.ts) instead of copied onto each part. They
 * must read exactly as the copies did: the record's name and kind, its county trimmed, the stage's
 * pupils; the optional figures (code, owner, ownerLabel, grades, classes, source) present only when
 * the record has them (truthy text, a usable count, a source), the part's own stage's grades and
 * classes, the name cell when the reader knew it.
 */

const count = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.constantFrom(undefined, -1, Number.NaN, 2.5, "6" as unknown as number)
);
const stage = fc.record(
  { pupils: fc.integer({ min: 1, max: 900 }), grades: count, classes: count },
  { requiredKeys: ["pupils"] }
);
const record = fc
  .record({
    name: fc.constantFrom("甲校", "乙校", "丙校"),
    county: fc.constantFrom(undefined, "东县", " 西县 ", "南县"),
    kind: fc.constantFrom("primary", "junior", "nineYear", "teachingPoint"),
    code: fc.constantFrom(undefined, "", "4101"),
    owner: fc.constantFrom(undefined, "public", "private"),
    ownerLabel: fc.constantFrom(undefined, "", "教育部门"),
    primary: fc.option(stage, { nil: undefined }),
    junior: fc.option(stage, { nil: undefined }),
    source: fc.option(
      fc.record(
        {
          sheet: fc.constantFrom("学校", "初中"),
          row: fc.integer({ min: 2, max: 900 }),
          cells: fc.record(
            { name: fc.constantFrom("B4", "C7"), pupils: fc.constant("E4") },
            {
              requiredKeys: [],
            }
          ),
        },
        { requiredKeys: ["sheet", "row"] }
      ),
      { nil: undefined }
    ),
  })
  .map(({ primary, junior, ...rest }): SchoolRecord => {
    const record = { ...rest, stages: {} } as SchoolRecord;
    for (const key of ["county", "code", "owner", "ownerLabel", "source"] as const)
      if (record[key] === undefined) delete record[key];
    if (primary) record.stages.primary = primary;
    if (junior) record.stages.junior = junior;
    return record;
  });

/** The optional figures as the audit copied them onto each part before they were read lazily. */
function copied(record: SchoolRecord, stage: "primary" | "junior") {
  const out: Record<string, unknown> = {};
  if (record.code) out.code = record.code;
  if (record.owner) out.owner = record.owner;
  if (record.ownerLabel) out.ownerLabel = record.ownerLabel;
  const figures = record.stages[stage];
  if (isCount(figures?.grades)) out.grades = figures.grades;
  if (isCount(figures?.classes)) out.classes = figures.classes;
  if (record.source) {
    const cell = record.source.cells?.name;
    const source: SourceCell = { sheet: record.source.sheet, row: record.source.row };
    if (cell) source.cell = cell;
    out.source = source;
  }
  return out;
}

const OPTIONAL = ["code", "owner", "ownerLabel", "grades", "classes", "source"] as const;

describe("a part's figures, read from the store and its record", () => {
  it("read as the copies did: name, county, kind, stage and pupils, in the part and its JSON", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), (records) => {
        const result = audit(records);
        for (const part of result.schools) {
          const r = records[part.recordIndex];
          const want = {
            recordIndex: part.recordIndex,
            name: r.name,
            county: (r.county ?? "").trim(),
            kind: r.kind,
            stage: part.stage,
            students: r.stages[part.stage]!.pupils,
          };
          const { recordIndex, name, county, kind, stage, students } = part;
          expect({ recordIndex, name, county, kind, stage, students }).toEqual(want);
          const json = JSON.parse(JSON.stringify(part)) as Record<string, unknown>;
          expect(Object.entries(json).slice(0, 6)).toEqual(Object.entries(want));
          expect([json.met, json.pass]).toEqual([part.met, part.pass]);
        }
      }),
      { numRuns: 200 }
    );
  });

  it("say pass null and met 0 under a standard without a school rule", () => {
    const records: SchoolRecord[] = [
      { name: "甲", kind: "primary", stages: { primary: { pupils: 300 } } },
    ];
    const [part] = audit(records, { standard: "2012" }).schools;
    expect([part.met, part.pass]).toEqual([0, null]);
    const [judged] = audit(records).schools;
    expect(judged.pass).toBe(false);
  });

  it("give the optional ones as the copies did, in the part and its JSON (same keys, same order)", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), (records) => {
        const result = audit(records);
        for (const part of result.schools) {
          const want = copied(records[part.recordIndex], part.stage);
          const got: Record<string, unknown> = {};
          for (const key of OPTIONAL) if (part[key] !== undefined) got[key] = part[key];
          expect(got).toEqual(want);
          const json = JSON.parse(JSON.stringify(part)) as Record<string, unknown>;
          expect(Object.keys(json).slice(11)).toEqual(Object.keys(want));
          for (const key of OPTIONAL) expect(json[key]).toEqual(want[key]);
        }
      }),
      { numRuns: 200 }
    );
  });

  it("gives a through-train school's parts each their own stage's grades and classes", () => {
    const result = audit([
      {
        name: "实验学校",
        kind: "nineYear",
        stages: {
          primary: { pupils: 600, grades: 6, classes: 14 },
          junior: { pupils: 300, grades: 3, classes: 7 },
        },
        source: { sheet: "学校", row: 5, cells: { name: "B5" } },
      },
    ]);
    const [primary, junior] = result.schools;
    expect([primary.grades, primary.classes, junior.grades, junior.classes]).toEqual([6, 14, 3, 7]);
    expect(junior.source).toEqual({ sheet: "学校", row: 5, cell: "B5" });
  });
});
