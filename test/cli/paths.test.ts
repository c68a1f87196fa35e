/**
 * Guarded paths: an output naming the input (same path, hard link, symlink) or the other output
 * is refused with exit 2 before anything is read or written; the input stays byte for byte.
 */
import {
  copyFileSync,
  linkSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { SAMPLE_WORKBOOK } from "../../src/cli/main";
import { pathConflict, writeAtomically } from "../../src/hosts/file";
import { makeTempDir, removeTempDir } from "../support/tmp";
import { runCli } from "../support/cli";

const run = runCli;

describe("output paths that would destroy the input", () => {
  let dir: string;
  let input: string;
  let original: Buffer;

  beforeAll(() => {
    dir = makeTempDir("paths");
    input = path.join(dir, "县.xlsx");
    copyFileSync(SAMPLE_WORKBOOK, input);
    original = readFileSync(input);
    linkSync(input, path.join(dir, "硬链接.xlsx"));
    symlinkSync(input, path.join(dir, "符号链接.xlsx"));
  });

  afterAll(() => removeTempDir(dir));

  const files = () => readdirSync(dir).sort();

  it.each([
    ["--out is the input", () => ["--out", input], "--out 指定的文件「县.xlsx」就是输入工作簿"],
    [
      "--out is the input spelled differently",
      () => ["--out", path.join(dir, ".", "sub", "..", "县.xlsx")],
      "--out 指定的文件「县.xlsx」就是输入工作簿",
    ],
    [
      "--out is a hard link to the input",
      () => ["--out", path.join(dir, "硬链接.xlsx")],
      "--out 指定的文件「硬链接.xlsx」就是输入工作簿",
    ],
    [
      "--out is a symlink to the input",
      () => ["--out", path.join(dir, "符号链接.xlsx")],
      "--out 指定的文件「符号链接.xlsx」就是输入工作簿",
    ],
    ["--json is the input", () => ["--json", input], "--json 指定的文件「县.xlsx」就是输入工作簿"],
    [
      "--json is a hard link to the input",
      () => ["--json", path.join(dir, "硬链接.xlsx")],
      "--json 指定的文件「硬链接.xlsx」就是输入工作簿",
    ],
    [
      "--json is a symlink to the input",
      () => ["--json", path.join(dir, "符号链接.xlsx")],
      "--json 指定的文件「符号链接.xlsx」就是输入工作簿",
    ],
    [
      "--json is --out",
      () => ["--out", path.join(dir, "结果.xlsx"), "--json", path.join(dir, "结果.xlsx")],
      "--out 与 --json 指向同一个文件「结果.xlsx」",
    ],
  ])(
    "%s: exit 2, a Chinese message, nothing written, the input untouched",
    async (_name, extra, message) => {
      const before = files();
      const { code, out, err } = await run([input, ...extra()]);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err).toContain(message);
      expect(err).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
      expect(files()).toEqual(before);
      expect(readFileSync(input).equals(original)).toBe(true);
    }
  );

  it("accepts different files for the input and both outputs", () => {
    expect(
      pathConflict({ input, out: path.join(dir, "a.xlsx"), json: path.join(dir, "a.json") })
    ).toBeNull();
    expect(pathConflict({ input, out: path.join(dir, "a.xlsx") })).toBeNull();
  });

  it("writes outputs through a temporary file: a failed write leaves neither the target nor the temporary file", async () => {
    const target = path.join(dir, "半个文件.json");
    const before = files();
    await expect(
      writeAtomically(target, async (temporary) => {
        writeFileSync(temporary, "{ half");
        throw new Error("磁盘已满");
      })
    ).rejects.toThrow("磁盘已满");
    expect(files()).toEqual(before);
  });

  it("a successful write replaces the target whole", async () => {
    const target = path.join(dir, "整个文件.json");
    writeFileSync(target, "old");
    await writeAtomically(target, async (temporary) => writeFileSync(temporary, "new"));
    expect(readFileSync(target, "utf8")).toBe("new");
    expect(files().filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});
