/**
 * The headless command end to end on real .xlsx files: the bundled sample and a messy county.
 * The output is recalculated by LibreOffice headless: every formula must recalculate to the value
 * we wrote, and the source sheets must be cell-for-cell what they were.
 */
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { main, SAMPLE_WORKBOOK } from "../../src/cli/main";
import type { AuditResult } from "../../src/engine";
import { compareRecalculated, diffSheets } from "../support/compare";
import { recalculateAll } from "../support/libreoffice";
import { makeTempDir, removeTempDir } from "../support/tmp";

const MESSY_WORKBOOK = path.join(__dirname, "..", "fixtures", "messy-county.xlsx");

/** The command as a pipe sees it: stdout, stderr's messages, and stderr's progress lines apart. */
async function run(
  argv: string[]
): Promise<{ code: number; out: string; err: string; progress: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const code = await main(
    argv,
    (line) => out.push(line),
    (line) => err.push(line),
    { isTTY: false, write: (t) => progress.push(t) }
  );
  return { code, out: out.join("\n"), err: err.join("\n"), progress: progress.join("") };
}

async function sheetNames(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((ws) => ws.name);
}

/**
 * The sample with its 县域指标 changed the ways a bureau fills it: a rate typed as text
 * (「96.1%」, denominator blank), a %-formatted rate, a blank row (未核查), a failing count and the
 * 家长 rows of 表Ⅵ left blank. Every branch of the 表Ⅳ–Ⅵ sentences then meets LibreOffice.
 */
async function sampleWithFormVariants(file: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE_WORKBOOK);
  const form = book.getWorksheet("县域指标")!;
  const set = (code: string, value: ExcelJS.CellValue, numFmt?: string) => {
    let done = false;
    form.eachRow((row) => {
      if (row.getCell(1).value !== code) return;
      row.getCell(4).value = value;
      // A style of its own: ExcelJS shares one style object between the cells of a column.
      if (numFmt) row.getCell(4).style = { ...row.getCell(4).style, numFmt };
      done = true;
    });
    if (!done) throw new Error(`no row ${code} in the sample's form`);
  };
  set("G15-1", null);
  set("G15-2", "96.1%");
  set("G15-3", null);
  set("Q2-1", null);
  set("Q2-2", 0.98, "0.0%");
  set("Q8", null);
  set("G11-2", 170);
  for (const code of ["S1-6", "S1-7", "S1-8", "S1-9", "S1-10"]) set(code, null);
  await book.xlsx.writeFile(file);
  return file;
}

const suite = process.env.JH_SKIP_LIBREOFFICE === "1" ? describe.skip : describe;

