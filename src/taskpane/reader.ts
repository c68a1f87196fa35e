/**
 * The sheet reader the Excel service uses: src/sheets' readSheets and its FIELDS for the
 * mapping dropdowns. One module, so the pane's types stay the reader's by shape.
 */
import { FIELDS, readSheets } from "../sheets";
import type { PipelineSteps } from "./pipeline";

export type SheetReader = Pick<PipelineSteps, "readSheets" | "fields">;

export const sheetReader: SheetReader = { readSheets, fields: FIELDS };
