/**
 * The declaration tables as printed and filed: 填报单位 named (the source's 「填报单位」 line, else
 * the county), the 填表人 / 审核人 / 日期 line and a row for the seal under each table.
 */
import { audit } from "../../src/engine";
import { buildPlan, type PlannedSheet, type TableLike } from "../../src/report";
import { readCountyForms } from "../../src/sheets";
import { passingCounty } from "../engine/countyFixtures";
import { smallCounty } from "./fixture";
import { AUDITED_AT, sheetOf } from "./helpers";

const DECLARATIONS = ["declaration-II-1", "declaration-II-2", "declaration-III"] as const;

function table(sheet: string, filingUnit?: string): TableLike {
  return {
    sheet,
    headerRows: [3, 3],
    dataRows: [4, 8],
    columns: [],
    units: [],
    records: 5,
    ...(filingUnit !== undefined ? { filingUnit } : {}),
  };
}

function planWith(tables: TableLike[], counties?: { a: string; b: string }) {
  const { records } = smallCounty(counties);
  return buildPlan({
    result: audit(records),
    records,
    read: { tables, skipped: [] },
    auditedAt: AUDITED_AT,
  });
}

const texts = (sheet: PlannedSheet) =>
  sheet.rows.flatMap((r) =>
    r.cells.flatMap((c) => (typeof c?.value === "string" ? [c.value] : []))
  );

describe("declaration tables: who files them and where they sign", () => {
  it("name the bureau of the source sheets' 「填报单位」 line, at the top and by the seal", () => {
    const plan = planWith([table("小学", "示范区教育局"), table("初中", "示范区教育局")]);
    for (const kind of DECLARATIONS) {
      const t = texts(sheetOf(plan, kind));
      expect({ kind, head: t.find((x) => x.startsWith("填报单位：")) }).toEqual({
        kind,
        head: "填报单位：示范区教育局",
      });
      expect(t).toContain("填报单位（盖章）：示范区教育局");
    }
  });

  it("carry 填表人, 审核人 and 日期 to fill in, and a tall row under them for the seal", () => {
    const plan = planWith([]);
    for (const kind of DECLARATIONS) {
      const sheet = sheetOf(plan, kind);
      const people = sheet.rows.find((r) =>
        String(r.cells[0]?.value ?? "").startsWith("填表人：")
      )!;
      expect(String(people.cells[0]!.value)).toMatch(
        /填表人：＿+　+审核人：＿+　+日期：＿+年＿+月＿+日/
      );
      const seal = sheet.rows.find((r) => r.row === people.row + 1)!;
      expect(String(seal.cells[0]!.value)).toMatch(/^填报单位（盖章）：/);
      expect(seal.height).toBeGreaterThanOrEqual(60);
      // Both lines span the table, below its last row of figures and notes.
      const last = Math.max(...sheet.rows.filter((r) => r.row < people.row).map((r) => r.row));
      expect(people.row).toBeGreaterThan(last);
      expect(sheet.merges.some((m) => m.startsWith(`A${seal.row + 1}:`))).toBe(true);
    }
  });

  it("leave a line to write on when neither a 填报单位 line nor a county name is known", () => {
    const plan = planWith([table("小学")]);
    const t = texts(sheetOf(plan, "declaration-II-2"));
    expect(t).toContain("填报单位：＿＿＿＿＿＿＿＿＿＿");
    expect(t).toContain("填报单位（盖章）：＿＿＿＿＿＿＿＿＿＿");
  });

  it("name each county itself when the workbook holds several (one bureau's line is not theirs)", () => {
    const plan = planWith([table("小学", "某市教育局")], { a: "甲县", b: "乙县" });
    expect(texts(sheetOf(plan, "declaration-II-2", "乙县"))).toContain("填报单位：乙县");
    expect(texts(sheetOf(plan, "declaration-III", "甲县"))).toContain("填报单位（盖章）：甲县");
  });

  it("use the county's name when the sheets name two different bureaus", () => {
    const plan = planWith([table("小学", "甲局"), table("初中", "乙局")], { a: "甲县", b: "甲县" });
    expect(texts(sheetOf(plan, "declaration-II-1"))).toContain("填报单位：甲县");
  });
});

describe("the county tables 表Ⅰ and 表Ⅳ–Ⅵ sign off like the others", () => {
  const COUNTY_TABLES = [
    "declaration-I",
    "declaration-IV",
    "declaration-V",
    "declaration-VI",
  ] as const;

  function planWithForm(tables: TableLike[]) {
    const form = {
      name: "县域指标",
      rows: [
        ["编号", "项目", "填报值"],
        ["G1", "学校规划布局合理", "是"],
      ],
      merges: [],
    };
    const { forms } = readCountyForms([form]);
    const records = passingCounty();
    return buildPlan({
      result: audit(records, {}, { countyForms: forms }),
      records,
      read: { tables, skipped: [] },
      auditedAt: AUDITED_AT,
    });
  }

  it("name the bureau of the source's 「填报单位」 line at the top and by the seal, with 填表人, 审核人 and 日期", () => {
    const plan = planWithForm([table("小学", "示范区教育局")]);
    for (const kind of COUNTY_TABLES) {
      const t = texts(sheetOf(plan, kind));
      expect({ kind, head: t.find((x) => x.startsWith("填报单位：")) }).toEqual({
        kind,
        head: "填报单位：示范区教育局",
      });
      expect({ kind, seal: t.filter((x) => x.startsWith("填报单位（盖章）：")) }).toEqual({
        kind,
        seal: ["填报单位（盖章）：示范区教育局"],
      });
      expect(t.some((x) => /^填表人：＿+　+审核人：＿+　+日期：/.test(x))).toBe(true);
    }
  });

  it("leave a line to write on when the bureau is not known (never 「教育局」 alone)", () => {
    const plan = planWithForm([]);
    for (const kind of COUNTY_TABLES) {
      const t = texts(sheetOf(plan, kind));
      expect({ kind, seal: t.filter((x) => x.startsWith("填报单位（盖章）：")) }).toEqual({
        kind,
        seal: ["填报单位（盖章）：＿＿＿＿＿＿＿＿＿＿"],
      });
    }
  });
});

describe("the printed header", () => {
  it("names the source's 填报单位 when known, else the county", () => {
    const named = planWith([table("小学", "示范区教育局")]);
    for (const sheet of named.sheets) expect(sheet.page.header?.left).toBe("示范区教育局");
    const two = planWith([], { a: "甲县", b: "乙&县" });
    expect(sheetOf(two, "summary").page.header?.left).toBe("甲县、乙&&县");
    expect(sheetOf(two, "declaration-II-2", "甲县").page.header?.left).toBe("甲县");
  });
});
