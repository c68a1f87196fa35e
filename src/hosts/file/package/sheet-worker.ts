import { parentPort } from "worker_threads";
import { deflateJob, movable, type DeflatedSums, type SheetJob } from "./sheet-job";

/**
 * The sheet thread's entry (sheet-thread.ts starts it): writes and deflates the jobs it is sent,
 * one after another. The deflated bytes go back as zlib hands them over (each in memory of its
 * own, moved, not copied, again), then the part's CRC-32 and size with the job's slabs (moved
 * here and back to their sheet), or why it failed.
 */

/**
 * To the thread: a job, numbered by the sender, or the memory of deflated bytes the sender has
 * written (given back for the next bytes: the main thread, waiting, would not collect it soon).
 */
export type JobMessage = { id: number; job: SheetJob } | { spare: ArrayBuffer };

/** What the thread sends back for a job: deflated bytes, then its sums or why it failed, with its slabs. */
export type ResultMessage =
  | { id: number; bytes: Uint8Array }
  | (({ sums: DeflatedSums } | { error: string }) & { id: number; slabs: Uint8Array[] });

/** zlib's output buffer size: no deflated piece it hands over is longer. */
const PIECE_BYTES = 1 << 18;
/** Memory given back by the main thread, for the next pieces. */
const spare: ArrayBuffer[] = [];

/** Bytes in memory of their own, to be moved (zlib hands over slices of a buffer it goes on filling). */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const reused = bytes.length <= PIECE_BYTES ? spare.pop() : undefined;
  const copy = new Uint8Array(reused ?? new ArrayBuffer(Math.max(bytes.length, PIECE_BYTES)));
  copy.set(bytes);
  return copy.subarray(0, bytes.length);
}

const port = parentPort;
if (port) {
  let queue = Promise.resolve();
  port.on("message", (message: JobMessage) => {
    if ("spare" in message) return void spare.push(message.spare);
    const { id, job } = message;
    queue = queue.then(async () => {
      let slabs: Uint8Array[] = [];
      let result: ResultMessage;
      try {
        slabs = job.rows.slabs.map((slab) => slab.bytes);
        const sums = await deflateJob(job, (deflated) => {
          const bytes = own(deflated);
          port.postMessage({ id, bytes } satisfies ResultMessage, [bytes.buffer]);
        });
        result = { id, slabs, sums };
      } catch (error) {
        result = { id, slabs, error: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(result, movable(slabs));
    });
  });
}
