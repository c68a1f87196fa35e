/**
 * The 2019 city rule as a setting that acts: a leased-space column is read either way, counted in
 * L5 (value and live formula) only with --set cityExtraSportsArea=true, and named in 数据诊断.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { AuditResult } from "../../src/engine";
import { makeTempDir, removeTempDir } from "../support/tmp";

const LEASED_HEADER = "校外租赁场馆面积(平方米)";

async function writeCounty(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("小学");
  sheet.addRow(["学校名称", "在校生数", "体育运动场馆面积（平方米）", LEASED_HEADER]);
  sheet.addRow(["城关小学", 1000, 6000, 2000]);
  sheet.addRow(["东街小学", 500, 4000, null]);
  await workbook.xlsx.writeFile(file);
}

async function audit(dir: string, input: string, name: string, extra: string[]) {
  const out = path.join(dir, `${name}.xlsx`);
  const json = path.join(dir, `${name}.json`);
  const code = await main(
    [input, "--out", out, "--json", json, ...extra, "--quiet"],
    () => undefined,
    () => undefined
  );
  expect(code).toBe(0);
  const result = JSON.parse(readFileSync(json, "utf8")) as AuditResult;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  return { result, workbook };
}

/** The L5 cell of a school's row in 学校达标: its formula and cached value. */
function l5Cell(
  workbook: ExcelJS.Workbook,
  school: string
): { formula?: string; result?: unknown } {
  const sheet = workbook.getWorksheet("学校达标")!;
  let header: ExcelJS.Row | undefined;
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    const values = row.values as unknown[];
    if (values.some((v) => typeof v === "string" && v.startsWith("L5 "))) header ??= row;
    if (values.includes(school)) found = row;
  });
  const col = (header!.values as unknown[]).findIndex(
    (v) => typeof v === "string" && v.startsWith("L5 ")
  );
  const value = found!.getCell(col).value as { formula?: string; result?: unknown };
  return value;
}

describe("--set cityExtraSportsArea (校外租用场馆面积 counted in L5)", () => {
  let dir: string;
  let input: string;
  beforeAll(async () => {
    dir = makeTempDir("jh-leased-");
    input = path.join(dir, "county.xlsx");
    await writeCounty(input);
  });
  afterAll(() => removeTempDir(dir));

  it("leaves L5 as it was when off, and says the column was read but not counted", async () => {
    const { result, workbook } = await audit(dir, input, "off", []);
    const town = result.schools.find((s) => s.name === "城关小学")!;
    expect(town.values.L5).toBe(6);
    expect(l5Cell(workbook, "城关小学").formula).not.toMatch(/D2/);
    const note = result.diagnostics.find((d) => d.code === "engine.field-not-counted");
    expect(note?.message).toMatch(
      /「校外租用场馆及改造场地面积」（1所学校填写），已读入但未计入.*--set cityExtraSportsArea=true/
    );
    expect(note?.cell).toBe("D2");
    const diagnostics = workbook.getWorksheet("数据诊断")!;
    const texts: string[] = [];
    diagnostics.eachRow((row) =>
      (row.values as unknown[]).forEach((v) => typeof v === "string" && texts.push(v))
    );
    expect(
      texts.some(
        (t) =>
          t.includes(LEASED_HEADER.replace(/\s/g, "")) || t.includes("校外租用场馆及改造场地面积")
      )
    ).toBe(true);
  });

  it("adds the leased space to L5, in the JSON value and the live formula, when on", async () => {
    const { result, workbook } = await audit(dir, input, "on", [
      "--set",
      "cityExtraSportsArea=true",
    ]);
    const town = result.schools.find((s) => s.name === "城关小学")!;
    expect(town.values.L5).toBe(8);
    expect(town.details.L5.notes.join("")).toMatch(/租用场馆/);
    const cell = l5Cell(workbook, "城关小学");
    expect(cell.formula).toBe("('小学'!C2+'小学'!D2)/'小学'!B2");
    expect(cell.result).toBe(8);
    // A school that leaves the column blank keeps its own figure.
    expect(result.schools.find((s) => s.name === "东街小学")!.values.L5).toBe(8);
    expect(result.diagnostics.some((d) => d.code === "engine.field-not-counted")).toBe(false);
  });
});
