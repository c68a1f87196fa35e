import {
  findStandard,
  percentOf,
  STAGES,
  type SchoolPartResult,
  type Stage,
  type Standard,
} from "../engine";
import type { ReportInput } from "./input";
import { uniqueSheetName } from "./sheetNames";

/** The sheet names of one plan: fixed names, with a declaration set per county. */
export interface PlanNames {
  summary: string;
  schools: string;
  cv: string;
  findings: string;
  diagnostics: string;
  /** One declaration set per county, in result.counties order. */
  declarations: {
    county: string;
    ii1: string;
    ii2: string;
    iii: string;
    i?: string;
    iv?: string;
    v?: string;
    vi?: string;
  }[];
  /** 佐证材料清单, when any county has the whole standard's items. */
  evidence?: string;
}

export interface ReportContext {
  input: ReportInput;
  standard: Standard;
  names: PlanNames;
  /** The counted parts by county and stage (key from partsKey), grouped once: see partsOf. */
  parts: Map<string, SchoolPartResult[]>;
}

const partsKey = (county: string, stage: Stage) => `${county}\u0000${stage}`;

/** Every sheet name the input names (the source sheets): plan sheets must not share one. */
function sourceSheetNames(input: ReportInput): Set<string> {
  const names = new Set<string>();
  for (const r of input.records) if (r.source?.sheet) names.add(r.source.sheet.toLowerCase());
  for (const t of input.read?.tables ?? []) names.add(t.sheet.toLowerCase());
  for (const s of input.read?.skipped ?? []) names.add(s.sheet.toLowerCase());
  for (const d of input.result.diagnostics) if (d.sheet) names.add(d.sheet.toLowerCase());
  return names;
}

/**
 * Names of the plan's sheets, distinct from each other and from every source sheet, so a quoted
 * reference in a formula names exactly one sheet (renameSheets relies on it).
 */
export function planNames(input: ReportInput): PlanNames {
  const taken = sourceSheetNames(input);
  const take = (name: string) => {
    const chosen = uniqueSheetName(name, taken);
    taken.add(chosen.toLowerCase());
    return chosen;
  };
  const several = input.result.counties.length > 1;
  const suffix = (county: string) => (several ? ` ${county || "未注明区县"}` : "");
  return {
    summary: take("审计总览"),
    schools: take("学校达标"),
    cv: take("差异系数"),
    findings: take("问题清单"),
    declarations: input.result.counties.map((c) => ({
      county: c.name,
      ii1: take(`表Ⅱ-1${suffix(c.name)}`),
      ii2: take(`表Ⅱ-2${suffix(c.name)}`),
      iii: take(`表Ⅲ${suffix(c.name)}`),
      ...(c.items.length > 0 && c.form
        ? {
            i: take(`表Ⅰ${suffix(c.name)}`),
            iv: take(`表Ⅳ${suffix(c.name)}`),
            v: take(`表Ⅴ${suffix(c.name)}`),
            vi: take(`表Ⅵ${suffix(c.name)}`),
          }
        : {}),
    })),
    ...(input.result.counties.some((c) => c.items.length > 0 && c.form)
      ? { evidence: take("佐证材料清单") }
      : {}),
    diagnostics: take("数据诊断"),
  };
}

export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportInputError";
  }
}

/** The school rule's floor as the sheets print it (a percent), from the standard's data; "" without a school rule. */
export function floorText(standard: Standard): string {
  const ratio = standard.schoolRule?.floorRatio;
  if (ratio === undefined) return "";
  // 备注 names it for every school of a city: formatted once per ratio.
  if (ratio !== lastFloor.ratio) lastFloor = { ratio, text: percentOf(ratio) };
  return lastFloor.text;
}

let lastFloor: { ratio: number; text: string } = { ratio: Number.NaN, text: "" };

export function reportContext(input: ReportInput): ReportContext {
  const standard = findStandard(input.result.standard.id);
  if (!standard)
    throw new ReportInputError(
      `审计结果使用了未知的评估标准「${input.result.standard.id}」，无法生成审计表。`
    );
  for (const part of input.result.schools) {
    if (!input.records[part.recordIndex]) {
      throw new ReportInputError(
        `审计结果中的学校「${part.name}」找不到对应的原始记录（第${part.recordIndex + 1}条）：请用同一批记录生成审计表。`
      );
    }
  }
  const parts = new Map<string, SchoolPartResult[]>();
  for (const part of input.result.schools) {
    const key = partsKey(part.county, part.stage);
    const group = parts.get(key);
    if (group) group.push(part);
    else parts.set(key, [part]);
  }
  return { input, standard, names: planNames(input), parts };
}

/** A county as users read it: "" (no county column) reads 「全县」. */
export function countyLabel(name: string): string {
  return name === "" ? "全县" : name;
}

/**
 * The counted parts of one county and stage, in input order. Grouped once in the context: a
 * national table has thousands of counties, and filtering every part for each was quadratic.
 */
export function partsOf(ctx: ReportContext, county: string, stage: Stage): SchoolPartResult[] {
  return ctx.parts.get(partsKey(county, stage)) ?? [];
}

export { STAGES };
