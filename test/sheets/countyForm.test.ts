import type { SheetGrid } from "../../src/sheets/grid";
import { readCountyForms } from "../../src/sheets";

function grid(
  rows: SheetGrid["rows"],
  name = "县域指标",
  extra: Partial<SheetGrid> = {}
): SheetGrid {
  return { name, rows, merges: [], ...extra };
}

const header = ["编号", "项目", "要求", "填报值", "单位", "佐证材料"];

describe("finding the county form", () => {
  it("finds the header (编号 + 填报值) below a title under any sheet name, and reads values by kind", () => {
    const { forms, sheets, diagnostics } = readCountyForms([
      grid([["小学"], ["学校名称", "在校生数"]], "小学"),
      grid(
        [
          ["某县县域义务教育优质均衡发展县域指标"],
          ["填报单位：某县教育局"],
          header,
          ["G1", "学校规划布局合理", "", "是", "", "某县学校布局规划（2021—2030）"],
          ["G2-1", "生均公用经费基准定额（小学）", "", "650", "元"],
          ["G11-1", "符合交流轮岗条件的教师数", "", 1704],
          ["G11-2", "上一年度交流轮岗教师数", "", "173人"],
          ["G14-4", "向农村初中倾斜", "", "√"],
          ["G15-4", "留守儿童关爱体系健全", "", "已具备"],
          ["V1", "以考试方式招生", "", "×"],
          ["V2", "违规择校", "", "未具备"],
          ["Q9-1", "语文学业水平等级", "", "水平Ⅲ"],
          ["Q9-2", "语文校际差异率", "", "12%"],
          ["Q9-3", "数学学业水平等级", "", 4],
          ["Q9-4", "数学校际差异率", "", 0.08],
          ["Q9-5", "科学学业水平等级", "", "Ⅱ级"],
          ["Q8", "无过重课业负担", "", null],
        ],
        "我县填报"
      ),
    ]);
    expect(sheets).toEqual(["我县填报"]);
    expect(forms).toHaveLength(1);
    const e = forms[0].entries;
    expect(e.G1).toEqual({
      code: "G1",
      value: true,
      sheet: "我县填报",
      cell: "D4",
      evidence: "某县学校布局规划（2021—2030）",
      evidenceCell: "F4",
    });
    expect(e["Q9-1"].fromText).toBe(true);
    expect(e["G2-1"].value).toBe(650);
    expect(e["G11-2"].value).toBe(173);
    expect(e["G14-4"].value).toBe(true);
    expect(e["G15-4"].value).toBe(true);
    expect(e.V1.value).toBe(false);
    expect(e.V2.value).toBe(false);
    expect(e["Q9-1"].value).toBe(3);
    expect(e["Q9-2"].value).toBeCloseTo(0.12, 12);
    expect(e["Q9-3"].value).toBe(4);
    expect(e["Q9-4"].value).toBe(0.08);
    expect(e["Q9-5"].value).toBe(2);
    expect(e.Q8).toMatchObject({ value: null, cell: "D17" });
    expect(diagnostics.filter((d) => d.level !== "info")).toEqual([]);
  });

  it("reads a minimal form typed by a bureau: 编号, 项目, 填报值 only, with a 县（区） column for a city", () => {
    const { forms } = readCountyForms([
      grid(
        [
          ["县（区）", "编号", "项目", "填报值"],
          ["甲县", "G11－1", "符合条件教师", 100],
          [null, "g11-2", "轮岗", 10],
          ["乙县", "G11-1", "符合条件教师", 200],
          ["乙县", "G11-2", "轮岗", 30],
        ],
        "Sheet1"
      ),
    ]);
    expect(
      forms.map((f) => [f.county, f.entries["G11-1"].value, f.entries["G11-2"].value])
    ).toEqual([
      ["甲县", 100, 10],
      ["乙县", 200, 30],
    ]);
  });

  it("is not found in a sheet without 编号 and 填报值", () => {
    expect(
      readCountyForms([
        grid([
          ["编号", "学校名称", "在校生数"],
          ["1", "一小", 100],
        ]),
      ]).sheets
    ).toEqual([]);
  });
});

