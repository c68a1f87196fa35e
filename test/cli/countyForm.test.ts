/**
 * The blank county form round-trips: written by `--county-form`, filled, put beside the sample's
 * school sheets, audited, every input code read; a re-run leaves the user's form as it is.
 */
import { copyFileSync, existsSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { auditFile } from "../../src/cli/pipeline";
import { main, SAMPLE_WORKBOOK } from "../../src/cli/main";
import { COUNTY_INPUTS } from "../../src/engine";
import { PASSING_VALUES } from "../engine/countyFixtures";
import { makeTempDir, removeTempDir } from "../support/tmp";

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l)
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("npm run audit -- --county-form", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("county-form");
  });
  afterAll(() => removeTempDir(dir));

  it("writes the blank form (exit 0), not marked as an audit sheet, and never over an existing file", async () => {
    const file = path.join(dir, "blank.xlsx");
    const first = await run(["--county-form", file]);
    expect(first).toMatchObject({ code: 0, err: "" });
    expect(existsSync(file)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["县域指标"]);
    const ws = wb.getWorksheet("县域指标")!;
    expect([1, 2, 3, 4, 5, 6].map((c) => ws.getRow(3).getCell(c).value)).toEqual([
      "编号",
      "项目",
      "要求",
      "填报值",
      "单位",
      "佐证材料",
    ]);
    const codes: string[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === "string" && /^[GQSV]\d/.test(v)) codes.push(v);
    });
    expect(codes).toEqual(COUNTY_INPUTS.filter((i) => !i.optional).map((i) => i.code));
    expect(JSON.stringify(wb.definedNames.model)).not.toContain("JH_AUDIT");
    expect((await run(["--county-form", file])).code).toBe(2);
    expect((await run(["--county-form", path.join(dir, "x.txt")])).code).toBe(2);
  });

  it("filled and audited with the school sheets: every input code is read and the county verdict follows", async () => {
    const blank = path.join(dir, "form.xlsx");
    expect((await run(["--county-form", blank])).code).toBe(0);
    const formBook = new ExcelJS.Workbook();
    await formBook.xlsx.readFile(blank);
    const form = formBook.getWorksheet("县域指标")!;

    const input = path.join(dir, "county.xlsx");
    copyFileSync(SAMPLE_WORKBOOK, input);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(input);
    for (const ws of [...book.worksheets]) if (ws.name === "县域指标") book.removeWorksheet(ws.id);
    const copy = book.addWorksheet("县域指标");
    form.eachRow((row, r) => {
      row.eachCell((cell, c) => {
        copy.getCell(r, c).value = cell.value;
      });
      const code = row.getCell(1).value;
      if (typeof code === "string" && code in PASSING_VALUES) {
        const v = PASSING_VALUES[code];
        copy.getCell(r, 4).value = typeof v === "boolean" ? (v ? "是" : "否") : v;
      }
    });
    let g1Row = 0;
    copy.eachRow((row, r) => {
      if (row.getCell(1).value === "G1") g1Row = r;
    });
    copy.getCell(g1Row, 6).value = "某县学校布局规划";
    await book.xlsx.writeFile(input);

    const out = path.join(dir, "county.audit.xlsx");
    const outcome = await auditFile({ input, out, auditedAt: new Date("2024-01-01T00:00:00Z") });
    if (!outcome.written) throw new Error(outcome.problems.join());
    const county = outcome.result.counties[0];
    const read = Object.keys(county.form!.cells);
    expect(read.sort()).toEqual(
      COUNTY_INPUTS.filter((i) => !i.optional)
        .map((i) => i.code)
        .sort()
    );
    expect(
      county.items.filter((i) => i.status !== "pass").map((i) => `${i.id}:${i.notes.join()}`)
    ).toEqual([]);
    expect(county.verdict).toBe("pass");
    expect(county.items.find((i) => i.id === "G1")!.evidence).toBe("某县学校布局规划");

    // A re-run on the audited copy reads the same form and leaves it as the user wrote it.
    const again = path.join(dir, "county.audit2.xlsx");
    const second = await auditFile({
      input: out,
      out: again,
      auditedAt: new Date("2024-01-01T00:00:00Z"),
    });
    if (!second.written) throw new Error(second.problems.join());
    expect(second.result.counties[0].verdict).toBe("pass");
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(again);
    expect(
      after.worksheets.filter((w) => w.name.startsWith("县域指标")).map((w) => w.name)
    ).toEqual(["县域指标"]);
    expect(after.getWorksheet("县域指标")!.getCell(g1Row, 4).value).toBe("是");
    expect(after.getWorksheet("县域指标")!.getCell(g1Row, 6).value).toBe("某县学校布局规划");
  });
});

