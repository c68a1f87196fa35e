/**
 * The command limits the heap's growth for a province's workbook and leaves a city's to V8
 * (src/cli/heapGrowth.ts): the memory it saves shows only in `npm run bench`, so these tests hold
 * the decision, at its boundary, and that the flag is one V8 knows.
 */
import { truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import {
  heapGrowthFlag,
  LARGE_INPUT_BYTES,
  LARGE_INPUT_HEAP_GROWTH,
  limitHeapGrowthFor,
} from "../../src/cli/heapGrowth";
import { makeTempDir, removeTempDir } from "../support/tmp";

describe("heap growth by input size", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("heap-growth");
  });
  afterAll(() => removeTempDir(dir));

  it("limits the growth from exactly LARGE_INPUT_BYTES on, not a byte below", () => {
    expect(heapGrowthFlag(LARGE_INPUT_BYTES - 1)).toBeUndefined();
    expect(heapGrowthFlag(LARGE_INPUT_BYTES)).toBe(LARGE_INPUT_HEAP_GROWTH);
    expect(heapGrowthFlag(0)).toBeUndefined();
  });

  it("sets the flag for a large file and nothing for a small or missing one", () => {
    const set: string[] = [];
    const record = (flags: string) => set.push(flags);
    const large = path.join(dir, "省.xlsx");
    writeFileSync(large, "");
    truncateSync(large, LARGE_INPUT_BYTES); // sparse: no 4 MB written
    const small = path.join(dir, "县.xlsx");
    writeFileSync(small, "x");

    expect(limitHeapGrowthFor(small, record)).toBeUndefined();
    expect(limitHeapGrowthFor(path.join(dir, "没有.xlsx"), record)).toBeUndefined();
    expect(set).toEqual([]);
    expect(limitHeapGrowthFor(large, record)).toBe(LARGE_INPUT_HEAP_GROWTH);
    expect(set).toEqual([LARGE_INPUT_HEAP_GROWTH]);
  });

  it("names a flag this Node's V8 accepts (an unknown flag would be ignored silently)", () => {
    const name = LARGE_INPUT_HEAP_GROWTH.split("=")[0];
    const options = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8" });
    expect(options).toContain(`  ${name} `);
  });
});
