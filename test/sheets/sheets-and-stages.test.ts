import { audit } from "../../src/engine";
import { readSheets } from "../../src/sheets";
import { cellsOf, grid } from "./helpers";

describe("one sheet per stage, and a cover sheet", () => {
  const cover = grid("填表说明", [
    ["义务教育优质均衡发展资源配置填报说明"],
    ["1. 请按学校逐行填写。"],
    ["2. 金额以万元计。"],
  ]);
  const primary = grid("小学", [
    ["学校名称", "在校学生数（人）", "县级以上骨干教师", "体育运动场（馆）面积（㎡）"],
    ["东街学校", 800, 9, 6400],
    ["西街小学", 500, 5, 4000],
  ]);
  const junior = grid("初中", [
    ["学校名称", "学生数", "县级以上骨干教师", "体育运动场（馆）面积（㎡）"],
    ["东街学校", 400, 5, 5000],
    ["明德中学", 600, 7, 7000],
  ]);
  const summary = grid("汇总", [
    ["区县", "学段", "学校数", "在校生数"],
    ["某县", "小学", 2, 1300],
    ["某县", "初中", 2, 1000],
  ]);
  const result = readSheets([cover, primary, junior, summary]);

  it("reads the two stage sheets and skips the cover and the summary with the reason", () => {
    expect(result.tables.map((t) => [t.sheet, t.stage, t.records])).toEqual([
      ["小学", "primary", 2],
      ["初中", "junior", 2],
    ]);
    expect(result.skipped.map((s) => s.sheet)).toEqual(["填表说明", "汇总"]);
    expect(result.skipped[1].reason).toContain("学校名称");
    const info = result.diagnostics.filter((d) => d.code === "sheets.sheet-skipped");
    expect(info.map((d) => [d.sheet, d.level])).toEqual([
      ["填表说明", "info"],
      ["汇总", "info"],
    ]);
  });

  it("takes each row's stage from the sheet's name, also for a name without a stage word", () => {
    expect(result.records.map((r) => [r.name, Object.keys(r.stages)[0], r.kind])).toEqual([
      ["东街学校", "primary", "primary"],
      ["西街小学", "primary", "primary"],
      ["东街学校", "junior", "junior"],
      ["明德中学", "junior", "junior"],
    ]);
    expect(result.records[3].stages.junior).toEqual({ pupils: 600, teachers: { backbone: 7 } });
    expect(result.records[3].source!.cells).toEqual({
      name: "A3",
      "pupils.junior": "B3",
      "teachers.junior.backbone": "C3",
      "facilities.sportsArea": "D3",
    });
  });

  it("does not call one school's two stage parts a duplicate", () => {
    expect(cellsOf(result.diagnostics, "sheets.duplicate-school")).toEqual([]);
    expect(result.diagnostics.filter((d) => d.level === "error")).toEqual([]);
  });
});

describe("stages guessed from school names", () => {
  const result = readSheets([
    grid("学校", [
      ["学校名称", "在校生数", "网络多媒体教室数"],
      ["城关镇中心小学", 900, 20],
      ["第三初级中学", 700, 18],
      ["红旗中学", 650, 15],
      ["培智学校", 80, 4],
      ["县职业高级中学", 1500, 40],
      ["李家村教学点", 30, 1],
      ["实验学校", 1000, 25],
      ["育才九年一贯制学校", 1300, 30],
    ]),
  ]);

  it("reads the kind and stage from the name, with an info for a clear guess and a warning for 中学", () => {
    const kinds = Object.fromEntries(
      result.records.map((r) => [r.name, [r.kind, Object.keys(r.stages).join(",")]])
    );
    expect(kinds).toEqual({
      城关镇中心小学: ["primary", "primary"],
      第三初级中学: ["junior", "junior"],
      红旗中学: ["junior", "junior"],
      培智学校: ["special", ""],
      县职业高级中学: ["vocational", ""],
      李家村教学点: ["teachingPoint", "primary"],
    });
    expect(cellsOf(result.diagnostics, "sheets.stage-from-name")).toEqual(["A2", "A3", "A7"]);
    expect(cellsOf(result.diagnostics, "sheets.stage-guessed")).toEqual(["A4"]);
    expect(result.diagnostics.find((d) => d.code === "sheets.stage-guessed")!.level).toBe(
      "warning"
    );
    expect(result.diagnostics.find((d) => d.code === "sheets.stage-from-name")!.level).toBe("info");
  });

  it("leaves out a school whose stage cannot be told, naming its cell and saying what is needed", () => {
    const unknown = result.diagnostics.filter((d) => d.code === "sheets.stage-unknown");
    expect(unknown.map((d) => d.cell)).toEqual(["A8", "A9"]);
    expect(unknown[0].message).toContain("学段");
    expect(unknown[1].message).toContain("一贯制");
  });
});

