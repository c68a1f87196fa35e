/** School rows the reader left out for bad data, carried into the audit result as excluded entries. */
import type { AuditResult, ExcludedRecord } from "../engine";
import type { RejectedRow } from "../sheets";

/**
 * The result with each rejected row listed in `excluded` (recordIndex -1, rowLeftOut), so the
 * JSON, 数据诊断 and 审计总览's 「数据不完整」 all tell that a school was left out, and where.
 *
 * @example
 * const listed = withRejectedRows(result, [
 *   { sheet: "小学", row: 4, cell: "B4", name: "错字小学", text: "1,2O0", reason: "在校生数（小学!B4）为「1,2O0」，不是数字，应为大于0的人数，该行未读入" },
 * ]);
 * listed.excluded.at(-1); // { recordIndex: -1, name: "错字小学", source: { sheet: "小学", row: 4, cell: "B4" }, rowLeftOut: true, … }
 */
export function withRejectedRows(result: AuditResult, rows: readonly RejectedRow[]): AuditResult {
  if (rows.length === 0) return result;
  const listed: ExcludedRecord[] = rows.map((r) => ({
    recordIndex: -1,
    name: r.name,
    county: "",
    reason: r.reason,
    source: { sheet: r.sheet, row: r.row, cell: r.cell },
    rowLeftOut: true,
  }));
  return { ...result, excluded: [...result.excluded, ...listed] };
}
