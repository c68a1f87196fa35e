import type { AdditionUnit } from "../catalogue/measures";
import type { Stage } from "../types";

/** The id of a catalogue measure (catalogue/measures.ts) that an indicator's numerator is taken from. */
export type MeasureId = string;

export type { AdditionUnit };

export interface IndicatorSpec {
  /** Column code of the declaration table (L1…) or the standard's own id. */
  id: string;
  /** Official name. */
  name: string;
  /** Short name used in narrow cells and accepted by the custom functions. */
  shortName: string;
  /** The name the task pane shows in its narrow CV table, in Chinese and English. */
  paneName: { zh: string; en: string };
  /** Other names users type (custom functions accept them). */
  aliases: string[];
  /** Unit of the value, for display. */
  unit: string;
  /** The catalogue measure its numerator comes from (what it adds up, whether it is shared, what a fix adds). */
  measure: MeasureId;
  /** Value = numerator × scale / pupils (100 for 每百名…, 1 for 生均…). */
  scale: number;
  /** Decimals an audit sheet shows for a value (2 when absent); 3 for the 2012 per-pupil teacher figures. */
  decimals?: number;
  /** Per-stage threshold; absent when the standard only limits the CV. */
  thresholds?: Record<Stage, number>;
}

export interface SchoolRule {
  /** At least this many indicators must meet their thresholds … */
  minMet: number;
  /** … and every other one must reach this share of its threshold. */
  floorRatio: number;
}

export interface CvRule {
  /** "each": every indicator's CV within the limit; "composite": the mean of the CVs within it. */
  mode: "each" | "composite";
  limits: Record<Stage, number>;
}

export interface GuaranteeRules {
  /** G3: music and art rooms per this many classes (rounded up), and each room's least area. */
  rooms: { classesPerRoom: number; musicRoomArea: number; artRoomArea: number };
  roomsRelaxed: { musicRoomArea: number; artRoomArea: number };
  /** G4: largest school, single-stage and through-train (compulsory pupils only). */
  schoolSize: { singleStage: number; throughTrain: number };
  schoolSizeRelaxed: { singleStage: number; throughTrain: number };
  /** G5: largest class per stage. */
  classSize: Record<Stage, number>;
}

export interface Standard {
  id: string;
  name: string;
  /** How the task pane's 设置 page and the summary name it, in Chinese and English. */
  label: { zh: string; en: string };
  document: string;
  indicators: IndicatorSpec[];
  /** Absent when the standard checks no school against thresholds (2012). */
  schoolRule?: SchoolRule;
  cvRule: CvRule;
  guarantees?: GuaranteeRules;
}

/**
 * Weights for splitting shared facilities: one junior pupil counts 1.1 primary pupils; one senior
 * pupil 1.2 junior pupils (so 1.32 primary pupils). The same weights serve 九年一贯制 (1 : 1.1),
 * 十二年一贯制 (1 : 1.1 : 1.32) and the junior part of a 完全中学 (1.1 : 1.32 = 1 : 1.2).
 */
export const THROUGH_TRAIN_WEIGHTS = { primary: 1, junior: 1.1, senior: 1.32 } as const;

/** Teaching points with fewer pupils than this are not counted. */
export const TEACHING_POINT_MIN_PUPILS = 50;

/** The pupil range of the 2019 small-school rule (50–99 pupils). */
export const SMALL_SCHOOL_PUPILS = { min: 50, max: 99 } as const;
