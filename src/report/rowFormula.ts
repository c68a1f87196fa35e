import type { CellStyle, PlannedCell } from "./plan";

/**
 * A formula whose text is the same on every row of a table but for one row number: a school's
 * 达标项数 `(ROUND(E10,9)>=E$4)+…` on its own row, 表Ⅱ-2's `'学校达标'!E10` on the row it
 * refers to. The fixed pieces are UTF-8 encoded once; a packed sheet writes a row's formula as
 * those bytes with the number's digits between them (packedRows.ts), so a city's tens of
 * thousands of rows never build, flatten and encode the same text again.
 *
 * @example
 * const met = new RowFormula(["(ROUND(E", ",9)>=E$4)"]);
 * met.text(10); // "(ROUND(E10,9)>=E$4)"
 */
export class RowFormula {
  /** The pieces as UTF-8, for the packer. */
  readonly utf8: readonly Uint8Array[];
  /** Bytes of all the pieces together. */
  readonly utf8Length: number;

  /** `pieces`: the formula's text cut where the row number goes (at least one cut). */
  constructor(readonly pieces: readonly string[]) {
    if (pieces.length < 2) throw new RangeError("RowFormula: no place for the row number");
    const encoder = new TextEncoder();
    this.utf8 = pieces.map((piece) => encoder.encode(piece));
    this.utf8Length = this.utf8.reduce((sum, bytes) => sum + bytes.length, 0);
  }

  /** The formula's text with `rowNumber` (1-based, as A1 writes it) in every place. */
  text(rowNumber: number): string {
    return this.pieces.join(String(rowNumber));
  }
}

/**
 * A cell holding a RowFormula at one row number: `formula` reads as its text, so every reader
 * of PlannedCell sees the usual string; the packer writes it from the pieces instead.
 */
export class RowFormulaCell implements PlannedCell {
  constructor(
    readonly rowFormula: RowFormula,
    /** 1-based, as A1 writes it. */
    readonly rowNumber: number,
    public value: string | number | boolean | null,
    public numFmt?: string,
    public style?: CellStyle
  ) {
    if (!Number.isSafeInteger(rowNumber) || rowNumber < 1)
      throw new RangeError(`RowFormulaCell: not a row number: ${rowNumber}`);
  }

  get formula(): string {
    return this.rowFormula.text(this.rowNumber);
  }
}

/**
 * formulaCell (cells.ts) for a RowFormula: a live formula with the engine's value cached.
 *
 * @example
 * rowFormulaCell(met, 10, 7, "0"); // formula "(ROUND(E10,9)>=E$4)+…", value 7
 */
export function rowFormulaCell(
  formula: RowFormula,
  rowNumber: number,
  value: string | number | boolean | null,
  numFmt?: string,
  style: CellStyle = "number"
): PlannedCell {
  return new RowFormulaCell(formula, rowNumber, value, numFmt || undefined, style);
}
