/**
 * Live formulas for the county items, generated from the catalogue's rule kinds over the county
 * form's cells: each piece carries its formula text and the value it has now, so the cached
 * result always matches what Excel or LibreOffice computes. No item is named here.
 */
import {
  COUNTY_INPUTS,
  countyInput,
  STATUS_NAMES,
  termCodes,
  type ItemRule,
  type Term,
} from "../engine/catalogue/county";
import { roundTo, type AuditSettings, type CountyFormCells } from "../engine";
import { numberLiteral, sheetRef } from "./refs";

/** A formula piece: its text (no leading "=") and its present value. */
export interface Expr {
  f: string;
  v: string | number | boolean | null;
}

const UNCHECKED = STATUS_NAMES.unchecked;
const PASS = STATUS_NAMES.pass;
const FAIL = STATUS_NAMES.fail;
/** 是 and the other ways the form may say it (the reader accepts the same). */
const YES_WORDS = ["是", "已具备", "具备", "√", "✓", "有"];

const str = (s: string): Expr => ({ f: `"${s.replace(/"/g, '""')}"`, v: s });

/** Reads the form for formulas: a code's cell, or its value where the cell holds text. */
export class FormCells {
  constructor(
    readonly form: CountyFormCells | undefined,
    readonly settings: AuditSettings
  ) {}

  has(code: string): boolean {
    return Boolean(this.form?.cells[code]);
  }

  value(code: string): number | boolean | null {
    return this.form?.values[code] ?? null;
  }

  blank(code: string): boolean {
    return this.value(code) === null;
  }

  isPercent(code: string): boolean {
    return Boolean(this.form?.percentCodes.includes(code));
  }

  /** A reference to the code's 填报值 cell, or the value read where the cell holds text (or is absent). */
  ref(code: string): Expr {
    const v = this.value(code);
    if (!this.form || !this.form.cells[code] || this.form.textCodes.includes(code)) {
      return typeof v === "number" ? { f: numberLiteral(v), v } : { f: '""', v: null };
    }
    return { f: sheetRef(this.form.sheet, this.form.cells[code]), v };
  }

  /** The rule cannot be written as a formula now: an input the reader rejected. */
  anyInvalid(codes: readonly string[]): boolean {
    return codes.some((c) => this.form?.invalidCodes.includes(c));
  }
}

/** TRUE when any of the codes is blank. */
function anyBlank(cells: FormCells, codes: readonly string[]): Expr {
  const refs = codes.map((c) => cells.ref(c));
  const blankF = (r: Expr) =>
    r.f.startsWith("'") || /^[A-Z]+\d+$/.test(r.f)
      ? `ISBLANK(${r.f})`
      : r.v === null
        ? "TRUE"
        : "FALSE";
  return {
    f: refs.length === 1 ? blankF(refs[0]) : `OR(${refs.map(blankF).join(",")})`,
    v: codes.some((c) => cells.blank(c)),
  };
}

function yes(cells: FormCells, code: string): Expr {
  const r = cells.ref(code);
  return {
    f: `OR(${[...YES_WORDS.map((w) => `${r.f}="${w}"`), `${r.f}=TRUE`].join(",")})`,
    v: cells.value(code) === true,
  };
}

function sum(cells: FormCells, terms: readonly Term[]): Expr {
  let v = 0;
  const parts = terms.map((t, i) => {
    const code = typeof t === "string" ? t : t.subtract;
    const r = cells.ref(code);
    const n = typeof r.v === "number" ? r.v : 0;
    v += typeof t === "string" ? n : -n;
    return `${i === 0 ? (typeof t === "string" ? "" : "-") : typeof t === "string" ? "+" : "-"}${r.f}`;
  });
  return { f: parts.length > 1 ? `(${parts.join("")})` : parts[0], v };
}

/** x ≥ min with the engine's tolerance, or x < max strictly. */
function compare(x: Expr, bound: number, cmp: ">=" | "<"): Expr {
  const tol = 1e-9 * Math.max(Math.abs(bound), 1);
  const v = typeof x.v === "number" && (cmp === ">=" ? x.v >= bound - tol : x.v < bound - tol);
  return { f: `${x.f}${cmp}${numberLiteral(bound - tol)}`, v };
}

function status(blank: Expr, ok: Expr, extraUnchecked?: Expr): Expr {
  const unchecked = extraUnchecked
    ? { f: `OR(${blank.f},${extraUnchecked.f})`, v: Boolean(blank.v) || Boolean(extraUnchecked.v) }
    : blank;
  const v = unchecked.v ? UNCHECKED : ok.v ? PASS : FAIL;
  return { f: `IF(${unchecked.f},"${UNCHECKED}",IF(${ok.f},"${PASS}","${FAIL}"))`, v };
}

