import { STAGE_NAMES, type Diagnostic, type GuaranteeCheck } from "../engine";
import { FMT, numberCell, textCell } from "./cells";
import { countyLabel, type ReportContext } from "./context";
import { printSetup, SheetLayout } from "./layout";
import type { PlannedCell, PlannedSheet } from "./plan";
import { plainA1, sheetRef } from "./refs";
import { appendRowReconciliation, rowsLeftOutUnlisted } from "./rowReconciliation";

const LEVEL: Record<Diagnostic["level"], string> = { error: "错误", warning: "警告", info: "提示" };

/** A cell's place as text, linked when it is a plain address on a named sheet. */
function placeCell(sheet: string, cell: string): PlannedCell {
  const address = plainA1(cell);
  const text = sheet ? (cell ? `${sheet}!${cell}` : sheet) : cell;
  return address && sheet ? textCell(text, "link", sheetRef(sheet, address)) : textCell(text);
}

/** An item no school of a sheet could be checked by (its column is missing), in one county. */
interface MissingColumn {
  /** The first of the county's checks it stands for: its item, county, sheet and message. */
  first: GuaranteeCheck;
  schools: number;
}

/**
 * The school guarantee checks 数据诊断 lists: the failed ones and the unchecked ones school by
 * school, except where no school of the sheet could be checked for the item at all (the sheet lacks
 * its column): those are one row per county and message, naming the column to add. A city
 * without the 音乐、美术专用教室 columns would otherwise list 40,000 identical rows and bury the
 * failures; each school's 未核查 still shows in 学校达标. An item checked for some schools of the
 * sheet keeps its unchecked schools listed by name: their cells are the ones to fill.
 *
 * @example
 * guaranteeRows(result.guarantees).missingColumns[0];
 * // { first: { id: "G3", name: "音乐专用教室", county: "第1县", … }, schools: 300 }
 */
export function guaranteeRows(checks: readonly GuaranteeCheck[]): {
  failed: GuaranteeCheck[];
  unchecked: GuaranteeCheck[];
  missingColumns: MissingColumn[];
} {
  // Each check's item on its sheet (and stage: each stage has its own columns), keyed once.
  const items = checks.map(
    (g) => `${g.source?.sheet ?? ""}\u0000${g.id}\u0000${g.name}\u0000${g.stage ?? ""}`
  );
  const checkedItems = new Set(items.filter((_, i) => checks[i].pass !== null));
  const failed: GuaranteeCheck[] = [];
  const unchecked: GuaranteeCheck[] = [];
  const missing = new Map<string, MissingColumn>();
  for (let i = 0; i < checks.length; i++) {
    const g = checks[i];
    if (g.pass === false) failed.push(g);
    if (g.pass !== null) continue;
    const key = items[i];
    if (checkedItems.has(key)) {
      unchecked.push(g);
      continue;
    }
    const group = `${key}\u0000${g.county}\u0000${g.message}`;
    const m = missing.get(group);
    if (m) m.schools++;
    else missing.set(group, { first: g, schools: 1 });
  }
  return { failed, unchecked, missingColumns: [...missing.values()] };
}

/**
 * 数据诊断: what was read from which sheet and how its columns were mapped (with the reader's
 * confidence), the sheets skipped, the rows left out and why, the failed school-level guarantee
 * checks, and every diagnostic with its sheet and cell.
 */
