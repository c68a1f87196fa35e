import fc from "fast-check";
import {
  audit,
  findStandard,
  resolveSettings,
  stageShare,
  STAGES,
  type Diagnostic,
  type SchoolRecord,
  type SettingsInput,
  type Stage,
} from "../../src/engine";
import {
  evaluateIndicator,
  missingFigureDiagnostics,
  type MissingFigure,
} from "../../src/engine/indicators";
import { schoolPasses, shortfallOf } from "../../src/engine/verdicts";

/**
 * The engine's lean path (measures compiled once per audit, details and shortfalls built on
 * demand from a compact store) against the straightforward one: each indicator of each part
 * evaluated on its own by evaluateIndicator, its shortfall by shortfallOf, the school rule by
 * schoolPasses, as the engine did before. Random counties cover through-train splits, whole-school
 * teachers, every alternative wording of a measure, the settings' extras, values the sheet already
 * holds (equal, different, unusable), and missing, negative and unusable figures.
 */

// A figure as sheets give it: mostly a count, sometimes blank, null, negative, fractional or text.
const figure = (max: number) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max }) },
    { weight: 2, arbitrary: fc.double({ min: 0, max, noNaN: true }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.integer({ min: -50, max: -1 }) },
    { weight: 1, arbitrary: fc.constantFrom(Number.NaN, "12", Infinity) }
  );
/** An object with a random subset of these fields. */
const some = <T extends string>(fields: readonly T[], max: number) =>
  fc.record(
    Object.fromEntries(fields.map((f) => [f, figure(max)])) as Record<T, fc.Arbitrary<unknown>>,
    {
      requiredKeys: [],
    }
  );

const teacherFields = [
  "aboveDegree",
  "backbone",
  "peArts",
  "pe",
  "music",
  "art",
  "arts",
  "artsTotal",
  "rotatingPeArts",
  "seniorTitle",
  "total",
  "fullTime",
] as const;
const teachers = fc.record(
  {
    ...Object.fromEntries(teacherFields.map((f) => [f, figure(120)])),
    byDegree: some(["associate", "bachelor", "master", "doctor"], 80),
  },
  { requiredKeys: [] }
);
const facilities = some(
  [
    "teachingArea",
    "indoorSportsArea",
    "sportsArea",
    "sportsHallArea",
    "sportsGroundArea",
    "extraSportsArea",
    "equipmentValue",
    "multimediaRooms",
    "computers",
    "books",
  ],
  60000
);
const given = fc.dictionary(
  fc.constantFrom("L1", "L2", "L3", "L4", "L5", "L6", "L7", "B1", "B4"),
  fc.oneof(fc.double({ min: 0, max: 5000, noNaN: true }), fc.constantFrom(-1, "x", 0)),
  { maxKeys: 3 }
);
const pupils = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 2600 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -3, Number.NaN, undefined, "500") }
);
const stageFigures = fc.record(
  { pupils, teachers, given, classes: figure(60) },
  { requiredKeys: ["pupils"] }
);

const record = fc
  .record({
    name: fc.constantFrom("甲校", "乙校", "实验学校小学部", "实验学校初中部", " 丙 校 "),
    county: fc.constantFrom("东县", "西县"),
    kind: fc.constantFrom(
      "primary",
      "junior",
      "nineYear",
      "twelveYear",
      "completeMiddle",
      "teachingPoint"
    ),
    primary: fc.option(stageFigures, { nil: undefined }),
    junior: fc.option(stageFigures, { nil: undefined }),
    seniorPupils: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
    whole: fc.option(teachers, { nil: undefined }),
    facilities: fc.option(facilities, { nil: undefined }),
  })
  .map(({ primary, junior, whole, seniorPupils, facilities, ...rest }): SchoolRecord => {
    const stages: SchoolRecord["stages"] = {};
    if (primary) stages.primary = primary as SchoolRecord["stages"]["primary"];
    if (junior) stages.junior = junior as SchoolRecord["stages"]["junior"];
    return {
      ...rest,
      stages,
      ...(whole ? { wholeSchoolTeachers: whole as SchoolRecord["wholeSchoolTeachers"] } : {}),
      ...(seniorPupils !== undefined ? { seniorPupils } : {}),
      ...(facilities ? { facilities: facilities as SchoolRecord["facilities"] } : {}),
    } as SchoolRecord;
  });

const settings: fc.Arbitrary<SettingsInput> = fc.record({
  standard: fc.constantFrom("2017", "2012"),
  includeArtsColumn: fc.boolean(),
  subtractIndoorSports: fc.boolean(),
  relaxations: fc.record({
    smallSchoolPeArtsTeachers: fc.boolean(),
    cityExtraSportsArea: fc.boolean(),
  }),
});

