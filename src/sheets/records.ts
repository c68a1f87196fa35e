/** The row loop of a table: which rows are schools, which are totals, sections, footnotes. */
import type { Stage } from "../engine/types";
import { parseFieldId, isTextField, type FieldId } from "./fields";
import { parseNumberCell, type ParsedNumber } from "./numbers";
import {
  plan,
  type NumberCell,
  type Roles,
  type RowRecord,
  type TableContext,
} from "./row-context";
import { isFootnoteText, isMetaText, isTotalText, sectionOf } from "./rows";
import { readSchoolRow } from "./school-row";
import { pathOrders } from "./source-cells";
import { kindHint } from "./kinds";
import { cellText, foldText, rawText } from "./text";
import type { LeftOutRow, SkippedRowKind } from "./types";
import type { SheetView } from "./view";
import { isNameHeader } from "./vocabulary";

export type { RowRecord, TableContext } from "./row-context";

export interface RowsRead {
  rows: RowRecord[];
  /** Text of the footnote rows (「注：…」) that ended the table. */
  footnotes: string[];
  /** Whole-school figures of through-train rows that have no per-stage place (classes, ratios). */
  droppedWhole: Set<FieldId>;
  /** Total rows skipped (小计, 合计 …): their label and the label's cell. */
  totals: { label: string; address: string }[];
  /** School rows hidden or filtered out in the workbook and left out (see TableContext.includeHidden). */
  hidden: { name: string; row: number; address: string }[];
  /** School rows left out for a bad 在校生数, with the cell and the text found. */
  rejected: NonNullable<TableContext["rejected"]>;
  /** Stages named by rows that yielded no record (their 学段 cell, section or school name), with the first name cell. */
  unreadStages: Map<Stage, string>;
  /** The data rows (from the table's first data row on) that are not schools, by kind. */
  skipped: Record<SkippedRowKind, number>;
  /** Data rows that hold a school (or figures) and yielded no record, with why. */
  leftOut: LeftOutRow[];
}

/** A count of zero for every kind of skipped row. */
export function noSkippedRows(): Record<SkippedRowKind, number> {
  return {
    blank: 0,
    title: 0,
    total: 0,
    footnote: 0,
    section: 0,
    repeatedHeader: 0,
    noData: 0,
  };
}

/** Why a hidden row is left out, wherever it is listed. */
export const HIDDEN = "该行在工作簿中被隐藏或筛选掉，未审计（设置「审计隐藏行」可计入）";

/** Footnote rows read for an owner-code legend once the table has ended. */
const MAX_FOOTNOTE_ROWS = 30;
const EMPTY: ParsedNumber = Object.freeze({ kind: "empty" });

/** The first non-empty cell's folded text: where totals, footnotes and section labels sit. */
function firstText(view: SheetView, row: number): string {
  const n = view.length(row);
  for (let c = 0; c < n; c++) {
    const t = cellText(view.cell(row, c));
    if (t !== "") return t;
  }
  return "";
}

/**
 * A footnote or sign-off row ends the table. A 「*」/「**」 line is a footnote only when it is the
 * whole row: 「**实验学校｜800｜…」 is a school whose name carries a mark.
 */
function isFootnoteRow(view: SheetView, r: number, lead: string, nameText: string): boolean {
  const text = isFootnoteText(lead) ? lead : isFootnoteText(nameText) ? nameText : "";
  if (text === "") return false;
  if (!/^\*/.test(text)) return true;
  let filled = 0;
  const n = view.length(r);
  for (let c = 0; c < n && filled < 2; c++) if (cellText(view.cell(r, c)) !== "") filled++;
  return filled < 2;
}

