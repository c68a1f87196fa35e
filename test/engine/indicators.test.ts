import { audit, STANDARD_2017, type SchoolRecord } from "../../src/engine";
import { schoolAt } from "./fixtures";

function onlyPart(records: SchoolRecord[]) {
  const result = audit(records);
  expect(result.schools).toHaveLength(1);
  return result.schools[0];
}

describe("indicator values and thresholds (2017)", () => {
  it("9 teachers for 1000 pupils is exactly 0.9 and meets L3", () => {
    const record = schoolAt("一小", "primary", 1000, 2);
    record.stages.primary!.teachers!.peArts = 9;
    const part = onlyPart([record]);
    expect(part.values.L3).toBe(0.9);
    expect(part.details.L3.met).toBe(true);
    expect(part.met).toBe(7);
    expect(part.pass).toBe(true);
  });

  it("meets every threshold when each value sits exactly on it", () => {
    for (const stage of ["primary", "junior"] as const) {
      const part = onlyPart([schoolAt("x", stage, 1200, 1)]);
      for (const spec of STANDARD_2017.indicators) {
        expect(part.values[spec.id]).toBeCloseTo(spec.thresholds![stage], 9);
        expect(part.details[spec.id].met).toBe(true);
      }
      expect(part.pass).toBe(true);
      expect(part.shortfalls).toEqual([]);
    }
  });

  it("misses a threshold one teacher below it", () => {
    const record = schoolAt("二小", "primary", 1000, 2);
    record.stages.primary!.teachers!.backbone = 9; // 0.9 < 1.0, but ≥ 0.85
    const part = onlyPart([record]);
    expect(part.details.L2).toMatchObject({ met: false, reachesFloor: true });
    expect(part.met).toBe(6);
    expect(part.pass).toBe(true); // 6 of 7, the seventh at ≥ 85%
    expect(part.shortfalls).toHaveLength(1);
    expect(part.shortfalls[0]).toMatchObject({
      indicator: "L2",
      addition: 1,
      belowFloor: false,
      additionScope: "part",
    });
    expect(part.shortfalls[0].advice).toBe("需增加1名县级及以上骨干教师");
  });

  it("treats a value exactly at 85% of the threshold as reaching the floor", () => {
    // L5 primary: 7.5 × 0.85 = 6.375 m² per pupil; 1000 pupils → 6375 m².
    const record = schoolAt("三小", "primary", 1000, 2);
    record.facilities!.sportsArea = 6375;
    const part = onlyPart([record]);
    expect(part.details.L5).toMatchObject({ met: false, reachesFloor: true });
    expect(part.pass).toBe(true);
    record.facilities!.sportsArea = 6374.99;
    const below = onlyPart([record]);
    expect(below.details.L5).toMatchObject({ met: false, reachesFloor: false });
    expect(below.pass).toBe(false);
    expect(below.shortfalls[0]).toMatchObject({
      belowFloor: true,
      addition: 1125.01,
      additionToFloor: 0.01,
    });
  });

  it("fails with two indicators below their thresholds even when both reach 85%", () => {
    const record = schoolAt("四小", "primary", 1000, 2);
    record.stages.primary!.teachers!.backbone = 9;
    record.stages.primary!.teachers!.peArts = 8.5; // 0.85 < 0.9, at 94%
    const part = onlyPart([record]);
    expect(part.met).toBe(5);
    expect(part.pass).toBe(false);
  });

  it("sums 体育 + 音乐 + 美术 (+ 艺术 by default) for L3, and the degrees per stage for L1", () => {
    const base = schoolAt("五小", "primary", 1000, 2);
    base.stages.primary!.teachers = {
      byDegree: { associate: 10, bachelor: 30, master: 2, doctor: 0 },
      backbone: 20,
      pe: 4,
      music: 3,
      art: 2,
      arts: 1,
    };
    const primary = onlyPart([base]);
    expect(primary.values.L1).toBe(4.2); // 42 of 专科 and above
    expect(primary.values.L3).toBe(1.0);
    expect(audit([base], { includeArtsColumn: false }).schools[0].values.L3).toBe(0.9);

    const junior = schoolAt("五中", "junior", 1000, 2);
    junior.stages.junior!.teachers = {
      byDegree: { associate: 10, bachelor: 30, master: 2 },
      backbone: 20,
      peArts: 20,
    };
    expect(onlyPart([junior]).values.L1).toBe(3.2); // 本科 and above only
  });

  it("subtracts 室内体育用房 from L4 by default, and adds 体育馆 + 运动场 for L5", () => {
    const record = schoolAt("六小", "primary", 1000, 2);
    record.facilities = {
      ...record.facilities,
      teachingArea: 6000,
      indoorSportsArea: 1000,
      sportsArea: undefined,
      sportsHallArea: 1000,
      sportsGroundArea: 7000,
    };
    const part = onlyPart([record]);
    expect(part.values.L4).toBe(5);
    expect(part.values.L5).toBe(8);
    expect(part.details.L4.notes.join()).toContain("室内体育用房");
    expect(audit([record], { subtractIndoorSports: false }).schools[0].values.L4).toBe(6);
  });

  it("counts rotating PE/arts teachers only under the 2019 small-school setting and only at 50–99 pupils", () => {
    const small = schoolAt("村小", "primary", 80, 2);
    small.stages.primary!.teachers!.peArts = 0;
    small.stages.primary!.teachers!.rotatingPeArts = 1;
    expect(onlyPart([small]).values.L3).toBe(0);
    expect(
      audit([small], { relaxations: { smallSchoolPeArtsTeachers: true } }).schools[0].values.L3
    ).toBe(1.25);
    const big = schoolAt("镇小", "primary", 100, 2);
    big.stages.primary!.teachers = {
      ...big.stages.primary!.teachers,
      peArts: 0,
      rotatingPeArts: 1,
    };
    expect(
      audit([big], { relaxations: { smallSchoolPeArtsTeachers: true } }).schools[0].values.L3
    ).toBe(0);
  });

  it("uses values the sheet already holds when there are no counts (表Ⅱ-2)", () => {
    const record: SchoolRecord = {
      name: "表内小学",
      kind: "primary",
      stages: {
        primary: { pupils: 500, given: { L1: 5, L2: 1.2, L3: 1, L4: 6, L5: 9, L6: 2500, L7: 2.5 } },
      },
    };
    const part = onlyPart([record]);
    expect(part.values).toEqual({ L1: 5, L2: 1.2, L3: 1, L4: 6, L5: 9, L6: 2500, L7: 2.5 });
    expect(part.details.L1.from).toBe("given");
    expect(part.pass).toBe(true);
  });

  it("lets counts win over a held value and names the held value's cell when they differ beyond rounding", () => {
    const record = schoolAt("七小", "primary", 1000, 2, {
      source: {
        sheet: "小学",
        row: 5,
        cells: { name: "B5", "given.primary.L3": "M5", "given.primary.L1": "K5" },
      },
    });
    record.stages.primary!.teachers!.peArts = 9;
    record.stages.primary!.given = { L3: 0.009, L1: 8.404 }; // L3 forgot ×100; L1 within 2-decimal rounding of 8.4
    const result = audit([record]);
    expect(result.schools[0].values.L3).toBe(0.9);
    const mismatches = result.diagnostics.filter((d) => d.code === "engine.given-mismatch");
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toMatchObject({ sheet: "小学", cell: "M5", level: "warning" });
    expect(mismatches[0].message).toContain("漏乘100");
  });
});