/** The rate of a ratio rule as the engine takes it: entered as such, or from the counts. */
export function ratioValue(
  cells: FormCells,
  rule: Extract<ItemRule, { kind: "ratio" }>
): Expr | null {
  if (rule.rateInput && cells.isPercent(rule.rateInput)) return cells.ref(rule.rateInput);
  const num = sum(cells, rule.numerator);
  const den = sum(cells, rule.denominator);
  const all = [...termCodes(rule.numerator), ...termCodes(rule.denominator)];
  if (all.some((c) => cells.blank(c)) || !(typeof den.v === "number" && den.v > 0)) {
    return { f: `IFERROR(${num.f}/${den.f},"")`, v: null };
  }
  return { f: `${num.f}/${den.f}`, v: (num.v as number) / (den.v as number) };
}

function threshold(rule: Extract<ItemRule, { kind: "ratio" }>, settings: AuditSettings): number {
  return typeof rule.min === "number" ? rule.min : settings[rule.min.setting];
}

/**
 * The item's verdict (达标 / 未达标 / 未核查) as a live formula over the form, or null when it
 * cannot be one now (a rejected input, or a school-level item): the report then writes the engine's word.
 */
export function statusFormula(cells: FormCells, rule: ItemRule): Expr | null {
  switch (rule.kind) {
    case "evidence":
      if (cells.anyInvalid([rule.input])) return null;
      return status(anyBlank(cells, [rule.input]), yes(cells, rule.input));
    case "ratio": {
      const codes = [...termCodes(rule.numerator), ...termCodes(rule.denominator)].filter(
        (c, i, a) => a.indexOf(c) === i
      );
      if (cells.anyInvalid(codes)) return null;
      const min = threshold(rule, cells.settings);
      if (rule.rateInput && cells.isPercent(rule.rateInput)) {
        const counted = termCodes(rule.denominator).some(
          (c) => !cells.blank(c) && !cells.isPercent(c)
        );
        if (counted) return null;
        const rate = cells.ref(rule.rateInput);
        return status(anyBlank(cells, [rule.rateInput]), compare(rate, min, rule.cmp));
      }
      if (codes.some((c) => cells.isPercent(c))) return null;
      const den = sum(cells, rule.denominator);
      const num = sum(cells, rule.numerator);
      const zero: Expr = { f: `${den.f}<=0`, v: !(typeof den.v === "number" && den.v > 0) };
      const blank = anyBlank(cells, codes);
      const rate: Expr = {
        f: `${num.f}/${den.f}`,
        v: !blank.v && !zero.v ? (num.v as number) / (den.v as number) : null,
      };
      const s = status(blank, compare(rate, min, rule.cmp), zero);
      if (rule.optional) {
        // Both rows blank: the pair was not surveyed, and the item is judged without it.
        const none = {
          f: `AND(${codes.map((c) => `ISBLANK(${cells.ref(c).f})`).join(",")})`,
          v: codes.every((c) => cells.blank(c)),
        };
        if (!codes.every((c) => cells.has(c))) return null;
        return { f: `IF(${none.f},"${PASS}",${s.f})`, v: none.v ? PASS : s.v };
      }
      return s;
    }
    case "allOf": {
      if (cells.anyInvalid([rule.part, rule.whole])) return null;
      const part = cells.ref(rule.part);
      const whole = cells.ref(rule.whole);
      const ok: Expr = {
        f: `${part.f}>=${whole.f}`,
        v: typeof part.v === "number" && typeof whole.v === "number" && part.v >= whole.v,
      };
      return status(anyBlank(cells, [rule.whole, rule.part]), ok);
    }
    case "atLeast": {
      if (cells.anyInvalid([rule.value, rule.than])) return null;
      const value = cells.ref(rule.value);
      const than = cells.ref(rule.than);
      const t = typeof than.v === "number" ? than.v : 0;
      const tol = 1e-9 * Math.max(Math.abs(t), 1);
      const ok: Expr = {
        f: `${value.f}>=${than.f}-${numberLiteral(tol)}`,
        v: typeof value.v === "number" && value.v >= t - tol,
      };
      return status(anyBlank(cells, [rule.value, rule.than]), ok);
    }
    case "levelAndRate": {
      const given = rule.subjects.filter((s) => !cells.blank(s.level) || !cells.blank(s.rate));
      const codes = given.flatMap((s) => [s.level, s.rate]);
      if (given.length === 0 || cells.anyInvalid(codes)) return null;
      const checks = given.map((s) => {
        const level = compare(cells.ref(s.level), rule.minLevel, ">=");
        const rate = compare(cells.ref(s.rate), rule.maxRate, "<");
        return { f: `AND(${level.f},${rate.f})`, v: Boolean(level.v) && Boolean(rate.v) };
      });
      const ok: Expr = {
        f: `AND(${checks.map((c) => c.f).join(",")})`,
        v: checks.every((c) => c.v),
      };
      return status(anyBlank(cells, codes), ok);
    }
    case "all": {
      const parts = rule.rules.map((r) => statusFormula(cells, r));
      if (parts.some((p) => p === null)) return null;
      const ps = parts as Expr[];
      const v = ps.some((p) => p.v === FAIL)
        ? FAIL
        : ps.some((p) => p.v === UNCHECKED)
          ? UNCHECKED
          : PASS;
      const any = (word: string) => `OR(${ps.map((p) => `${p.f}="${word}"`).join(",")})`;
      return { f: `IF(${any(FAIL)},"${FAIL}",IF(${any(UNCHECKED)},"${UNCHECKED}","${PASS}"))`, v };
    }
    case "schools":
      return null;
  }
}

