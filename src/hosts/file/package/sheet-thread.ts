import { availableParallelism } from "os";
import * as nodePath from "path";
import { Worker } from "worker_threads";
import { packedBytes, packedRowsData, restorePackedRows } from "../../../report/packedRows";
import type { PlannedSheet } from "../../../report/plan";
import { inflateSlab } from "./pack-codec";
import { movable, type DeflatedSums, type SheetJob } from "./sheet-job";
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

/**
 * The packed bytes of a sheet that can go to the thread (see sheetJob), or undefined.
 *
 * @example
 * sheetBytes(plan.sheets[1], new Map()); // 22_900_000 for a city's 学校达标
 */
export function sheetBytes(
  sheet: PlannedSheet,
  renames?: ReadonlyMap<string, string>
): number | undefined {
  if (renames && renames.size > 0) return undefined;
  const packed = packedBytes(sheet);
  if (!packed || (packed.codec && packed.codec.decompress !== inflateSlab)) return undefined;
  return packed.bytes;
}

/** Where the audit sheets' XML is made (AppendOptions.thread). */
export type ThreadUse = "auto" | "main" | "thread";

const THREAD_USES: readonly ThreadUse[] = ["auto", "main", "thread"];

/**
 * The default ThreadUse: JH_SHEET_THREAD when it names one ("main" turns the thread off, e.g.
 * to compare the two on one machine); else "auto" on a machine of more than two cores and
 * "main" on two or fewer. With two cores the second one is already busy with zlib's deflating
 * and the garbage collector's helpers: measured at 20,000 schools on 2 vCPUs (10 interleaved
 * pairs), the thread saved no wall time and cost about 0.4 s more CPU and 25 MB more memory.
 *
 * @example
 * threadUseFromEnv({ JH_SHEET_THREAD: "main" }, 8); // "main"
 * threadUseFromEnv({}, 8); // "auto"
 * threadUseFromEnv({}, 2); // "main"
 */
export function threadUseFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism()
): ThreadUse {
  const named = env.JH_SHEET_THREAD as ThreadUse | undefined;
  if (named && THREAD_USES.includes(named)) return named;
  return cores > 2 ? "auto" : "main";
}

/** A sheet of fewer packed bytes stays on the main thread: sending it costs more than it saves. */
const THREAD_SHEET_BYTES = 1 << 20;
/**
 * What a packed byte of such a small sheet costs next to one of a big sheet: a part of 64 KB or
 * less is deflated on the main thread itself, and every part has its own overhead. Measured at
 * 20,000 schools: 203 small sheets, 10.7 MiB, about 330 ms; 学校达标, 21.8 MiB, 383 ms.
 */
const SMALL_SHEET_WEIGHT = 2;
/**
 * The thread's start-up (loading its bundle, ~30 ms) as the packed bytes the main thread writes
 * meanwhile: the thread takes sheets only while its share, this included, stays the smaller.
 */
const THREAD_START_BYTES = 2 << 20;
/**
 * Past this many packed bytes in all (a city of 20,000 schools packs about 45 MB; 100,000 about
 * 250 MB) every sheet stays on the main thread. At a province's size the memory target binds,
 * not the time: measured at 100,000 schools the thread saved about 2 s of a 15 s run but peak
 * RSS rose by about 100 MB (likely: the main thread's later parts wait, deflated, until the
 * thread's part is in the file, and the thread's small heap frees the slabs it inflated late).
 */
const THREAD_MAX_TOTAL_BYTES = 96 << 20;

/**
 * Which sheets go to the thread (their indexes), from the packed bytes of those that can go
 * (undefined: cannot). Under "auto", from the biggest down, each sheet to the side with less to
 * write so far (the thread starting with its start-up), sheets under THREAD_SHEET_BYTES on the
 * main thread (counted at SMALL_SHEET_WEIGHT); none when no sheet is that big, or when all
 * together pass THREAD_MAX_TOTAL_BYTES (a province: memory first). "thread": every sheet that
 * can go; "main": none.
 *
 * @example
 * threadShare(plan.sheets.map((s) => sheetBytes(s)), "auto"); // [1, 3]: 学校达标 and 问题清单
 */
export function threadShare(sizes: readonly (number | undefined)[], use: ThreadUse): number[] {
  const can = sizes.map((_, i) => i).filter((i) => sizes[i] !== undefined);
  if (use === "main") return [];
  if (use === "thread") return can;
  const size = (i: number) => sizes[i] ?? 0;
  if (can.reduce((sum, i) => sum + size(i), 0) > THREAD_MAX_TOTAL_BYTES) return [];
  const big = can.filter((i) => size(i) >= THREAD_SHEET_BYTES);
  let main = sizes.reduce<number>(
    (sum, _, i) => sum + (big.includes(i) ? 0 : SMALL_SHEET_WEIGHT * size(i)),
    0
  );
  let thread = THREAD_START_BYTES;
  const chosen: number[] = [];
  for (const i of big.sort((a, b) => size(b) - size(a))) {
    if (thread < main) {
      chosen.push(i);
      thread += size(i);
    } else main += size(i);
  }
  return chosen;
}

