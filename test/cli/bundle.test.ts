/**
 * `npm run audit` runs the command from its esbuild bundle (build/cli/main.js) through
 * scripts/audit.js: the bundle builds, the launcher finds (or rebuilds) it, and the bundle gives
 * the same result as the source, without loading ExcelJS, JSZip or SheetJS for an .xlsx.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { inflateRawSync } from "node:zlib";
import { main, SAMPLE_WORKBOOK } from "../../src/cli/main";
import {
  buildCliBundle,
  CLI_BUNDLE,
  cliBundleIsStale,
  LAZY_PACKAGES,
} from "../../scripts/cli-bundle";
import { makeTempDir, removeTempDir } from "../support/tmp";
import { sheetJob } from "../../src/hosts/file/package/sheet-thread";
import type { JobMessage, ResultMessage } from "../../src/hosts/file/package/sheet-worker";
import { sheetXmlChunks, usedStyles } from "../../src/hosts/file/package/sheet-xml";
import { appendAuditStyles } from "../../src/hosts/file/package/styles-xml";
import { SheetLayout } from "../../src/report/layout";

const ROOT = path.resolve(__dirname, "..", "..");
const LAUNCHER = path.join(ROOT, "scripts", "audit.js");
/** A styles part with one of each list, for the audit's styles to be appended to. */
const STYLES_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>';

/** `node args…` in the repo root, as npm runs a script. */
function node(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;
beforeAll(() => {
  dir = makeTempDir("cli-bundle");
  buildCliBundle();
});
afterAll(() => removeTempDir(dir));

test("the bundle is built under build/cli and is current afterwards", () => {
  expect(path.relative(ROOT, CLI_BUNDLE)).toBe(path.join("build", "cli", "main.js"));
  expect(statSync(CLI_BUNDLE).size).toBeGreaterThan(0);
  expect(cliBundleIsStale()).toBe(false);
});

test("the heavy format libraries are left out of the bundle, required only where used", () => {
  const text = readFileSync(CLI_BUNDLE, "utf8");
  for (const name of LAZY_PACKAGES) expect(text).toContain(`require("${name}")`);
  // ExcelJS's own source (its Workbook class) is not inside the bundle.
  expect(text).not.toMatch(/class Workbook\b/);
});

test("the sheet thread's own small bundle is built beside the command's", () => {
  const thread = path.join(path.dirname(CLI_BUNDLE), "sheet-worker.js");
  expect(statSync(thread).size).toBeGreaterThan(0);
  // A small part of the command: the thread loads it in tens of milliseconds.
  expect(statSync(thread).size).toBeLessThan(statSync(CLI_BUNDLE).size / 10);
});

test("the sheet thread's bundle writes a packed sheet as the source does, byte for byte", async () => {
  const layout = new SheetLayout("schools", "学校达标", [10, 20]);
  for (let row = 0; row < 500; row++) {
    layout.set(row, 0, { value: `学校${row} & <某>`, link: `#'小学'!B${row + 5}` });
    layout.set(row, 1, { value: row * 1.5, formula: `'小学'!E${row + 5}*1.5`, style: "number" });
  }
  const sheet = layout.build({ page: { landscape: true, fitToWidth: true } });
  const styles = appendAuditStyles(STYLES_XML, usedStyles(sheet));
  const expected = Buffer.concat(
    [...sheetXmlChunks(sheet, styles)].map((c) => (typeof c === "string" ? Buffer.from(c) : c))
  );
  const worker = new Worker(path.join(path.dirname(CLI_BUNDLE), "sheet-worker.js"));
  try {
    const deflated: Uint8Array[] = [];
    const answer = new Promise<ResultMessage>((resolve, reject) => {
      worker.on("message", (message: ResultMessage) => {
        if ("bytes" in message) deflated.push(message.bytes);
        else resolve(message);
      });
      worker.once("error", reject);
    });
    const message: JobMessage = { id: 7, job: sheetJob(sheet, styles)! };
    worker.postMessage(message);
    const result = await answer;
    expect(result.id).toBe(7);
    if ("error" in result) throw new Error(result.error);
    const inflated = inflateRawSync(Buffer.concat(deflated));
    expect(inflated.equals(expected)).toBe(true);
    expect(result).toMatchObject({ sums: { size: expected.length } });
  } finally {
    await worker.terminate();
  }
});

test("a bundle older than src/ or missing is stale", () => {
  const fake = path.join(dir, "main.js");
  expect(cliBundleIsStale(fake)).toBe(true); // missing
  writeFileSync(path.join(dir, "sheet-worker.js"), ""); // the thread's bundle, built with it
  writeFileSync(fake, "");
  utimesSync(fake, new Date(0), new Date(0));
  expect(cliBundleIsStale(fake)).toBe(true); // older than every source file
  const future = new Date(Date.now() + 3600_000);
  utimesSync(fake, future, future);
  expect(cliBundleIsStale(fake)).toBe(false);
  rmSync(path.join(dir, "sheet-worker.js"));
  expect(cliBundleIsStale(fake)).toBe(true); // the thread's bundle missing
});

test("npm run audit -- --help through the launcher prints the usage", () => {
  const scripts = (
    JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  expect(scripts.audit).toBe("node scripts/audit.js");
  const run = node([LAUNCHER, "--help"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("用法：npm run audit --");
});

test("the launcher keeps the command's exit codes and Chinese messages", () => {
  const run = node([LAUNCHER, path.join(dir, "没有这个.xlsx")]);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain("找不到工作簿");
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
});

test("an .xlsx audit through the bundle loads none of ExcelJS, JSZip and SheetJS", () => {
  const out = path.join(dir, "lazy.audit.xlsx");
  const probe = `
    const { main } = require(${JSON.stringify(CLI_BUNDLE)});
    main([${JSON.stringify(SAMPLE_WORKBOOK)}, "--out", ${JSON.stringify(out)}, "--quiet"], () => {})
      .then((code) => {
        const loaded = Object.keys(require.cache).filter((f) => /node_modules[\\\\/](exceljs|jszip|@e965)[\\\\/]/.test(f));
        console.log(JSON.stringify({ code, loaded }));
      });`;
  const run = node(["-e", probe]);
  expect(run.status).toBe(0);
  expect(JSON.parse(run.stdout.trim())).toEqual({ code: 0, loaded: [] });
  expect(existsSync(out)).toBe(true);
});

test("the sample county audited through the bundle gives the source's result byte for byte", async () => {
  const bundled = path.join(dir, "bundled.json");
  const run = node([
    LAUNCHER,
    SAMPLE_WORKBOOK,
    "--out",
    path.join(dir, "bundled.audit.xlsx"),
    "--json",
    bundled,
    "--quiet",
  ]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("bundled.audit.xlsx");

  const fromSource = path.join(dir, "source.json");
  const code = await main(
    [SAMPLE_WORKBOOK, "--out", path.join(dir, "source.audit.xlsx"), "--json", fromSource],
    () => {},
    () => {},
    { isTTY: false, write: () => true }
  );
  expect(code).toBe(0);
  expect(readFileSync(bundled, "utf8")).toBe(readFileSync(fromSource, "utf8"));
});
