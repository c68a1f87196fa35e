import {
  STAGE_NAMES,
  STATUS_NAMES,
  type GuaranteeCheck,
  type SchoolPartResult,
  type Stage,
} from "../engine";
import { FMT, formulaCell, numberCell, textCell, valueFormat, VERDICT } from "./cells";
import { countyLabel, floorText, partsOf, STAGES, type ReportContext } from "./context";
import { indicatorValue, pupilsValue } from "./indicatorFormula";
import { printSetup, SheetLayout } from "./layout";
import type { PlannedCell, PlannedSheet } from "./plan";
import { cellA1, columnLetter, numberLiteral, plainA1, rangeA1, sheetRef } from "./refs";
import { RowFormula, rowFormulaCell } from "./rowFormula";

/** Columns of 学校达标 for a standard with n indicators. */
export interface SchoolColumns {
  county: number;
  name: number;
  stage: number;
  pupils: number;
  /** Column of the i-th indicator's value. */
  indicator: (i: number) => number;
  met: number;
  verdict: number;
  /** Columns of the school guarantee checks G3–G5 (none under a standard without them). */
  guarantees: { id: GuaranteeCheck["id"]; column: number }[];
  /** Column of the i-th indicator's CV weight (pupils, or 0 when the value is missing). */
  weight: (i: number) => number;
}

const GUARANTEE_IDS: GuaranteeCheck["id"][] = ["G3", "G4", "G5"];

/**
 * The columns of 学校达标. The G3–G5 columns follow the hidden weight columns: they read right
 * after 是否达标, and the weights keep their place for the CV formulas.
 */
export function schoolColumns(n: number, withGuarantees = false): SchoolColumns {
  return {
    county: 0,
    name: 1,
    stage: 2,
    pupils: 3,
    indicator: (i) => 4 + i,
    met: 4 + n,
    verdict: 5 + n,
    guarantees: withGuarantees ? GUARANTEE_IDS.map((id, k) => ({ id, column: 6 + 2 * n + k })) : [],
    weight: (i) => 6 + n + i,
  };
}

/**
 * One county's schools of one stage: a contiguous block, so the CV formulas use plain ranges.
 * Rows are 0-based; thresholdRow and floorRow are null under a standard without thresholds.
 */
export interface SchoolBlock {
  county: string;
  stage: Stage;
  thresholdRow: number | null;
  floorRow: number | null;
  first: number;
  last: number;
  rows: { part: SchoolPartResult; row: number }[];
  /**
   * Each part's indicators as 表Ⅱ-2's 备注 sorts them (INDICATOR_STATE), the k-th part's i-th at
   * k × indicators + i: noted as the rows are laid out, so 备注 need not build every part's
   * details again.
   */
  indicatorStates?: Uint8Array;
}

/** How an indicator of a part stands, as 备注 names it (see indicatorState). */
export const INDICATOR_STATE = {
  unsorted: 0,
  met: 1,
  /** Short of the requirement, at the school rule's floor or above. */
  nearly: 2,
  /** Below the floor, or no value. */
  below: 3,
} as const;

/** Where an indicator's detail puts it for 备注 (remark in declarationII2.ts). */
export function indicatorState(
  detail: { met?: boolean | null; reachesFloor?: boolean | null } | undefined
): number {
  if (detail?.met === true) return INDICATOR_STATE.met;
  if (detail?.met === false && detail?.reachesFloor === true) return INDICATOR_STATE.nearly;
  if (detail?.reachesFloor !== true) return INDICATOR_STATE.below;
  return INDICATOR_STATE.unsorted;
}

export interface SchoolsSheet {
  sheet: PlannedSheet;
  name: string;
  blocks: SchoolBlock[];
  col: SchoolColumns;
}

/** The block of a county and stage, or undefined when it has no school. */
export function findBlock(
  schools: SchoolsSheet,
  county: string,
  stage: Stage
): SchoolBlock | undefined {
  return schools.blocks.find((b) => b.county === county && b.stage === stage);
}

