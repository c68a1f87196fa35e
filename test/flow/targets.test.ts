/**
 * locateTargets: the pane's click on a county item, veto row or CV lands on the row or cell the
 * audit sheets show it in, read from the plan the run wrote.
 */
import { audit, COUNTY_ITEMS, DEFAULT_SETTINGS, type AuditResult } from "../../src/engine";
import { runAudit } from "../../src/flow/auditFlow";
import { readSheets } from "../../src/sheets";
import { incompleteCountyGrids } from "../support/incompleteCountyWorkbook";
import { cvKey, locateTargets, renameTargets } from "../../src/flow/targets";
import { buildPlan, type WorkbookPlan } from "../../src/report";
import { passingCounty, passingForm } from "../engine/countyFixtures";
import { AUDITED_AT } from "../report/helpers";

function planned(counties: string[]): { plan: WorkbookPlan; result: AuditResult } {
  const records = counties.flatMap((c) => passingCounty(c || undefined));
  const result = audit(records, {}, { countyForms: counties.map((c) => passingForm({}, c)) });
  return { plan: buildPlan({ result, records, auditedAt: AUDITED_AT }), result };
}

/** The planned cell text at an A1 address of a sheet. */
function textAt(plan: WorkbookPlan, sheet: string, address: string): unknown {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const row = plan.sheets.find((s) => s.name === sheet)!.rows.find((r) => r.row === +digits - 1);
  return row?.cells[col]?.value;
}

describe("locateTargets", () => {
  const { plan, result } = planned([""]);
  const targets = locateTargets(plan, result)[""];

  it("finds every county item's row: G and Q in 表Ⅳ/表Ⅴ, S1 in 表Ⅵ", () => {
    expect(Object.keys(targets.items).sort()).toEqual(COUNTY_ITEMS.map((i) => i.id).sort());
    const g11 = targets.items.G11;
    expect(g11.sheet).toBe("表Ⅳ");
    const [first] = g11.address.split(":");
    expect(String(textAt(plan, "表Ⅳ", first.replace(/^A/, "B")))).toMatch(/^G11 /);
    expect(g11.address).toMatch(/^A(\d+):E\1$/);
    expect(targets.items.Q9.sheet).toBe("表Ⅴ");
    expect(targets.items.S1.sheet).toBe("表Ⅵ");
  });

  it("finds each veto row in 表Ⅵ by its code", () => {
    expect(Object.keys(targets.veto)).toEqual(result.counties[0].veto.map((v) => v.id));
    const v3 = targets.veto.V3;
    expect(textAt(plan, v3.sheet, v3.address.split(":")[0])).toBe("V3");
  });

  it("points each stage indicator at its CV cell in 差异系数, whose cached value is the engine's CV", () => {
    const county = result.counties[0];
    for (const stage of ["primary", "junior"] as const)
      for (const [id, ind] of Object.entries(county.stages[stage].indicators)) {
        const target = targets.cvs[cvKey(stage, id)];
        expect(target.sheet).toBe("差异系数");
        expect([stage, id, textAt(plan, "差异系数", target.address)]).toEqual([stage, id, ind.cv]);
      }
  });

  it("uses the names the sheets got in the workbook", () => {
    const renamed = renameTargets(locateTargets(plan, result), {
      表Ⅳ: "表Ⅳ (2)",
      差异系数: "差异系数 (2)",
    })[""];
    expect(renamed.items.G1.sheet).toBe("表Ⅳ (2)");
    expect(renamed.items.Q1.sheet).toBe("表Ⅴ");
    expect(renamed.cvs[cvKey("primary", "L1")].sheet).toBe("差异系数 (2)");
  });

  it("keeps two counties apart: each item in its own county's tables, each CV in its own rows", () => {
    const two = planned(["甲县", "乙县"]);
    const both = locateTargets(two.plan, two.result);
    expect(both.甲县.items.G11.sheet).not.toBe(both.乙县.items.G11.sheet);
    expect(both.甲县.cvs[cvKey("primary", "L1")].address).not.toBe(
      both.乙县.cvs[cvKey("primary", "L1")].address
    );
    expect(Object.keys(both.乙县.items)).toHaveLength(COUNTY_ITEMS.length);
  });

  it("are found by the run before the write, for a host that lets go of the rows it wrote (the file host)", async () => {
    const run = await runAudit(
      {
        readGrids: async () => incompleteCountyGrids(),
        readSheets: (grids, options) => readSheets(grids, options),
        writePlan: async (written) => {
          for (const sheet of written.sheets) (sheet.rows as unknown[]).fill(null);
          return { 表Ⅳ: "表Ⅳ (2)" };
        },
        now: () => new Date(0),
      },
      DEFAULT_SETTINGS,
      [],
      () => undefined
    );
    expect(run.targets[""].items.G11.sheet).toBe("表Ⅳ (2)");
    expect(run.targets[""].items.S1.sheet).toBe("表Ⅵ");
    expect(run.targets[""].cvs[cvKey("junior", "L7")].sheet).toBe("差异系数");
  });
});