/** A number shown as the tables print it: counts as integers, rates in % with one decimal. */
function shown(cells: FormCells, x: Expr, digits: number, scale = 1): Expr {
  const n = typeof x.v === "number" ? roundTo(x.v * scale, digits).toFixed(digits) : "__";
  const body = scale === 1 ? x.f : `${x.f}*${scale}`;
  return {
    f: `IF(${x.f}="","__",TEXT(${body},"${digits === 0 ? "0" : `0.${"0".repeat(digits)}`}"))`,
    v: n,
  };
}

function concat(pieces: Expr[]): Expr {
  return {
    f: pieces.map((p) => p.f).join("&"),
    v: pieces.map((p) => (p.v === null ? "" : String(p.v))).join(""),
  };
}

/** An input's label without its 「（是/否）」 hint. */
function plainLabel(code: string): string {
  return (countyInput(code)?.label ?? code).replace(/（是\/否）$/, "");
}

/**
 * The item's figure as a sentence with the numbers filled in: each input with its value
 * (counts and 元 as integers), then the rates to one decimal; 「填报比例」 where a rate was entered.
 * Rates to 1 decimal, counts as integers, as the national tables' note asks.
 */
export function figureSentence(cells: FormCells, rule: ItemRule, inputs: readonly string[]): Expr {
  const pieces: Expr[] = [];
  const sep = () => {
    if (pieces.length) pieces.push(str("，"));
  };
  const order = (c: string) => COUNTY_INPUTS.findIndex((i) => i.code === c);
  for (const code of [...inputs].sort((a, b) => order(a) - order(b))) {
    const input = countyInput(code);
    if (!input) continue;
    if (cells.isPercent(code)) continue; // shown as the rate below
    if (input.kind === "rate" || input.kind === "level") continue; // Q9: listed per subject below
    sep();
    const r = cells.ref(code);
    if (input.kind === "yesno") {
      const y = yes(cells, code);
      pieces.push(str(`${plainLabel(code)}：`), {
        f: `IF(${r.f}="","未填报",IF(${y.f},"是","否"))`,
        v: r.v === null ? "未填报" : r.v === true ? "是" : "否",
      });
    } else {
      pieces.push(str(`${plainLabel(code)}`), shown(cells, r, 0), str(input.unit));
    }
  }
  for (const rate of ratioRules(rule)) {
    const value = ratioValue(cells, rate);
    if (!value) continue;
    sep();
    const what = rate.rateInput && cells.isPercent(rate.rateInput) ? "比例（填报比例）" : "比例";
    if (typeof rate.min === "number")
      pieces.push(
        str(`${plainLabel(termCodes(rate.numerator)[0]).replace(/^其中/, "")}${what}`),
        shown(cells, value, 1, 100),
        str("%")
      );
    else pieces.push(str("生均"), shown(cells, value, 0), str("元"));
  }
  if (rule.kind === "levelAndRate") {
    for (const s of rule.subjects) {
      if (cells.blank(s.level) && cells.blank(s.rate)) continue;
      sep();
      const level = cells.ref(s.level);
      pieces.push(
        str(`${s.name}`),
        shown(cells, level, 0),
        str("级、校际差异率"),
        shown(cells, cells.ref(s.rate), 2)
      );
    }
  }
  return pieces.length ? concat(pieces) : str("");
}

function ratioRules(rule: ItemRule): Extract<ItemRule, { kind: "ratio" }>[] {
  if (rule.kind === "ratio") return [rule];
  if (rule.kind === "all") return rule.rules.flatMap(ratioRules);
  return [];
}
