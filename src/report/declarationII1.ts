import { STAGE_NAMES } from "../engine";
import { FMT, formulaCell, numberCell, textCell, VERDICT } from "./cells";
import { STAGES, type ReportContext } from "./context";
import {
  declarationHead,
  declarationNotes,
  declarationSignOff,
  filingUnit,
  longName,
} from "./declarationCommon";
import { printSetup, SheetLayout } from "./layout";
import type { PlannedSheet } from "./plan";
import { cellA1, sheetRef } from "./refs";
import { blockRange, findBlock, type SchoolsSheet } from "./schoolsSheet";

/**
 * 表Ⅱ-1: per stage the number of schools and, per indicator and for the school rule, the schools
 * meeting it (达标学校总数) and their share (达标学校比例). Counts are formulas over 学校达标.
 */
export function buildDeclarationII1(
  ctx: ReportContext,
  schools: SchoolsSheet,
  county: string,
  name: string
): PlannedSheet {
  const specs = ctx.standard.indicators;
  const lastCol = 1 + 2 * (specs.length + 1);
  const sheet = new SheetLayout("declaration-II-1", name, [
    8,
    10,
    ...Array.from({ length: 2 * (specs.length + 1) }, () => 11),
  ]);
  const top = declarationHead(
    sheet,
    "表Ⅱ-1",
    "小学、初中资源配置达标情况（汇总）",
    filingUnit(ctx, county),
    lastCol
  );

  const groups = [...specs.map((s) => longName(s)), "学校综合评估达标"];
  sheet.set(top, 0, textCell("学段", "header"));
  sheet.set(top, 1, textCell("学校总数（所）", "header"));
  sheet.merge(top, 0, top + 1, 0);
  sheet.merge(top, 1, top + 1, 1);
  groups.forEach((g, k) => {
    const c = 2 + 2 * k;
    sheet.set(top, c, textCell(g, "header"));
    sheet.set(top, c + 1, textCell("", "header"));
    sheet.merge(top, c, top, c + 1);
    sheet.set(top + 1, c, textCell("达标学校总数（所）", "header"));
    sheet.set(top + 1, c + 1, textCell("达标学校比例", "header"));
  });
  sheet.setHeight(top, 60);
  sheet.setHeight(top + 1, 30);
  const codeRow = top + 2;
  sheet.set(codeRow, 0, textCell("", "code"));
  sheet.set(codeRow, 1, textCell("", "code"));
  groups.forEach((_, k) => {
    const c = 2 + 2 * k;
    sheet.set(codeRow, c, textCell(k < specs.length ? specs[k].id : "综合", "code"));
    sheet.set(codeRow, c + 1, textCell("", "code"));
    sheet.merge(codeRow, c, codeRow, c + 1);
  });
  sheet.next = codeRow + 1;

  const countyResult = ctx.input.result.counties.find((c) => c.name === county)!;
  for (const stage of STAGES) {
    const row = sheet.next;
    const result = countyResult.stages[stage];
    const block = findBlock(schools, county, stage);
    sheet.set(row, 0, textCell(STAGE_NAMES[stage]));
    const total = cellA1(row, 1, "col");
    if (!block) {
      sheet.set(row, 1, numberCell(0, FMT.count));
      sheet.next = row + 1;
      continue;
    }
    sheet.set(
      row,
      1,
      formulaCell(
        `COUNT(${blockRange(schools, block, schools.col.pupils)})`,
        block.rows.length,
        FMT.count
      )
    );
    const pair = (k: number, formula: string, met: number) => {
      const c = 2 + 2 * k;
      sheet.set(row, c, formulaCell(formula, met, FMT.count));
      sheet.set(
        row,
        c + 1,
        formulaCell(`${cellA1(row, c)}/${total}`, met / block.rows.length, FMT.percent)
      );
    };
    specs.forEach((spec, i) => {
      const col = schools.col.indicator(i);
      const threshold = sheetRef(schools.name, cellA1(block.thresholdRow!, col, "both"));
      pair(
        i,
        `SUMPRODUCT((ROUND(${blockRange(schools, block, col)},9)>=${threshold})*1)`,
        result.indicators[spec.id].metSchools
      );
    });
    pair(
      specs.length,
      `COUNTIF(${blockRange(schools, block, schools.col.verdict)},"${VERDICT.pass}")`,
      result.schoolsPassing
    );
    sheet.next = row + 1;
  }
  sheet.skip();
  declarationNotes(
    sheet,
    [
      `1. 达标学校比例 = 达标学校总数 ÷ 学校总数；学校综合评估达标指至少${ctx.standard.schoolRule?.minMet ?? specs.length}项指标达到要求、其余项不低于要求的${Math.round((ctx.standard.schoolRule?.floorRatio ?? 1) * 100)}%。`,
      "2. 小学包括一贯制学校的小学部，初中包括一贯制学校的初中部和完全中学的初中部，每个学段部分计为一所学校。",
      "3. 本表数据由「学校达标」表公式计算。",
    ],
    lastCol
  );
  declarationSignOff(sheet, filingUnit(ctx, county), lastCol);
  return sheet.build({
    freeze: { rows: codeRow + 1, columns: 1 },
    page: printSetup(top, codeRow),
    county,
  });
}
