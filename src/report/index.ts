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
import { buildDeclarationI } from "./declarationI";
import {
  buildEvidenceList,
  buildItemsDeclaration,
  buildRecognitionDeclaration,
  type CountyTable,
} from "./declarationCounty";
import { buildFindingsSheet } from "./findingsSheet";
import type { ReportInput } from "./input";
import type { PlannedSheet, WorkbookPlan } from "./plan";
import { withPrintFrame } from "./printFrame";
import { buildSchoolsSheet } from "./schoolsSheet";
import { buildSummarySheet } from "./summarySheet";

export * from "./plan";
export type { ReportInput, TableLike } from "./input";
export { ReportInputError } from "./context";
export {
  chooseSheetNames,
  sanitizeSheetName,
  sheetKey,
  uniqueSheetName,
  MAX_SHEET_NAME,
} from "./sheetNames";
export { renameSheets, sheetRenames } from "./rename";
export { plannedRows, plannedStyleSamples } from "./packedRows";
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
  // 表Ⅳ–Ⅵ first: 审计总览's whole-standard verdict references their verdict cells.
  const countyTables = new Map<string, { iv: CountyTable; v: CountyTable; vi: CountyTable }>();
  for (const set of ctx.names.declarations) {
    const county = ctx.input.result.counties.find((c) => c.name === set.county)!;
    if (!set.iv || !set.v || !set.vi || county.items.length === 0) continue;
    countyTables.set(set.county, {
      iv: buildItemsDeclaration(ctx, county, "guarantee", "表Ⅳ", set.iv),
      v: buildItemsDeclaration(ctx, county, "quality", "表Ⅴ", set.v),
      vi: buildRecognitionDeclaration(ctx, county, set.vi),
    });
  }
  const tablesOf = (county: string) => {
    const t = countyTables.get(county);
    if (!t) return undefined;
    return {
      guarantee: [t.iv.sheet.name, t.iv.verdicts] as [string, string],
      quality: [t.v.sheet.name, t.v.verdicts] as [string, string],
      recognition: [t.vi.sheet.name, t.vi.verdicts] as [string, string],
      veto: [t.vi.sheet.name, t.vi.veto!] as [string, string],
    };
  };
  // 问题清单 before 审计总览: it counts each block's shortfalls as it lists them, for the summary.
  const findings = buildFindingsSheet(ctx, schools);
  const sheets: PlannedSheet[] = [
    buildSummarySheet(ctx, schools, cv, tablesOf),
    schools.sheet,
    cv.sheet,
    findings,
  ];
  if (ctx.standard.schoolRule) {
    for (const set of ctx.names.declarations) {
      if (set.i) sheets.push(buildDeclarationI(ctx, set.county, set.i));
      sheets.push(
        buildDeclarationII1(ctx, schools, set.county, set.ii1),
        buildDeclarationII2(ctx, schools, set.county, set.ii2),
        buildDeclarationIII(ctx, cv, set.county, set.iii)
      );
      const t = countyTables.get(set.county);
      if (t) sheets.push(t.iv.sheet, t.v.sheet, t.vi.sheet);
    }
  }
  if (ctx.names.evidence) sheets.push(buildEvidenceList(ctx, ctx.names.evidence));
  sheets.push(buildDiagnosticsSheet(ctx));
  return { sheets: sheets.map((s) => withPrintFrame(ctx, s)), activate: "summary" };
}
export { buildCountyFormPlan, buildCountyFormSheet, COUNTY_FORM_SHEET } from "./countyFormSheet";
