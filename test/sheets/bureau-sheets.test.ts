/**
 * Issue #18: twelve ways a real bureau sheet changed the verdict in silence. Each block is built
 * from the example and failed on the reader before the fix.
 */
import { audit } from "../../src/engine";
import { indicatorValue } from "../../src/functions/ratios";
import { readSheets } from "../../src/sheets";
import { parseNumberCell } from "../../src/sheets/numbers";
import { UNITS } from "../../src/sheets/units";
import { cellsOf, grid } from "./helpers";

const E: null = null;

describe("1. the kind in a school's name or 学校类型 cell decides exclusion, not its 学段 cell", () => {
  const rows = [
    ["学校名称", "学段", "在校生数", "县级及以上骨干教师数"],
    ["县特殊教育学校", "小学", 120, 3],
    ["王庄教学点", "小学", 30, 0],
    ["李庄教学点", "小学", 60, 1],
    ["县职业高级中学", "初中", 300, 5],
    ["城关小学", "小学", 900, 9],
  ];
  const read = readSheets([grid("学校", rows)]);
  const kinds = Object.fromEntries(
    read.records.map((r) => [r.name, [r.kind, Object.keys(r.stages).join()]])
  );

  it("reads the special and vocational schools as such, the teaching points as teaching points of their stage", () => {
    expect(kinds["县特殊教育学校"][0]).toBe("special");
    expect(kinds["县职业高级中学"][0]).toBe("vocational");
    expect(kinds["王庄教学点"]).toEqual(["teachingPoint", "primary"]);
    expect(kinds["李庄教学点"]).toEqual(["teachingPoint", "primary"]);
  });

  it("audits only the ordinary school and the teaching point of 50 pupils or more", () => {
    const result = audit(read.records);
    expect(result.schools.map((s) => s.name).sort()).toEqual(["城关小学", "李庄教学点"].sort());
    expect(result.excluded.map((e) => e.name).sort()).toEqual(
      ["县特殊教育学校", "县职业高级中学", "王庄教学点"].sort()
    );
  });

  it("excludes a school whose 学校类型 cell says 特殊教育 although its name does not", () => {
    const r = readSheets([
      grid("学校", [
        ["学校名称", "学校类型", "在校生数", "县级及以上骨干教师数"],
        ["阳光学校", "特殊教育学校", 80, 2],
        ["城关小学", "小学", 900, 9],
      ]),
    ]);
    expect(audit(r.records).excluded.map((e) => e.name)).toEqual(["阳光学校"]);
  });
});

describe("2. a 「其中：」 column is a part of its total, never added to it", () => {
  const rows = [
    ["学校名称", "在校生数", "其中：高中在校生数", "高于规定学历教师数", "县级及以上骨干教师数"],
    ["第一中学", 2100, 1200, 160, 30],
  ];
  const read = readSheets([grid("初中", rows)]);
  const record = read.records[0];

  it("gives the junior part of a 完全中学 the total less the senior pupils", () => {
    expect(record.kind).toBe("completeMiddle");
    expect(record.stages.junior?.pupils).toBe(900);
    expect(record.seniorPupils).toBe(1200);
    expect(record.source?.less).toEqual({ "pupils.junior": "C2" });
    expect(cellsOf(read.diagnostics, "sheets.part-of-total")).toEqual(["B2"]);
  });

  it("splits the whole-school teachers over 900 junior and 1200 senior pupils: L1 6.84, no G4 failure", () => {
    const result = audit(read.records);
    expect(result.schools[0].students).toBe(900);
    expect(result.schools[0].values.L1).toBeCloseTo((160 * 900) / (900 + 1.2 * 1200) / 9, 6);
    expect(result.schools[0].values.L1).toBeCloseTo(6.84, 2);
    expect(result.guarantees.filter((g) => g.id === "G4" && !g.pass)).toEqual([]);
  });

  it("refuses a part that is not less than its total, naming the cell", () => {
    const r = readSheets([grid("初中", [rows[0], ["第一中学", 1000, 1200, 160, 30]])]);
    expect(r.records).toEqual([]);
    expect(cellsOf(r.diagnostics, "sheets.part-exceeds-total")).toEqual(["C2"]);
  });
});

