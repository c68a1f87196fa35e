import { statSync } from "node:fs";
import v8 from "node:v8";

/**
 * Between full collections V8 lets the heap grow to several times what is live (its growing
 * factor adapts between 1.1 and 4). For a province's workbook that headroom is a gigabyte of
 * garbage on top of a live heap of about 1 GB, and peak memory went over 2 GB in some runs. For
 * large inputs the command fixes the factor at 1.5: more full collections, a bounded peak. Small
 * inputs keep V8's own choice, where the extra collections would cost a quarter of the CPU time.
 *
 * Measured (bench/RESULTS.md, issue 14, fourth round): 300,000 schools 1.78 GB → 1.49–1.54 GB
 * peak; 100,000 schools 845 → 596 MB with 6 % more CPU; 20,000 schools would take 25 % more CPU.
 */

/** From this input size on (about 50,000 schools in an .xlsx) the heap's growth is limited. */
export const LARGE_INPUT_BYTES = 4 * 1024 * 1024;

/** The heap may grow to 1.5 times what a full collection left live. */
export const LARGE_INPUT_HEAP_GROWTH = "--heap-growing-percent=50";

/**
 * The V8 flag a run over an input of `inputBytes` needs, or undefined to keep V8's defaults.
 *
 * @example
 * heapGrowthFlag(1_600_000); // undefined (a city: V8's own choice is faster)
 * heapGrowthFlag(55_000_000); // "--heap-growing-percent=50" (a province)
 */
export function heapGrowthFlag(inputBytes: number): string | undefined {
  return inputBytes >= LARGE_INPUT_BYTES ? LARGE_INPUT_HEAP_GROWTH : undefined;
}

/**
 * Sets heapGrowthFlag's flag for the input at `path` in this process (a flag V8 reads at each
 * collection, so it applies from the next one on). Returns the flag set, if any.
 *
 * @example
 * limitHeapGrowthFor("省.xlsx"); // "--heap-growing-percent=50" for a 55 MB workbook
 */
export function limitHeapGrowthFor(
  path: string,
  setFlags: (flags: string) => void = v8.setFlagsFromString
): string | undefined {
  let bytes: number;
  try {
    bytes = statSync(path).size;
  } catch {
    return undefined; // the reader reports a file it cannot open
  }
  const flag = heapGrowthFlag(bytes);
  if (flag) setFlags(flag);
  return flag;
}
