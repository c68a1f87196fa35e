import { audit } from "../../src/engine";
import {
  buildPlan,
  chooseSheetNames,
  MAX_SHEET_NAME,
  renameSheets,
  sanitizeSheetName,
} from "../../src/report";
import { build, smallCounty } from "./fixture";
import { formulaMismatches } from "./formulaEval";
import { allCells, AUDITED_AT } from "./helpers";

describe("sanitizeSheetName", () => {
  it("replaces the characters Excel forbids and keeps the rest", () => {
    expect(sanitizeSheetName("表Ⅱ-2 某县[城区]/东:*?\\")).toBe("表Ⅱ-2 某县_城区__东____");
    expect(sanitizeSheetName("O'Brien")).toBe("O'Brien");
  });

  it("trims apostrophes and spaces at the edges, which Excel refuses", () => {
    expect(sanitizeSheetName(" 'x' ")).toBe("x");
  });

  it("cuts to 31 characters without splitting a character", () => {
    const long = "某".repeat(40);
    expect(sanitizeSheetName(long)).toHaveLength(MAX_SHEET_NAME);
    const emoji = "a".repeat(30) + "😀";
    expect(sanitizeSheetName(emoji)).toBe("a".repeat(30));
  });

  it("never returns an empty or reserved name", () => {
    expect(sanitizeSheetName("")).toBe("工作表");
    expect(sanitizeSheetName("[]")).toBe("__");
    expect(sanitizeSheetName("history")).toBe("History_");
  });
});

describe("chooseSheetNames", () => {
  it("keeps a name when the existing sheet is owned (it will be replaced)", () => {
    expect(chooseSheetNames(["审计总览"], [{ name: "审计总览", owned: true }])).toEqual([
      "审计总览",
    ]);
  });

  it("never takes a user's sheet name: the planned sheet gets (2), (3)…, compared without case", () => {
    expect(
      chooseSheetNames(
        ["审计总览", "Data"],
        [
          { name: "审计总览", owned: false },
          { name: "审计总览 (2)", owned: false },
          { name: "data", owned: false },
        ]
      )
    ).toEqual(["审计总览 (3)", "Data (2)"]);
  });

  it("keeps the numbered name within 31 characters and distinct from the other planned names", () => {
    const long = "表Ⅱ-2 " + "某".repeat(30);
    const names = chooseSheetNames([long, long], [{ name: sanitizeSheetName(long), owned: false }]);
    expect(names[0]).toMatch(/ \(2\)$/);
    expect(names[1]).toMatch(/ \(3\)$/);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });
});

describe("renameSheets", () => {
  it("renames the plan's sheets and rewrites every reference to them; the formulas still recompute", () => {
    const { records, sources } = smallCounty();
    const plan = buildPlan({ result: audit(records), records, auditedAt: AUDITED_AT });
    const names = chooseSheetNames(
      plan.sheets.map((s) => s.name),
      [
        { name: "学校达标", owned: false },
        { name: "差异系数", owned: true },
      ]
    );
    const renamed = renameSheets(plan, names);
    expect(renamed.sheets.map((s) => s.name).slice(1, 3)).toEqual(["学校达标 (2)", "差异系数"]);
    const formulas = allCells(renamed).flatMap(({ cell }) => (cell.formula ? [cell.formula] : []));
    expect(formulas.some((f) => f.includes("'学校达标 (2)'!"))).toBe(true);
    expect(formulas.some((f) => f.includes("'学校达标'!"))).toBe(false);
    expect(formulas.some((f) => f.includes("'小学'!"))).toBe(true);
    expect(formulaMismatches(renamed, sources)).toEqual([]);
    // The original plan is left as it was.
    expect(plan.sheets[1].name).toBe("学校达标");
  });

  it("refuses a name list of the wrong length", () => {
    const { records } = smallCounty();
    const plan = buildPlan({ result: audit(records), records, auditedAt: AUDITED_AT });
    expect(() => renameSheets(plan, ["x"])).toThrow(RangeError);
  });
});

describe("plan sheet names beside source sheets", () => {
  it("never names a plan sheet like a source sheet, so a quoted reference names one sheet only", () => {
    const { records, sources } = build([
      {
        sheet: "学校达标",
        row: 3,
        name: "一小",
        kind: "primary",
        cells: { "pupils.primary": ["C", 100], "teachers.primary.aboveDegree": ["D", 5] },
      },
    ]);
    const plan = buildPlan({ result: audit(records), records, auditedAt: AUDITED_AT });
    const schools = plan.sheets.find((s) => s.kind === "schools")!;
    expect(schools.name).toBe("学校达标 (2)");
    const formulas = allCells(plan).flatMap(({ cell }) => (cell.formula ? [cell.formula] : []));
    expect(formulas).toContain("'学校达标'!D3*100/'学校达标'!C3");
    expect(formulaMismatches(plan, sources)).toEqual([]);
  });
});
