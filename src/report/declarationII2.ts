import { STAGE_NAMES, type SchoolPartResult, type Stage } from "../engine";
import { FMT, formulaCell, NO, numberCell, textCell, VERDICT, YES } from "./cells";
import { floorText, STAGES, type ReportContext } from "./context";
import {
  declarationHead,
  declarationNotes,
  declarationSignOff,
  filingUnit,
  longName,
} from "./declarationCommon";
import { fieldTerm } from "./sourceTerms";
import { printSetup, SheetLayout } from "./layout";
import type { PlannedCell, PlannedSheet } from "./plan";
import { cellA1, columnLetter, numberLiteral, quoteSheet, rangeA1 } from "./refs";
import { RowFormula, rowFormulaCell } from "./rowFormula";
import { findBlock, INDICATOR_STATE, indicatorState, type SchoolsSheet } from "./schoolsSheet";

/** 举办者类型 as the table reads it: the sheet's own text or code, else 公办 / 民办. */
function ownerText(part: SchoolPartResult): string {
  if (part.ownerLabel) return part.ownerLabel;
  if (part.owner === "public") return "公办";
  if (part.owner === "private") return "民办";
  return "";
}

/**
 * 备注: the indicators met and those short of it but at the school rule's floor or above (and any
 * below it), each named by the table's own code row (`codeOf(i)`: L6 for the first indicator
 * column), never by the audit's indicator ids, which the printed table does not show.
 *
 * @example
 * remark(ctx, part, (i) => `L${6 + i}`); // "达标：L6、L7、L8、L9、L11、L12；未达标但不低于85%：L10"
 */
export function remark(
  ctx: ReportContext,
  part: SchoolPartResult,
  codeOf: (indicator: number) => string
): string {
  const details = part.details; // built on each read: read once
  const states = ctx.standard.indicators.map((s) => indicatorState(details[s.id]));
  return remarkOf(ctx, states, 0, codeOf);
}

/** remark() from the part's indicator states (INDICATOR_STATE) from `at`, as 学校达标 noted them. */
function remarkOf(
  ctx: ReportContext,
  states: ArrayLike<number>,
  at: number,
  codeOf: (indicator: number) => string
): string {
  const floor = floorText(ctx.standard);
  const met: string[] = [];
  const nearly: string[] = [];
  const below: string[] = [];
  for (let i = 0; i < ctx.standard.indicators.length; i++) {
    const state = states[at + i];
    if (state === INDICATOR_STATE.met) met.push(codeOf(i));
    else if (state === INDICATOR_STATE.nearly) nearly.push(codeOf(i));
    else if (state === INDICATOR_STATE.below) below.push(codeOf(i));
  }
  const bits = [`达标：${met.length ? met.join("、") : "无"}`];
  if (nearly.length) bits.push(`未达标但不低于${floor}：${nearly.join("、")}`);
  if (below.length) bits.push(`低于${floor}或缺数据：${below.join("、")}`);
  return bits.join("；");
}

/** The fields of 年级数 and 班级数 by stage, spelt once (not joined anew for every school). */
const COUNT_FIELDS: Record<"grades" | "classes", Record<Stage, string>> = {
  grades: { primary: "grades.primary", junior: "grades.junior" },
  classes: { primary: "classes.primary", junior: "classes.junior" },
};

/** 年级数 / 班级数 from the source cell when the reader named one, else the figure. */
function countCell(
  ctx: ReportContext,
  part: SchoolPartResult,
  field: "grades" | "classes"
): PlannedCell {
  const value = part[field] ?? null;
  const term = fieldTerm(ctx.input.records[part.recordIndex], COUNT_FIELDS[field][part.stage]);
  return value !== null && term?.live
    ? formulaCell(term.expr, value, FMT.count)
    : numberCell(value, FMT.count);
}

/**
 * 表Ⅱ-2 小学、初中资源配置基本情况（分学校）: per school 序号, 学校名称, 举办者类型, 在校生数, 年级数,
 * 班级数, the indicators under their long names, 该校综合评估是否达标 and 备注; the code row L1…L14
 * under the header; 小学 rows then 初中 rows, numbered from 1 in each; values reference 学校达标,
 * and a value short of its threshold gets the dark (fail) fill the tables ask for.
 */
