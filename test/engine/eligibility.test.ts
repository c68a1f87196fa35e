import { audit, type SchoolRecord } from "../../src/engine";
import { schoolAt } from "./fixtures";

describe("which schools count", () => {
  const counted = schoolAt("中心小学", "primary", 800, 1.5);

  it("leaves out special-education and vocational schools, with reasons", () => {
    const special: SchoolRecord = { ...schoolAt("培智学校", "primary", 120, 2), kind: "special" };
    const vocational: SchoolRecord = {
      ...schoolAt("职业中学", "junior", 900, 2),
      kind: "vocational",
    };
    const result = audit([counted, special, vocational]);
    expect(result.schools.map((s) => s.name)).toEqual(["中心小学"]);
    expect(result.excluded.map((e) => [e.name, e.recordIndex])).toEqual([
      ["培智学校", 1],
      ["职业中学", 2],
    ]);
    expect(result.excluded[0].reason).toContain("特殊教育");
    expect(result.excluded[1].reason).toContain("职业学校");
  });

  it("counts teaching points from 50 pupils and leaves out smaller ones", () => {
    const point = (pupils: number): SchoolRecord => ({
      ...schoolAt(`教学点${pupils}`, "primary", pupils, 2),
      kind: "teachingPoint",
    });
    const result = audit([counted, point(49), point(50)]);
    expect(result.schools.map((s) => s.name)).toEqual(["中心小学", "教学点50"]);
    expect(result.excluded).toHaveLength(1);
    expect(result.excluded[0].reason).toContain("49人");
    const unknown = point(60);
    unknown.stages.primary!.pupils = undefined;
    const missing = audit([counted, unknown]);
    expect(missing.excluded[0].reason).toContain("在校生数缺失");
  });

  it("includes private schools by default and leaves them out when the setting says so", () => {
    const privateSchool = schoolAt("民办实验学校", "primary", 1595, 1.2, { owner: "private" });
    expect(audit([counted, privateSchool]).schools).toHaveLength(2);
    const result = audit([counted, privateSchool], { excludePrivate: true });
    expect(result.schools.map((s) => s.name)).toEqual(["中心小学"]);
    expect(result.excluded[0].reason).toContain("民办");
  });
});

describe("bad records never crash the audit nor poison a CV", () => {
  const good = [schoolAt("甲", "primary", 600, 1.2), schoolAt("乙", "primary", 900, 1.6)];
  const cvOf = (records: SchoolRecord[]) => audit(records).stages!.primary.indicators.L4.cv;

  it.each([
    ["missing", undefined],
    ["zero", 0],
    ["negative", -30],
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["text", "一千二" as unknown as number],
  ])("leaves out a part whose pupils are %s, naming the cell", (_label, pupils) => {
    const bad = schoolAt("坏数据小学", "primary", 500, 1, {
      source: { sheet: "小学", row: 9, cells: { name: "B9", "pupils.primary": "D9" } },
    });
    bad.stages.primary!.pupils = pupils;
    const result = audit([...good, bad]);
    expect(result.schools).toHaveLength(2);
    expect(result.excluded).toHaveLength(1);
    const diagnostic = result.diagnostics.find((d) => d.code === "engine.pupils-invalid")!;
    expect(diagnostic).toMatchObject({ sheet: "小学", cell: "D9", level: "warning" });
    expect(diagnostic.message).toContain("坏数据小学");
    expect(cvOf([...good, bad])).toBe(cvOf(good));
  });

  it.each([
    ["negative", -5],
    ["NaN", NaN],
    ["Infinity", Infinity],
  ])("leaves a %s count out of its indicator only", (_label, area) => {
    const bad = schoolAt("丙", "primary", 700, 1.4, {
      source: { sheet: "小学", row: 4, cells: { "facilities.teachingArea": "H4" } },
    });
    bad.facilities!.teachingArea = area;
    const result = audit([...good, bad]);
    const part = result.schools[2];
    expect(part.values.L4).toBeNull();
    expect(part.values.L5).not.toBeNull();
    expect(part.pass).toBe(false); // cannot be shown to meet L4
    expect(result.stages!.primary.indicators.L4.schools).toBe(2);
    expect(cvOf([...good, bad])).toBe(cvOf(good));
    expect(result.diagnostics.find((d) => d.code === "engine.count-invalid")).toMatchObject({
      cell: "H4",
    });
  });

  it("says a stage has no schools instead of printing NaN", () => {
    const result = audit(good);
    const junior = result.stages!.junior;
    expect(junior.schools).toBe(0);
    expect(junior.pass).toBeNull();
    expect(junior.compositeCv).toBeNull();
    expect(junior.note).toContain("没有");
    expect(JSON.stringify(result)).not.toContain("NaN");
    expect(result.pass).toBe(true);
  });

  it("reports an error and no pass when nothing can be audited", () => {
    const result = audit([]);
    expect(result.pass).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toContain("engine.no-schools");
    expect(result.counties).toHaveLength(1);
  });

  it("refuses an unknown standard with a Chinese message", () => {
    expect(() => audit(good, { standard: "2099" })).toThrow(/未知的评估标准/);
  });
});

describe("missing figures", () => {
  const withoutRooms = (name: string, pupils: number) => {
    const record = schoolAt(name, "primary", pupils, 1.3, {
      source: { sheet: "小学", row: 5, cells: { name: "B5" } },
    });
    delete record.facilities!.multimediaRooms;
    return record;
  };

  it("says once when no part of a stage has an indicator (the sheet lacks the column)", () => {
    const result = audit([
      withoutRooms("甲", 600),
      withoutRooms("乙", 700),
      schoolAt("一中", "junior", 800, 1.2),
    ]);
    const everywhere = result.diagnostics.filter(
      (d) => d.code === "engine.indicator-missing-everywhere"
    );
    expect(everywhere).toHaveLength(1);
    expect(everywhere[0].message).toContain("所有小学学校（部）都缺少计算L7");
    expect(everywhere[0].sheet).toBe("小学");
    expect(result.diagnostics.filter((d) => d.code === "engine.indicator-missing")).toEqual([]);
    expect(result.stages!.primary.indicators.L7.cv).toBeNull();
    expect(result.schools[0].pass).toBe(false); // 6 of 7 met, the seventh unproven
  });

  it("names each part when only some lack it", () => {
    const result = audit([withoutRooms("甲", 600), schoolAt("乙", "primary", 700, 1.3)]);
    const perPart = result.diagnostics.filter((d) => d.code === "engine.indicator-missing");
    expect(perPart).toHaveLength(1);
    expect(perPart[0]).toMatchObject({ sheet: "小学", cell: "B5" });
    expect(perPart[0].message).toContain("「甲」小学缺少计算L7");
    expect(result.diagnostics.some((d) => d.code === "engine.indicator-missing-everywhere")).toBe(
      false
    );
  });
});
