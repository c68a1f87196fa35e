import { DEFAULT_SETTINGS, resolveSettings } from "../../src/engine";
import { FIELDS, readSheets } from "../../src/sheets";
import {
  NoSchoolsError,
  NothingCountedError,
  runAudit,
  scanWorkbook,
  type PipelineSteps,
} from "../../src/taskpane/pipeline";
import type { RunProgress } from "../../src/taskpane/service";
import { FAKE_FIELDS, fakeReadSheets, smallCountyGrids } from "../support/smallCountyWorkbook";

function steps(overrides: Partial<PipelineSteps> = {}): PipelineSteps & { plans: unknown[] } {
  const plans: unknown[] = [];
  return {
    plans,
    readGrids: async () => smallCountyGrids(),
    readSheets: fakeReadSheets,
    fields: FAKE_FIELDS,
    writePlan: async (plan, onProgress) => {
      plans.push(plan);
      onProgress(1, 2);
      onProgress(2, 2);
      return Object.fromEntries(
        plan.sheets.map((s) => [s.name, s.name === "审计总览" ? "审计总览 (2)" : s.name])
      );
    },
    now: () => new Date(Date.UTC(2026, 0, 2)),
    ...overrides,
  };
}

describe("runAudit", () => {
  it("reports read, detect, audit and write in order, the fraction rising to exactly 1", async () => {
    const seen: RunProgress[] = [];
    await runAudit(steps(), DEFAULT_SETTINGS, [], (p) => seen.push(p));
    expect(seen.map((p) => p.step)).toEqual(["read", "detect", "audit", "write", "write", "write"]);
    const fractions = seen.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions[0]).toBe(0);
    expect(fractions[fractions.length - 1]).toBe(1);
  });

  it("audits the records with the settings given and returns the sheets under the names the workbook gave them", async () => {
    const s = steps();
    const run = await runAudit(
      s,
      resolveSettings({ excludePrivate: true, standard: "2012" }),
      [],
      () => undefined
    );
    expect(run.result.standard.id).toBe("2012");
    expect(run.result.settings.excludePrivate).toBe(true);
    expect(run.sheets[0]).toEqual({ kind: "summary", name: "审计总览 (2)" });
    expect(run.sheets.map((x) => x.kind)).toContain("diagnostics");
    expect(s.plans).toHaveLength(1);
    expect(run.auditedAt.toISOString()).toBe("2026-01-02T00:00:00.000Z");
    expect(run.tables.map((t) => t.sheet)).toEqual(["小学", "初中", "O'Brien"]);
  });

  it("passes the overrides to the reader", async () => {
    const readSheets = jest.fn(fakeReadSheets);
    const overrides = [{ sheet: "小学", field: "pupils.primary", column: 3 }];
    await runAudit(steps({ readSheets }), DEFAULT_SETTINGS, overrides, () => undefined);
    expect(readSheets).toHaveBeenCalledWith(expect.any(Array), {
      overrides,
      auditYear: null,
      includeHiddenRows: false,
    });
  });

  it("passes the reader's settings (auditYear, includeHiddenRows) to the reader", async () => {
    const readSheets = jest.fn(fakeReadSheets);
    await runAudit(
      steps({ readSheets }),
      { ...DEFAULT_SETTINGS, auditYear: 2023, includeHiddenRows: true },
      [],
      () => undefined
    );
    expect(readSheets).toHaveBeenCalledWith(expect.any(Array), {
      overrides: [],
      auditYear: 2023,
      includeHiddenRows: true,
    });
  });

  it("adds the reader's diagnostics to the audit's", async () => {
    const diagnostic = {
      level: "warning" as const,
      code: "unit",
      sheet: "小学",
      cell: "L4",
      message: "单位不明",
    };
    const run = await runAudit(
      steps({ readSheets: (g, o) => ({ ...fakeReadSheets(g, o), diagnostics: [diagnostic] }) }),
      DEFAULT_SETTINGS,
      [],
      () => undefined
    );
    expect(run.result.diagnostics[0]).toEqual(diagnostic);
  });

  it("stops before writing when no school was found, saying where it looked", async () => {
    const s = steps({
      readSheets: () => ({
        records: [],
        tables: [],
        skipped: [{ sheet: "说明", reason: "没有表头" }],
        diagnostics: [],
      }),
    });
    const run = runAudit(s, DEFAULT_SETTINGS, [], () => undefined);
    await expect(run).rejects.toBeInstanceOf(NoSchoolsError);
    await expect(run).rejects.toThrow(/没有在工作簿中找到学校数据表（「说明」：没有表头）/);
    expect(s.plans).toHaveLength(0);
  });

  it("stops before writing when no school read counts, naming the first rows left out and why", async () => {
    const { records, ...rest } = fakeReadSheets(smallCountyGrids());
    const special = records.filter((r) => r.kind === "special");
    const s = steps({ readSheets: () => ({ ...rest, records: special }) });
    const run = runAudit(s, DEFAULT_SETTINGS, [], () => undefined);
    await expect(run).rejects.toBeInstanceOf(NothingCountedError);
    await expect(run).rejects.toThrow(
      /^读到的学校都不计入审计（「小学」第9行「特殊教育学校」：.+）/
    );
    expect(s.plans).toHaveLength(0);
  });

  it("lets a failed write through for the caller to describe", async () => {
    const error = { code: "AccessDenied" };
    await expect(
      runAudit(
        steps({ writePlan: () => Promise.reject(error) }),
        DEFAULT_SETTINGS,
        [],
        () => undefined
      )
    ).rejects.toBe(error);
  });
});

