/**
 * The sample county's filled 「县域指标」, built to the seed district's published figures: teacher
 * rotation 10.15% of the eligible with backbone teachers 45.09% of those rotated (173 of 1704, 78 of
 * 173), migrant children 7736 of 8049 (96.1%) in public schools, 3224 full-time teachers (2078 + 1146).
 * Items the report does not state carry plausible values that pass.
 */
import type ExcelJS from "exceljs";
import { writePlan } from "../src/hosts/file";
import { buildCountyFormPlan } from "../src/report";
import { SAMPLE_TARGETS } from "./sample-county";

const teachers = SAMPLE_TARGETS.teachers.primary + SAMPLE_TARGETS.teachers.junior;

/** 填报值 and 佐证材料 per input code. */
export const SAMPLE_FORM: Record<string, { value: number | string; evidence?: string }> = {
  G1: { value: "是", evidence: "示范区中小学布局专项规划（2021—2035年）" },
  G2: { value: "是", evidence: "示范区城乡学校建设、编制、经费、装备标准统一的文件" },
  "G2-1": { value: 1000 },
  "G2-2": { value: 1200 },
  "G6-1": { value: 0 },
  "G6-2": { value: 0 },
  "G7-1": { value: 1_260_000 },
  "G7-2": { value: 150 },
  "G8-1": { value: 186_500 },
  "G8-2": { value: 178_200 },
  "G9-1": { value: 1_052 },
  "G9-2": { value: 1_052 },
  G10: { value: "是", evidence: "区教育局教职工编制和岗位统筹分配文件" },
  "G11-1": { value: 1704 },
  "G11-2": { value: 173 },
  "G11-3": { value: 78 },
  "G12-1": { value: teachers },
  "G12-2": { value: teachers },
  "G13-1": { value: 6120 },
  "G13-2": { value: 6120 },
  "G13-3": { value: 4188 },
  "G13-4": { value: 4060 },
  "G14-1": { value: 1350 },
  "G14-2": { value: 743 },
  "G14-3": { value: 186 },
  "G14-4": { value: "是", evidence: "示范区优质高中招生名额分配办法" },
  "G15-1": { value: 8049 },
  "G15-2": { value: 7736 },
  "G15-3": { value: 0 },
  "G15-4": { value: "是", evidence: "示范区农村留守儿童关爱保护工作方案" },
  "Q1-1": { value: 4012 },
  "Q1-2": { value: 1 },
  "Q1-3": { value: 3968 },
  "Q1-4": { value: 96 },
  "Q1-5": { value: 41 },
  "Q2-1": { value: 132 },
  "Q2-2": { value: 130 },
  Q3: { value: "是", evidence: "学校章程汇编；智慧教育建设报告" },
  "Q4-1": { value: SAMPLE_TARGETS.schools },
  "Q4-2": { value: SAMPLE_TARGETS.schools },
  Q5: { value: "是", evidence: "教师信息技术应用能力提升工程2.0验收报告" },
  Q6: { value: "是", evidence: "德育工作和校园文化建设评估报告" },
  Q7: { value: "是", evidence: "课程实施情况督导报告" },
  Q8: { value: "是", evidence: "作业管理和课后服务情况报告" },
  "Q9-1": { value: "Ⅳ" },
  "Q9-2": { value: 0.08 },
  "Q9-3": { value: "Ⅳ" },
  "Q9-4": { value: 0.09 },
  "Q9-5": { value: "Ⅲ" },
  "Q9-6": { value: 0.11 },
  "Q9-7": { value: "Ⅲ" },
  "Q9-8": { value: 0.12 },
  "Q9-9": { value: "Ⅲ" },
  "Q9-10": { value: 0.13 },
  "Q9-11": { value: "Ⅳ" },
  "Q9-12": { value: 0.07 },
  "S1-5": { value: 2200 },
  "S1-1": { value: 2150 },
  "S1-2": { value: 2107 },
  "S1-3": { value: 120 },
  "S1-4": { value: 117 },
  "S1-6": { value: 1500 },
  "S1-7": { value: 1468 },
  "S1-8": { value: 1440 },
  "S1-9": { value: 80 },
  "S1-10": { value: 78 },
  V1: { value: "否" },
  V2: { value: "否" },
  V3: { value: "否" },
  V4: { value: "否" },
  V5: { value: "否" },
  V6: { value: "否", evidence: "数据真实性承诺书" },
};

/**
 * Adds the blank form to the workbook (as the pane's button would: a user sheet, not the audit's)
 * and fills 填报值 and 佐证材料 from SAMPLE_FORM.
 */
export function addSampleCountyForm(workbook: ExcelJS.Workbook): void {
  const views = workbook.views;
  writePlan(workbook, buildCountyFormPlan(), { owned: false });
  workbook.views = views; // the cover stays the sheet shown on opening
  const ws = workbook.getWorksheet("县域指标")!;
  ws.eachRow((row) => {
    const code = row.getCell(1).value;
    const entry = typeof code === "string" ? SAMPLE_FORM[code] : undefined;
    if (!entry) return;
    row.getCell(4).value = entry.value;
    if (entry.evidence) row.getCell(6).value = entry.evidence;
  });
}
