/**
 * Interprets the rule kinds of the county catalogue (src/engine/catalogue/county.ts) over one county's
 * form entries and school checks. One function per rule kind; no item is named here.
 */
import type { CountyInput, ItemRule, Term, Threshold } from "../catalogue/county";
import { countyInput, termCodes } from "../catalogue/county";
import { atLeast, below } from "../numeric";
import type { CheckTallies } from "../guarantees";
import type { CountyItemResult, ItemRequired, ItemStatus, ItemValue } from "../result";
import type { AuditSettings } from "../types";
import type { CountyFormEntry } from "./form";

/** What a rule found: its status, figure, requirement, the codes still to fill and why. */
export type RuleOutcome = Pick<
  CountyItemResult,
  "status" | "value" | "required" | "source" | "missing" | "notes"
> & {
  /** An optional rule whose inputs are all blank: left out of its item. */
  skipped?: boolean;
};

export interface RuleContext {
  entries: Record<string, CountyFormEntry>;
  /** The county's school-level checks (G3–G5), tallied by kind. */
  schoolChecks: CheckTallies;
  settings: AuditSettings;
  /** The county has a form at all (else the notes say to fill one in). */
  hasForm: boolean;
}

const unchecked = (
  missing: string[],
  notes: string[],
  value: ItemValue = null,
  required: ItemRequired = null
): RuleOutcome => ({
  status: "unchecked",
  value,
  required,
  source: null,
  missing,
  notes,
});

function label(code: string): string {
  const input: CountyInput | undefined = countyInput(code);
  return input ? `${code}「${input.label}」` : code;
}

/** Entry of a code when it holds a usable value; null when blank; "invalid" when the reader rejected it. */
function read(ctx: RuleContext, code: string): CountyFormEntry | null | "invalid" {
  const entry = ctx.entries[code];
  if (!entry) return null;
  if (entry.invalid) return "invalid";
  return entry.value === null ? null : entry;
}

/** Blank and rejected codes among these, with notes for the rejected ones. */
function gaps(ctx: RuleContext, codes: readonly string[]): { missing: string[]; notes: string[] } {
  const missing: string[] = [];
  const notes: string[] = [];
  for (const code of codes) {
    const e = read(ctx, code);
    if (e === null || e === "invalid") missing.push(code);
    if (e === "invalid") notes.push(`${label(code)}填报有误：${ctx.entries[code].invalid}`);
    else if (e === null)
      notes.push(`${ctx.hasForm ? "请在县域指标表填报" : "请插入县域指标表并填报"}${label(code)}`);
  }
  return { missing, notes };
}

function threshold(t: Threshold, settings: AuditSettings): number {
  return typeof t === "number" ? t : settings[t.setting];
}

function numberOf(ctx: RuleContext, code: string): number | null {
  const e = read(ctx, code);
  return e !== null && e !== "invalid" && typeof e.value === "number" ? e.value : null;
}

function sum(ctx: RuleContext, terms: readonly Term[]): number {
  return terms.reduce<number>(
    (s, t) =>
      typeof t === "string" ? s + (numberOf(ctx, t) ?? 0) : s - (numberOf(ctx, t.subtract) ?? 0),
    0
  );
}

function compare(value: number, min: number, cmp: "<" | ">="): boolean {
  return cmp === ">=" ? atLeast(value, min) : below(value, min);
}

function evidence(rule: Extract<ItemRule, { kind: "evidence" }>, ctx: RuleContext): RuleOutcome {
  const e = read(ctx, rule.input);
  if (e === null || e === "invalid" || typeof e.value !== "boolean") {
    const g = gaps(ctx, [rule.input]);
    if (e !== null && e !== "invalid") g.notes.push(`${label(rule.input)}应填「是」或「否」`);
    return unchecked(g.missing.length ? g.missing : [rule.input], g.notes, null, true);
  }
  return {
    status: e.value ? "pass" : "fail",
    value: e.value,
    required: true,
    source: "form",
    missing: [],
    notes: [],
  };
}

function ratioRule(rule: Extract<ItemRule, { kind: "ratio" }>, ctx: RuleContext): RuleOutcome {
  const min = threshold(rule.min, ctx.settings);
  const numCodes = termCodes(rule.numerator);
  const denCodes = termCodes(rule.denominator);
  const all = [...numCodes, ...denCodes];
  if (
    rule.optional &&
    all.every(
      (c) =>
        ctx.entries[c] === undefined || (ctx.entries[c].value === null && !ctx.entries[c].invalid)
    )
  ) {
    return { ...unchecked([], [], null, min), skipped: true };
  }
  const rateEntry = rule.rateInput ? read(ctx, rule.rateInput) : null;
  if (
    rateEntry &&
    rateEntry !== "invalid" &&
    rateEntry.percent &&
    typeof rateEntry.value === "number"
  ) {
    // 「填报比例」: the rate stands for the counts only when the denominator rows are blank (or rates themselves).
    const counted = denCodes.filter((c) => {
      const e = read(ctx, c);
      return e !== null && e !== "invalid" && !e.percent;
    });
    if (counted.length > 0) {
      return unchecked(
        [rule.rateInput!],
        [
          `${label(rule.rateInput!)}填的是比例，但${counted.map(label).join("、")}也已填报人数：请填人数，或留空分母只填比例`,
        ],
        null,
        min
      );
    }
    const value = rateEntry.value;
    return {
      status: compare(value, min, rule.cmp) ? "pass" : "fail",
      value,
      required: min,
      source: "form-rate",
      missing: [],
      notes: ["填报比例"],
    };
  }
  // Every term must be given: a blank is not a 0 (the county enters 0 where there are none).
  const g = gaps(ctx, all);
  const wrongPercent = all.filter((c) => {
    const e = read(ctx, c);
    return e !== null && e !== "invalid" && e.percent && c !== rule.rateInput;
  });
  if (wrongPercent.length) {
    g.missing.push(...wrongPercent);
    g.notes.push(`${wrongPercent.map(label).join("、")}应填人数（数量），不是比例`);
  }
  if (g.missing.length) return unchecked(g.missing, g.notes, null, min);
  const denominator = sum(ctx, rule.denominator);
  if (!(denominator > 0)) {
    return unchecked(
      denCodes,
      [`${denCodes.map(label).join("、")}计算的分母为${denominator}，无法计算比例`],
      null,
      min
    );
  }
  const value = sum(ctx, rule.numerator) / denominator;
  return {
    status: compare(value, min, rule.cmp) ? "pass" : "fail",
    value,
    required: min,
    source: "form",
    missing: [],
    notes: [],
  };
}

