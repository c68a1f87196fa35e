import { constants as zlibConstants, inflateRawSync } from "zlib";
import yauzl from "yauzl";

/**
 * The entries of a zip package as they are stored: name, the header fields a copy needs, and the
 * compressed bytes exactly as in the file, so a part can be copied without re-compressing it.
 */
export interface StoredEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  /** General-purpose flags as stored (bit 11: UTF-8 name). */
  flags: number;
  versionNeeded: number;
  versionMadeBy: number;
  dosTime: number;
  dosDate: number;
  externalAttributes: number;
  /** The compressed bytes, as stored. */
  raw: Buffer;
}

function rawBytes(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = entry.compressionMethod === 0 ? {} : { decompress: false };
    zip.openReadStream(entry, options, (error, stream) => {
      if (error || !stream) return reject(error ?? new Error("no stream"));
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", reject);
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    });
  });
}

/**
 * Every entry of a zip held in memory, in central-directory order, with its stored bytes.
 * `check` sees each entry's header before its bytes are read (limits refuse a bomb there).
 *
 * @example
 * const entries = await readStoredEntries(await fs.readFile("县.xlsx"));
 * entries.map((e) => e.name); // ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", …]
 */
export function readStoredEntries(
  bytes: Buffer,
  check?: (entry: yauzl.Entry) => void
): Promise<StoredEntry[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      bytes,
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => {
        if (error || !zip) return reject(error ?? new Error("not a zip"));
        const entries: StoredEntry[] = [];
        zip.on("error", reject);
        zip.on("end", () => resolve(entries));
        zip.on("entry", (entry: yauzl.Entry) => {
          try {
            check?.(entry);
          } catch (refused) {
            zip.close();
            return reject(refused);
          }
          if (entry.isEncrypted()) return reject(new Error(`加密的压缩项「${entry.fileName}」`));
          rawBytes(zip, entry).then((raw) => {
            entries.push({
              name: entry.fileName,
              method: entry.compressionMethod,
              crc32: entry.crc32,
              compressedSize: entry.compressedSize,
              uncompressedSize: entry.uncompressedSize,
              flags: entry.generalPurposeBitFlag,
              versionNeeded: entry.versionNeededToExtract,
              versionMadeBy: entry.versionMadeBy,
              dosTime: entry.lastModFileTime,
              dosDate: entry.lastModFileDate,
              externalAttributes: entry.externalFileAttributes,
              raw,
            });
            zip.readEntry();
          }, reject);
        });
        zip.readEntry();
      }
    );
  });
}

/**
 * The uncompressed bytes of a stored entry.
 *
 * @example
 * inflateEntry(entries.find((e) => e.name === "xl/workbook.xml")!).toString("utf8");
 */
export function inflateEntry(entry: StoredEntry): Buffer {
  if (entry.method === 0) return entry.raw;
  if (entry.method === 8)
    return inflateRawSync(entry.raw, { maxOutputLength: Math.max(entry.uncompressedSize, 1) });
  throw new Error(`压缩项「${entry.name}」使用了不支持的压缩方式 ${entry.method}`);
}

/** An XML part's text (UTF-8, a byte-order mark dropped). */
export function entryText(entry: StoredEntry): string {
  return inflateEntry(entry)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
}

/**
 * The first `bytes` compressed bytes of an entry, inflated as far as they go: the opening of a
 * part (a worksheet's sheetViews) without inflating a city's sheet whole.
 *
 * @example
 * entryStart(sheetEntry).includes('tabSelected="1"');
 */
export function entryStart(entry: StoredEntry, bytes = 1 << 16): string {
  if (entry.method === 0) return entry.raw.subarray(0, bytes).toString("utf8");
  if (entry.method !== 8) return "";
  const out = inflateRawSync(entry.raw.subarray(0, bytes), {
    finishFlush: zlibConstants.Z_SYNC_FLUSH,
  });
  return out.toString("utf8");
}
