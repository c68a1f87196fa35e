/**
 * The audited workbooks as printed: the bundled sample and the messy county, audited, rendered
 * to PDF by LibreOffice (A4, as the sheets' page setup asks), read back with pdftotext. Every
 * header label, title and setting name of every audit sheet appears whole in the pages of its
 * sheet; no two words overlap on a page (text a row is too short for, or a column too narrow
 * for, runs over its neighbours: LibreOffice clips it, but the PDF keeps the glyphs where they
 * were set, so the overlap is what shows it); every page carries 「第 N 页 共 M 页」; and
 * 审计总览's charts are drawn.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import * as path from "path";
import { DEFAULT_SETTINGS } from "../../src/engine";
import { runAudit, type FlowSteps } from "../../src/flow/auditFlow";
import { openWorkbookSource } from "../../src/hosts/file";
import type { PlannedSheet } from "../../src/report/plan";
import { readSheets } from "../../src/sheets";
import { libreOfficeAvailable, renderPdf } from "../support/libreoffice";
import { smallCountyGrids } from "../support/smallCountyWorkbook";
import { makeTempDir, removeTempDir } from "../support/tmp";

const ROOT = path.resolve(__dirname, "../..");
/** The small county of the report tests, with failing schools (问题清单 rows), as an .xlsx. */
async function smallCountyFile(dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const grid of smallCountyGrids()) {
    const ws = workbook.addWorksheet(grid.name);
    grid.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null && value !== undefined && typeof value !== "object")
          ws.getCell(r + 1, c + 1).value = value;
      })
    );
  }
  const file = path.join(dir, "small-county.xlsx");
  await workbook.xlsx.writeFile(file);
  return file;
}

const WORKBOOKS: [string, (dir: string) => Promise<string>][] = [
  ["the bundled sample", async () => path.join(ROOT, "assets/sample-county.xlsx")],
  ["the messy county", async () => path.join(ROOT, "test/fixtures/messy-county.xlsx")],
  ["a county with failing schools", smallCountyFile],
];

/** What must print whole: the labels of each audit sheet (header cells, titles), by sheet name. */
interface Printed {
  sheet: string;
  labels: string[];
  charts: string[];
}

function labelsOf(sheet: PlannedSheet): string[] {
  const hidden = new Set(sheet.hiddenColumns ?? []); // not printed
  return sheet.rows.flatMap((row) =>
    row.cells.flatMap((cell, col) =>
      cell &&
      !hidden.has(col) &&
      typeof cell.value === "string" &&
      (cell.style === "header" || cell.style === "title")
        ? [cell.value]
        : []
    )
  );
}

/** Audits the workbook into `out`, returning what each audit sheet must show. */
async function auditTo(input: string, out: string): Promise<Printed[]> {
  const printed: Printed[] = [];
  const source = await openWorkbookSource(input);
  const steps: FlowSteps = {
    readGrids: async () => source.grids,
    readSheets,
    writePlan: async (plan, onProgress) => {
      // Read before writing: the package writer lets go of each row once written.
      const labels = plan.sheets.map((s) => ({
        labels: labelsOf(s),
        charts: (s.charts ?? []).map((c) => c.title),
      }));
      const { sheetNames } = await source.writeAudit(plan, out, onProgress);
      plan.sheets.forEach((s, i) =>
        printed.push({ sheet: sheetNames[s.name] ?? s.name, ...labels[i] })
      );
      return sheetNames;
    },
    now: () => new Date(Date.UTC(2024, 8, 1, 8, 30)),
  };
  await runAudit(steps, DEFAULT_SETTINGS, [], () => undefined);
  return printed;
}

/** The PDF's pages as text in drawing order (a wrapped cell's lines follow each other). */
function pagesOf(pdf: string): string[] {
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
    .split("\f")
    .filter((page) => page.trim() !== "");
}

