import { audit, type AuditResult, type SchoolRecord } from "../../src/engine";
import { buildPlan, type PlannedSheet, type WorkbookPlan } from "../../src/report";
import { reportContext } from "../../src/report/context";
import { remark } from "../../src/report/declarationII2";
import { HOSTILE_NAME, smallCounty } from "./fixture";
import { formulaMismatches, PlanWorkbook, type SourceSheets } from "./formulaEval";
import { allCells, at, AUDITED_AT, cell, pos, rowsWith, sheetOf, weightedCv } from "./helpers";

let records: SchoolRecord[];
let sources: SourceSheets;
let result: AuditResult;
let plan: WorkbookPlan;
let schools: PlannedSheet;

beforeAll(() => {
  ({ records, sources } = smallCounty());
  result = audit(records);
  plan = buildPlan({ result, records, auditedAt: AUDITED_AT });
  schools = sheetOf(plan, "schools");
});

/** The 学校达标 row of a school part. */
function schoolRow(name: string, stage: "小学" | "初中"): number {
  const row = rowsWith(schools, 1, name).find((r) => at(schools, r, 2)?.value === stage);
  if (row === undefined) throw new Error(`${name} ${stage} not found`);
  return row;
}

describe("buildPlan for a small county: the sheets", () => {
  it("plans the eight audit sheets in reading order and shows the summary first", () => {
    expect(plan.sheets.map((s) => [s.kind, s.name])).toEqual([
      ["summary", "审计总览"],
      ["schools", "学校达标"],
      ["cv", "差异系数"],
      ["findings", "问题清单"],
      ["declaration-II-1", "表Ⅱ-1"],
      ["declaration-II-2", "表Ⅱ-2"],
      ["declaration-III", "表Ⅲ"],
      ["diagnostics", "数据诊断"],
    ]);
    expect(plan.activate).toBe("summary");
  });

  it("makes every sheet printable: landscape, fit to width, header rows repeated", () => {
    for (const sheet of plan.sheets) {
      expect(sheet.page.landscape).toBe(true);
      expect(sheet.page.fitToWidth).toBe(true);
      expect(sheet.page.repeatRows).toBeDefined();
      expect(sheet.columnWidths.length).toBeGreaterThan(0);
    }
    expect(schools.freeze).toEqual({ rows: 3, columns: 2 });
  });

  it("hides the CV weight columns of 学校达标, and only them", () => {
    const header = schools.rows.find((r) => r.row === 2)!;
    const weightColumns = header.cells.flatMap((c, i) =>
      typeof c?.value === "string" && c.value.startsWith("权重") ? [i] : []
    );
    expect(weightColumns).toHaveLength(7);
    expect(schools.hiddenColumns).toEqual(weightColumns);
    expect(plan.sheets.filter((s) => s.hiddenColumns).map((s) => s.kind)).toEqual(["schools"]);
  });
});

