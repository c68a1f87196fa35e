/**
 * Every measure an indicator's numerator is taken from, as data: which record fields are added
 * (or subtracted), which alternative wording of the same figure is used when a sheet gives it
 * another way, and which extra figures a setting brings in. The engine evaluates these
 * (measures.ts); a standard names a measure for each indicator, with its scale and thresholds
 * (standards/). Every indicator is divided by the part's pupils.
 */
import { SMALL_SCHOOL_PUPILS } from "../standards/standard";
import type { Stage } from "../types";
import type { Bilingual } from "./settings";

/** One figure of a numerator. */
export interface MeasureTerm {
  /** The field's base id ("teachers.pe", "facilities.teachingArea"). */
  field: string;
  /** −1 for a figure taken away (室内体育用房 from 教学及辅助用房). */
  sign?: 1 | -1;
  /** Only for these stages (专科 counts towards 小学 only). */
  stages?: readonly Stage[];
  /**
   * Added only when the other figures of its alternative gave something, and when its
   * condition holds: a setting is on (and the part's pupils are in a range).
   */
  extra?: { setting: string; pupils?: { min: number; max: number } };
  /**
   * Counted only when none of these fields has a figure: a total given beside its parts
   * (「艺术 › 计」 beside 音乐 and 美术) stands in for them when they are absent, never on top.
   */
  onlyWithout?: readonly string[];
  /** Said in the value's notes when this figure is counted. */
  note?: string;
}

export interface MeasureDef {
  id: string;
  /**
   * "teachers": per stage as the sheet gives them, else the whole school's teachers split by the
   * part's share (an estimate); "facilities": shared by a through-train school's stages and split
   * by weighted pupils.
   */
  source: "teachers" | "facilities";
  /** Ways a sheet gives the figure: the first alternative with any of its (non-extra) figures is used. */
  alternatives: readonly (readonly MeasureTerm[])[];
  /**
   * What a school adds to close a shortfall (「需增加2名县级及以上骨干教师」): its noun, its unit,
   * and whether the smallest addition is a whole thing (a teacher, a room).
   */
  addition: { noun: Bilingual; unit: AdditionUnit; wholeUnits: boolean; enPlural?: string };
}

/** What an addition to fix a shortfall is counted in. */
export type AdditionUnit = "teachers" | "rooms" | "m2" | "yuan" | "computers" | "books";

const ARTS_COLUMN: MeasureTerm = {
  field: "teachers.arts",
  extra: { setting: "includeArtsColumn" },
  note: "含「艺术」教师列",
};
/** 「艺术 › 计」: the arts teachers when the export gives no 音乐 / 美术 split. */
const ARTS_TOTAL: MeasureTerm = {
  field: "teachers.artsTotal",
  onlyWithout: ["teachers.music", "teachers.art"],
  note: "艺术教师按「艺术 › 计」合计计入（表中没有音乐、美术分列）",
};
const ROTATING: MeasureTerm = {
  field: "teachers.rotatingPeArts",
  extra: { setting: "smallSchoolPeArtsTeachers", pupils: SMALL_SCHOOL_PUPILS },
  note: "含交流轮岗、兼职、走教体艺教师（2019年小规模学校规定）",
};
const LEASED_SPORTS: MeasureTerm = {
  field: "facilities.extraSportsArea",
  extra: { setting: "cityExtraSportsArea" },
  note: "含周边租用场馆和校内改造空间（2019年城区学校规定）",
};

