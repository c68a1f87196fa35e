import { fieldValueAt, isCount, type SchoolRecord } from "../engine";
import { numberLiteral, plainA1, sheetRef } from "./refs";

/**
 * The source cell behind a field as a formula reference (`'小学'!E5`), or null when it cannot be
 * referenced: no source, no cell, a malformed address, or a cell that held text (a formula would
 * read the text, not the number the reader parsed from it).
 */
export function sourceRef(record: SchoolRecord, field: string): string | null {
  const source = record.source;
  if (!source || typeof source.sheet !== "string") return null;
  if (source.textCells?.includes(field)) return null;
  const address = plainA1(source.cells?.[field]);
  return address ? sheetRef(source.sheet, address) : null;
}

/** A cell's multiplier to the record's unit (10000 for a 万元 column); 1 when absent or unusable. */
function factorOf(record: SchoolRecord, field: string): number {
  const f = record.source?.factors?.[field];
  return typeof f === "number" && Number.isFinite(f) && f > 0 ? f : 1;
}

/** One term of a formula: the expression and whether it references a cell. */
export interface Term {
  expr: string;
  live: boolean;
  /** The expression contains an operator (wrap it before dividing by it). */
  compound: boolean;
}

/**
 * A field as a formula term: the source reference times its unit factor (`'小学'!L5*10000`), or
 * the record's figure as a literal where no cell can be referenced; null when there is no figure.
 *
 * @example
 * // equipment value read from a 万元 column at 小学!L5:
 * fieldTerm(record, "facilities.equipmentValue"); // { expr: "'小学'!L5*10000", live: true, compound: true }
 */
export function fieldTerm(record: SchoolRecord, field: string): Term | null {
  const ref = sourceRef(record, field);
  const part = record.source?.less?.[field];
  if (ref && part !== undefined) {
    const partAddress = plainA1(part);
    // The stage's pupils are the total less its 「其中：」 part of another stage (both cells live).
    if (partAddress)
      return {
        expr: `(${ref}-${sheetRef(record.source!.sheet, partAddress)})`,
        live: true,
        compound: true,
      };
    return literalTerm(fieldValueAt(record, field));
  }
  if (ref) {
    const factor = factorOf(record, field);
    return factor === 1
      ? { expr: ref, live: true, compound: false }
      : { expr: `${ref}*${numberLiteral(factor)}`, live: true, compound: true };
  }
  // The figure is read only here, where no cell stands for it: a city's rows reference cells.
  return literalTerm(fieldValueAt(record, field));
}

/** A figure as a literal term, or null when it is no count. */
function literalTerm(value: unknown): Term | null {
  return isCount(value) ? { expr: numberLiteral(value), live: false, compound: false } : null;
}
