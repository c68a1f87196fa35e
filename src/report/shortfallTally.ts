import type { SchoolPartResult } from "../engine";
import type { SchoolBlock } from "./schoolsSheet";

/** How many shortfalls a block's school parts have, and how many of those are below the floor. */
export interface ShortfallTally {
  shortfalls: number;
  below: number;
}

/**
 * Tallies noted by whoever read a block's shortfalls first (问题清单 lists them all): each read
 * of a part's shortfalls builds them anew, and a city has tens of thousands of parts.
 */
const TALLIES = new WeakMap<SchoolBlock, ShortfallTally>();

/** Notes a block's tally, counted while its parts' shortfalls were read for something else. */
export function noteShortfallTally(block: SchoolBlock, tally: ShortfallTally): void {
  TALLIES.set(block, tally);
}

/**
 * The shortfalls of a block's parts, counted: as noted, else read here.
 *
 * @example
 * shortfallTally(block, parts); // { shortfalls: 12, below: 3 }
 */
export function shortfallTally(
  block: SchoolBlock,
  parts: readonly SchoolPartResult[]
): ShortfallTally {
  const noted = TALLIES.get(block);
  if (noted) return noted;
  const tally = { shortfalls: 0, below: 0 };
  for (const p of parts) {
    const own = p.shortfalls;
    tally.shortfalls += own.length;
    for (const f of own) if (f.belowFloor) tally.below++;
  }
  return tally;
}
