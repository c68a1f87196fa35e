import { STAGE_NAMES, type IndicatorStageResult, type Stage, type StageResult } from "../engine";
import { FMT, formulaCell, numberCell, textCell, valueFormat, VERDICT } from "./cells";
import { countyLabel, STAGES, type ReportContext } from "./context";
import { printSetup, SheetLayout } from "./layout";
import type { PlannedCell, PlannedSheet } from "./plan";
import { cellA1, rangeA1 } from "./refs";
import { blockRange, findBlock, type SchoolsSheet } from "./schoolsSheet";

/** CV sheet columns. */
export const CV_COL = {
  county: 0,
  stage: 1,
  id: 2,
  name: 3,
  schools: 4,
  students: 5,
  mean: 6,
  sd: 7,
  cv: 8,
  limit: 9,
  verdict: 10,
  note: 11,
} as const;

/** Where a county's stage sits in 差异系数: a row per indicator, then the composite row. */
export interface CvStageRows {
  county: string;
  stage: Stage;
  /** Indicator id → 0-based row. */
  indicators: Record<string, number>;
  composite: number;
}

export interface CvSheet {
  sheet: PlannedSheet;
  name: string;
  stages: CvStageRows[];
}

export function findCvRows(cv: CvSheet, county: string, stage: Stage): CvStageRows {
  const rows = cv.stages.find((s) => s.county === county && s.stage === stage);
  if (!rows) throw new Error(`no CV rows for ${county}/${stage}`);
  return rows;
}

/**
 * 差异系数: per county, stage and indicator the weighted mean X̄ = SUMPRODUCT(P,X)/SUM(P), the
 * weighted S = SQRT(SUMPRODUCT(P,(X-X̄)^2)/SUM(P)) and CV = S/X̄ over the stage's block in
 * 学校达标 (P is the weight column: 0 where a value is missing), the limit and the verdict;
 * then the composite CV (the plain mean of the CVs).
 */
export function buildCvSheet(ctx: ReportContext, schools: SchoolsSheet): CvSheet {
  const name = ctx.names.cv;
  const sheet = new SheetLayout("cv", name, [12, 8, 6, 40, 8, 10, 12, 12, 10, 8, 10, 30]);
  sheet.append([textCell(`差异系数（${ctx.standard.name}，${ctx.standard.document}）`, "title")]);
  sheet.merge(0, 0, 0, CV_COL.note);
  sheet.append([
    textCell(
      "按在校生数加权：加权平均值 X̄ = Σ(Pᵢ·Xᵢ)/ΣPᵢ，标准差 S = √(Σ Pᵢ(Xᵢ−X̄)²/ΣPᵢ)，差异系数 = S/X̄；缺少数据的学校不计入。综合差异系数为各项差异系数的平均值。",
      "subtitle"
    ),
  ]);
  sheet.merge(1, 0, 1, CV_COL.note);
  const header = sheet.append(
    [
      "区县",
      "学段",
      "指标",
      "指标名称",
      "学校数",
      "在校生数",
      "加权平均值",
      "标准差S",
      "差异系数",
      "限值",
      "结论",
      "说明",
    ].map((h) => textCell(h, "header")),
    30
  );

  const stages: CvStageRows[] = [];
  for (const county of ctx.input.result.counties) {
    for (const stage of STAGES) {
      stages.push(layStage(ctx, sheet, schools, county.name, stage, county.stages[stage]));
    }
  }
  sheet.colourVerdicts(header + 1, CV_COL.verdict, sheet.next - 1, CV_COL.verdict);
  return {
    name,
    stages,
    sheet: sheet.build({
      freeze: { rows: header + 1, columns: 0 },
      page: printSetup(header, header),
    }),
  };
}

