import { readSheets } from "../../src/sheets";
import { cellsOf, grid } from "./helpers";

const E: null = null;

describe("through-train schools as one row with per-stage columns", () => {
  const sheet = grid(
    "学校",
    [
      [
        "学校名称",
        "在校生数",
        E,
        E,
        "高于规定学历教师数",
        E,
        "专任教师数",
        "教学及辅助用房面积（㎡）",
        "教学仪器设备值（万元）",
      ],
      [E, "小学", "初中", "高中", "小学", "初中", E, E, E],
      ["育英九年一贯制学校", 600, 300, E, 40, 25, 70, 5000, 150],
      ["城东小学", 800, E, E, 45, E, 50, 4000, 100],
      ["滨河十二年一贯制学校", 500, 400, 300, 30, 30, 120, 9000, 300],
      ["江北中学", E, 600, 500, E, 40, 90, 8000, 260],
      ["空白学校", 0, 0, E, E, E, E, E, E],
    ],
    [
      [0, 0, 1, 0],
      [0, 1, 0, 3],
      [0, 4, 0, 5],
      [0, 6, 1, 6],
      [0, 7, 1, 7],
      [0, 8, 1, 8],
    ]
  );
  const result = readSheets([sheet]);
  const byName = Object.fromEntries(result.records.map((r) => [r.name, r]));

  it("maps group-over-stage headers to per-stage fields", () => {
    const fields = result.tables[0].columns.map((c) => `${c.letter}:${c.field}`);
    expect(fields).toEqual([
      "A:name",
      "B:pupils.primary",
      "C:pupils.junior",
      "D:seniorPupils",
      "E:teachers.primary.aboveDegree",
      "F:teachers.junior.aboveDegree",
      "G:teachers.fullTime",
      "H:facilities.teachingArea",
      "I:facilities.equipmentValue",
    ]);
    expect(result.tables[0].headerRows).toEqual([1, 2]);
  });

  it("gives a 九年一贯制 row one record with both stages and shared facilities", () => {
    const r = byName["育英九年一贯制学校"];
    expect(r.kind).toBe("nineYear");
    expect(r.stages).toEqual({
      primary: { pupils: 600, teachers: { aboveDegree: 40 } },
      junior: { pupils: 300, teachers: { aboveDegree: 25 } },
    });
    expect(r.wholeSchoolTeachers).toEqual({ fullTime: 70 });
    expect(r.facilities).toEqual({ teachingArea: 5000, equipmentValue: 1_500_000 });
    expect(r.source!.cells).toEqual({
      name: "A3",
      "pupils.primary": "B3",
      "pupils.junior": "C3",
      "teachers.primary.aboveDegree": "E3",
      "teachers.junior.aboveDegree": "F3",
      "teachers.whole.fullTime": "G3",
      "facilities.teachingArea": "H3",
      "facilities.equipmentValue": "I3",
    });
    expect(r.source!.factors).toEqual({ "facilities.equipmentValue": 10000 });
  });

  it("reads a single-stage school from the same columns, its whole-school teachers going to its stage", () => {
    const r = byName["城东小学"];
    expect(r.kind).toBe("primary");
    expect(r.stages).toEqual({
      primary: { pupils: 800, teachers: { aboveDegree: 45, fullTime: 50 } },
    });
    expect(r.wholeSchoolTeachers).toBeUndefined();
    expect(r.source!.cells!["teachers.primary.fullTime"]).toBe("G4");
  });

  it("keeps senior pupils: 十二年一贯制 and 完全中学", () => {
    const twelve = byName["滨河十二年一贯制学校"];
    expect(twelve.kind).toBe("twelveYear");
    expect(twelve.seniorPupils).toBe(300);
    expect(twelve.source!.cells!.seniorPupils).toBe("D5");
    const complete = byName["江北中学"];
    expect(complete.kind).toBe("completeMiddle");
    expect(Object.keys(complete.stages)).toEqual(["junior"]);
    expect(complete.seniorPupils).toBe(500);
    // 初中 teachers stay the junior part's; an unnamed teacher column counts the senior part too,
    // so it is the whole school's, for the engine to split by weighted pupils (an estimate).
    expect(complete.stages.junior!.teachers).toEqual({ aboveDegree: 40 });
    expect(complete.wholeSchoolTeachers).toEqual({ fullTime: 90 });
  });

  it("leaves out a row whose per-stage pupils are all 0, naming the cell", () => {
    expect(byName["空白学校"]).toBeUndefined();
    expect(cellsOf(result.diagnostics, "sheets.pupils-invalid")).toEqual(["B7"]);
  });
});

