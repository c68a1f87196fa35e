/**
 * The sheet reader the Excel service uses: src/sheets' readSheets and its FIELDS for the
 * mapping dropdowns. Injected, so tests can use a fake reader.
 */
import { FIELDS, readSheets } from "../sheets";
import type { PipelineSteps } from "./pipeline";

export type SheetReader = Pick<PipelineSteps, "readSheets" | "fields">;

export const sheetReader: SheetReader = { readSheets, fields: FIELDS };
