import { audit, weightedSpread, type SchoolRecord } from "../../src/engine";
import { schoolAt } from "./fixtures";

describe("stage and county verdicts (2017)", () => {
  it("computes each indicator's weighted CV over the stage's parts and checks it against 0.50 / 0.45", () => {
    // Two equal-enrolment schools at 1× and 2.8× the thresholds: CV = 1.8 / 3.8 ≈ 0.474.
    const records = [schoolAt("A", "primary", 1000, 1.0), schoolAt("B", "primary", 1000, 2.8)];
    const stage = audit(records).stages!.primary;
    const expected = weightedSpread([4.2, 4.2 * 2.8], [1000, 1000])!;
    expect(expected.cv!).toBeCloseTo(1.8 / 3.8, 12);
    expect(stage.indicators.L1.mean).toBeCloseTo(expected.mean, 12);
    expect(stage.indicators.L1.cv).toBeCloseTo(expected.cv!, 12);
    expect(stage.indicators.L1.limit).toBe(0.5);
    // Every indicator is its threshold × the same factors, so all seven CVs are equal.
    for (const id of ["L2", "L3", "L4", "L5", "L6", "L7"])
      expect(stage.indicators[id].cv).toBeCloseTo(expected.cv!, 12);
    expect(stage.compositeCv).toBeCloseTo(expected.cv!, 12);
    expect(expected.cv!).toBeGreaterThan(0.45);
    expect(expected.cv!).toBeLessThan(0.5);
    expect(stage.cvPass).toBe(true);
    expect(stage.pass).toBe(true);
    const juniorStage = audit([
      schoolAt("A", "junior", 1000, 1.0),
      schoolAt("B", "junior", 1000, 2.8),
    ]).stages!.junior;
    expect(juniorStage.indicators.L1.limit).toBe(0.45);
    expect(juniorStage.cvPass).toBe(false);
    expect(juniorStage.pass).toBe(false);
  });

  it("passes a CV exactly at its limit", () => {
    // Two equal-enrolment schools at m(1 − c) and m(1 + c) have a weighted CV of exactly c.
    const records = [schoolAt("低", "primary", 1000, 1.0), schoolAt("高", "primary", 1000, 3.0)];
    const stage = audit(records).stages!.primary;
    expect(stage.indicators.L4.cv).toBeCloseTo(0.5, 12);
    expect(stage.indicators.L4.pass).toBe(true);
  });

  it("fails a stage when one school fails the school rule, even with every CV in range", () => {
    const failing = schoolAt("差校", "primary", 1000, 1.1);
    failing.stages.primary!.teachers!.backbone = 5; // 0.5: below 85% of 1.0
    const result = audit([schoolAt("好校", "primary", 1000, 1.2), failing]);
    const stage = result.stages!.primary;
    expect(stage.cvPass).toBe(true);
    expect(stage.schoolsPassing).toBe(1);
    expect(stage.schoolsPass).toBe(false);
    expect(stage.pass).toBe(false);
    expect(result.pass).toBe(false);
    expect(stage.indicators.L2.metSchools).toBe(1);
  });

  it("audits several counties apart: CVs never mix schools of different counties", () => {
    const inCounty = (county: string, factor: number, name: string) =>
      schoolAt(name, "primary", 1000, factor, { county });
    const records = [
      inCounty("东县", 1, "东一"),
      inCounty("东县", 1.2, "东二"),
      inCounty("西县", 2, "西一"),
      inCounty("西县", 8, "西二"),
    ];
    const result = audit(records);
    expect(result.stages).toBeNull();
    expect(result.counties.map((c) => c.name)).toEqual(["东县", "西县"]);
    const east = result.counties[0].stages.primary.indicators.L4;
    const west = result.counties[1].stages.primary.indicators.L4;
    expect(east.cv).toBeCloseTo(weightedSpread([4.5, 5.4], [1000, 1000])!.cv!, 12);
    expect(west.cv).toBeCloseTo(0.6, 12); // (36 − 9) / 2 / 22.5
    expect(result.counties[0].pass).toBe(true);
    expect(result.counties[1].pass).toBe(false);
    expect(result.schools.map((s) => s.county)).toEqual(["东县", "东县", "西县", "西县"]);
    expect(result.pass).toBe(result.counties.every((c) => c.pass));
  });
});

