/**
 * 表Ⅳ, 表Ⅴ, 表Ⅵ, 佐证材料清单 and 审计总览's whole-standard verdict: live formulas over the county
 * form that recompute to the engine's words and numbers, and follow the form when it changes.
 */
import { audit } from "../../src/engine";
import { buildPlan, type WorkbookPlan } from "../../src/report";
import { readCountyForms } from "../../src/sheets";
import { a1, type CellValue, type SheetGrid } from "../../src/sheets/grid";
import { passingCounty, PASSING_VALUES } from "../engine/countyFixtures";
import { formulaMismatches, PlanWorkbook, type SourceSheets } from "./formulaEval";
import { allCells, at, AUDITED_AT, rowsWith, sheetOf } from "./helpers";

type Values = Record<string, number | boolean | string | null>;

function formGrid(values: Values): SheetGrid {
  const rows: CellValue[][] = [["县域指标"], ["编号", "项目", "填报值", "佐证材料"]];
  for (const [code, v] of Object.entries(values))
    rows.push([
      code,
      code,
      typeof v === "boolean" ? (v ? "是" : "否") : v,
      code === "G1" ? "布局规划" : null,
    ]);
  return { name: "县域指标", rows, merges: [] };
}

function sourcesOf(grid: SheetGrid): SourceSheets {
  const cells: Record<string, string | number | boolean | null> = {};
  grid.rows.forEach((row, r) =>
    row.forEach((v, c) => v !== null && typeof v !== "object" && (cells[a1(r, c)] = v))
  );
  return { [grid.name]: cells };
}

function planFor(values: Values): {
  plan: WorkbookPlan;
  grid: SheetGrid;
  result: ReturnType<typeof audit>;
} {
  const grid = formGrid(values);
  const { forms } = readCountyForms([grid]);
  const result = audit(passingCounty(), {}, { countyForms: forms });
  return {
    plan: buildPlan({ result, records: passingCounty(), auditedAt: AUDITED_AT }),
    grid,
    result,
  };
}

function verdictOf(plan: WorkbookPlan, sources: SourceSheets, id: string): unknown {
  const sheet = plan.sheets.find((s) =>
    s.rows.some((r) => String(r.cells[1]?.value ?? "").startsWith(`${id} `))
  )!;
  const row = sheet.rows.find((r) => String(r.cells[1]?.value ?? "").startsWith(`${id} `))!;
  const cell = row.cells[3]!;
  return cell.formula
    ? new PlanWorkbook(plan, sources).evaluate(cell.formula, sheet.name)
    : cell.value;
}

