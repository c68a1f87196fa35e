import { promises as fs, writeSync } from "fs";
import { constants, crc32, createDeflateRaw, deflateRawSync, type DeflateRaw } from "zlib";
import type { StoredEntry } from "./zip-read";

/**
 * Writes a zip file entry by entry to disk: stored entries copied with their compressed bytes as
 * they are (never re-compressed), new parts deflated from streamed text chunks. Memory holds a
 * few chunks at a time, not the package. No ZIP64: a package of 4 GB or 65,535 entries is refused.
 */

/**
 * Bytes of a part handed to zlib and not deflated yet before the next chunk waits: zlib deflates
 * one chunk (on its own thread) while the caller makes the next.
 */
const DEFLATE_AHEAD = 1 << 20;

/**
 * A part no longer than this is deflated in one call on the main thread: most audit sheets are a
 * few kilobytes, and handing them to zlib's thread costs more in round trips than deflating.
 */
const SYNC_PART_BYTES = 1 << 16;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const UTF8_NAMES = 1 << 11;
const DATA_DESCRIPTOR = 1 << 3;
const LIMIT_32 = 0xffffffff;

/** A central-directory record: a stored entry's header fields, its name as bytes, where it starts. */
type CentralRecord = Omit<StoredEntry, "name" | "raw"> & { name: Buffer; offset: number };

/** The central record of a deflated part named `name`, dated now; sizes, CRC and offset come when it is written. */
function deflatedRecord(name: string): CentralRecord {
  return {
    name: Buffer.from(name, "utf8"),
    method: 8,
    crc32: 0,
    compressedSize: 0,
    uncompressedSize: 0,
    flags: UTF8_NAMES,
    versionNeeded: 20,
    versionMadeBy: 20,
    ...dosNow(),
    externalAttributes: 0,
    offset: 0,
  };
}

