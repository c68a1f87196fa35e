import {
  isCount,
  THROUGH_TRAIN_WEIGHTS,
  type IndicatorDetail,
  type IndicatorSpec,
  type SchoolRecord,
  type Stage,
} from "../engine";
import { numberLiteral } from "./refs";
import { fieldTerm, type Term } from "./sourceTerms";

/**
 * The stage's pupils field, spelt once: a field looked up by a freshly joined name is hashed anew
 * for every school and indicator.
 */
const PUPILS_FIELD: Record<Stage, string> = { primary: "pupils.primary", junior: "pupils.junior" };

/** A value with the formula that recomputes it, or a literal when nothing can be referenced. */
export interface LiveValue {
  formula?: string;
  value: number | null;
}

function weighted(term: Term, weight: number): string {
  return weight === 1 ? term.expr : `${term.expr}*${numberLiteral(weight)}`;
}

/**
 * The stage's share of shared facilities as a formula over the school's pupil cells:
 * 九年一贯制 junior part `(B*1.1/(A+B*1.1))` with A, B the primary and junior pupils; senior
 * pupils weigh 1.32. Mirrors the engine's stageShare: unusable pupil figures weigh nothing.
 */
export function shareFormula(
  record: SchoolRecord,
  stage: Stage
): { expr: string; live: boolean } | null {
  const parts: { key: "primary" | "junior" | "senior"; term: Term }[] = [];
  const add = (key: "primary" | "junior" | "senior", field: string, value: unknown) => {
    if (!isCount(value)) return;
    const term = fieldTerm(record, field);
    if (term) parts.push({ key, term });
  };
  add("primary", "pupils.primary", record.stages.primary?.pupils);
  add("junior", "pupils.junior", record.stages.junior?.pupils);
  add("senior", "seniorPupils", record.seniorPupils);
  const own = parts.find((p) => p.key === stage);
  if (!own) return null;
  const sum = parts.map((p) => weighted(p.term, THROUGH_TRAIN_WEIGHTS[p.key])).join("+");
  return {
    expr: `(${weighted(own.term, THROUGH_TRAIN_WEIGHTS[stage])}/(${sum}))`,
    live: parts.some((p) => p.term.live),
  };
}

/**
 * The value as a literal, made only where it is the answer (a city's schools take the formula
 * path hundreds of thousands of times).
 */
function literal(detail: IndicatorDetail): LiveValue {
  return { value: detail.value };
}

/**
 * The formula of one school part's indicator value over the source cells, rendered from the terms
 * the engine used (its fields, those it subtracted, whether it split them by the part's share),
 * with the engine's value as its cached result: `'小学'!E5*100/'小学'!C5`; sums for composite columns
 * (`('小学'!F5+'小学'!G5+'小学'!H5)*100/'小学'!C5`), 室内体育用房 subtracted, ×10000 for 万元
 * columns, and a through-train part's share of shared facilities as a formula over both stages'
 * pupils. A value taken from the sheet (`given`) references its cell. Where no cell can be
 * referenced (text cells, no source) the figure enters as a literal; when nothing is referenced
 * at all, the value is written as a literal: never a formula that would recompute to another number.
 *
 * @example
 * indicatorValue(record, "primary", L1, detail); // L1 of a 小学 row
 * // { formula: "'小学'!D4*100/'小学'!C4", value: 4.5 }
 */
export function indicatorValue(
  record: SchoolRecord,
  stage: Stage,
  spec: IndicatorSpec,
  detail: IndicatorDetail
): LiveValue {
  if (detail.value === null) return literal(detail);

  if (detail.from === "given") {
    const term = fieldTerm(record, detail.fields[0]);
    return term?.live ? { formula: term.expr, value: detail.value } : literal(detail);
  }
  if (detail.from !== "counts" || detail.fields.length === 0) return literal(detail);

  const terms: string[] = [];
  let live = false;
  // Indexed, not for…of: a city's schools come here hundreds of thousands of times, and the
  // iterator's result objects were some 11 MB of garbage per city audit.
  for (let f = 0; f < detail.fields.length; f++) {
    const field = detail.fields[f];
    const term = fieldTerm(record, field);
    if (!term) return literal(detail); // the engine used a figure we cannot see: do not guess
    live ||= term.live;
    const sign = detail.subtracted.includes(field) ? "-" : "+";
    terms.push(terms.length === 0 && sign === "+" ? term.expr : `${sign}${term.expr}`);
  }
  let numerator = terms.length > 1 ? `(${terms.join("")})` : terms[0];

  if (detail.split) {
    const shareExpr = shareFormula(record, stage);
    if (!shareExpr) return literal(detail);
    live ||= shareExpr.live;
    numerator += `*${shareExpr.expr}`;
  }
  if (spec.scale !== 1) numerator += `*${numberLiteral(spec.scale)}`;

  const pupils = fieldTerm(record, PUPILS_FIELD[stage]);
  if (!pupils) return literal(detail);
  live ||= pupils.live;
  if (!live) return literal(detail);
  const denominator = pupils.compound ? `(${pupils.expr})` : pupils.expr;
  return { formula: `${numerator}/${denominator}`, value: detail.value };
}

/** A part's pupils as a reference to its source cell, or the literal count. */
export function pupilsValue(record: SchoolRecord, stage: Stage, students: number): LiveValue {
  const term = fieldTerm(record, PUPILS_FIELD[stage]);
  return term?.live ? { formula: term.expr, value: students } : { value: students };
}
