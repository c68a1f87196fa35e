/**
 * compiledMeasures reads the catalogue's usual fields by name, through a switch whose cases must
 * follow NAMED_FIELDS' order: a field added to the list without its case would read another field.
 */
import { NAMED_FIELDS, namedFigure } from "../../src/engine/compiledMeasures";

describe("namedFigure", () => {
  it.each(NAMED_FIELDS.map((field, index) => [field, index] as const))(
    "reads %s at index %i and no other field",
    (field, index) => {
      const owner = Object.fromEntries(NAMED_FIELDS.map((f, i) => [f, i === index ? "hit" : i]));
      expect(namedFigure(owner, index)).toBe("hit");
      expect(namedFigure({ [field]: 7 }, index)).toBe(7);
    }
  );

  it("has no figure for a missing owner or field", () => {
    expect(namedFigure({}, 0)).toBeUndefined();
    expect(namedFigure(null as unknown as object, 0)).toBeUndefined();
  });
});