describe("the bundled sample and the school-sheet-only fixtures", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("county-sample");
  });
  afterAll(() => removeTempDir(dir));

  it("the sample's filled 县域指标 carries the seed's figures and the audit reads 达标", async () => {
    const outcome = await auditFile({
      input: SAMPLE_WORKBOOK,
      out: path.join(dir, "sample.audit.xlsx"),
      auditedAt: new Date("2024-01-01T00:00:00Z"),
    });
    if (!outcome.written) throw new Error(outcome.problems.join());
    const county = outcome.result.counties[0];
    expect(
      county.items.filter((i) => i.status !== "pass").map((i) => `${i.id}:${i.notes.join()}`)
    ).toEqual([]);
    expect(county.verdict).toBe("pass");
    expect(outcome.result.verdict).toBe("pass");
    const g11 = county.items.find((i) => i.id === "G11")!.value as number[];
    expect(g11.map((x) => Math.round(x * 10000) / 100)).toEqual([10.15, 45.09]);
    const g15 = county.items.find((i) => i.id === "G15")!.value as [number, boolean];
    expect(Math.round(g15[0] * 1000) / 10).toBe(96.1);
    expect(county.missing).toEqual([]);

    // 表Ⅰ shows the seed's totals.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, "sample.audit.xlsx"));
    const t1 = book.getWorksheet("表Ⅰ")!;
    const rowOf = (label: string) => {
      let found = 0;
      t1.eachRow((row, r) => {
        if (row.getCell(1).value === label) found = r;
      });
      return t1.getRow(found);
    };
    const cached = (v: ExcelJS.CellValue) =>
      v && typeof v === "object" && "formula" in v ? (v as ExcelJS.CellFormulaValue).result : v;
    const total = rowOf("合计");
    expect([2, 3, 4, 5, 6, 7].map((c) => cached(total.getCell(c).value))).toEqual([
      34, 36, 36825, 12264, 2078, 1146,
    ]);
    const privates = rowOf("其中：民办学校");
    expect(
      (cached(privates.getCell(4).value) as number) + (cached(privates.getCell(5).value) as number)
    ).toBe(1595);
    const share = cached(rowOf("民办学校在校生占比").getCell(4).value) as number;
    expect(Math.round(share * 10000) / 100).toBe(3.25);
  });

  it("a workbook with school sheets only audits as before, with the verdict 未完成 and what is missing — never 达标", async () => {
    const messy = path.join(__dirname, "..", "fixtures", "messy-county.xlsx");
    const outcome = await auditFile({
      input: messy,
      out: path.join(dir, "messy.audit.xlsx"),
      auditedAt: new Date("2024-01-01T00:00:00Z"),
    });
    if (!outcome.written) throw new Error(outcome.problems.join());
    for (const county of outcome.result.counties) {
      expect(county.verdict).not.toBe("pass");
      if (county.verdict === "incomplete")
        expect(county.missing).toEqual(expect.arrayContaining(["G1", "G11-1", "S1-1", "V1"]));
    }
    expect(outcome.result.verdict).not.toBe("pass");
    const out: string[] = [];
    await main(
      [messy, "--out", path.join(dir, "messy2.audit.xlsx")],
      (l) => out.push(l),
      () => undefined
    );
    expect(out.join("\n")).toMatch(/结论：(未完成|未达标)/);
    expect(out.join("\n")).toContain("待补充：G1、G2");
  });
});
