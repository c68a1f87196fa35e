import { main } from "../../src/cli/main";

/** What `npm run audit` printed and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** Progress lines, written apart from the messages. */
  progress: string;
}

/**
 * Runs the command in-process, collecting its summary (out), its messages (err) and its progress.
 *
 * @example
 * const { code, err } = await runCli(["县.xlsx", "--json", "结果.json"]);
 */
export async function runCli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const progress: string[] = [];
  const code = await main(
    argv,
    (line) => out.push(line),
    (line) => err.push(line),
    { isTTY: false, write: (text) => progress.push(text) }
  );
  return { code, out: out.join("\n"), err: err.join("\n"), progress: progress.join("") };
}
