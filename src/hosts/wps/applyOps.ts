/**
 * Performs WPS write operations (ops.ts) on ET worksheets: one range lookup and a few property
 * sets per operation.
 */
import { XL, type EtApplication, type EtFormatCondition, type EtWorksheet } from "./et";
import { addChart } from "./charts";
import type { WpsOp } from "./ops";
import { applyStyle, bgr, verdictColorsBgr } from "./styles";

/**
 * Performs one operation on the sheet it belongs to.
 *
 * @example
 * applyOp(app, sheet, { sheet: 0, kind: "values", address: "A1:B1", formulas: [["学校", "=B2"]] });
 */
export function applyOp(app: EtApplication, sheet: EtWorksheet, op: WpsOp): void {
  switch (op.kind) {
    case "values":
      // Formula takes the whole 2-D array: "=…" becomes a formula, "'…" text kept as typed.
      sheet.Range(op.address).Formula = op.formulas;
      return;
    case "numberFormat":
      sheet.Range(op.address).NumberFormat = op.format;
      return;
    case "style":
      return applyStyle(sheet.Range(op.address), op.style, op.inside);
    case "merge":
      sheet.Range(op.address).Merge(false);
      return;
    case "columnWidth":
      sheet.Range(op.address).ColumnWidth = op.chars;
      return;
    case "hideColumns":
      sheet.Range(op.address).EntireColumn.Hidden = true;
      return;
    case "rowHeight":
      sheet.Range(op.address).RowHeight = op.points;
      return;
    case "autofitRows":
      sheet.Range(op.address).Rows.AutoFit();
      return;
    case "freeze":
      return freeze(app, sheet, op.rows, op.columns);
    case "conditional": {
      const range = sheet.Range(op.address);
      const added: EtFormatCondition[] = op.rules.map((rule) => {
        const condition = range.FormatConditions.Add(
          XL.expression,
          undefined,
          `=${rule.formula.replace(/^=/, "")}`
        );
        const colors = verdictColorsBgr(rule.style);
        condition.Interior.Color = colors.fill;
        condition.Font.Color = colors.fontColor;
        condition.StopIfTrue = true;
        return condition;
      });
      // Whether Add puts a rule first or last differs between hosts: set the plan's order.
      added.forEach((condition, i) => {
        condition.Priority = i + 1;
      });
      return;
    }
    case "dataBar": {
      const bar = sheet.Range(op.address).FormatConditions.AddDatabar();
      bar.BarColor.Color = bgr(op.color);
      bar.BarFillType = XL.dataBarFillSolid;
      return;
    }
    case "page": {
      const setup = sheet.PageSetup;
      setup.Orientation = op.page.landscape ? XL.landscape : XL.portrait;
      setup.PaperSize = XL.paperA4;
      if (op.page.fitToWidth) {
        setup.Zoom = false;
        setup.FitToPagesWide = 1;
        setup.FitToPagesTall = false;
      }
      if (op.page.repeatRows)
        setup.PrintTitleRows = `$${op.page.repeatRows[0]}:$${op.page.repeatRows[1]}`;
      // Header and footer in Excel's codes (&P, &N), which ET takes as they are.
      const { header, footer } = op.page;
      if (header?.left) setup.LeftHeader = header.left;
      if (header?.center) setup.CenterHeader = header.center;
      if (header?.right) setup.RightHeader = header.right;
      if (footer?.left) setup.LeftFooter = footer.left;
      if (footer?.center) setup.CenterFooter = footer.center;
      if (footer?.right) setup.RightFooter = footer.right;
      return;
    }
    case "chart":
      return addChart(sheet, op.chart);
    case "pageBreak":
      sheet.HPageBreaks.Add(sheet.Range(op.address));
      return;
  }
}

/** Panes freeze through the window: the sheet is shown first. */
function freeze(app: EtApplication, sheet: EtWorksheet, rows: number, columns: number): void {
  sheet.Activate();
  const window = app.ActiveWindow;
  if (!window) return;
  window.FreezePanes = false;
  window.ScrollRow = 1;
  window.ScrollColumn = 1;
  window.SplitRow = rows;
  window.SplitColumn = columns;
  window.FreezePanes = true;
}