describe("the county declaration tables", () => {
  it("writes 表Ⅳ, 表Ⅴ, 表Ⅵ and 佐证材料清单 when a form was read; every formula recomputes to its cached value", () => {
    const { plan, grid, result } = planFor(PASSING_VALUES);
    expect(plan.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["表Ⅳ", "表Ⅴ", "表Ⅵ", "佐证材料清单"])
    );
    expect(result.verdict).toBe("pass");
    expect(formulaMismatches(plan, sourcesOf(grid))).toEqual([]);
    const iv = sheetOf(plan, "declaration-IV");
    const g11 = rowsWith(iv, 1, "G11 教师交流轮岗")[0];
    expect(at(iv, g11, 2)?.value).toBe(
      "全县符合交流轮岗条件教师总数1704名，上一年度交流轮岗教师173名，占比10.2%；交流轮岗的骨干教师78名，占交流轮岗教师总数的45.1%"
    );
    expect(at(iv, g11, 2)?.formula).toContain("TEXT('县域指标'!C");
    expect(at(iv, g11, 3)).toMatchObject({ value: "达标" });
    expect(at(iv, g11, 3)?.formula).toContain("'县域指标'!C");
    const summary = sheetOf(plan, "summary");
    expect(at(summary, rowsWith(summary, 0, "全县")[0], 1)).toMatchObject({ value: "达标" });
    const evidence = sheetOf(plan, "evidence");
    expect(at(evidence, rowsWith(evidence, 1, "G1")[0], 3)).toMatchObject({ value: "布局规划" });
    expect(at(evidence, rowsWith(evidence, 1, "Q3")[0], 3)).toMatchObject({ value: "待补充" });
    // Every declaration table carries the signature lines.
    for (const kind of ["declaration-IV", "declaration-V", "declaration-VI"] as const) {
      const texts = allCells({ sheets: [sheetOf(plan, kind)], activate: kind }).map((c) =>
        String(c.cell.value)
      );
      expect(
        texts.some((t) => t.includes("填表人") && t.includes("审核人") && t.includes("日期"))
      ).toBe(true);
      expect(texts.some((t) => t.startsWith("填报单位（盖章）"))).toBe(true);
    }
  });

  it("the verdicts are live: a changed form cell changes the item, its dimension and the county verdict", () => {
    const { plan, grid } = planFor(PASSING_VALUES);
    const sources = sourcesOf(grid);
    const g112 = Object.entries(sources["县域指标"])
      .find(([, v]) => v === "G11-2")![0]
      .replace("A", "C");
    sources["县域指标"][g112] = 170; // 170 of 1704 is 9.98%: under 10%
    expect(verdictOf(plan, sources, "G11")).toBe("未达标");
    const summary = sheetOf(plan, "summary");
    const row = rowsWith(summary, 0, "全县")[0];
    const book = new PlanWorkbook(plan, sources);
    expect(book.evaluate(at(summary, row, 3)!.formula!, summary.name)).toBe("未达标");
    expect(book.evaluate(at(summary, row, 1)!.formula!, summary.name)).toBe("未达标");
    sources["县域指标"][g112] = null;
    expect(verdictOf(plan, sources, "G11")).toBe("未核查");
    expect(
      new PlanWorkbook(plan, sources).evaluate(at(summary, row, 1)!.formula!, summary.name)
    ).toBe("未完成");
  });

  it("rates entered as text and blank rows: formulas still agree with the engine (未核查, 未完成)", () => {
    const { plan, grid, result } = planFor({
      ...PASSING_VALUES,
      "G15-1": null,
      "G15-2": "96.1%",
      "G15-3": null,
      "Q9-1": "水平Ⅲ",
      Q8: null,
      V2: null,
    });
    expect(result.counties[0].items.find((i) => i.id === "G15")).toMatchObject({
      status: "pass",
      source: "form-rate",
    });
    expect(result.verdict).toBe("incomplete");
    expect(formulaMismatches(plan, sourcesOf(grid))).toEqual([]);
    const iv = sheetOf(plan, "declaration-IV");
    expect(String(at(iv, rowsWith(iv, 1, "G15 随迁子女与留守儿童")[0], 2)?.value)).toContain(
      "全县符合条件的随迁子女数__人，在公办学校就读__人，在政府购买服务的民办学校就读__人，合计__人，占比96.1%（填报比例）；留守儿童关爱体系已具备"
    );
    const summary = sheetOf(plan, "summary");
    expect(at(summary, rowsWith(summary, 0, "全县")[0], 1)).toMatchObject({ value: "未完成" });
    const pending = allCells({ sheets: [summary], activate: "summary" }).find((c) =>
      String(c.cell.value).startsWith("待补充")
    );
    expect(pending).toBeDefined();
    expect(String(at(summary, pending!.row, 1)?.value)).toMatch(/^Q8、V2：/);
  });

  it("a failed item: the table says 未达标 and the county 未达标", () => {
    const { plan, grid, result } = planFor({
      ...PASSING_VALUES,
      "G8-1": 100000,
      "G8-2": 110000,
      V3: true,
    });
    expect(result.verdict).toBe("fail");
    expect(formulaMismatches(plan, sourcesOf(grid))).toEqual([]);
    expect(verdictOf(plan, sourcesOf(grid), "G8")).toBe("未达标");
    const vi = sheetOf(plan, "declaration-VI");
    expect(at(vi, rowsWith(vi, 0, "V3")[0], 8)).toMatchObject({ value: "触发" });
  });

  it("表Ⅵ: 问卷总数 and the 「其中：家长」 row beside 计; only 计 is judged", () => {
    const { plan, grid } = planFor({
      ...PASSING_VALUES,
      "S1-3": 40,
      "S1-4": 35, // 87.5%
      "S1-6": 600,
      "S1-7": 580,
      "S1-8": 480, // 82.8%: shown for the parents, not judged
      "S1-9": 20,
      "S1-10": 19,
    });
    expect(formulaMismatches(plan, sourcesOf(grid))).toEqual([]);
    const vi = sheetOf(plan, "declaration-VI");
    const header = rowsWith(vi, 0, "对象")[0];
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => at(vi, header, c)?.value)).toEqual([
      "问卷总数",
      "回收有效问卷数",
      "满意问卷数",
      "问卷调查综合满意度",
      "实地走访人数",
      "满意人数",
      "实地走访满意度",
      "是否达标",
    ]);
    const total = rowsWith(vi, 0, "计")[0];
    expect([1, 2, 3, 5, 6].map((c) => at(vi, total, c)?.value)).toEqual([1050, 1000, 950, 40, 35]);
    expect(at(vi, total, 4)?.value).toBeCloseTo(0.95);
    expect(at(vi, total, 7)?.value).toBeCloseTo(0.875);
    expect(at(vi, total, 8)).toMatchObject({ value: "达标" });
    expect(at(vi, total, 1)?.formula).toMatch(/^'县域指标'!C\d+$/);
    const parents = rowsWith(vi, 0, "其中：家长")[0];
    expect([1, 2, 3, 5, 6].map((c) => at(vi, parents, c)?.value)).toEqual([600, 580, 480, 20, 19]);
    expect(at(vi, parents, 4)?.value).toBeCloseTo(480 / 580);
    expect(at(vi, parents, 4)?.formula).toContain("/");
    expect(at(vi, parents, 8)?.value).toBe("—");
  });

  it("表Ⅵ: a form without the 问卷总数 and 家长 rows still audits S1 (those cells stay empty)", () => {
    const { plan, grid, result } = planFor(PASSING_VALUES);
    expect(result.counties[0].items.find((i) => i.id === "S1")?.status).toBe("pass");
    expect(formulaMismatches(plan, sourcesOf(grid))).toEqual([]);
    const vi = sheetOf(plan, "declaration-VI");
    const parents = rowsWith(vi, 0, "其中：家长")[0];
    expect([1, 2, 3, 4].map((c) => at(vi, parents, c)?.value ?? "")).toEqual(["", "", "", ""]);
  });

  it("表Ⅵ: 回收有效问卷数 above 问卷总数 is a part above its whole (S1 未核查, a diagnostic)", () => {
    const { result } = planFor({ ...PASSING_VALUES, "S1-5": 900 });
    expect(result.counties[0].items.find((i) => i.id === "S1")?.status).toBe("unchecked");
  });
});

