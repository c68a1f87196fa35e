import { crc32, createDeflateRaw } from "zlib";
import { RawRowCursor, type PackedRowsData } from "../../../report/packedRows";
import { inflateSlab } from "./pack-codec";
import { packedSheetXml, type CellFormats, type SheetXmlFrame } from "./sheet-data-bytes";
import { releaseXmlChunk } from "./xml-bytes";

/**
 * A packed audit sheet as plain data another thread can write (sheet-thread.ts makes it, and
 * sheet-worker.ts writes it): the XML around its rows, its cell formats and its packed rows. The
 * thread writes the same XML as sheetXmlChunks, from the same code (packedSheetXml), and deflates
 * it. Only what that needs is imported here: the thread loads this module and little else.
 */

export interface SheetJob {
  frame: SheetXmlFrame;
  cellFormat: CellFormats;
  rows: PackedRowsData;
}

/** The packed rows of a job, in row order, read in place by one cursor (like PackedRows.rawRows). */
export function* jobRows(rows: PackedRowsData): Generator<RawRowCursor> {
  const cursor = new RawRowCursor(rows.styles, rows.numFmts);
  let index = -1;
  let bytes: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < rows.heights.length; i++) {
    const slab = rows.rows[3 * i + 1];
    if (slab !== index) {
      const kept = rows.slabs[slab];
      bytes = kept.coded ? inflateSlab(kept.bytes, kept.size ?? kept.bytes.length) : kept.bytes;
      index = slab;
    }
    const height = rows.heights[i];
    cursor.reset(
      rows.rows[3 * i],
      Number.isNaN(height) ? undefined : height,
      bytes,
      rows.rows[3 * i + 2]
    );
    yield cursor;
  }
}

/**
 * A job's worksheet XML, in chunks: what sheetXmlChunks writes for its sheet.
 *
 * @example
 * for (const chunk of sheetJobXml(job)) deflate.write(chunk);
 */
export function sheetJobXml(job: SheetJob): Generator<string | Uint8Array> {
  return packedSheetXml(job.frame, jobRows(job.rows), job.cellFormat);
}

/** What a part deflated away from the zip writer adds up to: the CRC-32 and size of what was deflated. */
export interface DeflatedSums {
  crc32: number;
  size: number;
}

/** Bytes of XML handed to zlib and not deflated yet before the next chunk waits (as zip-write.ts). */
const DEFLATE_AHEAD = 1 << 20;
/** Parts bigger than this are refused by the zip writer (no ZIP64). */
const LIMIT_32 = 0xffffffff;

/**
 * A job's XML deflated (level 1, as the zip writer deflates a new part): the raw deflate bytes go
 * to `out` as zlib hands them over, in order; settles with the CRC-32 and size once all are out.
 *
 * @example
 * const { crc32, size } = await deflateJob(job, (bytes) => port.postMessage(bytes));
 */
export async function deflateJob(
  job: SheetJob,
  out: (bytes: Uint8Array) => void
): Promise<DeflatedSums> {
  const deflate = createDeflateRaw({ level: 1, chunkSize: 1 << 18 });
  deflate.on("data", out);
  const ended = new Promise<void>((resolve, reject) => {
    deflate.once("end", resolve);
    deflate.once("error", reject);
  });
  ended.catch(() => undefined); // awaited below; an early error must not go unhandled
  let crc = 0;
  let size = 0;
  try {
    for (const chunk of sheetJobXml(job)) {
      if (chunk.length === 0) continue;
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (size > LIMIT_32) throw new Error("新工作表超过 4 GB");
      // Given back once zlib has read it (only chunks of XmlBytes.take() are taken back).
      const release = typeof chunk === "string" ? undefined : () => releaseXmlChunk(bytes);
      // Not waiting for zlib to deflate this chunk: it does while the next is made. A turn of
      // the event loop lets it hand over what it has done.
      if (!deflate.write(bytes, release) && deflate.writableLength > DEFLATE_AHEAD)
        await new Promise((resolve) => deflate.once("drain", resolve));
      else await new Promise(setImmediate);
    }
  } catch (error) {
    deflate.destroy();
    throw error;
  }
  deflate.end();
  await ended;
  return { crc32: crc, size };
}

/**
 * The distinct memory of `arrays` that may be moved to another thread (postMessage's transfer
 * list): only memory an array views whole, never a slice of Node's shared small-buffer pool
 * (those are copied).
 *
 * @example
 * port.postMessage(job, movable(job.rows.slabs.map((s) => s.bytes)));
 */
export function movable(arrays: readonly Uint8Array[]): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) {
    const buffer = array.buffer;
    if (
      buffer instanceof ArrayBuffer &&
      array.byteOffset === 0 &&
      array.byteLength === buffer.byteLength &&
      buffer.byteLength > 0
    )
      buffers.add(buffer);
  }
  return [...buffers];
}