describe("3. the sheet's 万元 line scales money totals only, never a per-pupil column", () => {
  const read = readSheets([
    grid("小学", [
      ["某县小学资源配置情况统计表"],
      ["单位：人、平方米、万元"],
      ["学校名称", "在校生数", "生均教学仪器设备值（元/生）", "教学仪器设备值"],
      ["城关小学", 1000, 1500, 150],
    ]),
  ]);

  it("reads 1500 元/生 as 1500 and the 万元 total as 1,500,000", () => {
    const r = read.records[0];
    expect(r.stages.primary?.given?.L6).toBe(1500);
    expect(r.facilities?.equipmentValue).toBe(1_500_000);
  });

  it("keeps a per-pupil column without a unit in 元 under a 万元 line", () => {
    const r = readSheets([
      grid("小学", [
        ["单位：万元"],
        ["学校名称", "在校生数", "生均教学仪器设备值"],
        ["城关小学", 1000, 1500],
      ]),
    ]);
    expect(r.records[0].stages.primary?.given?.L6).toBe(1500);
  });
});

describe("4. subtotal rows, whatever their decoration, are never schools", () => {
  const labels = [
    "城关镇（小计）",
    "城关镇小计：",
    "河口乡合计（1所）",
    "全县总计（不含教学点）",
    "两镇共计",
  ];
  const rows = [
    ["学校名称", "在校生数", "县级及以上骨干教师数"],
    ["城关小学", 900, 9],
    ...labels.map((l, i) => [l, 40 + i, 1]),
    ["河口小学", 600, 6],
  ];
  const read = readSheets([grid("小学", rows)]);

  it("skips them and counts them among the skipped rows", () => {
    expect(read.records.map((r) => r.name)).toEqual(["城关小学", "河口小学"]);
    const line = read.diagnostics.find((d) => d.code === "sheets.total-rows")!;
    expect(line.cell).toBe("A3");
    expect(line.message).toContain("跳过5个合计/小计行");
    for (const l of labels) expect(line.message).toContain(l);
  });
});

describe("6. share and rate columns are never read as counts", () => {
  const headers = [
    "骨干教师占比（%）",
    "高于规定学历教师比例(%)",
    "体育艺术教师占比",
    "多媒体教室覆盖率",
  ];
  const read = readSheets([
    grid("小学", [
      ["学校名称", "在校生数", ...headers, "每百名学生拥有县级以上骨干教师数"],
      ["城关小学", 1000, 35, 90, 12, 100, 1.2],
    ]),
  ]);

  it("maps none of them to a field and keeps the indicator's own ratio wording", () => {
    expect(read.tables[0].columns.map((c) => c.field)).toEqual(["name", "pupils", "given.L2"]);
    const r = read.records[0];
    expect(r.stages.primary?.teachers).toBeUndefined();
    expect(r.facilities).toBeUndefined();
    expect(r.stages.primary?.given?.L2).toBe(1.2);
  });

  it("lists each one in 数据诊断 as set aside, with why", () => {
    expect(cellsOf(read.diagnostics, "sheets.share-column")).toEqual(["C1", "D1", "E1", "F1"]);
    expect(read.diagnostics.find((d) => d.cell === "C1")!.message).toContain("是比例或百分比");
  });
});

describe("7. two school years side by side: the latest is audited unless auditYear picks another", () => {
  const sheet = grid(
    "小学",
    [
      ["学校名称", "2023学年", E, "2024学年", E],
      [E, "在校生数", "县级及以上骨干教师数", "在校生数", "县级及以上骨干教师数"],
      ["城关小学", 900, 9, 1000, 12],
    ],
    [
      [0, 0, 1, 0],
      [0, 1, 0, 2],
      [0, 3, 0, 4],
    ]
  );

  it("reads the 2024 columns by default and says which year was used and which columns were set aside", () => {
    const read = readSheets([sheet]);
    expect(read.records[0].stages.primary).toEqual({ pupils: 1000, teachers: { backbone: 12 } });
    const line = read.diagnostics.find((d) => d.code === "sheets.year-chosen")!;
    expect(line.level).toBe("info");
    expect(line.message).toContain("审计2024年的列");
    expect(line.message).toContain("B列");
    expect(line.message).toContain("C列");
  });

  it("reads the 2023 columns with auditYear 2023", () => {
    const read = readSheets([sheet], { auditYear: 2023 });
    expect(read.records[0].stages.primary).toEqual({ pupils: 900, teachers: { backbone: 9 } });
    expect(read.diagnostics.find((d) => d.code === "sheets.year-chosen")!.message).toContain(
      "审计2023年的列"
    );
  });

  it("warns and reads the latest when auditYear names a year the sheet lacks", () => {
    const read = readSheets([sheet], { auditYear: 2019 });
    expect(read.records[0].stages.primary?.pupils).toBe(1000);
    expect(read.diagnostics.find((d) => d.code === "sheets.year-chosen")!.level).toBe("warning");
  });
});

