/**
 * Issue #15: every source row accounted for. 数据诊断 opens with, per school table, used range =
 * header rows + schools audited + rows skipped (blank, title and 填报单位 lines, 合计, 注 …) + rows
 * left out (each with why); the sums are live formulas and the JSON carries the same counts.
 */
import fc from "fast-check";
import type { SourceRowAccount } from "../../src/engine";
import { unaccountedRows } from "../../src/flow/rowAccounts";
import type { PlannedSheet, WorkbookPlan } from "../../src/report";
import { readSheets } from "../../src/sheets";
import type { CellValue, SheetGrid } from "../../src/sheets/grid";
import { formulaMismatches } from "../report/formulaEval";
import { grid } from "../sheets/helpers";
import { runOnGrids, sourcesOf } from "./helpers";

const HEADER = [
  "序号",
  "学校名称",
  "办学性质",
  "在校生数",
  "县级及以上骨干教师数",
  "教学及辅助用房面积",
];

const diagnosticsOf = (plan: WorkbookPlan): PlannedSheet =>
  plan.sheets.find((s) => s.kind === "diagnostics")!;

/** One of every kind of row a county's sheet holds. */
function messySheet(): SheetGrid {
  const rows: CellValue[][] = [
    ["某县义务教育学校基本情况统计表"], // 1 title
    ["填报单位：某县教育局", null, null, null, null, "单位：人、平方米"], // 2 填报单位
    [], // 3 blank
    HEADER, // 4 header
    ["甲", "乙", "丙", "1", "2", "3"], // 5 code row
    ["一、小学"], // 6 section
    [1, "城关小学", "公办", 1000, 10, 4500], // 7 school
    [2, "错字小学", "公办", "1,2O0", 12, 5000], // 8 bad pupils
    [3, "**实验学校", "公办", 800, 8, 3600], // 9 school with a mark
    [null, null, null, 300, 3, 1200], // 10 figures, no name
    [4], // 11 a lone 序号
    [], // 12 blank
    ["城关镇小计", null, null, 1800, 18, 8100], // 13 subtotal
    ["序号", "学校名称", "办学性质", "在校生数", null, null], // 14 header repeated on a page
    [5, "启智学校", "公办", 60, 1, 400], // 15 special school
    [6, "城关小学", "公办", 1000, 10, 4500], // 16 the same school again
    [7, "育才小学", "民办", 500, 5, 2500], // 17 private
    [8, "隐藏小学", "公办", 400, 4, 1800], // 18 hidden
    [9, "河口小学", "公办", 600, 6, 2700], // 19 school
    ["合计", null, null, 4000, 40, 18000], // 20 total
    [10, "补报小学", "公办", 300, 3, 1400], // 21 school after the total
    [], // 22 blank
    ["注：带**者为市级实验学校"], // 23 footnote
    ["填表人：张三", null, "审核人：李四"], // 24 sign-off
  ];
  return { ...grid("小学", rows), hiddenRows: [17] };
}

