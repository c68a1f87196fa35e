/**
 * The whole 2017 standard for one county: the items of the catalogue, the veto, the four dimensions
 * and the county verdict. An unchecked item is never a pass; a failed item or a triggered veto fails
 * the county whatever else is missing.
 */
import {
  COUNTY_INPUTS,
  COUNTY_ITEMS,
  VETO_ITEMS,
  type CountyDimension,
  type CountyItem,
  type ItemRule,
} from "../catalogue/county";
import type { Diagnostic } from "../diagnostics";
import { CheckTallies } from "../guarantees";
import type {
  CountyFormCells,
  CountyResult,
  CountyItemResult,
  CountyVerdict,
  DimensionId,
  DimensionResult,
  GuaranteeCheck,
  ItemStatus,
  StageResult,
  VetoResult,
} from "../result";
import { STAGES, type AuditSettings, type SchoolRecord, type Stage } from "../types";
import type { CountyForm } from "./form";
import { evaluateRule, type RuleContext, type RuleOutcome } from "./rules";
import { lacksColumns, schoolItemFigures } from "./schoolFigures";

/** The whole-standard part of a county's result. */
export type CountyStandardResult = Pick<
  CountyResult,
  "verdict" | "dimensions" | "items" | "veto" | "missing" | "form"
>;

/** Each input's row on the county form (codes a form does not list go last). */
const FORM_ROW = new Map(COUNTY_INPUTS.map((input, row) => [input.code, row]));
const formRow = (code: string) => FORM_ROW.get(code) ?? COUNTY_INPUTS.length;

/** Each code once, in the order the county form lists its rows (G9-1 before G9-2). */
function inFormOrder(codes: readonly string[]): string[] {
  return [...new Set(codes)].sort((a, b) => formRow(a) - formRow(b));
}

function dimension(statuses: readonly ItemStatus[]): DimensionResult {
  const passed = statuses.filter((s) => s === "pass").length;
  const failed = statuses.filter((s) => s === "fail").length;
  const unchecked = statuses.length - passed - failed;
  const status: ItemStatus =
    failed > 0 ? "fail" : unchecked > 0 || statuses.length === 0 ? "unchecked" : "pass";
  return { status, checked: passed + failed, passed, failed, unchecked };
}

/** Resource allocation: one verdict per stage that has schools (its CV rule and school rule). */
function resourceStatuses(stages: Record<Stage, StageResult>): ItemStatus[] {
  return STAGES.filter((s) => stages[s].schools > 0).map((s) =>
    stages[s].pass === null ? "unchecked" : stages[s].pass ? "pass" : "fail"
  );
}

/** 达标 only when every dimension passed and no veto row says 是 or is blank; a fail or a veto dominates. */
export function combineVerdict(
  dimensions: readonly DimensionResult[],
  veto: readonly VetoResult[]
): CountyVerdict {
  if (dimensions.some((d) => d.status === "fail") || veto.some((v) => v.triggered === true))
    return "fail";
  if (dimensions.every((d) => d.status === "pass") && veto.every((v) => v.triggered === false))
    return "pass";
  return "incomplete";
}

/** The verdict over several counties: one fails → fail; all pass → pass; else incomplete. */
export function overallVerdict(verdicts: readonly CountyVerdict[]): CountyVerdict {
  if (verdicts.some((v) => v === "fail")) return "fail";
  return verdicts.length > 0 && verdicts.every((v) => v === "pass") ? "pass" : "incomplete";
}

/**
 * Evaluates the county items of the catalogue, the veto and the four dimensions.
 *
 * @example
 * const r = countyStandard(stages, [], undefined, DEFAULT_SETTINGS);
 * r.verdict; // "incomplete": without a county form the guarantee, quality and recognition items are 未核查
 */
