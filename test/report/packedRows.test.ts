import fc from "fast-check";
import { DEFLATE_SLABS } from "../../src/hosts/file/package/pack-codec";
import { SheetLayout } from "../../src/report/layout";
import {
  encodeUtf8,
  PackedRows,
  plannedRows,
  plannedStyleSamples,
  usePackCodec,
} from "../../src/report/packedRows";
import type { PlannedCell, PlannedRow } from "../../src/report/plan";

const page = { landscape: true, fitToWidth: true };

describe("packed rows", () => {
  it("give back every kind of cell as it was set, nulls and heights included", () => {
    const cells: (PlannedCell | null)[] = [
      { value: "学校名称", style: "header" },
      null,
      { value: 0.1 + 0.2, formula: "'小学'!F12*100/'小学'!E12", numFmt: "0.00", style: "number" },
      { value: null, numFmt: "0.000" },
      { value: true },
      { value: false, formula: "A1>2" },
      { value: Number.NaN },
      { value: -Infinity },
      { value: -0 },
      { value: '=HYPERLINK("x")', link: "'小学'!B7", style: "link" },
      { value: "", formula: 'IF(A1<2,"达标","未达标")', style: "text" },
      null,
    ];
    const packed = new PackedRows();
    packed.pack(7, cells, 36);
    packed.pack(2, [{ value: 1 }]);
    const rows = [...packed.rows()];
    expect(rows).toEqual([
      { row: 2, cells: [{ value: 1 }] },
      { row: 7, cells, height: 36 },
    ]);
    expect(Object.is(rows[1].cells[8]!.value, -0)).toBe(true);
    expect(rows[1].cells).toHaveLength(12);
    expect(rows[1].cells[10]).not.toHaveProperty("link");
  });

  it("give a row's values and styles without its formulas and links when asked for text only", () => {
    const packed = new PackedRows();
    const cells: (PlannedCell | null)[] = [
      { value: "某某小学", style: "link", link: "'小学'!B7" },
      null,
      { value: 4.5, formula: "'小学'!E5*100/'小学'!C5", numFmt: "0.00", style: "number" },
      { value: "达标", formula: 'IF(A1>2,"达标","未达标")', style: "text" },
      { value: true, formula: "A1>2" },
      { value: "备注：L6、L7", style: "text" },
    ];
    packed.pack(3, cells, 40);
    const [row] = [...packed.rowsAt([3], true)];
    expect(row).toEqual({
      row: 3,
      height: 40,
      cells: [
        { value: "某某小学", style: "link" },
        null,
        { value: 4.5, numFmt: "0.00", style: "number" },
        { value: "达标", style: "text" },
        { value: true },
        { value: "备注：L6、L7", style: "text" },
      ],
    });
    // Read in full, the same row has them all.
    expect([...packed.rowsAt([3])][0].cells).toEqual(cells);
  });

  it("take a row out again when the builder comes back to it, and repack a later version", () => {
    const packed = new PackedRows();
    packed.pack(0, [{ value: "a" }]);
    expect(packed.unpack(0)).toEqual({ cells: [{ value: "a" }] });
    expect(packed.unpack(0)).toBeUndefined();
    packed.pack(0, [{ value: "b" }]);
    packed.pack(0, [{ value: "c" }]);
    expect([...packed.rows()]).toEqual([{ row: 0, cells: [{ value: "c" }] }]);
  });

  it("keep a layout's rows the same whatever order the builder writes them in", () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.record(
        {
          value: fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null)),
          formula: fc.string({ minLength: 1 }),
          style: fc.constantFrom("text" as const, "number" as const, "pass" as const),
          numFmt: fc.constantFrom("0", "0.00", "0.0%"),
          link: fc.string(),
        },
        { requiredKeys: ["value"] }
      )
    );
    const write = fc.tuple(fc.nat(300), fc.nat(12), cell);
    fc.assert(
      fc.property(fc.array(write, { maxLength: 400 }), (writes) => {
        const layout = new SheetLayout("schools", "学校达标", [10]);
        const expected = new Map<number, (PlannedCell | null)[]>();
        for (const [row, col, c] of writes) {
          layout.set(row, col, c);
          const cells = expected.get(row) ?? [];
          while (cells.length < col) cells.push(null);
          cells[col] = c;
          expected.set(row, cells);
        }
        const sheet = layout.build({ page });
        const want: PlannedRow[] = [...expected.entries()]
          .sort(([a], [b]) => a - b)
          .map(([row, cells]) => ({ row, cells }));
        expect([...plannedRows(sheet)]).toEqual(want);
        expect(sheet.rows).toEqual(want);
      })
    );
  });

  it("compress full slabs with the host's codec and read them back, a row revisited after build included", () => {
    const calls = { compress: 0, decompress: 0 };
    usePackCodec({
      compress: (b) => (calls.compress++, DEFLATE_SLABS.compress(b)),
      decompress: (b, n) => (calls.decompress++, DEFLATE_SLABS.decompress(b, n)),
    });
    try {
      const layout = new SheetLayout("schools", "学校达标", [10]);
      const row = (r: number): (PlannedCell | null)[] => [
        { value: `第${r}小学`, link: `'小学'!B${r + 5}` },
        { value: r * 0.5, formula: `'小学'!F${r + 5}*100/'小学'!E${r + 5}`, numFmt: "0.00" },
      ];
      for (let r = 0; r < 20_000; r++) layout.append(row(r));
      const sheet = layout.build({ page });
      expect(calls.compress).toBeGreaterThan(1);
      layout.set(3, 2, { value: "后补" }); // unpacks a row from a compressed slab
      const rows = [...plannedRows(layout.build({ page }))];
      expect(rows).toHaveLength(20_000);
      expect(rows[19_999]).toEqual({ row: 19_999, cells: row(19_999) });
      expect(rows[3].cells[2]).toEqual({ value: "后补" });
      expect([...plannedRows(sheet)][12_345]).toEqual({ row: 12_345, cells: row(12_345) });
      expect(calls.decompress).toBeGreaterThan(0);
    } finally {
      usePackCodec(undefined);
    }
  });

  it("run without Node's Buffer, as in the task pane", () => {
    const buffer = globalThis.Buffer;
    (globalThis as { Buffer?: unknown }).Buffer = undefined;
    try {
      const layout = new SheetLayout("schools", "学校达标", [10]);
      for (let r = 0; r < 300; r++)
        layout.append([{ value: `第${r}小学` }, { value: r / 3, formula: `'小学'!F${r}*2` }]);
      const rows = layout.build({ page }).rows;
      expect(rows[299]).toEqual({
        row: 299,
        cells: [{ value: "第299小学" }, { value: 299 / 3, formula: "'小学'!F299*2" }],
      });
    } finally {
      globalThis.Buffer = buffer;
    }
  });

  it("stream from the array once a host has read or replaced `rows`", () => {
    const layout = new SheetLayout("cv", "差异系数", [10]);
    layout.append([{ value: 1, style: "number", numFmt: "0.00" }], 30);
    const sheet = layout.build({ page });
    sheet.rows[0].cells[0] = { value: 2 };
    expect([...plannedRows(sheet)]).toEqual([{ row: 0, cells: [{ value: 2 }], height: 30 }]);
    sheet.rows = [];
    expect([...plannedRows(sheet)]).toEqual([]);
  });

  it("name each style combination once for the writer's cell formats", () => {
    const layout = new SheetLayout("findings", "问题清单", [10]);
    for (let r = 0; r < 500; r++) {
      layout.append([
        { value: `学校${r}`, style: "text", link: `'小学'!B${r + 2}` },
        { value: r, formula: `B${r + 1}*2`, numFmt: "0.00", style: "number" },
        { value: r, numFmt: "0.00", style: "number" },
        { value: "x" },
      ]);
    }
    const samples = [...plannedStyleSamples(layout.build({ page }))];
    expect(samples).toEqual(
      expect.arrayContaining([
        { value: null, style: "text", link: "" },
        { value: null, formula: "", numFmt: "0.00", style: "number" },
        { value: null, numFmt: "0.00", style: "number" },
        { value: null },
      ])
    );
    expect(samples).toHaveLength(4);
  });

  it("encode text as TextEncoder does, surrogate pairs and lone surrogates included", () => {
    const unit = fc.constantFrom(
      "a",
      "\u007f",
      "\u0080",
      "é",
      "\u07ff",
      "\u0800",
      "学",
      "\uffff",
      "\ud83d",
      "\ude00",
      "😀"
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), (text) => {
        const bytes = new Uint8Array(text.length * 3 + 2);
        const end = encodeUtf8(text, bytes, 2);
        expect([...bytes.subarray(2, end)]).toEqual([...new TextEncoder().encode(text)]);
      }),
      { numRuns: 2000 }
    );
    // Long text (a school's 是否达标 formula) is encoded another way: the same bytes, in place.
    fc.assert(
      fc.property(fc.string({ unit, minLength: 50, maxLength: 300 }), (text) => {
        const bytes = new Uint8Array(text.length * 3 + 4).fill(7);
        const end = encodeUtf8(text, bytes, 2);
        expect([...bytes.subarray(2, end)]).toEqual([...new TextEncoder().encode(text)]);
        expect([bytes[0], bytes[1]]).toEqual([7, 7]);
      }),
      { numRuns: 500 }
    );
  });

  it("keep many rows packed in any order, with their heights, past the first blocks", () => {
    const packed = new PackedRows();
    const rows = Array.from({ length: 9000 }, (_, i) => (i * 7919) % 9000); // a permutation
    for (const row of rows)
      packed.pack(row * 2, [{ value: row }], row % 3 === 0 ? row % 50 : undefined);
    expect(packed.setHeight(17998, 33, true)).toBe(true);
    expect(packed.setHeight(1, 33, true)).toBe(false); // never packed
    const read = [...packed.rows()];
    expect(read).toHaveLength(9000);
    read.forEach((r, i) => {
      expect(r.row).toBe(2 * i);
      expect(r.cells).toEqual([{ value: i }]);
      if (i === 8999) expect(r).toMatchObject({ height: 33, fit: true });
      else expect(r.height).toBe(i % 3 === 0 ? i % 50 : undefined);
    });
    expect(packed.unpack(4000)).toEqual({ cells: [{ value: 2000 }] });
    expect([...packed.rowsAt([4000, 4002])].map((r) => r.row)).toEqual([4002]);
  });

  it("write a new full slab over a compressed one's bytes without touching what was packed", () => {
    usePackCodec(DEFLATE_SLABS);
    try {
      // Two sheets filled in turns, each over several full (megabyte) slabs.
      const sheets = [new PackedRows(), new PackedRows()];
      const text = (s: number, row: number) => `'学校达标'!E${row}*${s}+${"x".repeat(row % 97)}`;
      for (let row = 0; row < 30000; row++)
        sheets.forEach((p, s) => p.pack(row, [{ value: row, formula: text(s, row) }]));
      sheets.forEach((p, s) => {
        const wrong: number[] = [];
        let row = 0;
        for (const r of p.rows()) {
          const cell = r.cells[0];
          if (r.row !== row || cell?.value !== row || cell.formula !== text(s, row))
            wrong.push(row);
          row++;
        }
        expect(wrong).toEqual([]);
        expect(row).toBe(30000);
      });
    } finally {
      usePackCodec(undefined);
    }
  });

  it("keep a row longer than a slab whole, between ordinary rows, with and without a codec", () => {
    for (const codec of [undefined, DEFLATE_SLABS]) {
      usePackCodec(codec);
      try {
        const packed = new PackedRows();
        const long = "学".repeat(700_000); // 2.1 MB of UTF-8: past MAX_SLAB_BYTES
        const small = (row: number): PlannedCell => ({ value: row, formula: `A${row}*2` });
        for (let row = 0; row < 3000; row++) packed.pack(row, [small(row)]);
        packed.pack(3000, [small(3000), { value: long, style: "text" }, small(3000)]);
        for (let row = 3001; row < 6000; row++) packed.pack(row, [small(row)]);
        packed.finish();
        const rows = [...packed.rows()];
        expect(rows).toHaveLength(6000);
        expect(rows[3000].cells).toEqual([
          small(3000),
          { value: long, style: "text" },
          small(3000),
        ]);
        expect(rows.filter((r) => r.row !== 3000 && r.cells[0]?.value !== r.row)).toEqual([]);
      } finally {
        usePackCodec(undefined);
      }
    }
  });

  it("never write a new slab over one the codec kept as it is", () => {
    // A codec storing full slabs without a copy: the slab itself is what is kept.
    usePackCodec({ compress: (bytes) => bytes, decompress: (bytes) => bytes });
    try {
      const sheets = [new PackedRows(), new PackedRows()];
      const text = (s: number, row: number) => `'学校达标'!F${row}*${s}+${"y".repeat(row % 89)}`;
      for (let row = 0; row < 30000; row++)
        sheets.forEach((p, s) => p.pack(row, [{ value: row, formula: text(s, row) }]));
      sheets.forEach((p, s) => {
        const rows = [...p.rows()];
        expect(rows).toHaveLength(30000);
        expect(rows.filter((r, row) => r.cells[0]?.formula !== text(s, row))).toEqual([]);
      });
    } finally {
      usePackCodec(undefined);
    }
  });
});
