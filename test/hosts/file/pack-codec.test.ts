import { randomBytes } from "crypto";
import { deflateSlabsPast, STORED_SLAB_BYTES } from "../../../src/hosts/file/package/pack-codec";
import { PackedRows, usePackCodec } from "../../../src/report/packedRows";

/** A slab of formula text, as the audit sheets pack (deflates well). */
function formulaSlab(bytes: number, seed: number): Uint8Array {
  const text = Array.from({ length: bytes }, (_, i) => `'全市学校'!E${seed + i}*100/`).join("");
  return new Uint8Array(Buffer.from(text, "utf8").subarray(0, bytes));
}

describe("deflateSlabsPast", () => {
  it("keeps slabs as copies until the budget is spent, then deflates the rest", () => {
    const codec = deflateSlabsPast(3000);
    const first = formulaSlab(2000, 1);
    const second = formulaSlab(1000, 2);
    const third = formulaSlab(2000, 3);
    const kept = [first, second, third].map((slab) => codec.compress(slab));
    expect(kept.map((k) => k.length)).toEqual([2000, 1000, expect.any(Number)]);
    expect(kept[2].length).toBeLessThan(2000); // past the budget: deflated
    // Stored copies: the slab written over afterwards (as PackedRows reuses it) leaves them intact.
    first.fill(0);
    expect(Buffer.from(codec.decompress(kept[0], 2000))).toEqual(Buffer.from(formulaSlab(2000, 1)));
    expect(Buffer.from(codec.decompress(kept[1], 1000))).toEqual(Buffer.from(second));
    expect(Buffer.from(codec.decompress(kept[2], 2000))).toEqual(Buffer.from(third));
  });

  it("stores a slab deflating cannot shrink, and reads it back", () => {
    const codec = deflateSlabsPast(0);
    const noise = new Uint8Array(randomBytes(5000));
    const kept = codec.compress(noise);
    expect(kept.length).toBe(5000);
    expect(kept).not.toBe(noise);
    expect(Buffer.from(codec.decompress(kept, 5000))).toEqual(Buffer.from(noise));
  });

  it("gives each codec (each audit) a budget of its own", () => {
    const slab = formulaSlab(2000, 7);
    const spent = deflateSlabsPast(2000);
    expect(spent.compress(slab).length).toBe(2000);
    expect(spent.compress(slab).length).toBeLessThan(2000);
    expect(deflateSlabsPast(2000).compress(slab).length).toBe(2000);
  });

  it("round-trips packed rows through PackedRows on either side of the budget", () => {
    // A budget of a few slabs: the sheet's first slabs are stored, the later ones deflated.
    usePackCodec(deflateSlabsPast(40_000));
    try {
      const packed = new PackedRows();
      const rowsIn = Array.from({ length: 3000 }, (_, row) => ({
        row,
        cells: [
          { value: row * 1.5, formula: `='全市学校'!I${row + 88}*100/'全市学校'!E${row + 88}` },
          { value: `第${row}小学` },
        ],
      }));
      for (const r of rowsIn) packed.pack(r.row, r.cells);
      packed.finish();
      expect([...packed.rows()]).toEqual(rowsIn);
    } finally {
      usePackCodec(undefined);
    }
  });

  it("budgets a city's packed rows (about 44 MiB at 20,000 schools)", () => {
    expect(STORED_SLAB_BYTES).toBeGreaterThanOrEqual(46_000_000);
  });
});
