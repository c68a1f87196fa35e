/**
 * Every setting the domain leaves to the user, defined once: its id (what `--set id=value` and a
 * settings file name), where it sits in AuditSettings, its type and default, its Chinese and
 * English label and help, and the rules it changes. The engine's defaults, the command line, the
 * task pane's 设置 page, the pane's saved-settings check and the summary's 「标准与设置」 all read
 * this list; none of them names a setting again.
 */
import { STANDARDS, type Standard } from "../standards";
import { VETO_ITEMS } from "./county";

export interface Bilingual {
  zh: string;
  en: string;
}

/** What a setting changes: a measure of the standard, a school check, or the whole audit. */
export type SettingTarget =
  | { kind: "audit" } // always in force (the standard, who counts)
  | { kind: "measure"; measure: string } // changes an indicator's numerator
  | { kind: "guarantee"; rule: "rooms" | "schoolSize" } // changes a school check (G3, G4)
  | { kind: "countyItem"; item: string }; // changes a county item (G7 …, "veto")

interface SettingBase {
  /** What the command line and settings files call it. */
  id: string;
  /** Where the value sits in AuditSettings. */
  path: readonly string[];
  label: Bilingual;
  help: Bilingual;
  /** Settings the pane shows together under one heading. */
  group: "basic" | "relaxations";
  affects: readonly SettingTarget[];
  /** The figures the setting brings in, from the standard's data (「音乐 73、美术 67 平方米」). */
  detail?: (standard: Standard) => Bilingual | null;
}

export interface BooleanSetting extends SettingBase {
  type: "boolean";
  default: boolean;
  /** How the summary (and a radio control) states the value: [when on, when off]. */
  states: readonly [Bilingual, Bilingual];
  /** The pane shows a switch, or two radio buttons worded by `states` (off first). */
  control?: "switch" | "radio";
}

export interface ChoiceSetting extends SettingBase {
  type: "choice";
  default: string;
  /** `label` on the pane; `statement` (when given) where the summary states the value in force. */
  choices: readonly { value: string; label: Bilingual; statement?: Bilingual }[];
}

export interface NumberSetting extends SettingBase {
  type: "number";
  default: number;
  unit: Bilingual;
  /** Smallest accepted value (exclusive when `above`). */
  min: number;
  above?: boolean;
}

/** A school year (2023), or null for the latest a sheet gives. */
export interface YearSetting extends SettingBase {
  type: "year";
  default: null;
}

/** Several codes out of a list (a province's veto items); none by default. */
export interface CodesSetting extends SettingBase {
  type: "codes";
  default: readonly string[];
  choices: readonly { value: string; label: Bilingual }[];
}

export type SettingDef =
  BooleanSetting | ChoiceSetting | NumberSetting | YearSetting | CodesSetting;

export const SETTING_GROUPS: Record<SettingDef["group"], { label: Bilingual; help?: Bilingual }> = {
  basic: { label: { zh: "基本设置", en: "Basic settings" } },
  relaxations: {
    label: { zh: "2019 年放宽规定（国教督办函〔2019〕30号）", en: "2019 relaxations" },
    help: {
      zh: "是否仍适用尚未核实，默认关闭。",
      en: "Unverified whether they still apply; off by default.",
    },
  },
};

const ON_OFF_ADOPTED: readonly [Bilingual, Bilingual] = [
  { zh: "采用", en: "applied" },
  { zh: "未采用", en: "not applied" },
];