function layStage(
  ctx: ReportContext,
  sheet: SheetLayout,
  schools: SchoolsSheet,
  county: string,
  stage: Stage,
  result: StageResult
): CvStageRows {
  const block = findBlock(schools, county, stage);
  const rows: Record<string, number> = {};
  const first = sheet.next;
  ctx.standard.indicators.forEach((spec, i) => {
    const ind = result.indicators[spec.id];
    const row = sheet.next;
    rows[spec.id] = row;
    const ranges = block
      ? {
          x: blockRange(schools, block, schools.col.indicator(i)),
          w: blockRange(schools, block, schools.col.weight(i)),
        }
      : null;
    sheet.append([
      textCell(countyLabel(county)),
      textCell(STAGE_NAMES[stage]),
      textCell(spec.id),
      textCell(spec.name),
      ...statCells(row, ind, ranges, valueFormat(spec)),
    ]);
  });
  const last = sheet.next - 1;
  const compositeRow = sheet.next;
  const composite = sheet.append([
    textCell(countyLabel(county), "header"),
    textCell(STAGE_NAMES[stage], "header"),
    textCell("综合", "header"),
    textCell("综合差异系数（各项差异系数的平均值）", "header"),
    null,
    null,
    null,
    null,
    result.compositeCv === null
      ? numberCell(null, FMT.cv)
      : formulaCell(
          `AVERAGE(${rangeA1(first, CV_COL.cv, last, CV_COL.cv)})`,
          result.compositeCv,
          FMT.cv
        ),
    numberCell(result.compositeLimit, FMT.value),
    compositeVerdict(compositeRow, result),
    textCell(result.note ?? (result.compositeCv === null ? "有指标无法计算差异系数" : "")),
  ]);
  sheet.skip();
  return { county, stage, indicators: rows, composite };
}

function compositeVerdict(row: number, result: StageResult): PlannedCell {
  if (result.compositeLimit === null) return textCell(VERDICT.none);
  if (result.compositeCv === null) return textCell(VERDICT.fail, "fail");
  const f = `IF(ROUND(${cellA1(row, CV_COL.cv)},9)<=${cellA1(row, CV_COL.limit)},"${VERDICT.pass}","${VERDICT.fail}")`;
  return formulaCell(f, result.cvPass ? VERDICT.pass : VERDICT.fail, undefined, "text");
}

/** 学校数 … 说明 of one indicator row. */
function statCells(
  row: number,
  ind: IndicatorStageResult,
  ranges: { x: string; w: string } | null,
  valueFmt: string
): PlannedCell[] {
  const at = (c: number) => cellA1(row, c);
  const mean =
    ranges && ind.mean !== null
      ? formulaCell(`SUMPRODUCT(${ranges.w},${ranges.x})/SUM(${ranges.w})`, ind.mean, valueFmt)
      : numberCell(null, valueFmt);
  const sd =
    ranges && ind.sd !== null
      ? formulaCell(
          `SQRT(SUMPRODUCT(${ranges.w},(${ranges.x}-${at(CV_COL.mean)})^2)/SUM(${ranges.w}))`,
          ind.sd,
          valueFmt
        )
      : numberCell(null, valueFmt);
  const cv =
    ranges && ind.cv !== null
      ? formulaCell(`${at(CV_COL.sd)}/${at(CV_COL.mean)}`, ind.cv, FMT.cv)
      : numberCell(null, FMT.cv);
  let verdict: PlannedCell;
  if (ind.limit === null) verdict = textCell(VERDICT.none);
  else if (ind.cv === null || !ranges) verdict = textCell(VERDICT.fail, "fail");
  else {
    const f = `IF(ROUND(${at(CV_COL.cv)},9)<=${at(CV_COL.limit)},"${VERDICT.pass}","${VERDICT.fail}")`;
    verdict = formulaCell(f, ind.pass ? VERDICT.pass : VERDICT.fail, undefined, "text");
  }
  return [
    ranges
      ? formulaCell(`COUNTIF(${ranges.w},">0")`, ind.schools, FMT.count)
      : numberCell(0, FMT.count),
    ranges ? formulaCell(`SUM(${ranges.w})`, ind.students, FMT.count) : numberCell(0, FMT.count),
    mean,
    sd,
    cv,
    numberCell(ind.limit, FMT.value),
    verdict,
    textCell(ind.note ?? ""),
  ];
}
