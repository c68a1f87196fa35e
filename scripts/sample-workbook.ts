import ExcelJS from "exceljs";
import type { SchoolRecord, Stage } from "../src/engine";
import { SAMPLE_COUNTY_NAME, SAMPLE_TARGETS, sampleCounty } from "./sample-county";
import { addSampleCountyForm } from "./sample-county-form";
import { sourceOf, writeCover, writeTable, type Column, type TableSpec } from "./sheet-layout";

/**
 * The sample county as a bureau keeps it: a cover sheet 「说明」, one sheet per stage
 * (「小学」, 「初中」) and a 「九年一贯制」 sheet with per-stage columns and shared facilities.
 */

export const SAMPLE_TITLE = `${SAMPLE_COUNTY_NAME}2023年义务教育学校资源配置情况统计表`;
const UNIT_LINE = `填报单位：${SAMPLE_COUNTY_NAME}教育局（盖章）　　　　　　单位：人、平方米、万元`;
const STAGE_LABEL: Record<Stage, string> = { primary: "小学", junior: "初中" };

const num = (x: number | undefined): number | null => (x === undefined ? null : x);
/** 元 → 万元 with the two decimals the statistics keep. */
const wanYuan = (yuan: number | undefined): number | null =>
  yuan === undefined ? null : Math.round(yuan / 100) / 100;

function facilityColumns(group: string): Column[] {
  return [
    {
      group,
      header: "教学及辅助用房面积（㎡）",
      key: "facilities.teachingArea",
      value: (r) => num(r.facilities?.teachingArea),
      total: true,
    },
    {
      group,
      header: "体育运动场（馆）面积（㎡）",
      key: "facilities.sportsArea",
      value: (r) => num(r.facilities?.sportsArea),
      total: true,
    },
    {
      group,
      header: "教学仪器设备总值（万元）",
      key: "facilities.equipmentValue",
      factor: 10000,
      value: (r) => wanYuan(r.facilities?.equipmentValue),
      numFmt: "0.00",
      total: true,
    },
    {
      group,
      header: "网络多媒体教室（间）",
      key: "facilities.multimediaRooms",
      value: (r) => num(r.facilities?.multimediaRooms),
      total: true,
    },
  ];
}

/** G3's rooms, after every other column so the earlier columns keep their cells. */
function roomColumns(group: string): Column[] {
  return [
    {
      group,
      header: "音乐专用教室（间）",
      key: "facilities.musicRooms",
      value: (r) => num(r.facilities?.musicRooms),
      total: true,
      width: 8,
    },
    {
      group,
      header: "音乐专用教室面积（㎡）",
      key: "facilities.musicRoomArea",
      value: (r) => num(r.facilities?.musicRoomArea),
      total: true,
    },
    {
      group,
      header: "美术专用教室（间）",
      key: "facilities.artRooms",
      value: (r) => num(r.facilities?.artRooms),
      total: true,
      width: 8,
    },
    {
      group,
      header: "美术专用教室面积（㎡）",
      key: "facilities.artRoomArea",
      value: (r) => num(r.facilities?.artRoomArea),
      total: true,
    },
  ];
}

function singleStageColumns(stage: Stage): Column[] {
  const s = (r: SchoolRecord) => r.stages[stage];
  const t = (r: SchoolRecord) => s(r)?.teachers;
  return [
    { header: "序号", value: (_r, i) => i + 1, width: 6 },
    { header: "学校名称", key: "name", value: (r) => r.name },
    { header: "学段", value: () => STAGE_LABEL[stage], width: 8 },
    { header: "办学性质", value: (r) => r.ownerLabel ?? null, width: 8 },
    {
      header: "在校学生数（人）",
      key: `pupils.${stage}`,
      value: (r) => num(s(r)?.pupils),
      total: true,
    },
    {
      header: "班级数",
      key: `classes.${stage}`,
      value: (r) => num(s(r)?.classes),
      total: true,
      width: 8,
    },
    {
      header: "最大班额（人）",
      key: `largestClass.${stage}`,
      value: (r) => num(s(r)?.largestClass),
      width: 8,
    },
    {
      group: "教师情况",
      header: "专任教师数",
      key: `teachers.${stage}.fullTime`,
      value: (r) => num(t(r)?.fullTime),
      total: true,
    },
    {
      group: "教师情况",
      header: "高于规定学历教师数",
      key: `teachers.${stage}.aboveDegree`,
      value: (r) => num(t(r)?.aboveDegree),
      total: true,
    },
    {
      group: "教师情况",
      header: "县级及以上骨干教师数",
      key: `teachers.${stage}.backbone`,
      value: (r) => num(t(r)?.backbone),
      total: true,
    },
    {
      group: "教师情况",
      header: "体育、艺术（音乐、美术）专任教师数",
      key: `teachers.${stage}.peArts`,
      value: (r) => num(t(r)?.peArts),
      total: true,
      width: 14,
    },
    ...facilityColumns("办学条件"),
    ...roomColumns("专用教室"),
  ];
}