function allOf(rule: Extract<ItemRule, { kind: "allOf" }>, ctx: RuleContext): RuleOutcome {
  const g = gaps(ctx, [rule.whole, rule.part]);
  if (g.missing.length) return unchecked(g.missing, g.notes, null, 1);
  const whole = numberOf(ctx, rule.whole)!;
  const part = numberOf(ctx, rule.part)!;
  if (whole === 0)
    return {
      status: "pass",
      value: 1,
      required: 1,
      source: "form",
      missing: [],
      notes: [`${label(rule.whole)}为0，无需核定`],
    };
  const value = part / whole;
  return {
    status: atLeast(part, whole) ? "pass" : "fail",
    value,
    required: 1,
    source: "form",
    missing: [],
    notes: [],
  };
}

function atLeastRule(rule: Extract<ItemRule, { kind: "atLeast" }>, ctx: RuleContext): RuleOutcome {
  const g = gaps(ctx, [rule.value, rule.than]);
  if (g.missing.length) return unchecked(g.missing, g.notes);
  const value = numberOf(ctx, rule.value)!;
  const than = numberOf(ctx, rule.than)!;
  return {
    status: atLeast(value, than) ? "pass" : "fail",
    value,
    required: than,
    source: "form",
    missing: [],
    notes: [],
  };
}

function levelAndRate(
  rule: Extract<ItemRule, { kind: "levelAndRate" }>,
  ctx: RuleContext
): RuleOutcome {
  const required = { level: rule.minLevel, rate: rule.maxRate };
  const given = rule.subjects.filter(
    (s) => read(ctx, s.level) !== null || read(ctx, s.rate) !== null
  );
  if (given.length === 0) {
    const first = rule.subjects.slice(0, 6);
    return unchecked(
      first.flatMap((s) => [s.level, s.rate]),
      [
        `${ctx.hasForm ? "请在县域指标表" : "请插入县域指标表并"}填报国家义务教育质量监测各科目的学业水平等级和校际差异率（至少一科）`,
      ],
      null,
      required
    );
  }
  const g = gaps(
    ctx,
    given.flatMap((s) => [s.level, s.rate])
  );
  if (g.missing.length) return unchecked(g.missing, g.notes, null, required);
  const value = given.map((s) => ({
    subject: s.name,
    level: numberOf(ctx, s.level)!,
    rate: numberOf(ctx, s.rate)!,
  }));
  const failed = value.filter((v) => v.level < rule.minLevel || !below(v.rate, rule.maxRate));
  return {
    status: failed.length ? "fail" : "pass",
    value,
    required,
    source: "form",
    missing: [],
    notes: failed.map((v) => `${v.subject}：水平${v.level}级，校际差异率${v.rate}`),
  };
}

function schools(rule: Extract<ItemRule, { kind: "schools" }>, ctx: RuleContext): RuleOutcome {
  const tally = ctx.schoolChecks[rule.check];
  if (tally.total === tally.open)
    return unchecked([], [`学校表中没有可核查的数据：请补充${rule.columns}`], null, 0);
  const failed = tally.failed;
  // A school without the column is 未核查: the item cannot pass while any school is unchecked.
  if (failed.length === 0 && tally.open > 0)
    return unchecked(
      [],
      [`${tally.open}项学校检查未核查（${tally.firstOpen}等）：请补充${rule.columns}`],
      0,
      0
    );
  return {
    status: failed.length ? "fail" : "pass",
    value: failed.length,
    required: 0,
    source: "schools",
    missing: [],
    notes: failed.slice(),
  };
}

function allRules(rule: Extract<ItemRule, { kind: "all" }>, ctx: RuleContext): RuleOutcome {
  const parts = rule.rules.map((r) => evaluateRule(r, ctx));
  const counted = parts.filter((p) => !p.skipped);
  const status: ItemStatus = counted.some((p) => p.status === "fail")
    ? "fail"
    : counted.some((p) => p.status === "unchecked")
      ? "unchecked"
      : "pass";
  const sources = counted.map((p) => p.source).filter((s) => s !== null);
  return {
    status,
    value: parts.map((p) => p.value),
    required: parts.map((p) => p.required),
    source: sources.includes("form-rate") ? "form-rate" : (sources[0] ?? null),
    missing: parts.flatMap((p) => p.missing),
    notes: parts.flatMap((p) => p.notes),
  };
}

/** Evaluates one rule of the catalogue. */
export function evaluateRule(rule: ItemRule, ctx: RuleContext): RuleOutcome {
  switch (rule.kind) {
    case "evidence":
      return evidence(rule, ctx);
    case "ratio":
      return ratioRule(rule, ctx);
    case "allOf":
      return allOf(rule, ctx);
    case "atLeast":
      return atLeastRule(rule, ctx);
    case "levelAndRate":
      return levelAndRate(rule, ctx);
    case "schools":
      return schools(rule, ctx);
    case "all":
      return allRules(rule, ctx);
  }
}
