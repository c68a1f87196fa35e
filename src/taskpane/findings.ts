/**
 * What the results page lists, from a run: the schools that fail the school rule with their
 * shortfalls, and where in the source sheets each one's figures are, so a click can show them.
 */
import type { Shortfall, Stage } from "../engine";
import type { RunResult } from "./service";

/** A cell (or row) of a source sheet to select. */
export interface CellTarget {
  sheet: string;
  address: string;
}

export interface ShortfallFinding {
  indicator: string;
  name: string;
  /** The engine's shortfall: the pane words its advice in the display language. */
  shortfall: Shortfall;
  belowFloor: boolean;
  /** The cell behind the figure (its numerator first), or null when the reader kept none. */
  target: CellTarget | null;
}

export interface SchoolFinding {
  /** Unique within the run. */
  key: string;
  name: string;
  county: string;
  stage: Stage;
  met: number;
  /** Indicators judged (7 under 2017). */
  indicators: number;
  /** The school's name cell, or its row. */
  target: CellTarget | null;
  shortfalls: ShortfallFinding[];
}

/**
 * Every counted school part that fails the school rule, in the order of the result.
 *
 * @example
 * failingSchools(run)[0]; // { name: "城东小学", stage: "primary", target: { sheet: "小学", address: "B7" }, shortfalls: [...] }
 */
export function failingSchools(run: RunResult): SchoolFinding[] {
  return run.result.schools
    .filter((part) => part.pass === false)
    .map((part) => {
      const source = run.records[part.recordIndex]?.source;
      const cells = source?.cells ?? {};
      const sheet = part.source?.sheet ?? source?.sheet;
      const row = part.source?.row ?? source?.row;
      const nameCell = part.source?.cell ?? cells.name;
      const target: CellTarget | null = sheet
        ? nameCell
          ? { sheet, address: nameCell }
          : row
            ? { sheet, address: `${row}:${row}` }
            : null
        : null;
      return {
        key: `${part.recordIndex}:${part.stage}`,
        name: part.name,
        county: part.county,
        stage: part.stage,
        met: part.met,
        indicators: Object.keys(part.values).length,
        target,
        shortfalls: part.shortfalls.map((shortfall) => {
          const field = (part.details[shortfall.indicator]?.fields ?? []).find((f) => cells[f]);
          return {
            indicator: shortfall.indicator,
            name: shortfall.name,
            shortfall,
            belowFloor: shortfall.belowFloor,
            target: field && source ? { sheet: source.sheet, address: cells[field] } : target,
          };
        }),
      };
    });
}
