import { STAGE_NAMES, type SchoolRecord, type Stage } from "../engine/types";
import { sheetStage } from "./kinds";
import { DiagnosticSink } from "./diag";
import type { SheetGrid } from "./grid";
import { readSheet } from "./sheet";
import { qualifySameNames, SchoolRegistry } from "./duplicates";
import { clip } from "./text";
import type {
  HiddenRow,
  ReadOptions,
  ReadResult,
  RejectedRow,
  RowAccount,
  SkippedSheet,
  TableInfo,
} from "./types";
import type { HeaderMatch } from "./vocabulary";
import { parseFieldId } from "./fields";
import { sheetView } from "./view";

/**
 * Reads school records from the grids of a workbook: every sheet is scored, school tables are read
 * (one per stage or one for all), other sheets are skipped with the reason. Never throws: whatever
 * a grid holds, the result lists what could be read and diagnostics for the rest.
 *
 * @example
 * const { records } = readSheets([{ name: "小学", merges: [], rows: [
 *   ["学校名称", "在校生数", "县级及以上骨干教师数"],
 *   ["城关小学", 1200, 15],
 * ] }]);
 * // records[0]: { name: "城关小学", kind: "primary", stages: { primary: { pupils: 1200, teachers: { backbone: 15 } } },
 * //   source: { sheet: "小学", row: 2, cells: { name: "A2", "pupils.primary": "B2", "teachers.primary.backbone": "C2" } } }
 */
export function readSheets(grids: SheetGrid[], options: ReadOptions = {}): ReadResult {
  const sink = new DiagnosticSink();
  const records: SchoolRecord[] = [];
  const tables: TableInfo[] = [];
  const skipped: SkippedSheet[] = [];
  const hiddenRows: HiddenRow[] = [];
  const rejectedRows: RejectedRow[] = [];
  const rowAccounts: RowAccount[] = [];
  /** Where the workbook names each stage: the sheet and cell to point the user to. */
  const named = new Map<Stage, { sheet: string; cell: string; how: string }>();
  const nameStage = (stage: Stage | null | undefined, sheet: string, cell: string, how: string) => {
    if (stage && !named.has(stage)) named.set(stage, { sheet, cell, how });
  };
  const memo = new Map<string, HeaderMatch | null>();
  const registry = new SchoolRegistry();
  const list: unknown[] = Array.isArray(grids) ? grids : [];
  const overrides = Array.isArray(options?.overrides) ? options.overrides : [];
  const names: string[] = [];
  list.forEach((grid, index) => {
    let name = `第${index + 1}个工作表`;
    try {
      const view = sheetView(grid as SheetGrid);
      name = view.name || name;
      names.push(name);
      nameStage(sheetStage(view.name), view.name, "", `工作表名「${clip(view.name)}」`);
      const mine = overrides.filter((o) => o && o.sheet === view.name);
      const outcome = readSheet(view, mine, sink, memo, options ?? {});
      const { keys, copies } =
        outcome.kind === "table" ? registry.copies(outcome.records) : { keys: [], copies: 0 };
      if (outcome.kind === "table" && copies > 0) {
        const reason = `与前面的工作表重复（${copies}所学校已读入），未重复计入`;
        skipped.push({ sheet: name, reason });
        rowAccounts.push(leaveOut(outcome.account, outcome.records, () => `整张表${reason}`));
        sink.add(
          "warning",
          "sheets.duplicate-sheet",
          name,
          "",
          `工作表「${name}」的${outcome.records.length}所学校中有${copies}所已在前面的工作表读入，该表按重复表未计入，以免同一学校计算两次；如确是不同学校，请核对学校名称或学校代码。`
        );
      } else if (outcome.kind === "table") {
        const kept = registry.add(outcome.records, keys, sink);
        const keptSet = new Set(kept);
        const twice = outcome.records.filter((r) => !keptSet.has(r));
        rowAccounts.push(leaveOut(outcome.account, twice, () => DUPLICATE_ROW));
        tables.push(outcome.table);
        for (const r of kept) records.push(r);
        hiddenRows.push(...outcome.hidden);
        rejectedRows.push(...outcome.rejected);
        for (const [stage, cell] of outcome.unreadStages)
          nameStage(stage, name, cell, `${name}!${cell} 的行`);
      } else {
        skipped.push({ sheet: name, reason: outcome.reason });
        sink.add(
          "info",
          "sheets.sheet-skipped",
          name,
          "",
          `工作表「${name}」未读入：${outcome.reason}。`
        );
      }
    } catch (error) {
      // A reader bug must not stop the audit of the other sheets; say so in Chinese, no stack trace.
      skipped.push({ sheet: name, reason: "读取时出现内部错误" });
      sink.add(
        "error",
        "sheets.internal",
        name,
        "",
        `读取工作表「${name}」时出现内部错误，该表未读入（${clip(String((error as Error)?.message ?? error), 80)}）。`
      );
    }
  });
  qualifySameNames(records, sink);
  if (records.length > 0) noteRoomColumns(tables, sink);
  const unreadStages = unreadStagesOf(named, records, sink);
  if (records.length === 0) {
    const searched = names.length ? names.map((n) => `「${n}」`).join("、") : "（没有工作表）";
    const pupilsMissing = sink.list.some((d) => d.code === "sheets.pupils-column-missing");
    sink.add(
      "error",
      "sheets.no-school-table",
      "",
      "",
      pupilsMissing
        ? `未找到在校生数列，没有读到任何学校（已查找工作表：${searched}）。`
        : `没有读到任何学校：已查找工作表${searched}，未找到含「学校名称」和「在校生数」列的学校数据表。`
    );
  }
  return {
    records,
    tables,
    skipped,
    diagnostics: sink.finish(),
    hiddenRows,
    rejectedRows,
    unreadStages,
    rowAccounts,
  };
}

