import { audit, type SchoolRecord } from "../../src/engine";

/**
 * An audit makes its part objects after the per-part loop, and its parts read their figures
 * from the audit's own store: nothing may leak from one audit into another. An earlier result
 * reads the same after later audits, and an audit gives the same result whatever ran before it.
 */

function school(
  name: string,
  county: string,
  stage: "primary" | "junior",
  n: number
): SchoolRecord {
  return {
    name,
    county,
    kind: stage,
    stages: {
      [stage]: {
        pupils: 300 + n * 37,
        teachers: { aboveDegree: 20 + n, backbone: 3 + (n % 4), pe: 2, music: 1, art: 1 },
      },
    },
    // 运动场馆 given by parts on some schools: another alternative (another origin) of the measure.
    facilities:
      n % 3 === 0
        ? {
            teachingArea: 1500.5 + n,
            sportsHallArea: 800,
            sportsGroundArea: 1200 + n,
            indoorSportsArea: 90,
          }
        : {
            teachingArea: 1500.5 + n,
            sportsArea: 2700.25 + n,
            equipmentValue: 600000 + n * 999,
            multimediaRooms: 9,
          },
    source: { sheet: "学校", row: n + 4 },
  };
}

const cityA = Array.from({ length: 24 }, (_, n) =>
  school(`甲${n}`, n < 12 ? "东县" : "西县", n % 3 === 2 ? "junior" : "primary", n)
);
const cityB = Array.from({ length: 9 }, (_, n) => school(`乙${n}`, "南县", "primary", n + 50));

const json = (x: unknown) => JSON.stringify(x);

describe("an audit after an audit", () => {
  it("leaves an earlier result as it read (values, details, origins) after later audits", () => {
    const first = audit(cityA);
    const before = json(first);
    audit(cityB);
    audit(cityA, { subtractIndoorSports: false });
    audit(cityA);
    expect(json(first)).toBe(before);
  });

  it("gives the same result whatever audit ran before, with the same or other settings", () => {
    const alone = json(audit(cityA, { relaxations: { cityExtraSportsArea: true } }));
    audit(cityB, { subtractIndoorSports: false });
    expect(json(audit(cityA, { relaxations: { cityExtraSportsArea: true } }))).toBe(alone);
    audit(cityA, { relaxations: { cityExtraSportsArea: true } });
    expect(json(audit(cityA, { relaxations: { cityExtraSportsArea: true } }))).toBe(alone);
  });

  it("follows a change of settings between two audits of the same records", () => {
    const subtracted = audit(cityA).schools[0];
    const kept = audit(cityA, { subtractIndoorSports: false }).schools[0];
    expect(subtracted.values).not.toEqual(kept.values);
    expect(json(audit(cityA).schools[0])).toBe(json(subtracted));
  });

  it("keeps the parts in the order they were audited, each with its own record and stage", () => {
    const result = audit(cityA);
    expect(result.schools.map((p) => [p.recordIndex, p.stage])).toEqual(
      cityA.map((r, i) => [i, r.kind])
    );
    expect(result.schools.map((p) => p.name)).toEqual(cityA.map((r) => r.name));
  });
});