/** The value `ROUND(x,9)` gives: compares like the engine's tolerance, not like float noise. */
export function round9(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/** Link target of a part's source row: its name cell. */
export function nameLink(ctx: ReportContext, part: SchoolPartResult): string | undefined {
  const source = ctx.input.records[part.recordIndex]?.source;
  const address =
    plainA1(source?.cells?.name) ?? (source && source.row > 0 ? `A${source.row}` : null);
  return source && address ? sheetRef(source.sheet, address) : undefined;
}

/**
 * 学校达标: per county and stage a threshold row, a floor row (the school rule's share) and the school parts, each with
 * pupils, the indicator values as formulas over the source cells, the count of indicators met and
 * the school verdict as formulas; red/amber/green as conditional formats against the threshold rows.
 */
export function buildSchoolsSheet(ctx: ReportContext): SchoolsSheet {
  const { standard } = ctx;
  const specs = standard.indicators;
  const n = specs.length;
  const col = schoolColumns(n, standard.guarantees !== undefined);
  const rule = standard.schoolRule;
  const name = ctx.names.schools;
  const widths = [
    12,
    28,
    8,
    10,
    ...specs.map(() => 11),
    9,
    10,
    ...specs.map(() => 9),
    ...col.guarantees.map(() => 11),
  ];
  const sheet = new SheetLayout("schools", name, widths);

  sheet.append([textCell(`学校达标情况（${standard.name}，${standard.document}）`, "title")]);
  sheet.merge(0, 0, 0, col.verdict);
  // A guarantee check without its column is 未核查, never 达标: the subtitle says which columns to add.
  const unchecked = col.guarantees.length > 0 ? guaranteeNote(ctx.input.result.guarantees) : "";
  sheet.append([
    textCell(
      (rule
        ? `各项数值为引用源数据单元格的公式。红色：低于要求的${floorText(standard)}；黄色：未达到要求；绿色：达到要求。` +
          `学校达标规则：至少${rule.minMet}项达到要求，其余项不低于要求的${floorText(standard)}。右侧隐藏的权重列供差异系数公式使用（缺少数据的学校权重为0，不计入差异系数）。`
        : "各项数值为引用源数据单元格的公式。右侧隐藏的权重列供差异系数公式使用（缺少数据的学校权重为0，不计入差异系数）。") +
        unchecked,
      "subtitle"
    ),
  ]);
  sheet.merge(1, 0, 1, col.verdict);
  const header = sheet.append(
    [
      textCell("区县", "header"),
      textCell("学校名称", "header"),
      textCell("学段", "header"),
      textCell("在校生数", "header"),
      ...specs.map((s) => textCell(`${s.id} ${s.shortName}（${s.unit}）`, "header")),
      textCell("达标项数", "header"),
      textCell("是否达标", "header"),
      ...specs.map((s) => textCell(`权重 ${s.id}`, "header")),
      ...col.guarantees.map((g) => textCell(GUARANTEE_HEADERS[g.id], "header")),
    ],
    36
  );

  const blocks: SchoolBlock[] = [];
  for (const county of ctx.input.result.counties) {
    for (const stage of STAGES) {
      const parts = partsOf(ctx, county.name, stage);
      if (parts.length === 0) continue;
      blocks.push(layBlock(ctx, sheet, col, county.name, stage, parts));
    }
  }
  return {
    name,
    col,
    blocks,
    // The weight columns only serve the CV formulas: hidden, so the sheet reads and prints as a table.
    sheet: sheet.build({
      freeze: { rows: header + 1, columns: 2 },
      page: printSetup(header, header),
      hiddenColumns: specs.map((_, i) => col.weight(i)),
    }),
  };
}

function layBlock(
  ctx: ReportContext,
  sheet: SheetLayout,
  col: SchoolColumns,
  county: string,
  stage: Stage,
  parts: SchoolPartResult[]
): SchoolBlock {
  const specs = ctx.standard.indicators;
  const rule = ctx.standard.schoolRule;
  const stageName = STAGE_NAMES[stage];
  let thresholdRow: number | null = null;
  let floorRow: number | null = null;

  if (rule) {
    thresholdRow = sheet.next;
    sheet.set(thresholdRow, col.county, textCell(countyLabel(county), "code"));
    sheet.set(thresholdRow, col.name, textCell(`${stageName}标准值`, "code"));
    sheet.set(thresholdRow, col.stage, textCell(stageName, "code"));
    specs.forEach((s, i) =>
      sheet.set(
        thresholdRow!,
        col.indicator(i),
        numberCell(s.thresholds?.[stage] ?? null, FMT.value, "code")
      )
    );
    floorRow = thresholdRow + 1;
    sheet.set(floorRow, col.county, textCell(countyLabel(county), "code"));
    sheet.set(floorRow, col.name, textCell(`标准值的${floorText(ctx.standard)}`, "code"));
    sheet.set(floorRow, col.stage, textCell(stageName, "code"));
    specs.forEach((s, i) => {
      const t = s.thresholds?.[stage];
      if (t === undefined) return;
      const c = col.indicator(i);
      sheet.set(
        floorRow!,
        c,
        formulaCell(
          `ROUND(${cellA1(thresholdRow!, c)}*${numberLiteral(rule.floorRatio)},9)`,
          round9(t * rule.floorRatio),
          FMT.value,
          "code"
        )
      );
    });
    sheet.next = floorRow + 1;
  }

  const first = sheet.next;
  const formulas =
    rule && thresholdRow !== null && floorRow !== null
      ? blockFormulas(ctx, col, thresholdRow, floorRow)
      : null;
  const indicatorStates = new Uint8Array(parts.length * specs.length);
  const rows = parts.map((part, k) => {
    const row = first + k;
    layPart(ctx, sheet, col, part, row, formulas, indicatorStates, k * specs.length);
    return { part, row };
  });
  const last = first + parts.length - 1;
  sheet.next = last + 2; // a blank row between blocks

  if (rule && thresholdRow !== null && floorRow !== null) {
    const topLeft = cellA1(first, col.indicator(0));
    const thr = cellA1(thresholdRow, col.indicator(0), "row");
    const flo = cellA1(floorRow, col.indicator(0), "row");
    sheet.conditionalFormats.push({
      range: rangeA1(first, col.indicator(0), last, col.indicator(specs.length - 1)),
      rules: [
        { formula: `ROUND(${topLeft},9)<${flo}`, style: "fail" },
        { formula: `ROUND(${topLeft},9)<${thr}`, style: "warn" },
        { formula: `ROUND(${topLeft},9)>=${thr}`, style: "pass" },
      ],
    });
    sheet.colourVerdicts(first, col.verdict, last, col.verdict);
  }
  return { county, stage, thresholdRow, floorRow, first, last, rows, indicatorStates };
}

function layPart(
  ctx: ReportContext,
  sheet: SheetLayout,
  col: SchoolColumns,
  part: SchoolPartResult,
  row: number,
  formulas: RowFormulas | null,
  states: Uint8Array,
  statesAt: number
): void {
  const record = ctx.input.records[part.recordIndex];
  const specs = ctx.standard.indicators;
  const rule = ctx.standard.schoolRule;
  const live = (v: { formula?: string; value: number | null }, numFmt: string) =>
    v.formula ? formulaCell(v.formula, v.value, numFmt) : numberCell(v.value, numFmt);

  sheet.set(row, col.county, textCell(countyLabel(part.county)));
  sheet.set(row, col.name, textCell(part.name, "text", nameLink(ctx, part)));
  sheet.set(row, col.stage, textCell(STAGE_NAMES[part.stage]));
  sheet.set(row, col.pupils, live(pupilsValue(record, part.stage, part.students), FMT.count));
  const pupils = cellA1(row, col.pupils, "col");

  specs.forEach((spec, i) => {
    const detail = part.details[spec.id];
    states[statesAt + i] = indicatorState(detail);
    sheet.set(
      row,
      col.indicator(i),
      live(indicatorValue(record, part.stage, spec, detail), valueFormat(spec))
    );
    // The CV weight: the part's pupils where it has a value, 0 where it has none (not in the CV).
    sheet.set(
      row,
      col.weight(i),
      detail.value === null
        ? numberCell(0, FMT.count)
        : formulaCell(pupils, part.students, FMT.count)
    );
  });

  if (col.guarantees.length > 0) {
    const checks = checksOf(ctx.input.result.guarantees, part); // found once for G3–G5
    for (const g of col.guarantees) sheet.set(row, g.column, verdictOfChecks(checks, g.id));
  }

  if (!rule || !formulas) {
    sheet.set(row, col.met, textCell(VERDICT.none));
    sheet.set(row, col.verdict, textCell(VERDICT.none));
    return;
  }
  sheet.set(row, col.met, rowFormulaCell(formulas.met, row + 1, part.met, FMT.count));
  sheet.set(
    row,
    col.verdict,
    rowFormulaCell(
      formulas.verdict,
      row + 1,
      part.pass ? VERDICT.pass : VERDICT.fail,
      undefined,
      "text"
    )
  );
}

/**
 * The 达标项数 and 是否达标 formulas of a block's school rows, with the row's own number left
 * open (RowFormula): `(ROUND(E10,9)>=E$4)+…` and `IF(AND(L10>=6,ROUND(E10,9)>=E$5,…),…)`.
 */
function blockFormulas(
  ctx: ReportContext,
  col: SchoolColumns,
  thresholdRow: number,
  floorRow: number
): RowFormulas {
  const specs = ctx.standard.indicators;
  const rule = ctx.standard.schoolRule!;
  const at = (c: number) => `${columnLetter(c)}${ROW}`; // a cell of the school's own row
  const value = (i: number) => `ROUND(${at(col.indicator(i))},9)`;
  const metTerms = specs.map(
    (_, i) => `(${value(i)}>=${cellA1(thresholdRow, col.indicator(i), "row")})`
  );
  const floors = specs.map((_, i) => `${value(i)}>=${cellA1(floorRow, col.indicator(i), "row")}`);
  const verdict = `IF(AND(${at(col.met)}>=${rule.minMet},${floors.join(",")}),"${VERDICT.pass}","${VERDICT.fail}")`;
  return {
    met: new RowFormula(metTerms.join("+").split(ROW)),
    verdict: new RowFormula(verdict.split(ROW)),
  };
}

/** Where a school row's number goes in RowFormulas (no formula holds this character otherwise). */
const ROW = "\u0000";

/** A block's row formulas. */
interface RowFormulas {
  met: RowFormula;
  verdict: RowFormula;
}

/** `'学校达标'!E6:E9` of an indicator (or weight) column over a block. */
export function blockRange(schools: SchoolsSheet, block: SchoolBlock, column: number): string {
  return sheetRef(
    schools.name,
    `${columnLetter(column)}${block.first + 1}:${columnLetter(column)}${block.last + 1}`
  );
}

const GUARANTEE_HEADERS: Record<GuaranteeCheck["id"], string> = {
  G3: "G3 音乐美术专用教室",
  G4: "G4 学校规模",
  G5: "G5 班额",
};

/**
 * A school's checks by county, then name, grouped once (a city has tens of thousands: two
 * lookups of names the engine already holds cost less than a joined key made and hashed per
 * school), and the last part's checks: its G3, G4 and G5 cells are made one after the other.
 */
const CHECKS_BY_SCHOOL = new WeakMap<
  readonly GuaranteeCheck[],
  {
    byCounty: Map<string, Map<string, GuaranteeCheck[]>>;
    last?: { part: SchoolPartResult; checks: readonly GuaranteeCheck[] };
  }
>();

/** The checks that concern a school part: its school's, and its stage's where staged. */
function checksOf(
  checks: readonly GuaranteeCheck[],
  part: SchoolPartResult
): readonly GuaranteeCheck[] {
  let grouped = CHECKS_BY_SCHOOL.get(checks);
  if (!grouped) {
    const byCounty = new Map<string, Map<string, GuaranteeCheck[]>>();
    for (const g of checks) {
      let bySchool = byCounty.get(g.county);
      if (!bySchool) byCounty.set(g.county, (bySchool = new Map()));
      const list = bySchool.get(g.school);
      if (list) list.push(g);
      else bySchool.set(g.school, [g]);
    }
    grouped = { byCounty };
    CHECKS_BY_SCHOOL.set(checks, grouped);
  }
  if (grouped.last?.part !== part) {
    const school = grouped.byCounty.get(part.county)?.get(part.name) ?? [];
    grouped.last = {
      part,
      checks: school.filter((g) => g.stage === undefined || g.stage === part.stage),
    };
  }
  return grouped.last.checks;
}

/**
 * A part's G3 / G4 / G5 cell: 未达标 when a check fails, 未核查 when one could not be made (no
 * column: never shown as 达标), 达标 when all pass, 「—」 when none applies; the checks' messages
 * (what failed, or the column to add) beside it in 数据诊断.
 */
export function guaranteeCell(
  checks: readonly GuaranteeCheck[],
  part: SchoolPartResult,
  id: GuaranteeCheck["id"]
): PlannedCell {
  return verdictOfChecks(checksOf(checks, part), id);
}

/** guaranteeCell over the checks that concern the part (checksOf). */
function verdictOfChecks(checks: readonly GuaranteeCheck[], id: GuaranteeCheck["id"]): PlannedCell {
  let any = false;
  let failed = false;
  let unchecked = false;
  for (const g of checks) {
    if (g.id !== id) continue;
    any = true;
    if (g.pass === false) failed = true;
    else if (g.pass === null) unchecked = true;
  }
  if (!any) return textCell(VERDICT.none);
  if (failed) return textCell(VERDICT.fail, "fail");
  if (unchecked) return textCell(STATUS_NAMES.unchecked, "warn");
  return textCell(VERDICT.pass, "pass");
}

/** One line naming the columns the unchecked guarantee checks need, or "" when none is unchecked. */
function guaranteeNote(checks: readonly GuaranteeCheck[]): string {
  const needs = new Set<string>();
  // A city's tens of thousands of unchecked checks share a few messages: each is read once.
  const seen = new Map<string, Set<string>>(); // check id → its messages read
  for (const g of checks) {
    if (g.pass !== null) continue;
    let messages = seen.get(g.id);
    if (!messages) seen.set(g.id, (messages = new Set()));
    if (messages.has(g.message)) continue;
    messages.add(g.message);
    const lacking = /学校表中没有(.+?)，请补充/.exec(g.message)?.[1];
    needs.add(`${g.id}：${lacking ?? g.message}`);
  }
  if (needs.size === 0) return "";
  return `「未核查」的学校保障项：学校表缺少所需的列（${[...needs].slice(0, 6).join("；")}${needs.size > 6 ? "等" : ""}），补充后重新审计；未核查不算达标。`;
}
