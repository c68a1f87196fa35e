import { readSheets } from "../../src/sheets";
import { cellsOf, grid } from "./helpers";

// A county's one-sheet list as bureaus keep it: a merged title, the 填报单位/单位 line, a two-row
// header with merged groups, a 学段 column, 万元 equipment, text numbers, a #DIV/0!, a subtotal,
// a blank separator and a footnote.
const E: null = null;
const sheet = grid(
  "资源配置",
  [
    ["某县2024年义务教育学校资源配置情况统计表", E, E, E, E, E, E, E, E, E, E, E],
    ["填报单位：某县教育局", E, E, E, E, E, E, E, "单位：人、平方米、万元", E, E, E],
    [
      "序号",
      "学校名称",
      "学段",
      "在校生数",
      "教师情况",
      E,
      E,
      "教学及辅助用房面积",
      E,
      "体育运动场馆面积",
      "教学仪器设备值",
      "网络多媒体教室数",
    ],
    [
      E,
      E,
      E,
      E,
      "高于规定学历教师数",
      "县级及以上骨干教师数",
      "体育艺术专任教师数",
      "合计",
      "其中：室内体育用房",
      E,
      E,
      E,
    ],
    [1, "城关小学", "小学", 1200, 80, 15, 14, 6000, 500, 9500, 260.5, 30],
    [
      2,
      "实验小学",
      "小学",
      "１，０５０",
      60,
      12,
      "11 ",
      "5,200.5㎡",
      0,
      8000,
      { error: "#DIV/0!" },
      26,
    ],
    [E, "小学小计", E, 2250, 140, 27, 25, 11200.5, 500, 17500, 260.5, 56],
    [E, E, E, E, E, E, E, E, E, E, E, E],
    [3, "第一初级中学", "初中", 900, 60, 10, 9, 5400, 300, 9800, 230, 24],
    [4, "第二中学", "初中", "#N/A", 50, 8, 8, 5000, 0, 9000, 220, 20],
    [5, "城南中学", "初中", 700, "一千二", 8, 7, 4200, 0, 7200, "180", 17],
    [E, "合计", E, 4850, 250, 53, 49, 25800.5, 800, 43500, 630, 117],
    ["注：本表数据截至2024年9月1日。", E, E, E, E, E, E, E, E, E, E, E],
    ["填表人：张三", E, E, E, E, E, E, E, E, E, E, E],
  ],
  [
    [0, 0, 0, 11],
    [2, 0, 3, 0],
    [2, 1, 3, 1],
    [2, 2, 3, 2],
    [2, 3, 3, 3],
    [2, 4, 2, 6],
    [2, 7, 2, 8],
    [2, 9, 3, 9],
    [2, 10, 3, 10],
    [2, 11, 3, 11],
  ]
);

