/**
 * Every record field the audit knows, defined once: its id, its Chinese and English label, its
 * unit, whether it belongs to a stage, and the header wordings the sheet reader recognises. The
 * reader builds its vocabulary from this list, the engine and the report name fields by it, and
 * the task pane offers it in the mapping dropdowns.
 *
 * A field's id is its base path: "teachers.backbone", "facilities.equipmentValue", "pupils".
 * A staged field's record path puts the stage after the group: "teachers.primary.backbone",
 * "pupils.junior"; teachers given for a whole through-train school are "teachers.whole.…".
 */
import type { Bilingual } from "./settings";

/**
 * What a field's figures measure, in the engine's units: money in 元 and areas in m² (a 万元 or
 * 万平方米 column is converted on reading), books in 册, people (pupils, teachers), rooms, devices,
 * classes; "count" for a plain number (a held ratio per 100 pupils, a grade count), "text" for names.
 * A unit written in a cell must measure the same (「12人」 is no area).
 */
export type FieldUnit =
  "text" | "count" | "people" | "rooms" | "devices" | "classes" | "money" | "area" | "books";

/**
 * A header wording: `re` must match the header (the leaf cell, or the whole flattened header for
 * grouped headers); `ctx`, when given, must also hold on the whole flattened header; `not` must
 * not hold on the text tested. `conf` is how sure the match is (1 = the field's own name).
 */
export interface HeaderWording {
  re: RegExp;
  ctx?: RegExp;
  not?: RegExp;
  conf: number;
}

export interface FieldDef {
  id: string;
  label: Bilingual;
  unit: FieldUnit;
  /** Belongs to a stage: a header may name it (「小学在校生数」), else the row's stage decides. */
  staged?: boolean;
  /**
   * Header wordings, tried in the catalogue's order across all fields (most specific first):
   * a ratio the bureau computed itself (`heldRatio`) is tried before counts and areas.
   */
  wordings: readonly HeaderWording[];
  /** An indicator's value the sheet already holds (生均…, 每百名…), per pupil in `unit`. */
  heldRatio?: boolean;
  /** The setting without which the engine does not count this field (it is still read and shown). */
  countedWhen?: string;
}

/** How sure a header match is when it comes from the whole grouped header, not the leaf cell. */
export const HEADER_CONFIDENCE = {
  grouped: 0.85,
  ratioFromGroup: 0.9,
  bracketsDropped: 0.95,
} as const;

const TEACHER = /教师|教工|专任|师资/;
/** 学校名称 as headers word it; also tells a header repeated among the rows. */
export const NAME_HEADER =
  /^(学校|校名|单位|学校全称|学校\(校区\)|学校\(单位\))(名称|全称)?$|^学校.{0,6}名称$|^名称$/;

/** Words that make a header a bureau's own ratio (生均…, 每百名学生…), not a count. */
export const RATIO_WORDS = /生均|每百|百名学生/;

/** Words that make a header a share or a rate (占比, 比例, 覆盖率, %): never a count, whatever figure it names. */
export const SHARE_WORDS = /占比|比例|比率|率|%|百分比/;

const text = (id: string, zh: string, en: string, wordings: HeaderWording[]): FieldDef => ({
  id,
  label: { zh, en },
  unit: "text",
  wordings,
});

