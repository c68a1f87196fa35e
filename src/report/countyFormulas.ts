/**
 * Live formulas for the county items, generated from the catalogue's rule kinds over the county
 * form's cells: each piece carries its formula text and the value it has now, so the cached
 * result always matches what Excel or LibreOffice computes. No item is named here.
 */
import {
  countyInput,
  STATUS_NAMES,
  termCodes,
  type CountyItem,
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

  /**
   * A reference to the code's 填报值 cell, or the value read where the cell holds text, is absent,
   * or was rejected by the reader (a rejected cell counts as blank, as the engine takes it).
   */
  ref(code: string): Expr {
    const v = this.value(code);
    if (
      !this.form ||
      !this.form.cells[code] ||
      this.form.textCodes.includes(code) ||
      this.form.invalidCodes.includes(code)
    ) {
      return typeof v === "number" ? { f: numberLiteral(v), v } : { f: '""', v: null };
    }
    return { f: sheetRef(this.form.sheet, this.form.cells[code]), v };
  }

  /** The rule cannot be written as a formula now: an input the reader rejected. */
  anyInvalid(codes: readonly string[]): boolean {
    return codes.some((c) => this.form?.invalidCodes.includes(c));
  }
}

/**
 * The school sheets' figures of an item (result `figures`) read like a form without cells: its
 * formulas are over the figures as numbers, so the catalogue's rule and sentence apply unchanged.
 *
 * @example
 * figureCells({ "G9-1": 3200, "G9-2": 3200 }, settings).ref("G9-1"); // { f: "3200", v: 3200 }
 */
export function figureCells(figures: Record<string, number>, settings: AuditSettings): FormCells {
  return new FormCells(
    {
      sheet: "",
      cells: {},
      values: { ...figures },
      textCodes: [],
      percentCodes: [],
      invalidCodes: [],
      evidenceCells: {},
      evidence: {},
    },
    settings
  );
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

function concat(pieces: Expr[]): Expr {
  return {
    f: pieces.map((p) => p.f).join("&"),
    v: pieces.map((p) => (p.v === null ? "" : String(p.v))).join(""),
  };
}

const BLANK = "__";
const ROMAN = ["Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ"];

/** A figure as text, or 「__」 while `blank` holds (the national table's blank). */
function figureText(x: Expr, blank: Expr, digits: number, scale = 1): Expr {
  const body = scale === 1 ? x.f : `${x.f}*${scale}`;
  const pattern = digits === 0 ? "0" : `0.${"0".repeat(digits)}`;
  const v =
    blank.v || typeof x.v !== "number" ? BLANK : roundTo(x.v * scale, digits).toFixed(digits);
  return { f: `IF(${blank.f},"${BLANK}",TEXT(${body},"${pattern}"))`, v };
}

/** TRUE while the code's cell is blank (or holds text): a formula test that the cache agrees with. */
function blankTest(cells: FormCells, code: string): Expr {
  return anyBlank(cells, [code]);
}

/** `{G11-1}`: a count or 元 as an integer, 是/否, a level as Ⅰ–Ⅳ; 「__」 when blank or entered as a rate. */
function inputText(cells: FormCells, code: string): Expr {
  const input = countyInput(code);
  if (!input || cells.isPercent(code)) return str(BLANK);
  const r = cells.ref(code);
  if (input.kind === "yesno") {
    const y = yes(cells, code);
    return {
      f: `IF(${r.f}="","${BLANK}",IF(${y.f},"是","否"))`,
      v: r.v === null ? BLANK : r.v === true ? "是" : "否",
    };
  }
  if (input.kind === "level") {
    const n = typeof r.v === "number" ? r.v : null;
    return {
      // Nested IFs rather than CHOOSE: the functions Excel, WPS and LibreOffice all share.
      f: `IF(${r.f}="","${BLANK}",${ROMAN.slice(0, -1).reduceRight((rest, x, i) => `IF(${r.f}=${i + 1},"${x}",${rest})`, `"${ROMAN[ROMAN.length - 1]}"`)})`,
      v: n === null ? BLANK : (ROMAN[n - 1] ?? BLANK),
    };
  }
  return figureText(r, blankTest(cells, code), input.kind === "rate" ? 2 : 0);
}

/** `{A+B}`: a sum of inputs as an integer; 「__」 while any is blank or entered as a rate. */
function sumText(cells: FormCells, codes: readonly string[]): Expr {
  if (codes.some((c) => cells.isPercent(c))) return str(BLANK);
  return figureText(sum(cells, codes), anyBlank(cells, codes), 0);
}

/** `{r1%}` / `{r1}`: the item's n-th rate in % to one decimal (or a whole number), 「（填报比例）」 when entered. */
function rateText(cells: FormCells, rule: ItemRule, n: number, percent: boolean): Expr {
  const ratio = ratioRules(rule)[n - 1];
  const value = ratio ? ratioValue(cells, ratio) : null;
  if (!ratio || !value) return str(BLANK);
  const blank: Expr = { f: `${value.f}=""`, v: value.v === null };
  const text = figureText(value, blank, percent ? 1 : 0, percent ? 100 : 1);
  if (!percent) return text;
  const entered = ratio.rateInput !== undefined && cells.isPercent(ratio.rateInput);
  return concat([text, str(entered ? "%（填报比例）" : "%")]);
}

/** `{具备:G1}`: 已具备 / 未具备 from a 是/否 row. */
function readyText(cells: FormCells, code: string): Expr {
  const r = cells.ref(code);
  const y = yes(cells, code);
  return {
    f: `IF(${r.f}="","${BLANK}",IF(${y.f},"已具备","未具备"))`,
    v: r.v === null ? BLANK : r.v === true ? "已具备" : "未具备",
  };
}

/** `{佐证:G1}`: the document named in the row's 佐证材料, in brackets; nothing when none. */
function documentText(cells: FormCells, code: string): Expr {
  const form = cells.form;
  const at = form?.evidenceCells[code];
  if (!form || !at) return str("");
  const ref = sheetRef(form.sheet, at);
  const name = form.evidence[code] ?? "";
  return { f: `IF(${ref}="","","（"&${ref}&"）")`, v: name ? `（${name}）` : "" };
}

/** Q9's `{subjects}`: each subject given, as `subjectSentence`, joined with 「；」. */
function subjectsText(cells: FormCells, rule: ItemRule, fragment: string): Expr {
  if (rule.kind !== "levelAndRate") return str("");
  const pieces: Expr[] = [];
  for (const s of rule.subjects) {
    if (cells.blank(s.level) && cells.blank(s.rate)) continue;
    if (pieces.length) pieces.push(str("；"));
    pieces.push(
      ...fill(fragment, (token) =>
        token === "subject"
          ? str(s.name)
          : token === "level"
            ? inputText(cells, s.level)
            : token === "rate"
              ? inputText(cells, s.rate)
              : null
      )
    );
  }
  return pieces.length ? concat(pieces) : str(BLANK);
}

/** A template's text and placeholders as pieces; an unknown placeholder stays as written. */
function fill(template: string, token: (name: string) => Expr | null): Expr[] {
  const pieces: Expr[] = [];
  let at = 0;
  for (const m of template.matchAll(/\{([^{}]+)\}/g)) {
    if (m.index > at) pieces.push(str(template.slice(at, m.index)));
    pieces.push(token(m[1]) ?? str(m[0]));
    at = m.index + m[0].length;
  }
  if (at < template.length) pieces.push(str(template.slice(at)));
  return pieces;
}

/** Adjacent literal pieces merged, so the formula stays short. */
function joinLiterals(pieces: Expr[]): Expr[] {
  const out: Expr[] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    if (last && isLiteral(last) && isLiteral(p)) out[out.length - 1] = str(`${last.v}${p.v}`);
    else out.push(p);
  }
  return out;
}

