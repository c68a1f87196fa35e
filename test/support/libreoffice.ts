import { spawn, spawnSync } from "child_process";
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { makeTempDir, removeTempDir } from "./tmp";

/**
 * LibreOffice headless, for tests: recalculate a workbook's formulas the way a real spreadsheet
 * does, and render workbooks to PDF to look at them.
 *
 * LibreOffice keeps the cached formula results of an .xlsx it opens unless told otherwise, so
 * every run uses a private profile whose registrymodifications.xcu sets
 * /org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode to 0 ("always recalculate").
 * A profile also serialises soffice: one profile per concurrent run.
 */

const SOFFICE = process.env.SOFFICE ?? "soffice";
/** Generous: the first start with a fresh profile builds it (several seconds). */
const DEFAULT_TIMEOUT_MS = 240_000; // below the slow jest project's 300 s, so this clearer error comes first

const RECALC_PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export class LibreOfficeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LibreOfficeError";
  }
}

/** True when a soffice binary answers --version (tests can skip with a clear note otherwise). */
export function libreOfficeAvailable(): boolean {
  try {
    return spawnSync(SOFFICE, ["--version"], { timeout: 30_000 }).status === 0;
  } catch {
    return false;
  }
}

/** A fresh private profile that always recalculates on load. Remove it with rmSync when done. */
function createProfile(): string {
  const dir = makeTempDir("lo-profile");
  mkdirSync(path.join(dir, "user"), { recursive: true });
  writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), RECALC_PROFILE);
  return dir;
}

function run(args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(SOFFICE, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new LibreOfficeError(
          `soffice did not finish within ${timeoutMs} ms: ${args.join(" ")}\n${output}`
        )
      );
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(
        new LibreOfficeError(
          `cannot start soffice (${error.message}); install LibreOffice (apt-get install libreoffice-calc)`
        )
      );
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * Converts files with one soffice run (one start-up for many files) and returns the output paths
 * in input order. soffice exits 0 even when a file fails to load, so every output is checked.
 */
export async function convertWithLibreOffice(
  inputs: string[],
  outDir: string,
  format: string,
  timeoutMs = DEFAULT_TIMEOUT_MS
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const extension = format.split(":")[0];
  const outputs = inputs.map((input) => {
    const output = path.join(path.resolve(outDir), `${path.parse(input).name}.${extension}`);
    if (path.resolve(input) === output)
      throw new LibreOfficeError(
        `the output would overwrite the input ${input}: choose another outDir`
      );
    rmSync(output, { force: true });
    return output;
  });
  const profile = createProfile();
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      format,
      "--outdir",
      path.resolve(outDir),
      ...inputs.map((i) => path.resolve(i)),
    ];
    const { code, output } = await run(args, timeoutMs);
    const missing = outputs.filter((o) => !existsSync(o) || statSync(o).size === 0);
    if (code !== 0 || missing.length > 0) {
      throw new LibreOfficeError(
        `soffice (exit ${code}) did not produce ${missing.join(", ") || "its output"}:\n${output}`
      );
    }
    return outputs;
  } finally {
    removeTempDir(profile);
  }
}

/**
 * Opens each workbook in LibreOffice, recalculates every formula (cached results ignored) and
 * saves it as .xlsx in outDir. Returns the recalculated files' paths, in input order.
 *
 * @example
 * const [recalculated] = await recalculateAll(["out/audit.xlsx"], "out/lo");
 */
export function recalculateAll(
  inputs: string[],
  outDir: string,
  timeoutMs?: number
): Promise<string[]> {
  return convertWithLibreOffice(inputs, outDir, "xlsx:Calc MS Excel 2007 XML", timeoutMs);
}

/** recalculateAll for one file. */
export async function recalculate(
  inputXlsx: string,
  outDir: string,
  timeoutMs?: number
): Promise<string> {
  const [output] = await recalculateAll([inputXlsx], outDir, timeoutMs);
  return output;
}

/** Renders a workbook to PDF (every sheet, as printed) in outDir; returns the PDF's path. */
export async function renderPdf(xlsx: string, outDir: string, timeoutMs?: number): Promise<string> {
  const [output] = await convertWithLibreOffice([xlsx], outDir, "pdf", timeoutMs);
  return output;
}