/** Ratios a bureau computed itself: 生均… and 每百名学生… columns, cross-checked against the counts. */
const RATIOS: FieldDef[] = (
  [
    [
      "L1",
      "每百名学生拥有高于规定学历教师数",
      "Teachers above the required degree per 100 pupils",
      "count",
      /(每百|百名).*(高于规定学历|高学历|规定学历)/,
    ],
    [
      "L2",
      "每百名学生拥有县级及以上骨干教师数",
      "Backbone teachers per 100 pupils",
      "count",
      /(每百|百名).*骨干/,
    ],
    [
      "L3",
      "每百名学生拥有体育、艺术专任教师数",
      "PE and arts teachers per 100 pupils",
      "count",
      /(每百|百名).*(体育|艺术|音乐|美术|体艺)/,
    ],
    [
      "L4",
      "生均教学及辅助用房面积",
      "Teaching floor area per pupil",
      "area",
      /生均.*(教学及?辅助用房|教辅用房|教学用房)/,
    ],
    ["L5", "生均体育运动场馆面积", "Sports area per pupil", "area", /生均.*(运动场|场馆|体育)/],
    ["L6", "生均教学仪器设备值", "Equipment value per pupil", "money", /生均.*(仪器|设备)/],
    [
      "L7",
      "每百名学生拥有网络多媒体教室数",
      "Multimedia classrooms per 100 pupils",
      "count",
      /(每百|百名).*多媒体/,
    ],
    // 2012 basic-balance ratios with no 2017 twin (B1–B3 mirror L4–L6 when read).
    [
      "B4",
      "每百名学生拥有计算机台数",
      "Computers per 100 pupils",
      "count",
      /(每百|百名).*(计算机|电脑)/,
    ],
    ["B5", "生均图书册数", "Books per pupil", "count", /生均.*(图书|藏书)/],
  ] as const
).map(([id, zh, en, unit, re]) => ({
  id: `given.${id}`,
  label: { zh: `${zh}（表内值）`, en: `${en} (as given)` },
  unit,
  heldRatio: true,
  staged: true,
  wordings: [{ re, conf: 1 }],
}));

