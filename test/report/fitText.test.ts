import fc from "fast-check";
import { fitText, FITS, MEASURE, textNeeds, textUnits } from "../../src/report/fitText";
import { SheetLayout } from "../../src/report/layout";
import { PackedRows, plannedRows } from "../../src/report/packedRows";
import type { CellStyle, PlannedCell, PlannedRow, PlannedSheet } from "../../src/report/plan";
import { planOps } from "../../src/hosts/excel/planOps";

function sheetOf(rows: PlannedRow[], extra: Partial<PlannedSheet> = {}): PlannedSheet {
  return {
    kind: "summary",
    name: "审计总览",
    rows,
    merges: [],
    columnWidths: [10, 10, 10],
    conditionalFormats: [],
    dataBars: [],
    page: { landscape: true, fitToWidth: true },
    ...extra,
  };
}

const LONG_NOTE =
  "各项数值为引用源数据单元格的公式。红色：低于要求的85%；黄色：未达到要求；绿色：达到要求。";

describe("textUnits", () => {
  it("counts a Chinese character about two units and a digit or letter one, by the widest line", () => {
    expect(textUnits("学校名称")).toBeCloseTo(8.4);
    expect(textUnits("L1")).toBeCloseTo(2.1);
    expect(textUnits("ab\n学校名称学校")).toBeCloseTo(12.6);
    expect(textUnits("学校", 22)).toBeCloseTo(8.4);
  });
});

describe("fitText", () => {
  it("merges a lone over-long note across the table and gives the row its lines' height", () => {
    const sheet = fitText(sheetOf([{ row: 1, cells: [{ value: LONG_NOTE, style: "subtitle" }] }]));
    expect(sheet.merges).toEqual(["A2:C2"]);
    // ~90 units at 10 pt in 30 columns' width: 4 lines.
    const lines = Math.ceil(textUnits(LONG_NOTE, 10) / 29);
    expect(sheet.rows[0].height).toBe(Math.ceil(lines * 10 * 1.45 + 3));
    expect(sheet.rows[0].fit).toBeUndefined(); // merged: a measuring host would not autofit it
  });

  it("leaves a short note, or one sharing its row, unmerged", () => {
    const sheet = fitText(
      sheetOf([
        { row: 0, cells: [{ value: "注：", style: "note" }] },
        {
          row: 1,
          cells: [
            { value: LONG_NOTE, style: "note" },
            { value: "x", style: "text" },
          ],
        },
      ])
    );
    expect(sheet.merges).toEqual([]);
    expect(sheet.rows[0].height).toBeUndefined();
  });

  it("raises a header row to its wrapped lines and marks it as fitted; keeps a taller planned height", () => {
    const sheet = fitText(
      sheetOf([
        { row: 0, cells: [{ value: "资源配置及学校保障项", style: "header" }] },
        { row: 1, cells: [{ value: "资源配置及学校保障项", style: "header" }], height: 80 },
        { row: 2, cells: [{ value: "区县", style: "header" }] },
      ])
    );
    expect(sheet.rows[0]).toMatchObject({ height: Math.ceil(3 * 11 * 1.45 + 3), fit: true });
    expect(sheet.rows[1].height).toBe(80);
    expect(sheet.rows[1].fit).toBeUndefined();
    expect(sheet.rows[2].height).toBeUndefined();
  });

  it("widens a column to its longest body text, up to 40, and wraps what is longer", () => {
    const long = "某".repeat(30);
    const sheet = fitText(
      sheetOf([
        { row: 0, cells: [{ value: "城关镇中心小学（东校区）", style: "text" }] },
        { row: 1, cells: [null, { value: long, style: "text" }] },
      ])
    );
    expect(sheet.columnWidths[0]).toBe(Math.ceil(textUnits("城关镇中心小学（东校区）") + 1));
    expect(sheet.columnWidths[1]).toBe(40);
    expect(sheet.rows[1].height).toBe(Math.ceil(2 * 11 * 1.45 + 3));
  });

  it("ignores hidden columns: they print nothing", () => {
    const sheet = fitText(
      sheetOf([{ row: 0, cells: [null, { value: "权重 L1 高学历教师", style: "header" }] }], {
        hiddenColumns: [1],
      })
    );
    expect(sheet.rows[0].height).toBeUndefined();
    expect(sheet.columnWidths[1]).toBe(10);
  });
});

