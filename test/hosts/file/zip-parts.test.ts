/**
 * ZipParts.stream hands a part's text on in order, whole, from a queue that zlib fills ahead of
 * the handler (paused when a slow handler lets chunks pile up), and stops at a handler's error.
 */
import JSZip from "jszip";
import { ZipParts } from "../../../src/hosts/file/streaming/zip-parts";
import { DEFAULT_LIMITS } from "../../../src/hosts/file/streaming/limits";

/** About 3 MB of text, with characters of 1 to 4 UTF-8 bytes cut anywhere by the chunks. */
function bigText(): string {
  const pieces: string[] = [];
  for (let i = 0; pieces.length < 60_000; i++) pieces.push(`<c r="A${i}"><v>${i}</v>实验𠮷é</c>`);
  return pieces.join("");
}

async function zipOf(files: Record<string, string>, compression: "DEFLATE" | "STORE") {
  const zip = new JSZip();
  // As bytes: JSZip's own UTF-8 encoding breaks a surrogate pair that straddles its chunks.
  for (const [name, text] of Object.entries(files)) zip.file(name, Buffer.from(text));
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression });
  return ZipParts.open(bytes, "t.xlsx", DEFAULT_LIMITS);
}

/** Holds the thread for a moment, as a scanner does with a chunk, so zlib's chunks pile up. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe("ZipParts.stream", () => {
  const text = bigText();

  it.each(["DEFLATE", "STORE"] as const)(
    "hands on a %s part's whole text in order, however slow the handler",
    async (compression) => {
      const parts = await zipOf({ "a.xml": text }, compression);
      const chunks: string[] = [];
      await parts.stream("a.xml", (chunk) => {
        chunks.push(chunk);
        busy(2);
      });
      expect(chunks.length).toBeGreaterThan(8); // more than the queue holds (1 MB)
      const joined = chunks.join("");
      expect(joined.length).toBe(text.length);
      expect(joined === text).toBe(true); // (not toBe: a failure would print megabytes)
    }
  );

  it("takes a byte order mark off the part's start only", async () => {
    const parts = await zipOf({ "b.xml": `\uFEFF<a>\uFEFF</a>` }, "DEFLATE");
    expect(await parts.text("b.xml")).toBe("<a>\uFEFF</a>");
  });

  it("rejects with the handler's error and calls it no more", async () => {
    const parts = await zipOf({ "a.xml": text }, "DEFLATE");
    let calls = 0;
    await expect(
      parts.stream("a.xml", () => {
        calls++;
        if (calls === 3) throw new Error("stop here");
      })
    ).rejects.toThrow("stop here");
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(after).toBe(3);
    expect(calls).toBe(3);
  });

  it("rejects a handler's error on the last piece of text", async () => {
    const parts = await zipOf({ "c.xml": "<a/>" }, "DEFLATE");
    let calls = 0;
    await expect(
      parts.stream("c.xml", () => {
        calls++;
        if (calls === 2) throw new Error("at the end");
      })
    ).rejects.toThrow("at the end");
  });

  it("reads two parts at once, each whole", async () => {
    const parts = await zipOf({ "a.xml": text, "d.xml": text.slice(0, 1000) }, "DEFLATE");
    const [a, d] = await Promise.all([parts.text("a.xml"), parts.text("d.xml")]);
    expect(a === text).toBe(true);
    expect(d).toBe(text.slice(0, 1000));
  });
});