export function buildDeclarationII2(
  ctx: ReportContext,
  schools: SchoolsSheet,
  county: string,
  name: string
): PlannedSheet {
  const specs = ctx.standard.indicators;
  const firstIndicator = 6;
  const passCol = firstIndicator + specs.length;
  const remarkCol = passCol + 1;
  const sheet = new SheetLayout("declaration-II-2", name, [
    6,
    28,
    10,
    10,
    8,
    8,
    ...specs.map(() => 12),
    12,
    40,
  ]);
  const top = declarationHead(
    sheet,
    "表Ⅱ-2",
    "小学、初中资源配置基本情况（分学校）",
    filingUnit(ctx, county),
    remarkCol
  );

  const headers = [
    "序号",
    "学校名称",
    "举办者类型",
    "在校生数（人）",
    "年级数（个）",
    "班级数（个）",
    ...specs.map(longName),
    "该校综合评估是否达标",
    "备注",
  ];
  sheet.append(
    headers.map((h) => textCell(h, "header")),
    72
  );
  // The table's own column codes: 备注 names the indicators by these.
  const code = (c: number) => `L${c}`;
  // 备注's names of the indicator columns, made once (not for every school).
  const indicatorCodes = specs.map((_, i) => code(firstIndicator + i));
  const n = specs.length;
  const codeRow = sheet.append(headers.map((_, c) => textCell(c === 0 ? "" : code(c), "code")));

  for (const stage of STAGES) {
    const block = findBlock(schools, county, stage);
    const label = sheet.append([textCell(STAGE_NAMES[stage], "header")]);
    sheet.merge(label, 0, label, remarkCol);
    if (!block) {
      const none = sheet.append([textCell("（无）")]);
      sheet.merge(none, 0, none, remarkCol);
      continue;
    }
    const first = sheet.next;
    // The school's cells in 学校达标, with its row there left open (RowFormula): made once per block.
    const schoolsSheet = `${quoteSheet(schools.name)}!`;
    const ref = (c: number) => new RowFormula([schoolsSheet + columnLetter(c), ""]);
    const pupils = ref(schools.col.pupils);
    const values = specs.map((_, i) => ref(schools.col.indicator(i)));
    const verdict = new RowFormula([
      `IF(${schoolsSheet}${columnLetter(schools.col.verdict)}`,
      `="${VERDICT.pass}","${YES}","${NO}")`,
    ]);
    block.rows.forEach(({ part, row }, k) => {
      const rowNumber = row + 1;
      sheet.append([
        numberCell(k + 1, FMT.count, "text"),
        textCell(part.name),
        textCell(ownerText(part)),
        rowFormulaCell(pupils, rowNumber, part.students, FMT.count),
        countCell(ctx, part, "grades"),
        countCell(ctx, part, "classes"),
        ...specs.map((spec, i) => {
          const value = part.values[spec.id];
          // A reference to an empty cell reads 0: a missing value stays empty.
          return value === null
            ? numberCell(null, FMT.value)
            : rowFormulaCell(values[i], rowNumber, value, FMT.value);
        }),
        rowFormulaCell(verdict, rowNumber, part.pass ? YES : NO, undefined, "text"),
        textCell(
          block.indicatorStates
            ? remarkOf(ctx, block.indicatorStates, k * n, (i) => indicatorCodes[i])
            : remark(ctx, part, (i) => indicatorCodes[i])
        ),
      ]);
    });
    const last = sheet.next - 1;
    // Thresholds are the standard's constants: the rule names them, so the table stands alone.
    specs.forEach((spec, i) => {
      const threshold = spec.thresholds?.[stage];
      if (threshold === undefined) return;
      const c = firstIndicator + i;
      sheet.conditionalFormats.push({
        range: rangeA1(first, c, last, c),
        rules: [
          { formula: `ROUND(${cellA1(first, c)},9)<${numberLiteral(threshold)}`, style: "fail" },
        ],
      });
    });
  }
  sheet.skip();
  declarationNotes(
    sheet,
    [
      "1. 小学包括一贯制学校的小学部，初中包括一贯制学校的初中部和完全中学的初中部；一贯制学校的各学段部分分别填写一行，序号在小学、初中内分别从1起编。",
      "2. 各项指标值保留两位小数，未达到要求的指标值所在格以深色背景标示；数值引自「学校达标」表，按源数据单元格公式计算。",
      `3. 该校综合评估是否达标：至少${ctx.standard.schoolRule?.minMet ?? specs.length}项指标达到要求、其余项不低于要求的${Math.round((ctx.standard.schoolRule?.floorRatio ?? 1) * 100)}%为「是」。`,
    ],
    remarkCol
  );
  declarationSignOff(sheet, filingUnit(ctx, county), remarkCol);
  return sheet.build({
    freeze: { rows: codeRow + 1, columns: 2 },
    page: printSetup(top, codeRow),
    county,
  });
}
