import { STAGE_NAMES } from "../engine";
import { FMT, formulaCell, numberCell, textCell } from "./cells";
import { STAGES, type ReportContext } from "./context";
import { findCvRows, CV_COL, type CvSheet } from "./cvSheet";
import {
  declarationHead,
  declarationNotes,
  declarationSignOff,
  filingUnit,
  longName,
} from "./declarationCommon";
import { printSetup, SheetLayout } from "./layout";
import type { PlannedCell, PlannedSheet } from "./plan";
import { cellA1, sheetRef } from "./refs";

/**
 * 表Ⅲ 县域义务教育学校校际间均衡情况: per stage the county mean (全县平均值, 2 decimals) and the CV
 * (差异系数, 3 decimals) of each indicator, and the composite CV; all reference 差异系数.
 */
export function buildDeclarationIII(
  ctx: ReportContext,
  cv: CvSheet,
  county: string,
  name: string
): PlannedSheet {
  const specs = ctx.standard.indicators;
  const compositeCol = 2 + specs.length;
  const sheet = new SheetLayout("declaration-III", name, [8, 12, ...specs.map(() => 13), 12]);
  const top = declarationHead(
    sheet,
    "表Ⅲ",
    "县域义务教育学校校际间均衡情况（资源配置）",
    filingUnit(ctx, county),
    compositeCol
  );
  sheet.append(
    [
      textCell("学段", "header"),
      textCell("项目", "header"),
      ...specs.map((s) => textCell(longName(s), "header")),
      textCell("综合差异系数", "header"),
    ],
    72
  );
  const codeRow = sheet.append([
    textCell("", "code"),
    textCell("", "code"),
    ...specs.map((s) => textCell(s.id, "code")),
    textCell("综合", "code"),
  ]);

  const countyResult = ctx.input.result.counties.find((c) => c.name === county)!;
  for (const stage of STAGES) {
    const result = countyResult.stages[stage];
    const rows = findCvRows(cv, county, stage);
    // A reference to an empty cell reads 0: a figure that does not exist stays empty.
    const ref = (row: number, col: number, value: number | null, fmt: string): PlannedCell =>
      value === null
        ? numberCell(null, fmt)
        : formulaCell(sheetRef(cv.name, cellA1(row, col)), value, fmt);
    const meanRow = sheet.append([
      textCell(STAGE_NAMES[stage]),
      textCell("全县平均值"),
      ...specs.map((s) =>
        ref(rows.indicators[s.id], CV_COL.mean, result.indicators[s.id].mean, FMT.value)
      ),
      textCell("—"),
    ]);
    sheet.append([
      textCell(""),
      textCell("差异系数"),
      ...specs.map((s) =>
        ref(rows.indicators[s.id], CV_COL.cv, result.indicators[s.id].cv, FMT.cv)
      ),
      ref(rows.composite, CV_COL.cv, result.compositeCv, FMT.cv),
    ]);
    sheet.merge(meanRow, 0, meanRow + 1, 0);
  }
  sheet.skip();
  const limits = ctx.standard.cvRule.limits;
  declarationNotes(
    sheet,
    [
      "1. 全县平均值为按在校生数加权的平均值（全县资源总量 ÷ 全县在校生数），保留两位小数；差异系数保留三位小数。",
      "2. 差异系数 = 标准差 ÷ 全县平均值，标准差按各校在校生数加权计算；缺少数据的学校不计入该项。",
      `3. 综合差异系数为各项指标差异系数的平均值。${ctx.standard.cvRule.mode === "each" ? `每项差异系数小学不大于${limits.primary}、初中不大于${limits.junior}为达标。` : `综合差异系数小学不大于${limits.primary}、初中不大于${limits.junior}为达标。`}`,
    ],
    compositeCol
  );
  declarationSignOff(sheet, filingUnit(ctx, county), compositeCol);
  return sheet.build({
    freeze: { rows: codeRow + 1, columns: 2 },
    page: printSetup(top, codeRow),
    county,
  });
}
