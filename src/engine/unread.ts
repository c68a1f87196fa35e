import { combineVerdict, overallVerdict } from "./county/verdict";
import type { AuditResult, CountyResult, DimensionResult } from "./result";
import { STAGE_NAMES, type Stage } from "./types";

/** What a stage the sheets name but no school of which was read is called wherever it is shown. */
export const UNREAD_NOTE = "未读到学校";

/**
 * Marks stages the workbook names (a sheet called 「初中」, 学段 cells, school names) of which no
 * school was read: each county shows the stage as 「未读到学校」 and cannot pass, its verdict and
 * the workbook's are null (未完成) until the stage is read. A stage that has schools is left as it is.
 *
 * @example
 * const result = markUnreadStages(audit(records), ["junior"]);
 * result.counties[0].stages.junior.note; // "未读到学校"
 * result.pass; // null
 * result.verdict; // "incomplete" (or "fail" when something else failed)
 */
export function markUnreadStages(result: AuditResult, stages: readonly Stage[]): AuditResult {
  if (stages.length === 0) return result;
  const counties: CountyResult[] = result.counties.map((county) => {
    const missing = stages.filter((s) => county.stages[s].schools === 0);
    if (missing.length === 0) return county;
    const marked = { ...county.stages };
    for (const s of missing)
      marked[s] = { ...marked[s], pass: null, unread: true, note: UNREAD_NOTE };
    // Each unread stage is an unchecked part of resource allocation: the county is 未完成 unless something failed.
    const resource: DimensionResult = {
      ...county.dimensions.resource,
      unchecked: county.dimensions.resource.unchecked + missing.length,
    };
    if (resource.status === "pass") resource.status = "unchecked";
    const dimensions = { ...county.dimensions, resource };
    return {
      ...county,
      stages: marked,
      pass: null,
      dimensions,
      verdict: combineVerdict(Object.values(dimensions), county.veto),
    };
  });
  const pass = counties.some((c) => c.pass === null) ? null : result.pass;
  const verdict = overallVerdict(counties.map((c) => c.verdict));
  return {
    ...result,
    counties,
    stages: counties.length === 1 ? counties[0].stages : result.stages,
    pass,
    verdict,
  };
}

/** 「初中未读到学校」 for the stages of a county that were not read, or "" when none. */
export function unreadStagesText(county: CountyResult): string {
  return (Object.keys(county.stages) as Stage[])
    .filter((s) => county.stages[s].unread)
    .map((s) => `${STAGE_NAMES[s]}${UNREAD_NOTE}`)
    .join("、");
}
