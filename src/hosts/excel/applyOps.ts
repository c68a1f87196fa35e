/**
 * Performs planned write operations through Office.js: queues only, never syncs.
 */
import type { CellStyle, PageSetup } from "../../report/plan";
import { addChart } from "./charts";
import type { WriteOp } from "./planOps";
import { BORDER_COLOR, STYLES, verdictColors } from "./styles";

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;

/** Queues one operation on the worksheet it belongs to. */
export function applyOp(sheet: Excel.Worksheet, op: WriteOp): void {
  switch (op.kind) {
    case "cells": {
      const range = sheet.getRange(op.address);
      // Number formats first, so each value lands in its final format.
      if (op.numberFormat) range.numberFormat = op.numberFormat;
      range.formulas = op.formulas;
      return;
    }
    case "style":
      return applyStyle(sheet.getRanges(op.address).format, op.style, op.inside);
    case "merge":
      sheet.getRange(op.address).merge(false);
      return;
    case "columnWidth":
      sheet.getRange(op.address).format.columnWidth = op.points;
      return;
    case "hideColumns":
      sheet.getRange(op.address).columnHidden = true;
      return;
    case "rowHeight":
      sheet.getRange(op.address).format.rowHeight = op.points;
      return;
    case "autofitRows":
      sheet.getRange(op.address).format.autofitRows();
      return;
    case "freeze":
      if (op.rows > 0 && op.columns > 0)
        sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, op.rows, op.columns));
      else if (op.rows > 0) sheet.freezePanes.freezeRows(op.rows);
      else sheet.freezePanes.freezeColumns(op.columns);
      return;
    case "conditional": {
      const range = sheet.getRange(op.address);
      // Excel puts each new format at the top; adding the last rule first leaves the plan's first
      // rule on top, and stopIfTrue makes the first match win.
      for (const rule of [...op.rules].reverse()) {
        const format = range.conditionalFormats.add("Custom");
        format.custom.rule.formula = `=${rule.formula.replace(/^=/, "")}`;
        const colors = verdictColors(rule.style);
        format.custom.format.fill.color = colors.fill;
        format.custom.format.font.color = colors.fontColor;
        format.stopIfTrue = true;
      }
      return;
    }
    case "dataBar": {
      const bar = sheet.getRange(op.address).conditionalFormats.add("DataBar").dataBar;
      bar.barDirection = "LeftToRight";
      bar.positiveFormat.fillColor = op.color;
      bar.positiveFormat.gradientFill = false;
      return;
    }
    case "page": {
      const layout = sheet.pageLayout;
      layout.orientation = op.page.landscape ? "Landscape" : "Portrait";
      if (op.page.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (op.page.repeatRows)
        layout.setPrintTitleRows(`$${op.page.repeatRows[0]}:$${op.page.repeatRows[1]}`);
      layout.paperSize = "A4";
      applyHeaderFooter(layout, op.page);
      return;
    }
    case "chart":
      return addChart(sheet, op.chart);
    case "pageBreak":
      // A break above the cell (ExcelApi 1.9).
      sheet.horizontalPageBreaks.add(op.address);
      return;
    case "link":
      sheet.getRange(op.address).hyperlink = {
        documentReference: op.target,
        ...(op.text !== undefined ? { textToDisplay: op.text } : {}),
      };
      return;
  }
}

/** The printed header and footer (ExcelApi 1.9), in Excel's codes as the plan gives them. */
function applyHeaderFooter(layout: Excel.PageLayout, page: PageSetup): void {
  if (!page.header && !page.footer) return;
  const all = layout.headersFooters.defaultForAllPages;
  if (page.header?.left) all.leftHeader = page.header.left;
  if (page.header?.center) all.centerHeader = page.header.center;
  if (page.header?.right) all.rightHeader = page.header.right;
  if (page.footer?.left) all.leftFooter = page.footer.left;
  if (page.footer?.center) all.centerFooter = page.footer.center;
  if (page.footer?.right) all.rightFooter = page.footer.right;
}

function applyStyle(
  format: Excel.RangeFormat,
  style: CellStyle,
  inside: { rows: boolean; cols: boolean }
): void {
  const spec = STYLES[style];
  if (spec.fill) format.fill.color = spec.fill;
  if (spec.fontColor) format.font.color = spec.fontColor;
  if (spec.bold) format.font.bold = true;
  if (spec.italic) format.font.italic = true;
  if (spec.size) format.font.size = spec.size;
  if (spec.underline) format.font.underline = spec.underline;
  if (spec.wrap) format.wrapText = true;
  if (spec.horizontal) format.horizontalAlignment = spec.horizontal;
  if (spec.vertical) format.verticalAlignment = spec.vertical;
  if (spec.borders) {
    // Inside edges only where the areas have an inside: a single row or column has none.
    const edges = EDGES.filter(
      (edge) =>
        (edge !== "InsideHorizontal" || inside.rows) && (edge !== "InsideVertical" || inside.cols)
    );
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = BORDER_COLOR;
    }
  }
}
