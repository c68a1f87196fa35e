/**
 * The WPS host under the real audit flow, on a fake ET object model: the sample county and the
 * messy county written through WPS equal, sheet for sheet and cell for cell, what the file host
 * writes for the same data; source sheets are never touched; a re-run replaces only its own
 * sheets; the calls into ET do not grow with the school count beyond the value tiles.
 */
import * as path from "path";
import type ExcelJS from "exceljs";
import { DEFAULT_SETTINGS } from "../../../src/engine";
import { runAudit, type FlowSteps, type RunResult } from "../../../src/flow/auditFlow";
import { readWorkbookFile, worksheetToGrid, writePlan } from "../../../src/hosts/file";
import { readWorkbookGrids, wpsSteps } from "../../../src/hosts/wps";
import { readSheets } from "../../../src/sheets";
import { a1, type SheetGrid } from "../../../src/sheets/grid";
import type { WorkbookPlan } from "../../../src/report/plan";
import { bigCountyWorkbook } from "../../../scripts/big-workbook";
import { fakeEt, type FakeSheet, type FakeWorkbook } from "./fakeEt";

const SAMPLE = path.resolve(__dirname, "../../../assets/sample-county.xlsx");
const MESSY = path.resolve(__dirname, "../../../test/fixtures/messy-county.xlsx");
const AUDITED_AT = new Date(Date.UTC(2024, 8, 1, 8, 30));
const noPause = () => Promise.resolve();

type Cells = Map<string, string | number | boolean>;

/** What the file host wrote into one sheet: "=formula" or the value, by A1 address; number formats. */
function excelJsCells(ws: ExcelJS.Worksheet): { cells: Cells; formats: Map<string, string> } {
  const cells: Cells = new Map();
  const formats = new Map<string, string>();
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.type === 1 /* Merge: not the area's top-left cell */) return;
      const address = a1(Number(row.number) - 1, Number(cell.col) - 1);
      const value = cell.value as unknown;
      if (value === null || value === undefined || value === "") return;
      if (cell.numFmt && cell.numFmt !== "General") formats.set(address, cell.numFmt);
      if (typeof value === "object" && value !== null && "formula" in value)
        cells.set(address, `=${(value as { formula: string }).formula}`);
      else if (typeof value === "object" && value !== null && "hyperlink" in value) {
        // WPS writes a link as a HYPERLINK formula showing the same text (see src/hosts/wps/ops.ts).
        const { text, hyperlink } = value as { text: string; hyperlink: string };
        cells.set(
          address,
          `=HYPERLINK("${hyperlink.replace(/"/g, '""')}","${text.replace(/"/g, '""')}")`
        );
      } else if (typeof value === "object" && value !== null && "error" in value)
        cells.set(address, (value as { error: string }).error);
      else if (value !== "") cells.set(address, value as string | number | boolean);
    });
  });
  return { cells, formats };
}

/** What the WPS host wrote into a fake sheet, the same way (merged areas' other cells left out). */
function fakeCells(sheet: FakeSheet): { cells: Cells; formats: Map<string, string> } {
  const cells: Cells = new Map();
  const formats = new Map<string, string>();
  for (const [k, cell] of sheet.cells) {
    const [r, c] = k.split(",").map(Number);
    const covered = sheet.merges.some(
      (m) =>
        r >= m.row &&
        r < m.row + m.rows &&
        c >= m.col &&
        c < m.col + m.cols &&
        (r !== m.row || c !== m.col)
    );
    if (covered) continue;
    const address = a1(r, c);
    if (cell.value === null && !cell.formula) continue;
    if (cell.numberFormat && cell.numberFormat !== "General")
      formats.set(address, cell.numberFormat);
    if (cell.formula) cells.set(address, cell.formula);
    else if (cell.value !== null && cell.value !== "")
      cells.set(address, typeof cell.value === "object" ? cell.value.error : cell.value);
  }
  return { cells, formats };
}

function sortedEntries<T>(map: Map<string, T>): [string, T][] {
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
}

