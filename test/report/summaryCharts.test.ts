import { audit, type SchoolRecord } from "../../src/engine";
import { buildPlan } from "../../src/report";
import { smallCounty } from "./fixture";
import { AUDITED_AT, sheetOf } from "./helpers";

/** The small county's records copied into `n` counties. */
function counties(n: number): SchoolRecord[] {
  const { records } = smallCounty();
  return Array.from({ length: n }, (_, i) =>
    records.map((r) => ({ ...r, county: `第${i + 1}县` }))
  ).flat();
}

describe("审计总览's charts with several counties", () => {
  it("draws each county's stages, titled with the county, two to a printed page", () => {
    const { records } = smallCounty({ a: "甲县", b: "乙县" });
    const summary = sheetOf(
      buildPlan({ result: audit(records), records, auditedAt: AUDITED_AT }),
      "summary"
    );
    const charts = summary.charts ?? [];
    expect(charts.map((c) => c.title)).toEqual([
      "甲县 小学各指标差异系数与限值",
      "甲县 初中各指标差异系数与限值",
      "乙县 小学各指标差异系数与限值",
      "乙县 初中各指标差异系数与限值",
    ]);
    // A page break above each pair (above its subtitle row) and one after the last chart.
    expect(summary.pageBreaks).toEqual([
      charts[0].anchor.top - 1,
      charts[2].anchor.top - 1,
      charts[3].anchor.bottom + 2,
    ]);
    // The pair's charts do not overlap.
    expect(charts[1].anchor.top).toBeGreaterThan(charts[0].anchor.bottom);
  });

  it("draws none for a city's table of many counties, and says so", () => {
    const records = counties(21);
    const summary = sheetOf(
      buildPlan({ result: audit(records), records, auditedAt: AUDITED_AT }),
      "summary"
    );
    expect(summary.charts).toBeUndefined();
    expect(
      summary.rows.some((r) => String(r.cells[0]?.value ?? "").startsWith("区县较多（42个学段"))
    ).toBe(true);
  });
});
