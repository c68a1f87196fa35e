/**
 * 「插入县域指标表」: a new, empty school table laid out the way the sheet reader recognises it
 * (title, unit line, one header row, one row per school part to fill in), written in one
 * Formula call. The sheet is the user's: it carries no audit marker and the audit reads it.
 */
import { uniqueSheetName, sheetKey } from "../report";
import type { EtApplication } from "../hosts/wps/et";
import { activeWorkbook, sheetsOf } from "../hosts/wps/workbook";
import { columnsAddress } from "../hosts/excel/addresses";

export const TEMPLATE_SHEET = "县域指标表";

/** Header and width (characters) of each column, in the bureaus' usual order. */
export const TEMPLATE_COLUMNS: readonly { header: string; width: number }[] = [
  { header: "序号", width: 6 },
  { header: "区县", width: 10 },
  { header: "学校名称", width: 24 },
  { header: "学段", width: 8 },
  { header: "在校学生数（人）", width: 10 },
  { header: "班级数", width: 8 },
  { header: "最大班额（人）", width: 8 },
  { header: "专任教师数", width: 10 },
  { header: "高于规定学历教师数", width: 12 },
  { header: "县级及以上骨干教师数", width: 12 },
  { header: "体育、艺术（音乐、美术）专任教师数", width: 14 },
  { header: "教学及辅助用房面积（㎡）", width: 12 },
  { header: "体育运动场（馆）面积（㎡）", width: 12 },
  { header: "教学仪器设备总值（万元）", width: 12 },
  { header: "网络多媒体教室（间）", width: 10 },
];

const TITLE = "县域义务教育学校资源配置情况统计表";
const UNIT_LINE =
  "填报单位：　　　　　　单位：人、平方米、万元（学段填 小学 或 初中；九年一贯制学校分学段各填一行）";
/** 0-based row of the header. */
export const TEMPLATE_HEADER_ROW = 2;

/**
 * Adds the table after the last sheet and shows it; returns the sheet's name (「县域指标表 (2)」
 * when the name is taken).
 *
 * @example
 * insertCountyTable(window.Application); // "县域指标表"
 */
export function insertCountyTable(app: EtApplication): string {
  const workbook = activeWorkbook(app);
  const sheets = sheetsOf(workbook);
  const name = uniqueSheetName(TEMPLATE_SHEET, new Set(sheets.map((s) => sheetKey(s.name))));
  const sheet = workbook.Worksheets.Add(null, sheets[sheets.length - 1]?.sheet ?? null);
  sheet.Name = name;
  const width = TEMPLATE_COLUMNS.length;
  const row = (cells: string[]) => [...cells, ...Array(width - cells.length).fill("")];
  const last = columnsAddress(width - 1, width - 1).split(":")[0];
  sheet.Range(`A1:${last}${TEMPLATE_HEADER_ROW + 1}`).Formula = [
    row([TITLE]),
    row([UNIT_LINE]),
    TEMPLATE_COLUMNS.map((c) => c.header),
  ];
  sheet.Range(`A1:${last}1`).Merge(false);
  sheet.Range("A1").Font.Bold = true;
  sheet.Range("A1").Font.Size = 14;
  const header = sheet.Range(`A${TEMPLATE_HEADER_ROW + 1}:${last}${TEMPLATE_HEADER_ROW + 1}`);
  header.Font.Bold = true;
  header.WrapText = true;
  TEMPLATE_COLUMNS.forEach((column, i) => {
    sheet.Range(columnsAddress(i, i)).ColumnWidth = column.width;
  });
  sheet.Activate();
  return name;
}