function nineYearColumns(): Column[] {
  const perStage = (
    group: string,
    header: string,
    key: string,
    get: (r: SchoolRecord, st: Stage) => number | undefined,
    total = true
  ): Column[] =>
    (["primary", "junior"] as Stage[]).map((st) => ({
      group,
      header: `${STAGE_LABEL[st]}${header}`,
      key: key.replace("{stage}", st),
      value: (r: SchoolRecord) => num(get(r, st)),
      total,
    }));
  return [
    { header: "序号", value: (_r, i) => i + 1, width: 6 },
    { header: "学校名称", key: "name", value: (r) => r.name },
    { header: "学校类型", value: () => "九年一贯制", width: 10 },
    { header: "办学性质", value: (r) => r.ownerLabel ?? null, width: 8 },
    ...perStage("在校学生数（人）", "在校生数", "pupils.{stage}", (r, st) => r.stages[st]?.pupils),
    ...perStage("班级数", "班级数", "classes.{stage}", (r, st) => r.stages[st]?.classes),
    ...perStage(
      "最大班额（人）",
      "最大班额",
      "largestClass.{stage}",
      (r, st) => r.stages[st]?.largestClass,
      false
    ),
    ...perStage(
      "专任教师数",
      "专任教师数",
      "teachers.{stage}.fullTime",
      (r, st) => r.stages[st]?.teachers?.fullTime
    ),
    ...perStage(
      "高于规定学历教师数",
      "高于规定学历教师数",
      "teachers.{stage}.aboveDegree",
      (r, st) => r.stages[st]?.teachers?.aboveDegree
    ),
    ...perStage(
      "县级及以上骨干教师数",
      "县级及以上骨干教师数",
      "teachers.{stage}.backbone",
      (r, st) => r.stages[st]?.teachers?.backbone
    ),
    ...perStage(
      "体育、艺术（音乐、美术）专任教师数",
      "体育、艺术专任教师数",
      "teachers.{stage}.peArts",
      (r, st) => r.stages[st]?.teachers?.peArts
    ),
    ...facilityColumns("办学条件（全校共用）"),
    ...roomColumns("专用教室（全校共用）"),
  ];
}

const NOTES = [
  "注：1. 在校学生数为2023学年初具有学籍的学生数；2. 教学仪器设备总值按账面原值统计，单位万元；",
  "3. 九年一贯制学校的小学部、初中部见「九年一贯制」工作表，共用的校舍、场馆和设备按折算学生数分摊（1名初中生折合1.1名小学生）。",
];

/** The three data tables of the sample, with the records each lists. */
export function sampleCountyTables(): TableSpec[] {
  const { records } = sampleCounty();
  const of = (kind: SchoolRecord["kind"]) => records.filter((r) => r.kind === kind);
  return [
    {
      sheet: "小学",
      title: SAMPLE_TITLE,
      unitLine: UNIT_LINE,
      columns: singleStageColumns("primary"),
      records: of("primary"),
      notes: NOTES,
    },
    {
      sheet: "初中",
      title: SAMPLE_TITLE,
      unitLine: UNIT_LINE,
      columns: singleStageColumns("junior"),
      records: of("junior"),
      notes: NOTES,
    },
    {
      sheet: "九年一贯制",
      title: `${SAMPLE_COUNTY_NAME}2023年九年一贯制学校资源配置情况统计表`,
      unitLine: UNIT_LINE,
      columns: nineYearColumns(),
      records: of("nineYear"),
      notes: NOTES,
    },
  ];
}

/**
 * The sample's records with their source cells in the sample workbook (sheet, row, A1 cells, the
 * 万元 factor): what a perfect reader of assets/sample-county.xlsx would produce, in sheet order.
 */
export function sampleCountySourcedRecords(): SchoolRecord[] {
  return sampleCountyTables().flatMap((spec) =>
    spec.records.map((record, i) => ({ ...structuredClone(record), source: sourceOf(spec, i) }))
  );
}

const COVER_LINES = [
  `${SAMPLE_COUNTY_NAME}义务教育优质均衡发展督导评估——学校资源配置样例数据`,
  "",
  "本工作簿为虚构的样例数据，供「均衡督导助手」演示和测试使用，学校名称均为虚构。",
  "数据按杭州市滨江区2023年创建汇报公布的总量构造：义务教育学校34所（36个校区），其中小学20所（21个校区）、初级中学9所、九年一贯制学校5所（6个校区）；",
  `在校生${SAMPLE_TARGETS.pupils.primary + SAMPLE_TARGETS.pupils.junior}人（小学${SAMPLE_TARGETS.pupils.primary}人、初中${SAMPLE_TARGETS.pupils.junior}人），民办学校1所（${SAMPLE_TARGETS.privatePupils}人）；`,
  `专任教师${SAMPLE_TARGETS.teachers.primary + SAMPLE_TARGETS.teachers.junior}人（小学${SAMPLE_TARGETS.teachers.primary}人、初中${SAMPLE_TARGETS.teachers.junior}人）；7项资源配置指标所有学校均达标，综合差异系数小学${SAMPLE_TARGETS.compositeCv.primary}、初中${SAMPLE_TARGETS.compositeCv.junior}。`,
  "",
  "工作表：「小学」「初中」各校一行；「九年一贯制」每校区一行，分学段列出学生和教师，校舍、场馆、设备为全校共用。",
  "单位：人数为人，面积为平方米，教学仪器设备总值为万元。",
  "「县域指标」为政府保障程度、教育质量、社会认可度和一票否决的县级填报值：教师交流轮岗173人，占符合条件教师1704人的10.15%，其中骨干教师78人（45.09%）；",
  "符合条件的随迁子女8049人，在公办学校就读7736人（96.1%）；其余为合理的样例数值。",
];

/** The sample county workbook (not yet saved). */
export function sampleCountyWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "均衡督导助手样例生成器";
  workbook.created = new Date(Date.UTC(2023, 8, 1));
  workbook.modified = workbook.created;
  writeCover(workbook, "说明", COVER_LINES);
  for (const spec of sampleCountyTables()) writeTable(workbook, spec);
  addSampleCountyForm(workbook);
  return workbook;
}
