/** Every source row accounted for: the reader's row counts with the audit's exclusions moved in. */
import type { AuditResult, SchoolRecord, SourceRowAccount } from "../engine";
import type { RowAccount } from "../sheets";

/**
 * The reconciliation of each school table: the reader's counts per sheet, with the rows whose
 * school the audit leaves out entirely (special and vocational schools, small teaching points,
 * private schools when excluded, no usable stage) moved from the schools read to the excluded
 * rows, each with the audit's reason. rows = header + schools + Σ skipped + excluded.length.
 *
 * @example
 * const rows = sourceRowAccounts(read.rowAccounts ?? [], read.records, result);
 * rows[0]; // { sheet: "小学", firstRow: 1, lastRow: 40, rows: 40, header: 2, schools: 30, skipped: {…}, excluded: [{ row: 9, cell: "A9", name: "启智学校", reason: "特殊教育学校，…" }] }
 */
export function sourceRowAccounts(
  accounts: readonly RowAccount[],
  records: readonly SchoolRecord[],
  result: Pick<AuditResult, "schools" | "excluded">
): SourceRowAccount[] {
  const counted = new Set(result.schools.map((s) => s.recordIndex));
  // Reasons of the records no part of which is audited, by record.
  const reasons = new Map<number, string[]>();
  for (const e of result.excluded) {
    if (e.recordIndex < 0 || counted.has(e.recordIndex)) continue;
    const list = reasons.get(e.recordIndex) ?? [];
    list.push(e.reason);
    reasons.set(e.recordIndex, list);
  }
  const bySheet = new Map<string, SourceRowAccount["excluded"]>();
  for (const [index, why] of reasons) {
    const source = records[index]?.source;
    if (!source) continue;
    const list = bySheet.get(source.sheet) ?? [];
    list.push({
      kind: "notCounted",
      row: source.row,
      cell: source.cells?.name ?? `A${source.row}`,
      name: records[index].name,
      reason: why.join("；"),
    });
    bySheet.set(source.sheet, list);
  }
  return accounts.map((a) => {
    const moved = bySheet.get(a.sheet) ?? [];
    return {
      sheet: a.sheet,
      firstRow: a.firstRow,
      lastRow: a.lastRow,
      rows: a.lastRow - a.firstRow + 1,
      header: a.header,
      schools: a.read - moved.length,
      skipped: { ...a.skipped },
      excluded: [...a.leftOut, ...moved].sort((x, y) => x.row - y.row),
    };
  });
}

/** rows − (header + schools + Σ skipped + excluded): 0 whenever every row is accounted for. */
export function unaccountedRows(a: SourceRowAccount): number {
  const skipped = Object.values(a.skipped).reduce((s, n) => s + n, 0);
  return a.rows - (a.header + a.schools + skipped + a.excluded.length);
}