suite("npm run audit on real workbooks, recalculated by LibreOffice", () => {
  let dir: string;
  const outputs: Record<string, { input: string; output: string; json: string }> = {};
  let recalculated: string[];

  beforeAll(async () => {
    dir = makeTempDir("jh-cli-e2e-");
    const variants = await sampleWithFormVariants(path.join(dir, "variants-source.xlsx"));
    for (const [key, source] of [
      ["sample", SAMPLE_WORKBOOK],
      ["messy", MESSY_WORKBOOK],
      ["variants", variants],
    ]) {
      const input = path.join(dir, `${key}.xlsx`);
      copyFileSync(source, input);
      const output = path.join(dir, `${key}.audit.xlsx`);
      const json = path.join(dir, `${key}.json`);
      const { code, err, progress } = await run([input, "--out", output, "--json", json]);
      expect(err).toBe("");
      expect(progress).toMatch(
        /^\[1\/3\] 读取工作簿…\n\[2\/3\] 审计（\d+ 行）…\n\[3\/3\] 写入审计工作表…\n$/
      );
      expect(code).toBe(0);
      outputs[key] = { input, output, json };
    }
    recalculated = await recalculateAll(
      Object.values(outputs).map((o) => o.output),
      path.join(dir, "recalculated")
    );
  });

  afterAll(() => removeTempDir(dir));

  it.each(["sample", "messy", "variants"])(
    "writes formulas that LibreOffice recalculates to the values written (%s)",
    async (key) => {
      const index = Object.keys(outputs).indexOf(key);
      const mismatches = await compareRecalculated(outputs[key].output, recalculated[index]);
      expect(mismatches).toEqual([]);
    }
  );

  it.each(["sample", "messy"])(
    "leaves the source sheets cell-for-cell unchanged and the input file untouched (%s)",
    async (key) => {
      const { input, output } = outputs[key];
      const sources = await sheetNames(input);
      expect(await diffSheets(input, output, sources)).toEqual([]);
      const sourceBytes = readFileSync(key === "sample" ? SAMPLE_WORKBOOK : MESSY_WORKBOOK);
      expect(readFileSync(input).equals(sourceBytes)).toBe(true);
      const written = await sheetNames(output);
      expect(written.slice(0, sources.length)).toEqual(sources);
      expect(written).toEqual(
        expect.arrayContaining([
          "审计总览",
          "学校达标",
          "差异系数",
          "问题清单",
          "表Ⅱ-1",
          "表Ⅱ-2",
          "表Ⅲ",
          "数据诊断",
        ])
      );
      // The sample's filled 县域指标 adds the whole standard's tables (recalculated by LibreOffice above).
      if (key === "sample")
        expect(written).toEqual(expect.arrayContaining(["表Ⅳ", "表Ⅴ", "表Ⅵ", "佐证材料清单"]));
    }
  );

  it("the form variants: 填报比例 from text and from a % format, a blank row 未核查, a failing count 未达标", () => {
    const result = JSON.parse(readFileSync(outputs.variants.json, "utf8")) as AuditResult;
    const items = result.counties[0].items;
    expect(items.find((i) => i.id === "G15")).toMatchObject({
      status: "pass",
      source: "form-rate",
    });
    expect(items.find((i) => i.id === "Q2")).toMatchObject({
      status: "pass",
      source: "form-rate",
      value: 0.98,
    });
    expect(items.find((i) => i.id === "Q8")).toMatchObject({ status: "unchecked" });
    expect(items.find((i) => i.id === "G11")).toMatchObject({ status: "fail" });
    expect(result.verdict).toBe("fail");
  });

  it("audits the sample to the district report's published figures", () => {
    const result = JSON.parse(readFileSync(outputs.sample.json, "utf8")) as AuditResult;
    const { primary, junior } = result.stages!;
    expect([primary.schools, junior.schools]).toEqual([27, 15]);
    expect([primary.students, junior.students]).toEqual([36825, 12264]);
    expect(primary.compositeCv!.toFixed(3)).toBe("0.212");
    expect(junior.compositeCv!.toFixed(3)).toBe("0.188");
    expect(result.pass).toBe(true);
    const privateParts = result.schools.filter((s) => s.owner === "private");
    expect(new Set(privateParts.map((s) => s.name)).size).toBe(1);
    expect(privateParts.reduce((sum, s) => sum + s.students, 0)).toBe(1595);
  });

  it("reads the messy county's text numbers, through-train row and exclusions", () => {
    const result = JSON.parse(readFileSync(outputs.messy.json, "utf8")) as AuditResult;
    expect(result.schools.filter((s) => s.kind === "nineYear").map((s) => s.stage)).toEqual([
      "primary",
      "junior",
    ]);
    expect(result.excluded.map((e) => e.reason).join()).toMatch(/特殊教育/);
    expect(result.excluded.map((e) => e.reason).join()).toMatch(/不足50人/);
    // The hostile name stays a name: text in the JSON and a string cell in the workbook.
    expect(result.schools.map((s) => s.name)).toContain('=HYPERLINK("http://example.com","x")');
    expect(JSON.stringify(result)).not.toContain("NaN");
  });
});

describe("npm run audit: usage, messages and exit codes", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("jh-cli-");
  });
  afterAll(() => removeTempDir(dir));

  it("exits 2 with a Chinese message for a missing file, a bad flag or a non-xlsx file", async () => {
    const missing = await run([path.join(dir, "无此文件.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("找不到工作簿");

    const flag = await run(["--bogus"]);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("不认识的参数「--bogus」");
    expect(flag.err).toContain("用法");

    const text = path.join(dir, "表.docx");
    writeFileSync(text, "学校名称,在校生数\n一小,100\n");
    const csv = await run([text]);
    expect(csv.code).toBe(2);
    expect(csv.err).toContain("不是可读取的工作簿");

    const fake = path.join(dir, "坏文件.xlsx");
    writeFileSync(fake, "this is not a zip");
    const corrupt = await run([fake, "--out", path.join(dir, "x.xlsx")]);
    expect(corrupt.code).toBe(2);
    expect(corrupt.err).toMatch(/^错误：/);
    expect(corrupt.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("never overwrites the input", async () => {
    const input = path.join(dir, "县.xlsx");
    copyFileSync(SAMPLE_WORKBOOK, input);
    const before = statSync(input).mtimeMs;
    const same = await run([input, "--out", input]);
    expect(same.code).toBe(2);
    expect(same.err).toContain("不会被覆盖");
    expect(statSync(input).mtimeMs).toBe(before);
  });

  it("exits 1 and writes nothing when the workbook holds no school table", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("说明").getCell("A1").value = "本工作簿只有说明，没有学校数据。";
    const input = path.join(dir, "只有说明.xlsx");
    await workbook.xlsx.writeFile(input);
    const out = path.join(dir, "只有说明.audit.xlsx");
    const { code, err } = await run([input, "--out", out]);
    expect(code).toBe(1);
    expect(err).toContain("没有可用的学校数据");
    expect(err).toContain("在校生数");
    expect(existsSync(out)).toBe(false);
  });

  it("writes <name>.audit.xlsx beside the input by default", async () => {
    const input = path.join(dir, "默认.xlsx");
    copyFileSync(SAMPLE_WORKBOOK, input);
    const { code, out } = await run([input]);
    expect(code).toBe(0);
    expect(existsSync(path.join(dir, "默认.audit.xlsx"))).toBe(true);
    expect(out).toContain("结论：达标");
  });

  it("prints the usage with --help and exits 0", async () => {
    const { code, out } = await run(["--help"]);
    expect(code).toBe(0);
    expect(out).toContain("--standard");
  });
});