describe("9. hidden and filtered-out rows are not audited by default, and are listed", () => {
  const rows = [
    ["学校名称", "在校生数", "县级及以上骨干教师数"],
    ["城关小学", 900, 9],
    ["甲县城东小学（2023年已撤并）", 300, 0],
    ["河口小学", 600, 6],
  ];
  const hidden = { ...grid("小学", rows), hiddenRows: [2] };

  it("leaves the hidden row out, names it in 数据诊断 and in hiddenRows", () => {
    const read = readSheets([hidden]);
    expect(read.records.map((r) => r.name)).toEqual(["城关小学", "河口小学"]);
    expect(read.hiddenRows).toEqual([
      { sheet: "小学", row: 3, cell: "A3", name: "甲县城东小学（2023年已撤并）" },
    ]);
    const line = read.diagnostics.find((d) => d.code === "sheets.hidden-rows")!;
    expect(line.cell).toBe("A3");
    expect(line.message).toContain("甲县城东小学（2023年已撤并）");
  });

  it("audits it with includeHiddenRows", () => {
    const read = readSheets([hidden], { includeHiddenRows: true });
    expect(read.records.map((r) => r.name)).toContain("甲县城东小学（2023年已撤并）");
    expect(read.hiddenRows).toEqual([]);
  });
});

describe("10. a unit written in the cell wins over the column's", () => {
  it("reads 「12.5万元」 in a 元 column as 125000 元 and 「1,250,000元」 in a 万元 column as 1,250,000 元", () => {
    const read = readSheets([
      grid("小学", [
        ["学校名称", "在校生数", "教学仪器设备值（元）"],
        ["城关小学", 1000, "12.5万元"],
      ]),
      grid("初中", [
        ["学校名称", "在校生数", "教学仪器设备值（万元）"],
        ["城关中学", 1000, "1,250,000元"],
        ["河口中学", 800, 90],
      ]),
    ]);
    const value = Object.fromEntries(
      read.records.map((r) => [r.name, r.facilities?.equipmentValue])
    );
    expect(value).toEqual({ 城关小学: 125000, 城关中学: 1_250_000, 河口中学: 900_000 });
    expect(cellsOf(read.diagnostics, "sheets.cell-unit")).toEqual(["C2", "C2"]);
  });

  it("leaves out a figure whose unit does not fit the field, with a warning", () => {
    const read = readSheets([
      grid("小学", [
        ["学校名称", "在校生数", "教学及辅助用房面积（㎡）"],
        ["城关小学", 1000, "12人"],
      ]),
    ]);
    expect(read.records[0].facilities?.teachingArea).toBeUndefined();
    expect(cellsOf(read.diagnostics, "sheets.cell-unit-mismatch")).toEqual(["C2"]);
  });

  it("reports the unit the cell carried", () => {
    expect(parseNumberCell("12.5万元")).toEqual({
      kind: "number",
      value: 12.5,
      fromText: true,
      unit: "万元",
    });
    expect(parseNumberCell("1,234.5㎡")).toEqual({
      kind: "number",
      value: 1234.5,
      fromText: true,
      unit: "m2",
    });
  });
});

