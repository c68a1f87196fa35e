import { constants, deflateRawSync, inflateRawSync } from "zlib";
import type { SlabCodec } from "../../../report/packedRows";

/**
 * zlib for the report's packed rows (usePackCodec): a city's audit sheets are hundreds of
 * megabytes of formula text, a few tens once deflated. Level 1: the slabs are inflated once, when
 * the sheet is written, and speed matters more than the last few percent.
 */
export const DEFLATE_SLABS: SlabCodec = {
  // A copy of exactly the compressed size: zlib may hand back a slice of a larger buffer.
  compress: (bytes) => Buffer.from(deflateRawSync(bytes, { level: constants.Z_BEST_SPEED })),
  decompress: (bytes, size) => inflateRawSync(bytes, { maxOutputLength: Math.max(size, 1) }),
};

/**
 * Slab bytes one audit keeps as they are before it deflates the rest: a city of 20,000 schools
 * packs about 44 MiB, which then costs ~30 MB of memory instead of a quarter of a second of
 * deflating and inflating; a province's packed rows (hundreds of megabytes) stay bounded.
 */
export const STORED_SLAB_BYTES = 48 << 20;

/**
 * A codec for one audit: the first `storedBytes` of slabs are kept as copies (stored), every
 * later slab deflated like DEFLATE_SLABS. A slab is stored exactly when its kept bytes are its
 * full size: a deflated one is always shorter (when deflating does not shrink it, it is stored).
 *
 * @example
 * usePackCodec(deflateSlabsPast(STORED_SLAB_BYTES)); // before the plan is laid out
 */
export function deflateSlabsPast(storedBytes: number): SlabCodec {
  let stored = 0;
  return {
    compress(bytes) {
      if (stored + bytes.length <= storedBytes) {
        stored += bytes.length;
        // A copy: the slab itself is written over by the next one.
        return bytes.slice();
      }
      const deflated = deflateRawSync(bytes, { level: constants.Z_BEST_SPEED });
      return deflated.length < bytes.length ? Buffer.from(deflated) : bytes.slice();
    },
    decompress: inflateSlab,
  };
}

/**
 * A slab as deflateSlabsPast kept it back to its bytes: stored when its kept bytes are its full
 * size, else inflated. A function of its own so a writer on another thread can decode such slabs
 * (sheet-job.ts checks a sheet's codec uses it).
 *
 * @example
 * inflateSlab(kept, size).length === size; // true
 */
export function inflateSlab(bytes: Uint8Array, size: number): Uint8Array {
  return bytes.length === size
    ? bytes
    : inflateRawSync(bytes, { maxOutputLength: Math.max(size, 1) });
}
