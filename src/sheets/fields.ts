import type { Stage } from "../engine/types";

/** A field the reader knows: "name", "pupils", "pupils.primary", "teachers.junior.backbone" … */
export type FieldId = string;

/** Fields whose cells are text (names, codes); all others are numbers. */
export const TEXT_FIELDS: ReadonlySet<string> = new Set(["name", "code", "county", "owner", "stage", "seq", "remarks", "selfVerdict"]);

/** Fields that belong to a stage: a header may name it (「小学在校生数」) or the row decides. */
const STAGED_GROUPS = new Set(["pupils", "classes", "grades", "largestClass", "classSizeBands", "teachers", "given"]);

const BASE_LABELS: Record<string, string> = {
  name: "学校名称",
  code: "学校代码",
  county: "区县",
  owner: "举办者类型",
  stage: "学段",
  seq: "序号",
  remarks: "备注",
  selfVerdict: "该校综合评估是否达标",
  pupils: "在校生数",
  seniorPupils: "高中在校生数",
  classes: "班级数",
  grades: "年级数",
  largestClass: "最大班额",
  "teachers.fullTime": "专任教师数",
  "teachers.aboveDegree": "高于规定学历教师数",
  "teachers.byDegree.associate": "专科学历教师数",
  "teachers.byDegree.bachelor": "本科学历教师数",
  "teachers.byDegree.master": "硕士（研究生）学历教师数",
  "teachers.byDegree.doctor": "博士学历教师数",
  "teachers.backbone": "县级及以上骨干教师数",
  "teachers.peArts": "体育、艺术专任教师数",
  "teachers.pe": "体育专任教师数",
  "teachers.music": "音乐专任教师数",
  "teachers.art": "美术专任教师数",
  "teachers.arts": "艺术专任教师数",
  "teachers.rotatingPeArts": "交流轮岗、兼职、走教体艺教师数",
  "teachers.seniorTitle": "中级及以上职称教师数",
  "facilities.teachingArea": "教学及辅助用房面积",
  "facilities.indoorSportsArea": "其中：室内体育用房面积",
  "facilities.sportsArea": "体育运动场馆面积",
  "facilities.sportsHallArea": "体育馆面积",
  "facilities.sportsGroundArea": "运动场地面积",
  "facilities.equipmentValue": "教学仪器设备值",
  "facilities.multimediaRooms": "网络多媒体教室数",
  "facilities.computers": "计算机台数",
  "facilities.books": "图书册数",
  "facilities.musicRooms": "音乐专用教室数",
  "facilities.musicRoomArea": "音乐专用教室面积",
  "facilities.artRooms": "美术专用教室数",
  "facilities.artRoomArea": "美术专用教室面积",
  "given.L1": "每百名学生拥有高于规定学历教师数（表内值）",
  "given.L2": "每百名学生拥有县级及以上骨干教师数（表内值）",
  "given.L3": "每百名学生拥有体育、艺术专任教师数（表内值）",
  "given.L4": "生均教学及辅助用房面积（表内值）",
  "given.L5": "生均体育运动场馆面积（表内值）",
  "given.L6": "生均教学仪器设备值（表内值）",
  "given.L7": "每百名学生拥有网络多媒体教室数（表内值）",
  "given.B4": "每百名学生拥有计算机台数（表内值）",
  "given.B5": "生均图书册数（表内值）",
};

/** Class-size bands listed for the override dropdowns; headers may name others. */
const COMMON_BANDS = ["46-50", "51-55", "56-65", "56-", "66-"];

const STAGE_LABEL: Record<Stage, string> = { primary: "小学", junior: "初中" };

/** A field id split into its base ("teachers.backbone") and the stage it names, if any. */
export interface ParsedField {
  base: string;
  stage?: Stage;
}

/**
 * Splits a field id: "teachers.primary.backbone" → { base: "teachers.backbone", stage: "primary" }.
 *
 * @example
 * parseFieldId("pupils.junior"); // { base: "pupils", stage: "junior" }
 */
export function parseFieldId(id: FieldId): ParsedField {
  const parts = id.split(".");
  if (STAGED_GROUPS.has(parts[0]) && (parts[1] === "primary" || parts[1] === "junior")) {
    return { base: [parts[0], ...parts.slice(2)].join("."), stage: parts[1] };
  }
  return { base: id };
}

/** True when the field belongs to a stage (so an unstaged column takes the row's stage). */
export function isStagedBase(base: string): boolean {
  return STAGED_GROUPS.has(base.split(".")[0]);
}

/**
 * The record's field path (SourceRef.cells key) of a base field for a stage, or "whole" for
 * teachers given for a whole through-train school.
 *
 * @example
 * fieldPath("teachers.backbone", "junior"); // "teachers.junior.backbone"
 * fieldPath("pupils", "primary"); // "pupils.primary"
 * fieldPath("facilities.teachingArea"); // "facilities.teachingArea"
 */
export function fieldPath(base: string, stage?: Stage | "whole"): string {
  if (!stage || !isStagedBase(base)) return base;
  const [group, ...rest] = base.split(".");
  return [group, stage, ...rest].join(".");
}

/** A field id for a base and an optional stage: ("given.L1", "primary") → "given.primary.L1". */
export function fieldIdOf(base: string, stage?: Stage): FieldId {
  return stage ? fieldPath(base, stage) : base;
}

function bandLabel(band: string): string {
  const [min, max] = band.split("-");
  return max ? `班额${min}-${max}人班级数` : `班额${min}人以上班级数`;
}

/** The Chinese name of a field id, for the task pane and messages. */
export function fieldLabelOf(id: FieldId): string {
  const { base, stage } = parseFieldId(id);
  const prefix = stage ? STAGE_LABEL[stage] : "";
  if (base.startsWith("classSizeBands.")) return prefix + bandLabel(base.slice("classSizeBands.".length));
  return prefix + (BASE_LABELS[base] ?? base);
}

/** True when the reader knows what to do with this field id (used to check overrides). */
export function isKnownField(id: FieldId): boolean {
  const { base } = parseFieldId(id);
  if (base.startsWith("classSizeBands.")) return /^\d+-\d*$/.test(base.slice("classSizeBands.".length));
  return base in BASE_LABELS;
}

function allFields(): { id: FieldId; label: string }[] {
  const bases = [...Object.keys(BASE_LABELS), ...COMMON_BANDS.map((b) => `classSizeBands.${b}`)];
  const ids: FieldId[] = [];
  for (const base of bases) {
    ids.push(base);
    if (isStagedBase(base)) ids.push(fieldIdOf(base, "primary"), fieldIdOf(base, "junior"));
  }
  return ids.map((id) => ({ id, label: fieldLabelOf(id) }));
}

/** Every field the reader knows, for the task pane's override dropdowns. */
export const FIELDS: ReadonlyArray<{ id: FieldId; label: string }> = Object.freeze(allFields());
