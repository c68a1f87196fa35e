import type { Standard } from "./standard";
import { STANDARD_2012 } from "./standard2012";
import { STANDARD_2017 } from "./standard2017";

export * from "./standard";
export { STANDARD_2012, STANDARD_2017 };

/** Every standard the engine knows, by id. */
export const STANDARDS: Readonly<Record<string, Standard>> = {
  [STANDARD_2017.id]: STANDARD_2017,
  [STANDARD_2012.id]: STANDARD_2012,
};

/** The standard with this id, or undefined. */
export function findStandard(id: string): Standard | undefined {
  return Object.prototype.hasOwnProperty.call(STANDARDS, id) ? STANDARDS[id] : undefined;
}
