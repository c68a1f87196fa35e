import { shortfallTally } from "./shortfallTally";
import {
  decidedCountyItems,
  DIMENSION_NAMES,
  settingsInForce,
  STAGE_NAMES,
  STATUS_NAMES,
  UNREAD_NOTE,
  unreadStagesText,
  VERDICT_NAMES,
  type CountyResult,
  type DimensionId,
  type Stage,
} from "../engine";
import { FMT, formulaCell, numberCell, textCell, VERDICT } from "./cells";
import { countyLabel, floorText, partsOf, STAGES, type ReportContext } from "./context";
import { findCvRows, CV_COL, type CvSheet } from "./cvSheet";
import { printSetup, SheetLayout } from "./layout";
import type { PlannedCell, PlannedSheet } from "./plan";
import { cellA1, columnLetter, rangeA1, sheetRef } from "./refs";
import { blockRange, findBlock, type SchoolsSheet } from "./schoolsSheet";

/** The county verdict while a stage the sheets name was not read. */
const INCOMPLETE = "未完成";

/** Columns of the per-stage table. */
const ST = {
  county: 0,
  stage: 1,
  schools: 2,
  passing: 3,
  failing: 4,
  shortfalls: 5,
  belowFloor: 6,
  cv: 7,
  composite: 8,
  verdict: 9,
} as const;

/**
 * The audit time as 北京时间 (UTC+8), which is what a county bureau reads.
 *
 * @example
 * beijingTime(new Date("2026-11-29T07:32:00Z")); // "2026-11-29 15:32"
 */