describe("scanWorkbook", () => {
  it("gives the tables, the skipped sheets, the fields and each table's column choices", async () => {
    const scan = await scanWorkbook(steps(), []);
    expect(scan.tables).toHaveLength(3);
    expect(scan.skipped).toEqual([{ sheet: "说明", reason: expect.any(String) }]);
    expect(Object.keys(scan.choices)).toEqual(["小学", "初中", "O'Brien"]);
    expect(scan.choices["小学"][2]).toEqual({ column: 2, letter: "C", header: "在校生数" });
    expect(scan.fields.length).toBeGreaterThan(5);
  });
});

describe("the pipeline with the real sheet reader", () => {
  const real = () => steps({ readSheets, fields: FIELDS });

  it("finds the small county's three tables and audits its nine rows", async () => {
    const scan = await scanWorkbook(real(), []);
    expect(scan.tables.map((t) => [t.sheet, t.records])).toEqual([
      ["小学", 5],
      ["初中", 3],
      ["O'Brien", 1],
    ]);
    const run = await runAudit(real(), DEFAULT_SETTINGS, [], () => undefined);
    expect(run.records).toHaveLength(9);
    expect(run.result.schools.filter((s) => s.pass === false).map((s) => s.name)).toEqual([
      '=HYPERLINK("http://x","y")',
      "@x",
    ]);
  });

  it("applies a column override: 室内体育用房 set aside is no longer read nor subtracted", async () => {
    const overrides = [{ sheet: "小学", field: "facilities.indoorSportsArea", column: null }];
    const scan = await scanWorkbook(real(), overrides);
    expect(scan.tables[0].columns.map((c) => c.field)).not.toContain("facilities.indoorSportsArea");
    const before = await runAudit(real(), DEFAULT_SETTINGS, [], () => undefined);
    const after = await runAudit(real(), DEFAULT_SETTINGS, overrides, () => undefined);
    // 「+1」: 5200 m² less 200 m² indoor sports over 1000 pupils, then 5200 / 1000 once set aside.
    expect(before.result.schools[0].values.L4).toBeCloseTo(5.0, 10);
    expect(after.result.schools[0].values.L4).toBeCloseTo(5.2, 10);
  });
});
