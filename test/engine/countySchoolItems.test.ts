/**
 * G6, G9, G12 and Q4 from the school sheets when their columns are present: the school sheets win
 * over the form (数据诊断 says so), boundaries at the line, and an item with neither source is
 * 未核查 with a note naming the form rows and the columns to add.
 */
import { audit, type CountyItemResult, type SchoolRecord } from "../../src/engine";
import { schoolItemFigures } from "../../src/engine/county/schoolFigures";
import { passingCounty, passingForm } from "./countyFixtures";
import { schoolAt } from "./fixtures";

type Change = Parameters<typeof passingForm>[0];

function run(records: SchoolRecord[], changes: Change = {}, settings = {}) {
  const result = audit(records, settings, { countyForms: [passingForm(changes)] });
  const items = result.counties[0].items;
  return {
    result,
    item: (id: string): CountyItemResult => items.find((i) => i.id === id)!,
  };
}

/** A village school (one stage) under 100 pupils, with its 核定公用经费. */
function village(
  name: string,
  pupils: number,
  funds?: number,
  stage: "primary" | "junior" = "primary"
) {
  const s = schoolAt(name, stage, pupils);
  if (funds !== undefined) s.facilities = { ...s.facilities, approvedPublicFunds: funds };
  return s;
}

describe("G6 from the school sheets (核定公用经费 of schools under 100 pupils)", () => {
  // G2-1 is 650 元 (小学), G2-2 850 元 (初中) in the passing form.
  it("a school of 99 pupils funded as 100 (65000 元) meets it; 64999 元 does not", () => {
    const ok = run([...passingCounty(), village("甲村小", 99, 65000)]).item("G6");
    expect(ok).toMatchObject({
      status: "pass",
      source: "schools",
      figures: { "G6-1": 1, "G6-2": 1 },
    });
    const short = run([...passingCounty(), village("甲村小", 99, 64999)]).item("G6");
    expect(short).toMatchObject({ status: "fail", source: "schools", value: 0 });
    expect(short.notes.join()).toContain("「甲村小」99人，核定64999元，应不低于65000元");
  });

  it("a school of exactly 100 pupils is not a small school; a junior school uses 初中's 定额", () => {
    const at100 = run([...passingCounty(), village("乙村小", 100, 1)]).item("G6");
    expect(at100).toMatchObject({ status: "pass", figures: { "G6-1": 0, "G6-2": 0 } });
    const junior = run([...passingCounty(), village("丙中", 50, 84999, "junior")]).item("G6");
    expect(junior.status).toBe("fail");
    expect(run([...passingCounty(), village("丙中", 50, 85000, "junior")]).item("G6").status).toBe(
      "pass"
    );
  });

  it("the column present but a small school's cell blank: 未核查 naming the school", () => {
    const g6 = run([...passingCounty(), village("甲村小", 60, 65000), village("丁村小", 40)]).item(
      "G6"
    );
    expect(g6).toMatchObject({ status: "unchecked", source: null });
    expect(g6.notes.join()).toContain("「丁村小」");
  });

  it("without the form's 定额 (G2-1) the school sheets cannot judge: 未核查, G2-1 to fill", () => {
    const g6 = run([...passingCounty(), village("甲村小", 60, 65000)], { "G2-1": null }).item("G6");
    expect(g6).toMatchObject({ status: "unchecked", missing: ["G2-1"] });
  });
});