describe("11. schools are the same when their code and stage, or name, stage and figures match", () => {
  const header = ["学校名称", "在校生数", "县级及以上骨干教师数"];

  it("reads township sheets' 「中心小学」 and 「初级中学」 of different figures as different schools, named with their township", () => {
    const read = readSheets([
      grid("城关镇", [header, ["中心小学", 900, 9], ["初级中学", 800, 8]]),
      grid("河口乡", [header, ["中心小学", 400, 3], ["初级中学", 300, 2]]),
    ]);
    expect(read.skipped).toEqual([]);
    expect(read.records.map((r) => r.name)).toEqual([
      "中心小学（城关镇）",
      "初级中学（城关镇）",
      "中心小学（河口乡）",
      "初级中学（河口乡）",
    ]);
    expect(cellsOf(read.diagnostics, "sheets.same-name")).toEqual(["A2", "A3"]);
    const result = audit(read.records);
    expect(result.schools.map((s) => s.name).sort()).toEqual(
      [
        "中心小学（城关镇）",
        "中心小学（河口乡）",
        "初级中学（城关镇）",
        "初级中学（河口乡）",
      ].sort()
    );
  });

  it("counts a school listed identically on two sheets once, with a warning naming both cells", () => {
    const read = readSheets([
      grid("城关镇", [header, ["中心小学", 900, 9], ["城关第二小学", 500, 5]]),
      grid("补报", [header, ["新建小学", 300, 3], ["中心小学", 900, 9]]),
    ]);
    expect(read.records.map((r) => r.name)).toEqual(["中心小学", "城关第二小学", "新建小学"]);
    const d = read.diagnostics.find((x) => x.code === "sheets.duplicate-school")!;
    expect(d.cell).toBe("A3");
    expect(d.message).toContain("城关镇!A2");
    expect(d.message).toContain("补报!A3");
  });

  it("takes two rows with the same 学校代码 and stage for one school even when a figure differs", () => {
    const coded = ["学校名称", "学校代码", "在校生数"];
    const read = readSheets([
      grid("小学", [
        coded,
        ["城关小学", "3101", 900],
        ["城关小学（本部）", "3101", 901],
        ["河口小学", "3102", 400],
      ]),
    ]);
    expect(read.records.map((r) => r.name)).toEqual(["城关小学", "河口小学"]);
  });

  it("reads a whole sheet that repeats an earlier one figure for figure once, with a warning", () => {
    const rows = [header, ["中心小学", 900, 9], ["城关第二小学", 500, 5]];
    const read = readSheets([grid("小学", rows), grid("小学 (2)", rows)]);
    expect(read.records).toHaveLength(2);
    expect(read.skipped.map((s) => s.sheet)).toEqual(["小学 (2)"]);
    expect(
      read.diagnostics.filter((d) => d.code === "sheets.duplicate-sheet").map((d) => d.level)
    ).toEqual(["warning"]);
  });

  it("keeps apart same-named schools of different counties by their county", () => {
    const read = readSheets([
      grid("小学", [
        ["区县", ...header],
        ["甲县", "中心小学", 900, 9],
        ["乙县", "中心小学", 400, 3],
      ]),
    ]);
    expect(read.records.map((r) => [r.county, r.name])).toEqual([
      ["甲县", "中心小学"],
      ["乙县", "中心小学"],
    ]);
  });
});

describe("JH.INDICATOR and the reader share one unit list", () => {
  it("accepts 「名」 for teachers and 「万平方米」 for areas, as the reader does", () => {
    expect(indicatorValue("L1", 9, 1000, "名")).toEqual({ ok: true, value: 0.9 });
    expect(indicatorValue("L4", 0.45, 1000, "万平方米")).toEqual({ ok: true, value: 4.5 });
    expect(UNITS.map((u) => u.word)).toEqual(
      expect.arrayContaining(["名", "万平方米", "万元", "平方米"])
    );
  });

  it("still refuses a unit of another measure, listing those that fit", () => {
    const f = indicatorValue("L4", 4500, 1000, "名");
    expect(f.ok).toBe(false);
    expect(!f.ok && f.message).toContain("「万平方米」");
  });
});

describe("1. (cont.) 启智/启明/启聪 name a special school only without a school stage word", () => {
  it("excludes 「县启智学校」 but audits 「示范区启智小学」 as a primary school", () => {
    const read = readSheets([
      grid("学校", [
        ["学校名称", "学段", "在校生数"],
        ["县启智学校", "小学", 80],
        ["示范区启智小学", "小学", 900],
      ]),
    ]);
    expect(read.records.map((r) => [r.name, r.kind])).toEqual([
      ["县启智学校", "special"],
      ["示范区启智小学", "primary"],
    ]);
  });
});
