/**
 * Issue #15, 「unchecked is never passed」 in 学校达标: each school part shows G3 (音乐、美术专用教室),
 * G4 (学校规模) and G5 (班额) as 达标 / 未达标 / 未核查; a check without its column reads 未核查
 * (never 达标) and the sheet says which column to add.
 */
import { audit } from "../../src/engine";
import { buildPlan, type PlannedSheet } from "../../src/report";
import { AUDITED_AT, sheetOf } from "./helpers";
import { fullSchool, passingCounty } from "../engine/countyFixtures";

/** The G3–G5 cells of each school row of 学校达标, by school name. */
function guaranteeCells(schools: PlannedSheet): Record<string, string[]> {
  const header = schools.rows.find((r) => r.cells.some((c) => c?.value === "G3 音乐美术专用教室"))!;
  const cols = ["G3 音乐美术专用教室", "G4 学校规模", "G5 班额"].map((h) =>
    header.cells.findIndex((c) => c?.value === h)
  );
  const out: Record<string, string[]> = {};
  for (const r of schools.rows) {
    if (r.row <= header.row || !r.cells[cols[0]]) continue;
    out[String(r.cells[1]?.value)] = cols.map((c) => String(r.cells[c]?.value));
  }
  return out;
}

describe("学校达标 shows G3–G5 per school, unchecked as 未核查", () => {
  it("reads 达标 for every check made and passed", () => {
    const schools = passingCounty();
    const plan = buildPlan({ result: audit(schools), records: schools, auditedAt: AUDITED_AT });
    const cells = guaranteeCells(sheetOf(plan, "schools"));
    expect(Object.keys(cells).length).toBe(schools.length);
    for (const row of Object.values(cells)) expect(row).toEqual(["达标", "达标", "达标"]);
    // The weight columns stay hidden, the G columns do not.
    const sheet = sheetOf(plan, "schools");
    const header = sheet.rows.find((r) => r.cells.some((c) => c?.value === "G4 学校规模"))!;
    const g4 = header.cells.findIndex((c) => c?.value === "G4 学校规模");
    expect(sheet.hiddenColumns).not.toContain(g4);
    expect(String(sheet.rows[1].cells[0]?.value)).not.toContain("未核查");
  });

  it("reads 未核查 (never 达标) where a column is missing, 未达标 where a check fails, and names the column to add", () => {
    const schools = passingCounty();
    delete schools[1].stages.primary!.largestClass; // 二小: G5 cannot be checked
    delete schools[0].facilities!.artRooms; // 一小: G3 art rooms cannot be checked
    schools[2].stages.junior!.largestClass = 51; // 一中: G5 fails
    const result = audit(schools);
    const plan = buildPlan({ result, records: schools, auditedAt: AUDITED_AT });
    const sheet = sheetOf(plan, "schools");
    const cells = guaranteeCells(sheet);
    expect(cells["一小"]).toEqual(["未核查", "达标", "达标"]);
    expect(cells["二小"]).toEqual(["达标", "达标", "未核查"]);
    expect(cells["一中"]).toEqual(["达标", "达标", "未达标"]);
    expect(cells["二中"]).toEqual(["达标", "达标", "达标"]);
    const note = String(sheet.rows[1].cells[0]?.value);
    expect(note).toContain("未核查不算达标");
    expect(note).toContain("G5：小学最大班额或分班额段班级数");
    expect(note).toContain("G3：美术专用教室间数");
  });

  it("has no G columns under the 2012 standard, which has no school guarantee checks", () => {
    const schools = [fullSchool("一小", "primary")];
    const plan = buildPlan({
      result: audit(schools, { standard: "2012" }),
      records: schools,
      auditedAt: AUDITED_AT,
    });
    const texts = sheetOf(plan, "schools").rows.flatMap((r) => r.cells.map((c) => c?.value));
    expect(texts).not.toContain("G4 学校规模");
  });
});
