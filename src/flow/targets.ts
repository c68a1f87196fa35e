/**
 * Where the audit sheets show each county item, veto row and stage CV, found in the plan the run
 * wrote, so the task pane can take a click on an item to its row in 表Ⅳ/Ⅴ/Ⅵ and on an indicator
 * to its cell in 差异系数. Read from the planned cells (the item's 「G11 …」 name cell, the veto's
 * code, the CV row's county, stage and indicator), so the report keeps its layout to itself.
 */
import { STAGE_NAMES, STAGES, type AuditResult, type Stage } from "../engine";
import type { PlannedCell, PlannedSheet, WorkbookPlan } from "../report";
import { countyLabel } from "../report/context";
import { CV_COL } from "../report/cvSheet";
import { plannedRows } from "../report/packedRows";
import { cellA1 } from "../report/refs";

/** A cell (or range) of a sheet in the workbook, as the host selects it. */
export interface SheetCell {
  sheet: string;
  address: string;
}

/** One county's places in the audit sheets. */
export interface CountyTargets {
  /** Item id (G1…S1) → its row in 表Ⅳ, 表Ⅴ or 表Ⅵ. */
  items: Record<string, SheetCell>;
  /** Veto id (V1…) → its row in 表Ⅵ. */
  veto: Record<string, SheetCell>;
  /** `${stage}:${indicator}` ("primary:L1") → the CV cell in 差异系数. */
  cvs: Record<string, SheetCell>;
}

const COUNTY_TABLES = new Set<PlannedSheet["kind"]>([
  "declaration-IV",
  "declaration-V",
  "declaration-VI",
]);

/** Key of a stage's indicator in CountyTargets.cvs. */
export const cvKey = (stage: Stage, indicator: string): string => `${stage}:${indicator}`;

function text(cell: PlannedCell | null | undefined): string {
  return cell && typeof cell.value === "string" ? cell.value : "";
}

/** A row's cells from `from` to `to` (0-based columns), as an A1 range. */
function rowRange(row: number, from: number, to: number): string {
  return `${cellA1(row, from)}:${cellA1(row, to)}`;
}

/**
 * Per county (by name, as in result.counties), the places of its items, veto rows and CVs in the
 * planned sheets (under their planned names). Rows are read one at a time (plannedRows): a city's
 * 差异系数 is packed, never held whole as objects.
 *
 * @example
 * const targets = locateTargets(plan, result);
 * targets[""].items.G11;          // { sheet: "表Ⅳ", address: "A16:E16" }
 * targets[""].cvs["primary:L1"];  // { sheet: "差异系数", address: "I4" }
 */
export function locateTargets(
  plan: WorkbookPlan,
  result: AuditResult
): Record<string, CountyTargets> {
  const nameOf = (sheet: PlannedSheet) => sheet.name;
  const several = result.counties.length > 1;
  const targets: Record<string, CountyTargets> = {};
  for (const county of result.counties) targets[county.name] = { items: {}, veto: {}, cvs: {} };
  const byLabel = new Map(result.counties.map((c) => [countyLabel(c.name), c]));
  // Only the county tables and 差异系数: 学校达标 of a city has thousands of rows to leave alone.
  for (const sheet of plan.sheets.filter((s) => COUNTY_TABLES.has(s.kind))) {
    const county = several
      ? result.counties.find((c) => c.name === sheet.county)
      : result.counties[0];
    if (!county) continue;
    const found = targets[county.name];
    const ids = new Set(county.items.map((i) => i.id));
    const vetoIds = new Set(county.veto.map((v) => v.id));
    for (const { row, cells } of plannedRows(sheet)) {
      const at = { sheet: nameOf(sheet), address: rowRange(row, 0, Math.max(cells.length - 1, 0)) };
      if (sheet.kind === "declaration-IV" || sheet.kind === "declaration-V") {
        // 序号 | 「G11 教师交流轮岗」 | …
        const id = text(cells[1]).split(" ")[0];
        if (ids.has(id) && /^\d+$/.test(text(cells[0]))) found.items[id] = at;
      } else {
        // 表Ⅵ: the questionnaire row is S1's (「计」); the veto rows start with their code.
        if (text(cells[0]) === "计" && ids.has("S1")) found.items.S1 = at;
        if (vetoIds.has(text(cells[0]))) found.veto[text(cells[0])] = at;
      }
    }
  }
  const cv = plan.sheets.find((s) => s.kind === "cv");
  if (cv) {
    for (const { row, cells } of plannedRows(cv)) {
      const county = byLabel.get(text(cells[CV_COL.county]));
      if (!county) continue;
      const stage = STAGES.find((s) => STAGE_NAMES[s] === text(cells[CV_COL.stage]));
      const id = text(cells[CV_COL.id]);
      if (stage && county.stages[stage].indicators[id])
        targets[county.name].cvs[cvKey(stage, id)] = {
          sheet: nameOf(cv),
          address: cellA1(row, CV_COL.cv),
        };
    }
  }
  return targets;
}

/**
 * The targets under the names the sheets got in the workbook (planned name → actual name).
 *
 * @example
 * renameTargets(targets, { 表Ⅳ: "表Ⅳ (2)" })[""].items.G11.sheet; // "表Ⅳ (2)"
 */
export function renameTargets(
  targets: Record<string, CountyTargets>,
  names: Record<string, string>
): Record<string, CountyTargets> {
  const rename = (cells: Record<string, SheetCell>) =>
    Object.fromEntries(
      Object.entries(cells).map(([key, c]) => [key, { ...c, sheet: names[c.sheet] ?? c.sheet }])
    );
  return Object.fromEntries(
    Object.entries(targets).map(([county, t]) => [
      county,
      { items: rename(t.items), veto: rename(t.veto), cvs: rename(t.cvs) },
    ])
  );
}
