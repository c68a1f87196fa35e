import { defaultSettings } from "./catalogue/settingValues";

/**
 * The engine's input: school records as the sheet reader (or a test) builds them.
 * Every figure is optional: sheets differ, and the engine says what it could not check.
 * Units are fixed here: money in 元, areas in m², counts as plain numbers.
 */

/** The two compulsory stages the standard audits. */
export type Stage = "primary" | "junior";
export const STAGES: readonly Stage[] = ["primary", "junior"];

/** Stage names as users read them. */
export const STAGE_NAMES: Record<Stage, string> = { primary: "小学", junior: "初中" };

/** What kind of school a row describes: decides whether it counts and how it is split. */
export type SchoolKind =
  | "primary" // 小学 (or a single-stage campus)
  | "junior" // 初中 / 初级中学
  | "nineYear" // 九年一贯制
  | "twelveYear" // 十二年一贯制
  | "completeMiddle" // 完全中学 (junior + senior)
  | "teachingPoint" // 教学点
  | "special" // 特殊教育学校
  | "vocational"; // 职业学校

export type Owner = "public" | "private";

/** Teacher counts of one stage (or of a whole school when not given per stage). */
export interface TeacherFigures {
  /** 专任教师数: only used for consistency checks. */
  fullTime?: number;
  /** 高于规定学历教师数, when the sheet gives the count directly. */
  aboveDegree?: number;
  /** Counts by highest degree, summed per stage when no direct count is given. */
  byDegree?: { associate?: number; bachelor?: number; master?: number; doctor?: number };
  /** 县级及以上骨干教师数. */
  backbone?: number;
  /** 体育、艺术专任教师数 when the sheet gives the sum directly. */
  peArts?: number;
  pe?: number;
  music?: number;
  art?: number;
  /** A template's extra 「艺术」 column (added when the setting says so). */
  arts?: number;
  /**
   * 「艺术 › 计」 of the statistics system's exports: the total of the arts columns under it.
   * Counted only when 音乐 and 美术 are absent, never on top of them.
   */
  artsTotal?: number;
  /** 交流轮岗、兼职、走教 PE/arts teachers (counted only under the 2019 small-school rule). */
  rotatingPeArts?: number;
  /** 中级及以上专业技术职务教师数 (2012 standard). */
  seniorTitle?: number;
  /** 专任教师总数 used by the 2012 师生比 (falls back to fullTime). */
  total?: number;
  /** G9: teachers due the 5-year 360-hour training, and those who completed it. */
  trainingDue?: number;
  trainingDone?: number;
  /** G12: full-time teachers holding a teaching certificate (持证上岗). */
  certified?: number;
}

/** Class sizes: the largest class, or counts of classes by size band. */
export interface ClassSizeBand {
  /** Smallest class size in the band (「46-50人」 → 46, 「56人以上」 → 56). */
  min: number;
  max?: number;
  count: number;
}

/** What belongs to one stage of a school. */
export interface StageFigures {
  pupils?: number;
  teachers?: TeacherFigures;
  classes?: number;
  grades?: number;
  largestClass?: number;
  classSizeBands?: ClassSizeBand[];
  /**
   * Indicator values the sheet already holds (the declaration table 表Ⅱ-2, or a bureau's own
   * 生均… column). Used when counts are missing; cross-checked when counts are present.
   */
  given?: Partial<Record<string, number>>;
}

/** Facilities. Shared by the stages of a through-train school, and split by weighted pupils. */
export interface FacilityFigures {
  /** 教学及辅助用房面积 (m²). */
  teachingArea?: number;
  /** 其中：室内体育用房 (m²), counted inside teachingArea by newer statistics tables. */
  indoorSportsArea?: number;
  /** 体育运动场馆面积 (m²) when given as one figure. */
  sportsArea?: number;
  /** 体育馆面积 (m²) when given apart. */
  sportsHallArea?: number;
  /** 运动场地面积 (m²) when given apart. */
  sportsGroundArea?: number;
  /** Leased venues within a 10-minute walk and converted on-campus spaces (2019 city rule). */
  extraSportsArea?: number;
  /** 教学仪器设备值 in 元. */
  equipmentValue?: number;
  /** 网络多媒体教室数. */
  multimediaRooms?: number;
  /** 计算机台数 (2012). */
  computers?: number;
  /** 图书册数 (2012). */
  books?: number;
  /** G3: music and art rooms, with their total areas (m²). */
  musicRooms?: number;
  musicRoomArea?: number;
  artRooms?: number;
  artRoomArea?: number;
  /** G6: the school's approved public funds (核定公用经费), 元. */
  approvedPublicFunds?: number;
  /** Q4: teacher training funds and the year's public funds budget, 元. */
  trainingFunds?: number;
  publicFundsBudget?: number;
}

