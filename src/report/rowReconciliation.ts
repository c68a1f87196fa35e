/** 数据诊断's opening block: every row of each school table accounted for, the sums as formulas. */
import type { AuditResult, SourceRowAccount } from "../engine";
import { FMT, formulaCell, numberCell, textCell } from "./cells";
import type { SheetLayout } from "./layout";
import { cellA1 } from "./refs";

type Excluded = SourceRowAccount["excluded"][number];

/** The non-school rows by kind, in the order they are shown, with their labels. */
const SKIPPED: [keyof SourceRowAccount["skipped"], string, string][] = [
  ["blank", "空行", ""],
  ["title", "标题和单位行", "表头以上的标题和「填报单位：」「单位：」行"],
  ["total", "合计小计行", "合计、小计、总计等行，不是学校"],
  ["footnote", "注释落款行", "「注：」「填表人：」等行及其下各行"],
  ["section", "学段分节行", "如「一、小学」"],
  ["repeatedHeader", "重复表头行", "分页打印时重复的表头"],
  ["noData", "无校名无数据", "既无学校名称也无数据的行，如只有序号的行"],
];

/** The school rows not audited by kind, with their labels. */
const EXCLUDED: [Excluded["kind"], string, string][] = [
  ["badData", "数据有误未读入", "在校生数或学段有误，逐行见「四、未计入的学校」"],
  ["noName", "无校名未读入", "有数据但没有学校名称，逐行见「四、未计入的学校」"],
  ["hidden", "隐藏行未审计", "隐藏或筛选掉的行，逐行见「四、未计入的学校」"],
  [
    "duplicate",
    "重复行未计入",
    "同一学校同一学段重复的行，或整张表与前面的表重复，逐行见「四、未计入的学校」",
  ],
  [
    "notCounted",
    "按规定不计入",
    "特殊教育学校、职业学校、不足50人的教学点、按设置不计入的民办学校等，逐行见「四、未计入的学校」",
  ],
];

/** Column of the counts in 数据诊断 (its third column). */
const COUNT = 2;

/**
 * Appends, for each school table, its used range = header rows + schools audited + rows skipped
 * (blank, 合计, 注 …) + school rows left out (by why): the counts as found, their sum and the
 * difference from the used range as live formulas, the difference red unless it is 0. Kinds with
 * no row are not shown; the sum covers the block either way.
 *
 * @example
 * appendRowReconciliation(sheet, result); // 「小学」 已用区域 第1–40行 40 … 合计 =SUM(C6:C12) 差额 =C5-C13
 */
export function appendRowReconciliation(sheet: SheetLayout, result: AuditResult): void {
  const accounts = result.sourceRows ?? [];
  sheet.append([textCell("〇、各表逐行核对（已用区域的每一行都有去处）", "subtitle")]);
  sheet.append(["工作表", "项目", "行数", "说明"].map((h) => textCell(h, "header")));
  if (accounts.length === 0) {
    sheet.append([textCell("（审计结果未附带逐行核对）", "note")]);
    sheet.skip();
    return;
  }
  for (const a of accounts) {
    const usedRow = sheet.append([
      textCell(a.sheet),
      textCell("已用区域"),
      numberCell(a.rows, FMT.count),
      textCell(`第${a.firstRow}–${a.lastRow}行`),
    ]);
    const line = (label: string, count: number, note: string) =>
      sheet.append([null, textCell(label), numberCell(count, FMT.count), textCell(note)]);
    const first = line("表头行", a.header, "表头及其下的列号行");
    line("审计的学校", a.schools, "每行一所学校（一贯制学校分学段审计）");
    for (const [kind, label, note] of SKIPPED)
      if (a.skipped[kind] > 0) line(label, a.skipped[kind], note);
    for (const [kind, label, note] of EXCLUDED) {
      const n = a.excluded.filter((e) => e.kind === kind).length;
      if (n > 0) line(label, n, note);
    }
    const last = sheet.next - 1;
    const counted =
      a.header +
      a.schools +
      Object.values(a.skipped).reduce((s, n) => s + n, 0) +
      a.excluded.length;
    const sumRow = sheet.append([
      null,
      textCell("合计"),
      formulaCell(`SUM(${cellA1(first, COUNT)}:${cellA1(last, COUNT)})`, counted, FMT.count),
      textCell("应等于已用区域的行数"),
    ]);
    const diffRow = sheet.append([
      null,
      textCell("差额"),
      formulaCell(
        `${cellA1(usedRow, COUNT)}-${cellA1(sumRow, COUNT)}`,
        a.rows - counted,
        FMT.count
      ),
      textCell("应为0；不为0说明有行未归类，请联系开发者"),
    ]);
    const at = cellA1(diffRow, COUNT);
    sheet.conditionalFormats.push({
      range: at,
      rules: [
        { formula: `${at}<>0`, style: "fail" },
        { formula: `${at}=0`, style: "pass" },
      ],
    });
  }
  sheet.skip();
}

/**
 * The left-out rows the audit's excluded[] does not list (no school name, duplicates), for
 * 「四、未计入的学校」: with them every row the reconciliation counts as left out is listed.
 */
export function rowsLeftOutUnlisted(result: AuditResult): (Excluded & { sheet: string })[] {
  return (result.sourceRows ?? []).flatMap((a) =>
    a.excluded
      .filter((e) => e.kind === "noName" || e.kind === "duplicate")
      .map((e) => ({ ...e, sheet: a.sheet }))
  );
}
