/**
 * The big workbook and the headless command run on it, shared by the "headless" and
 * "libreoffice-peer" sections: generated once per bench process, audited once, so both sections
 * compare against the same run of ours. Everything lives in one temp dir removed at exit.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { ensureCliBundle } from "../scripts/cli-bundle";
import { bigCountyWorkbook, DEFAULT_BIG_SCHOOLS } from "../scripts/big-workbook";
import { makeTempDir } from "../test/support/tmp";

const ROOT = path.resolve(__dirname, "..");
/** What `npm run audit` runs: the launcher that starts the command's bundle (build/cli/main.js). */
export const AUDIT_LAUNCHER = path.join(ROOT, "scripts", "audit.js");
const SPLIT = path.join(__dirname, "headless-split.ts");
const RSS_HOOK = path.join(__dirname, "rss-on-exit.js");

/**
 * The size of the big workbook: `--schools N` on the bench command line, else BENCH_SCHOOLS,
 * else 20,000.
 *
 * @example
 * // npm run bench -- --only headless --schools 5000
 * benchSchools(); // 5000
 */
export function benchSchools(argv: readonly string[] = process.argv, env = process.env): number {
  const i = argv.indexOf("--schools");
  const raw = i >= 0 ? argv[i + 1] : env.BENCH_SCHOOLS;
  if (raw === undefined) return DEFAULT_BIG_SCHOOLS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--schools / BENCH_SCHOOLS must be a positive whole number, got "${raw}"`);
  return n;
}

/** A child process's wall time and peak resident memory. */
export interface ChildRun {
  wallMs: number;
  maxRssMb: number;
  stdout: string;
}

/** Runs `node --import tsx …args` in the repo root; rejects on a non-zero exit. */
export function runNode(
  args: string[],
  env: NodeJS.ProcessEnv = {}
): Promise<{ wallMs: number; stdout: string; stderr: string }> {
  return spawnNode(["--import", "tsx", ...args], env);
}

/**
 * Runs the headless command as `npm run audit` does (`node scripts/audit.js …args`, without npm's
 * own start-up), the bundle built beforehand so no run pays for building it. With `rssFile`, the
 * process's peak RSS is written there as it exits.
 */
export function runAuditCommand(
  args: string[],
  rssFile?: string
): Promise<{ wallMs: number; stdout: string; stderr: string }> {
  ensureCliBundle();
  const hook = rssFile ? ["--require", RSS_HOOK] : [];
  return spawnNode([...hook, AUDIT_LAUNCHER, ...args], rssFile ? { BENCH_RSS_FILE: rssFile } : {});
}

/** Runs `node …args` in the repo root; rejects on a non-zero exit. */
function spawnNode(
  args: string[],
  env: NodeJS.ProcessEnv
): Promise<{ wallMs: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      if (code !== 0)
        reject(new Error(`node ${args.join(" ")} exited ${code}:\n${stderr.slice(-2000)}`));
      else resolve({ wallMs, stdout, stderr });
    });
  });
}

export interface BigRun {
  schools: number;
  dir: string;
  input: string;
  /** Our audited workbook, written by the real command. */
  output: string;
  generateMs: number;
  inputBytes: number;
  outputBytes: number;
  /** The real command, as `npm run audit -- input --out output` runs it (scripts/audit.js, the bundle). */
  command: ChildRun;
  /** `auditFile` in a child run by tsx: the pipeline's own split, and that child's peak memory. */
  split: { read: number; audit: number; write: number; maxRssMb: number; schoolParts: number };
  /** node + bundle start-up alone (`scripts/audit.js --help`), the fixed cost inside command.wallMs. */
  startupMs: number;
}

let cached: Promise<BigRun> | undefined;

/** Generates the big workbook and audits it (once per process; later calls share the result). */
export function bigRun(schools = benchSchools()): Promise<BigRun> {
  if (!cached) cached = doBigRun(schools);
  return cached;
}

async function doBigRun(schools: number): Promise<BigRun> {
  const dir = makeTempDir("bench-big");
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  const input = path.join(dir, `city-${schools}.xlsx`);
  const output = path.join(dir, `city-${schools}.audit.xlsx`);

  const started = performance.now();
  await bigCountyWorkbook(schools).xlsx.writeFile(input);
  const generateMs = performance.now() - started;

  // The split runs the pipeline from source (tsx): its step timings do not include start-up.
  const splitRun = await runNode([SPLIT, input, path.join(dir, "split.audit.xlsx")]);
  const split = JSON.parse(splitRun.stdout.trim().split("\n").pop()!) as BigRun["split"];
  rmSync(path.join(dir, "split.audit.xlsx"), { force: true });

  const startupMs = (await runAuditCommand(["--help"])).wallMs;

  // The real command, with a hook that writes the process's peak RSS as it exits.
  const rssFile = path.join(dir, "command-rss.json");
  const command = await runAuditCommand([input, "--out", output], rssFile);
  if (!existsSync(output)) throw new Error(`the headless command wrote no ${output}`);
  const { maxRssMb } = JSON.parse(readFileSync(rssFile, "utf8")) as { maxRssMb: number };

  return {
    schools,
    dir,
    input,
    output,
    generateMs,
    inputBytes: statSync(input).size,
    outputBytes: statSync(output).size,
    command: { wallMs: command.wallMs, maxRssMb, stdout: command.stdout },
    split,
    startupMs,
  };
}
