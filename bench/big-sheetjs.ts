/**
 * The bench's big workbook for sizes ExcelJS cannot build in memory (100k, 300k schools): the
 * same sheet as scripts/big-workbook.ts (title, unit line, 2-row header with merged groups, one
 * row per school, a 合计 row, a 注 line), written with SheetJS in dense mode. Values only: the
 * 合计 row holds the totals as numbers.
 * Run: npx tsx bench/big-sheetjs.ts out.xlsx 300000
 */
import * as XLSX from "@e965/xlsx";
import { BIG_SHEET, bigColumns, bigCountyRecords } from "../scripts/big-workbook";

type Value = string | number | null;

/** Writes the big workbook of `schools` school parts to `file`. */
export function writeBigWorkbook(file: string, schools: number): void {
  const columns = bigColumns();
  const records = bigCountyRecords(schools);
  const width = columns.length;
  const rows: Value[][] = [];
  rows.push(["某市2024年义务教育学校资源配置情况统计表", ...Array<Value>(width - 1).fill(null)]);
  rows.push([
    "填报单位：某市教育局（盖章）　　　　　　单位：人、平方米、万元",
    ...Array<Value>(width - 1).fill(null),
  ]);
  rows.push(columns.map((c) => c.group ?? c.header));
  rows.push(columns.map((c) => (c.group ? c.header : null)));
  const totals = columns.map(() => 0);
  records.forEach((record, i) => {
    rows.push(
      columns.map((c, col) => {
        const value = c.value(record, i);
        if (c.total && typeof value === "number") totals[col] += value;
        return value;
      })
    );
  });
  rows.push(
    columns.map((c, col) =>
      col === 2 ? "合计" : c.total ? Math.round(totals[col] * 100) / 100 : null
    )
  );
  rows.push([
    "注：本表为基准测试生成的虚构数据，学校名称均为虚构。",
    ...Array<Value>(width - 1).fill(null),
  ]);

  const sheet = XLSX.utils.aoa_to_sheet(rows, { dense: true } as XLSX.AOA2SheetOpts);
  const merges: XLSX.Range[] = [
    { s: { r: 0, c: 0 }, e: { r: 0, c: width - 1 } },
    { s: { r: 1, c: 0 }, e: { r: 1, c: width - 1 } },
    { s: { r: rows.length - 1, c: 0 }, e: { r: rows.length - 1, c: width - 1 } },
  ];
  columns.forEach((c, col) => {
    if (!c.group) merges.push({ s: { r: 2, c: col }, e: { r: 3, c: col } });
    else if (columns[col - 1]?.group !== c.group) {
      let end = col;
      while (columns[end + 1]?.group === c.group) end++;
      merges.push({ s: { r: 2, c: col }, e: { r: 2, c: end } });
    }
  });
  sheet["!merges"] = merges;
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, BIG_SHEET);
  XLSX.writeFile(book, file, { bookType: "xlsx", compression: true });
}

if (require.main === module) {
  const [file, n] = process.argv.slice(2);
  writeBigWorkbook(file, Number(n ?? 20000));
}