describe("a 学校类型 column naming kinds", () => {
  it("keeps the kind from the column and the stage from the sheet", () => {
    const result = readSheets([
      grid("初中", [
        ["学校名称", "学校类型", "在校生数", "教学仪器设备值（元）"],
        ["东方学校", "九年一贯制学校", 500, 1_300_000],
        ["南山中学", "完全中学", 800, 2_000_000],
      ]),
    ]);
    expect(result.records.map((r) => [r.kind, Object.keys(r.stages)])).toEqual([
      ["nineYear", ["junior"]],
      ["completeMiddle", ["junior"]],
    ]);
    expect(result.records[0].facilities).toEqual({ equipmentValue: 1_300_000 });
    expect(result.records[0].source!.factors).toBeUndefined();
    expect(result.tables[0].units).toEqual([]);
  });
});

describe("special and vocational schools", () => {
  it("are kept for the engine's exclusion list even with an unusable pupil count, without warnings", () => {
    const result = readSheets([
      grid("小学", [
        ["学校名称", "学校类型", "在校生数", "生均教学仪器设备值（元）"],
        ["城关小学", "小学", 900, 2100],
        ["县培智学校", "特殊教育学校", null, { error: "#DIV/0!" }],
        ["县职业中专", "职业学校", "—", 3000],
      ]),
    ]);
    expect(result.records.map((r) => [r.name, r.kind, Object.keys(r.stages)])).toEqual([
      ["城关小学", "primary", ["primary"]],
      ["县培智学校", "special", []],
      ["县职业中专", "vocational", []],
    ]);
    expect(result.diagnostics.filter((d) => d.level !== "info")).toEqual([]);
    const audited = audit(result.records);
    expect(audited.excluded.map((e) => [e.name, e.source?.row])).toEqual([
      ["县培智学校", 3],
      ["县职业中专", 4],
    ]);
  });
});

describe("one sheet for all schools and one per stage in the same workbook", () => {
  it("reads each school once: later sheets that only repeat earlier ones are skipped with a warning", () => {
    const all = grid("全部学校", [
      ["学校名称", "学段", "在校生数", "网络多媒体教室数"],
      ["城关小学", "小学", 1000, 25],
      ["实验小学", "小学", 800, 20],
      ["城关中学", "初中", 900, 24],
      ["实验中学", "初中", 700, 18],
    ]);
    const primary = grid("小学", [
      ["学校名称", "在校生数", "网络多媒体教室数"],
      ["城关小学", 1000, 25],
      ["实验小学", 800, 20],
    ]);
    const junior = grid("初中", [
      ["学校名称", "在校生数", "网络多媒体教室数"],
      ["城关中学", 900, 24],
      ["新建中学", 500, 12],
    ]);
    const result = readSheets([all, primary, junior]);
    // 「初中」 adds a school the first sheet lacks: it is read, and its repeated row is read once only.
    expect(result.tables.map((t) => t.sheet)).toEqual(["全部学校", "初中"]);
    expect(result.skipped.map((s) => s.sheet)).toEqual(["小学"]);
    expect(result.skipped[0].reason).toContain("重复");
    const sheetWarning = result.diagnostics.filter((d) => d.code === "sheets.duplicate-sheet");
    expect(sheetWarning.map((d) => [d.level, d.sheet])).toEqual([["warning", "小学"]]);
    expect(cellsOf(result.diagnostics, "sheets.duplicate-school")).toEqual(["A2"]);
    expect(result.records.map((r) => `${r.source!.sheet}:${r.name}`)).toEqual([
      "全部学校:城关小学",
      "全部学校:实验小学",
      "全部学校:城关中学",
      "全部学校:实验中学",
      "初中:新建中学",
    ]);
  });
});
