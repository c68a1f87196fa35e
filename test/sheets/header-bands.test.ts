import { audit } from "../../src/engine";
import { readSheets } from "../../src/sheets";
import { cellsOf, grid } from "./helpers";

const E: null = null;

describe("a three-row header band with a bureau's own ratio column", () => {
  const sheet = grid(
    "小学",
    [
      ["2024年小学资源配置情况", E, E, E, E, E, E],
      ["学校名称", "在校生数", "教师情况", E, E, E, "生均教学仪器设备值（元）"],
      [E, E, "体育艺术专任教师数", E, E, "县级及以上骨干教师数", E],
      [E, E, "体育", "音乐", "美术", E, E],
      ["城关小学", 1000, 5, 2, 2, 10, 2500],
      ["实验小学", 800, 4, 2, 1, 8, 25],
    ],
    [
      [0, 0, 0, 6],
      [1, 0, 3, 0],
      [1, 1, 3, 1],
      [1, 2, 1, 5],
      [2, 2, 2, 4],
      [2, 5, 3, 5],
      [1, 6, 3, 6],
    ]
  );
  const read = readSheets([sheet], {});

  it("flattens group over group over leaf into one column name", () => {
    const t = read.tables[0];
    expect(t.headerRows).toEqual([2, 4]);
    expect(t.columns.map((c) => [c.letter, c.field, c.header])).toEqual([
      ["A", "name", "学校名称"],
      ["B", "pupils", "在校生数"],
      ["C", "teachers.pe", "教师情况体育艺术专任教师数体育"],
      ["D", "teachers.music", "教师情况体育艺术专任教师数音乐"],
      ["E", "teachers.art", "教师情况体育艺术专任教师数美术"],
      ["F", "teachers.backbone", "教师情况县级及以上骨干教师数"],
      ["G", "given.L6", "生均教学仪器设备值（元）"],
    ]);
  });

  it("reads the ratio as a given value, which the engine cross-checks", () => {
    expect(read.records[1].stages.primary).toEqual({
      pupils: 800,
      teachers: { pe: 4, music: 2, art: 1, backbone: 8 },
      given: { L6: 25, B3: 25 },
    });
    expect(read.records[1].source!.cells!["given.primary.L6"]).toBe("G6");
    // The same held value serves the 2012 standard's B3 (生均教学仪器设备值), from the same cell.
    expect(read.records[1].source!.cells!["given.primary.B3"]).toBe("G6");
    const result = audit(read.records);
    // 实验小学 has no equipment count: the given value is used (25 元 per pupil, far below 2000).
    expect(result.schools[1].details.L6.from).toBe("given");
    expect(result.schools[1].details.L6.met).toBe(false);
    // L3 from the three subject columns: (4 + 2 + 1) × 100 / 800.
    expect(result.schools[1].values.L3).toBeCloseTo(0.875, 12);
  });
});

describe("group labels typed once, without merges", () => {
  it("carries 在校生数 and 骨干教师数 over their 小学 / 初中 leaves", () => {
    const result = readSheets([
      grid("学校", [
        ["学校名称", "在校生数", E, E, "县级及以上骨干教师数", E, "网络多媒体教室数"],
        [E, "合计", "小学", "初中", "小学", "初中", E],
        ["育英学校", 900, 600, 300, 6, 3, 20],
        ["城东小学", 810, 800, E, 8, E, 18],
      ]),
    ]);
    expect(result.tables[0].columns.map((c) => c.field)).toEqual([
      "name",
      "pupils",
      "pupils.primary",
      "pupils.junior",
      "teachers.primary.backbone",
      "teachers.junior.backbone",
      "facilities.multimediaRooms",
    ]);
    expect(result.records[0].stages).toEqual({
      primary: { pupils: 600, teachers: { backbone: 6 } },
      junior: { pupils: 300, teachers: { backbone: 3 } },
    });
    expect(result.records[0].kind).toBe("nineYear");
    // The per-stage pupils of 城东小学 (800) do not add up to its total (810): a warning on the total's cell.
    expect(cellsOf(result.diagnostics, "sheets.pupils-total-mismatch")).toEqual(["B4"]);
    expect(result.records[1].stages.primary!.pupils).toBe(800);
  });
});

describe("a header repeated on a printed page, and a school named 全县…", () => {
  it("skips the repeated header and reads the school", () => {
    const result = readSheets([
      grid("小学", [
        ["学校名称", "在校生数", "网络多媒体教室数"],
        ["全县第一小学", 1000, 25],
        ["学校名称", "在校生数", "网络多媒体教室数"],
        ["城关小学", 900, 20],
      ]),
    ]);
    expect(result.records.map((r) => r.name)).toEqual(["全县第一小学", "城关小学"]);
    expect(result.diagnostics.filter((d) => d.level !== "info")).toEqual([]);
  });
});

describe("held ratios under the 2012 standard", () => {
  it("serve its B1–B3 from the 2017 columns and its B4/B5 from their own", () => {
    const read = readSheets([
      grid("初中", [
        [
          "学校名称",
          "在校生数",
          "生均教学及辅助用房面积",
          "每百名学生拥有计算机台数",
          "生均图书册数",
        ],
        ["城关中学", 1000, 6.5, 15.2, 40.5],
      ]),
    ]);
    expect(read.records[0].stages.junior!.given).toEqual({ L4: 6.5, B1: 6.5, B4: 15.2, B5: 40.5 });
    const result = audit(read.records, { standard: "2012" });
    const school = result.schools[0];
    expect([school.details.B1.from, school.values.B1]).toEqual(["given", 6.5]);
    expect([school.details.B4.from, school.values.B4]).toEqual(["given", 15.2]);
    expect(school.values.B5).toBe(40.5);
    expect(school.details.B2.value).toBeNull();
  });
});
