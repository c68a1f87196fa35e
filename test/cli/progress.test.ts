import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { main, SAMPLE_WORKBOOK } from "../../src/cli/main";
import { auditFile } from "../../src/cli/pipeline";
import { parseArgs, USAGE } from "../../src/cli/args";
import { createProgress, milestoneLine, type ProgressStream } from "../../src/cli/progress";
import { makeTempDir, removeTempDir } from "../support/tmp";

/** A stand-in for stderr: a terminal or a pipe, keeping what was written. */
function stream(isTTY: boolean): ProgressStream & { text: () => string } {
  const written: string[] = [];
  return {
    isTTY,
    columns: 100,
    write: (t: string) => written.push(t),
    text: () => written.join(""),
  };
}

/** Terminal output without its escape sequences (cursor moves, line clears). */
function visible(text: string): string {
  return text.replace(/\x1b(\[[0-9;?]*[A-Za-z]|[78])/g, "");
}

describe("progress on stderr", () => {
  it("writes one plain line per step when stderr is not a terminal, each step once", () => {
    const pipe = stream(false);
    const progress = createProgress(pipe, { quiet: false, steps: 3 });
    progress.update({ label: "读取工作簿", fraction: 0 });
    progress.update({ label: "读取工作簿", fraction: 0.3 });
    progress.update({ label: "审计", fraction: 0.4, rows: 1234 });
    progress.update({ label: "写入审计工作表", fraction: 0.5 });
    progress.stop(true);
    expect(pipe.text()).toBe("[1/3] 读取工作簿…\n[2/3] 审计（1234 行）…\n[3/3] 写入审计工作表…\n");
  });

  it("draws a bar with the percentage and the step on a terminal, ending at 100%", () => {
    const tty = stream(true);
    const progress = createProgress(tty, { quiet: false, steps: 3 });
    progress.update({ label: "读取工作簿", fraction: 0 });
    progress.update({ label: "审计", fraction: 0.4, rows: 50 });
    progress.stop(true);
    const shown = visible(tty.text());
    expect(shown).toContain("0% | 读取工作簿");
    expect(shown).toContain("100% | 完成");
    expect(shown).toMatch(/█+/);
    expect(tty.text()).toContain("\x1b[?25l"); // the cursor hidden while drawing…
    expect(tty.text()).toContain("\x1b[?25h"); // …and shown again
    expect(shown).not.toContain("[1/3]");
  });

  it("leaves a failed run's bar where it stopped", () => {
    const tty = stream(true);
    const progress = createProgress(tty, { quiet: false, steps: 3 });
    progress.update({ label: "读取工作簿", fraction: 0.3 });
    progress.stop(false);
    expect(visible(tty.text())).toContain("30% | 读取工作簿");
    expect(visible(tty.text())).not.toContain("100%");
  });

  it("writes nothing with quiet, on a terminal or not", () => {
    for (const isTTY of [true, false]) {
      const target = stream(isTTY);
      const progress = createProgress(target, { quiet: true, steps: 3 });
      progress.update({ label: "读取工作簿", fraction: 0 });
      progress.stop(true);
      expect(target.text()).toBe("");
    }
  });

  it("names rows only when there are some", () => {
    expect(milestoneLine({ label: "审计", fraction: 0.4, rows: 0 }, 2, 3)).toBe("[2/3] 审计…");
    expect(milestoneLine({ label: "审计", fraction: 0.4, rows: 7 }, 2, 3)).toBe(
      "[2/3] 审计（7 行）…"
    );
  });
});

describe("npm run audit --quiet and the step lines", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("jh-cli-progress-");
  });
  afterAll(() => removeTempDir(dir));

  async function audit(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const progress = stream(false);
    const code = await main(
      argv,
      (l) => out.push(l),
      (l) => err.push(l),
      progress
    );
    return { code, out: out.join("\n"), err: err.join("\n"), progress: progress.text() };
  }

  it("prints the three steps to a pipe, then the summary to stdout", async () => {
    const output = path.join(dir, "lines.audit.xlsx");
    const run = await audit(["--out", output]);
    expect(run.code).toBe(0);
    expect(run.progress).toMatch(
      /^\[1\/3\] 读取工作簿…\n\[2\/3\] 审计（\d+ 行）…\n\[3\/3\] 写入审计工作表…\n$/
    );
    expect(run.err).toBe("");
    expect(run.out).toContain("结论");
    expect(existsSync(output)).toBe(true);
  });

  it("prints no progress with --quiet, but the summary and the same workbook", async () => {
    const output = path.join(dir, "quiet.audit.xlsx");
    const run = await audit(["--quiet", "--out", output]);
    expect(run.code).toBe(0);
    expect(run.progress).toBe("");
    expect(run.out).toContain("结论");
    expect(readFileSync(output).length).toBeGreaterThan(0);
  });

  it("still reports errors with --quiet", async () => {
    const run = await audit(["--quiet", path.join(dir, "无此文件.xlsx")]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("找不到工作簿");
    expect(run.progress).toBe("");
  });

  it("reports each step with its share of the run, and the write as it lays out and saves", async () => {
    const steps: Array<[string, number, number]> = [];
    const fractions: number[] = [];
    const outcome = await auditFile({
      input: SAMPLE_WORKBOOK,
      out: path.join(dir, "steps.audit.xlsx"),
      onStep: (step, rows, fraction) => steps.push([step, rows, fraction]),
      onFraction: (fraction) => fractions.push(fraction),
    });
    expect(outcome.written).toBe(true);
    expect(steps.map(([step]) => step)).toEqual(["read", "audit", "write"]);
    expect(steps.map(([, , fraction]) => fraction)).toEqual([0, 0.4, 0.5]);
    expect(steps[0][1]).toBe(0); // rows are known once the workbook is read
    expect(steps[1][1]).toBeGreaterThan(0);
    // The tables found (still reading), then each audit sheet as it is written, up to the whole run.
    expect(fractions[0]).toBe(0.3);
    expect(fractions.slice(1).every((f, i) => f > fractions[i])).toBe(true);
    expect(fractions.length).toBeGreaterThan(3);
    expect(fractions.at(-1)).toBe(1);
  });

  it("takes --quiet and -q on the command line and documents it", () => {
    expect(parseArgs(["--quiet"]).quiet).toBe(true);
    expect(parseArgs(["县.xlsx", "-q"])).toMatchObject({ input: "县.xlsx", quiet: true });
    expect(parseArgs([]).quiet).toBeUndefined();
    expect(USAGE).toContain("--quiet");
  });
});
