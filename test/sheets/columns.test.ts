import { FIELDS, readSheets } from "../../src/sheets";
import { cellsOf, grid } from "./helpers";

const E: null = null;

describe("a multi-county list", () => {
  const result = readSheets([
    grid(
      "全市学校",
      [
        [
          "县（市、区）",
          "学校代码",
          "学校名称",
          "学段",
          "办学性质",
          "在校生数",
          "网络多媒体教室数",
        ],
        ["东城区", "3301010001", "东城实验小学", "小学", "公办", 900, 22],
        [E, "3301010002", "东城中学", "初中", "民办", 800, 20],
        ["西湖县", 3301020001, "西湖小学", "小学", "公办", 700, 17],
        [E, "3301020002", "西湖初中", "初中", "公办", 600, 15],
        ["南山县", "3301030001", "东城实验小学", "小学", "公办", 500, 12],
      ],
      [[1, 0, 2, 0]]
    ),
  ]);

  it("groups schools by county (merged or written once above its schools), keeps codes and owners", () => {
    expect(result.records.map((r) => [r.county, r.code, r.name, r.owner])).toEqual([
      ["东城区", "3301010001", "东城实验小学", "public"],
      ["东城区", "3301010002", "东城中学", "private"],
      ["西湖县", "3301020001", "西湖小学", "public"],
      ["西湖县", "3301020002", "西湖初中", "public"],
      ["南山县", "3301030001", "东城实验小学", "public"],
    ]);
    expect(result.records[1].ownerLabel).toBe("民办");
  });

  it("does not take same-named schools of different counties for duplicates", () => {
    expect(cellsOf(result.diagnostics, "sheets.duplicate-school")).toEqual([]);
  });
});

