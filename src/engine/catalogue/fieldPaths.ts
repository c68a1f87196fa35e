/**
 * Field ids and record paths, read against the catalogue: which field a path names, its label in
 * Chinese or English, its unit, and the record's figure behind it. The reader, the engine, the
 * report and the pane all go through these, so a field added to the catalogue is known everywhere.
 */
import type { SchoolRecord, Stage } from "../types";
import { FIELD_DEFS, type FieldDef, type FieldUnit } from "./fields";
import type { Bilingual } from "./settings";

type Language = keyof Bilingual;

const BY_ID = new Map(FIELD_DEFS.map((f) => [f.id, f]));

/** The field with this base id ("teachers.backbone"), or undefined. */
export function findField(id: string): FieldDef | undefined {
  return BY_ID.get(id);
}

const groupOf = (id: string) => id.split(".")[0];

/** Groups whose fields belong to a stage: "pupils", "teachers", "given", "classes" … */
const STAGED_GROUPS = new Set(FIELD_DEFS.filter((f) => f.staged).map((f) => groupOf(f.id)));

const STAGE_LABELS: Record<Stage | "whole", Bilingual> = {
  primary: { zh: "小学", en: "Primary " },
  junior: { zh: "初中", en: "Junior " },
  whole: { zh: "全校", en: "Whole-school " },
};

/** A field id (or record path) split into its base and the stage (or "whole") it names. */
export interface ParsedField {
  base: string;
  stage?: Stage;
  /** Teachers given for the whole through-train school ("teachers.whole.pe"). */
  whole?: boolean;
}

/**
 * Splits a field id or record path: "teachers.primary.backbone" → { base: "teachers.backbone", stage: "primary" }.
 *
 * @example
 * parseFieldId("pupils.junior"); // { base: "pupils", stage: "junior" }
 * parseFieldId("teachers.whole.pe"); // { base: "teachers.pe", whole: true }
 */
export function parseFieldId(id: string): ParsedField {
  const parts = id.split(".");
  if (STAGED_GROUPS.has(parts[0])) {
    const base = [parts[0], ...parts.slice(2)].join(".");
    if (parts[1] === "primary" || parts[1] === "junior") return { base, stage: parts[1] };
    if (parts[1] === "whole") return { base, whole: true };
  }
  return { base: id };
}

/** True when the field belongs to a stage (so an unstaged column takes the row's stage). */
export function isStagedBase(base: string): boolean {
  return STAGED_GROUPS.has(groupOf(base));
}

/**
 * The record's path (SourceRef.cells key) of a base field for a stage, or "whole" for teachers
 * given for a whole through-train school.
 *
 * @example
 * fieldPath("teachers.backbone", "junior"); // "teachers.junior.backbone"
 * fieldPath("facilities.teachingArea", "junior"); // "facilities.teachingArea"
 */
export function fieldPath(base: string, stage?: Stage | "whole"): string {
  if (!stage || !isStagedBase(base)) return base;
  const [group, ...rest] = base.split(".");
  return [group, stage, ...rest].join(".");
}

/** The unit of a field's figures in the engine (元, m², 册, counts, text), or undefined when unknown. */
export function fieldUnit(base: string): FieldUnit | undefined {
  if (base.startsWith("classSizeBands.")) return "count";
  return findField(base)?.unit;
}

/** True for the identity columns (names, codes, 学段 …) whose cells are text. */
export function isTextField(base: string): boolean {
  return fieldUnit(base) === "text";
}

const BAND = /^classSizeBands\.(\d+)-(\d*)$/;

/** True when the reader knows what to do with this field id (used to check overrides). */
export function isKnownField(id: string): boolean {
  const { base } = parseFieldId(id);
  if (base.startsWith("classSizeBands.")) return BAND.test(base);
  return BY_ID.has(base);
}

function baseLabel(base: string, lang: Language): string {
  const band = BAND.exec(base);
  if (band) {
    const [, min, max] = band;
    if (lang === "en")
      return max ? `Classes of ${min}–${max} pupils` : `Classes of ${min} or more pupils`;
    return max ? `班额${min}-${max}人班级数` : `班额${min}人以上班级数`;
  }
  return findField(base)?.label[lang] ?? base;
}

/**
 * A field id or record path as users read it: 「小学县级及以上骨干教师数」, 「全校体育专任教师数」.
 *
 * @example
 * fieldLabelOf("teachers.junior.backbone"); // "初中县级及以上骨干教师数"
 * fieldLabelOf("pupils.primary", "en"); // "Primary Pupils"
 */
export function fieldLabelOf(id: string, lang: Language = "zh"): string {
  const { base, stage, whole } = parseFieldId(id);
  const owner = whole ? "whole" : stage;
  return (owner ? STAGE_LABELS[owner][lang] : "") + baseLabel(base, lang);
}

function dig(node: unknown, keys: readonly string[]): unknown {
  // An index loop: readers run over every record of a province (no iterator per call).
  for (let i = 0; i < keys.length; i++) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[keys[i]];
  }
  return node;
}

/**
 * The record's figure behind a record path ("teachers.primary.byDegree.bachelor",
 * "facilities.equipmentValue", "pupils.junior", "given.primary.L1", "teachers.whole.pe"), in the
 * engine's units, or undefined.
 *
 * @example
 * fieldValueAt({ name: "甲", kind: "primary", stages: { primary: { pupils: 500 } } }, "pupils.primary"); // 500
 */
export function fieldValueAt(record: SchoolRecord, path: string): unknown {
  let read = READERS.get(path);
  if (!read) READERS.set(path, (read = fieldReader(path)));
  return read(record);
}

/** Readers by path: the paths are the catalogue's fields by stage, a bounded set. */
const READERS = new Map<string, (record: SchoolRecord) => unknown>();

/**
 * fieldValueAt with the path parsed once: for reading the same path from many records.
 *
 * @example
 * const extra = fieldReader("facilities.extraSportsArea");
 * records.filter((r) => extra(r) !== undefined);
 */
export function fieldReader(path: string): (record: SchoolRecord) => unknown {
  const { base, stage, whole } = parseFieldId(path);
  const [group, ...rest] = base.split(".");
  if (!isStagedBase(base)) {
    if (group === "facilities") return (record) => dig(record.facilities, rest);
    return (record) => (record as unknown as Record<string, unknown>)[base];
  }
  if (whole)
    return (record) => (group === "teachers" ? dig(record.wholeSchoolTeachers, rest) : undefined);
  const given = rest.join(".");
  return (record) => {
    const figures = stage ? record.stages[stage] : undefined;
    if (!figures) return undefined;
    if (rest.length === 0) return (figures as Record<string, unknown>)[group];
    if (group === "given") return figures.given?.[given];
    return dig((figures as Record<string, unknown>)[group], rest);
  };
}
