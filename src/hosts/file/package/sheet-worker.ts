import { parentPort } from "worker_threads";
import { deflateJob, movable, type DeflatedPart, type SheetJob } from "./sheet-job";

/**
 * The sheet thread's entry (sheet-thread.ts starts it): writes and deflates the jobs it is sent,
 * one after another, and sends each part back as one buffer, with the job's slabs (both moved,
 * not copied: the slabs were moved here and go back to their sheet).
 */

/** A job for the thread, numbered by the sender. */
export interface JobMessage {
  id: number;
  job: SheetJob;
}

/** What the thread sends back for a job: its deflated part, or why it failed; and the job's slabs. */
export type ResultMessage = ({ part: DeflatedPart } | { error: string }) & {
  id: number;
  slabs: Uint8Array[];
};

/** The part's deflated chunks as one buffer of its own (never a slice of Node's pool): it is transferred. */
function joined(part: DeflatedPart): DeflatedPart {
  const total = part.deflated.reduce((sum, chunk) => sum + chunk.length, 0);
  const bytes = Buffer.allocUnsafeSlow(total);
  let at = 0;
  for (const chunk of part.deflated) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { ...part, deflated: [bytes] };
}

const port = parentPort;
if (port) {
  let queue = Promise.resolve();
  port.on("message", ({ id, job }: JobMessage) => {
    queue = queue.then(async () => {
      let slabs: Uint8Array[] = [];
      let result: ResultMessage;
      try {
        slabs = job.rows.slabs.map((slab) => slab.bytes);
        result = { id, slabs, part: joined(await deflateJob(job)) };
      } catch (error) {
        result = { id, slabs, error: error instanceof Error ? error.message : String(error) };
      }
      const part = "part" in result ? result.part.deflated : [];
      port.postMessage(result, movable([...slabs, ...part]));
    });
  });
}
