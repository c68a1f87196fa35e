/**
 * The fields the reader knows, as the task pane offers them. Every field, its label and its
 * wordings live in the engine's catalogue (src/engine/catalogue/fields.ts); this module only
 * lists them for the mapping dropdowns and re-exports the catalogue's path helpers.
 */
import {
  FIELD_DEFS,
  fieldLabelOf,
  fieldPath,
  isStagedBase,
  type FieldDef,
} from "../engine/catalogue";
import type { Stage } from "../engine/types";

export {
  fieldLabelOf,
  fieldPath,
  isKnownField,
  isStagedBase,
  isTextField,
  parseFieldId,
  type ParsedField,
} from "../engine/catalogue";

/** A field the reader knows: "name", "pupils", "pupils.primary", "teachers.junior.backbone" … */
export type FieldId = string;

/** Class-size bands listed for the override dropdowns; headers may name others. */
const COMMON_BANDS = ["46-50", "51-55", "56-65", "56-", "66-"];

/** A field id for a base and an optional stage: ("given.L1", "primary") → "given.primary.L1". */
export function fieldIdOf(base: string, stage?: Stage): FieldId {
  return fieldPath(base, stage); // a field id is its record path for that stage
}

/** The dropdowns' order: who the school is, its pupils, its other figures, then ratios it already holds. */
function offeredBases(): string[] {
  const place = (f: FieldDef) =>
    f.unit === "text" ? 0 : f.id === "pupils" || f.id === "seniorPupils" ? 1 : f.heldRatio ? 3 : 2;
  const ordered = [0, 1, 2, 3].flatMap((p) => FIELD_DEFS.filter((f) => place(f) === p));
  return ordered.flatMap((f) =>
    f.id === "classSizeBands" ? COMMON_BANDS.map((b) => `classSizeBands.${b}`) : [f.id]
  );
}

function allFields(): { id: FieldId; label: string }[] {
  const ids: FieldId[] = [];
  for (const base of offeredBases()) {
    ids.push(base);
    if (isStagedBase(base)) ids.push(fieldIdOf(base, "primary"), fieldIdOf(base, "junior"));
  }
  return ids.map((id) => ({ id, label: fieldLabelOf(id) }));
}

/** Every field the reader knows, for the task pane's override dropdowns. */
export const FIELDS: ReadonlyArray<{ id: FieldId; label: string }> = Object.freeze(allFields());