describe("表Ⅳ and 表Ⅴ sentences (指标值或简要结论)", () => {
  const sentenceOf = (plan: WorkbookPlan, id: string) => {
    const sheet = plan.sheets.find((s) =>
      s.rows.some((r) => String(r.cells[1]?.value ?? "").startsWith(`${id} `))
    )!;
    const row = sheet.rows.find((r) => String(r.cells[1]?.value ?? "").startsWith(`${id} `))!;
    return { sheet, cell: row.cells[2]! };
  };
  const live = (plan: WorkbookPlan, sources: SourceSheets, id: string) => {
    const { sheet, cell } = sentenceOf(plan, id);
    return cell.formula
      ? new PlanWorkbook(plan, sources).evaluate(cell.formula, sheet.name)
      : cell.value;
  };

  it("fills each item's sentence: counts and 元 as integers, rates to one decimal, levels as Ⅰ–Ⅳ, evidence as 已具备 / 未具备 with the document", () => {
    const { plan } = planFor({
      ...PASSING_VALUES,
      "G8-1": 120000.6,
      "G13-3": 801,
      "G13-4": 781, // 97.503…% shows 97.5%
      Q5: false,
    });
    const text = (id: string) => sentenceOf(plan, id).cell.value;
    expect(text("G1")).toBe("已具备（布局规划）");
    expect(text("Q5")).toBe("未具备");
    expect(text("G8")).toBe("全县教师年平均工资收入120001元，当地公务员年平均工资收入110000元");
    expect(text("G7")).toBe("全县特殊教育学校公用经费600000元，在校生100人，生均公用经费6000元");
    expect(text("G13")).toBe(
      "城区和镇区公办小学招生1000人，就近划片入学1000人，占比100.0%；公办初中招生801人，就近划片入学781人，占比97.5%"
    );
    expect(text("G15")).toBe(
      "全县符合条件的随迁子女数8049人，在公办学校就读7736人，在政府购买服务的民办学校就读0人，合计7736人，占比96.1%；留守儿童关爱体系已具备"
    );
    expect(text("Q1")).toBe(
      "全县初中毕业班学生数为980人，三年前该年级入学学生数为1000人，毕业年级三年转入学生数为10人，死亡学生数为0人，转出学生数为5人，全县初中三年巩固率为97.5%"
    );
    expect(String(text("Q9"))).toMatch(/^语文Ⅲ级、校际差异率0\.10；数学Ⅳ级、校际差异率0\.12；/);
  });

  it("a recorded figure the reader rejected (G2-1 as a rate) prints 「__」, and the formula agrees", () => {
    const { plan, grid } = planFor({ ...PASSING_VALUES, "G2-1": "65%" });
    expect(formulaMismatches(plan, sourcesOf(grid))).toEqual([]);
    expect(sentenceOf(plan, "G2").cell.value).toBe(
      "已具备；生均公用经费基准定额小学__元、初中850元"
    );
    expect(sentenceOf(plan, "G2").cell.formula).not.toContain("TEXT('县域指标'!C5");
  });

  it("a verdict on the unrounded value: 94.96% shows 95.0% and is still 未达标", () => {
    const { plan, grid } = planFor({ ...PASSING_VALUES, "Q2-1": 2500, "Q2-2": 2374 });
    expect(sentenceOf(plan, "Q2").cell.value).toBe(
      "全县适龄残疾儿童少年2500人，入学2374人，入学率95.0%"
    );
    expect(verdictOf(plan, sourcesOf(grid), "Q2")).toBe("未达标");
  });

  it("the sentence is live: a changed form cell changes it; a blank one turns it into the rows to fill", () => {
    const { plan, grid } = planFor(PASSING_VALUES);
    const sources = sourcesOf(grid);
    const g112 = Object.entries(sources["县域指标"])
      .find(([, v]) => v === "G11-2")![0]
      .replace("A", "C");
    sources["县域指标"][g112] = 170;
    expect(live(plan, sources, "G11")).toBe(
      "全县符合交流轮岗条件教师总数1704名，上一年度交流轮岗教师170名，占比10.0%；交流轮岗的骨干教师78名，占交流轮岗教师总数的45.9%"
    );
    sources["县域指标"][g112] = null;
    expect(live(plan, sources, "G11")).toBe("未填报（请在县域指标表填写 G11-1、G11-2、G11-3）");
  });

  it("an unchecked item says which rows to fill, in the form's order", () => {
    const { plan } = planFor({ ...PASSING_VALUES, "G9-1": null });
    expect(sentenceOf(plan, "G9").cell.value).toBe("未填报（请在县域指标表填写 G9-1、G9-2）");
  });
});

