/**
 * The real service: the Excel host and the sheet reader under a stand-in for Excel.run, over the
 * Excel host's fake workbook holding the small county, with the document settings faked.
 */
import { DEFAULT_SETTINGS } from "../../src/engine";
import { a1 } from "../../src/sheets/grid";
import * as excelHost from "../../src/hosts/excel";
import { PaneController } from "../../src/taskpane/controller";
import { createExcelService } from "../../src/taskpane/excelService";
import { stringsFor, type Strings } from "../../src/taskpane/i18n";
import { sheetReader } from "../../src/taskpane/reader";
import type { RunProgress } from "../../src/taskpane/service";
import { FakeWorkbook, type SourceValue } from "../hosts/excel/fakeExcel";
import { smallCountyGrids } from "../support/smallCountyWorkbook";
import { FakeSettings } from "./fakes";

function county(strings?: Strings) {
  const book = new FakeWorkbook();
  for (const grid of smallCountyGrids()) {
    book.addSheet(
      grid.name,
      grid.rows as SourceValue[][],
      { row: 0, col: 0 },
      grid.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`)
    );
  }
  let runs = 0;
  const settings = new FakeSettings();
  const service = createExcelService({
    host: excelHost,
    reader: sheetReader,
    run: async (batch) => {
      runs += 1;
      return batch(book.context());
    },
    settings,
    ...(strings ? { strings } : {}),
    now: () => new Date(Date.UTC(2026, 10, 29)),
  });
  return { book, service, settings, runs: () => runs };
}

describe("createExcelService over the Excel host", () => {
  it("scans the open workbook in one Excel.run: three tables, and 说明 skipped", async () => {
    const { service, runs } = county();
    const scan = await service.scan([]);
    expect(scan.tables.map((t) => t.sheet)).toEqual(["小学", "初中", "O'Brien"]);
    expect(scan.skipped.map((s) => s.sheet)).toEqual(["说明"]);
    expect(scan.choices["小学"][2]).toEqual({ column: 2, letter: "C", header: "在校生数" });
    expect(scan.fields.length).toBeGreaterThan(50);
    expect(runs()).toBe(1);
  });

  it("runs the audit: one Excel.run to read, one to write, the audit sheets in the workbook and 审计总览 shown", async () => {
    const { book, service, runs } = county();
    const progress: RunProgress[] = [];
    const run = await service.run(DEFAULT_SETTINGS, [], (p) => progress.push(p));
    expect(runs()).toBe(2);
    expect(progress.at(-1)).toEqual({ step: "write", fraction: 1 });
    expect(run.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(["审计总览", "学校达标", "差异系数", "问题清单", "数据诊断"])
    );
    for (const sheet of run.sheets) expect(book.sheets.map((s) => s.name)).toContain(sheet.name);
    expect(book.activeSheet).toBe("审计总览");
    // The source sheets are untouched.
    expect(book.cell("小学", "C5")).toEqual({ value: 1000, type: "Double" });
  });

  it("selects a source cell through the host", async () => {
    const { book, service } = county();
    await service.select("小学", "D7");
    expect([book.activeSheet, book.selection]).toEqual(["小学", "D7"]);
  });

  it("keeps settings and overrides in the document settings", async () => {
    const { service, settings } = county();
    await service.save({
      settings: { ...DEFAULT_SETTINGS, excludePrivate: true },
      overrides: [{ sheet: "小学", field: "name", column: 1 }],
    });
    expect(settings.saves).toBe(1);
    expect(service.loadSaved()).toEqual({
      settings: { ...DEFAULT_SETTINGS, excludePrivate: true },
      overrides: [{ sheet: "小学", field: "name", column: 1 }],
    });
  });

  it("shows Excel's advice when the workbook is in cell edit mode, and the earlier audit stays", async () => {
    const { book, service } = county();
    const controller = new PaneController(service);
    await controller.run();
    const sheets = book.sheets.map((s) => s.name);
    book.failOn = (record) =>
      record.what === "worksheets.add" ? "InvalidOperationInCellEditMode" : undefined;
    await controller.run();
    expect(controller.getState().error).toMatch(
      /^Excel 正处于单元格编辑状态.*请按 Enter 或 Esc 结束编辑/
    );
    expect(book.sheets.map((s) => s.name)).toEqual(sheets);
  });

  it("gives Excel's advice in English when the pane speaks English", async () => {
    const { book, service } = county(stringsFor("en-US"));
    const controller = new PaneController(service);
    book.failOn = (record) =>
      record.what === "worksheets.add" ? "InvalidOperationInCellEditMode" : undefined;
    await controller.run();
    expect(controller.getState().error).toBe(
      stringsFor("en").errors.excel.InvalidOperationInCellEditMode
    );
    expect(controller.getState().error).toMatch(/^Excel is editing a cell.*Press Enter or Esc/);
  });
});