describe("fitText on a laid-out sheet", () => {
  const styles: CellStyle[] = [
    "title",
    "subtitle",
    "header",
    "code",
    "text",
    "number",
    "note",
    "fail",
    "link",
  ];
  const text = fc.oneof(
    fc.constantFrom(
      "",
      "达标",
      "某某县第一实验小学教育集团（东校区）",
      "L1",
      "各项数值为引用源数据单元格的公式。"
    ),
    fc.string({ unit: fc.constantFrom("a", "1", "学", "（", "\n"), maxLength: 40 })
  );
  const cell: fc.Arbitrary<PlannedCell | null> = fc.oneof(
    fc.constant(null),
    fc.record({ value: text, style: fc.constantFrom(...styles) }),
    fc.record({ value: fc.double({ noNaN: true }), style: fc.constant("number" as const) })
  );
  const sheetArb = fc.record({
    writes: fc.array(fc.tuple(fc.nat(150), fc.nat(5), cell), { maxLength: 300 }),
    widths: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 6 }),
    merges: fc.array(fc.tuple(fc.nat(150), fc.nat(5), fc.nat(2), fc.nat(2)), { maxLength: 4 }),
    hidden: fc.array(fc.nat(5), { maxLength: 2 }),
    // A builder narrowing a column after laying rows out: the layout's notes no longer hold.
    narrowed: fc.option(fc.tuple(fc.nat(5), fc.integer({ min: 0, max: 30 })), { nil: undefined }),
  });

  type SheetInput = typeof sheetArb extends fc.Arbitrary<infer T> ? T : never;

  /** The same sheet laid out (packed, with the layout's hints) and as plain row objects. */
  function both(input: SheetInput): [PlannedSheet, PlannedSheet] {
    const layout = new SheetLayout("findings", "问题清单", [...input.widths]);
    for (const [row, col, c] of input.writes) layout.set(row, col, c);
    const used = new Set<number>();
    for (const [top, left, h, w] of input.merges) {
      if ([...Array(h + 1).keys()].some((d) => used.has(top + d))) continue;
      for (let d = 0; d <= h; d++) used.add(top + d);
      layout.merge(top, left, top + h, left + w);
    }
    const packed = layout.build({
      page: { landscape: true, fitToWidth: true },
      hiddenColumns: input.hidden,
    });
    // Field by field: spreading the packed sheet would read its `rows`, decoding it for good.
    const plain: PlannedSheet = {
      kind: packed.kind,
      name: packed.name,
      conditionalFormats: [],
      dataBars: [],
      page: packed.page,
      ...(packed.hiddenColumns ? { hiddenColumns: packed.hiddenColumns } : {}),
      merges: [...packed.merges],
      columnWidths: [...packed.columnWidths],
      rows: [...plannedRows(packed)],
    };
    if (input.narrowed) {
      const [col, width] = input.narrowed;
      packed.columnWidths[col] = width;
      plain.columnWidths[col] = width;
    }
    return [packed, plain];
  }

  it("fits a packed sheet exactly as the same rows as objects, whatever the text, widths and merges", () => {
    fc.assert(
      fc.property(sheetArb, (input) => {
        const [packed, plain] = both(input);
        fitText(packed);
        fitText(plain);
        expect(packed.merges).toEqual(plain.merges);
        expect(packed.columnWidths).toEqual(plain.columnWidths);
        expect([...plannedRows(packed)]).toEqual(plain.rows);
      }),
      { numRuns: 300 }
    );
  });

  it("reads only the rows whose text may not fit, not the whole sheet", () => {
    const layout = new SheetLayout("schools", "学校达标", [12, 28]);
    layout.append([{ value: LONG_NOTE, style: "subtitle" }]);
    for (let i = 0; i < 500; i++) layout.append([{ value: "第1县" }, { value: `1县第${i}小学` }]);
    layout.append([null, { value: "某".repeat(30) }]);
    const sheet = layout.build({ page: { landscape: true, fitToWidth: true } });
    const read = jest.spyOn(PackedRows.prototype, "rows");
    const readAt = jest.spyOn(PackedRows.prototype, "rowsAt");
    try {
      fitText(sheet);
      expect(read).not.toHaveBeenCalled();
      // Each row to measure is read once (its slab inflated once), for widths and heights alike.
      expect(readAt.mock.calls.flatMap(([rows]) => [...rows])).toEqual([0, 501]);
    } finally {
      read.mockRestore();
      readAt.mockRestore();
    }
    expect(sheet.columnWidths[1]).toBe(40);
    expect(sheet.merges).toEqual(["A1:B1"]);
    expect([...plannedRows(sheet)].filter((r) => r.height !== undefined).map((r) => r.row)).toEqual(
      [0, 501]
    );
  });

  it("notes what a text needs: nothing, its column widened, or its row measured", () => {
    expect(textNeeds({ value: "达标", style: "text" }, 10)).toBe(FITS);
    // 31 characters, but narrow ones: it fits 40 units once measured.
    expect(textNeeds({ value: "达标：L6、L7、L8、L9、L10、L11", style: "text" }, 40)).toBe(FITS);
    expect(textNeeds({ value: "某某县第一实验小学", style: "text" }, 10)).toBe(
      Math.ceil(textUnits("某某县第一实验小学") + 1)
    );
    expect(textNeeds({ value: "某".repeat(30), style: "text" }, 10)).toBe(MEASURE); // wraps at 40
    expect(textNeeds({ value: "学校名称学校名称", style: "header" }, 10)).toBe(MEASURE); // headers wrap
    expect(textNeeds({ value: "学校\n名称", style: "text" }, 10)).toBe(MEASURE);
    expect(textNeeds({ value: 12345678901234, style: "number" }, 2)).toBe(FITS);
    expect(textNeeds({ value: "", style: "text" }, 0)).toBe(1); // widenColumns gives it a width of 1
    expect(textNeeds(null, 0)).toBe(FITS);
  });
});

describe("the Excel host: fitted rows", () => {
  it("autofits the fitted rows in one call and sets planned heights after it", () => {
    const sheet = fitText(
      sheetOf([
        { row: 2, cells: [{ value: "资源配置及学校保障项", style: "header" }] },
        { row: 3, cells: [{ value: "x" }], height: 60 },
        { row: 9, cells: [{ value: "资源配置及学校保障项", style: "header" }] },
      ])
    );
    const ops = planOps(
      { sheets: [sheet], activate: "summary" },
      { writeAs: new Map(), final: new Map() },
      10000
    ).filter((op) => op.kind === "autofitRows" || op.kind === "rowHeight");
    expect(ops).toEqual([
      { sheet: 0, kind: "autofitRows", address: "3:10" },
      { sheet: 0, kind: "rowHeight", address: "4:4", points: 60 },
    ]);
  });
});