describe("through-train schools already split into 小学部 / 初中部 rows", () => {
  const result = readSheets([
    grid(
      "学校",
      [
        [
          "学校名称",
          "学段",
          "在校生数",
          "体育专任教师数",
          "音乐专任教师数",
          "美术专任教师数",
          "网络多媒体教室数",
        ],
        ["育英学校", "小学部", 600, 4, 2, 2, 20],
        [E, "初中部", 300, 3, 1, 1, 12],
        ["城东小学", "小学", 800, 5, 3, 2, 22],
      ],
      [[1, 0, 2, 0]]
    ),
  ]);

  it("gives each part its own single-stage record under the same school name", () => {
    expect(result.records.map((r) => [r.name, r.kind, Object.keys(r.stages)])).toEqual([
      ["育英学校", "primary", ["primary"]],
      ["育英学校", "junior", ["junior"]],
      ["城东小学", "primary", ["primary"]],
    ]);
    expect(result.records[1].stages.junior).toEqual({
      pupils: 300,
      teachers: { pe: 3, music: 1, art: 1 },
    });
    expect(result.records[1].facilities).toEqual({ multimediaRooms: 12 });
    expect(result.records[1].source!.cells!.name).toBe("A3");
    expect(result.records[1].source!.cells!["teachers.junior.music"]).toBe("E3");
  });

  it("does not take the two parts for a duplicate", () => {
    expect(cellsOf(result.diagnostics, "sheets.duplicate-school")).toEqual([]);
  });

  it("warns when a shared figure is merged down over both parts' rows, reading it for the top row only", () => {
    const merged = readSheets([
      grid(
        "学校",
        [
          ["学校名称", "学段", "在校生数", "网络多媒体教室数"],
          ["育英学校", "小学部", 600, 32],
          ["育英学校", "初中部", 300, null],
        ],
        [[1, 3, 2, 3]]
      ),
    ]);
    expect(merged.records.map((r) => r.facilities)).toEqual([{ multimediaRooms: 32 }, undefined]);
    const d = merged.diagnostics.filter((x) => x.code === "sheets.merged-figure");
    expect(d.map((x) => [x.level, x.cell])).toEqual([["warning", "D2"]]);
    expect(d[0].message).toContain("D2:D3");
  });
});

describe("a whole-school figure that has no per-stage place", () => {
  it("is left out of a through-train row with an info naming its column", () => {
    const result = readSheets([
      grid("学校", [
        ["学校名称", "小学在校生数", "初中在校生数", "班级数", "网络多媒体教室数"],
        ["育英学校", 600, 300, 27, 30],
        ["城东小学", 800, null, 18, 20],
      ]),
    ]);
    expect(result.records[0].stages).toEqual({ primary: { pupils: 600 }, junior: { pupils: 300 } });
    expect(result.records[1].stages).toEqual({ primary: { pupils: 800, classes: 18 } });
    expect(cellsOf(result.diagnostics, "sheets.whole-school-figure")).toEqual(["D1"]);
  });
});

describe("the same school twice", () => {
  it("is a warning on the second row naming both cells, and the school is read once", () => {
    const result = readSheets([
      grid("小学", [
        ["学校名称", "在校生数", "网络多媒体教室数"],
        ["城关小学", 1200, 30],
        ["实验小学", 1000, 25],
        ["城关小学", 1200, 30],
      ]),
    ]);
    expect(result.records.map((r) => r.name)).toEqual(["城关小学", "实验小学"]);
    const d = result.diagnostics.filter((x) => x.code === "sheets.duplicate-school");
    expect(d.map((x) => [x.level, x.sheet, x.cell])).toEqual([["warning", "小学", "A4"]]);
    expect(d[0].message).toContain("小学!A2");
    expect(d[0].message).toContain("小学!A4");
  });
});