/** Identity columns, counts and areas, most specific wording first. */
const FIGURES: FieldDef[] = [
  text("seq", "序号", "No.", [{ re: /^(序号?|编号|No\.?)$/i, conf: 1 }]),
  text("selfVerdict", "该校综合评估是否达标", "School's own verdict", [
    { re: /是否达标|达标情况/, conf: 0.9 },
  ]),
  text("remarks", "备注", "Remarks", [{ re: /^(备注|说明)$/, conf: 1 }]),
  text("county", "区县", "County", [
    {
      re: /^(所属)?(区县|县区|县市区|县\(市、?区\)|县\(区\)|区\(县\)|县\(市\)|县别|县|区|旗|县名|区名|地区|市县)(名称)?$/,
      conf: 1,
    },
    // The statistics system's export: 统计一级 / 二级 / 三级 are province / city / county.
    { re: /^(统计三级|所在地区划三级|所在地区划\(三级\))$/, conf: 1 },
  ]),
  text("code", "学校代码", "School code", [
    { re: /^(学校)?(标识)?(代码|标识码|编码)$|^学校(标识)?(代码|编码|编号|识别码)/, conf: 1 },
  ]),
  text("owner", "举办者类型", "Owner (public/private)", [
    { re: /举办者|办学性质|办学体制|公办民办|公民办|^(学校)?性质$/, conf: 1 },
  ]),
  text("stage", "学段", "Stage", [
    { re: /^(学段|学校类型|办学类型|学校类别|类型|类别|学校层次|学段类型)$/, conf: 1 },
  ]),
  text("name", "学校名称", "School name", [{ re: NAME_HEADER, conf: 1 }]),
  // The statistics system's exports: 0 for a campus counted under its parent school.
  text("countsAsSchool", "是否计校数", "Counted as a school", [
    { re: /^是否计(入)?校数$/, conf: 1 },
  ]),
  // 「46-50人」「56人以上」: the band is read from the header itself (see the reader's bandBase).
  {
    id: "classSizeBands",
    label: { zh: "班额分段班级数", en: "Classes by size band" },
    unit: "count",
    staged: true,
    wordings: [{ re: /^\d+[-~—–至到]\d+人?$|^\d+人(及)?(以上|以下)$/, conf: 0.9 }],
  },
  {
    id: "largestClass",
    label: { zh: "最大班额", en: "Largest class" },
    unit: "count",
    staged: true,
    wordings: [{ re: /最大班额/, conf: 1 }],
  },
  {
    id: "classes",
    label: { zh: "班级数", en: "Classes" },
    unit: "classes",
    staged: true,
    wordings: [{ re: /班级数|^班数$|^班级$|教学班/, not: /班额/, conf: 1 }],
  },
  {
    id: "grades",
    label: { zh: "年级数", en: "Grades" },
    unit: "count",
    staged: true,
    wordings: [{ re: /年级数|^年级$/, conf: 1 }],
  },
  {
    id: "facilities.indoorSportsArea",
    label: { zh: "其中：室内体育用房面积", en: "of which indoor sports rooms (m²)" },
    unit: "area",
    wordings: [{ re: /室内体育(用房|活动室|场馆)?/, conf: 1 }],
  },
  {
    id: "facilities.teachingArea",
    label: { zh: "教学及辅助用房面积", en: "Teaching and auxiliary floor area (m²)" },
    unit: "area",
    wordings: [{ re: /教学及?辅助用房|教辅用房|教学用房/, conf: 1 }],
  },
  {
    id: "facilities.musicRoomArea",
    label: { zh: "音乐专用教室面积", en: "Music room area (m²)" },
    unit: "area",
    wordings: [{ re: /音乐(专用)?(教)?室.*面积|音乐室面积/, conf: 1 }],
  },
  {
    id: "facilities.musicRooms",
    label: { zh: "音乐专用教室数", en: "Music rooms" },
    unit: "rooms",
    wordings: [{ re: /音乐(专用)?(教)?室/, not: /面积/, conf: 1 }],
  },
  {
    id: "facilities.artRoomArea",
    label: { zh: "美术专用教室面积", en: "Art room area (m²)" },
    unit: "area",
    wordings: [{ re: /美术(专用)?(教)?室.*面积/, conf: 1 }],
  },
  {
    id: "facilities.artRooms",
    label: { zh: "美术专用教室数", en: "Art rooms" },
    unit: "rooms",
    wordings: [{ re: /美术(专用)?(教)?室/, not: /面积/, conf: 1 }],
  },
  {
    // Before the sports areas: 「改造运动场地面积」 also reads as a 运动场地.
    id: "facilities.extraSportsArea",
    label: { zh: "校外租用场馆及改造场地面积", en: "Leased and converted sports space (m²)" },
    unit: "area",
    wordings: [
      {
        re: /(校外)?(租用|租赁|借用)(的)?(体育)?(场馆|场地|运动场)|改造(的)?(体育)?(运动)?(场馆|场地)/,
        conf: 1,
      },
    ],
    countedWhen: "cityExtraSportsArea",
  },
  {
    id: "facilities.sportsHallArea",
    label: { zh: "体育馆面积", en: "Sports hall area (m²)" },
    unit: "area",
    wordings: [{ re: /体育馆/, conf: 1 }],
  },
  {
    id: "facilities.sportsArea",
    label: { zh: "体育运动场馆面积", en: "Sports grounds and halls (m²)" },
    unit: "area",
    wordings: [
      { re: /体育运动场馆|运动场馆|体育场馆|运动场\(馆\)|场地\(馆\)|体育运动场地?馆/, conf: 1 },
    ],
  },
  {
    id: "facilities.sportsGroundArea",
    label: { zh: "运动场地面积", en: "Sports ground area (m²)" },
    unit: "area",
    wordings: [{ re: /运动场|田径场|操场/, conf: 1 }],
  },
  // County items a school sheet can decide (G6, Q4): money per school, 万元 converted on reading.
  {
    id: "facilities.approvedPublicFunds",
    label: { zh: "核定公用经费", en: "Approved public funds (yuan)" },
    unit: "money",
    wordings: [{ re: /核定.*公用经费|公用经费.*核定/, not: RATIO_WORDS, conf: 1 }],
  },
  {
    id: "facilities.trainingFunds",
    label: { zh: "教师培训经费", en: "Teacher training funds (yuan)" },
    unit: "money",
    wordings: [{ re: /培训(经)?费/, not: SHARE_WORDS, conf: 1 }],
  },
  {
    id: "facilities.publicFundsBudget",
    label: { zh: "年度公用经费预算", en: "Annual public funds budget (yuan)" },
    unit: "money",
    wordings: [{ re: /公用经费.*预算|预算.*公用经费/, not: /核定|培训|生均/, conf: 1 }],
  },
  {
    id: "facilities.equipmentValue",
    label: { zh: "教学仪器设备值", en: "Teaching equipment value (yuan)" },
    unit: "money",
    wordings: [{ re: /仪器设备|教学设备/, conf: 1 }],
  },
  {
    id: "facilities.multimediaRooms",
    label: { zh: "网络多媒体教室数", en: "Networked multimedia classrooms" },
    unit: "rooms",
    wordings: [{ re: /多媒体/, conf: 1 }],
  },
  {
    id: "facilities.computers",
    label: { zh: "计算机台数", en: "Computers" },
    unit: "devices",
    wordings: [{ re: /计算机|电脑/, conf: 1 }],
  },
  {
    id: "facilities.books",
    label: { zh: "图书册数", en: "Books" },
    unit: "books",
    wordings: [{ re: /图书|藏书/, conf: 1 }],
  },
  {
    id: "teachers.backbone",
    label: { zh: "县级及以上骨干教师数", en: "County-level or higher backbone teachers" },
    unit: "people",
    staged: true,
    wordings: [{ re: /骨干/, conf: 1 }],
  },
  {
    id: "teachers.aboveDegree",
    label: { zh: "高于规定学历教师数", en: "Teachers above the required degree" },
    unit: "people",
    staged: true,
    wordings: [
      { re: /高于规定学历|高学历|规定学历以上/, conf: 1 },
      { re: /(专科|大专|本科)(及)?以上/, conf: 0.7 },
    ],
  },
  {
    id: "teachers.byDegree.master",
    label: { zh: "硕士（研究生）学历教师数", en: "Teachers with a master's degree" },
    unit: "people",
    staged: true,
    wordings: [
      // 「博士研究生」 is the doctorate's column, not a master's.
      { re: /研究生|硕士/, ctx: /教师|学历|专任|^(研究生|硕士)/, not: /博士/, conf: 0.9 },
    ],
  },
  {
    id: "teachers.byDegree.doctor",
    label: { zh: "博士学历教师数", en: "Teachers with a doctorate" },
    unit: "people",
    staged: true,
    wordings: [{ re: /博士/, ctx: /教师|学历|专任|^博士/, conf: 0.9 }],
  },
  {
    id: "teachers.byDegree.bachelor",
    label: { zh: "本科学历教师数", en: "Teachers with a bachelor's degree" },
    unit: "people",
    staged: true,
    wordings: [{ re: /本科/, ctx: /教师|学历|专任|^本科/, conf: 0.9 }],
  },
  {
    id: "teachers.byDegree.associate",
    label: { zh: "专科学历教师数", en: "Teachers with an associate degree" },
    unit: "people",
    staged: true,
    wordings: [{ re: /专科|大专/, ctx: /教师|学历|专任|^(专科|大专)/, conf: 0.9 }],
  },
  {
    id: "teachers.rotatingPeArts",
    label: { zh: "交流轮岗、兼职、走教体艺教师数", en: "Rotating and part-time PE/arts teachers" },
    unit: "people",
    staged: true,
    wordings: [{ re: /交流轮岗|兼职|走教/, ctx: TEACHER, conf: 0.9 }],
    countedWhen: "smallSchoolPeArtsTeachers",
  },
  {
    id: "teachers.peArts",
    label: { zh: "体育、艺术专任教师数", en: "PE and arts teachers" },
    unit: "people",
    staged: true,
    wordings: [{ re: /体育.?艺术|体艺|体育.?音乐.?美术|体育.?美术.?音乐/, ctx: TEACHER, conf: 1 }],
  },
  {
    id: "teachers.pe",
    label: { zh: "体育专任教师数", en: "PE teachers" },
    unit: "people",
    staged: true,
    wordings: [{ re: /体育/, ctx: TEACHER, conf: 1 }],
  },
  {
    id: "teachers.music",
    label: { zh: "音乐专任教师数", en: "Music teachers" },
    unit: "people",
    staged: true,
    wordings: [{ re: /音乐/, ctx: TEACHER, conf: 1 }],
  },
  {
    id: "teachers.art",
    label: { zh: "美术专任教师数", en: "Art teachers" },
    unit: "people",
    staged: true,
    wordings: [{ re: /美术/, ctx: TEACHER, conf: 1 }],
  },
  {
    // 「专任教师 › 按授课课程分 › 艺术 › 计」: the total of the arts columns under it (音乐, 美术 …).
    // Never added to 音乐 and 美术; counted as the arts teachers only when the split is absent.
    id: "teachers.artsTotal",
    label: { zh: "艺术专任教师合计", en: "Arts teachers, total of the arts columns" },
    unit: "people",
    staged: true,
    wordings: [{ re: /艺术(合计|小计|计)$/, ctx: TEACHER, conf: 1 }],
  },
  {
    id: "teachers.arts",
    label: { zh: "艺术专任教师数", en: "Arts teachers (template column)" },
    unit: "people",
    staged: true,
    wordings: [{ re: /艺术/, ctx: TEACHER, conf: 0.9 }],
    countedWhen: "includeArtsColumn",
  },
  {
    id: "teachers.seniorTitle",
    label: { zh: "中级及以上职称教师数", en: "Teachers with an intermediate or senior title" },
    unit: "people",
    staged: true,
    wordings: [{ re: /中级.*职|中高级职称/, conf: 0.9 }],
  },
  // County items a school sheet can decide (G9, G12): before 专任教师数, whose wording they contain.
  {
    id: "teachers.trainingDue",
    label: { zh: "应完成5年360学时培训教师数", en: "Teachers due the 5-year 360-hour training" },
    unit: "people",
    staged: true,
    wordings: [
      { re: /应.{0,6}(360|培训|参训)|360学时.*应/, not: /已完成|实际完成|已参训|经费|率/, conf: 1 },
    ],
  },
  {
    id: "teachers.trainingDone",
    label: { zh: "已完成5年360学时培训教师数", en: "Teachers who completed the 360-hour training" },
    unit: "people",
    staged: true,
    wordings: [
      { re: /(已|实际)完成.*(360|培训)|360学时.*完成|已参训/, not: /应完成|应参|经费|率/, conf: 1 },
    ],
  },
  {
    id: "teachers.certified",
    label: { zh: "持证上岗教师数", en: "Teachers holding a teaching certificate" },
    unit: "people",
    staged: true,
    wordings: [{ re: /持证|(持有)?教师资格证/, not: SHARE_WORDS, conf: 1 }],
  },
  {
    id: "teachers.fullTime",
    label: { zh: "专任教师数", en: "Full-time teachers" },
    unit: "people",
    staged: true,
    wordings: [
      { re: /专任教师|^专任$/, conf: 1 },
      { re: /^教师(总)?(人)?数?$/, conf: 0.7 },
    ],
  },
  // 师生比 (2012) reads this total when a sheet gives it apart from 专任教师数; no header maps to it.
  {
    id: "teachers.total",
    label: { zh: "专任教师总数", en: "All full-time teachers" },
    unit: "people",
    staged: true,
    wordings: [],
  },
  {
    id: "pupils",
    label: { zh: "在校生数", en: "Pupils" },
    unit: "people",
    staged: true,
    wordings: [
      {
        // 「在校生数 › 小学 › 计」: the statistics system's exports total each stage in a 「计」 column.
        re: /^(在校|在籍)?(学生|生)(总)?(人)?数?(合计|总计|小计)?$|(在校|在籍)(学)?生(总|人)?数?(合计|总计|小计|计)?$/,
        not: /寄宿|随迁|残疾|留守|流动|毕业|招生|新生|借读/,
        conf: 1,
      },
    ],
  },
  // 「高中在校生数」: the reader maps a pupils header that names 高中 here (senior pupils share facilities).
  {
    id: "seniorPupils",
    label: { zh: "高中在校生数", en: "Senior-high pupils" },
    unit: "people",
    wordings: [],
  },
];

export const FIELD_DEFS: readonly FieldDef[] = [...RATIOS, ...FIGURES];