export function buildDiagnosticsSheet(ctx: ReportContext): PlannedSheet {
  const { result, read } = ctx.input;
  const sheet = new SheetLayout("diagnostics", ctx.names.diagnostics, [16, 14, 12, 28, 12, 60]);
  sheet.append([textCell("数据诊断", "title")]);
  sheet.merge(0, 0, 0, 5);
  sheet.append([
    textCell(
      "读取了哪些表、各列识别为什么、哪些学校未计入及原因，以及所有需要核对的单元格。",
      "subtitle"
    ),
  ]);
  sheet.merge(1, 0, 1, 5);
  sheet.skip();

  const section = (title: string, headers: string[]) => {
    sheet.append([textCell(title, "subtitle")]);
    sheet.append(headers.map((h) => textCell(h, "header")));
  };
  const none = (text: string) => sheet.append([textCell(text, "note")]);

  // It opens with every source row accounted for: the sums close, or the 差额 shows red.
  appendRowReconciliation(sheet, result);

  section("一、读取的表", ["工作表", "表头行", "数据行", "单位", "学校行数", ""]);
  const tables = read?.tables ?? [];
  if (!read) none("（审计结果未附带读取信息）");
  else if (tables.length === 0) none("（没有识别出学校数据表）");
  for (const t of tables) {
    sheet.append([
      textCell(t.sheet),
      textCell(`第${t.headerRows[0]}–${t.headerRows[1]}行`),
      textCell(t.dataRows ? `第${t.dataRows[0]}–${t.dataRows[1]}行` : "无"),
      textCell(t.units.join("、")),
      numberCell(t.records, FMT.count),
    ]);
  }
  sheet.skip();

  // Fields are named by their Chinese label from the catalogue: internal ids stay out of the staffer's view.
  section("二、列的识别", ["工作表", "列", "表头", "识别为", "置信度"]);
  if (tables.every((t) => t.columns.length === 0)) none("（无）");
  for (const t of tables) {
    for (const c of t.columns) {
      sheet.append([
        placeCell(t.sheet, ""),
        textCell(c.letter),
        textCell(c.header),
        textCell(c.label),
        numberCell(c.confidence, FMT.confidence),
      ]);
    }
  }
  sheet.skip();

  section("三、未读取的工作表", ["工作表", "原因"]);
  const skipped = read?.skipped ?? [];
  if (skipped.length === 0) none("（无）");
  for (const s of skipped) sheet.append([textCell(s.sheet), textCell(s.reason)]);
  sheet.skip();

  section("四、未计入的学校", ["区县", "学校名称", "学段", "位置", "", "原因"]);
  const hiddenRows = read?.hiddenRows ?? [];
  const unlisted = rowsLeftOutUnlisted(result);
  if (result.excluded.length === 0 && hiddenRows.length === 0 && unlisted.length === 0)
    none("（无）");
  for (const h of hiddenRows) {
    sheet.append([
      textCell(""),
      textCell(h.name),
      textCell(""),
      placeCell(h.sheet, h.cell ?? `A${h.row}`),
      null,
      textCell("该行在工作簿中被隐藏或筛选掉，未审计（设置「审计隐藏行」可计入）"),
    ]);
  }
  for (const e of result.excluded) {
    sheet.append([
      textCell(countyLabel(e.county)),
      textCell(e.name),
      textCell(e.stage ? STAGE_NAMES[e.stage] : e.rowLeftOut ? "" : "全校"),
      e.source
        ? placeCell(e.source.sheet, e.source.cell ?? (e.source.row > 0 ? `A${e.source.row}` : ""))
        : textCell(""),
      null,
      textCell(e.reason),
    ]);
  }
  // Rows with figures but no name, and rows read twice: counted in 〇, listed here.
  for (const e of unlisted) {
    sheet.append([
      textCell(""),
      textCell(e.name),
      textCell(""),
      placeCell(e.sheet, e.cell),
      null,
      textCell(e.reason),
    ]);
  }
  sheet.skip();

  section("五、学校保障项未通过或未核查", ["区县", "学校名称", "项目", "位置", "", "说明"]);
  // 未核查 rows (no column to check by) follow the failures, each naming the column to add.
  const { failed, unchecked, missingColumns } = guaranteeRows(result.guarantees);
  if (failed.length + unchecked.length + missingColumns.length === 0) none("（无）");
  for (const g of [...failed, ...unchecked]) {
    sheet.append([
      textCell(countyLabel(g.county)),
      textCell(g.school),
      textCell(`${g.id} ${g.name}`),
      g.source ? placeCell(g.source.sheet, g.source.cell ?? "") : textCell(""),
      null,
      textCell(g.message),
    ]);
  }
  for (const m of missingColumns) {
    sheet.append([
      textCell(countyLabel(m.first.county)),
      textCell(`${m.schools}所学校`),
      textCell(`${m.first.id} ${m.first.name}`),
      placeCell(m.first.source?.sheet ?? "", ""),
      null,
      textCell(m.first.message),
    ]);
  }
  sheet.skip();

  section("六、诊断信息", ["级别", "代码", "工作表", "单元格", "", "说明"]);
  if (result.diagnostics.length === 0) none("（无）");
  for (const d of result.diagnostics) {
    sheet.append([
      textCell(LEVEL[d.level] ?? d.level),
      textCell(d.code),
      textCell(d.sheet),
      placeCell(d.sheet, d.cell),
      null,
      textCell(d.message),
    ]);
  }
  return sheet.build({ freeze: { rows: 2, columns: 0 }, page: printSetup(0, 1) });
}
