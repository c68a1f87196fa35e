/** The schools of the live-advice tests (问题清单's 「整改所需」 as a formula). */
import type { CellValue } from "../../src/sheets/grid";

export const ADVICE_HEADER = [
  "学校名称",
  "在校生数",
  "高于规定学历教师数",
  "县级及以上骨干教师数",
  "体育、艺术专任教师数",
  "教学及辅助用房面积",
  "体育运动场馆面积",
  "教学仪器设备值（万元）",
  "网络多媒体教室数",
];
/** 短缺小学: L2 5 of 10 backbone teachers (below 85%), L3 8 of 9, L6 150 of 200 万元 (below 85%). */
export const SHORT_SCHOOL: CellValue[] = ["短缺小学", 1000, 60, 5, 8, 4500, 8000, 150, 30];
export const FINE_SCHOOL: CellValue[] = ["达标小学", 1000, 60, 10, 10, 4500, 8000, 250, 30];
/** A 九年一贯制 school whose shared 教学及辅助用房 is short for its 小学部. */
export const THROUGH_HEADER = [
  "学校名称",
  "小学在校生数",
  "初中在校生数",
  "高于规定学历教师数",
  "县级及以上骨干教师数",
  "体育、艺术专任教师数",
  "教学及辅助用房面积",
  "体育运动场馆面积",
  "教学仪器设备值（万元）",
  "网络多媒体教室数",
];
export const THROUGH_SCHOOL: CellValue[] = [
  "实验九年一贯制学校",
  600,
  400,
  80,
  12,
  12,
  4000,
  9000,
  250,
  35,
];
