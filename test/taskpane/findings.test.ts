import { audit, type SchoolRecord } from "../../src/engine";
import { failingSchools } from "../../src/taskpane/findings";
import type { RunResult } from "../../src/taskpane/service";
import { HOSTILE_NAME, smallCounty } from "../report/fixture";

function runOf(records: SchoolRecord[]): RunResult {
  return {
    result: audit(records),
    records,
    tables: [],
    sheets: [],
    targets: {},
    auditedAt: new Date(0),
  };
}

describe("failingSchools", () => {
  const { records } = smallCounty();
  const findings = failingSchools(runOf(records));

  it("lists exactly the parts that fail the school rule, with their name cells", () => {
    expect(findings.map((f) => [f.name, f.stage, f.target])).toEqual([
      [HOSTILE_NAME, "primary", { sheet: "小学", address: "B7" }],
      ["@x", "junior", { sheet: "初中", address: "B6" }],
    ]);
  });

  it("points each shortfall at the cell of its numerator: L1 of row 7 is D7 (高于规定学历教师数)", () => {
    const school = findings[0];
    expect(school.shortfalls.map((s) => [s.indicator, s.target?.address, s.belowFloor])).toEqual([
      ["L1", "D7", true],
      ["L2", "E7", true],
      ["L3", "F7", false],
      ["L4", "I7", false],
      ["L6", "L7", false],
      ["L7", "M7", false],
    ]);
    expect(school.shortfalls[0].shortfall.advice).toMatch(/^需增加6名高于规定学历教师/);
    expect([school.met, school.indicators]).toEqual([1, 7]);
  });

  it("falls back to the name cell when the missing figure has no cell", () => {
    expect(findings[1].shortfalls).toEqual([
      expect.objectContaining({ indicator: "L2", target: { sheet: "初中", address: "B6" } }),
    ]);
  });

  it("selects the whole row when the reader kept no name cell, and nothing without a sheet", () => {
    const bare = records.map((r) => ({
      ...r,
      source: r.source ? { sheet: r.source.sheet, row: r.source.row } : undefined,
    }));
    const run = runOf(bare);
    expect(failingSchools(run)[0].target).toEqual({ sheet: "小学", address: "7:7" });
    const none = runOf(records.map((r) => ({ ...r, source: undefined })));
    expect(failingSchools(none)[0].target).toBeNull();
    expect(failingSchools(none)[0].shortfalls[0].target).toBeNull();
  });

  it("is empty when every school passes", () => {
    const passing = records.filter((r) => r.name !== HOSTILE_NAME && r.name !== "@x");
    expect(failingSchools(runOf(passing))).toEqual([]);
  });
});
