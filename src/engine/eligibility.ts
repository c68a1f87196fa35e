import { TEACHING_POINT_MIN_PUPILS } from "./standards";
import { isCount } from "./numeric";
import type { AuditSettings, SchoolRecord, StageFigures } from "./types";

export type Eligibility = { counted: true } | { counted: false; code: string; reason: string };

/** Pupils over all compulsory stages of a record (unusable figures count as 0). */
export function compulsoryPupils(record: SchoolRecord): number {
  // In the stages' own order (as Object.values), without an array per call.
  let sum = 0;
  const stages = record.stages as Record<string, StageFigures | undefined>;
  for (const key in stages) {
    if (!Object.prototype.hasOwnProperty.call(stages, key)) continue;
    const s = stages[key];
    sum += isCount(s?.pupils) ? s.pupils : 0;
  }
  return sum;
}

/**
 * Which records the standard counts: not special-education or vocational schools, not teaching
 * points under 50 pupils, and not private schools when the setting leaves them out.
 */
export function eligibility(record: SchoolRecord, settings: AuditSettings): Eligibility {
  switch (record.kind) {
    case "special":
      return {
        counted: false,
        code: "engine.excluded-special",
        reason: "特殊教育学校，不参与义务教育学校资源配置计算",
      };
    case "vocational":
      return {
        counted: false,
        code: "engine.excluded-vocational",
        reason: "职业学校，不参与义务教育学校资源配置计算",
      };
    case "teachingPoint": {
      const pupils = compulsoryPupils(record);
      // Without a usable pupil count the pupil check below reports the cell instead.
      if (pupils > 0 && pupils < TEACHING_POINT_MIN_PUPILS) {
        return {
          counted: false,
          code: "engine.excluded-small-teaching-point",
          reason: `教学点在校生${pupils}人，不足${TEACHING_POINT_MIN_PUPILS}人，不参与计算`,
        };
      }
      break;
    }
  }
  if (settings.excludePrivate && record.owner === "private") {
    return {
      counted: false,
      code: "engine.excluded-private",
      reason: "民办学校（按设置不参与计算）",
    };
  }
  if (!hasOwnKey(record.stages)) {
    return {
      counted: false,
      code: "engine.no-stage",
      reason: "未识别学段（小学或初中），无法计算",
    };
  }
  return COUNTED;
}

/** One shared answer for the records that count (most of them: no object per record). */
const COUNTED: Eligibility = Object.freeze({ counted: true });

/** Object.keys(x).length > 0 without building the array. */
function hasOwnKey(x: object): boolean {
  for (const key in x) if (Object.prototype.hasOwnProperty.call(x, key)) return true;
  return false;
}