/** Where a record came from, so every finding can name its cell. */
export interface SourceRef {
  sheet: string;
  /** 1-based worksheet row. */
  row: number;
  /**
   * A1 addresses of the cells behind each figure, keyed by field path: "name", "pupils.primary",
   * "teachers.junior.backbone", "facilities.teachingArea", "given.primary.L1", "seniorPupils" …
   */
  cells?: Record<string, string>;
  /**
   * Multiplier from a cell's value to the record's unit, keyed like cells (10000 for a 万元
   * column). Absent means 1. Formulas that reference the cell apply it.
   */
  factors?: Record<string, number>;
  /**
   * Fields whose cell held text that the reader parsed as a number (「1,234」, full-width digits):
   * a formula cannot reference such a cell, so the report writes the value there.
   */
  textCells?: string[];
  /**
   * A 「其中：」 part to take off a cell, keyed like cells: the junior pupils of a 完全中学 whose
   * 在校生数 counts its senior pupils are that cell less the 「其中：高中在校生数」 cell.
   */
  less?: Record<string, string>;
}

/** One school (or one already-split school part) as read from the sheets. */
export interface SchoolRecord {
  name: string;
  /** 学校代码, kept as the school's identity when present. */
  code?: string;
  /** 区县: with several counties, each is audited on its own. */
  county?: string;
  kind: SchoolKind;
  owner?: Owner;
  /** The declaration table's 举办者类型 text or code, kept for the report. */
  ownerLabel?: string;
  /**
   * A campus the statistics count under its parent school (是否计校数 = 0): audited as a school
   * of its stage, counted in 表Ⅰ as a campus, not a school.
   */
  campus?: boolean;
  /** Per-stage figures: one entry for a single-stage school, two for a through-train school. */
  stages: Partial<Record<Stage, StageFigures>>;
  /** Senior-high pupils of a 完全中学 or 十二年一贯制 school: they take a share of the facilities. */
  seniorPupils?: number;
  /** Teachers given only for the whole school: split by the facility shares (an estimate). */
  wholeSchoolTeachers?: TeacherFigures;
  facilities?: FacilityFigures;
  source?: SourceRef;
}

/**
 * Settings the domain leaves to the user. Each one's label, default and what it changes are
 * defined once, in the catalogue (catalogue/settings.ts); this is only their shape.
 */
export interface AuditSettings {
  /** Which standard to audit against ("2017" or "2012"). */
  standard: string;
  /** Leave private (民办) schools out. */
  excludePrivate: boolean;
  /** Add a template's 「艺术」 teacher column to 体育+音乐+美术 for L3. */
  includeArtsColumn: boolean;
  /** Subtract 「其中：室内体育用房」 from 教学及辅助用房 for L4. */
  subtractIndoorSports: boolean;
  /** 国教督办函〔2019〕30号 relaxations (whether they still apply is unverified). */
  relaxations: {
    /** 50–99-pupil small schools and teaching points count rotating/part-time PE and arts teachers in L3. */
    smallSchoolPeArtsTeachers: boolean;
    /** High-density city schools count leased venues and converted spaces in L5. */
    cityExtraSportsArea: boolean;
    /** Older small music/art rooms at the relaxed areas. */
    olderRoomAreas: boolean;
    /** Larger schools built before 2010 at the relaxed sizes. */
    olderLargeSchools: boolean;
  };
  /** Special-school per-pupil funding floor in 元 (the county item G7). */
  specialSchoolFunding: number;
  /** The school year read when a sheet gives several side by side; null reads the latest. */
  auditYear: number | null;
  /** Audit rows hidden or filtered out in the workbook too (by default they are left out and listed). */
  includeHiddenRows: boolean;
  /** A province's additions to the one-vote veto, by form code (「V7」: 校外培训机构治理和减轻课外负担不力); none by default. */
  extraVetoItems: string[];
}

export const DEFAULT_SETTINGS: AuditSettings = defaultSettings();

/** Settings with any omitted field taken from the defaults. */
export type SettingsInput = Partial<Omit<AuditSettings, "relaxations">> & {
  relaxations?: Partial<AuditSettings["relaxations"]>;
};

export function resolveSettings(input: SettingsInput = {}): AuditSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...input,
    relaxations: { ...DEFAULT_SETTINGS.relaxations, ...input.relaxations },
  };
}
