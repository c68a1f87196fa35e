import fc from "fast-check";
import { SheetLayout } from "../../src/report/layout";
import { PackedRows, plannedStyleSamples } from "../../src/report/packedRows";
import type { PlannedCell } from "../../src/report/plan";
import { RowFormula, rowFormulaCell } from "../../src/report/rowFormula";

const page = { landscape: true, fitToWidth: true };

describe("row formulas", () => {
  it("read as the text with the row number in every place", () => {
    const met = new RowFormula(["(ROUND(E", ",9)>=E$4)+(ROUND(F", ",9)>=F$4)"]);
    expect(met.text(10)).toBe("(ROUND(E10,9)>=E$4)+(ROUND(F10,9)>=F$4)");
    const cell = rowFormulaCell(met, 1048576, 2, "0");
    expect(cell.formula).toBe("(ROUND(E1048576,9)>=E$4)+(ROUND(F1048576,9)>=F$4)");
    expect(cell).toMatchObject({ value: 2, numFmt: "0", style: "number" });
  });

  it("refuse a formula with no place for the number and a cell at no row number", () => {
    expect(() => new RowFormula(["A1"])).toThrow(RangeError);
    const ref = new RowFormula(["'学校达标'!E", ""]);
    for (const bad of [0, -3, 1.5, Number.NaN])
      expect(() => rowFormulaCell(ref, bad, 1)).toThrow(RangeError);
  });

  it("pack to the same bytes as the formula's text, whatever the pieces and the row", () => {
    const unit = fc.constantFrom("a", "E", "$", "'", "学", "达", "é", "😀", ",", "=", '"');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit, maxLength: 12 }), { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 1, max: 1048576 }),
        fc.oneof(fc.constant(null), fc.integer(), fc.string({ unit, maxLength: 4 }), fc.boolean()),
        (pieces, rowNumber, value) => {
          const formula = new RowFormula(pieces);
          const asText: PlannedCell = { value, formula: formula.text(rowNumber), style: "text" };
          const asPieces = rowFormulaCell(formula, rowNumber, value, undefined, "text");
          const a = new PackedRows();
          const b = new PackedRows();
          a.pack(4, [asText, null, asText]);
          b.pack(4, [asPieces, null, asPieces]);
          const [rowA] = [...a.rawRows()];
          const [rowB] = [...b.rawRows()];
          expect(rowB.bytes).toEqual(rowA.bytes);
          expect([...b.rows()]).toEqual([{ row: 4, cells: [asText, null, asText] }]);
        }
      ),
      { numRuns: 500 }
    );
  });

  it("come out of a layout as plain cells with their formula text, counted as formula cells", () => {
    const layout = new SheetLayout("schools", "学校达标", [10, 10]);
    const verdict = new RowFormula(["IF(L", '>=6,"达标","未达标")']);
    for (let r = 0; r < 100; r++)
      layout.append([
        { value: `学校${r}` },
        rowFormulaCell(verdict, r + 1, "达标", undefined, "text"),
      ]);
    const sheet = layout.build({ page });
    expect([...plannedStyleSamples(sheet)]).toEqual(
      expect.arrayContaining([{ value: null, formula: "", style: "text" }])
    );
    expect(sheet.rows[41].cells[1]).toEqual({
      value: "达标",
      formula: 'IF(L42>=6,"达标","未达标")',
      style: "text",
    });
  });
});
