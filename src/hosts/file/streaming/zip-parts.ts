import type { Readable } from "stream";
import { StringDecoder } from "string_decoder";
import zlib from "zlib";
import yauzl from "yauzl";
import { limitError, type ReadLimits } from "./limits";

/** Bytes inflated per chunk handed on (yauzl's, zlib's default, is 16 KB). */
const INFLATE_CHUNK = 256 * 1024;
/** Inflated chunks that may wait for the handler before the inflation is paused (1 MB). */
const QUEUED_CHUNKS = 4;

/**
 * A zip package opened for streaming: the central directory is read first, every entry's
 * declared sizes are held to the limits before anything is inflated, and a part is inflated in
 * chunks handed to a callback (yauzl also stops an entry that inflates past its declared size).
 */
export class ZipParts {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: Map<string, yauzl.Entry>
  ) {}

  /**
   * Opens a zip held in memory, refusing it when any entry is over the size or ratio limit.
   *
   * @example
   * const parts = await ZipParts.open(bytes, "县.xlsx", DEFAULT_LIMITS);
   * await parts.text("xl/workbook.xml");
   */
  static open(bytes: Buffer, path: string, limits: ReadLimits): Promise<ZipParts> {
    return new Promise((resolve, reject) => {
      yauzl.fromBuffer(
        bytes,
        {
          lazyEntries: true,
          decodeStrings: true,
          validateEntrySizes: true,
          strictFileNames: false,
        },
        (error, zip) => {
          if (error || !zip) return reject(error ?? new Error("not a zip"));
          const entries = new Map<string, yauzl.Entry>();
          zip.on("error", reject);
          zip.on("entry", (entry: yauzl.Entry) => {
            const where = `部件「${entry.fileName}」`;
            if (entry.uncompressedSize > limits.maxPartBytes)
              return reject(limitError(path, "maxPartBytes", where, limits));
            if (
              entry.uncompressedSize > limits.ratioFloorBytes &&
              entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)
            ) {
              return reject(limitError(path, "maxRatio", where, limits));
            }
            entries.set(entry.fileName, entry);
            zip.readEntry();
          });
          zip.on("end", () => resolve(new ZipParts(zip, entries)));
          zip.readEntry();
        }
      );
    });
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * Inflates a part, handing its text to `onText` chunk by chunk. A compressed part is inflated
   * here rather than by yauzl, in chunks of INFLATE_CHUNK: yauzl's 16 KB chunks cost a city's
   * sheet some 700 trips through the stream machinery. Its declared size is held as yauzl
   * holds it (validateEntrySizes): an entry that inflates past it is stopped there.
   */
  stream(name: string, onText: (text: string) => void): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) return Promise.reject(new Error(`缺少部件「${name}」`));
    // Let go of the handler (a sheet reader and all its rows) as the part ends: the stream's
    // listeners outlive the promise until the stream closes, a tick or more later.
    let handler: ((text: string) => void) | null = onText;
    // An encrypted entry goes to yauzl as before (which refuses it).
    const deflated = entry.compressionMethod === 8 && !entry.isEncrypted();
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, deflated ? { decodeFileData: false } : {}, (error, raw) => {
        if (error || !raw) return reject(error ?? new Error("no stream"));
        const inflate = deflated ? zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK }) : null;
        const stream: Readable = inflate ?? raw;
        const fail = (failure: unknown) => {
          if (!handler) return;
          handler = null;
          raw.destroy();
          inflate?.destroy();
          reject(failure);
        };
        if (inflate) {
          raw.on("error", fail);
          raw.pipe(inflate);
        }
        const decoder = new StringDecoder("utf8");
        const expected = entry.uncompressedSize;
        let inflated = 0;
        let first = true;
        // Chunks inflated, waiting for the handler (see deliver).
        const queue: Buffer[] = [];
        let delivering = false;
        let ended = false;
        const handText = (chunk: Buffer) => {
          let text = decoder.write(chunk);
          if (first && text.length > 0) {
            text = text.replace(/^\uFEFF/, "");
            first = false;
          }
          handler!(text);
        };
        const finish = () => {
          if (inflate && inflated < expected) {
            fail(
              new Error(
                `not enough bytes in the stream. expected ${expected}. got only ${inflated}`
              )
            );
            return;
          }
          handler!(decoder.end());
          handler = null;
          resolve();
        };
        // The handler gets the chunks from a setImmediate rather than from the stream's "data"
        // event: zlib only inflates the next chunk on the thread pool once "data" returns, so
        // this way it inflates while the handler scans the last one. city20k's sheet: the main
        // thread's idle wait for zlib 17 → 6 ms (10 pairs). At most QUEUED_CHUNKS chunks wait:
        // then the stream is paused until the handler has had them.
        const deliver = () => {
          delivering = false;
          try {
            while (handler && queue.length > 0) handText(queue.shift()!);
            if (handler && ended) finish();
          } catch (failure) {
            fail(failure);
            return;
          }
          if (handler && stream.isPaused()) stream.resume();
        };
        const later = () => {
          if (!delivering) {
            delivering = true;
            setImmediate(deliver);
          }
        };
        stream.on("data", (chunk: Buffer) => {
          if (!handler) return;
          inflated += chunk.length;
          if (inflate && inflated > expected) {
            fail(
              new Error(
                `too many bytes in the stream. expected ${expected}. got at least ${inflated}`
              )
            );
            return;
          }
          queue.push(chunk);
          if (queue.length >= QUEUED_CHUNKS) stream.pause();
          later();
        });
        stream.on("error", fail);
        stream.on("end", () => {
          ended = true;
          later();
        });
      });
    });
  }

  /** A whole (small) part as text. */
  async text(name: string): Promise<string> {
    let out = "";
    await this.stream(name, (t) => (out += t));
    return out;
  }
}
