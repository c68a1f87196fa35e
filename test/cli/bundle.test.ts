/**
 * `npm run audit` runs the command from its esbuild bundle (build/cli/main.js) through
 * scripts/audit.js: the bundle builds, the launcher finds (or rebuilds) it, and the bundle gives
 * the same result as the source, without loading ExcelJS, JSZip or SheetJS for an .xlsx.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { main, SAMPLE_WORKBOOK } from "../../src/cli/main";
import {
  buildCliBundle,
  CLI_BUNDLE,
  cliBundleIsStale,
  LAZY_PACKAGES,
} from "../../scripts/cli-bundle";
import { makeTempDir, removeTempDir } from "../support/tmp";

const ROOT = path.resolve(__dirname, "..", "..");
const LAUNCHER = path.join(ROOT, "scripts", "audit.js");

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

test("a bundle older than src/ or missing is stale", () => {
  const fake = path.join(dir, "main.js");
  expect(cliBundleIsStale(fake)).toBe(true); // missing
  writeFileSync(fake, "");
  utimesSync(fake, new Date(0), new Date(0));
  expect(cliBundleIsStale(fake)).toBe(true); // older than every source file
  const future = new Date(Date.now() + 3600_000);
  utimesSync(fake, future, future);
  expect(cliBundleIsStale(fake)).toBe(false);
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
