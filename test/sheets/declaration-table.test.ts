import { readSheets } from "../../src/sheets";
import { cellsOf, grid } from "./helpers";

const E: null = null;
const CODES = [
  "",
  "L1",
  "L2",
  "L3",
  "L4",
  "L5",
  "L6",
  "L7",
  "L8",
  "L9",
  "L10",
  "L11",
  "L12",
  "L13",
  "L14",
];

// 表Ⅱ-2 as a county fills it: title rows, the header with stray spaces and line breaks, the code row,
// a 小学 section, an 初中 section with numbering restarting at 1, and a 「注：」 line with the owner legend.
const table = grid(
  "表Ⅱ-2",
  [
    ["表Ⅱ-2", E, E, E, E, E, E, E, E, E, E, E, E, E, E],
    ["小学、初中资源配置基本情况（分学校）", E, E, E, E, E, E, E, E, E, E, E, E, E, E],
    ["填报单位（盖章）：某县教育局", E, E, E, E, E, E, E, E, E, E, E, E, E, E],
    [
      "序 号",
      "学校名称",
      "举办者类型",
      "在校生数",
      "年级数",
      "班级数",
      "每百名学生拥有高于规定学历教师数",
      "每百名学生拥有县级及以上骨干教师数",
      "每百名学生拥有体育、艺术（美术、音乐）专任教师数",
      "生均教学及辅助用\n房面积（ ㎡）",
      "生均体育运动场馆面积（㎡）",
      "生均教学仪器设备值（元）",
      "每百名学生拥有网络多媒体 教室数",
      "该校综合评估是否达标",
      "备注",
    ],
    CODES,
    ["一、小学", E, E, E, E, E, E, E, E, E, E, E, E, E, E],
    [1, "城关第一小学", "1", 1200, 6, 26, 5.5, 1.25, 1.08, 5.12, 8.03, 2650.5, 2.58, "是", E],
    [2, "育才学校", "3", "860", 6, 20, 4.3, 1.05, 0.93, 4.6, 7.6, 2100, 2.33, "是", "民办"],
    [3, "李家村教学点", "1", 60, 3, 3, 4.0, 0, 1.67, 6.1, 12.2, 2200, 3.33, "否", E],
    ["二、初中", E, E, E, E, E, E, E, E, E, E, E, E, E, E],
    [1, "城关中学", "1", 1500, 3, 30, 6.1, 1.4, 1.0, 6.2, 11.0, "#DIV/0!", 2.6, "是", E],
    [2, "育才学校", "3", 400, 3, 9, 5.5, 1.0, 1.0, 6.0, 10.5, 2600, 2.5, "是", "民办"],
    [E, "合计", E, 4020, E, E, E, E, E, E, E, E, E, E, E],
    [
      "注：1. 举办者类型：1.教育部门 2.其他部门 3.民办。2. 生均、每百名指标保留两位小数。",
      E,
      E,
      E,
      E,
      E,
      E,
      E,
      E,
      E,
      E,
      E,
      E,
      E,
      E,
    ],
  ],
  [
    [0, 0, 0, 14],
    [1, 0, 1, 14],
    [2, 0, 2, 14],
    [5, 0, 5, 14],
    [9, 0, 9, 14],
    [13, 0, 13, 14],
  ]
);

describe("the national declaration table 表Ⅱ-2", () => {
  const result = readSheets([table]);
  const [first, privateSchool, point, junior, privateJunior] = result.records;

  it("matches its long column names despite stray spaces and line breaks, and skips the code row", () => {
    const t = result.tables[0];
    expect(t.headerRows).toEqual([4, 4]);
    expect(t.dataRows).toEqual([7, 12]);
    expect(t.columns.map((c) => c.field)).toEqual([
      "seq",
      "name",
      "owner",
      "pupils",
      "grades",
      "classes",
      "given.L1",
      "given.L2",
      "given.L3",
      "given.L4",
      "given.L5",
      "given.L6",
      "given.L7",
      "selfVerdict",
      "remarks",
    ]);
    expect(t.columns.find((c) => c.field === "given.L4")!.header).toBe(
      "生均教学及辅助用房面积（㎡）"
    );
  });

  it("reads the ready values as given values of the section's stage", () => {
    expect(result.records.map((r) => [r.name, Object.keys(r.stages)[0]])).toEqual([
      ["城关第一小学", "primary"],
      ["育才学校", "primary"],
      ["李家村教学点", "primary"],
      ["城关中学", "junior"],
      ["育才学校", "junior"],
    ]);
    expect(first.kind).toBe("primary");
    expect(first.stages.primary).toEqual({
      pupils: 1200,
      grades: 6,
      classes: 26,
      given: {
        L1: 5.5,
        L2: 1.25,
        L3: 1.08,
        L4: 5.12,
        L5: 8.03,
        L6: 2650.5,
        L7: 2.58,
        B1: 5.12,
        B2: 8.03,
        B3: 2650.5,
      },
    });
    expect(first.facilities).toBeUndefined();
    expect(first.source!.cells).toMatchObject({
      name: "B7",
      "pupils.primary": "D7",
      "grades.primary": "E7",
      "classes.primary": "F7",
      "given.primary.L1": "G7",
      "given.primary.L7": "M7",
    });
    expect(junior.kind).toBe("junior");
    expect(junior.stages.junior!.given).toEqual({
      L1: 6.1,
      L2: 1.4,
      L3: 1.0,
      L4: 6.2,
      L5: 11.0,
      L7: 2.6,
      B1: 6.2,
      B2: 11.0,
    });
    expect(junior.source!.cells!["given.junior.L4"]).toBe("J11");
  });

  it("decodes owner codes with the footnote's legend and keeps the label", () => {
    expect([first.owner, first.ownerLabel]).toEqual(["public", "1"]);
    expect([privateSchool.owner, privateSchool.ownerLabel]).toEqual(["private", "3"]);
    expect(privateJunior.owner).toBe("private");
    expect(cellsOf(result.diagnostics, "sheets.owner-code")).toEqual([]);
  });

  it("reads the teaching point as one, and a #DIV/0! text as a diagnostic for its cell", () => {
    expect(point.kind).toBe("teachingPoint");
    expect(cellsOf(result.diagnostics, "sheets.cell-error")).toEqual(["L11"]);
    expect(privateSchool.source!.textCells).toEqual(["pupils.primary"]);
  });

  it("does not take 育才学校's two sections for a duplicate, nor guess any stage", () => {
    expect(cellsOf(result.diagnostics, "sheets.duplicate-school")).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code.startsWith("sheets.stage"))).toEqual([]);
  });
});

describe("owner codes without a legend", () => {
  it("count as public, keep the label, and say so once", () => {
    const result = readSheets([
      grid("小学", [
        ["学校名称", "举办者类型", "在校生数", "网络多媒体教室数"],
        ["甲小学", "821", 500, 12],
        ["乙小学", "民办", 400, 10],
        ["丙小学", "公办", 300, 8],
      ]),
    ]);
    expect(result.records.map((r) => [r.owner, r.ownerLabel])).toEqual([
      ["public", "821"],
      ["private", "民办"],
      ["public", "公办"],
    ]);
    const d = result.diagnostics.filter((x) => x.code === "sheets.owner-code");
    expect(d.map((x) => [x.level, x.cell])).toEqual([["info", "B1"]]);
  });
});
