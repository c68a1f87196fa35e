import { audit, type GuaranteeCheck, type SchoolRecord } from "../../src/engine";
import { buildPlan } from "../../src/report";
import { guaranteeRows } from "../../src/report/diagnosticsSheet";
import { AUDITED_AT, sheetOf } from "./helpers";

/** 数据诊断's section 五: failed checks and unchecked ones, a missing column once per county. */

function check(
  school: string,
  pass: boolean | null,
  more: Partial<GuaranteeCheck> = {}
): GuaranteeCheck {
  return {
    id: "G3",
    name: "音乐专用教室",
    school,
    county: "甲县",
    pass,
    value: pass === null ? null : 1,
    limit: 1,
    message: pass === null ? "未核查：学校表中没有音乐专用教室间数，请补充该列" : "",
    source: { sheet: "小学", row: 5, cell: "B5" },
    ...more,
  };
}

describe("guaranteeRows", () => {
  it("stands every unchecked school of a county in for one row when no school of the sheet was checked", () => {
    const rows = guaranteeRows([check("一小", null), check("二小", null), check("三小", null)]);
    expect(rows.failed).toEqual([]);
    expect(rows.unchecked).toEqual([]);
    expect(rows.missingColumns).toHaveLength(1);
    expect(rows.missingColumns[0].schools).toBe(3);
    expect(rows.missingColumns[0].first.school).toBe("一小");
  });

  it("lists the unchecked schools by name once one school of the sheet was checked (their cells are the ones to fill)", () => {
    for (const decided of [true, false]) {
      const rows = guaranteeRows([
        check("一小", null),
        check("二小", decided),
        check("三小", null),
      ]);
      expect(rows.unchecked.map((g) => g.school)).toEqual(["一小", "三小"]);
      expect(rows.missingColumns).toEqual([]);
      expect(rows.failed.map((g) => g.school)).toEqual(decided ? [] : ["二小"]);
    }
  });

  it("keeps counties, sheets, stages, items and messages apart", () => {
    const rows = guaranteeRows([
      check("一小", null),
      check("二小", null, { county: "乙县" }),
      check("三小", null, { source: { sheet: "初中", row: 5, cell: "B5" } }),
      check("四小", null, { name: "美术专用教室" }),
      check("五小", null, { message: "未核查：学校表中没有音乐专用教室间数、班级数，请补充该列" }),
      check("六小", null, { id: "G5", name: "班额", stage: "junior" }),
      check("七小", null),
    ]);
    expect(rows.missingColumns.map((m) => [m.first.school, m.schools])).toEqual([
      ["一小", 2],
      ["二小", 1],
      ["三小", 1],
      ["四小", 1],
      ["五小", 1],
      ["六小", 1],
    ]);
  });

  it("judges a stage's column apart from the other stage's", () => {
    const rows = guaranteeRows([
      check("一小", true, { id: "G5", name: "班额", stage: "primary" }),
      check("一中", null, { id: "G5", name: "班额", stage: "junior" }),
      check("二中", null, { id: "G5", name: "班额", stage: "junior" }),
    ]);
    expect(rows.unchecked).toEqual([]);
    expect(rows.missingColumns.map((m) => m.schools)).toEqual([2]);
  });
});

describe("buildPlan: 数据诊断 section 五", () => {
  const school = (name: string, rooms?: number): SchoolRecord => ({
    name,
    county: "甲县",
    kind: "primary",
    stages: { primary: { pupils: 600, classes: 12 } },
    facilities: rooms === undefined ? {} : { musicRooms: rooms, musicRoomArea: 100 * rooms },
    source: { sheet: "小学", row: 5, cells: { name: "B5" } },
  });
  const section = (records: SchoolRecord[]) => {
    const plan = buildPlan({ result: audit(records), records, auditedAt: AUDITED_AT });
    const rows = sheetOf(plan, "diagnostics").rows.map((r) => r.cells.map((c) => c?.value));
    const start = rows.findIndex((r) => r[0] === "五、学校保障项未通过或未核查");
    const end = rows.findIndex((r, i) => i > start && r[0] === "六、诊断信息");
    return rows.slice(start + 2, end).filter((r) => r.some((v) => v !== undefined && v !== null));
  };

  it("names the missing column once for the county, with the number of schools", () => {
    const rows = section([school("一小"), school("二小"), school("三小")]);
    const music = rows.filter((r) => String(r[2]).includes("音乐"));
    expect(music).toHaveLength(1);
    expect(music[0][0]).toBe("甲县");
    expect(music[0][1]).toBe("3所学校");
    expect(music[0][3]).toBe("小学");
    expect(String(music[0][5])).toMatch(/学校表中没有音乐专用教室间数/);
  });

  it("lists by name the schools whose room count is missing when others have it", () => {
    const rows = section([school("一小"), school("二小", 1), school("三小")]);
    const music = rows.filter((r) => String(r[2]).includes("音乐"));
    expect(music.map((r) => r[1])).toEqual(["一小", "三小"]);
    // 美术 rooms are missing for every school: still one row.
    expect(rows.filter((r) => String(r[2]).includes("美术")).map((r) => r[1])).toEqual(["3所学校"]);
  });
});
