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