async function fileHostRun(
  file: string
): Promise<{ workbook: ExcelJS.Workbook; grids: SheetGrid[]; run: RunResult }> {
  const { workbook, grids } = await readWorkbookFile(file);
  const steps: FlowSteps = {
    readGrids: async () => grids,
    readSheets,
    writePlan: async (plan) => writePlan(workbook, plan).sheetNames,
    now: () => AUDITED_AT,
  };
  return { workbook, grids, run: await runAudit(steps, DEFAULT_SETTINGS, [], () => undefined) };
}

function snapshot(book: FakeWorkbook, names: string[]) {
  return names.map((name) => {
    const sheet = book.find(name) as FakeSheet;
    return {
      name,
      cells: sortedEntries(sheet.cells),
      merges: [...sheet.merges],
      changes: [...sheet.changes],
    };
  });
}

describe.each([
  ["the sample county", SAMPLE],
  ["the messy county", MESSY],
])("%s audited through the WPS host", (_label, file) => {
  let expected: Awaited<ReturnType<typeof fileHostRun>>;
  let fake: ReturnType<typeof fakeEt>;
  let run: RunResult;
  let plan: WorkbookPlan;
  let sourcesBefore: ReturnType<typeof snapshot>;

  beforeAll(async () => {
    expected = await fileHostRun(file);
    fake = fakeEt(expected.grids);
    sourcesBefore = snapshot(
      fake.book,
      expected.grids.map((g) => g.name)
    );
    const steps = wpsSteps(fake.app, { now: () => AUDITED_AT, pause: noPause });
    const write = steps.writePlan;
    run = await runAudit(
      {
        ...steps,
        writePlan: (p, onProgress) => {
          plan = p;
          return write(p, onProgress);
        },
      },
      DEFAULT_SETTINGS,
      [],
      () => undefined
    );
  });

  it("reads the same grids as the file host (values, merges, origin)", () => {
    const again = fakeEt(expected.grids);
    const { grids, ownedSheets } = readWorkbookGrids(again.app);
    expect(ownedSheets).toEqual([]);
    expect(grids.map((g) => g.name)).toEqual(expected.grids.map((g) => g.name));
    grids.forEach((grid, i) => {
      const want = expected.grids[i];
      const origin = grid.origin ?? { row: 0, col: 0 };
      // Same cells at the same worksheet positions (the file host's grids start at A1); an empty
      // string is an empty cell to ET, as to Office.js.
      const at = (g: SheetGrid, o: { row: number; col: number }) => {
        const out = new Map<string, unknown>();
        g.rows.forEach((row, r) =>
          row.forEach(
            (v, c) =>
              v !== null && v !== undefined && v !== "" && out.set(a1(o.row + r, o.col + c), v)
          )
        );
        return sortedEntries(out);
      };
      expect(at(grid, origin)).toEqual(at(want, { row: 0, col: 0 }));
      const shift = (
        m: { top: number; left: number; bottom: number; right: number },
        o: { row: number; col: number }
      ) => `${a1(m.top + o.row, m.left + o.col)}:${a1(m.bottom + o.row, m.right + o.col)}`;
      expect(grid.merges.map((m) => shift(m, origin)).sort()).toEqual(
        want.merges.map((m) => shift(m, { row: 0, col: 0 })).sort()
      );
    });
  });

  it("writes the same audit sheets, in the same order, as the file host", () => {
    const fileNames = expected.run.sheets.map((s) => s.name);
    expect(run.sheets).toEqual(expected.run.sheets);
    const written = fake.book.sheets.map((s) => s.name).slice(expected.grids.length);
    expect(written).toEqual(fileNames);
    expect(run.result).toEqual(expected.run.result);
  });

  it("writes every audit sheet cell for cell: values, formulas and number formats", () => {
    for (const { name } of expected.run.sheets) {
      const want = excelJsCells(expected.workbook.getWorksheet(name) as ExcelJS.Worksheet);
      const got = fakeCells(fake.book.find(name) as FakeSheet);
      expect({ name, cells: sortedEntries(got.cells) }).toEqual({
        name,
        cells: sortedEntries(want.cells),
      });
      expect({ name, formats: sortedEntries(got.formats) }).toEqual({
        name,
        formats: sortedEntries(want.formats),
      });
    }
  });

  it("writes the same merges as the file host", () => {
    for (const { name } of expected.run.sheets) {
      const ws = expected.workbook.getWorksheet(name) as ExcelJS.Worksheet;
      const want = worksheetToGrid(ws)
        .merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`)
        .sort();
      const got = (fake.book.find(name) as FakeSheet).merges
        .map((m) => `${a1(m.row, m.col)}:${a1(m.row + m.rows - 1, m.col + m.cols - 1)}`)
        .sort();
      expect({ name, merges: got }).toEqual({ name, merges: want });
    }
  });

  it("draws 审计总览's charts over its CV cells: columns, and the limit as a dashed line", () => {
    const summary = fake.book.find("审计总览") as FakeSheet;
    const charts = plan.sheets.find((s) => s.kind === "summary")!.charts ?? [];
    expect(charts.length).toBeGreaterThan(0);
    const adds = summary.charts.filter((c) => /^ChartObjects\(\)\.Add\([^)]*\)$/.test(c));
    expect(adds).toHaveLength(charts.length);
    charts.forEach((chart, k) => {
      const add = adds[k];
      const prefix = `${add}#${summary.charts.indexOf(add) + 1}.Chart`;
      const sets = summary.charts.filter((c) => c.startsWith(prefix));
      expect(sets).toContain(`${prefix}.ChartType=51`);
      expect(sets).toContain(`${prefix}.ChartTitle.Text=${JSON.stringify(chart.title)}`);
      // Each series over the sheet's cells; the line's type is xlLine and dashed.
      for (const series of chart.series) {
        const values = sets.find((c) => c.endsWith(`.Values=${series.range}`));
        expect(values).toBeDefined();
        const id = values!.slice(0, values!.lastIndexOf(".Values="));
        expect(sets).toContain(`${id}.XValues=${chart.categories.range}`);
        if (series.kind === "line") {
          expect(sets).toContain(`${id}.ChartType=4`);
          expect(sets).toContain(`${id}.Format.Line.DashStyle=4`);
        }
      }
    });
  });

  it("prints every audit sheet on A4 with page numbers in the footer", () => {
    for (const { name } of run.sheets) {
      const setup = (fake.book.find(name) as FakeSheet).pageSetup;
      expect({ name, paper: setup.PaperSize, footer: setup.CenterFooter }).toEqual({
        name,
        paper: 9,
        footer: "第 &P 页 共 &N 页",
      });
      expect(setup.PrintTitleRows).toMatch(/^\$\d+:\$\d+$/);
    }
    // 审计总览's page breaks: above its charts' page, and after them.
    const summary = plan.sheets.find((s) => s.kind === "summary")!;
    expect((fake.book.find("审计总览") as FakeSheet).pageBreaks).toEqual(
      summary.pageBreaks!.map((row) => `A${row + 1}`)
    );
  });

  it("never touches a source sheet", () => {
    expect(
      snapshot(
        fake.book,
        expected.grids.map((g) => g.name)
      )
    ).toEqual(sourcesBefore);
    for (const { changes } of sourcesBefore) expect(changes).toEqual([]);
  });

  it("marks each audit sheet with a JH_AUDIT_<n> name, restores calculation and shows the planned sheet", () => {
    expect(fake.book.names.map((n) => [n.name, n.sheet?.name])).toEqual(
      run.sheets.map((s, i) => [`JH_AUDIT_${i + 1}`, s.name])
    );
    expect(fake.app.Calculation).toBe(-4105);
    expect(fake.app.ScreenUpdating).toBe(true);
    expect(fake.book.active?.name).toBe(
      run.sheets.find((s) => s.kind === "summary")?.name ?? run.sheets[0].name
    );
  });
});