/** Reads the rows of one table into records: skips totals, blanks and sections, stops at footnotes. */
export function readRows(table: TableContext): RowsRead {
  const rejected: NonNullable<TableContext["rejected"]> = [];
  const ctx: TableContext = { ...table, rejected, paths: pathOrders(), factorSets: new Map() };
  const { view, columns, sink } = ctx;
  const col = (field: FieldId) => columns.find((c) => c.field === field);
  const nameCol = col("name")!;
  const seqCol = col("seq");
  const countyCol = col("county");
  const roles: Roles = {
    name: nameCol,
    seq: seqCol,
    county: countyCol,
    code: col("code"),
    owner: col("owner"),
    stage: col("stage"),
    countsAsSchool: col("countsAsSchool"),
  };
  const numberCols = columns
    .filter((c) => !isTextField(parseFieldId(c.field).base))
    .map((c) => plan(c, ctx.factors));
  const nameHeader = foldText(nameCol.header);
  const out: RowsRead = {
    rows: [],
    footnotes: [],
    droppedWhole: new Set(),
    totals: [],
    hidden: [],
    rejected,
    unreadStages: new Map(),
    skipped: noSkippedRows(),
    leftOut: [],
  };
  const skip = (kind: SkippedRowKind) => out.skipped[kind]++;
  const numbers: NumberCell[] = numberCols.map((column) => ({ column, parsed: EMPTY }));
  let section: Stage | null = null;
  let county = "";
  const counties = new Map<string, string>();

  for (let r = ctx.dataStart; r < view.rowCount; r++) {
    if (view.isBlankRow(r)) {
      skip("blank");
      continue;
    }
    const nameValue = ctx.text(r, nameCol.column);
    const nameText = cellText(nameValue);
    const seqText = seqCol ? cellText(view.cell(r, seqCol.column)) : "";
    const lead = firstText(view, r);
    if (isFootnoteRow(view, r, lead, nameText)) {
      for (let f = r; f < Math.min(view.rowCount, r + MAX_FOOTNOTE_ROWS); f++) {
        const t = firstText(view, f);
        if (t) out.footnotes.push(t);
      }
      // Everything from the footnote down is the footnote block (blank rows apart).
      for (let f = r; f < view.rowCount; f++) skip(view.isBlankRow(f) ? "blank" : "footnote");
      break;
    }
    if (isTotalText(nameText) || isTotalText(seqText) || isTotalText(lead)) {
      const label = [nameValue, view.cell(r, seqCol?.column ?? -1)].find(
        (v) => typeof v === "string" && isTotalText(cellText(v))
      );
      const at = label === nameValue ? nameCol.column : (seqCol?.column ?? nameCol.column);
      out.totals.push({
        label: rawText(typeof label === "string" ? label : lead),
        address: view.address(r, at),
      });
      skip("total");
      continue;
    }
    if (isMetaText(nameText) || isMetaText(lead)) {
      skip("title");
      continue;
    }
    // One NumberCell per column, refilled for every row: nothing keeps them past their row.
    for (const n of numbers) n.parsed = parseNumberCell(view.cell(r, n.column.column));
    const hasNumber = numbers.some((n) => n.parsed.kind === "number");
    if (!hasNumber) {
      const heading = sectionOf(nameText || lead);
      if (heading) {
        section = heading.stage;
        skip("section");
        continue;
      }
    }
    if (nameText !== "" && (nameText === nameHeader || isNameHeader(nameText))) {
      skip("repeatedHeader"); // a header repeated on a printed page
      continue;
    }
    if (countyCol) {
      const c = rawText(ctx.text(r, countyCol.column));
      // One string per county for all its records (inline strings give each row its own copy).
      if (c) county = counties.get(c) ?? (counties.set(c, c), c);
    }
    if (typeof nameValue !== "string" || nameText === "") {
      if (hasNumber) {
        const address = view.address(r, nameCol.column);
        const why = `有数据但学校名称（${view.name}!${address}）${nameText ? "不是文字" : "为空"}`;
        sink.add(
          "warning",
          "sheets.name-missing",
          view.name,
          address,
          `工作表「${view.name}」第${view.sheetRow(r)}行有数据但学校名称（${address}）${nameText ? "不是文字" : "为空"}；该行未读入，应填写学校名称。`
        );
        out.leftOut.push({
          kind: "noName",
          row: view.sheetRow(r),
          cell: address,
          name: nameText,
          reason: `${why}，该行未读入`,
        });
      } else skip("noData");
      continue;
    }
    if (!ctx.includeHidden && view.isHidden(r)) {
      // Hidden and filtered-out rows are left out by default (a 撤并 school kept out of sight, say) and listed.
      const hidden = {
        name: nameValue.trim(),
        row: view.sheetRow(r),
        address: view.address(r, nameCol.column),
      };
      out.hidden.push(hidden);
      out.leftOut.push({
        kind: "hidden",
        row: hidden.row,
        cell: hidden.address,
        name: hidden.name,
        reason: HIDDEN,
      });
      continue;
    }
    const rejectedBefore = rejected.length;
    const row = readSchoolRow(
      ctx,
      roles,
      { r, name: nameValue.trim(), nameText, numbers, section, county },
      out.droppedWhole
    );
    // A row left out for bad data is rejected with its cell: it carries the row's county.
    for (let i = rejectedBefore; i < rejected.length; i++) if (county) rejected[i].county = county;
    if (row) out.rows.push(row);
    else {
      const why = rejected.length > rejectedBefore ? rejected[rejected.length - 1] : null;
      out.leftOut.push({
        kind: "badData",
        row: view.sheetRow(r),
        cell: why?.cell ?? view.address(r, nameCol.column),
        name: nameValue.trim(),
        reason: why?.reason ?? "该行未读入（原因见诊断信息）",
      });
      // A row that names a stage and yields nothing: its stage may end up with no school at all.
      const stageCell = roles.stage ? cellText(ctx.text(r, roles.stage.column)) : "";
      const stage =
        kindHint(stageCell)?.stage ?? section ?? ctx.sheetStage ?? kindHint(nameText)?.stage;
      if (stage && !out.unreadStages.has(stage))
        out.unreadStages.set(stage, view.address(r, nameCol.column));
    }
  }
  return out;
}
