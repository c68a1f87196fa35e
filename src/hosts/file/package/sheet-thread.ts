import * as nodePath from "path";
import { Worker } from "worker_threads";
import { packedRowsData, restorePackedRows } from "../../../report/packedRows";
import type { PlannedSheet } from "../../../report/plan";
import { inflateSlab } from "./pack-codec";
import { jobBytes, movable, type DeflatedPart, type SheetJob } from "./sheet-job";
import { sheetXmlFrame, type SheetStyles, type SheetWriteOptions } from "./sheet-xml";
import type { JobMessage, ResultMessage } from "./sheet-worker";

/**
 * A second thread for the audit sheets' XML: a city's 学校达标 is tens of megabytes of XML, which
 * this thread writes and deflates (sheet-worker.ts) while the main thread writes the other sheets.
 * Run from the command's bundle, the thread loads its own small bundle beside it
 * (build/cli/sheet-worker.js, built by scripts/cli-bundle.js); run from the sources (tests, the
 * bench), it compiles the same module with tsx.
 */

/**
 * The job for a planned sheet, or undefined when it cannot go to another thread: a sheet of row
 * objects, one whose references are renamed as it is written, or one whose slabs went through a
 * codec other than deflateSlabsPast's (the thread decodes only those).
 *
 * @example
 * const job = sheetJob(plan.sheets[1], styles, { selected: false });
 */
export function sheetJob(
  sheet: PlannedSheet,
  styles: SheetStyles,
  options: SheetWriteOptions = {}
): SheetJob | undefined {
  if (options.renames && options.renames.size > 0) return undefined;
  const packed = packedRowsData(sheet);
  if (!packed || (packed.codec && packed.codec.decompress !== inflateSlab)) return undefined;
  return {
    frame: sheetXmlFrame(sheet, styles, options),
    cellFormat: styles.cellFormat,
    rows: packed.data,
  };
}

/** Where the audit sheets' XML is made (AppendOptions.thread). */
export type ThreadUse = "auto" | "main" | "thread";

/** A sheet of fewer packed bytes stays on the main thread: sending it costs more than it saves. */
const THREAD_SHEET_BYTES = 1 << 20;
/**
 * The thread's start-up (loading its bundle, ~40 ms) as the packed bytes the main thread writes
 * meanwhile: the thread takes sheets only while its share, this included, stays the smaller.
 */
const THREAD_START_BYTES = 2 << 20;

/**
 * Which sheets go to the thread (by index), with their jobs: under "auto", from the biggest down,
 * each sheet to the side with less to write so far (the thread starting with its start-up), sheets
 * under THREAD_SHEET_BYTES on the main thread; none when no sheet is that big. "thread" sends
 * every sheet that can go, "main" none. `jobOf` makes a sheet's job (undefined: it cannot go).
 *
 * @example
 * threadJobs(sheets.map((s) => () => sheetJob(s, styles)), "auto"); // Map { 1 => job of 学校达标 }
 */
export function threadJobs(
  jobOf: (() => SheetJob | undefined)[],
  use: ThreadUse
): Map<number, SheetJob> {
  const chosen = new Map<number, SheetJob>();
  if (use === "main") return chosen;
  const jobs = jobOf.map((make) => make());
  if (use === "thread") {
    jobs.forEach((job, i) => job && chosen.set(i, job));
    return chosen;
  }
  const sizes = jobs.map((job) => (job ? jobBytes(job) : 0));
  const big = sizes.map((_, i) => i).filter((i) => sizes[i] >= THREAD_SHEET_BYTES);
  let main = sizes.reduce((sum, size, i) => sum + (big.includes(i) ? 0 : size), 0);
  let thread = THREAD_START_BYTES;
  for (const i of big.sort((a, b) => sizes[b] - sizes[a])) {
    if (thread < main) {
      chosen.set(i, jobs[i]!);
      thread += sizes[i];
    } else main += sizes[i];
  }
  return chosen;
}

/** The thread as started from the bundle or from the sources. */
function startWorker(): Worker {
  if (__filename.endsWith(".ts")) {
    const entry = nodePath.join(__dirname, "sheet-worker.ts");
    return new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`, {
      eval: true,
    });
  }
  return new Worker(nodePath.join(__dirname, "sheet-worker.js"));
}

export class SheetThread {
  private nextId = 0;
  private readonly pending = new Map<
    number,
    {
      sheet: PlannedSheet;
      resolve: (part: DeflatedPart) => void;
      reject: (error: Error) => void;
    }
  >();
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (message: ResultMessage) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      restorePackedRows(waiting.sheet, message.slabs);
      if ("part" in message) waiting.resolve(message.part);
      else waiting.reject(new Error(message.error));
    });
    worker.on("error", (error) => this.fail(error));
    worker.on("messageerror", (error) => this.fail(error));
    worker.on("exit", (code) => this.fail(new Error(`写入线程意外退出（退出码 ${code}）`)));
  }

  /**
   * Starts the thread (it loads while the caller goes on).
   *
   * @example
   * const thread = SheetThread.start();
   * const part = thread.write(job); // later: await part
   * await thread.close();
   */
  static start(): SheetThread {
    return new SheetThread(startWorker());
  }

  /** Every job not answered yet fails with `error`, and every later one. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }

  /**
   * Sends a sheet's job (sheetJob) to the thread; settles with its deflated part, or rejects with
   * the thread's error. The sheet's slabs are moved to the thread, not copied, and come back with
   * the answer: until then the sheet's rows cannot be read (the writer reads them no more), and if
   * the thread dies they are lost with the write.
   */
  write(sheet: PlannedSheet, job: SheetJob): Promise<DeflatedPart> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const result = new Promise<DeflatedPart>((resolve, reject) =>
      this.pending.set(id, { sheet, resolve, reject })
    );
    const message: JobMessage = { id, job };
    this.worker.postMessage(message, movable(job.rows.slabs.map((slab) => slab.bytes)));
    return result;
  }

  /** Stops the thread (jobs not answered yet fail). */
  async close(): Promise<void> {
    this.failure ??= new Error("写入线程已关闭");
    await this.worker.terminate();
  }
}