describe("the 2012 basic-balance standard", () => {
  const record = (name: string, pupils: number, f: number): SchoolRecord => ({
    name,
    kind: "primary",
    stages: {
      primary: {
        pupils,
        teachers: {
          total: (6 * f * pupils) / 100,
          aboveDegree: (5 * f * pupils) / 100,
          seniorTitle: (3 * f * pupils) / 100,
        },
      },
    },
    facilities: {
      teachingArea: 4 * f * pupils,
      sportsArea: 8 * f * pupils,
      equipmentValue: 1500 * f * pupils,
      computers: (10 * f * pupils) / 100,
      books: 25 * f * pupils,
    },
  });

  it("judges the composite of eight CVs against 0.65, with no school thresholds", () => {
    const result = audit([record("甲", 500, 1), record("乙", 500, 2)], { standard: "2012" });
    const stage = result.stages!.primary;
    expect(Object.keys(stage.indicators)).toHaveLength(8);
    expect(stage.compositeCv).toBeCloseTo(1 / 3, 12);
    expect(stage.compositeLimit).toBe(0.65);
    expect(stage.indicators.B1.limit).toBeNull();
    expect(stage.cvPass).toBe(true);
    expect(result.schools[0].pass).toBeNull();
    expect(result.schools[0].shortfalls).toEqual([]);
    expect(result.standard.id).toBe("2012");
    const spread = audit([record("甲", 500, 1), record("乙", 500, 10)], { standard: "2012" })
      .stages!.primary;
    expect(spread.compositeCv).toBeCloseTo(9 / 11, 12);
    expect(spread.cvPass).toBe(false);
  });
});

describe("government-guarantee checks (G3, G4, G5)", () => {
  it("checks school size against 2000 (single stage) and 2500 (一贯制)", () => {
    const big = schoolAt("大校", "primary", 2001, 1.2);
    const ok = schoolAt("满额", "primary", 2000, 1.2);
    const result = audit([big, ok]);
    const g4 = result.guarantees.filter((g) => g.id === "G4");
    expect(g4.map((g) => [g.school, g.pass, g.limit])).toEqual([
      ["大校", false, 2000],
      ["满额", true, 2000],
    ]);
    expect(result.counties[0].guaranteePass).toBe(false);
    expect(result.counties[0].guaranteesFailed).toBe(1);
    expect(result.pass).toBe(false);
    const relaxed = audit([big], { relaxations: { olderLargeSchools: true } });
    expect(relaxed.guarantees.find((g) => g.id === "G4")!.limit).toBe(2400);
    const through: SchoolRecord = { ...schoolAt("一贯制", "primary", 1500, 1.2), kind: "nineYear" };
    through.stages.junior = { ...through.stages.primary!, pupils: 1000 };
    expect(audit([through]).guarantees.find((g) => g.id === "G4")).toMatchObject({
      value: 2500,
      limit: 2500,
      pass: true,
    });
  });

  it("checks the largest class (45 / 50) or the classes in bands above it", () => {
    const primary = schoolAt("甲小", "primary", 900, 1.2);
    primary.stages.primary!.largestClass = 45;
    const junior = schoolAt("甲中", "junior", 900, 1.2);
    junior.stages.junior!.classSizeBands = [
      { min: 46, max: 50, count: 3 },
      { min: 51, max: 55, count: 1 },
    ];
    const checks = audit([primary, junior]).guarantees.filter((g) => g.id === "G5");
    expect(checks.map((g) => [g.school, g.pass, g.value])).toEqual([
      ["甲小", true, 45],
      ["甲中", false, 1],
    ]);
  });

  it("needs ceil(classes / 12) music and art rooms of 96 / 90 m² each", () => {
    const record = schoolAt("乙小", "primary", 1000, 1.2);
    record.stages.primary!.classes = 25; // 3 rooms each
    record.facilities = {
      ...record.facilities,
      musicRooms: 3,
      musicRoomArea: 288,
      artRooms: 2,
      artRoomArea: 200,
    };
    const g3 = audit([record]).guarantees.filter((g) => g.id === "G3");
    expect(g3.map((g) => [g.name, g.pass, g.limit])).toEqual([
      ["音乐专用教室", true, 3],
      ["美术专用教室", false, 3],
    ]);
    record.facilities.musicRoomArea = 287;
    expect(audit([record]).guarantees[0]).toMatchObject({ pass: false });
    expect(audit([record], { relaxations: { olderRoomAreas: true } }).guarantees[0]).toMatchObject({
      pass: true,
    });
  });
});
