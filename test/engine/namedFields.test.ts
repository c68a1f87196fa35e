/**
 * compiledMeasures reads the catalogue's usual fields by name, through a switch whose cases must
 * follow NAMED_FIELDS' order: a field added to the list without its case would read another field.
 * A read gives the figure's kind and leaves its number in a typed array (no boxed number a read).
 */
import {
  ABSENT,
  BLANK,
  COUNT,
  figureKind,
  NAMED_FIELDS,
  NOT_COUNT,
  NUMBER,
  readNamedFigure,
} from "../../src/engine/compiledMeasures";

describe("readNamedFigure", () => {
  it.each(NAMED_FIELDS.map((field, index) => [field, index] as const))(
    "reads %s at index %i and no other field",
    (field, index) => {
      const out = new Float64Array(1);
      const owner = Object.fromEntries(NAMED_FIELDS.map((f, i) => [f, i === index ? 1000.5 : i]));
      expect(readNamedFigure(owner, index, out)).toBe(NUMBER);
      expect(out[0]).toBe(1000.5);
      expect(readNamedFigure({ [field]: -7 }, index, out)).toBe(NUMBER);
      expect(out[0]).toBe(-7);
      expect(readNamedFigure({ [field]: null }, index, out)).toBe(BLANK);
      expect(readNamedFigure({ [field]: "7" }, index, out)).toBe(NOT_COUNT);
    }
  );

  it("has no figure for a missing owner or field", () => {
    const out = new Float64Array(1);
    expect(readNamedFigure({}, 0, out)).toBe(ABSENT);
    expect(readNamedFigure(null as unknown as object, 0, out)).toBe(ABSENT);
  });
});

describe("figureKind", () => {
  it("tells a usable count (as isCount) from a blank, a missing and an unusable figure", () => {
    const out = new Float64Array(1);
    expect(figureKind(12.5, out)).toBe(COUNT);
    expect(out[0]).toBe(12.5);
    expect(figureKind(0, out)).toBe(COUNT);
    expect(out[0]).toBe(0);
    expect(figureKind(undefined, out)).toBe(ABSENT);
    expect(figureKind(null, out)).toBe(BLANK);
    for (const bad of ["12", -1, NaN, Infinity, -Infinity, true, {}])
      expect(figureKind(bad, out)).toBe(NOT_COUNT);
  });
});
