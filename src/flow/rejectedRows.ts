/** School rows the reader left out for bad data, carried into the audit result as excluded entries. */
import {
  combineVerdict,
  overallVerdict,
  type AuditResult,
  type CountyResult,
  type ExcludedRecord,
} from "../engine";
import type { RejectedRow } from "../sheets";

/**
 * The result with each rejected row listed in `excluded` (recordIndex -1, rowLeftOut), so the
 * JSON, 数据诊断 and 审计总览's 「数据不完整」 all tell that a school was left out, and where.
 * The county the row belongs to (all counties when the row names none and there are several) is
 * marked incomplete: a result is only 达标 when it was checked, and its CVs miss that school
 * (see markIncompleteData).
 *
 * @example
 * const listed = withRejectedRows(result, [
 *   { sheet: "小学", row: 4, cell: "B4", name: "错字小学", text: "1,2O0", reason: "在校生数（小学!B4）为「1,2O0」，不是数字，应为大于0的人数，该行未读入" },
 * ]);
 * listed.excluded.at(-1); // { recordIndex: -1, name: "错字小学", source: { sheet: "小学", row: 4, cell: "B4" }, rowLeftOut: true, … }
 * listed.verdict; // "incomplete" where it was "pass"
 */
export function withRejectedRows(result: AuditResult, rows: readonly RejectedRow[]): AuditResult {
  if (rows.length === 0) return result;
  const listed: ExcludedRecord[] = rows.map((r) => ({
    recordIndex: -1,
    name: r.name,
    county: r.county ?? "",
    reason: r.reason,
    source: { sheet: r.sheet, row: r.row, cell: r.cell },
    rowLeftOut: true,
  }));
  return markIncompleteData({ ...result, excluded: [...result.excluded, ...listed] });
}

/** The county's note: how many school rows are missing from its figures, and what that means. */
export function incompleteNote(rows: number): string {
  return `数据不完整：${rows}所学校的行因数据有误未读入，差异系数和达标情况未包括这些学校；结论最多为「未完成」，改正后请重新审计。`;
}

/**
 * Marks each county with school rows left out for bad data (rowLeftOut in excluded[]): its
 * resource allocation counts one more unchecked entry, so 达标 becomes 未完成 while a failure
 * stays 未达标 (a school that fails fails whatever is missing); `pass` true becomes null.
 * The county gets `dataIncomplete` {rowsLeftOut, note}. A row whose county is unknown, or names a
 * county no counted school belongs to, marks every county (it could be any of them).
 */
export function markIncompleteData(result: AuditResult): AuditResult {
  const leftOut = result.excluded.filter((e) => e.rowLeftOut);
  if (leftOut.length === 0) return result;
  const names = new Set(result.counties.map((c) => c.name));
  const perCounty = new Map<string, number>();
  for (const e of leftOut) {
    const targets = names.has(e.county) ? [e.county] : [...names];
    for (const t of targets) perCounty.set(t, (perCounty.get(t) ?? 0) + 1);
  }
  const counties: CountyResult[] = result.counties.map((county) => {
    const rows = perCounty.get(county.name) ?? 0;
    if (rows === 0) return county;
    const resource = {
      ...county.dimensions.resource,
      unchecked: county.dimensions.resource.unchecked + 1,
    };
    if (resource.status === "pass") resource.status = "unchecked";
    const dimensions = { ...county.dimensions, resource };
    return {
      ...county,
      pass: county.pass === true ? null : county.pass,
      dimensions,
      verdict: combineVerdict(Object.values(dimensions), county.veto),
      dataIncomplete: { rowsLeftOut: rows, note: incompleteNote(rows) },
    };
  });
  return {
    ...result,
    counties,
    pass: result.pass === true && counties.some((c) => c.pass === null) ? null : result.pass,
    verdict: overallVerdict(counties.map((c) => c.verdict)),
  };
}