describe("composite columns", () => {
  const sheet = grid(
    "初中",
    [
      [
        "学校名称",
        "在校生数",
        "专任教师数",
        "专任教师学历",
        E,
        E,
        E,
        "体育艺术专任教师数",
        E,
        E,
        E,
        "体育运动场馆面积（m2）",
        E,
        "教学及辅助用房面积",
        "其中：室内体育用房",
        "音乐专用教室",
        E,
        "美术专用教室",
        E,
        "班额",
        E,
        E,
        "最大班额",
      ],
      [
        E,
        E,
        E,
        "专科",
        "本科",
        "硕士",
        "博士",
        "体育",
        "音乐",
        "美术",
        "艺术",
        "体育馆",
        "运动场",
        E,
        E,
        "间数",
        "面积（㎡）",
        "间数",
        "面积（㎡）",
        "46-50人",
        "51-55人",
        "56人以上",
        E,
      ],
      [
        "明德中学",
        900,
        70,
        5,
        50,
        10,
        1,
        4,
        2,
        2,
        1,
        1200,
        8000,
        5600,
        400,
        1,
        100,
        1,
        95,
        10,
        4,
        1,
        56,
      ],
    ],
    [
      [0, 0, 1, 0],
      [0, 1, 1, 1],
      [0, 2, 1, 2],
      [0, 3, 0, 6],
      [0, 7, 0, 10],
      [0, 11, 0, 12],
      [0, 13, 1, 13],
      [0, 14, 1, 14],
      [0, 15, 0, 16],
      [0, 17, 0, 18],
      [0, 19, 0, 21],
      [0, 22, 1, 22],
    ]
  );
  const result = readSheets([sheet]);
  const r = result.records[0];

  it("reads degree, subject, sports-area, room and class-size columns into their parts", () => {
    expect(r.stages.junior).toEqual({
      pupils: 900,
      teachers: {
        fullTime: 70,
        byDegree: { associate: 5, bachelor: 50, master: 10, doctor: 1 },
        pe: 4,
        music: 2,
        art: 2,
        arts: 1,
      },
      classSizeBands: [
        { min: 46, max: 50, count: 10 },
        { min: 51, max: 55, count: 4 },
        { min: 56, count: 1 },
      ],
      largestClass: 56,
    });
    expect(r.facilities).toEqual({
      sportsHallArea: 1200,
      sportsGroundArea: 8000,
      teachingArea: 5600,
      indoorSportsArea: 400,
      musicRooms: 1,
      musicRoomArea: 100,
      artRooms: 1,
      artRoomArea: 95,
    });
    expect(r.source!.cells).toMatchObject({
      "teachers.junior.byDegree.master": "F3",
      "teachers.junior.arts": "K3",
      "facilities.sportsGroundArea": "M3",
      "facilities.indoorSportsArea": "O3",
      "facilities.artRoomArea": "S3",
      "classSizeBands.junior.56-": "V3",
      "largestClass.junior": "W3",
    });
  });

  it("lists every field it knows for the override dropdowns, with Chinese labels", () => {
    const ids = FIELDS.map((f) => f.id);
    for (const id of [
      "name",
      "pupils",
      "pupils.primary",
      "teachers.backbone",
      "teachers.junior.backbone",
      "facilities.teachingArea",
      "given.L1",
      "given.primary.L1",
      "county",
      "owner",
      "code",
      "stage",
      "seniorPupils",
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(FIELDS.find((f) => f.id === "pupils.primary")!.label).toBe("小学在校生数");
    expect(FIELDS.find((f) => f.id === "teachers.junior.backbone")!.label).toBe(
      "初中县级及以上骨干教师数"
    );
    for (const f of FIELDS) expect(f.label).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("overrides", () => {
  const sheet = grid("小学", [
    ["学校", "人数", "骨干教师数", "骨干（市级）", "多媒体"],
    ["城关小学", 1200, 15, 6, 30],
  ]);

  it("maps a column the vocabulary does not know, and moves or drops a field", () => {
    const before = readSheets([sheet]);
    expect(before.records).toHaveLength(0);
    expect(cellsOf(before.diagnostics, "sheets.no-school-table")).toEqual([""]);
    const after = readSheets([sheet], {
      overrides: [
        { sheet: "小学", field: "pupils", column: 1 },
        { sheet: "小学", field: "teachers.backbone", column: 3 },
        { sheet: "小学", field: "facilities.multimediaRooms", column: null },
        { sheet: "其他", field: "name", column: 4 },
      ],
    });
    expect(after.records[0].stages.primary).toEqual({ pupils: 1200, teachers: { backbone: 6 } });
    expect(after.records[0].facilities).toBeUndefined();
    expect(after.records[0].source!.cells).toEqual({
      name: "A2",
      "pupils.primary": "B2",
      "teachers.primary.backbone": "D2",
    });
    const columns = after.tables[0].columns.map((c) => [c.field, c.letter, c.header, c.confidence]);
    expect(columns).toEqual([
      ["name", "A", "学校", 1],
      ["pupils", "B", "人数", 1],
      ["teachers.backbone", "D", "骨干（市级）", 1],
    ]);
  });

  it("ignores an override with an unknown field or an impossible column, saying so", () => {
    const result = readSheets([sheet], {
      overrides: [
        { sheet: "小学", field: "pupils", column: 1 },
        { sheet: "小学", field: "学生", column: 2 },
        { sheet: "小学", field: "teachers.pe", column: -3 },
      ],
    });
    expect(result.records).toHaveLength(1);
    const d = result.diagnostics.filter((x) => x.code === "sheets.override-invalid");
    expect(d.map((x) => [x.level, x.sheet])).toEqual([
      ["warning", "小学"],
      ["warning", "小学"],
    ]);
    expect(d[1].message).toContain("体育专任教师数");
  });
});

describe("overrides on a sheet whose header names nothing known", () => {
  it("reads the rows under the first row with the user's columns", () => {
    const sheet = grid("Sheet1", [
      ["甲", "乙", "丙"],
      ["城关小学", 1200, 30],
      ["实验小学", 900, 22],
    ]);
    expect(readSheets([sheet]).skipped.map((s) => s.sheet)).toEqual(["Sheet1"]);
    const result = readSheets([sheet], {
      overrides: [
        { sheet: "Sheet1", field: "name", column: 0 },
        { sheet: "Sheet1", field: "pupils.primary", column: 1 },
        { sheet: "Sheet1", field: "facilities.multimediaRooms", column: 2 },
      ],
    });
    expect(result.tables[0].headerRows).toEqual([1, 1]);
    expect(
      result.records.map((r) => [
        r.name,
        r.stages.primary!.pupils,
        r.facilities!.multimediaRooms,
        r.source!.cells!["pupils.primary"],
      ])
    ).toEqual([
      ["城关小学", 1200, 30, "B2"],
      ["实验小学", 900, 22, "B3"],
    ]);
  });
});

describe("required fields", () => {
  it("without a pupils column: an error naming the field in Chinese and the sheets searched", () => {
    const result = readSheets([
      grid("封面", [["某县义务教育学校基本情况"]]),
      grid("学校", [
        ["学校名称", "县级及以上骨干教师数", "教学仪器设备值"],
        ["城关小学", 15, 2_000_000],
      ]),
    ]);
    expect(result.records).toEqual([]);
    const missing = result.diagnostics.find((d) => d.code === "sheets.pupils-column-missing")!;
    expect([missing.level, missing.sheet, missing.cell]).toEqual(["error", "学校", "A1"]);
    expect(missing.message).toContain("未找到在校生数列");
    const none = result.diagnostics.find((d) => d.code === "sheets.no-school-table")!;
    expect(none.level).toBe("error");
    expect(none.message).toContain("未找到在校生数列");
    expect(none.message).toContain("「封面」、「学校」");
    expect(result.skipped.map((s) => s.sheet)).toEqual(["封面", "学校"]);
  });

  it("without any indicator column: an error, and the schools are still listed", () => {
    const result = readSheets([
      grid("小学", [
        ["学校名称", "在校生数", "备注"],
        ["城关小学", 1200, E],
      ]),
    ]);
    expect(result.records.map((r) => r.name)).toEqual(["城关小学"]);
    const d = result.diagnostics.find((x) => x.code === "sheets.indicators-missing")!;
    expect([d.level, d.sheet]).toEqual(["error", "小学"]);
    expect(d.message).toContain("未找到任何指标列");
  });

  it("a row with figures but no school name is not read, naming the name cell", () => {
    const result = readSheets([
      grid("小学", [
        ["学校名称", "在校生数", "网络多媒体教室数"],
        [E, 1200, 30],
        ["城关小学", 1000, 25],
      ]),
    ]);
    expect(result.records.map((r) => r.name)).toEqual(["城关小学"]);
    expect(cellsOf(result.diagnostics, "sheets.name-missing")).toEqual(["A2"]);
  });
});

describe("units", () => {
  it("reads 万元 and 万平方米 from headers, and warns when unmarked equipment looks like 万元", () => {
    const result = readSheets([
      grid("小学", [
        ["学校名称", "在校生数", "教学仪器设备值（万元）", "教学及辅助用房面积（万平方米）"],
        ["城关小学", 1000, 1.1, 0.56],
      ]),
      grid("初中", [
        ["学校名称", "在校生数", "教学仪器设备值"],
        ["城关中学", 1000, 250],
      ]),
    ]);
    expect(result.records[0].facilities).toEqual({ equipmentValue: 11000, teachingArea: 5600 });
    expect(result.records[0].source!.factors).toEqual({
      "facilities.equipmentValue": 10000,
      "facilities.teachingArea": 10000,
    });
    expect(result.tables[0].units).toEqual([
      "教学仪器设备值：万元→元",
      "教学及辅助用房面积：万平方米→平方米",
    ]);
    expect(result.records[1].facilities).toEqual({ equipmentValue: 250 });
    expect(result.tables[1].units).toEqual(["教学仪器设备值：未注明单位，按元读取"]);
    expect(cellsOf(result.diagnostics, "sheets.unit-suspect")).toEqual(["C1"]);
  });

  it("finds the 「单位：」 line when it shares a cell with 「填报单位：」", () => {
    const result = readSheets([
      grid("小学", [
        ["示范县2023年小学办学条件统计表"],
        ["填报单位：示范县教育局（盖章）　　单位：人、平方米、万元"],
        ["学校名称", "在校生数", "教学仪器设备值"],
        ["城关小学", 1000, 250],
      ]),
    ]);
    expect(result.records[0].facilities).toEqual({ equipmentValue: 2_500_000 });
    expect(result.tables[0].units).toEqual(["教学仪器设备值：万元→元（据表头「单位」行）"]);
  });
});

describe("columns for county items the school sheets can decide (G6, G9, G12, Q4)", () => {
  it("reads 核定公用经费, 教师培训经费, 公用经费预算 (万元 converted), 360学时 and 持证 counts", () => {
    const result = readSheets([
      grid("小学", [
        [
          "学校名称",
          "在校生数",
          "专任教师数",
          "持证上岗教师数",
          "应完成5年360学时培训教师数",
          "已完成5年360学时培训教师数",
          "核定公用经费（万元）",
          "教师培训经费（万元）",
          "年度公用经费预算（万元）",
        ],
        ["甲村小", 99, 10, 10, 8, 8, 6.5, 0.5, 10],
      ]),
    ]);
    const [school] = result.records;
    expect(school.stages.primary!.teachers).toEqual({
      fullTime: 10,
      certified: 10,
      trainingDue: 8,
      trainingDone: 8,
    });
    expect(school.facilities).toEqual({
      approvedPublicFunds: 65000,
      trainingFunds: 5000,
      publicFundsBudget: 100000,
    });
    expect(result.diagnostics.filter((d) => d.level !== "info")).toEqual([]);
  });

  it("reads the shorter wordings 应参训教师数 / 已参训教师数 / 具有教师资格的教师数", () => {
    const result = readSheets([
      grid("初中", [
        ["学校名称", "在校生数", "应参训教师数", "已参训教师数", "具有教师资格证的教师数"],
        ["城关中学", 900, 70, 69, 71],
      ]),
    ]);
    expect(result.records[0].stages.junior!.teachers).toEqual({
      trainingDue: 70,
      trainingDone: 69,
      certified: 71,
    });
  });

  it("a share column (持证率, 培训经费占比) is not read as a count or an amount", () => {
    const result = readSheets([
      grid("小学", [
        ["学校名称", "在校生数", "持证上岗率", "培训经费占比"],
        ["甲村小", 99, 1, 0.05],
      ]),
    ]);
    const teachers = result.records[0].stages.primary!.teachers ?? {};
    expect(teachers.certified).toBeUndefined();
    expect(result.records[0].facilities?.trainingFunds).toBeUndefined();
  });
});