/**
 * Whether threadShare will likely send sheets to the thread, from the plan alone (before the
 * package is read and the sheets' names are settled): the thread can then start early.
 *
 * @example
 * threadLikely(plan.sheets, "auto"); // true for a city, false for a county
 */
export function threadLikely(sheets: readonly PlannedSheet[], use: ThreadUse): boolean {
  return (
    use !== "main" &&
    threadShare(
      sheets.map((sheet) => sheetBytes(sheet)),
      use
    ).length > 0
  );
}

/** The thread as started from the bundle or from the sources. */
function startWorker(): Worker {
  if (__filename.endsWith(".ts")) {
    // Paths resolved here: the thread's own require would look from the working folder.
    const tsx = JSON.stringify(require.resolve("tsx/cjs/api"));
    const entry = JSON.stringify(nodePath.join(__dirname, "sheet-worker.ts"));
    return new Worker(`require(${tsx}).register(); require(${entry});`, { eval: true });
  }
  return new Worker(nodePath.join(__dirname, "sheet-worker.js"));
}

/**
 * A part being deflated on the thread: its bytes as they come back, then its sums. Iterating
 * `chunks` ends when the part is done and throws when it failed.
 */
export class ThreadPart {
  private readonly arrived: Uint8Array[] = [];
  private wake: (() => void) | undefined;
  private end: { sums: DeflatedSums } | { error: Error } | undefined;
  /** Settles with the part's CRC-32 and size once it is done (never rejects: see chunks). */
  readonly sums: Promise<DeflatedSums | undefined>;
  private settle: (sums: DeflatedSums | undefined) => void = () => undefined;

  constructor() {
    this.sums = new Promise((resolve) => (this.settle = resolve));
  }

  /** @internal From the thread: the next deflated bytes. */
  push(bytes: Uint8Array): void {
    this.arrived.push(bytes);
    this.wake?.();
  }

  /** @internal From the thread: done (sums) or failed (error). */
  finish(end: { sums: DeflatedSums } | { error: Error }): void {
    if (this.end) return;
    this.end = end;
    this.settle("sums" in end ? end.sums : undefined);
    this.wake?.();
  }

  /**
   * The deflated bytes in order, as they come; throws the thread's error.
   *
   * @example
   * for await (const bytes of part.chunks()) file.write(bytes);
   */
  async *chunks(): AsyncGenerator<Uint8Array> {
    for (;;) {
      const next = this.arrived.shift();
      if (next) {
        yield next;
        continue;
      }
      if (this.end) {
        if ("error" in this.end) throw this.end.error;
        return;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }
}

export class SheetThread {
  private nextId = 0;
  private readonly pending = new Map<number, { sheet: PlannedSheet; part: ThreadPart }>();
  private failure: Error | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (message: ResultMessage) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      if ("bytes" in message) return waiting.part.push(message.bytes);
      this.pending.delete(message.id);
      restorePackedRows(waiting.sheet, message.slabs);
      waiting.part.finish(
        "sums" in message ? { sums: message.sums } : { error: new Error(message.error) }
      );
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
   * const part = thread.write(sheet, job); // later: for await (const bytes of part.chunks()) …
   * await thread.close();
   */
  static start(): SheetThread {
    return new SheetThread(startWorker());
  }

  /** Every job not answered yet fails with `error`, and every later one. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const { part } of this.pending.values()) part.finish({ error: this.failure });
    this.pending.clear();
  }

  /**
   * Sends a sheet's job (sheetJob) to the thread: its deflated bytes come back as they are made
   * (ThreadPart). The sheet's slabs are moved to the thread, not copied, and come back when the
   * part is done: until then the sheet's rows cannot be read (the writer reads them no more), and
   * if the thread dies they are lost with the write.
   */
  write(sheet: PlannedSheet, job: SheetJob): ThreadPart {
    const part = new ThreadPart();
    if (this.failure) {
      part.finish({ error: this.failure });
      return part;
    }
    const id = this.nextId++;
    this.pending.set(id, { sheet, part });
    const message: JobMessage = { id, job };
    this.worker.postMessage(message, movable(job.rows.slabs.map((slab) => slab.bytes)));
    return part;
  }

  /**
   * Gives the thread back the memory of deflated bytes once they are written, for its next ones.
   *
   * @example
   * zip.addDeflated(name, part.chunks(), part.sums, (bytes) => thread.giveBack(bytes));
   */
  giveBack(bytes: Uint8Array): void {
    const buffer = bytes.buffer;
    if (this.failure || !(buffer instanceof ArrayBuffer) || bytes.byteOffset !== 0) return;
    const message: JobMessage = { spare: buffer };
    this.worker.postMessage(message, [buffer]);
  }

  /** Stops the thread (jobs not answered yet fail). */
  async close(): Promise<void> {
    this.failure ??= new Error("写入线程已关闭");
    await this.worker.terminate();
  }
}