describe("every row of the used range is accounted for", () => {
  it("counts each kind on a messy sheet, the sum closing exactly", async () => {
    const sheet = messySheet();
    const { result, plan } = await runOnGrids([sheet], { excludePrivate: true });
    expect(result.sourceRows).toHaveLength(1);
    const a = result.sourceRows![0] as SourceRowAccount;
    expect(a).toMatchObject({ sheet: "小学", firstRow: 1, lastRow: 24, rows: 24, header: 2 });
    expect(a.skipped).toEqual({
      blank: 3,
      title: 2,
      total: 2,
      footnote: 2,
      section: 1,
      repeatedHeader: 1,
      noData: 1,
    });
    // 城关小学, **实验学校, 河口小学, 补报小学.
    expect(a.schools).toBe(4);
    expect(a.excluded.map((e) => [e.row, e.kind, e.cell])).toEqual([
      [8, "badData", "D8"],
      [10, "noName", "B10"],
      [15, "notCounted", "B15"],
      [16, "duplicate", "B16"],
      [17, "notCounted", "B17"],
      [18, "hidden", "B18"],
    ]);
    expect(a.excluded.find((e) => e.row === 15)?.reason).toContain("特殊教育学校");
    expect(a.excluded.find((e) => e.row === 17)?.reason).toContain("民办学校");
    expect(a.excluded.find((e) => e.row === 8)?.reason).toContain("「1,2O0」");
    // 2 + 4 + 12 + 6 = 24.
    expect(unaccountedRows(a)).toBe(0);
    expect(result.schools.map((s) => s.name).sort()).toEqual(
      ["**实验学校", "补报小学", "城关小学", "河口小学"].sort()
    );
    // The JSON carries the same account.
    expect(JSON.parse(JSON.stringify(result)).sourceRows[0].rows).toBe(24);

    // 数据诊断 opens with the reconciliation: the counts, their sum and a 差额 of 0 as formulas.
    const diag = diagnosticsOf(plan);
    const label = (r: PlannedSheet["rows"][number]) => String(r.cells[1]?.value ?? "");
    const title = diag.rows.findIndex((r) => String(r.cells[0]?.value).startsWith("〇、"));
    expect(title).toBeGreaterThan(0);
    expect(title).toBeLessThan(
      diag.rows.findIndex((r) => String(r.cells[0]?.value).startsWith("一、"))
    );
    const used = diag.rows.find((r) => label(r) === "已用区域")!;
    expect(used.cells[0]?.value).toBe("小学");
    expect(used.cells[2]?.value).toBe(24);
    expect(used.cells[3]?.value).toBe("第1–24行");
    const count = (text: string) => diag.rows.find((r) => label(r) === text)?.cells[2]?.value;
    expect(count("审计的学校")).toBe(4);
    expect(count("合计小计行")).toBe(2);
    expect(count("数据有误未读入")).toBe(1);
    expect(count("按规定不计入")).toBe(2);
    const sum = diag.rows.find((r) => label(r) === "合计")!.cells[2]!;
    expect(sum.formula).toMatch(/^SUM\(C\d+:C\d+\)$/);
    expect(sum.value).toBe(24);
    const diff = diag.rows.find((r) => label(r) === "差额")!;
    expect(diff.cells[2]).toMatchObject({ value: 0 });
    expect(diff.cells[2]?.formula).toMatch(/^C\d+-C\d+$/);
    const at = `C${diff.row + 1}`;
    expect(diag.conditionalFormats).toContainEqual({
      range: at,
      rules: [
        { formula: `${at}<>0`, style: "fail" },
        { formula: `${at}=0`, style: "pass" },
      ],
    });
    // The rows the audit's excluded[] does not list (no name, duplicate) are listed in 四 with their cell.
    const listed = diag.rows.filter((r) =>
      /（重复行），只计一次|学校名称（小学!B10）为空，该行未读入/.test(String(r.cells[5]?.value))
    );
    expect(listed.map((r) => r.cells[3]?.value)).toEqual(["小学!B10", "小学!B16"]);
    // Every formula, the sums included, recomputes to the value written.
    expect(formulaMismatches(plan, sourcesOf(sheet))).toEqual([]);
  });

  it("leaves a sheet that repeats an earlier one wholly out, each row with why", async () => {
    const rows: CellValue[][] = [
      ["学校名称", "在校生数", "县级及以上骨干教师数"],
      ["城关小学", 1000, 10],
      ["河口小学", 600, 6],
    ];
    const { result } = await runOnGrids([grid("小学", rows), grid("小学 (2)", rows)]);
    const copy = result.sourceRows!.find((a) => a.sheet === "小学 (2)")!;
    expect(copy).toMatchObject({ rows: 3, header: 1, schools: 0 });
    expect(copy.excluded.map((e) => [e.kind, e.row])).toEqual([
      ["duplicate", 2],
      ["duplicate", 3],
    ]);
    expect(copy.excluded[0].reason).toContain("与前面的工作表重复");
    expect(result.sourceRows!.every((a) => unaccountedRows(a) === 0)).toBe(true);
  });
});