export const MEASURE_DEFS: readonly MeasureDef[] = [
  {
    id: "aboveDegreeTeachers",
    source: "teachers",
    // 高于规定学历: 小学 专科 and above; 初中 本科 and above.
    alternatives: [
      [{ field: "teachers.aboveDegree" }],
      [
        { field: "teachers.byDegree.associate", stages: ["primary"] },
        { field: "teachers.byDegree.bachelor" },
        { field: "teachers.byDegree.master" },
        { field: "teachers.byDegree.doctor" },
      ],
    ],
    addition: {
      noun: { zh: "高于规定学历教师", en: "teacher above the required degree" },
      unit: "teachers",
      wholeUnits: true,
      enPlural: "teachers above the required degree",
    },
  },
  {
    id: "backboneTeachers",
    source: "teachers",
    alternatives: [[{ field: "teachers.backbone" }]],
    addition: {
      noun: { zh: "县级及以上骨干教师", en: "county-level backbone teacher" },
      unit: "teachers",
      wholeUnits: true,
      enPlural: "county-level backbone teachers",
    },
  },
  {
    id: "peArtsTeachers",
    source: "teachers",
    alternatives: [
      [{ field: "teachers.peArts" }, ROTATING],
      [
        { field: "teachers.pe" },
        { field: "teachers.music" },
        { field: "teachers.art" },
        ARTS_TOTAL,
        ARTS_COLUMN,
        ROTATING,
      ],
    ],
    addition: {
      noun: { zh: "体育、艺术专任教师", en: "PE or arts teacher" },
      unit: "teachers",
      wholeUnits: true,
      enPlural: "PE and arts teachers",
    },
  },
  {
    id: "teachers",
    source: "teachers",
    alternatives: [[{ field: "teachers.total" }], [{ field: "teachers.fullTime" }]],
    addition: {
      noun: { zh: "专任教师", en: "full-time teacher" },
      unit: "teachers",
      wholeUnits: true,
      enPlural: "full-time teachers",
    },
  },
  {
    id: "seniorTitleTeachers",
    source: "teachers",
    alternatives: [[{ field: "teachers.seniorTitle" }]],
    addition: {
      noun: { zh: "中级及以上职称教师", en: "teacher with an intermediate or senior title" },
      unit: "teachers",
      wholeUnits: true,
      enPlural: "teachers with an intermediate or senior title",
    },
  },
  {
    id: "teachingArea",
    source: "facilities",
    alternatives: [
      [
        { field: "facilities.teachingArea" },
        // 室内体育用房 is counted inside 教学及辅助用房 by newer tables but belongs to L5.
        {
          field: "facilities.indoorSportsArea",
          sign: -1,
          extra: { setting: "subtractIndoorSports" },
          note: "已扣除「其中：室内体育用房」（计入运动场馆）",
        },
      ],
    ],
    addition: {
      noun: { zh: "教学及辅助用房", en: "teaching and auxiliary rooms" },
      unit: "m2",
      wholeUnits: false,
    },
  },
  {
    id: "sportsArea",
    source: "facilities",
    alternatives: [
      [{ field: "facilities.sportsArea" }, LEASED_SPORTS],
      [
        { field: "facilities.sportsHallArea" },
        { field: "facilities.sportsGroundArea" },
        // What L4 takes out of 教学及辅助用房 counts here; a 体育馆 column already holds it.
        {
          field: "facilities.indoorSportsArea",
          extra: { setting: "subtractIndoorSports" },
          onlyWithout: ["facilities.sportsHallArea"],
          note: "含「其中：室内体育用房」（从教学及辅助用房中扣除的部分）",
        },
        LEASED_SPORTS,
      ],
    ],
    addition: {
      noun: { zh: "体育运动场馆", en: "sports grounds and halls" },
      unit: "m2",
      wholeUnits: false,
    },
  },
  {
    id: "equipmentValue",
    source: "facilities",
    alternatives: [[{ field: "facilities.equipmentValue" }]],
    addition: {
      noun: { zh: "教学仪器设备值", en: "teaching equipment" },
      unit: "yuan",
      wholeUnits: false,
    },
  },
  {
    id: "multimediaRooms",
    source: "facilities",
    alternatives: [[{ field: "facilities.multimediaRooms" }]],
    addition: {
      noun: { zh: "网络多媒体教室", en: "networked multimedia classroom" },
      unit: "rooms",
      wholeUnits: true,
      enPlural: "networked multimedia classrooms",
    },
  },
  {
    id: "computers",
    source: "facilities",
    alternatives: [[{ field: "facilities.computers" }]],
    addition: {
      noun: { zh: "计算机", en: "computer" },
      unit: "computers",
      wholeUnits: true,
      enPlural: "computers",
    },
  },
  {
    id: "books",
    source: "facilities",
    alternatives: [[{ field: "facilities.books" }]],
    addition: {
      noun: { zh: "图书", en: "book" },
      unit: "books",
      wholeUnits: true,
      enPlural: "books",
    },
  },
];