const isLiteral = (e: Expr) => typeof e.v === "string" && e.f === str(e.v).f;

/**
 * The item's 指标值或简要结论 as 表Ⅳ / 表Ⅴ write it: the catalogue's sentence with the form's
 * figures filled in, as one live formula (TEXT over the form's cells, joined with &) and its
 * present value. Counts and 元 as integers, rates in % to one decimal; verdicts stay on the
 * unrounded values.
 *
 * @example
 * itemSentence(cells, COUNTY_ITEMS.find((i) => i.id === "G11")!).v;
 * // "全县符合交流轮岗条件教师总数1704名，上一年度交流轮岗教师173名，占比10.2%；交流轮岗的骨干教师78名，占交流轮岗教师总数的45.1%"
 */
export function itemSentence(cells: FormCells, item: CountyItem): Expr {
  const template = item.sentence ?? "";
  const pieces = fill(template, (token) => {
    const rate = /^r(\d)(%?)$/.exec(token);
    if (rate) return rateText(cells, item.rule, Number(rate[1]), rate[2] === "%");
    if (token === "subjects") return subjectsText(cells, item.rule, item.subjectSentence ?? "");
    const [kind, code] = token.includes(":") ? token.split(":") : ["", token];
    if (kind === "具备") return readyText(cells, code);
    if (kind === "佐证") return documentText(cells, code);
    if (code.includes("+")) return sumText(cells, code.split("+"));
    return countyInput(code) ? inputText(cells, code) : null;
  });
  const joined = joinLiterals(pieces);
  return joined.length ? concat(joined) : str("");
}

/**
 * What the sentence cell says while the item is 未核查: the form rows to fill.
 *
 * @example
 * fillPrompt(["G11-1", "G11-2", "G11-3"], true); // "未填报（请在县域指标表填写 G11-1、G11-2、G11-3）"
 */
export function fillPrompt(codes: readonly string[], hasForm: boolean): string {
  const list = codes.length > 4 ? `${codes[0]}…${codes[codes.length - 1]}` : codes.join("、");
  return `未填报（${hasForm ? "请在县域指标表填写" : "请插入县域指标表并填写"} ${list}）`;
}

/**
 * The sentence while the row's verdict is known, else the prompt: one formula over the verdict cell
 * of the same row, so the sentence follows the form like the verdict does.
 *
 * @example
 * sentenceOrPrompt({ f: '"已具备"', v: "已具备" }, { f: "D6", v: "未核查" }, "未填报（…）");
 * // { f: 'IF(D6="未核查","未填报（…）","已具备")', v: "未填报（…）" }
 */
export function sentenceOrPrompt(sentence: Expr, verdict: Expr, prompt: string): Expr {
  return {
    f: `IF(${verdict.f}="${UNCHECKED}",${str(prompt).f},${sentence.f})`,
    v: verdict.v === UNCHECKED ? prompt : sentence.v,
  };
}

function ratioRules(rule: ItemRule): Extract<ItemRule, { kind: "ratio" }>[] {
  if (rule.kind === "ratio") return [rule];
  if (rule.kind === "all") return rule.rules.flatMap(ratioRules);
  return [];
}