describe("items the school sheets decided (G9 from per-school training counts)", () => {
  it("表Ⅳ writes the sentence over the school figures, the verdict as a formula, and 问题清单 the shortfall", () => {
    const records = passingCounty().map((s, i) => {
      const stage = Object.values(s.stages)[0]!;
      stage.teachers = { ...stage.teachers, trainingDue: 50, trainingDone: i === 0 ? 48 : 50 };
      return s;
    });
    const grid = formGrid(PASSING_VALUES);
    const { forms } = readCountyForms([grid]);
    const result = audit(records, {}, { countyForms: forms });
    expect(result.counties[0].items.find((i) => i.id === "G9")).toMatchObject({
      status: "fail",
      source: "schools",
    });
    const plan = buildPlan({ result, records, auditedAt: AUDITED_AT });
    expect(formulaMismatches(plan, sourcesOf(grid))).toEqual([]);
    const iv = sheetOf(plan, "declaration-IV");
    const row = rowsWith(iv, 1, "G9 教师5年360学时培训")[0];
    expect(String(at(iv, row, 2)?.value)).toBe(
      "全县应完成5年360学时培训的教师200名，已完成198名，完成率99.0%（据学校表逐校核查）；未达100%的学校：「一小」48/50"
    );
    expect(at(iv, row, 3)).toMatchObject({ value: "未达标" });
    expect(at(iv, row, 3)?.formula).not.toContain("县域指标");
    const findings = sheetOf(plan, "findings");
    const g9 = rowsWith(findings, 3, "G9")[0];
    expect(at(findings, g9, 9)).toMatchObject({ value: "已完成5年360学时培训的教师数还需增加2人" });
  });
});

describe("问题清单 rows for failed county items", () => {
  it("says what it takes, as a live formula, and links to the form cell", () => {
    const { plan, grid } = planFor({
      ...PASSING_VALUES,
      "G11-2": 170,
      "G8-1": 100000,
      "G8-2": 110000,
      "S1-1": 1000,
      "S1-2": 800,
      Q5: false,
    });
    expect(formulaMismatches(plan, sourcesOf(grid))).toEqual([]);
    const findings = sheetOf(plan, "findings");
    const advice = (id: string) => at(findings, rowsWith(findings, 3, id)[0], 9);
    expect(advice("G11")).toMatchObject({ value: "上一年度交流轮岗教师数还需增加1人" });
    expect(advice("G11")?.formula).toContain("'县域指标'!");
    expect(advice("G8")).toMatchObject({ value: "还需提高10000元" });
    expect(advice("S1")).toMatchObject({ value: "满意问卷数还需增加50份" });
    expect(advice("Q5")?.value).toContain("提供佐证材料");
    expect(at(findings, rowsWith(findings, 3, "G11")[0], 10)?.link).toMatch(/^'县域指标'!C\d+$/);
  });
});
