/**
 * How `npm run audit` shows its progress on stderr: a progress bar (cli-progress) when stderr is a
 * terminal, one plain line per step otherwise (CI logs, pipes, files), nothing with --quiet.
 * Errors, warnings and the summary are not progress: --quiet leaves them alone.
 */
import { SingleBar } from "cli-progress";

/** The stream progress goes to: process.stderr, or a test's stand-in. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** A milestone of the headless audit. */
export interface Milestone {
  /** What is being done, in Chinese (读取工作簿, 审计, 写入审计工作表). */
  label: string;
  /** 0..1 over the whole run. */
  fraction: number;
  /** Rows the workbook's sheets hold, once read. */
  rows?: number;
}

export interface Progress {
  /** A step starts, or the current one moves on (the bar only; lines are written once per label). */
  update(milestone: Milestone): void;
  /** The run ended: the bar goes to 100% when it completed, stays where it was otherwise, and is released. */
  stop(completed: boolean): void;
}

/** The milestone as one plain line: 「[2/3] 审计（1234 行）…」. */
export function milestoneLine(milestone: Milestone, index: number, total: number): string {
  const rows = milestone.rows ? `（${milestone.rows} 行）` : "";
  return `[${index}/${total}] ${milestone.label}${rows}…`;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/**
 * The progress display for this run.
 *
 * @example
 * const progress = createProgress(process.stderr, { quiet: false, steps: 3 });
 * progress.update({ label: "读取工作簿", fraction: 0 });
 * progress.stop();
 */
export function createProgress(
  stream: ProgressStream,
  options: { quiet: boolean; steps: number }
): Progress {
  if (options.quiet) return SILENT;
  return stream.isTTY ? barProgress(stream) : lineProgress(stream, options.steps);
}

/** Plain lines: one per step, as it starts. */
function lineProgress(stream: ProgressStream, steps: number): Progress {
  const seen: string[] = [];
  return {
    update(milestone) {
      if (seen.includes(milestone.label)) return;
      seen.push(milestone.label);
      stream.write(`${milestoneLine(milestone, seen.length, steps)}\n`);
    },
    stop: () => undefined,
  };
}

/** A bar over the whole run, in percent, with the step being done beside it. */
function barProgress(stream: ProgressStream): Progress {
  const bar = new SingleBar({
    // cli-progress writes only escape codes and text to the stream: any writable terminal will do.
    stream: stream as NodeJS.WriteStream,
    format: "{bar} {percentage}% | {label}",
    barCompleteChar: "█",
    barIncompleteChar: "░",
    hideCursor: true,
    clearOnComplete: false,
    linewrap: false,
  });
  let started = false;
  return {
    update(milestone) {
      const value = Math.round(Math.min(1, Math.max(0, milestone.fraction)) * 100);
      const label = milestone.rows ? `${milestone.label}（${milestone.rows} 行）` : milestone.label;
      if (!started) {
        bar.start(100, value, { label });
        started = true;
      } else {
        bar.update(value, { label });
      }
    },
    stop(completed) {
      if (!started) return;
      if (completed) bar.update(100, { label: "完成" });
      bar.stop();
      started = false;
    },
  };
}