const squeeze = (text: string) => text.replace(/\s+/g, "");

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/** Each page's words with their boxes, in points (pdftotext -bbox). */
function wordsOf(pdf: string): Word[][] {
  const html = execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...html.matchAll(/<page[^>]*>([^]*?)<\/page>/g)].map((page) =>
    [
      ...page[1].matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
      ),
    ].map((m) => ({ x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4], text: m[5] }))
  );
}

/**
 * Pairs of words set over each other. A sliver is allowed: combining marks (X̄, Pᵢ) give a word a
 * box a little taller than its line.
 */
function overlaps(words: Word[]): string[] {
  const found: string[] = [];
  const sorted = [...words].sort((a, b) => a.y0 - b.y0);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].y0 < sorted[i].y1; j++) {
      const a = sorted[i];
      const b = sorted[j];
      const dx = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const dy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (dx > 1 && dy > 2.5) found.push(`「${a.text}」×「${b.text}」`);
    }
  }
  return found;
}

function pdftotextAvailable(): boolean {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const ready = libreOfficeAvailable() && pdftotextAvailable();
const suite = ready && process.env.JH_SKIP_LIBREOFFICE !== "1" ? describe : describe.skip;
if (!ready)
  console.warn(
    "LibreOffice (soffice) or pdftotext (poppler-utils) missing: print render test skipped"
  );

suite.each(WORKBOOKS)("%s printed through LibreOffice", (_label, make) => {
  let dir: string;
  let printed: Printed[];
  let pages: string[];
  let words: Word[][];

  beforeAll(async () => {
    dir = makeTempDir("print-render");
    const input = await make(dir);
    const out = path.join(dir, `${path.parse(input).name}.audit.xlsx`);
    printed = await auditTo(input, out);
    const pdf = await renderPdf(out, path.join(dir, "pdf"));
    pages = pagesOf(pdf);
    words = wordsOf(pdf);
  });
  afterAll(() => removeTempDir(dir));

  /** The pages of an audit sheet: its name heads each page (the printed header's centre). */
  const pagesOfSheet = (sheet: string) =>
    pages.filter((page) => {
      const head = page.split("\n")[0];
      return head.includes(` ${sheet} `) && head.includes("审计日期：2024-09-01");
    });

  it("prints every audit sheet, each page numbered 「第 N 页 共 M 页」 with the county and audit date on top", () => {
    const total = pages.length;
    for (const { sheet } of printed) {
      const own = pagesOfSheet(sheet);
      expect({ sheet, pages: own.length > 0 }).toEqual({ sheet, pages: true });
      for (const page of own) expect(page).toMatch(new RegExp(`第 \\d+ 页 共 ${total} 页`));
    }
  });

  it("shows every header label, title and setting name whole", () => {
    const cut: string[] = [];
    for (const { sheet, labels } of printed) {
      const text = squeeze(pagesOfSheet(sheet).join("\n"));
      for (const label of new Set(labels))
        if (!text.includes(squeeze(label))) cut.push(`${sheet}: ${label}`);
    }
    expect(cut).toEqual([]);
  });

  it("sets no text over other text on any page of an audit sheet (nothing clipped or run over)", () => {
    const sheets = new Set(printed.map((p) => p.sheet));
    const found: string[] = [];
    pages.forEach((page, i) => {
      const head = page.split("\n")[0];
      const sheet = [...sheets].find((name) => head.includes(` ${name} `));
      if (!sheet || !head.includes("审计日期")) return; // the user's own sheets print as they are
      for (const pair of overlaps(words[i])) found.push(`${sheet} 第${i + 1}页：${pair}`);
    });
    expect(found).toEqual([]);
  });

  it("draws 审计总览's charts, titled, with their axes named", () => {
    const summary = printed.find((p) => p.charts.length > 0)!;
    const text = squeeze(pagesOfSheet(summary.sheet).join("\n"));
    expect(summary.charts.length).toBeGreaterThan(0);
    for (const title of summary.charts) expect(text).toContain(squeeze(title));
    expect(text).toContain("指标");
    expect(text).toContain("限值（0.5）");
  });
});
