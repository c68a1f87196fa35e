import type { SchoolPartResult, Shortfall } from "../../src/engine";
import type { SchoolBlock } from "../../src/report/schoolsSheet";
import { noteShortfallTally, shortfallTally } from "../../src/report/shortfallTally";

/** A part whose shortfalls count their reads, as the lean parts build them anew on each read. */
function partWith(belowFloor: boolean[], reads: { n: number }): SchoolPartResult {
  return {
    get shortfalls(): Shortfall[] {
      reads.n++;
      return belowFloor.map((below) => ({ belowFloor: below }) as Shortfall);
    },
  } as SchoolPartResult;
}

function blockOf(parts: SchoolPartResult[]): SchoolBlock {
  return {
    county: "甲县",
    stage: "primary",
    thresholdRow: 3,
    floorRow: 4,
    first: 5,
    last: 5 + parts.length - 1,
    rows: parts.map((part, k) => ({ part, row: 5 + k })),
  };
}

describe("shortfall tallies", () => {
  it("counts a block's shortfalls and those below the floor when nobody noted them", () => {
    const reads = { n: 0 };
    const parts = [partWith([true, false], reads), partWith([], reads), partWith([true], reads)];
    expect(shortfallTally(blockOf(parts), parts)).toEqual({ shortfalls: 3, below: 2 });
    expect(reads.n).toBe(3);
  });

  it("takes a noted tally without reading the parts again, for that block only", () => {
    const reads = { n: 0 };
    const parts = [partWith([true, true], reads)];
    const noted = blockOf(parts);
    noteShortfallTally(noted, { shortfalls: 2, below: 2 });
    expect(shortfallTally(noted, parts)).toEqual({ shortfalls: 2, below: 2 });
    expect(reads.n).toBe(0);
    // Another block with the same parts was not noted: it is counted.
    expect(shortfallTally(blockOf(parts), parts)).toEqual({ shortfalls: 2, below: 2 });
    expect(reads.n).toBe(1);
  });

  it("counts nothing for a block without parts", () => {
    expect(shortfallTally(blockOf([]), [])).toEqual({ shortfalls: 0, below: 0 });
  });
});