/** What the engine said before it was made lean: every indicator evaluated on its own. */
function reference(
  records: SchoolRecord[],
  input: SettingsInput,
  parts: ReturnType<typeof audit>["schools"]
) {
  const resolved = resolveSettings(input);
  const standard = findStandard(resolved.standard)!;
  const diagnostics: Diagnostic[] = [];
  const missing: MissingFigure[] = [];
  const expected = parts.map((part) => {
    const record = records[part.recordIndex];
    const share = stageShare(record, part.stage);
    const ctx = { record, stage: part.stage, settings: resolved, share, pupils: part.students };
    const details = Object.fromEntries(
      standard.indicators.map((spec) => [
        spec.id,
        evaluateIndicator(spec, ctx, standard, diagnostics, missing),
      ])
    );
    const shortfalls = standard.schoolRule
      ? standard.indicators.flatMap(
          (spec) => shortfallOf(spec, details[spec.id], part.students, share) ?? []
        )
      : [];
    const verdict = standard.schoolRule
      ? schoolPasses(standard.schoolRule, Object.values(details))
      : { met: 0, pass: null };
    const values = Object.fromEntries(standard.indicators.map((s) => [s.id, details[s.id].value]));
    return { values, details, shortfalls, ...verdict };
  });
  const perStage = { primary: 0, junior: 0 } as Record<Stage, number>;
  for (const part of parts) perStage[part.stage]++;
  return {
    expected,
    diagnostics: [...diagnostics, ...missingFigureDiagnostics(missing, perStage)],
  };
}

const INDICATOR_CODES = new Set([
  "engine.count-invalid",
  "engine.count-negative",
  "engine.given-mismatch",
  "engine.given-invalid",
  "engine.indicator-missing",
  "engine.indicator-missing-everywhere",
]);

/** Plain JSON, as `--json` writes it. */
const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("the lean engine path equals the straightforward one", () => {
  it("gives every part the same values, details, shortfalls, verdict and diagnostics", () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 14 }), settings, (records, input) => {
        const result = audit(records, input);
        const { expected, diagnostics } = reference(records, input, result.schools);
        result.schools.forEach((part, i) => {
          const want = expected[i];
          expect(part.values).toEqual(want.values);
          expect(json(part.details)).toEqual(json(want.details));
          expect(json(part.shortfalls)).toEqual(json(want.shortfalls));
          expect([part.met, part.pass]).toEqual([want.met, want.pass]);
          // The JSON of a part carries the same figures, in the documented key order.
          const written = json(part);
          expect(Object.keys(written).slice(0, 11)).toEqual([
            "recordIndex",
            "name",
            "county",
            "kind",
            "stage",
            "students",
            "values",
            "details",
            "met",
            "pass",
            "shortfalls",
          ]);
          expect(written.details).toEqual(json(want.details));
          expect(written.shortfalls).toEqual(json(want.shortfalls));
        });
        expect(result.diagnostics.filter((d) => INDICATOR_CODES.has(d.code))).toEqual(diagnostics);
        // Each county's 达标学校数 counts the parts whose detail says met.
        for (const county of result.counties)
          for (const stage of STAGES)
            for (const [id, indicator] of Object.entries(county.stages[stage].indicators)) {
              const met = result.schools.filter(
                (p) => p.county === county.name && p.stage === stage && p.details[id].met === true
              ).length;
              expect(indicator.metSchools).toBe(met);
            }
      }),
      { numRuns: 150 }
    );
  });

  it("gives the same details however often and in whatever order they are read", () => {
    const records = [0, 1, 2].map((i): SchoolRecord => ({
      name: `校${i}`,
      kind: "nineYear",
      stages: {
        primary: { pupils: 400 + i, teachers: { aboveDegree: 20, backbone: 3 } },
        junior: { pupils: 300, teachers: { aboveDegree: 12 } },
      },
      facilities: { teachingArea: 5000, sportsArea: 3000 + i },
    }));
    const [a, b] = audit(records).schools;
    const first = json(a.details);
    expect(a.details).toBe(a.details);
    expect(json(b.details)).not.toEqual(first);
    expect(json(a.details)).toEqual(first);
    // A through-train part's shared facility is split by its share, and the note names the share.
    expect(a.details.L4).toMatchObject({
      split: true,
      notes: ["共用设施按折算学生数分摊（占54.8%）"],
    });
    expect(a.shortfalls.find((s) => s.indicator === "L4")).toBeUndefined();
  });
});
