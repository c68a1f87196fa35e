/**
 * Issue #15, live advice: 问题清单's 「整改所需」 is a formula over the school's cells, in the unit
 * the source column keeps (万元 for a 万元 equipment column), and follows a corrected figure.
 * Recomputed here by the test evaluator; test/report/liveAdvice.lo.test.ts has LibreOffice do it.
 */
import type { PlannedSheet, WorkbookPlan } from "../../src/report";
import { ADVICE_MET } from "../../src/report/adviceFormula";
import type { SheetGrid } from "../../src/sheets/grid";
import { formulaMismatches, PlanWorkbook, type SourceSheets } from "./formulaEval";
import { grid } from "../sheets/helpers";
import { runOnGrids, sourcesOf as sheetSources } from "../flow/helpers";
import {
  ADVICE_HEADER,
  FINE_SCHOOL,
  SHORT_SCHOOL,
  THROUGH_HEADER,
  THROUGH_SCHOOL,
} from "./adviceFixture";

async function planOf(grids: SheetGrid[]): Promise<WorkbookPlan> {
  return (await runOnGrids(grids)).plan;
}

/** Every grid's cells by A1 address, as the formula evaluator reads them. */
function sourcesOf(grids: SheetGrid[]): SourceSheets {
  return Object.assign({}, ...grids.map(sheetSources));
}

const findingsOf = (plan: WorkbookPlan): PlannedSheet =>
  plan.sheets.find((s) => s.kind === "findings")!;
/** The 整改所需 cell (column J) of a school's indicator row in 问题清单. */
function adviceAt(plan: WorkbookPlan, school: string, indicator: string) {
  const row = findingsOf(plan).rows.find(
    (r) => r.cells[1]?.value === school && r.cells[3]?.value === indicator
  );
  return row ? { row: row.row, cell: row.cells[9]! } : undefined;
}

describe("问题清单's advice is a live formula in the source's unit", () => {
  const grids = [
    grid("小学", [ADVICE_HEADER, SHORT_SCHOOL, FINE_SCHOOL]),
    grid("九年一贯制", [THROUGH_HEADER, THROUGH_SCHOOL]),
  ];

  it("writes each advice as a formula whose value is the engine's figure, 万元 for a 万元 column", async () => {
    const plan = await planOf(grids);
    const l2 = adviceAt(plan, "短缺小学", "L2")!.cell;
    expect(l2.formula).toBeDefined();
    expect(l2.value).toBe(
      "需增加5名县级及以上骨干教师；低于要求的85%，至少增加4名县级及以上骨干教师方可达到85%"
    );
    // 150 万元 for 1000 pupils: 1500 元 each, 2000 required → 50 万元 more (20 to reach 85%).
    const l6 = adviceAt(plan, "短缺小学", "L6")!.cell;
    expect(l6.value).toBe(
      "需增加教学仪器设备值50.00万元；低于要求的85%，至少增加教学仪器设备值20.00万元方可达到85%"
    );
    expect(l6.formula).toContain("/10000");
    expect(l6.formula).toContain("'学校达标'!");
    // A shared facility: the whole school adds, by the part's share over both pupil cells.
    const l4 = adviceAt(plan, "实验九年一贯制学校", "L4")!.cell;
    expect(String(l4.value)).toMatch(/^需全校增加教学及辅助用房\d+\.\d\d平方米（全校共用/);
    expect(l4.formula).toContain("'九年一贯制'!B2");
    expect(l4.formula).toContain("'九年一贯制'!C2");
    // Every formula recomputes to the value written with it.
    expect(formulaMismatches(plan, sourcesOf(grids))).toEqual([]);
  });

  it("recomputes to a fresh audit's advice once a source figure is corrected", async () => {
    const plan = await planOf(grids);
    // The staffer corrects 短缺小学's backbone teachers (D2 5 → 8), PE/arts (E2 8 → 9) and equipment (H2 150 → 190 万元).
    const fixed = [
      grid("小学", [ADVICE_HEADER, ["短缺小学", 1000, 60, 8, 9, 4500, 8000, 190, 30], FINE_SCHOOL]),
      grid("九年一贯制", [
        THROUGH_HEADER,
        [...THROUGH_SCHOOL.slice(0, 6), 4300, ...THROUGH_SCHOOL.slice(7)],
      ]),
    ];
    const book = new PlanWorkbook(plan, sourcesOf(fixed));
    const findings = findingsOf(plan).name;
    const now = (school: string, id: string) =>
      book.value(findings, adviceAt(plan, school, id)!.row, 9);
    const fresh = await planOf(fixed);
    const freshAdvice = (school: string, id: string) => adviceAt(fresh, school, id)?.cell.value;
    expect(now("短缺小学", "L2")).toBe(
      "需增加2名县级及以上骨干教师；低于要求的85%，至少增加1名县级及以上骨干教师方可达到85%"
    );
    expect(now("短缺小学", "L2")).toBe(freshAdvice("短缺小学", "L2"));
    expect(now("短缺小学", "L6")).toBe("需增加教学仪器设备值10.00万元");
    expect(now("短缺小学", "L6")).toBe(freshAdvice("短缺小学", "L6"));
    expect(now("实验九年一贯制学校", "L4")).toBe(freshAdvice("实验九年一贯制学校", "L4"));
    // Met after the correction: the fresh audit has no such row, the old one says so.
    expect(freshAdvice("短缺小学", "L3")).toBeUndefined();
    expect(now("短缺小学", "L3")).toBe(ADVICE_MET);
  });

  it("keeps 元 for an equipment column in 元, with thousands separators", async () => {
    const header = ADVICE_HEADER.map((h) =>
      h === "教学仪器设备值（万元）" ? "教学仪器设备值（元）" : h
    );
    const yuan = [grid("小学", [header, ["短缺小学", 1000, 60, 10, 10, 4500, 8000, 1500000, 30]])];
    const plan = await planOf(yuan);
    expect(adviceAt(plan, "短缺小学", "L6")!.cell.value).toBe(
      "需增加教学仪器设备值500,000元；低于要求的85%，至少增加教学仪器设备值200,000元方可达到85%"
    );
    expect(formulaMismatches(plan, sourcesOf(yuan))).toEqual([]);
  });
});
