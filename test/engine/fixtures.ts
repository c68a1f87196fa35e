import type { SchoolRecord, Stage } from "../../src/engine";

/**
 * A school part whose seven 2017 indicators are each `factor` × the threshold, built from counts.
 * With factor 1 every indicator sits exactly on its threshold.
 */
export function schoolAt(
  name: string,
  stage: Stage,
  pupils: number,
  factor = 1,
  extra: Partial<SchoolRecord> = {}
): SchoolRecord {
  const t =
    stage === "primary"
      ? { L1: 4.2, L2: 1.0, L3: 0.9, L4: 4.5, L5: 7.5, L6: 2000, L7: 2.3 }
      : { L1: 5.3, L2: 1.0, L3: 0.9, L4: 5.8, L5: 10.2, L6: 2500, L7: 2.4 };
  const per100 = (x: number) => (x * factor * pupils) / 100;
  const perPupil = (x: number) => x * factor * pupils;
  return {
    name,
    kind: stage,
    stages: {
      [stage]: {
        pupils,
        teachers: { aboveDegree: per100(t.L1), backbone: per100(t.L2), peArts: per100(t.L3) },
      },
    },
    facilities: {
      teachingArea: perPupil(t.L4),
      sportsArea: perPupil(t.L5),
      equipmentValue: perPupil(t.L6),
      multimediaRooms: per100(t.L7),
    },
    ...extra,
  };
}