describe("buildPlan: live formulas written with their values", () => {
  it("recomputes every formula of every sheet to its cached value (the engine's numbers)", () => {
    expect(formulaMismatches(plan, sources)).toEqual([]);
  });

  it("uses only functions that Excel, WPS and LibreOffice share, and no leading =", () => {
    const shared = new Set([
      "SUMPRODUCT",
      "SUM",
      "SQRT",
      "IF",
      "AND",
      "OR",
      "ISBLANK",
      "TEXT",
      "INT",
      "MAX",
      "COUNTIF",
      "COUNT",
      "ROUND",
      "AVERAGE",
      "IFERROR",
    ]);
    const formulas = allCells(plan).flatMap(({ cell: c }) => (c.formula ? [c.formula] : []));
    const cfs = plan.sheets.flatMap((s) =>
      s.conditionalFormats.flatMap((cf) => cf.rules.map((r) => r.formula))
    );
    expect(formulas.length).toBeGreaterThan(200);
    for (const f of [...formulas, ...cfs]) {
      expect(f.startsWith("=")).toBe(false);
      for (const [, fn] of f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(shared).toContain(fn);
    }
  });

  it("writes a ratio as the source cells times 100 over the pupils cell", () => {
    const r = schoolRow("+1", "小学");
    expect(at(schools, r, 3)).toMatchObject({ formula: "'小学'!C5", value: 1000 });
    expect(at(schools, r, 4)).toMatchObject({
      formula: "'小学'!D5*100/'小学'!C5",
      value: 5,
      numFmt: "0.00",
    });
  });

  it("sums the composite PE/arts column and meets L3 exactly at the threshold (9 for 1000 pupils = 0.9)", () => {
    const r = schoolRow("+1", "小学");
    expect(at(schools, r, 6)).toMatchObject({
      formula: "('小学'!F5+'小学'!G5+'小学'!H5)*100/'小学'!C5",
      value: 0.9,
    });
    const book = new PlanWorkbook(plan, sources);
    expect(book.evaluate(`ROUND(G${r + 1},9)>=G$4`, "学校达标")).toBe(true);
  });

  it("subtracts 室内体育用房 from L4 and multiplies a 万元 column by 10000", () => {
    const r = schoolRow("+1", "小学");
    expect(at(schools, r, 7)).toMatchObject({
      formula: "('小学'!I5-'小学'!J5)/'小学'!C5",
      value: 5,
    });
    expect(at(schools, r, 9)).toMatchObject({ formula: "'小学'!L5*10000/'小学'!C5", value: 2500 });
  });

  it("writes the parsed number where the source cell held text (「4,000」), still dividing by the live pupils cell", () => {
    const r = schoolRow("实验小学", "小学");
    expect(at(schools, r, 7)).toMatchObject({ formula: "4000/'小学'!C6", value: 5 });
  });

  it("references the cell of a value the sheet already held (given L7)", () => {
    const r = schoolRow("第三中学", "初中");
    expect(at(schools, r, 10)).toMatchObject({ formula: "'初中'!N7", value: 2.5 });
  });

  it("splits a nine-year school's shared facilities by a formula over both stages' pupils (1 : 1.1)", () => {
    const p = schoolRow("九年一贯制学校", "小学");
    const j = schoolRow("九年一贯制学校", "初中");
    const primaryShare = "('O''Brien'!C4/('O''Brien'!C4+'O''Brien'!D4*1.1))";
    const juniorShare = "('O''Brien'!D4*1.1/('O''Brien'!C4+'O''Brien'!D4*1.1))";
    expect(at(schools, p, 7)?.formula).toBe(`'O''Brien'!L4*${primaryShare}/'O''Brien'!C4`);
    expect(at(schools, j, 9)?.formula).toBe(`'O''Brien'!N4*10000*${juniorShare}/'O''Brien'!D4`);
    // Whole-school PE/arts teachers are split by the same shares.
    expect(at(schools, p, 6)?.formula).toBe(
      `('O''Brien'!I4+'O''Brien'!J4+'O''Brien'!K4)*${primaryShare}*100/'O''Brien'!C4`
    );
    // 6000 m² over 600 + 1.1 × 400 = 1040 weighted pupils: 6000/1040 per pupil in each part.
    expect(at(schools, p, 7)?.value).toBeCloseTo(6000 / 1040, 12);
    expect(at(schools, j, 7)?.value).toBeCloseTo((6000 * 440) / 1040 / 400, 12);
    expect(at(schools, j, 9)?.value).toBeCloseTo((2600000 * 440) / 1040 / 400, 9);
  });

  it("leaves a missing value empty with CV weight 0, so the school is not in that CV", () => {
    const r = schoolRow("@x", "初中");
    expect(at(schools, r, 5)).toMatchObject({ value: null });
    expect(at(schools, r, 5)?.formula).toBeUndefined();
    expect(at(schools, r, 14)).toMatchObject({ value: 0 });
    expect(at(schools, r, 13)).toMatchObject({ formula: `$D${r + 1}`, value: 600 });
  });

  it("counts the indicators met and judges the school rule with formulas against the threshold rows", () => {
    const r = schoolRow(HOSTILE_NAME, "小学");
    expect(at(schools, r, 11)).toMatchObject({ value: 1 }); // only L5 meets
    expect(at(schools, r, 11)?.formula).toContain(`(ROUND(E${r + 1},9)>=E$4)`);
    expect(at(schools, r, 12)).toMatchObject({ value: "未达标" });
    expect(at(schools, r, 12)?.formula).toMatch(/^IF\(AND\(L\d+>=6,ROUND\(E\d+,9\)>=E\$5,/);
    expect(at(schools, schoolRow("城东小学", "小学"), 12)).toMatchObject({ value: "达标" });
    // The threshold and 85% rows of the stage.
    expect(cell(schools, "B4")?.value).toBe("小学标准值");
    expect(cell(schools, "E4")).toMatchObject({ value: 4.2 });
    expect(cell(schools, "E5")).toMatchObject({ formula: "ROUND(E4*0.85,9)", value: 3.57 });
  });
});

describe("buildPlan: colours that follow the values", () => {
  it("colours each value red below 85%, amber below the threshold and green when met, as the engine judges", () => {
    const book = new PlanWorkbook(plan, sources);
    const valueFormats = schools.conditionalFormats.filter((cf) => cf.rules.length === 3);
    expect(valueFormats).toHaveLength(2); // one per stage block
    let checked = 0;
    for (const cf of valueFormats) {
      const [from, to] = cf.range.split(":").map(pos);
      for (let row = from.row; row <= to.row; row++) {
        for (let col = from.col; col <= to.col; col++) {
          const shift = { rows: row - from.row, cols: col - from.col };
          const style = cf.rules.find(
            (rule) => book.evaluate(rule.formula, schools.name, shift) === true
          )?.style;
          const name = at(schools, row, 1)!.value;
          const part = result.schools.find(
            (p) =>
              p.name === name &&
              at(schools, row, 2)!.value === (p.stage === "primary" ? "小学" : "初中")
          )!;
          const detail = part.details[`L${col - 3}`];
          const expected = detail.met ? "pass" : detail.reachesFloor ? "warn" : "fail";
          expect({ name, id: `L${col - 3}`, style }).toEqual({
            name,
            id: `L${col - 3}`,
            style: expected,
          });
          checked++;
        }
      }
    }
    expect(checked).toBe(9 * 7);
  });

  it("colours every verdict cell of every sheet green for 达标 and red for 未达标, by formula", () => {
    const book = new PlanWorkbook(plan, sources);
    let checked = 0;
    for (const sheet of plan.sheets) {
      for (const cf of sheet.conditionalFormats.filter((c) =>
        c.rules.some((r) => r.formula.endsWith('="未达标"'))
      )) {
        const [from, to] = cf.range.split(":").map(pos);
        for (let row = from.row; row <= to.row; row++) {
          for (let col = from.col; col <= to.col; col++) {
            const shift = { rows: row - from.row, cols: col - from.col };
            const style = cf.rules.find(
              (rule) => book.evaluate(rule.formula, sheet.name, shift) === true
            )?.style;
            const value = at(sheet, row, col)?.value;
            const expected = value === "达标" ? "pass" : value === "未达标" ? "fail" : undefined;
            expect({ sheet: sheet.name, row, col, style }).toEqual({
              sheet: sheet.name,
              row,
              col,
              style: expected,
            });
            if (expected) checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it("keeps CV ÷ limit as a formula (no data bar: its scale misled)", () => {
    const summary = sheetOf(plan, "summary");
    expect(summary.dataBars).toEqual([]);
    const chart = summary.charts![0];
    const from = pos(chart.series[0].range.split(":")[0]);
    const l1 = at(summary, from.row, 5)!;
    expect(l1.formula).toBe(`D${from.row + 1}/E${from.row + 1}`);
    const cv = result.stages!.primary.indicators.L1;
    expect(l1.value).toBeCloseTo(cv.cv! / cv.limit!, 12);
  });

  it("charts each stage's seven CVs as bars against the limit's line, over the table's cells", () => {
    const summary = sheetOf(plan, "summary");
    expect(summary.charts!.map((c) => c.title)).toEqual([
      "小学各指标差异系数与限值",
      "初中各指标差异系数与限值",
    ]);
    const book = new PlanWorkbook(plan, sources);
    summary.charts!.forEach((chart, k) => {
      const stage = k === 0 ? "primary" : "junior";
      const [bars, line] = chart.series;
      expect([bars.kind, line.kind]).toEqual(["bar", "line"]);
      expect(chart.axisTitles).toEqual({ category: "指标", value: "差异系数" });
      expect(bars.labelFormat).toBe("0.000");
      const [top, bottom] = bars.range.split(":").map(pos);
      expect(bottom.row - top.row + 1).toBe(7);
      expect(chart.categories.range).toBe(`C${top.row + 1}:C${bottom.row + 1}`);
      expect(chart.categories.labels[0]).toBe("L1 高学历教师");
      // The bars are the table's CV cells (formulas over 差异系数), the line its limit cells.
      for (let i = 0; i < 7; i++) {
        const id = `L${i + 1}`;
        const ind = result.stages![stage].indicators[id];
        expect(at(summary, top.row + i, 2)?.value).toBe(chart.categories.labels[i]);
        expect(at(summary, top.row + i, 3)?.formula).toMatch(/^'差异系数'!I\d+$/);
        expect(book.value("审计总览", top.row + i, 3)).toBeCloseTo(ind.cv!, 12);
        expect(bars.values[i]).toBe(ind.cv);
        expect(line.values[i]).toBe(ind.limit);
        expect(at(summary, top.row + i, 4)?.formula).toMatch(/^'差异系数'!/);
      }
      expect(line.range).toBe(`E${top.row + 1}:E${bottom.row + 1}`);
      // The limit comes from the standard's data: 0.50 小学, 0.45 初中.
      expect(line.values.every((v) => v === (k === 0 ? 0.5 : 0.45))).toBe(true);
      expect(line.name).toBe(`限值（${k === 0 ? 0.5 : 0.45}）`);
      // The chart sits below the table, clear of every planned cell.
      const { top: t, bottom: b } = chart.anchor;
      expect(summary.rows.some((r) => r.row >= t && r.row <= b)).toBe(false);
    });
  });
});

describe("buildPlan: printing", () => {
  it("prints every sheet on A4 with the county and audit date on top and page numbers below", () => {
    for (const sheet of plan.sheets) {
      expect(sheet.page.paper).toBe("A4");
      expect(sheet.page.footer).toEqual({ center: "第 &P 页 共 &N 页" });
      expect(sheet.page.header?.right).toBe("审计日期：2026-11-29");
      expect(sheet.page.header?.center).toBe(sheet.name);
      expect(sheet.page.repeatRows).toBeDefined();
    }
  });
});

describe("buildPlan: the CV sheet", () => {
  const cvSheet = () => sheetOf(plan, "cv");

  it("computes the weighted mean, S and CV with SUMPRODUCT over the stage's block", () => {
    const cv = cvSheet();
    expect(at(cv, 3, 6)?.formula).toBe(
      "SUMPRODUCT('学校达标'!N6:N10,'学校达标'!E6:E10)/SUM('学校达标'!N6:N10)"
    );
    expect(at(cv, 3, 7)?.formula).toBe(
      "SQRT(SUMPRODUCT('学校达标'!N6:N10,('学校达标'!E6:E10-G4)^2)/SUM('学校达标'!N6:N10))"
    );
    expect(at(cv, 3, 8)).toMatchObject({ formula: "H4/G4", numFmt: "0.000" });
    // Independently of the engine: primary L1 over (pupils, value) pairs.
    const expected = weightedCv([
      [1000, 5],
      [800, 5],
      [500, 3],
      [1200, 5],
      [600, 5],
    ]);
    const book = new PlanWorkbook(plan, sources);
    expect(book.value("差异系数", 3, 6)).toBeCloseTo(expected.mean, 12);
    expect(book.value("差异系数", 3, 7)).toBeCloseTo(expected.sd, 12);
    expect(book.value("差异系数", 3, 8)).toBeCloseTo(expected.cv, 12);
  });

  it("leaves the school without an L2 figure out of the junior L2 CV", () => {
    const cv = cvSheet();
    const row = rowsWith(cv, 2, "L2").find((r) => at(cv, r, 1)?.value === "初中")!;
    const book = new PlanWorkbook(plan, sources);
    expect(book.value("差异系数", row, 4)).toBe(3);
    const expected = weightedCv([
      [900, 1000 / 900],
      [700, 800 / 700],
      [400, 500 / 400],
    ]);
    expect(book.value("差异系数", row, 8)).toBeCloseTo(expected.cv, 12);
    expect(at(cv, row, 8)?.value).toBeCloseTo(expected.cv, 12);
  });

  it("judges each CV against its limit and shows the composite as the mean of the seven", () => {
    const cv = cvSheet();
    expect(at(cv, 3, 9)).toMatchObject({ value: 0.5 });
    expect(at(cv, 3, 10)).toMatchObject({
      formula: 'IF(ROUND(I4,9)<=J4,"达标","未达标")',
      value: "达标",
    });
    const composite = rowsWith(cv, 2, "综合")[0];
    expect(at(cv, composite, 8)).toMatchObject({ formula: "AVERAGE(I4:I10)" });
    expect(at(cv, composite, 8)?.value).toBeCloseTo(result.stages!.primary.compositeCv!, 15);
  });
});

describe("buildPlan: the summary", () => {
  it("gives the county verdict as a formula over the stage verdicts and the guarantees", () => {
    const summary = sheetOf(plan, "summary");
    // The whole-standard row, its four dimension lines, then the resource row.
    const [whole, , , , , row] = rowsWith(summary, 0, "全县");
    // The whole standard first: a failed resource dimension fails the county though the rest is unchecked.
    expect(at(summary, whole, 1)).toMatchObject({ value: "未达标" });
    expect(at(summary, whole, 1)?.formula).toMatch(/^IF\(OR\(/);
    expect(at(summary, row, 1)).toMatchObject({ value: "未达标" });
    expect(at(summary, row, 1)?.formula).toMatch(
      // A 未核查 guarantee cell makes the row 未完成, never 达标.
      /^IF\(AND\(J\d+="达标",J\d+="达标",E\d+<>"未达标"\),IF\(E\d+="未核查","未完成","达标"\),"未达标"\)$/
    );
  });

  it("counts schools, passing schools and shortfalls per stage as the engine does", () => {
    const summary = sheetOf(plan, "summary");
    const primary = rowsWith(summary, 1, "小学")[0];
    const parts = result.schools.filter((p) => p.stage === "primary");
    expect(at(summary, primary, 2)).toMatchObject({ value: 5 });
    expect(at(summary, primary, 3)).toMatchObject({ value: 4 });
    expect(at(summary, primary, 5)).toMatchObject({
      value: parts.reduce((s, p) => s + p.shortfalls.length, 0),
    });
    expect(at(summary, primary, 6)).toMatchObject({ value: 2 }); // L1 and L2 of the failing school
  });

  it("states the standard, the settings and the audit time (北京时间)", () => {
    const summary = sheetOf(plan, "summary");
    const texts = allCells({ sheets: [summary], activate: "summary" }).map((c) => c.cell.value);
    expect(texts).toContain("2026-11-29 15:32（北京时间）");
    expect(texts).toContain("优质均衡（2017）（教督〔2017〕6号）");
    expect(texts).toContain("从教学及辅助用房中扣除");
  });
});

describe("buildPlan: 问题清单", () => {
  const findings = () => sheetOf(plan, "findings");

  it("lists one row per shortfall with value, requirement, gap and the engine's advice", () => {
    const total = result.schools.reduce((s, p) => s + p.shortfalls.length, 0);
    const rows = findings().rows.filter((r) => r.row > 2);
    expect(rows).toHaveLength(total);
    const l1 = rows.find((r) => r.cells[1]?.value === HOSTILE_NAME && r.cells[3]?.value === "L1")!;
    const shortfall = result.schools
      .find((p) => p.name === HOSTILE_NAME)!
      .shortfalls.find((s) => s.indicator === "L1")!;
    expect(l1.cells[5]).toMatchObject({ value: 3 });
    expect(l1.cells[6]).toMatchObject({ value: 4.2 });
    expect(l1.cells[7]?.value).toBeCloseTo(1.2, 12);
    expect(l1.cells[8]).toMatchObject({ value: "是" });
    expect(l1.cells[9]).toMatchObject({ value: shortfall.advice });
    expect(shortfall.advice).toMatch(/^需增加/);
  });

  it("links each finding to the source cell behind the indicator, or the school's name cell", () => {
    const rows = findings().rows;
    const l1 = rows.find((r) => r.cells[1]?.value === HOSTILE_NAME && r.cells[3]?.value === "L1")!;
    expect(l1.cells[10]).toMatchObject({ value: "小学!D7", link: "'小学'!D7", style: "link" });
    const missing = rows.find((r) => r.cells[1]?.value === "@x")!;
    expect(missing.cells[5]).toMatchObject({ value: "缺失" });
    expect(missing.cells[10]).toMatchObject({ link: "'初中'!B6" });
  });
});

describe("buildPlan: hostile text stays text", () => {
  it("writes school names that look like formulas as plain strings, never as formulas", () => {
    for (const name of [HOSTILE_NAME, "+1", "-1", "@x"]) {
      const cells = allCells(plan).filter(({ cell: c }) => c.value === name);
      expect(cells.length).toBeGreaterThan(1);
      for (const { cell: c } of cells) {
        expect(c.formula).toBeUndefined();
        expect(typeof c.value).toBe("string");
      }
    }
  });

  it("never pastes user text into a formula, and quotes the sheet O'Brien as 'O''Brien'", () => {
    const formulas = allCells(plan).flatMap(({ cell: c }) => [c.formula ?? "", c.link ?? ""]);
    for (const f of formulas) {
      expect(f).not.toContain("HYPERLINK");
      expect(f).not.toContain("http");
      expect(f.replace(/'O''Brien'!/g, "")).not.toContain("O'");
    }
    expect(formulas.some((f) => f.includes("'O''Brien'!C4"))).toBe(true);
  });
});

describe("buildPlan: the declaration tables", () => {
  it("表Ⅱ-2 has the official title, the code row L1…L14, and numbering restarting at 1 for 初中", () => {
    const t = sheetOf(plan, "declaration-II-2");
    expect(at(t, 1, 0)?.value).toBe("小学、初中资源配置基本情况（分学校）");
    expect(at(t, 3, 13)?.value).toBe("该校综合评估是否达标");
    expect(at(t, 3, 6)?.value).toBe("每百名学生拥有高于规定学历教师数（人）");
    expect(t.rows.find((r) => r.row === 4)!.cells.map((c) => c?.value)).toEqual([
      "",
      ...Array.from({ length: 14 }, (_, i) => `L${i + 1}`),
    ]);
    const labels = rowsWith(t, 0, "小学").concat(rowsWith(t, 0, "初中"));
    expect(labels).toHaveLength(2);
    expect(at(t, labels[0] + 1, 0)?.value).toBe(1);
    expect(at(t, labels[1] + 1, 0)?.value).toBe(1);
    expect(at(t, labels[1] - 1, 0)?.value).toBe(5); // five primary parts, nine-year included
    expect(t.rows.some((r) => String(r.cells[0]?.value).startsWith("注："))).toBe(true);
  });

  it("表Ⅱ-2 names the indicators met and those at 85% or more in 备注 by its own code row, and answers 是/否 by formula", () => {
    const t = sheetOf(plan, "declaration-II-2");
    const row = rowsWith(t, 1, HOSTILE_NAME)[0];
    expect(at(t, row, 14)?.value).toBe(
      "达标：L10；未达标但不低于85%：L8、L9、L11、L12；低于85%或缺数据：L6、L7"
    );
    // Each code is the one printed above the indicator's column in the table's code row.
    expect(at(t, 4, 10)?.value).toBe("L10");
    expect(at(t, 3, 10)?.value).toMatch(/^生均体育运动场馆面积/);
    expect(at(t, row, 13)).toMatchObject({ value: "否" });
    expect(at(t, row, 13)?.formula).toMatch(/^IF\('学校达标'!M\d+="达标","是","否"\)$/);
    expect(at(t, row, 3)).toMatchObject({ value: 500, formula: "'学校达标'!D8" });
  });

  it("表Ⅱ-2's 备注 of every part is what remark() makes of the part's details (学校达标 notes them once)", () => {
    const t = sheetOf(plan, "declaration-II-2");
    const ctx = reportContext({ result, records, auditedAt: AUDITED_AT });
    const primary = rowsWith(t, 0, "小学")[0];
    const junior = rowsWith(t, 0, "初中")[0];
    let checked = 0;
    for (const part of result.schools) {
      const [from, to] = part.stage === "primary" ? [primary, junior] : [junior, Infinity];
      const row = rowsWith(t, 1, part.name).find((r) => r > from && r < to)!;
      expect(at(t, row, 14)?.value).toBe(remark(ctx, part, (i) => `L${6 + i}`));
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("表Ⅱ-1 counts the schools meeting each indicator and their share", () => {
    const t = sheetOf(plan, "declaration-II-1");
    const junior = rowsWith(t, 0, "初中")[0];
    expect(at(t, junior, 1)).toMatchObject({ value: 4 });
    expect(at(t, junior, 4)).toMatchObject({
      value: result.stages!.junior.indicators.L2.metSchools,
    });
    expect(at(t, junior, 5)).toMatchObject({ value: 0.75, numFmt: "0.00%" });
  });

  it("表Ⅲ gives per stage the county means to 2 decimals and the CVs to 3, with the composite", () => {
    const t = sheetOf(plan, "declaration-III");
    const primary = rowsWith(t, 0, "小学")[0];
    expect(at(t, primary, 1)?.value).toBe("全县平均值");
    expect(at(t, primary, 2)).toMatchObject({ formula: "'差异系数'!G4", numFmt: "0.00" });
    expect(at(t, primary + 1, 2)).toMatchObject({ formula: "'差异系数'!I4", numFmt: "0.000" });
    expect(at(t, primary + 1, 9)?.value).toBeCloseTo(result.stages!.primary.compositeCv!, 15);
  });
});

describe("buildPlan: 数据诊断", () => {
  it("lists what was read, the column mapping with its confidence, skipped sheets, excluded rows and every diagnostic", () => {
    const withRead = buildPlan({
      result,
      records,
      auditedAt: AUDITED_AT,
      read: {
        tables: [
          {
            sheet: "小学",
            headerRows: [3, 4],
            dataRows: [5, 9],
            columns: [
              {
                field: "pupils.primary",
                label: "小学在校生数",
                letter: "C",
                header: "在校生数（人）",
                confidence: 0.95,
              },
            ],
            units: ["万元"],
            records: 5,
          },
        ],
        skipped: [{ sheet: "说明", reason: "没有找到学校名称列" }],
      },
    });
    const d = sheetOf(withRead, "diagnostics");
    const texts = d.rows.flatMap((r) => r.cells.map((c) => c?.value));
    expect(texts).toEqual(
      expect.arrayContaining([
        "第3–4行",
        "第5–9行",
        "在校生数（人）",
        "小学在校生数",
        "没有找到学校名称列",
        "特殊教育学校",
      ])
    );
    const confidence = d.rows.flatMap((r) => r.cells).find((c) => c?.value === 0.95)!;
    expect(confidence.numFmt).toBe("0%");
    for (const diagnostic of result.diagnostics) expect(texts).toContain(diagnostic.message);
    const missing = d.rows.find((r) => r.cells[1]?.value === "engine.indicator-missing")!;
    expect(missing.cells[3]).toMatchObject({ value: "初中!B6", link: "'初中'!B6" });
  });
});
