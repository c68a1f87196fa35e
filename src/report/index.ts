/**
 * The report: audit result in, host-neutral workbook plan out (src/report/plan.ts). Pure
 * TypeScript; the Excel host (Office.js) and the file host (ExcelJS) write the plan.
 */
import { reportContext } from "./context";
import { buildCvSheet } from "./cvSheet";
import { buildDeclarationII1 } from "./declarationII1";
import { buildDeclarationII2 } from "./declarationII2";
import { buildDeclarationIII } from "./declarationIII";
import { buildDiagnosticsSheet } from "./diagnosticsSheet";
import { buildFindingsSheet } from "./findingsSheet";
import type { ReportInput } from "./input";
import type { PlannedSheet, WorkbookPlan } from "./plan";
import { buildSchoolsSheet } from "./schoolsSheet";
import { buildSummarySheet } from "./summarySheet";

export * from "./plan";
export type { ReportInput, TableLike } from "./input";
export { ReportInputError } from "./context";
export { chooseSheetNames, sanitizeSheetName, sheetKey, uniqueSheetName, MAX_SHEET_NAME } from "./sheetNames";
export { renameSheets } from "./rename";
export { quoteSheet } from "./refs";
export { renameRefs } from "./rename";

/**
 * The audit sheets for an audit result: 审计总览, 学校达标, 差异系数, 问题清单, the declaration
 * tables 表Ⅱ-1, 表Ⅱ-2 and 表Ⅲ (one set per county; only under a standard with a school rule),
 * and 数据诊断. Every derived figure is a live formula over the source cells, with the engine's
 * value as its cached result.
 *
 * @throws ReportInputError when the result names an unknown standard or a record that is not in `records`.
 * @example
 * const records = readWorkbook(grids).records;
 * const plan = buildPlan({ result: audit(records), records, auditedAt: new Date() });
 * plan.sheets.map((s) => s.name); // ["审计总览", "学校达标", "差异系数", "问题清单", "表Ⅱ-1", "表Ⅱ-2", "表Ⅲ", "数据诊断"]
 */
export function buildPlan(input: ReportInput): WorkbookPlan {
  const ctx = reportContext(input);
  const schools = buildSchoolsSheet(ctx);
  const cv = buildCvSheet(ctx, schools);
  const sheets: PlannedSheet[] = [buildSummarySheet(ctx, schools, cv), schools.sheet, cv.sheet, buildFindingsSheet(ctx, schools)];
  if (ctx.standard.schoolRule) {
    for (const set of ctx.names.declarations) {
      sheets.push(
        buildDeclarationII1(ctx, schools, set.county, set.ii1),
        buildDeclarationII2(ctx, schools, set.county, set.ii2),
        buildDeclarationIII(ctx, cv, set.county, set.iii),
      );
    }
  }
  sheets.push(buildDiagnosticsSheet(ctx));
  return { sheets, activate: "summary" };
}
export { buildCountyFormPlan, buildCountyFormSheet, COUNTY_FORM_SHEET } from "./countyFormSheet";
