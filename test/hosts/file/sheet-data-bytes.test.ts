import fc from "fast-check";
import { DEFLATE_SLABS } from "../../../src/hosts/file/package/pack-codec";
import { sheetXmlChunks, type SheetStyles } from "../../../src/hosts/file/package/sheet-xml";
import { styleKey } from "../../../src/hosts/file/package/styles-xml";
import { SheetLayout } from "../../../src/report/layout";
import { plannedRows, usePackCodec } from "../../../src/report/packedRows";
import type { CellStyle, PlannedCell, PlannedSheet } from "../../../src/report/plan";

/**
 * The audit sheets' rows are written straight from their packed bytes (sheet-data-bytes.ts): the
 * XML must be byte for byte what the writer makes of the same rows as objects.
 */

const STYLES: CellStyle[] = ["title", "header", "text", "number", "pass", "fail", "link"];
const NUM_FMTS = ["0", "0.00", "0.0%"];

const styles: SheetStyles = {
  cellFormat: new Map(
    [undefined, ...STYLES].flatMap((style, i) =>
      [undefined, ...NUM_FMTS].map((numFmt, j) => [styleKey(style, numFmt), 10 * i + j] as const)
    )
  ),
  dxf: { pass: 1, warn: 2, fail: 3 },
};

/** Text with what XML must escape or cannot carry, and characters of every UTF-8 length. */
const text = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      "a",
      "学",
      "&",
      "<",
      ">",
      '"',
      "\n",
      "\r",
      "\t",
      "\u0001",
      "\u001f",
      "\uFFFE",
      "\uFFFF",
      "😀",
      "\uD800",
      "'",
      "="
    ),
    maxLength: 12,
  }),
  fc.constantFrom("", "=SUM(A1:A3)", "=", "'小学'!E5>=3", "#'学校达标'!B7")
);

const cell: fc.Arbitrary<PlannedCell | null> = fc.oneof(
  fc.constant(null),
  fc.record(
    {
      value: fc.oneof(
        text,
        fc.double(),
        fc.integer({ min: -2e9, max: 2e9 }),
        fc.constantFrom(999999999999999, 1e15, -999999999999999, 2 ** 53, 10, 100),
        fc.constantFrom(0, -0, 1e21, 1e-7, Number.NaN, Infinity),
        fc.boolean(),
        fc.constant(null)
      ),
      formula: text,
      style: fc.constantFrom(...STYLES),
      numFmt: fc.constantFrom(...NUM_FMTS),
      link: text,
    },
    { requiredKeys: ["value"] }
  )
);

const rowsArb = fc.array(
  fc.record({
    row: fc.nat(400),
    cells: fc.array(cell, { maxLength: 30 }),
    height: fc.option(fc.constantFrom(15, 33.5, 80), { nil: undefined }),
  }),
  { maxLength: 60 }
);

function laidOut(rows: { row: number; cells: (PlannedCell | null)[]; height?: number }[]) {
  const layout = new SheetLayout("findings", "问题清单", [10, 20]);
  for (const r of rows) {
    r.cells.forEach((c, col) => layout.set(r.row, col, c));
    if (r.height !== undefined) layout.setHeight(r.row, r.height);
  }
  return layout.build({ page: { landscape: true, fitToWidth: true } });
}

/** The same sheet as row objects (field by field: spreading would decode the packed sheet). */
function asObjects(sheet: PlannedSheet): PlannedSheet {
  return {
    kind: sheet.kind,
    name: sheet.name,
    merges: sheet.merges,
    columnWidths: sheet.columnWidths,
    conditionalFormats: sheet.conditionalFormats,
    dataBars: sheet.dataBars,
    page: sheet.page,
    rows: [...plannedRows(sheet)],
  };
}

function xml(sheet: PlannedSheet): Buffer {
  return Buffer.concat(
    [...sheetXmlChunks(sheet, styles)].map((c) => (typeof c === "string" ? Buffer.from(c) : c))
  );
}

describe("audit sheet rows written from their packed bytes", () => {
  it("are the XML the same rows as objects give, byte for byte", () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const packed = laidOut(rows);
        const objects = asObjects(packed);
        expect(xml(packed).toString("utf8")).toBe(xml(objects).toString("utf8"));
      }),
      { numRuns: 300 }
    );
  });

  it("cut text beyond Excel's 32767 characters as the object writer does, in slabs compressed or not", () => {
    const long = "学".repeat(20000) + "&" + "a".repeat(20000); // 80,001 UTF-8 bytes, 40,001 characters
    const tail = "😀".repeat(16384); // a cut inside a surrogate pair
    for (const codec of [undefined, DEFLATE_SLABS]) {
      usePackCodec(codec);
      try {
        const packed = laidOut([
          { row: 0, cells: [{ value: long }, { value: tail, formula: "A1", link: "'x'!A1" }] },
          ...Array.from({ length: 3000 }, (_, i) => ({
            row: i + 1,
            cells: [
              { value: i, formula: `'学校'!E${i}>=3` },
              { value: `学校${i}`, link: `'学校'!B${i}` },
            ],
          })),
        ]);
        const objects = asObjects(packed);
        const bytes = xml(packed);
        expect(bytes.equals(xml(objects))).toBe(true);
        const written = bytes.toString("utf8");
        // 32767 characters: 20000 + "&" + 12766 (a long expected text would flood a failure's report).
        const cut = `<t xml:space="preserve">${"学".repeat(20000)}&amp;${"a".repeat(12766)}</t>`;
        expect(written.includes(cut)).toBe(true);
        expect(written).toContain("<f>'学校'!E2999&gt;=3</f><v>2999</v>");
      } finally {
        usePackCodec(undefined);
      }
    }
  });
});
