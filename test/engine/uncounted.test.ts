import fc from "fast-check";
import { resolveSettings, type SchoolRecord } from "../../src/engine";
import { FIELD_DEFS } from "../../src/engine/catalogue/fields";
import { fieldPath, fieldValueAt } from "../../src/engine/catalogue/fieldPaths";
import { findSetting } from "../../src/engine/catalogue/settings";
import { settingValue } from "../../src/engine/catalogue/settingValues";
import { uncountedFieldNotes } from "../../src/engine/uncounted";
import { STAGES } from "../../src/engine/types";

/**
 * uncountedFieldNotes reads each record's teachers and facilities once for every watched field;
 * here each field's paths are read one by one with fieldValueAt, as it did before, and the notes
 * (which record is named, at which path, how many schools) must be the same.
 */

function reference(records: readonly SchoolRecord[], settings: ReturnType<typeof resolveSettings>) {
  const found: { id: string; name: string; path: string; count: number }[] = [];
  for (const field of FIELD_DEFS) {
    const setting = field.countedWhen ? findSetting(field.countedWhen) : undefined;
    if (!setting || settingValue(settings, setting) === true) continue;
    const staged = [...STAGES, "whole" as const].map((s) => fieldPath(field.id, s));
    const paths = staged[0] === field.id ? [field.id] : staged;
    let first: { name: string; path: string } | undefined;
    let count = 0;
    for (const record of records) {
      const path = paths.find((p) => fieldValueAt(record, p) !== undefined);
      if (path === undefined) continue;
      first ??= { name: record.name, path };
      count++;
    }
    if (first) found.push({ id: field.id, ...first, count });
  }
  return found;
}

const figure = fc.constantFrom(undefined, 0, 3, null, "x");
const teachers = fc.record(
  { rotatingPeArts: figure, arts: figure, pe: figure },
  { requiredKeys: [] }
);
const record = fc
  .record({
    primary: fc.option(
      fc.record({ pupils: fc.constant(80), teachers: fc.option(teachers, { nil: undefined }) }),
      { nil: undefined }
    ),
    junior: fc.option(
      fc.record({ pupils: fc.constant(80), teachers: fc.option(teachers, { nil: undefined }) }),
      { nil: undefined }
    ),
    whole: fc.option(teachers, { nil: undefined }),
    facilities: fc.option(
      fc.record({ extraSportsArea: figure, sportsArea: figure }, { requiredKeys: [] }),
      { nil: undefined }
    ),
  })
  .map(({ primary, junior, whole, facilities }): SchoolRecord => {
    const stages: SchoolRecord["stages"] = {};
    if (primary) stages.primary = primary as never;
    if (junior) stages.junior = junior as never;
    return {
      name: "校",
      kind: "nineYear",
      stages,
      ...(whole ? { wholeSchoolTeachers: whole as never } : {}),
      ...(facilities ? { facilities: facilities as never } : {}),
    };
  });

/** A source whose every watched path's cell is named after the path, on a sheet named after the school. */
const PATHS = [
  ...["primary", "junior", "whole"].flatMap((s) => [
    `teachers.${s}.rotatingPeArts`,
    `teachers.${s}.arts`,
  ]),
  "facilities.extraSportsArea",
];
const sourceOf = (i: number) => ({
  sheet: `表校${i}`,
  row: i + 2,
  cells: Object.fromEntries(PATHS.map((p) => [p, p])),
});

describe("uncountedFieldNotes", () => {
  it("names the first school and counts the schools as reading every path one by one does", () => {
    fc.assert(
      fc.property(
        fc
          .array(record, { maxLength: 12 })
          .map((rs) => rs.map((r, i) => ({ ...r, name: `校${i}`, source: sourceOf(i) }))),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (records, arts, rotating, leased) => {
          const settings = resolveSettings({
            includeArtsColumn: arts,
            relaxations: { smallSchoolPeArtsTeachers: rotating, cityExtraSportsArea: leased },
          });
          const notes = uncountedFieldNotes(records, settings);
          const want = reference(records, settings);
          expect(notes).toHaveLength(want.length);
          notes.forEach((note, i) => {
            expect(note.message).toContain(`（${want[i].count}所学校填写）`);
            // The school named first, at the first of its paths holding the figure.
            expect([note.sheet, note.cell]).toEqual([`表${want[i].name}`, want[i].path]);
          });
        }
      ),
      { numRuns: 300 }
    );
  });
});