/** Rows a county's sheet may hold, as generators of one row (6 columns as HEADER). */
const row = (...cells: CellValue[]): fc.Arbitrary<CellValue[]> => fc.constant(cells);
const ROW_KINDS: fc.Arbitrary<CellValue[]>[] = [
  fc
    .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 3000 }))
    .map(([i, n]): CellValue[] => [i, `第${i}小学`, "公办", n, 5, 2000]),
  fc
    .constantFrom<CellValue>("1,2O0", null, 0, "#N/A")
    .map((p): CellValue[] => [1, "错字小学", "公办", p, 5, 900]),
  row(),
  fc.constantFrom("合计", "城关镇小计", "总计", "全县").map((t): CellValue[] => [t]),
  fc.constantFrom("一、小学", "二、初中", "三、九年一贯制学校").map((t): CellValue[] => [t]),
  row(...HEADER),
  row(null, null, null, 300, 3, 1200),
  row(7),
  row(3, "启智学校", "公办", 60, 1, 400),
  row(4, "育才小学", "民办", 500, 5, 2500),
  row(5, "城关小学", "公办", 1000, 10, 4500),
  row(6, "九年一贯制学校", "公办", 900, 9, 4000),
  row(8, "青山教学点", "公办", 30, 1, 200),
];

const above: fc.Arbitrary<CellValue[][]> = fc.array(
  fc.constantFrom<CellValue[]>(["某县学校情况统计表"], ["填报单位：某县教育局"], [], ["单位：人"]),
  { maxLength: 3 }
);
const below: fc.Arbitrary<CellValue[][]> = fc.array(
  fc.constantFrom<CellValue[]>(
    ["注：1.本表数据截至9月"],
    [],
    ["填表人：张三"],
    [9, "注后小学", "公办", 100, 1, 500]
  ),
  { maxLength: 3 }
);

const sheetArb: fc.Arbitrary<SheetGrid> = fc
  .record({
    above,
    rows: fc.array(fc.oneof(...ROW_KINDS), { minLength: 1, maxLength: 25 }),
    below,
    hidden: fc.array(fc.integer({ min: 0, max: 35 }), { maxLength: 3 }),
    name: fc.constantFrom("小学", "学校", "初中"),
  })
  .map(({ above, rows, below, hidden, name }) => ({
    ...grid(name, [...above, HEADER, ...rows, ...below]),
    hiddenRows: hidden,
  }));

describe("property: the reconciliation always closes", () => {
  it("for random county sheets, through the whole audit", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(sheetArb, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        async (sheets, excludePrivate) => {
          // Sheet names must differ within a workbook.
          const grids = sheets.map((s, i) => ({ ...s, name: `${s.name}${i}` }));
          const read = readSheets(grids);
          for (const a of read.rowAccounts ?? []) {
            const skipped = Object.values(a.skipped).reduce((s, n) => s + n, 0);
            expect(a.header + a.read + skipped + a.leftOut.length).toBe(a.lastRow - a.firstRow + 1);
          }
          let result;
          try {
            ({ result } = await runOnGrids(grids, { excludePrivate }));
          } catch {
            return; // no school counts: nothing is written, nothing to reconcile
          }
          for (const a of result.sourceRows ?? []) {
            expect(unaccountedRows(a)).toBe(0);
            expect(a.schools).toBeGreaterThanOrEqual(0);
          }
          // Each audited school part sits on a row the account counts as a school.
          const rowsOf = new Set(result.schools.map((s) => `${s.source?.sheet}!${s.source?.row}`));
          const schoolRows = (result.sourceRows ?? []).reduce((s, a) => s + a.schools, 0);
          expect(schoolRows).toBe(rowsOf.size);
        }
      ),
      { numRuns: 150 }
    );
  });

  it("for random, hostile grids, in the reader", () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -10, max: 5000 }),
      fc.constantFrom<CellValue>(
        "合计",
        "注：",
        "学校名称",
        "在校生数",
        "小学",
        "一、小学",
        "填报单位：",
        ""
      )
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 4 }),
        (rows, hidden) => {
          const read = readSheets([
            {
              ...grid("小学", [["学校名称", "在校生数", "县级及以上骨干教师数"], ...rows]),
              hiddenRows: hidden,
            },
          ]);
          for (const a of read.rowAccounts ?? []) {
            const skipped = Object.values(a.skipped).reduce((s, n) => s + n, 0);
            expect(a.header + a.read + skipped + a.leftOut.length).toBe(a.lastRow - a.firstRow + 1);
            expect(a.read).toBe(read.records.filter((r) => r.source?.sheet === a.sheet).length);
          }
        }
      ),
      { numRuns: 300 }
    );
  });
});
