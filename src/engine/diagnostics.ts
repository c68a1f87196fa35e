import type { SchoolRecord } from "./types";
import { STAGE_NAMES, type Stage } from "./types";

export type DiagnosticLevel = "error" | "warning" | "info";

/** A finding about the input: which sheet and cell, and what was expected, in Chinese. */
export interface Diagnostic {
  level: DiagnosticLevel;
  /** Stable code for tests and filters, e.g. "engine.pupils-invalid". */
  code: string;
  /** Sheet name, or "" when the finding is not tied to a sheet. */
  sheet: string;
  /** A1 address, or "" when the finding is not tied to a cell. */
  cell: string;
  message: string;
}

const TEACHER_FIELDS: Record<string, string> = {
  fullTime: "专任教师数",
  aboveDegree: "高于规定学历教师数",
  "byDegree.associate": "专科学历教师数",
  "byDegree.bachelor": "本科学历教师数",
  "byDegree.master": "硕士学历教师数",
  "byDegree.doctor": "博士学历教师数",
  backbone: "县级及以上骨干教师数",
  peArts: "体育、艺术专任教师数",
  pe: "体育专任教师数",
  music: "音乐专任教师数",
  art: "美术专任教师数",
  arts: "艺术专任教师数",
  rotatingPeArts: "交流轮岗、兼职、走教体艺教师数",
  seniorTitle: "中级及以上职称教师数",
  total: "专任教师总数",
};

const FACILITY_FIELDS: Record<string, string> = {
  teachingArea: "教学及辅助用房面积",
  indoorSportsArea: "室内体育用房面积",
  sportsArea: "体育运动场馆面积",
  sportsHallArea: "体育馆面积",
  sportsGroundArea: "运动场地面积",
  extraSportsArea: "租用及改造运动场地面积",
  equipmentValue: "教学仪器设备值",
  multimediaRooms: "网络多媒体教室数",
  computers: "计算机台数",
  books: "图书册数",
  musicRooms: "音乐专用教室数",
  musicRoomArea: "音乐专用教室面积",
  artRooms: "美术专用教室数",
  artRoomArea: "美术专用教室面积",
};

/** A field path ("teachers.primary.backbone") as users read it ("小学县级及以上骨干教师数"). */
export function fieldLabel(path: string): string {
  const [group, second, ...rest] = path.split(".");
  const stageName = (s: string) => (s in STAGE_NAMES ? STAGE_NAMES[s as Stage] : s === "whole" ? "全校" : s);
  if (group === "teachers") return stageName(second) + (TEACHER_FIELDS[rest.join(".")] ?? rest.join("."));
  if (group === "facilities") return FACILITY_FIELDS[second] ?? second;
  if (group === "pupils") return `${stageName(second)}在校生数`;
  if (group === "given") return `${stageName(second)}${rest.join(".")}（表内已填）`;
  if (group === "seniorPupils") return "高中在校生数";
  return path;
}

/** The cell behind a field of a record, or "" when the reader did not say. */
export function cellOf(record: SchoolRecord, field?: string): string {
  const cells = record.source?.cells;
  if (!cells) return "";
  if (field && cells[field]) return cells[field];
  return cells.name ?? "";
}

/** How a record is named in messages: its name and, when known, where it sits. */
export function describeRecord(record: SchoolRecord): string {
  const name = record.name?.trim() || "（未命名学校）";
  return record.source ? `「${name}」（${record.source.sheet} 第${record.source.row}行）` : `「${name}」`;
}

export function recordDiagnostic(
  record: SchoolRecord,
  level: DiagnosticLevel,
  code: string,
  message: string,
  field?: string,
): Diagnostic {
  return { level, code, sheet: record.source?.sheet ?? "", cell: cellOf(record, field), message };
}

/** Formats a number for a message without float noise. */
export function formatNumber(x: unknown): string {
  if (typeof x !== "number") return String(x);
  if (!Number.isFinite(x)) return String(x);
  return String(Number(x.toFixed(4)));
}