export const SETTINGS: readonly SettingDef[] = [
  {
    id: "standard",
    path: ["standard"],
    type: "choice",
    default: "2017",
    choices: Object.values(STANDARDS).map((s) => ({
      value: s.id,
      label: s.label,
      statement: { zh: `${s.name}（${s.document}）`, en: `${s.label.en} (${s.document})` },
    })),
    label: { zh: "评估标准", en: "Standard" },
    help: {
      zh: "2017 优质均衡为默认；2012 基本均衡仅供对照。",
      en: "The 2017 high-quality standard by default; 2012 basic balance for comparison.",
    },
    group: "basic",
    affects: [{ kind: "audit" }],
  },
  {
    id: "excludePrivate",
    path: ["excludePrivate"],
    type: "boolean",
    default: false,
    states: [
      { zh: "不纳入审计", en: "Exclude" },
      { zh: "纳入审计", en: "Include" },
    ],
    control: "radio",
    label: { zh: "民办学校", en: "Private schools" },
    help: {
      zh: "2012 年办法不计民办学校；2017 年办法未见明文，国家表格按举办者类型列出民办学校，默认计入。",
      en: "The 2012 rules left private schools out; the 2017 tables list them, so they count by default.",
    },
    group: "basic",
    affects: [{ kind: "audit" }],
  },
  {
    id: "includeArtsColumn",
    path: ["includeArtsColumn"],
    type: "boolean",
    default: true,
    states: [
      { zh: "计入体育、艺术专任教师", en: "counted in PE and arts teachers" },
      { zh: "不计入", en: "not counted" },
    ],
    label: {
      zh: "「艺术」教师列计入体育、艺术专任教师",
      en: "Count an “arts” teacher column in PE and arts teachers",
    },
    help: {
      zh: "官方表述只列体育、音乐、美术；有的模板另设「艺术」列。",
      en: "The official wording names PE, music and art only; some templates add an arts column.",
    },
    group: "basic",
    affects: [{ kind: "measure", measure: "peArtsTeachers" }],
  },
  {
    id: "subtractIndoorSports",
    path: ["subtractIndoorSports"],
    type: "boolean",
    default: true,
    states: [
      { zh: "从教学及辅助用房中扣除", en: "subtracted from the teaching floor area" },
      { zh: "不扣除", en: "not subtracted" },
    ],
    label: {
      zh: "从教学及辅助用房中扣除「其中：室内体育用房」",
      en: "Subtract indoor sports rooms from teaching floor area",
    },
    help: {
      zh: "新统计表把室内体育用房计入教学及辅助用房，它属于运动场馆。",
      en: "Newer tables count indoor sports rooms in the teaching floor area; they belong to sports space.",
    },
    group: "basic",
    affects: [
      { kind: "measure", measure: "teachingArea" },
      { kind: "measure", measure: "sportsArea" },
    ],
  },
  {
    id: "smallSchoolPeArtsTeachers",
    path: ["relaxations", "smallSchoolPeArtsTeachers"],
    type: "boolean",
    default: false,
    states: ON_OFF_ADOPTED,
    label: {
      zh: "50–99 人小规模学校计入交流轮岗、兼职、走教体育艺术教师",
      en: "Small schools (50–99 pupils) count rotating and part-time PE/arts teachers",
    },
    help: {
      zh: "读取「交流轮岗、兼职、走教体艺教师数」列。",
      en: "Reads the rotating/part-time PE and arts teacher column.",
    },
    group: "relaxations",
    affects: [{ kind: "measure", measure: "peArtsTeachers" }],
  },
  {
    id: "cityExtraSportsArea",
    path: ["relaxations", "cityExtraSportsArea"],
    type: "boolean",
    default: false,
    states: ON_OFF_ADOPTED,
    label: {
      zh: "城区高密度学校计入租用场馆和改造场地",
      en: "Dense city schools count leased and converted sports space",
    },
    help: {
      zh: "读取「校外租用场馆面积」「改造运动场地面积」等列，计入生均体育运动场馆面积。",
      en: "Adds columns such as leased venue area and converted sports space to sports area per pupil.",
    },
    group: "relaxations",
    affects: [{ kind: "measure", measure: "sportsArea" }],
  },
  {
    id: "olderRoomAreas",
    path: ["relaxations", "olderRoomAreas"],
    type: "boolean",
    default: false,
    states: ON_OFF_ADOPTED,
    label: {
      zh: "较早建成的音乐、美术教室按放宽面积",
      en: "Older music/art rooms at the relaxed areas",
    },
    help: {
      zh: "音乐、美术专用教室面积下限按放宽值检查。",
      en: "Checks music and art rooms against the relaxed least areas.",
    },
    group: "relaxations",
    affects: [{ kind: "guarantee", rule: "rooms" }],
    detail: (standard) => {
      const r = standard.guarantees?.roomsRelaxed;
      return r
        ? {
            zh: `音乐 ${r.musicRoomArea}、美术 ${r.artRoomArea} 平方米`,
            en: `music ${r.musicRoomArea} m², art ${r.artRoomArea} m²`,
          }
        : null;
    },
  },
  {
    id: "olderLargeSchools",
    path: ["relaxations", "olderLargeSchools"],
    type: "boolean",
    default: false,
    states: ON_OFF_ADOPTED,
    label: {
      zh: "2010 年前建成的大规模学校按放宽规模",
      en: "Large schools built before 2010 at the relaxed sizes",
    },
    help: {
      zh: "学校规模上限按放宽值检查。",
      en: "Checks school size against the relaxed limits.",
    },
    group: "relaxations",
    affects: [{ kind: "guarantee", rule: "schoolSize" }],
    detail: (standard) => {
      const r = standard.guarantees?.schoolSizeRelaxed;
      return r
        ? {
            zh: `小学、初中 ${r.singleStage} 人，一贯制 ${r.throughTrain} 人`,
            en: `${r.singleStage} pupils, through-train ${r.throughTrain}`,
          }
        : null;
    },
  },
  {
    id: "auditYear",
    path: ["auditYear"],
    type: "year",
    default: null,
    label: { zh: "审计年份", en: "School year audited" },
    help: {
      zh: "表中并列多个学年（如「2023学年｜2024学年」）时审计哪一年；留空为最近一年。",
      en: "Which school year to audit when a sheet gives several side by side; blank for the latest.",
    },
    group: "basic",
    affects: [{ kind: "audit" }],
  },
  {
    id: "includeHiddenRows",
    path: ["includeHiddenRows"],
    type: "boolean",
    default: false,
    states: [
      { zh: "计入审计", en: "audited" },
      { zh: "不计入审计（名单见「数据诊断」）", en: "left out (listed in 数据诊断)" },
    ],
    label: { zh: "审计隐藏或筛选掉的行", en: "Audit hidden and filtered-out rows" },
    help: {
      zh: "默认不审计工作簿中隐藏或筛选掉的行，并在「数据诊断」中列出。",
      en: "By default hidden or filtered-out rows are left out and listed.",
    },
    group: "basic",
    affects: [{ kind: "audit" }],
  },
  {
    id: "specialSchoolFunding",
    path: ["specialSchoolFunding"],
    type: "number",
    default: 6000,
    unit: { zh: "元", en: "yuan" },
    min: 0,
    above: true,
    label: { zh: "特殊教育学校生均公用经费标准", en: "Special-school funding per pupil" },
    help: {
      zh: "国家标准 6000 元，部分省份 8000 元。",
      en: "6000 yuan nationally, 8000 in some provinces.",
    },
    group: "basic",
    affects: [{ kind: "countyItem", item: "G7" }],
  },
  {
    id: "extraVetoItems",
    path: ["extraVetoItems"],
    type: "codes",
    default: [],
    choices: VETO_ITEMS.filter((v) => v.optional).map((v) => ({
      value: v.code,
      label: { zh: `${v.code} ${v.label.replace(/（是\/否）$/, "")}`, en: v.code },
    })),
    label: { zh: "本省增加的一票否决项", en: "Province's extra veto items" },
    help: {
      zh: "国家六项之外，本省规定的一票否决项（县域指标表中相应的行）。",
      en: "Veto items a province adds to the national six (rows of the county form).",
    },
    group: "basic",
    affects: [{ kind: "countyItem", item: "veto" }],
  },
];

/** The setting with this id, or undefined. */
export function findSetting(id: string): SettingDef | undefined {
  return SETTINGS.find((s) => s.id === id);
}