describe("re-running the audit in WPS", () => {
  it("replaces only its own sheets: a user's sheet named 审计总览 keeps its name and content", async () => {
    const { grids } = await readWorkbookFile(SAMPLE);
    const user: SheetGrid = { name: "审计总览", rows: [["我自己的笔记"]], merges: [] };
    const fake = fakeEt([...grids, user]);
    const steps = wpsSteps(fake.app, { now: () => AUDITED_AT, pause: noPause });
    const first = await runAudit(steps, DEFAULT_SETTINGS, [], () => undefined);
    const firstNames = first.sheets.map((s) => s.name);
    expect(firstNames).toContain("审计总览 (2)");
    const before = fakeCells(fake.book.find(firstNames[0]) as FakeSheet);

    const second = await runAudit(steps, DEFAULT_SETTINGS, [], () => undefined);
    expect(second.sheets.map((s) => s.name)).toEqual(firstNames);
    expect(fake.book.sheets.map((s) => s.name)).toEqual([
      ...grids.map((g) => g.name),
      "审计总览",
      ...firstNames,
    ]);
    expect(fake.book.find("审计总览")?.changes).toEqual([]);
    expect(fake.book.find("审计总览")?.cell(0, 0)?.value).toBe("我自己的笔记");
    // The rewritten sheets hold the same cells (formulas followed the write-time renames back).
    expect(sortedEntries(fakeCells(fake.book.find(firstNames[0]) as FakeSheet).cells)).toEqual(
      sortedEntries(before.cells)
    );
    // Only the new markers remain, one per sheet.
    expect(fake.book.names.map((n) => n.sheet?.name).sort()).toEqual([...firstNames].sort());
  });

  it("a failed write leaves the previous audit and removes the half-written sheets", async () => {
    const { grids } = await readWorkbookFile(SAMPLE);
    const fake = fakeEt(grids);
    let progressCalls = 0;
    await runAudit(
      wpsSteps(fake.app, { now: () => AUDITED_AT, pause: noPause }),
      DEFAULT_SETTINGS,
      [],
      () => undefined
    );
    const sheetsBefore = fake.book.sheets.map((s) => s.name);
    const namesBefore = fake.book.names.map((n) => n.name);
    const failing = wpsSteps(fake.app, {
      now: () => AUDITED_AT,
      maxCellsPerWrite: 500,
      pause: async () => {
        progressCalls += 1;
        if (progressCalls === 2) throw new Error("Exception occurred");
      },
    });
    await expect(runAudit(failing, DEFAULT_SETTINGS, [], () => undefined)).rejects.toThrow(
      "Exception occurred"
    );
    expect(fake.book.sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(fake.book.names.map((n) => n.name)).toEqual(namesBefore);
    expect(fake.app.Calculation).toBe(-4105);
  });
});

describe("calls into ET do not grow with the school count beyond the value tiles", () => {
  /** One county of `schools` parts (the generator's 300-a-county split undone). */
  function oneCounty(schools: number): SheetGrid[] {
    const grid = worksheetToGrid(bigCountyWorkbook(schools).worksheets[0]);
    for (const row of grid.rows)
      if (typeof row[1] === "string" && /^第\d+县$/.test(row[1])) row[1] = "第1县";
    return [grid];
  }

  async function callsFor(schools: number) {
    const fake = fakeEt(oneCounty(schools));
    const progress: number[] = [];
    const run = await runAudit(
      wpsSteps(fake.app, { pause: noPause, maxCellsPerWrite: 20_000, maxCellsPerRead: 20_000 }),
      DEFAULT_SETTINGS,
      [],
      (p) => progress.push(p.fraction)
    );
    const valueCalls = fake.log.count((c) => c === "Range.Formula=" || c === "Range.Value2");
    return {
      total: fake.log.calls.length,
      valueCalls,
      other: fake.log.calls.length - valueCalls,
      run,
      fake,
    };
  }

  it("100 and 5,000 schools: the same calls apart from one read or write per 20,000-cell tile", async () => {
    const small = await callsFor(100);
    const big = await callsFor(5000);
    expect(small.run.result.schools).toHaveLength(100);
    expect(big.run.result.schools).toHaveLength(5000);
    expect(big.run.sheets.map((s) => s.name)).toEqual(small.run.sheets.map((s) => s.name));
    // Value reads and writes: one per tile. 5,000 schools make a few dozen tiles, not thousands.
    expect(big.valueCalls).toBeLessThan(small.valueCalls + 60);
    // Everything else (sheets, names, styles, formats, merges found by halving) stays nearly flat.
    expect(big.other).toBeLessThan(small.other * 1.2);
  });
});
