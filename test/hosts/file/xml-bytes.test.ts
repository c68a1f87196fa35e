import { releaseXmlChunk, XmlBytes } from "../../../src/hosts/file/package/xml-bytes";

/** Chunks given back by their consumer hold later chunks; nothing else is ever reused. */
describe("XmlBytes chunks given back", () => {
  /** Takes chunks of the given texts, in order. */
  function takeAll(out: XmlBytes, texts: string[]): Buffer[] {
    return texts.map((text) => {
      out.ascii(text);
      return out.take();
    });
  }

  it("reuses a chunk's memory once it is given back, and only then", () => {
    const out = new XmlBytes(8192);
    const [first, second] = takeAll(out, ["<a/>", "<b/>"]);
    expect(second.buffer === first.buffer).toBe(false); // first is still lent
    releaseXmlChunk(first);
    // The buffer being filled was made before first came back: the one after it is first's.
    const [third, fourth] = takeAll(out, ["<c/>", "<d/>"]);
    expect(third.buffer === first.buffer).toBe(false);
    expect(fourth.buffer === first.buffer).toBe(true);
    expect([second, third, fourth].map(String)).toEqual(["<b/>", "<c/>", "<d/>"]);
  });

  it("lets be a chunk given back twice, a grown chunk and bytes it never lent", () => {
    const out = new XmlBytes(8192);
    const [chunk] = takeAll(out, ["<a/>"]);
    releaseXmlChunk(chunk);
    releaseXmlChunk(chunk); // twice: must not be handed out to two chunks
    const later = takeAll(out, ["<b/>", "<c/>", "<d/>", "<e/>"]);
    expect(later.filter((c) => c.buffer === chunk.buffer).length).toBe(1);
    expect(later.map(String)).toEqual(["<b/>", "<c/>", "<d/>", "<e/>"]);

    // A chunk that outgrew the chunk size, and foreign bytes: never reused.
    const [grown] = takeAll(out, ["x".repeat(20000)]);
    releaseXmlChunk(grown);
    const foreign = Buffer.alloc(8192);
    releaseXmlChunk(foreign);
    const after = takeAll(out, ["<f/>", "<g/>", "<h/>"]);
    expect(after.some((c) => c.buffer === grown.buffer || c.buffer === foreign.buffer)).toBe(false);
    expect(grown.length).toBe(20000);
  });

  it("never lends a slice of Node's shared small-buffer pool", () => {
    const out = new XmlBytes(64); // small: Buffer.allocUnsafe slices a shared pool
    const [chunk] = takeAll(out, ["<a/>"]);
    releaseXmlChunk(chunk);
    const later = takeAll(out, ["<b/>", "<c/>"]);
    const same = (c: Buffer) => c.buffer === chunk.buffer && c.byteOffset === chunk.byteOffset;
    expect(later.some(same)).toBe(false);
    expect([chunk, ...later].map(String)).toEqual(["<a/>", "<b/>", "<c/>"]);
  });
});
