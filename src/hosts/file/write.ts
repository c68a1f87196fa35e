import type ExcelJS from "exceljs";
import type {
  DataBar,
  ConditionalFormat,
  PlannedCell,
  PlannedSheet,
  WorkbookPlan,
} from "../../report/plan";
import { markOwned, removeOwnedSheets } from "./ownership";
import { headerFooterLine } from "./package/page-xml";
import { chooseSheetNames, renameSheets } from "../../report";
import { conditionalStyle, SharedStyles } from "./styles";

export interface WritePlanResult {
  /** The plan's preferred sheet name → the name written (another one when a user's sheet had it). */
  sheetNames: Record<string, string>;
  /** Audit sheets of an earlier run that were replaced. */
  removedSheets: string[];
}

/** Characters XML 1.0 cannot carry (control characters other than tab, line feed, carriage return). */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Excel keeps at most 32767 characters in a cell. */
const MAX_CELL_TEXT = 32767;

function withoutEquals(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

/** A literal for ExcelJS: strings stay strings (ExcelJS only makes formulas of { formula } objects). */
function literal(value: PlannedCell["value"]): ExcelJS.CellValue {
  if (typeof value === "string") return value.replace(XML_ILLEGAL, "").slice(0, MAX_CELL_TEXT);
  if (typeof value === "number")
    return Number.isFinite(value) ? value : { error: "#NUM!" as ExcelJS.CellErrorValue["error"] };
  return value;
}

function cellValue(cell: PlannedCell): ExcelJS.CellValue {
  const value = literal(cell.value);
  if (cell.formula) {
    const formula = withoutEquals(cell.formula);
    // The computed value goes in as the cached result: viewers that never recalculate show it.
    return value === null
      ? ({ formula } as ExcelJS.CellFormulaValue)
      : ({ formula, result: value } as ExcelJS.CellFormulaValue);
  }
  if (cell.link) {
    const target = cell.link.replace(/^#/, "");
    return { text: value === null ? "" : String(value), hyperlink: `#${target}` };
  }
  return value;
}

function writeCells(ws: ExcelJS.Worksheet, sheet: PlannedSheet, styles: SharedStyles): void {
  for (const planned of sheet.rows) {
    const row = ws.getRow(planned.row + 1);
    if (planned.height !== undefined) row.height = planned.height;
    planned.cells.forEach((cell, col) => {
      if (!cell) return;
      const target = row.getCell(col + 1);
      const style = cell.style ?? (cell.link && !cell.formula ? "link" : undefined);
      if (style || cell.numFmt) target.style = styles.get(style, cell.numFmt);
      target.value = cellValue(cell);
    });
  }
}

function writeConditionalFormats(
  ws: ExcelJS.Worksheet,
  formats: ConditionalFormat[],
  bars: DataBar[]
): void {
  // Excel applies the rule with the smallest priority number first: plan order gives "first match wins".
  let priority = 1;
  for (const format of formats) {
    ws.addConditionalFormatting({
      ref: format.range,
      rules: format.rules.map((rule) => ({
        type: "expression",
        formulae: [withoutEquals(rule.formula)],
        style: conditionalStyle(rule.style),
        priority: priority++,
      })),
    });
  }
  for (const bar of bars) {
    const rule = {
      type: "dataBar",
      priority: priority++,
      cfvo: [{ type: "min" }, { type: "max" }],
      color: { argb: `FF${bar.color.replace(/^#/, "").toUpperCase()}` },
      gradient: false,
    } as unknown as ExcelJS.DataBarRuleType;
    ws.addConditionalFormatting({ ref: bar.range, rules: [rule] });
  }
}

function writeLayout(ws: ExcelJS.Worksheet, sheet: PlannedSheet): void {
  sheet.columnWidths.forEach((width, col) => {
    ws.getColumn(col + 1).width = width;
  });
  for (const col of sheet.hiddenColumns ?? []) ws.getColumn(col + 1).hidden = true;
  for (const range of sheet.merges) ws.mergeCells(range);
  const freeze = sheet.freeze;
  ws.views =
    freeze && (freeze.rows > 0 || freeze.columns > 0)
      ? [{ state: "frozen", xSplit: freeze.columns, ySplit: freeze.rows }]
      : [{ state: "normal" }];
  ws.pageSetup.orientation = sheet.page.landscape ? "landscape" : "portrait";
  ws.pageSetup.paperSize = 9; // A4
  if (sheet.page.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0; // as many pages down as needed
  }
  if (sheet.page.repeatRows)
    ws.pageSetup.printTitlesRow = `${sheet.page.repeatRows[0]}:${sheet.page.repeatRows[1]}`;
  // ExcelJS breaks below a (1-based) row: below row b is above the 0-based row b.
  for (const row of sheet.pageBreaks ?? []) if (row > 0) ws.getRow(row).addPageBreak();
  const header = headerFooterLine(sheet.page.header);
  const footer = headerFooterLine(sheet.page.footer);
  if (header || footer)
    ws.headerFooter = {
      ...(header ? { oddHeader: header } : {}),
      ...(footer ? { oddFooter: footer } : {}),
    };
}

/**
 * Shows the given sheet when the file opens. A user's sheet that was the selected tab is
 * deselected (two selected tabs would open grouped, and typing would write to both); no other
 * property of the user's sheets is touched.
 */
function activate(workbook: ExcelJS.Workbook, sheetName: string | undefined): void {
  const index = workbook.worksheets.findIndex((ws) => ws.name === sheetName);
  if (index < 0) return;
  workbook.worksheets.forEach((ws, i) => {
    // ExcelJS reads and writes tabSelected although its typings omit it.
    const views = (ws.views ?? []) as (Partial<ExcelJS.WorksheetView> & {
      tabSelected?: boolean;
    })[];
    const selected = i === index;
    if (!selected && !views.some((v) => v.tabSelected)) return;
    const base: typeof views = views.length > 0 ? views : [{ state: "normal" }];
    ws.views = base.map(
      (view) => ({ ...view, tabSelected: selected }) as unknown as Partial<ExcelJS.WorksheetView>
    );
  });
  const defaults: ExcelJS.WorkbookView = {
    x: 0,
    y: 0,
    width: 20000,
    height: 12000,
    visibility: "visible",
    firstSheet: 0,
    activeTab: 0,
  };
  workbook.views = [{ ...defaults, ...workbook.views?.[0], firstSheet: 0, activeTab: index }];
}

/**
 * Writes an audit plan into a workbook (the blank county form, and tests; the audit itself is
 * written by the package writer, package/append.ts, for every input format). ExcelJS cannot
 * write charts: a plan's charts are left out here. Replaces the sheets an earlier audit owns, adds the planned
 * sheets after the user's (renamed 「审计总览 (2)」 … when a user's sheet has the name, with the
 * plan's formulas and links rewritten to match), and marks them as owned. User sheets are never
 * touched. Strings are always written as text, whatever they start with.
 *
 * @example
 * const { workbook } = await readWorkbookFile("county.xlsx");
 * writePlan(workbook, plan).sheetNames; // { "审计总览": "审计总览", "学校明细": "学校明细" }
 * await saveWorkbook(workbook, "county-审计.xlsx");
 */
export function writePlan(
  workbook: ExcelJS.Workbook,
  planned: WorkbookPlan,
  options: { owned?: boolean } = {}
): WritePlanResult {
  // owned: false writes user sheets (the blank county form): no marker, and no earlier audit sheet removed.
  const owned = options.owned !== false;
  const removedSheets = owned ? removeOwnedSheets(workbook) : [];
  const chosen = chooseSheetNames(
    planned.sheets.map((s) => s.name),
    workbook.worksheets.map((ws) => ({ name: ws.name, owned: false }))
  );
  const plan = renameSheets(planned, chosen);
  const styles = new SharedStyles();
  for (const sheet of plan.sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    writeCells(ws, sheet, styles);
    writeLayout(ws, sheet);
    writeConditionalFormats(ws, sheet.conditionalFormats, sheet.dataBars);
  }
  if (owned) markOwned(workbook, chosen);
  // Excel recomputes every formula on open; viewers that do not recalculate show the cached results.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
  const activeIndex = plan.sheets.findIndex((s) => s.kind === plan.activate);
  activate(workbook, chosen[activeIndex]);
  return {
    sheetNames: Object.fromEntries(planned.sheets.map((s, i) => [s.name, chosen[i]])),
    removedSheets,
  };
}