export function countyStandard(
  stages: Record<Stage, StageResult>,
  schoolChecks: readonly GuaranteeCheck[] | CheckTallies,
  form: CountyForm | undefined,
  settings: AuditSettings,
  schools: readonly SchoolRecord[] = [],
  memo?: ItemMemo,
  columns?: number
): CountyStandardResult {
  const ctx = {
    entries: form?.entries ?? {},
    schoolChecks:
      schoolChecks instanceof CheckTallies ? schoolChecks : CheckTallies.of(schoolChecks),
    settings,
    hasForm: form !== undefined,
  };
  const items: CountyItemResult[] = COUNTY_ITEMS.map((item) => {
    // Without a form, an item the schools do not decide (or whose columns none of them has)
    // reads the same for every county.
    const same =
      memo !== undefined &&
      !form &&
      (SCHOOL_FREE.has(item.id) ||
        (columns !== undefined &&
          item.fromSchools !== undefined &&
          !usesSchools(item.rule) &&
          lacksColumns(item.fromSchools, columns)));
    if (!same) return itemResult(item, ctx, schools, columns);
    let known = memo.get(item.id);
    if (!known) memo.set(item.id, (known = itemResult(item, ctx, schools, columns)));
    return known;
  });
  const extra = new Set(settings.extraVetoItems);
  const veto: VetoResult[] = VETO_ITEMS.filter((v) => !v.optional || extra.has(v.code)).map((v) => {
    const e = ctx.entries[v.code];
    const triggered = e && !e.invalid && typeof e.value === "boolean" ? e.value : null;
    return { id: v.code, label: v.label, triggered };
  });
  const byDimension = (d: CountyDimension) =>
    dimension(items.filter((i) => i.dimension === d).map((i) => i.status));
  const dimensions: Record<DimensionId, DimensionResult> = {
    resource: dimension(resourceStatuses(stages)),
    guarantee: byDimension("guarantee"),
    quality: byDimension("quality"),
    recognition: byDimension("recognition"),
  };
  const result: CountyStandardResult = {
    verdict: combineVerdict(Object.values(dimensions), veto),
    dimensions,
    items,
    veto,
    missing: missingCodes(items, veto),
  };
  if (form) {
    const f: CountyFormCells = {
      sheet: form.sheet,
      cells: {},
      values: {},
      textCodes: [],
      percentCodes: [],
      invalidCodes: [],
      evidenceCells: {},
      evidence: {},
    };
    for (const [code, e] of Object.entries(form.entries)) {
      if (e.cell) f.cells[code] = e.cell;
      if (e.evidenceCell) f.evidenceCells[code] = e.evidenceCell;
      if (e.evidence) f.evidence[code] = e.evidence;
      f.values[code] = e.invalid ? null : e.value;
      if (e.fromText) f.textCodes.push(code);
      if (e.percent) f.percentCodes.push(code);
      if (e.invalid) f.invalidCodes.push(code);
    }
    result.form = f;
  }
  return result;
}

/**
 * The codes still to fill: those of each unchecked item, then each unanswered veto row, each
 * once, in that order. (Loops rather than flatMap and spreads: this runs for each of a
 * province's counties.)
 */
function missingCodes(items: readonly CountyItemResult[], veto: readonly VetoResult[]): string[] {
  const seen = new Set<string>();
  const missing: string[] = [];
  const add = (code: string) => {
    if (seen.has(code)) return;
    seen.add(code);
    missing.push(code);
  };
  for (const item of items) if (item.status === "unchecked") item.missing.forEach(add);
  for (const v of veto) if (v.triggered === null) add(v.id);
  return missing;
}

/**
 * Item results of one audit's counties that have no form, by item id: an item the school sheets
 * do not decide (SCHOOL_FREE), or whose columns no school of the county has, then reads the same
 * for every county, and a province has hundreds of counties. The counties share the one result
 * (the audit result is read-only, docs/audit-result.md): a copy per county was 3.4 MB of the
 * 66 MB an audit of 200,000 parts allocated.
 */
export type ItemMemo = Map<string, CountyItemResult>;

function usesSchools(rule: ItemRule): boolean {
  return rule.kind === "schools" || (rule.kind === "all" && rule.rules.some(usesSchools));
}

/** The items whose result depends only on the form and the settings, not on the schools. */
const SCHOOL_FREE = new Set(
  COUNTY_ITEMS.filter((item) => !item.fromSchools && !usesSchools(item.rule)).map((i) => i.id)
);