describe("rates entered as such (填报比例)", () => {
  it("reads 「96.1%」 text and a %-formatted 0.961 in a numerator row as a rate", () => {
    const { forms } = readCountyForms([
      grid(
        [
          ["编号", "填报值"],
          ["G15-2", "96.1%"],
          ["G11-2", 0.1015],
          ["G11-3", 0.4509],
        ],
        "县域指标",
        { percentCells: ["B3"] }
      ),
    ]);
    const e = forms[0].entries;
    expect(e["G15-2"]).toMatchObject({ value: 0.961, percent: true });
    expect(e["G11-2"]).toMatchObject({ value: 0.1015, percent: true });
    // No % format reported (Office.js values): a fraction cannot be a count, so it is the rate.
    expect(e["G11-3"]).toMatchObject({ value: 0.4509, percent: true });
  });

  it("a percent in a row that takes no rate is a diagnostic", () => {
    const { forms, diagnostics } = readCountyForms([
      grid([
        ["编号", "填报值"],
        ["G11-1", "50%"],
      ]),
    ]);
    expect(forms[0].entries["G11-1"].invalid).toContain("不能填比例");
    expect(diagnostics.find((d) => d.code === "county-form.bad-value")).toMatchObject({
      sheet: "县域指标",
      cell: "B2",
    });
  });
});

describe("bad input in the form", () => {
  function read(rows: SheetGrid["rows"]) {
    return readCountyForms([grid([["编号", "项目", "填报值"], ...rows])]);
  }

  it.each([
    ["a count that is not a number", ["G12-1", "专任教师数", "三千"], "应为数量"],
    ["a negative count", ["G12-1", "专任教师数", -3], "不能为负数"],
    ["a fractional head count", ["G12-1", "专任教师数", 12.5], "应为整数"],
    ["a level that is not Ⅰ–Ⅳ", ["Q9-1", "语文", "Ⅴ"], "Ⅰ–Ⅳ"],
    ["a yes/no that is neither", ["G1", "布局", "基本合理"], "应填「是」或「否」"],
    ["a rate above 1 without %", ["Q9-2", "差异率", 12], "0到1之间"],
  ])("%s: diagnostic naming sheet and cell, the row unusable", (_name, row, expected) => {
    const { forms, diagnostics } = read([row as SheetGrid["rows"][number]]);
    const d = diagnostics.find((x) => x.code === "county-form.bad-value")!;
    expect(d).toMatchObject({ sheet: "县域指标", cell: "C2" });
    expect(d.message).toContain("「县域指标」C2");
    expect(d.message).toContain(expected);
    expect(forms[0].entries[String(row[0])].invalid).toBeTruthy();
  });

  it("a part larger than its whole", () => {
    const { forms, diagnostics } = read([
      ["G11-1", "符合条件", 100],
      ["G11-2", "轮岗", 120],
    ]);
    expect(forms[0].entries["G11-2"].invalid).toContain("大于");
    expect(diagnostics.find((d) => d.code === "county-form.part-exceeds-whole")).toMatchObject({
      cell: "C3",
    });
  });

  it("an unknown code", () => {
    const { diagnostics } = read([["G99-1", "乱填", 1]]);
    expect(diagnostics.find((d) => d.code === "county-form.unknown-code")).toMatchObject({
      sheet: "县域指标",
      cell: "A2",
    });
  });

  it("a code twice: the item cannot be decided", () => {
    const { forms, diagnostics } = read([
      ["G8-1", "教师工资", 100000],
      ["G8-1", "教师工资", 120000],
    ]);
    expect(forms[0].entries["G8-1"].invalid).toContain("出现两次");
    expect(diagnostics.find((d) => d.code === "county-form.duplicate-code")!.message).toContain(
      "C2和C3"
    );
  });

  it("survives hostile grids", () => {
    expect(() =>
      readCountyForms([
        null as unknown as SheetGrid,
        grid([
          ["编号", "填报值"],
          [{ error: "#N/A" }, { error: "#REF!" }],
          ["G8-1", { error: "#DIV/0!" }],
        ]),
      ])
    ).not.toThrow();
  });
});

describe("sparse rows", () => {
  it("reads rows with holes (as hosts build them) without failing", () => {
    const rows = [["说明"], , ["编号", , "填报值"], ["G1", , "是"]] as SheetGrid["rows"];
    const { forms } = readCountyForms([grid([], "学校"), { name: "县域指标", merges: [], rows }]);
    expect(forms[0].entries.G1).toMatchObject({ value: true, cell: "C4" });
  });
});
