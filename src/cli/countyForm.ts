/**
 * `npm run audit -- --county-form FILE.xlsx`: writes the blank county form 「县域指标」 into a new
 * workbook for the bureau to fill (the same sheet the task pane inserts).
 */
import { existsSync } from "node:fs";
import ExcelJS from "exceljs";
import { saveWorkbook, writePlan } from "../hosts/file";
import { buildCountyFormPlan } from "../report";

/**
 * Writes the blank form; refuses to replace an existing file (it may be a filled form).
 *
 * @example
 * await writeBlankCountyForm("县域指标.xlsx"); // a workbook with one sheet 「县域指标」
 */
export async function writeBlankCountyForm(
  path: string,
  counties: readonly string[] = [],
  extraVetoItems: readonly string[] = []
): Promise<void> {
  if (existsSync(path))
    throw new Error(`文件「${path}」已存在：为免覆盖已填报的表，请另选文件名。`);
  const workbook = new ExcelJS.Workbook();
  writePlan(workbook, buildCountyFormPlan(counties, extraVetoItems), { owned: false });
  await saveWorkbook(workbook, path);
}