describe("G9 and G12 from per-school teacher counts", () => {
  const withTraining = (due: number, done: number) =>
    passingCounty().map((s, i) => {
      const stage = Object.values(s.stages)[0]!;
      stage.teachers = {
        ...stage.teachers,
        trainingDue: 50,
        trainingDone: i === 0 ? done : 50,
      };
      if (i === 0) stage.teachers.trainingDue = due;
      return s;
    });

  it("G9: every school's due teachers trained is 100% (exactly meets); one short fails", () => {
    const ok = run(withTraining(40, 40), { "G9-1": 100, "G9-2": 90 });
    expect(ok.item("G9")).toMatchObject({
      status: "pass",
      source: "schools",
      value: 1,
      figures: { "G9-1": 190, "G9-2": 190 },
    });
    const short = run(withTraining(40, 39)).item("G9");
    expect(short).toMatchObject({ status: "fail", source: "schools" });
    expect(short.value).toBeCloseTo(189 / 190);
    expect(short.notes.join()).toContain("「一小」39/40");
  });

  it("both sources: the school sheets win and 数据诊断 says the form's rows were not used", () => {
    const { result, item } = run(withTraining(40, 40), { "G9-1": 100, "G9-2": 90 });
    expect(item("G9").status).toBe("pass"); // the form alone (90 of 100) would fail
    const line = result.diagnostics.find((d) => d.code === "engine.county-item-from-schools");
    expect(line).toMatchObject({ level: "info", sheet: "县域指标" });
    expect(line!.message).toContain("G9");
    expect(line!.message).toContain("G9-1、G9-2");
    expect(line!.message).toContain("学校表优先");
  });

  it("G12: 持证上岗 against 专任教师数 per school; a school without the count is 未核查", () => {
    const records = passingCounty().map((s) => {
      const stage = Object.values(s.stages)[0]!;
      stage.teachers = { ...stage.teachers, fullTime: 60, certified: 60 };
      return s;
    });
    expect(run(records).item("G12")).toMatchObject({
      status: "pass",
      source: "schools",
      figures: { "G12-1": 240, "G12-2": 240 },
    });
    Object.values(records[1].stages)[0]!.teachers!.certified = 59;
    expect(run(records).item("G12").status).toBe("fail");
    delete Object.values(records[2].stages)[0]!.teachers!.fullTime;
    const open = run(records).item("G12");
    expect(open.status).toBe("unchecked");
    expect(open.notes.join()).toContain("「一中」");
  });

  it("teachers given for a whole through-train school count with its stages", () => {
    const nine: SchoolRecord = {
      name: "九年制",
      kind: "nineYear",
      stages: { primary: { pupils: 300 }, junior: { pupils: 200 } },
      wholeSchoolTeachers: { trainingDue: 30, trainingDone: 30 },
    };
    const f = schoolItemFigures("G9", [nine], {});
    expect(f).toEqual({ kind: "figures", figures: { "G9-1": 30, "G9-2": 30 }, notes: [] });
  });
});

describe("Q4 from 教师培训经费 and 年度公用经费预算", () => {
  const funded = (training: number) =>
    passingCounty().map((s, i) => {
      s.facilities = {
        ...s.facilities,
        publicFundsBudget: 1_000_000,
        trainingFunds: i === 0 ? training : 60_000,
      };
      return s;
    });

  it("exactly 5% meets; just under fails, naming the school", () => {
    expect(run(funded(50_000)).item("Q4")).toMatchObject({
      status: "pass",
      source: "schools",
      figures: { "Q4-1": 4, "Q4-2": 4 },
    });
    const short = run(funded(49_999)).item("Q4");
    expect(short).toMatchObject({ status: "fail", figures: { "Q4-1": 4, "Q4-2": 3 } });
    expect(short.notes.join()).toContain("「一小」49999元／1000000元");
  });

  it("one column without the other: 未核查 with the columns to complete", () => {
    const records = passingCounty();
    records[0].facilities = { ...records[0].facilities, trainingFunds: 60_000 };
    const q4 = run(records).item("Q4");
    expect(q4.status).toBe("unchecked");
    expect(q4.notes.join()).toContain("教师培训经费、年度公用经费预算");
  });
});

describe("neither the school columns nor the form rows", () => {
  it.each([
    ["G6", ["G6-1", "G6-2"], "核定公用经费"],
    ["G9", ["G9-1", "G9-2"], "应完成5年360学时培训教师数"],
    ["G12", ["G12-1", "G12-2"], "持证上岗教师数"],
    ["Q4", ["Q4-1", "Q4-2"], "教师培训经费"],
  ])("%s is 未核查, naming the form rows %j and the column 「%s」", (id, codes, column) => {
    const blank = Object.fromEntries(codes.map((c) => [c, null]));
    const it = run(passingCounty(), blank).item(id);
    expect(it.status).toBe("unchecked");
    expect(it.missing).toEqual(expect.arrayContaining(codes));
    const notes = it.notes.join("；");
    for (const c of codes) expect(notes).toContain(c);
    expect(notes).toContain(column);
  });

  it("without school columns the form decides as before (source form)", () => {
    expect(run(passingCounty()).item("Q4")).toMatchObject({ status: "pass", source: "form" });
  });
});
