/**
 * The big workbook and the headless command run on it, shared by the "headless" and
 * "libreoffice-peer" sections: generated once per bench process, audited once, so both sections
 * compare against the same run of ours. Everything lives in one temp dir removed at exit.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { bigCountyWorkbook, DEFAULT_BIG_SCHOOLS } from "../scripts/big-workbook";
import { makeTempDir } from "../test/support/tmp";

const ROOT = path.resolve(__dirname, "..");
const CLI = path.join(ROOT, "src", "cli", "main.ts");
const SPLIT = path.join(__dirname, "headless-split.ts");
const RSS_HOOK = path.join(__dirname, "rss-on-exit.ts");

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
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
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
  /** The real command `node --import tsx src/cli/main.ts input --out output`. */
  command: ChildRun;
  /** `auditFile` in a child: the pipeline's own split, and that child's peak memory. */
  split: { read: number; audit: number; write: number; maxRssMb: number; schoolParts: number };
  /** node + tsx start-up alone (`main.ts --help`), the fixed cost inside command.wallMs. */
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

  // The split first: it also warms tsx's transpile cache, as any second run of the command finds it.
  const splitRun = await runNode([SPLIT, input, path.join(dir, "split.audit.xlsx")]);
  const split = JSON.parse(splitRun.stdout.trim().split("\n").pop()!) as BigRun["split"];
  rmSync(path.join(dir, "split.audit.xlsx"), { force: true });

  const startupMs = (await runNode([CLI, "--help"])).wallMs;

  // The real command, with a hook that writes the process's peak RSS as it exits.
  const rssFile = path.join(dir, "command-rss.json");
  const command = await runNode(["--import", RSS_HOOK, CLI, input, "--out", output], {
    BENCH_RSS_FILE: rssFile,
  });
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