/** DOS date and time of now, as zip headers keep them. */
function dosNow(): { dosTime: number; dosDate: number } {
  const d = new Date();
  return {
    dosTime: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    dosDate: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class ZipWriter {
  private offset = 0;
  private readonly records: CentralRecord[] = [];
  /** Settles once every part added so far is in the file. */
  private written: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  private constructor(private readonly file: fs.FileHandle) {}

  static async create(path: string): Promise<ZipWriter> {
    return new ZipWriter(await fs.open(path, "w"));
  }

  /**
   * Appends bytes to the file. Synchronous: the writes are small next to making and deflating
   * the XML, and deflated bytes are written as zlib hands them over, in order.
   */
  private write(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length;)
      done += writeSync(this.file.fd, bytes, done, bytes.length - done);
    this.offset += bytes.length;
    if (this.offset > LIMIT_32) throw new Error("审计后的工作簿超过 4 GB，无法保存");
  }

  private localHeader(record: CentralRecord): Buffer {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(record.versionNeeded, 4);
    header.writeUInt16LE(record.flags, 6);
    header.writeUInt16LE(record.method, 8);
    header.writeUInt16LE(record.dosTime, 10);
    header.writeUInt16LE(record.dosDate, 12);
    header.writeUInt32LE(record.crc32 >>> 0, 14);
    header.writeUInt32LE(record.compressedSize, 18);
    header.writeUInt32LE(record.uncompressedSize, 22);
    header.writeUInt16LE(record.name.length, 26);
    header.writeUInt16LE(0, 28);
    return Buffer.concat([header, record.name]);
  }

  /**
   * Copies a stored entry: its compressed bytes exactly as read. The sizes go in the local header
   * (a data descriptor flag of the original is dropped, since the sizes are known).
   */
  async copy(entry: StoredEntry): Promise<void> {
    if (entry.compressedSize > LIMIT_32 || entry.uncompressedSize > LIMIT_32)
      throw new Error(`压缩项「${entry.name}」超过 4 GB`);
    await this.written;
    this.throwFailure();
    const record: CentralRecord = {
      name: Buffer.from(entry.name, "utf8"),
      method: entry.method,
      crc32: entry.crc32,
      compressedSize: entry.raw.length,
      uncompressedSize: entry.uncompressedSize,
      flags: (entry.flags & ~DATA_DESCRIPTOR) | UTF8_NAMES,
      versionNeeded: Math.max(entry.versionNeeded, 20),
      versionMadeBy: entry.versionMadeBy,
      dosTime: entry.dosTime,
      dosDate: entry.dosDate,
      externalAttributes: entry.externalAttributes,
      offset: this.offset,
    };
    this.write(this.localHeader(record));
    this.write(entry.raw);
    this.records.push(record);
  }

  /**
   * Adds a new part, deflated from text chunks as they come. A part that ends within
   * SYNC_PART_BYTES is deflated at once, here; a longer one is handed to zlib chunk by chunk (on
   * zlib's thread) while the next chunks are made. Parts land in the file in the order they are
   * added, but the next part's chunks are made while zlib finishes this one: the returned promise
   * settles once the part is made and handed over, and finish() once everything is in the file.
   * `release` is told of each byte chunk once nothing reads it any more (its memory may be reused).
   */
  async add(
    name: string,
    chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
    release?: (chunk: Uint8Array) => void
  ): Promise<void> {
    this.throwFailure();
    const record = deflatedRecord(name);
    /** The part's first chunks, until it proves longer than SYNC_PART_BYTES. */
    let gathered: Uint8Array[] | undefined = [];
    let stream: DeflatedStream | undefined;
    let crc = 0;
    let size = 0;
    try {
      for await (const chunk of chunks) {
        this.throwFailure();
        if (chunk.length === 0) continue;
        const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (size > LIMIT_32) throw new Error(`新工作表「${name}」超过 4 GB`);
        if (gathered) {
          gathered.push(bytes);
          if (size <= SYNC_PART_BYTES) continue;
          stream = new DeflatedStream((chunk) => this.write(chunk), release);
          for (const bytes of gathered) await stream.write(bytes);
          gathered = undefined;
        } else await stream!.write(bytes);
      }
    } catch (error) {
      stream?.destroy();
      throw error;
    }
    record.crc32 = crc;
    record.uncompressedSize = size;
    const deflated = gathered
      ? deflateRawSync(Buffer.concat(gathered), { level: constants.Z_BEST_SPEED })
      : undefined;
    if (release) for (const bytes of gathered ?? []) release(bytes);
    stream?.end();
    this.inOrder(async () => {
      record.offset = this.offset;
      this.write(this.localHeader(record));
      const dataStart = this.offset;
      if (deflated) this.write(deflated);
      else await stream!.written();
      record.compressedSize = this.offset - dataStart;
      this.patchLocalHeader(record);
      this.records.push(record);
    });
  }

  /** Fills in a written local header's CRC and sizes, known once its data is written. */
  private patchLocalHeader(record: CentralRecord): void {
    const fields = Buffer.alloc(12);
    fields.writeUInt32LE(record.crc32 >>> 0, 0);
    fields.writeUInt32LE(record.compressedSize, 4);
    fields.writeUInt32LE(record.uncompressedSize, 8);
    writeSync(this.file.fd, fields, 0, 12, record.offset + 14);
  }

  /**
   * Adds a part deflated elsewhere (another thread): its raw deflate bytes as they come, then the
   * CRC-32 and size of what was deflated (undefined when it failed: `chunks` throws then). It
   * takes its place among the parts: once the parts before it are in the file, its bytes are
   * written as they arrive. A failing part stops the zip like a failed part. `release` is told of
   * each chunk once it is written.
   *
   * @example
   * zip.addDeflated("xl/worksheets/sheet3.xml", part.chunks(), part.sums);
   */
  addDeflated(
    name: string,
    chunks: AsyncIterable<Uint8Array>,
    sums: Promise<{ crc32: number; size: number } | undefined>,
    release?: (chunk: Uint8Array) => void
  ): void {
    this.throwFailure();
    const record = deflatedRecord(name);
    this.inOrder(async () => {
      record.offset = this.offset;
      this.write(this.localHeader(record));
      const dataStart = this.offset;
      for await (const bytes of chunks) {
        this.write(bytes);
        release?.(bytes);
      }
      const summed = await sums;
      if (!summed) throw new Error(`新工作表「${name}」没有写完`);
      if (summed.size > LIMIT_32) throw new Error(`新工作表「${name}」超过 4 GB`);
      record.crc32 = summed.crc32;
      record.uncompressedSize = summed.size;
      record.compressedSize = this.offset - dataStart;
      this.patchLocalHeader(record);
      this.records.push(record);
    });
  }

  /** Throws the failure that stopped an earlier part, if any. */
  private throwFailure(): void {
    if (this.failure) throw this.failure.error;
  }

  /**
   * Runs `step` once every earlier step is done (steps write to the file, in order); the first
   * failure stops the rest and is thrown by the next add(), copy() or finish().
   */
  private inOrder(step: () => void | Promise<void>): void {
    this.written = this.written.then(async () => {
      if (this.failure) return;
      try {
        await step();
      } catch (error) {
        this.failure = { error };
      }
    });
  }

  /** Writes the central directory and closes the file. */
  async finish(): Promise<void> {
    await this.written;
    this.throwFailure();
    if (this.records.length > 0xffff)
      throw new Error("审计后的工作簿含有超过 65535 个部件，无法保存");
    const start = this.offset;
    for (const r of this.records) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(r.versionMadeBy, 4);
      header.writeUInt16LE(r.versionNeeded, 6);
      header.writeUInt16LE(r.flags, 8);
      header.writeUInt16LE(r.method, 10);
      header.writeUInt16LE(r.dosTime, 12);
      header.writeUInt16LE(r.dosDate, 14);
      header.writeUInt32LE(r.crc32 >>> 0, 16);
      header.writeUInt32LE(r.compressedSize, 20);
      header.writeUInt32LE(r.uncompressedSize, 24);
      header.writeUInt16LE(r.name.length, 28);
      header.writeUInt32LE(r.externalAttributes >>> 0, 38);
      header.writeUInt32LE(r.offset, 42);
      this.write(Buffer.concat([header, r.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    await this.file.close();
  }

  /** Closes the file without finishing it (the caller removes it). */
  async abort(): Promise<void> {
    await this.written; // never rejects: a failure is kept in this.failure
    await this.file.close().catch(() => undefined);
  }
}

/**
 * A part's bytes deflated on zlib's thread as they are written. Deflated output is kept until
 * written() says it may go to the file (the parts before it are there), then passed on as it comes.
 */
class DeflatedStream {
  // Level 1: a city's audit sheets are hundreds of megabytes of XML. Output in large pieces: zlib
  // needs the main thread between pieces.
  private readonly deflate: DeflateRaw = createDeflateRaw({ level: 1, chunkSize: 1 << 18 });
  private readonly ended: Promise<void>;
  private held: Buffer[] | undefined = [];
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly out: (bytes: Buffer) => void,
    private readonly release?: (chunk: Uint8Array) => void
  ) {
    this.deflate.on("data", (chunk: Buffer) => {
      if (this.held) this.held.push(chunk);
      else if (!this.failure) {
        // A failed write stops the part.
        try {
          this.out(chunk);
        } catch (error) {
          this.failure = { error };
        }
      }
    });
    this.ended = new Promise<void>((resolve, reject) => {
      this.deflate.once("end", resolve);
      this.deflate.once("error", reject);
    });
    this.ended.catch(() => undefined); // awaited by written(); an early error must not go unhandled
  }

  /**
   * Hands bytes to zlib without waiting for them to be deflated: zlib deflates this chunk while
   * the next is made. A turn of the event loop lets zlib hand over what it has done.
   */
  async write(bytes: Uint8Array): Promise<void> {
    const release = this.release;
    // Called once zlib has read the whole chunk.
    const done = release && (() => release(bytes));
    if (!this.deflate.write(bytes, done) && this.deflate.writableLength > DEFLATE_AHEAD)
      await new Promise((resolve) => this.deflate.once("drain", resolve));
    else await new Promise(setImmediate);
  }

  end(): void {
    this.deflate.end();
  }

  destroy(): void {
    this.deflate.destroy();
  }

  /** Passes on what is held and the rest as it comes; settles when the part is deflated and out. */
  async written(): Promise<void> {
    const held = this.held ?? [];
    this.held = undefined;
    try {
      for (const chunk of held) this.out(chunk);
    } catch (error) {
      this.failure ??= { error }; // what comes later is not written either
    }
    await this.ended;
    if (this.failure) throw this.failure.error;
  }
}
