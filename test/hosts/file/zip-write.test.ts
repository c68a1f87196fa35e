import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { inflateEntry, readStoredEntries } from "../../../src/hosts/file/package/zip-read";
import { ZipWriter } from "../../../src/hosts/file/package/zip-write";

/** The zip writer deflates a part while the next chunks are made: what it writes must not depend on that. */

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "jh-zip-"));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Chunks of XML-like text, some strings and some bytes, the way the sheet writer hands them over. */
function* chunks(count: number): Generator<string | Uint8Array> {
  for (let i = 0; i < count; i++) {
    const row = `<row r="${i + 1}"><c r="A${i + 1}"><f>'学校'!E${i}&gt;=3</f><v>${i}</v></c></row>`;
    yield i % 2 === 0 ? row.repeat(2000) : Buffer.from(row.repeat(2000));
  }
}

describe("the zip writer", () => {
  it("writes parts of many chunks that read back byte for byte, beside copied entries", async () => {
    const file = path.join(dir, "a.zip");
    const zip = await ZipWriter.create(file);
    await zip.add("xl/worksheets/sheet1.xml", chunks(40));
    await zip.add("empty.xml", []);
    await zip.add("small.xml", ["<a/>"]);
    await zip.finish();
    const entries = await readStoredEntries(await fs.readFile(file));
    const expected = Buffer.concat(
      [...chunks(40)].map((c) => (typeof c === "string" ? Buffer.from(c) : c))
    );
    expect(entries.map((e) => e.name)).toEqual([
      "xl/worksheets/sheet1.xml",
      "empty.xml",
      "small.xml",
    ]);
    expect(inflateEntry(entries[0]).equals(expected)).toBe(true);
    expect(entries[0].uncompressedSize).toBe(expected.length);
    expect(inflateEntry(entries[1]).length).toBe(0);
    expect(inflateEntry(entries[2]).toString()).toBe("<a/>");

    // Copying an entry keeps its compressed bytes.
    const copy = path.join(dir, "b.zip");
    const again = await ZipWriter.create(copy);
    await again.copy(entries[0]);
    await again.finish();
    const [copied] = await readStoredEntries(await fs.readFile(copy));
    expect(copied.raw.equals(entries[0].raw)).toBe(true);
  });

  it("keeps parts in the order added while zlib still deflates the one before (long and short parts, copies between)", async () => {
    const file = path.join(dir, "d.zip");
    const zip = await ZipWriter.create(file);
    // Long parts go to zlib's thread, short ones (a few kilobytes) are deflated at once: the next
    // part is made before the one before it is in the file.
    const parts = Array.from({ length: 12 }, (_, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      count: i % 3 === 0 ? 30 : i % 3 === 1 ? 1 : 0,
    }));
    for (const part of parts) await zip.add(part.name, chunks(part.count));
    await zip.add("tiny.xml", ["<a/>", "", Buffer.from("<b/>")]);
    await zip.finish();
    const entries = await readStoredEntries(await fs.readFile(file));
    expect(entries.map((e) => e.name)).toEqual([...parts.map((p) => p.name), "tiny.xml"]);
    parts.forEach((part, i) => {
      const expected = Buffer.concat(
        [...chunks(part.count)].map((c) => (typeof c === "string" ? Buffer.from(c) : c))
      );
      expect(entries[i].uncompressedSize).toBe(expected.length);
      expect(inflateEntry(entries[i]).equals(expected)).toBe(true);
    });
    expect(inflateEntry(entries[12]).toString()).toBe("<a/><b/>");

    // A copy after streamed parts lands after them, its bytes as they were.
    const copy = path.join(dir, "e.zip");
    const again = await ZipWriter.create(copy);
    await again.add("first.xml", chunks(30));
    await again.copy(entries[0]);
    await again.add("last.xml", ["<z/>"]);
    await again.finish();
    const copied = await readStoredEntries(await fs.readFile(copy));
    expect(copied.map((e) => e.name)).toEqual(["first.xml", entries[0].name, "last.xml"]);
    expect(copied[1].raw.equals(entries[0].raw)).toBe(true);
    expect(inflateEntry(copied[0]).equals(inflateEntry(entries[0]))).toBe(true);
  });

  it("gives back each byte chunk only once zlib has read it (its memory is written over then)", async () => {
    const file = path.join(dir, "g.zip");
    const zip = await ZipWriter.create(file);
    const released: Uint8Array[] = [];
    // Overwriting a chunk zlib has not read yet would change the part.
    const release = (chunk: Uint8Array) => {
      released.push(chunk);
      chunk.fill(0x21);
    };
    const bytesOf = (count: number) =>
      [...chunks(count)].map((c) => Buffer.from(typeof c === "string" ? Buffer.from(c) : c));
    const expectedLong = Buffer.concat(bytesOf(30));
    const expectedShort = Buffer.concat(bytesOf(1));
    await zip.add("long.xml", bytesOf(30), release);
    await zip.add("short.xml", bytesOf(1), release);
    await zip.add("text.xml", ["<a/>"], release);
    await zip.finish();
    const entries = await readStoredEntries(await fs.readFile(file));
    expect(inflateEntry(entries[0]).equals(expectedLong)).toBe(true);
    expect(inflateEntry(entries[1]).equals(expectedShort)).toBe(true);
    expect(inflateEntry(entries[2]).toString()).toBe("<a/>");
    expect(released.length).toBe(30 + 1 + 1);
  });

  it("stops a part when making its chunks fails, with that error, and can be aborted", async () => {
    const zip = await ZipWriter.create(path.join(dir, "c.zip"));
    function* failing(): Generator<string | Uint8Array> {
      yield* chunks(3);
      throw new Error("行数据有误");
    }
    await expect(zip.add("xl/worksheets/sheet1.xml", failing())).rejects.toThrow("行数据有误");
    await zip.abort();

    // The same after a long part still being deflated.
    const other = await ZipWriter.create(path.join(dir, "f.zip"));
    await other.add("xl/worksheets/sheet1.xml", chunks(30));
    await expect(other.add("xl/worksheets/sheet2.xml", failing())).rejects.toThrow("行数据有误");
    await other.abort();
  });
});
