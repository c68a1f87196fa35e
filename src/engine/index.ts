/** The audit engine: pure TypeScript, records in, audit result out. */
export * from "./types";
export * from "./result";
export * from "./standards";
export { audit, UnknownStandardError, type AuditOptions } from "./audit";
export { markUnreadStages, unreadStagesText, UNREAD_NOTE } from "./unread";
export type { CountyForm, CountyFormEntry } from "./county/form";
export { combineVerdict, decidedCountyItems, overallVerdict } from "./county/verdict";
export * from "./catalogue/county";
export { weightedSpread, unweightedCv, compositeCv, type WeightedSpread } from "./cv";
export { stageShare, splitNineYear, splitNineYearWhole } from "./split";
export { below, atLeast, atMost, ceilWhole, ratio, roundTo, isCount, percentOf } from "./numeric";
export { fieldLabel, type Diagnostic, type DiagnosticLevel } from "./diagnostics";
export * from "./lookup";
export * from "./catalogue";
export { measureDef } from "./measures";
