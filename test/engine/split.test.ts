import {
  audit,
  splitNineYear,
  splitNineYearWhole,
  stageShare,
  type SchoolRecord,
} from "../../src/engine";

describe("through-train split (一贯制, 完全中学)", () => {
  it("splits 23226 books over 166 primary and 210 junior pupils into 9711 and 13515", () => {
    // 23226 / (166 + 1.1 × 210) = 58.5 books per weighted pupil.
    expect(23226 / (166 + 1.1 * 210)).toBeCloseTo(58.5, 1);
    expect(splitNineYearWhole(23226, 166, 210)).toEqual([9711, 13515]);
    // The exact shares, which the indicator values use, differ from the whole units by under one book.
    const [primary, junior] = splitNineYear(23226, 166, 210);
    expect(primary).toBeCloseTo((23226 * 166) / 397, 9);
    expect(primary + junior).toBeCloseTo(23226, 9);
    expect(Math.abs(primary - 9711)).toBeLessThan(1);
    expect(Math.abs(junior - 13515)).toBeLessThan(1);
  });

  const nineYear: SchoolRecord = {
    name: "九年一贯制学校",
    kind: "nineYear",
    stages: {
      primary: { pupils: 166, teachers: { aboveDegree: 10, backbone: 2, peArts: 2 } },
      junior: { pupils: 210, teachers: { aboveDegree: 12, backbone: 3, peArts: 2 } },
    },
    facilities: {
      books: 23226,
      teachingArea: 3970,
      sportsArea: 5000,
      equipmentValue: 1_000_000,
      multimediaRooms: 12,
    },
  };

  it("gives each part its share of the shared facilities and its own teachers", () => {
    const result = audit([nineYear]);
    const [p, j] = result.schools;
    expect(p.stage).toBe("primary");
    expect(j.stage).toBe("junior");
    expect(p.name).toBe(j.name);
    // 3970 m² over 166 + 231 = 397 weighted pupils: 10 m² per weighted pupil.
    expect(p.details.L4.numerator).toBeCloseTo(1660, 9);
    expect(j.details.L4.numerator).toBeCloseTo(2310, 9);
    expect(p.values.L4).toBeCloseTo(10, 9);
    expect(j.values.L4).toBeCloseTo(11, 9);
    expect(p.values.L1).toBeCloseTo(1000 / 166, 12);
    expect(j.values.L2).toBeCloseTo(300 / 210, 12);
  });

  it("splits books the same way under the 2012 standard", () => {
    const result = audit([nineYear], { standard: "2012" });
    expect(result.schools[0].details.B5.numerator).toBeCloseTo((23226 * 166) / 397, 9);
    expect(result.schools[1].details.B5.numerator).toBeCloseTo((23226 * 231) / 397, 9);
    expect(result.schools[0].values.B5).toBeCloseTo(23226 / 397, 9); // 58.5 books per weighted pupil
  });

  it("gives a 完全中学's junior part J / (J + 1.2S) and a 十二年一贯制 1 : 1.1 : 1.32", () => {
    const complete: SchoolRecord = {
      name: "完中",
      kind: "completeMiddle",
      seniorPupils: 500,
      stages: { junior: { pupils: 600 } },
    };
    expect(stageShare(complete, "junior")).toBeCloseTo(600 / (600 + 1.2 * 500), 12);
    const twelve: SchoolRecord = {
      name: "十二年",
      kind: "twelveYear",
      seniorPupils: 100,
      stages: { primary: { pupils: 300 }, junior: { pupils: 200 } },
    };
    const total = 300 + 1.1 * 200 + 1.32 * 100;
    expect(stageShare(twelve, "primary")).toBeCloseTo(300 / total, 12);
    expect(stageShare(twelve, "junior")).toBeCloseTo(220 / total, 12);
  });

  it("splits whole-school teachers by the same shares and flags the result as an estimate", () => {
    const record: SchoolRecord = {
      name: "只有全校教师数",
      kind: "nineYear",
      stages: { primary: { pupils: 166 }, junior: { pupils: 210 } },
      wholeSchoolTeachers: { backbone: 397 },
      facilities: {},
    };
    const [p, j] = audit([record]).schools;
    expect(p.details.L2.numerator).toBeCloseTo(166, 9);
    expect(j.details.L2.numerator).toBeCloseTo(231, 9);
    expect(p.details.L2.estimate).toBe(true);
    expect(p.details.L2.notes.join()).toContain("估算");
  });

  it("asks the whole school for enough facility that the part's share meets the threshold", () => {
    // Primary share 166/397 of 9 rooms = 3.763 rooms; 2.3 per 100 pupils needs 3.818: one more room for the school.
    const record: SchoolRecord = {
      ...nineYear,
      facilities: { ...nineYear.facilities, multimediaRooms: 9 },
    };
    const p = audit([record]).schools[0];
    const l7 = p.shortfalls.find((s) => s.indicator === "L7")!;
    expect(l7).toMatchObject({ addition: 1, additionScope: "school" });
    expect(l7.advice).toContain("需全校增加1间网络多媒体教室");
    const fixed = audit([{ ...record, facilities: { ...record.facilities, multimediaRooms: 10 } }])
      .schools[0];
    expect(fixed.details.L7.met).toBe(true);
  });
});

describe("a 完全中学 row with whole-school teachers", () => {
  it("gives the junior part its weighted share of them, as an estimate", () => {
    const record: SchoolRecord = {
      name: "第一完全中学",
      kind: "completeMiddle",
      seniorPupils: 500,
      stages: { junior: { pupils: 600, teachers: { aboveDegree: 40 } } },
      wholeSchoolTeachers: { backbone: 10 },
      facilities: {},
    };
    const junior = audit([record]).schools[0];
    // Junior share 600 / (600 + 1.2 × 500) = 0.5.
    expect(junior.details.L2.numerator).toBeCloseTo(5, 12);
    expect(junior.details.L2.estimate).toBe(true);
    expect(junior.details.L1.numerator).toBe(40);
    expect(junior.details.L1.estimate).toBe(false);
  });
});
