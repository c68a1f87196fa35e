import { audit } from "../../src/engine";
import { formatSummary } from "../../src/cli/summary";
import { buildPlan } from "../../src/report";
import { at, AUDITED_AT, rowsWith, sheetOf } from "../report/helpers";
import { fullSchool, passingCounty } from "./countyFixtures";

describe("a school guarantee item without its column is 未核查, never 达标", () => {
  it("passes G3–G5 only when every school has the columns to check them by", () => {
    const result = audit(passingCounty());
    expect(result.guarantees.every((g) => g.pass === true)).toBe(true);
    expect(result.counties[0].guaranteesUnchecked).toBe(0);
    for (const id of ["G3", "G4", "G5"])
      expect(result.counties[0].items.find((i) => i.id === id)?.status).toBe("pass");
  });

  it("leaves G5 of a school with no 最大班额 or 班额分档 unchecked (pass: null), and the item with it", () => {
    const schools = passingCounty();
    delete schools[1].stages.primary!.largestClass;
    const result = audit(schools);
    const g5 = result.guarantees.filter((g) => g.id === "G5");
    expect(g5.map((g) => [g.school, g.pass])).toEqual([
      ["一小", true],
      ["二小", null],
      ["一中", true],
      ["二中", true],
    ]);
    const open = g5[1];
    expect(open.value).toBeNull();
    expect(open.message).toMatch(/^未核查：学校表中没有小学最大班额或分班额段班级数，请补充该列$/);
    const county = result.counties[0];
    expect([county.guaranteesFailed, county.guaranteesUnchecked]).toEqual([0, 1]);
    const item = county.items.find((i) => i.id === "G5")!;
    expect(item.status).toBe("unchecked");
    expect(item.notes.join()).toContain("二小");
    expect(item.notes.join()).toContain("最大班额");
    expect(county.verdict).not.toBe("pass");
    // The JSON the CLI writes keeps the null: a reader can tell unchecked from passed.
    const json = JSON.parse(JSON.stringify(result)) as typeof result;
    expect(json.guarantees.find((g) => g.school === "二小" && g.id === "G5")?.pass).toBeNull();
  });

  it("a failure still fails the item though another school is unchecked", () => {
    const schools = passingCounty();
    delete schools[1].stages.primary!.largestClass;
    schools[2].stages.junior!.largestClass = 51;
    const item = audit(schools).counties[0].items.find((i) => i.id === "G5")!;
    expect(item.status).toBe("fail");
  });

  it("leaves G3 unchecked per room kind that has no column, naming 班级数 when classes are missing", () => {
    const a = fullSchool("一小", "primary");
    delete a.facilities!.artRooms;
    const b = fullSchool("二小", "primary");
    delete b.stages.primary!.classes;
    const g3 = audit([a, b]).guarantees.filter((g) => g.id === "G3");
    expect(g3.map((g) => [g.school, g.name, g.pass])).toEqual([
      ["一小", "音乐专用教室", true],
      ["一小", "美术专用教室", null],
      ["二小", "音乐专用教室", null],
      ["二小", "美术专用教室", null],
    ]);
    expect(g3[1].message).toContain("美术专用教室间数");
    expect(g3[2].message).toContain("班级数");
    expect(g3[2].message).not.toContain("间数");
  });

  it("writes 未核查 in 审计总览's 学校保障项 with a note, the row 未完成, and lists the column in 数据诊断", () => {
    const schools = passingCounty();
    for (const s of schools) delete s.stages[s.kind as "primary" | "junior"]!.largestClass;
    const result = audit(schools);
    const plan = buildPlan({ result, records: schools, auditedAt: AUDITED_AT });
    const summary = sheetOf(plan, "summary");
    const header = summary.rows.find((r) => r.cells.some((c) => c?.value === "学校保障项"))!;
    const col = header.cells.findIndex((c) => c?.value === "学校保障项");
    const row = summary.rows.find((r) => r.row > header.row && r.cells[col]?.value !== undefined)!;
    expect(row.cells[col]?.value).toBe("未核查");
    expect(row.cells[1]?.value).toBe("未完成");
    expect(String(row.cells[col + 1]?.value)).toContain("4项学校保障检查未核查");
    const diagnostics = sheetOf(plan, "diagnostics");
    // No school has the column: one row per stage for the county, with its number of schools.
    const listed = rowsWith(diagnostics, 2, "G5 班额");
    expect(listed).toHaveLength(2);
    for (const row of listed)
      expect(String(at(diagnostics, row, 5)?.value)).toMatch(/最大班额.*请补充该列/);
    const counts = listed.map((row) => String(at(diagnostics, row, 1)?.value));
    expect(counts.every((text) => /^\d+所学校$/.test(text))).toBe(true);
    expect(counts.reduce((sum, text) => sum + parseInt(text, 10), 0)).toBe(4);
    expect(formatSummary(result, { workbook: "x" })).toContain("学校保障检查未核查 4 项");
  });
});