describe("one sheet for all schools, with a 学段 column", () => {
  const result = readSheets([sheet]);

  it("finds the two-row header under the title and the unit line", () => {
    expect(result.tables).toHaveLength(1);
    const table = result.tables[0];
    expect(table.headerRows).toEqual([3, 4]);
    expect(table.dataRows).toEqual([5, 11]);
    expect(table.records).toBe(4);
    const byField = Object.fromEntries(table.columns.map((c) => [c.field, c.letter]));
    expect(byField).toEqual({
      seq: "A",
      name: "B",
      stage: "C",
      pupils: "D",
      "teachers.aboveDegree": "E",
      "teachers.backbone": "F",
      "teachers.peArts": "G",
      "facilities.teachingArea": "H",
      "facilities.indoorSportsArea": "I",
      "facilities.sportsArea": "J",
      "facilities.equipmentValue": "K",
      "facilities.multimediaRooms": "L",
    });
    const aboveDegree = table.columns.find((c) => c.field === "teachers.aboveDegree")!;
    expect(aboveDegree.header).toBe("教师情况高于规定学历教师数");
    expect(aboveDegree.label).toBe("高于规定学历教师数");
    expect(aboveDegree.confidence).toBe(1);
    expect(table.units).toContain("教学仪器设备值：万元→元（据表头「单位」行）");
  });

  it("reads schools, not the subtotal, the total, the blank row or the footnotes", () => {
    expect(result.records.map((r) => r.name)).toEqual([
      "城关小学",
      "实验小学",
      "第一初级中学",
      "城南中学",
    ]);
  });

  it("reads every figure of a school with its cell, converting 万元 to 元", () => {
    const r = result.records[0];
    expect(r.kind).toBe("primary");
    expect(r.stages).toEqual({
      primary: { pupils: 1200, teachers: { aboveDegree: 80, backbone: 15, peArts: 14 } },
    });
    expect(r.facilities).toEqual({
      teachingArea: 6000,
      indoorSportsArea: 500,
      sportsArea: 9500,
      equipmentValue: 2605000,
      multimediaRooms: 30,
    });
    expect(r.source).toEqual({
      sheet: "资源配置",
      row: 5,
      cells: {
        name: "B5",
        "pupils.primary": "D5",
        "teachers.primary.aboveDegree": "E5",
        "teachers.primary.backbone": "F5",
        "teachers.primary.peArts": "G5",
        "facilities.teachingArea": "H5",
        "facilities.indoorSportsArea": "I5",
        "facilities.sportsArea": "J5",
        "facilities.equipmentValue": "K5",
        "facilities.multimediaRooms": "L5",
      },
      factors: { "facilities.equipmentValue": 10000 },
    });
  });

  it("reads numbers stored as text and marks their cells", () => {
    const r = result.records[1];
    expect(r.stages.primary!.pupils).toBe(1050);
    expect(r.stages.primary!.teachers!.peArts).toBe(11);
    expect(r.facilities!.teachingArea).toBe(5200.5);
    expect(r.source!.textCells).toEqual([
      "pupils.primary",
      "teachers.primary.peArts",
      "facilities.teachingArea",
    ]);
    expect(result.records[3].facilities!.equipmentValue).toBe(1800000);
    expect(result.records[3].source!.textCells).toEqual(["facilities.equipmentValue"]);
  });

  it("leaves an error value or a word out of its field, naming the cell", () => {
    expect(result.records[1].facilities!.equipmentValue).toBeUndefined();
    expect(cellsOf(result.diagnostics, "sheets.cell-error")).toEqual(["K6"]);
    expect(result.records[3].stages.junior!.teachers!.aboveDegree).toBeUndefined();
    expect(cellsOf(result.diagnostics, "sheets.cell-not-number")).toEqual(["E11"]);
    const word = result.diagnostics.find((d) => d.code === "sheets.cell-not-number")!;
    expect(word.level).toBe("warning");
    expect(word.sheet).toBe("资源配置");
    expect(word.message).toContain("一千二");
    expect(word.message).toContain("应为数字");
  });

  it("leaves out a school whose pupil count is unusable, naming the cell", () => {
    expect(result.records.some((r) => r.name === "第二中学")).toBe(false);
    const d = result.diagnostics.find((x) => x.code === "sheets.pupils-invalid")!;
    expect(d.cell).toBe("D10");
    expect(d.level).toBe("warning");
    expect(d.message).toContain("#N/A");
    expect(d.message).toContain("资源配置!D10");
    expect(d.message).toContain("该行未读入");
  });

  it("takes the stage from the 学段 column without guessing", () => {
    expect(result.records.map((r) => Object.keys(r.stages))).toEqual([
      ["primary"],
      ["primary"],
      ["junior"],
      ["junior"],
    ]);
    expect(result.records[3].kind).toBe("junior");
    expect(result.diagnostics.some((d) => d.code.startsWith("sheets.stage"))).toBe(false);
  });

  it("gives every diagnostic a level, a sheets.* code, the sheet and a Chinese message", () => {
    for (const d of result.diagnostics) {
      expect(["error", "warning", "info"]).toContain(d.level);
      expect(d.code).toMatch(/^sheets\.[a-z-]+$/);
      expect(d.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe("the grid's origin", () => {
  it("puts addresses in worksheet coordinates when the used range starts at C4", () => {
    const g = grid(
      "小学",
      [
        ["学校名称", "在校生数", "网络多媒体教室数"],
        ["城关小学", 1200, 30],
      ],
      [],
      { row: 3, col: 2 }
    );
    const result = readSheets([g]);
    expect(result.records[0].source).toEqual({
      sheet: "小学",
      row: 5,
      cells: { name: "C5", "pupils.primary": "D5", "facilities.multimediaRooms": "E5" },
    });
    expect(result.tables[0].headerRows).toEqual([4, 4]);
    expect(result.tables[0].columns.map((c) => [c.column, c.letter])).toEqual([
      [0, "C"],
      [1, "D"],
      [2, "E"],
    ]);
  });
});