/** Why a school row read twice is left out the second time (数据诊断 names both cells). */
const DUPLICATE_ROW = "与前面的行是同一所学校的同一学段（重复行），只计一次";

/**
 * The account with the rows of these records moved from read to left out, with why: rows of a
 * sheet that repeats an earlier one, school parts read twice.
 */
function leaveOut(
  account: RowAccount,
  records: readonly SchoolRecord[],
  why: (r: SchoolRecord) => string
): RowAccount {
  if (records.length === 0) return account;
  const leftOut = [
    ...account.leftOut,
    ...records.map((r) => ({
      kind: "duplicate" as const,
      row: r.source?.row ?? 0,
      cell: r.source?.cells?.name ?? "",
      name: r.name,
      reason: why(r),
    })),
  ].sort((a, b) => a.row - b.row);
  return { ...account, read: account.read - records.length, leftOut };
}

/** What G3 (音乐、美术专用教室) needs from the school tables, with the column to add for each. */
const ROOM_COLUMNS: [string, string][] = [
  ["facilities.musicRooms", "音乐专用教室（间）"],
  ["facilities.musicRoomArea", "音乐专用教室面积（平方米）"],
  ["facilities.artRooms", "美术专用教室（间）"],
  ["facilities.artRoomArea", "美术专用教室面积（平方米）"],
  ["classes", "班级数"],
];

/**
 * Lists in 数据诊断 what the school tables lack for G3 (an export of the statistics system has no
 * music or art room sizes): the check is left unchecked, never guessed.
 */
function noteRoomColumns(tables: readonly TableInfo[], sink: DiagnosticSink): void {
  const mapped = new Set(tables.flatMap((t) => t.columns.map((c) => parseFieldId(c.field).base)));
  const missing = ROOM_COLUMNS.filter(([field]) => !mapped.has(field)).map(([, column]) => column);
  if (missing.length === 0) return;
  sink.add(
    "info",
    "sheets.room-columns-missing",
    tables[0]?.sheet ?? "",
    "",
    `学校表中没有${missing.map((c) => `「${c}」`).join("")}列：G3（每12个班级音乐、美术专用教室各1间以上，每间不小于96、90平方米）无法逐校核查，不作推测。如需核查，请在学校表中补充这些列。`
  );
}

/**
 * Stages the workbook names (sheet names, 学段 cells, school names) of which no school was read:
 * each is an error in 数据诊断, and the audit reports it 「未读到学校」 instead of passing the
 * county on the other stage alone.
 */
function unreadStagesOf(
  named: Map<Stage, { sheet: string; cell: string; how: string }>,
  records: readonly SchoolRecord[],
  sink: DiagnosticSink
): Stage[] {
  const read = new Set<string>();
  const wanted = [...named.keys()];
  for (const r of records) {
    for (const stage in r.stages) read.add(stage);
    if (wanted.every((s) => read.has(s))) break; // every named stage read: nothing to report
  }
  const unread: Stage[] = [];
  for (const [stage, where] of named) {
    if (read.has(stage)) continue;
    unread.push(stage);
    const label = STAGE_NAMES[stage];
    sink.add(
      "error",
      "sheets.stage-unread",
      where.sheet,
      where.cell,
      `${where.how}表明工作簿中有${label}学校，但没有读到任何${label}学校（表头未识别或各行都未读入，原因见上面的提示）；${label}未审计，县域结论为「未完成」。请修正后重新审计，或在「数据」页指定该表各字段所在的列。`
    );
  }
  return unread.sort();
}
