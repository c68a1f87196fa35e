/**
 * A city- or province-sized workbook for `npm run bench`: `schools` school parts on one sheet
 * 「全市学校」 with 区县 and 学段 columns, laid out as a bureau keeps it (merged title, a
 * 「填报单位…单位：人、平方米、万元」 line, a 2-row header with merged groups, one row per school,
 * a 合计 row of SUM formulas, a 「注：」 footnote). Deterministic: the same size and seed give
 * the same file. Run: npx tsx scripts/big-workbook.ts out.xlsx [schools]
 */
import ExcelJS from "exceljs";
import type { SchoolRecord, Stage } from "../src/engine";
import { mulberry32 } from "./prng";
import { writeTable, type Column, type TableSpec } from "./sheet-layout";

/** The size the bench audits by default: a province re-checking all its counties. */
export const DEFAULT_BIG_SCHOOLS = 20_000;
/** School parts per county: a large county (the bureaus audit 30–300). */
export const SCHOOLS_PER_COUNTY = 300;
export const BIG_SHEET = "全市学校";

const STAGE_LABEL: Record<Stage, string> = { primary: "小学", junior: "初中" };

/**
 * `schools` single-stage school records spread around the 2017 thresholds (most pass, some fall
 * short), two primary parts for every junior one, 300 to a county.
 *
 * @example
 * bigCountyRecords(3).map((r) => r.kind); // ["primary", "primary", "junior"]
 */
export function bigCountyRecords(schools: number, seed = 20_000): SchoolRecord[] {
  const random = mulberry32(seed);
  const records: SchoolRecord[] = [];
  for (let i = 0; i < schools; i++) {
    const stage: Stage = i % 3 === 2 ? "junior" : "primary";
    // Within the G4 size limit (2000) and the G5 class-size limits (45 / 50).
    const pupils = 60 + Math.floor(random() * 1940);
    // A school's level relative to the threshold: 0.8–1.6, so a few schools miss an indicator.
    const f = () => 0.8 + random() * 0.8;
    const per100 = (rate: number) => Math.max(0, Math.round((rate * f() * pupils) / 100));
    const aboveDegree = per100(stage === "primary" ? 5 : 6.2);
    const fullTime = aboveDegree + per100(1.5);
    const county = Math.floor(i / SCHOOLS_PER_COUNTY) + 1;
    records.push({
      name: `${county}县第${(i % SCHOOLS_PER_COUNTY) + 1}${stage === "primary" ? "小学" : "初级中学"}`,
      county: `第${county}县`,
      kind: stage,
      stages: {
        [stage]: {
          pupils,
          classes: Math.max(1, Math.round(pupils / 42)),
          largestClass: (stage === "primary" ? 36 : 40) + Math.floor(random() * 10),
          teachers: { fullTime, aboveDegree, backbone: per100(1.2), peArts: per100(1.05) },
        },
      },
      facilities: {
        teachingArea: Math.round((stage === "primary" ? 5.3 : 6.8) * f() * pupils),
        sportsArea: Math.round((stage === "primary" ? 8.8 : 12) * f() * pupils),
        // Whole 元 hundreds, so the sheet's 万元 with two decimals is exact.
        equipmentValue:
          Math.round(((stage === "primary" ? 2400 : 3000) * f() * pupils) / 100) * 100,
        multimediaRooms: per100(2.8),
      },
    });
  }
  return records;
}

const num = (x: number | undefined): number | null => (x === undefined ? null : x);

/** One row per school part: 区县, 学校名称, 学段, counts, 教师情况 and 办学条件 groups. */
export function bigColumns(): Column[] {
  const stageOf = (r: SchoolRecord): Stage => (r.stages.primary ? "primary" : "junior");
  const s = (r: SchoolRecord) => r.stages[stageOf(r)];
  const t = (r: SchoolRecord) => s(r)?.teachers;
  return [
    { header: "序号", value: (_r, i) => i + 1, width: 8 },
    { header: "区县", value: (r) => r.county ?? null, width: 10 },
    { header: "学校名称", value: (r) => r.name, width: 24 },
    { header: "学段", value: (r) => STAGE_LABEL[stageOf(r)], width: 8 },
    { header: "在校学生数（人）", value: (r) => num(s(r)?.pupils), total: true },
    { header: "班级数", value: (r) => num(s(r)?.classes), total: true, width: 8 },
    { header: "最大班额（人）", value: (r) => num(s(r)?.largestClass), width: 8 },
    { group: "教师情况", header: "专任教师数", value: (r) => num(t(r)?.fullTime), total: true },
    {
      group: "教师情况",
      header: "高于规定学历教师数",
      value: (r) => num(t(r)?.aboveDegree),
      total: true,
    },
    {
      group: "教师情况",
      header: "县级及以上骨干教师数",
      value: (r) => num(t(r)?.backbone),
      total: true,
    },
    {
      group: "教师情况",
      header: "体育、艺术（音乐、美术）专任教师数",
      value: (r) => num(t(r)?.peArts),
      total: true,
      width: 14,
    },
    {
      group: "办学条件",
      header: "教学及辅助用房面积（㎡）",
      value: (r) => num(r.facilities?.teachingArea),
      total: true,
    },
    {
      group: "办学条件",
      header: "体育运动场（馆）面积（㎡）",
      value: (r) => num(r.facilities?.sportsArea),
      total: true,
    },
    {
      group: "办学条件",
      header: "教学仪器设备总值（万元）",
      value: (r) =>
        r.facilities?.equipmentValue === undefined ? null : r.facilities.equipmentValue / 10000,
      numFmt: "0.00",
      total: true,
    },
    {
      group: "办学条件",
      header: "网络多媒体教室（间）",
      value: (r) => num(r.facilities?.multimediaRooms),
      total: true,
    },
  ];
}

/**
 * The big workbook (not yet saved): one sheet of `schools` school parts.
 *
 * @example
 * await bigCountyWorkbook(20_000).xlsx.writeFile("/tmp/big.xlsx");
 */
export function bigCountyWorkbook(schools = DEFAULT_BIG_SCHOOLS, seed?: number): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "均衡督导助手基准测试";
  workbook.created = new Date(Date.UTC(2024, 8, 1));
  workbook.modified = workbook.created;
  const spec: TableSpec = {
    sheet: BIG_SHEET,
    title: "某市2024年义务教育学校资源配置情况统计表",
    unitLine: "填报单位：某市教育局（盖章）　　　　　　单位：人、平方米、万元",
    columns: bigColumns(),
    records: bigCountyRecords(schools, seed),
    notes: ["注：本表为基准测试生成的虚构数据，学校名称均为虚构。"],
  };
  writeTable(workbook, spec);
  return workbook;
}

if (require.main === module) {
  const [out, size] = process.argv.slice(2);
  if (!out) {
    console.error("usage: npx tsx scripts/big-workbook.ts out.xlsx [schools]");
    process.exit(2);
  }
  bigCountyWorkbook(size ? Number(size) : DEFAULT_BIG_SCHOOLS)
    .xlsx.writeFile(out)
    .then(() => console.log(`wrote ${out}`));
}