export function beijingTime(date: Date): string {
  const t = new Date(date.getTime() + 8 * 3600 * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
}

/** The standard's rules and the settings in force, as lines a reader checks. */
export function settingLines(ctx: ReportContext): [string, string][] {
  const { standard } = ctx;
  // County items a setting changes (G7's funding floor, the veto) count only where the form decided them.
  const decided = decidedCountyItems(ctx.input.result.counties);
  const [standardLine, ...settings] = settingsInForce(ctx.input.result.settings, standard, decided);
  const lines: [string, string][] = [
    standardLine,
    ["审计时间", `${beijingTime(ctx.input.auditedAt)}（北京时间）`],
  ];
  if (standard.schoolRule) {
    const r = standard.schoolRule;
    lines.push([
      "学校达标规则",
      `至少${r.minMet}项达到要求，其余项不低于要求的${floorText(standard)}`,
    ]);
  }
  const limits = `小学不大于${standard.cvRule.limits.primary}，初中不大于${standard.cvRule.limits.junior}`;
  lines.push([
    "差异系数规则",
    standard.cvRule.mode === "each" ? `每项差异系数${limits}` : `综合差异系数${limits}`,
  ]);
  const hidden = ctx.input.read?.hiddenRows?.length ?? 0;
  if (hidden > 0 && !ctx.input.result.settings.includeHiddenRows) {
    settings.push([
      "本工作簿隐藏或筛选掉的行",
      `${hidden}所学校的行被隐藏或筛选掉，未计入（名单见「数据诊断」）`,
    ]);
  }
  return [...lines, ...settings];
}

/**
 * 审计总览: the county verdicts, per stage the schools passing and the shortfalls, the CVs against
 * their limits (a table, and a chart per stage: bars against the limit's line), and the standard
 * and settings used. Every figure references 学校达标 or 差异系数.
 */
export function buildSummarySheet(
  ctx: ReportContext,
  schools: SchoolsSheet,
  cv: CvSheet,
  countyTables: CountyTablesOf = () => undefined
): PlannedSheet {
  const { result } = ctx.input;
  const counties = result.counties;
  const sheet = new SheetLayout(
    "summary",
    ctx.names.summary,
    [14, 14, 16, 12, 12, 14, 14, 14, 14, 12]
  );
  sheet.append([textCell("县域义务教育均衡发展审计总览", "title")]);
  sheet.merge(0, 0, 0, ST.verdict);
  sheet.append([
    textCell(
      `评估标准：${ctx.standard.name}（${ctx.standard.document}）；审计时间：${beijingTime(ctx.input.auditedAt)}（北京时间）`,
      "subtitle"
    ),
  ]);
  sheet.merge(1, 0, 1, ST.verdict);
  // Rows left out for bad data take the spare row under the title: 数据不完整, with the count and a link.
  const leftOut = result.excluded.filter((e) => e.rowLeftOut).length;
  if (leftOut > 0) {
    sheet.append([
      textCell(
        `数据不完整：${leftOut}所学校的行因在校生数或学段有误未读入、未计入审计（县域结论最多为「未完成」），名单见「${ctx.names.diagnostics}」四、未计入的学校；改正后请重新审计。`,
        "fail",
        sheetRef(ctx.names.diagnostics, "A1")
      ),
    ]);
    sheet.merge(2, 0, 2, ST.verdict);
  } else sheet.skip();
  const hasCountyItems = counties.some((c) => c.items.length > 0);
  // The whole-standard block comes first; the resource rows it references follow it.
  const wholeRows = hasCountyItems
    ? 3 +
      counties.length +
      1 +
      4 * counties.length +
      1 +
      counties.filter((c) => c.missing.length > 0).length +
      1
    : 0;
  const blockStart = sheet.next;
  const resourceRow = (ci: number) => blockStart + wholeRows + 2 + ci;
  if (hasCountyItems) {
    layWholeStandard(sheet, counties, countyTables, resourceRow);
    if (sheet.next !== blockStart + wholeRows)
      throw new Error("审计总览的县域结论区行数与预留的不一致");
  }

  // Row numbers are fixed up front: the county verdicts reference the stage rows below them.
  const countyHeader = sheet.next + 1;
  const countyStart = countyHeader + 1;
  const stageLabel = countyStart + counties.length + 1;
  const stageHeader = stageLabel + 1;
  const stageRow = (ci: number, si: number) => stageHeader + 1 + ci * STAGES.length + si;

  sheet.append([
    textCell(
      hasCountyItems ? "资源配置结论（资源配置方面及学校规模、班额、专用教室）" : "一、县域结论",
      "subtitle"
    ),
  ]);
  sheet.append(
    [
      "区县",
      hasCountyItems ? "资源配置及学校保障项" : "县域结论",
      ...STAGES.map((s) => `${STAGE_NAMES[s]}结论`),
      "学校保障项",
      "说明",
    ].map((h) => textCell(h, "header")),
    30 // 「资源配置及学校保障项」 takes two lines
  );
  counties.forEach((county, ci) =>
    layCountyRow(ctx, sheet, county, countyStart + ci, (si) => stageRow(ci, si))
  );
  sheet.colourVerdicts(countyStart, 1, countyStart + counties.length - 1, 2 + STAGES.length);

  sheet.next = stageLabel;
  sheet.append([textCell("二、分学段", "subtitle")]);
  sheet.append(
    [
      "区县",
      "学段",
      "学校数",
      "达标学校数",
      "未达标学校数",
      "未达标指标项次",
      `其中低于${floorText(ctx.standard)}`,
      "差异系数结论",
      "综合差异系数",
      "学段结论",
    ].map((h) => textCell(h, "header")),
    30
  );
  counties.forEach((county, ci) =>
    STAGES.forEach((stage, si) =>
      layStageRow(ctx, sheet, schools, cv, county, stage, stageRow(ci, si))
    )
  );
  const lastStage = stageRow(counties.length - 1, STAGES.length - 1);
  sheet.colourVerdicts(stageRow(0, 0), ST.cv, lastStage, ST.cv);
  sheet.colourVerdicts(stageRow(0, 0), ST.verdict, lastStage, ST.verdict);

  sheet.next = stageRow(counties.length - 1, STAGES.length - 1) + 2;
  layCvTable(ctx, sheet, cv);
  sheet.skip();
  sheet.append([textCell("四、标准与设置", "subtitle")]);
  for (const [label, value] of settingLines(ctx)) {
    // The label over two columns: settings' names run to a dozen characters and more.
    const row = sheet.append([textCell(label, "header"), null, textCell(value)]);
    sheet.merge(row, 0, row, 1);
    sheet.merge(row, 2, row, ST.verdict);
  }
  return sheet.build({ freeze: { rows: 2, columns: 0 }, page: printSetup(0, 1) });
}

/** Where a county's 表Ⅳ/Ⅴ/Ⅵ verdict cells are: sheet name and A1 ranges. */
export type CountyTablesOf = (county: string) =>
  | {
      guarantee: [string, string];
      quality: [string, string];
      recognition: [string, string];
      veto: [string, string];
    }
  | undefined;

const statusOf = (range: string, v: string): string =>
  `IF(COUNTIF(${range},"${STATUS_NAMES.fail}")>0,"${STATUS_NAMES.fail}",IF(COUNTIF(${range},"${STATUS_NAMES.unchecked}")>0,"${STATUS_NAMES.unchecked}",${v}))`;

/**
 * 一、县域结论 of the whole standard: per county the verdict (达标 / 未达标 / 未完成) from the four
 * dimensions and the veto, each a formula over the declaration tables; then one line per dimension
 * with its counts, and 「待补充」 listing what to enter.
 */
function layWholeStandard(
  sheet: SheetLayout,
  counties: readonly CountyResult[],
  tablesOf: CountyTablesOf,
  resourceRow: (ci: number) => number
): void {
  const dims = Object.keys(DIMENSION_NAMES) as DimensionId[];
  sheet.append([
    textCell(
      "一、县域结论（资源配置、政府保障程度、教育质量、社会认可度四个方面均达标且无一票否决情形）",
      "subtitle"
    ),
  ]);
  sheet.append(
    ["区县", "县域结论", ...dims.map((d) => DIMENSION_NAMES[d]), "一票否决"].map((h) =>
      textCell(h, "header")
    )
  );
  const first = sheet.next;
  counties.forEach((county, ci) => {
    const row = sheet.next;
    const tables = tablesOf(county.name);
    const at = (c: number) => cellA1(row, c);
    const stageCells = rangeA1(resourceRow(ci), 2, resourceRow(ci), 1 + STAGES.length);
    // School rows left out for bad data: resource allocation is at best 未核查 (their schools are missing).
    const passWord = county.dataIncomplete ? STATUS_NAMES.unchecked : STATUS_NAMES.pass;
    const resource = formulaCell(
      `IF(COUNTIF(${stageCells},"${VERDICT.fail}")>0,"${STATUS_NAMES.fail}",IF(COUNTIF(${stageCells},"${VERDICT.pass}")>0,"${passWord}","${STATUS_NAMES.unchecked}"))`,
      STATUS_NAMES[county.dimensions.resource.status],
      undefined,
      "text"
    );
    const dimCell = (d: "guarantee" | "quality" | "recognition"): PlannedCell => {
      if (!tables) return textCell(STATUS_NAMES[county.dimensions[d].status]);
      const range = sheetRef(tables[d][0], tables[d][1]);
      return formulaCell(
        statusOf(range, `"${STATUS_NAMES.pass}"`),
        STATUS_NAMES[county.dimensions[d].status],
        undefined,
        "text"
      );
    };
    const vetoNow = county.veto.some((v) => v.triggered === true)
      ? "是"
      : county.veto.some((v) => v.triggered === null)
        ? "未填报"
        : "否";
    const veto = tables
      ? formulaCell(
          `IF(COUNTIF(${sheetRef(tables.veto[0], tables.veto[1])},"触发")>0,"是",IF(COUNTIF(${sheetRef(tables.veto[0], tables.veto[1])},"未核查")>0,"未填报","否"))`,
          vetoNow,
          undefined,
          "text"
        )
      : textCell(vetoNow);
    const dimsAt = dims.map((_, k) => at(2 + k));
    const verdict = formulaCell(
      `IF(OR(${dimsAt.map((c) => `${c}="${STATUS_NAMES.fail}"`).join(",")},${at(6)}="是"),"${VERDICT_NAMES.fail}",IF(AND(${dimsAt.map((c) => `${c}="${STATUS_NAMES.pass}"`).join(",")},${at(6)}="否"),"${VERDICT_NAMES.pass}","${VERDICT_NAMES.incomplete}"))`,
      VERDICT_NAMES[county.verdict],
      undefined,
      "text"
    );
    sheet.append([
      textCell(countyLabel(county.name)),
      verdict,
      resource,
      dimCell("guarantee"),
      dimCell("quality"),
      dimCell("recognition"),
      veto,
    ]);
  });
  sheet.colourVerdicts(first, 1, sheet.next - 1, 5);
  sheet.skip();
  sheet.append(
    ["区县", "方面", "结论", "核查项数", "达标", "未达标", "未核查"].map((h) =>
      textCell(h, "header")
    )
  );
  counties.forEach((county, ci) => {
    const tables = tablesOf(county.name);
    for (const d of dims) {
      const r = county.dimensions[d];
      const row = sheet.next;
      const countOf = (word: string, value: number): PlannedCell => {
        if (d === "resource") {
          const stageCells = rangeA1(resourceRow(ci), 2, resourceRow(ci), 1 + STAGES.length);
          const w =
            word === STATUS_NAMES.unchecked
              ? null
              : word === STATUS_NAMES.pass
                ? VERDICT.pass
                : VERDICT.fail;
          return w
            ? formulaCell(`COUNTIF(${stageCells},"${w}")`, value, FMT.count)
            : numberCell(value, FMT.count);
        }
        if (!tables) return numberCell(value, FMT.count);
        return formulaCell(
          `COUNTIF(${sheetRef(tables[d][0], tables[d][1])},"${word}")`,
          value,
          FMT.count
        );
      };
      sheet.append([
        textCell(countyLabel(county.name)),
        textCell(DIMENSION_NAMES[d]),
        formulaCell(
          cellA1(first + ci, 2 + dims.indexOf(d)),
          STATUS_NAMES[r.status],
          undefined,
          "text"
        ),
        formulaCell(`${cellA1(row, 4)}+${cellA1(row, 5)}`, r.checked, FMT.count),
        countOf(STATUS_NAMES.pass, r.passed),
        countOf(STATUS_NAMES.fail, r.failed),
        countOf(STATUS_NAMES.unchecked, r.unchecked),
      ]);
    }
  });
  sheet.skip();
  for (const county of counties) {
    if (county.missing.length === 0) continue;
    const row = sheet.append([
      textCell(`待补充（${countyLabel(county.name)}）`, "header"),
      textCell(
        `${county.missing.join("、")}：${county.form ? `请在「${county.form.sheet}」表填写这些编号的填报值` : "请插入「县域指标」表（任务窗格「数据」页或 npm run audit -- --county-form）并填写"}`
      ),
    ]);
    sheet.merge(row, 1, row, ST.verdict);
  }
  sheet.skip();
}

function layCountyRow(
  ctx: ReportContext,
  sheet: SheetLayout,
  county: CountyResult,
  row: number,
  stageRow: (si: number) => number
): void {
  const hasGuarantees = Boolean(ctx.standard.guarantees);
  const failed = county.guaranteesFailed;
  const guarantee = cellA1(row, 2 + STAGES.length);
  const conditions: string[] = [];
  STAGES.forEach((stage, si) => {
    if (county.stages[stage].pass !== null)
      conditions.push(`${cellA1(stageRow(si), ST.verdict)}="${VERDICT.pass}"`);
  });
  // School checks with no column to check by are 未核查: the row is 未完成 then, never 达标.
  const guaranteeWord = !hasGuarantees
    ? VERDICT.none
    : failed > 0
      ? VERDICT.fail
      : county.guaranteesUnchecked > 0
        ? STATUS_NAMES.unchecked
        : VERDICT.pass;
  const stagesPass = STAGES.every((stage) => county.stages[stage].pass !== false);
  // Rows left out for bad data turned a pass into null: the formula still computes 达标 (shown 未完成 below).
  const passed = county.pass ?? (county.dataIncomplete ? true : null);
  const verdictText = !hasGuarantees
    ? passed
      ? VERDICT.pass
      : VERDICT.fail
    : !stagesPass || guaranteeWord === VERDICT.fail
      ? VERDICT.fail
      : guaranteeWord === STATUS_NAMES.unchecked
        ? INCOMPLETE
        : passed
          ? VERDICT.pass
          : VERDICT.fail;
  const stageConditions = [...conditions];
  if (hasGuarantees) conditions.push(`${guarantee}="${VERDICT.pass}"`);
  const unread = unreadStagesText(county);
  const verdictFormula = !hasGuarantees
    ? `IF(AND(${conditions.join(",")}),"${VERDICT.pass}","${VERDICT.fail}")`
    : `IF(AND(${[...stageConditions, `${guarantee}<>"${VERDICT.fail}"`].join(",")}),IF(${guarantee}="${STATUS_NAMES.unchecked}","${INCOMPLETE}","${VERDICT.pass}"),"${VERDICT.fail}")`;
  // A stage the sheets name but not read leaves the county 未完成: no formula can make it 达标.
  // School rows left out for bad data: what would read 达标 reads 未完成 (a failure stays 未达标).
  const incomplete = county.dataIncomplete !== undefined;
  const shownText = incomplete && verdictText === VERDICT.pass ? INCOMPLETE : verdictText;
  const shownFormula = incomplete
    ? `IF(${verdictFormula}="${VERDICT.pass}","${INCOMPLETE}",${verdictFormula})`
    : verdictFormula;
  const verdict: PlannedCell = unread
    ? textCell(INCOMPLETE)
    : conditions.length > 1 || (conditions.length === 1 && !hasGuarantees)
      ? formulaCell(shownFormula, shownText, undefined, "text")
      : textCell(shownText);
  sheet.set(row, 0, textCell(countyLabel(county.name)));
  sheet.set(row, 1, verdict);
  STAGES.forEach((stage, si) => {
    const pass = county.stages[stage].pass;
    sheet.set(
      row,
      2 + si,
      pass === null
        ? textCell(county.stages[stage].unread ? UNREAD_NOTE : VERDICT.none)
        : formulaCell(
            cellA1(stageRow(si), ST.verdict),
            pass ? VERDICT.pass : VERDICT.fail,
            undefined,
            "text"
          )
    );
  });
  sheet.set(row, 2 + STAGES.length, textCell(guaranteeWord));
  const notes = [
    unread ? `${unread}，县域结论未完成，见「${ctx.names.diagnostics}」` : "",
    incomplete
      ? `数据不完整：${county.dataIncomplete!.rowsLeftOut}所学校的行未读入，县域结论最多为未完成，见「${ctx.names.diagnostics}」`
      : "",
    hasGuarantees && failed > 0
      ? `${failed}项学校保障检查未通过，见「${ctx.names.diagnostics}」`
      : "",
    hasGuarantees && county.guaranteesUnchecked > 0
      ? `${county.guaranteesUnchecked}项学校保障检查未核查（学校表缺少班额或音乐、美术专用教室等列），见「${ctx.names.diagnostics}」`
      : "",
  ].filter(Boolean);
  sheet.set(row, 3 + STAGES.length, textCell(notes.join("；")));
}

function layStageRow(
  ctx: ReportContext,
  sheet: SheetLayout,
  schools: SchoolsSheet,
  cv: CvSheet,
  county: CountyResult,
  stage: Stage,
  row: number
): void {
  const result = county.stages[stage];
  const block = findBlock(schools, county.name, stage);
  const rule = ctx.standard.schoolRule;
  const n = ctx.standard.indicators.length;
  const at = (c: number) => cellA1(row, c);
  const parts = partsOf(ctx, county.name, stage);
  const set = (c: number, cell: PlannedCell) => sheet.set(row, c, cell);
  set(ST.county, textCell(countyLabel(county.name)));
  set(ST.stage, textCell(STAGE_NAMES[stage]));
  if (!block) {
    set(ST.schools, numberCell(0, FMT.count));
    set(ST.verdict, textCell(result.note ?? VERDICT.none));
    return;
  }
  set(
    ST.schools,
    formulaCell(`COUNT(${blockRange(schools, block, schools.col.pupils)})`, parts.length, FMT.count)
  );
  if (rule) {
    const verdicts = blockRange(schools, block, schools.col.verdict);
    set(
      ST.passing,
      formulaCell(`COUNTIF(${verdicts},"${VERDICT.pass}")`, result.schoolsPassing, FMT.count)
    );
    set(
      ST.failing,
      formulaCell(
        `${at(ST.schools)}-${at(ST.passing)}`,
        parts.length - result.schoolsPassing,
        FMT.count
      )
    );
    // Counted once: 问题清单, laid out first, notes it as it lists them.
    const { shortfalls, below } = shortfallTally(block, parts);
    set(
      ST.shortfalls,
      formulaCell(
        `${at(ST.schools)}*${n}-SUM(${blockRange(schools, block, schools.col.met)})`,
        shortfalls,
        FMT.count
      )
    );
    const terms = ctx.standard.indicators.map((_, i) => {
      const c = schools.col.indicator(i);
      return `SUMPRODUCT((ROUND(${blockRange(schools, block, c)},9)<${sheetRef(schools.name, cellA1(block.floorRow!, c, "both"))})*1)`;
    });
    set(ST.belowFloor, formulaCell(terms.join("+"), below, FMT.count));
  }
  const cvRows = findCvRows(cv, county.name, stage);
  const cvVerdict = result.cvPass ? VERDICT.pass : VERDICT.fail;
  if (ctx.standard.cvRule.mode === "each") {
    const first = cvRows.indicators[ctx.standard.indicators[0].id];
    const range = sheetRef(cv.name, rangeA1(first, CV_COL.verdict, first + n - 1, CV_COL.verdict));
    set(
      ST.cv,
      formulaCell(
        `IF(COUNTIF(${range},"${VERDICT.pass}")=${n},"${VERDICT.pass}","${VERDICT.fail}")`,
        cvVerdict,
        undefined,
        "text"
      )
    );
  } else {
    set(
      ST.cv,
      formulaCell(
        sheetRef(cv.name, cellA1(cvRows.composite, CV_COL.verdict)),
        cvVerdict,
        undefined,
        "text"
      )
    );
  }
  set(
    ST.composite,
    result.compositeCv === null
      ? numberCell(null, FMT.cv)
      : formulaCell(
          sheetRef(cv.name, cellA1(cvRows.composite, CV_COL.cv)),
          result.compositeCv,
          FMT.cv
        )
  );
  const verdict = rule
    ? `IF(AND(${at(ST.cv)}="${VERDICT.pass}",${at(ST.failing)}=0),"${VERDICT.pass}","${VERDICT.fail}")`
    : `IF(${at(ST.cv)}="${VERDICT.pass}","${VERDICT.pass}","${VERDICT.fail}")`;
  set(
    ST.verdict,
    formulaCell(verdict, result.pass ? VERDICT.pass : VERDICT.fail, undefined, "text")
  );
}

/** 三、差异系数与限值: each CV and its limit, the ratio CV/limit (over 1 fails), then the charts. */
function layCvTable(ctx: ReportContext, sheet: SheetLayout, cv: CvSheet): void {
  sheet.append([textCell("三、差异系数与限值（差异系数/限值 不超过1为达标）", "subtitle")]);
  sheet.append(
    ["区县", "学段", "指标", "差异系数", "限值", "差异系数/限值", "结论"].map((h) =>
      textCell(h, "header")
    )
  );
  const first = sheet.next;
  const charts: ChartRows[] = [];
  for (const county of ctx.input.result.counties) {
    for (const stage of STAGES) {
      const result = county.stages[stage];
      const rows = findCvRows(cv, county.name, stage);
      charts.push({ county, stage, first: sheet.next });
      for (const spec of ctx.standard.indicators) {
        const ind = result.indicators[spec.id];
        layCvRow(
          sheet,
          cv,
          county.name,
          stage,
          indicatorLabel(spec),
          rows.indicators[spec.id],
          ind.cv,
          ind.limit,
          ind.limit === null ? null : ind.pass
        );
      }
      layCvRow(
        sheet,
        cv,
        county.name,
        stage,
        "综合",
        rows.composite,
        result.compositeCv,
        result.compositeLimit,
        result.compositeLimit === null ? null : result.cvPass
      );
    }
  }
  const last = sheet.next - 1;
  const ratioCol = 5;
  const topLeft = `${columnLetter(ratioCol)}${first + 1}`;
  sheet.conditionalFormats.push({
    range: rangeA1(first, ratioCol, last, ratioCol),
    rules: [{ formula: `ROUND(${topLeft},9)>1`, style: "fail" }],
  });
  sheet.colourVerdicts(first, 6, last, 6);
  layCvCharts(ctx, sheet, charts);
}

/** Where one county and stage's indicator rows start in 三、差异系数与限值. */
interface ChartRows {
  county: CountyResult;
  stage: Stage;
  first: number;
}

/** 「L1 高学历教师」: the id the tables use and the short name a reader knows. */
function indicatorLabel(spec: { id: string; shortName?: string }): string {
  return spec.shortName ? `${spec.id} ${spec.shortName}` : spec.id;
}

/** Rows a chart takes on the sheet (at the default 15 pt: about 7 cm printed, two to an A4 page). */
const CHART_ROWS = 14;
const CHARTS_PER_PAGE = 2;
/** Most charts 审计总览 draws (20 counties' two stages). */
const MAX_CHARTS = 40;
const CV_COLOR = "#5B9BD5";
const LIMIT_COLOR = "#C00000";

/**
 * One chart per county and stage with CVs: the indicators' CVs as columns against their limit
 * drawn as a line, over the cells of 三、差异系数与限值 (so a corrected figure moves the bars).
 * The limit is the cells' own (the standard's data through 差异系数), never a constant here.
 */
function layCvCharts(ctx: ReportContext, sheet: SheetLayout, rows: ChartRows[]): void {
  const specs = ctx.standard.indicators;
  const n = specs.length;
  const drawn = rows.filter(({ county, stage }) =>
    specs.some((spec) => county.stages[stage].indicators[spec.id].cv !== null)
  );
  if (drawn.length === 0) return;
  sheet.skip();
  if (drawn.length > MAX_CHARTS) {
    // A city's or province's table: hundreds of charts would bury the summary; the table stays.
    sheet.append([
      textCell(
        `区县较多（${drawn.length}个学段有差异系数），不逐一绘图；各指标差异系数与限值见上表和「差异系数」。`,
        "note"
      ),
    ]);
    return;
  }
  drawn.forEach(({ county, stage, first }, k) => {
    // Two charts a printed page, each pair starting one: a chart is never cut in two.
    if (k % CHARTS_PER_PAGE === 0) {
      sheet.pageBreaks.push(sheet.next);
      sheet.append([textCell("各指标差异系数与限值（柱：差异系数；线：限值）", "subtitle")]);
    }
    const result = county.stages[stage];
    const cvs = specs.map((spec) => result.indicators[spec.id].cv);
    const limits = specs.map((spec) => result.indicators[spec.id].limit);
    const top = sheet.next;
    const multi = ctx.input.result.counties.length > 1;
    const limitValue = limits.find((l) => l !== null);
    sheet.charts.push({
      title: `${multi ? `${countyLabel(county.name)} ` : ""}${STAGE_NAMES[stage]}各指标差异系数与限值`,
      anchor: { top, left: 0, bottom: top + CHART_ROWS - 1, right: ST.verdict },
      categories: {
        range: rangeA1(first, 2, first + n - 1, 2),
        labels: specs.map(indicatorLabel),
      },
      axisTitles: { category: "指标", value: "差异系数" },
      series: [
        {
          name: "差异系数",
          kind: "bar",
          range: rangeA1(first, 3, first + n - 1, 3),
          values: cvs,
          color: CV_COLOR,
          labelFormat: FMT.cv,
        },
        // Under a standard with no per-indicator limit (2012: the composite only) there is no line.
        ...(limitValue === undefined || limitValue === null
          ? []
          : [
              {
                name: `限值（${limitValue}）`,
                kind: "line" as const,
                range: rangeA1(first, 4, first + n - 1, 4),
                values: limits,
                color: LIMIT_COLOR,
              },
            ]),
      ],
    });
    sheet.skip(CHART_ROWS + 1);
  });
  // What follows starts a page of its own.
  sheet.pageBreaks.push(sheet.next);
}

function layCvRow(
  sheet: SheetLayout,
  cv: CvSheet,
  county: string,
  stage: Stage,
  id: string,
  cvRow: number,
  value: number | null,
  limit: number | null,
  pass: boolean | null
): void {
  const row = sheet.next;
  const ref = (c: number) => sheetRef(cv.name, cellA1(cvRow, c));
  // A reference to an empty cell recalculates to 0: where the CV sheet has no number, write none.
  sheet.append([
    textCell(countyLabel(county)),
    textCell(STAGE_NAMES[stage]),
    textCell(id),
    value === null ? numberCell(null, FMT.cv) : formulaCell(ref(CV_COL.cv), value, FMT.cv),
    limit === null ? numberCell(null, FMT.value) : formulaCell(ref(CV_COL.limit), limit, FMT.value),
    value === null || limit === null
      ? numberCell(null, FMT.value)
      : formulaCell(`${cellA1(row, 3)}/${cellA1(row, 4)}`, value / limit, FMT.value),
    pass === null
      ? textCell(VERDICT.none)
      : formulaCell(ref(CV_COL.verdict), pass ? VERDICT.pass : VERDICT.fail, undefined, "text"),
  ]);
}
