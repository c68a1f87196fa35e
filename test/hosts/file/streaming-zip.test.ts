/**
 * The reader inflates a part itself (in large chunks) and holds it to its declared size as yauzl
 * did: an entry that inflates past what the zip declares (a bomb lying about its size, which the
 * limits, checked on declared sizes, let through) is stopped there; one that inflates to less is
 * refused too. Both are reported as a damaged workbook, never read.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { readWorkbookStreamed } from "../../../src/hosts/file";
import { ONE_SHEET_PART, oneSheetWorkbook } from "../../support/oneSheetWorkbook";
import { makeTempDir, removeTempDir } from "../../support/tmp";

const SHEET = ONE_SHEET_PART;

/** A workbook of one sheet with `rows` rows of one number each. */
function workbook(rows: number): Promise<Buffer> {
  const body = Array.from(
    { length: rows },
    (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`
  ).join("");
  return oneSheetWorkbook(`<worksheet><sheetData>${body}</sheetData></worksheet>`);
}

/** The zip with the sheet's declared inflated size (local and central headers) set to `size`. */
function declaring(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(SHEET);
  for (let i = 0; i < out.length - 4; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50 && out.subarray(i + 30, i + 30 + name.length).equals(name))
      out.writeUInt32LE(size, i + 22);
    if (signature === 0x02014b50 && out.subarray(i + 46, i + 46 + name.length).equals(name))
      out.writeUInt32LE(size, i + 24);
  }
  return out;
}

function declaredSize(zip: Buffer): number {
  const name = Buffer.from(SHEET);
  for (let i = 0; i < zip.length - 4; i++)
    if (
      zip.readUInt32LE(i) === 0x02014b50 &&
      zip.subarray(i + 46, i + 46 + name.length).equals(name)
    )
      return zip.readUInt32LE(i + 24);
  throw new Error("no sheet entry");
}

describe("inflating a part", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("zip");
  });
  afterAll(() => removeTempDir(dir));

  const save = (bytes: Buffer, name: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };

  it("reads a sheet of many chunks whole", async () => {
    const { grids } = await readWorkbookStreamed(save(await workbook(40_000), "many.xlsx"));
    expect(grids[0].rows.length).toBe(40_000);
    expect(grids[0].rows[39_999]).toEqual([39_999]);
  });

  it("stops a part that inflates past its declared size, as damaged", async () => {
    const zip = await workbook(40_000);
    const file = save(declaring(zip, 100_000), "lying.xlsx");
    await expect(readWorkbookStreamed(file)).rejects.toMatchObject({
      code: "corrupt",
      message: expect.stringMatching(
        /已损坏.*too many bytes in the stream\. expected 100000\. got at least \d+/
      ),
    });
  });

  it("refuses a part that inflates to less than its declared size, as damaged", async () => {
    const zip = await workbook(100);
    const file = save(declaring(zip, declaredSize(zip) + 10), "short.xlsx");
    await expect(readWorkbookStreamed(file)).rejects.toMatchObject({
      code: "corrupt",
      message: expect.stringMatching(/not enough bytes in the stream/),
    });
  });
});