/** One item's result for a county. */
function itemResult(
  item: CountyItem,
  ctx: RuleContext,
  schools: readonly SchoolRecord[],
  columns: number | undefined
): CountyItemResult {
  const { outcome, figures } = evaluateItem(item, ctx, schools, columns);
  const result: CountyItemResult = {
    id: item.id,
    name: item.name,
    dimension: item.dimension,
    status: outcome.status,
    value: outcome.value,
    required: outcome.required,
    source: outcome.source,
    missing: inFormOrder(outcome.missing),
    // A code two rules of one item need (G11-2: a part of G11-1, the whole of G11-3) is asked for once.
    notes: [...new Set(outcome.notes)],
  };
  const named = evidenceOf(item.id, ctx.entries);
  if (named) result.evidence = named;
  if (figures) result.figures = figures;
  return result;
}

/**
 * One item: from the school sheets when they carry its columns (the same rule over their summed
 * figures), else from the form; with neither, the note names both the form rows and the columns.
 */
function evaluateItem(
  item: CountyItem,
  ctx: RuleContext,
  schools: readonly SchoolRecord[],
  columns: number | undefined
): { outcome: RuleOutcome; figures?: Record<string, number> } {
  const fromSchools = item.fromSchools
    ? schoolItemFigures(item.fromSchools, schools, ctx.entries, columns)
    : ({ kind: "none" } as const);
  if (fromSchools.kind === "figures") {
    const entries = { ...ctx.entries };
    for (const [code, value] of Object.entries(fromSchools.figures))
      entries[code] = { code, value };
    const outcome = evaluateRule(item.rule, { ...ctx, entries });
    return {
      outcome: { ...outcome, source: "schools", notes: [...fromSchools.notes, ...outcome.notes] },
      figures: fromSchools.figures,
    };
  }
  if (fromSchools.kind === "incomplete") {
    const missing = fromSchools.missing;
    return {
      outcome: {
        status: "unchecked",
        value: null,
        required: evaluateRule(item.rule, ctx).required,
        source: null,
        missing,
        notes: fromSchools.notes,
      },
    };
  }
  const outcome = evaluateRule(item.rule, ctx);
  if (outcome.status === "unchecked" && item.schoolColumns && item.rule.kind !== "schools")
    outcome.notes = [...outcome.notes, `或在${item.schoolColumns}中逐校填报，由学校表核查`];
  return { outcome };
}

/**
 * 数据诊断 lines for the items the school sheets decided although the form also gave them: the
 * form's figures were not used.
 *
 * @example
 * schoolsOverFormDiagnostics(result.counties); // [{ code: "engine.county-item-from-schools", … }]
 */
export function schoolsOverFormDiagnostics(
  counties: readonly Pick<CountyResult, "name" | "items" | "form">[]
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const county of counties) {
    for (const item of county.items) {
      if (item.source !== "schools" || !item.figures || !county.form) continue;
      const filled = Object.keys(item.figures).filter(
        (c) => county.form!.values[c] !== null && county.form!.values[c] !== undefined
      );
      if (filled.length === 0) continue;
      const cells = filled.map((c) => county.form!.cells[c]).filter(Boolean);
      out.push({
        level: "info",
        code: "engine.county-item-from-schools",
        sheet: county.form.sheet,
        cell: cells[0] ?? "",
        message: `${county.name ? `${county.name}：` : ""}${item.id}「${item.name}」按学校表逐校核查（学校表优先），县域指标表${filled.join("、")}的填报值（${cells.join("、")}）未使用。`,
      });
    }
  }
  return out;
}

/** The document names given on the item's rows (G14-4's 佐证材料 belongs to G14). */
function evidenceOf(itemId: string, entries: CountyForm["entries"]): string | undefined {
  const names = Object.values(entries)
    .filter((e) => e.evidence && (e.code === itemId || e.code.startsWith(`${itemId}-`)))
    .map((e) => e.evidence!);
  return names.length ? [...new Set(names)].join("；") : undefined;
}

/**
 * The county items the audit decided (达标 or 未达标, not 未核查), plus "veto" once a county form was
 * read: what a setting that changes a county item acts on (settingInForce).
 *
 * @example
 * decidedCountyItems(result.counties).has("G7"); // true when the form gave G7's figures
 */
export function decidedCountyItems(
  counties: readonly Pick<CountyResult, "items" | "form">[]
): Set<string> {
  const decided = new Set<string>();
  for (const county of counties) {
    for (const item of county.items) if (item.status !== "unchecked") decided.add(item.id);
    // The veto settings act once a county form is read (their optional rows are answered there).
    if (county.form) decided.add("veto");
  }
  return decided;
}
