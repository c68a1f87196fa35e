import { fieldLabelOf, isKnownField, parseFieldId, type FieldId } from "./fields";
import type { HeaderBand } from "./header";
import { parseNumberCell } from "./numbers";
import { isFootnoteText, isTotalText } from "./rows";
import { cellText, clip } from "./text";
import type { ColumnMapping, ColumnOverride } from "./types";
import type { DiagnosticSink } from "./diag";
import { MAX_COLUMNS, type SheetView } from "./view";

/** A field read from a column. */
export interface MappedColumn {
  field: FieldId;
  column: number;
  header: string;
  confidence: number;
  /** Unit written in the header, folded. */
  unit?: string;
  /** A 「其中：」 column, part of the row's total (see HeaderMatch.part). */
  part?: boolean;
}

/** The columns the header band names. */
export function autoColumns(band: HeaderBand): MappedColumn[] {
  return band.columns
    .filter((c) => c.match)
    .map((c) => ({
      field: c.match!.field,
      column: c.column,
      header: c.header,
      confidence: c.match!.confidence,
      ...(c.match!.unit ? { unit: c.match!.unit } : {}),
      ...(c.match!.part ? { part: true } : {}),
    }));
}

/**
 * Applies the user's overrides for one sheet: a field moves to the chosen column (taking it from
 * any field that held it) or, with column null, is not used. Overrides naming an unknown field or
 * an impossible column are reported and ignored.
 */
export function applyOverrides(
  columns: MappedColumn[],
  band: HeaderBand | null,
  overrides: readonly ColumnOverride[],
  view: SheetView,
  sink: DiagnosticSink
): MappedColumn[] {
  let result = [...columns];
  for (const o of overrides) {
    const field = typeof o?.field === "string" ? o.field : "";
    if (!isKnownField(field)) {
      sink.add(
        "warning",
        "sheets.override-invalid",
        view.name,
        "",
        `列设置中的字段「${clip(String(field))}」无法识别，已忽略；请从字段列表中选择。`
      );
      continue;
    }
    if (
      o.column !== null &&
      !(Number.isInteger(o.column) && o.column >= 0 && o.column < MAX_COLUMNS)
    ) {
      sink.add(
        "warning",
        "sheets.override-invalid",
        view.name,
        "",
        `「${fieldLabelOf(field)}」的列设置（${clip(String(o.column))}）不是有效的列号，已忽略；应为0到${MAX_COLUMNS - 1}之间的整数。`
      );
      continue;
    }
    result = result.filter((c) => c.field !== field && c.column !== o.column);
    if (o.column === null) continue;
    const header = band?.columns[o.column]?.header ?? "";
    const unit = band?.columns[o.column]?.match?.unit;
    result.push({ field, column: o.column, header, confidence: 1, ...(unit ? { unit } : {}) });
  }
  return result.sort((a, b) => a.column - b.column);
}

/**
 * When no header names the school, the first of the leading columns whose data cells are mostly
 * words (not numbers, not totals) is taken as the name column, with a low confidence.
 */
export function fallbackNameColumn(
  view: SheetView,
  band: HeaderBand,
  columns: MappedColumn[]
): MappedColumn | null {
  const used = new Set(columns.map((c) => c.column));
  const width = Math.min(4, band.columns.length);
  for (let c = 0; c < width; c++) {
    if (used.has(c)) continue;
    let words = 0;
    let filled = 0;
    let seen = 0;
    for (let r = band.dataStart; r < view.rowCount && seen < 50; r++) {
      const v = view.cell(r, c);
      const text = cellText(v);
      if (text === "" || isTotalText(text) || isFootnoteText(text)) continue;
      seen++;
      filled++;
      if (typeof v === "string" && parseNumberCell(v).kind === "invalid") words++;
    }
    if (filled > 0 && words >= filled * 0.6) {
      return { field: "name", column: c, header: band.columns[c]?.header ?? "", confidence: 0.5 };
    }
  }
  return null;
}

/** The mapping as the task pane shows it. */
export function columnMappings(columns: readonly MappedColumn[], view: SheetView): ColumnMapping[] {
  return columns.map((c) => ({
    field: c.field,
    label: fieldLabelOf(c.field),
    column: c.column,
    letter: view.letters(c.column),
    header: c.header,
    confidence: c.confidence,
  }));
}

/** True for fields that count towards an indicator (teachers, facilities, ratios the sheet holds). */
export function isIndicatorField(field: FieldId): boolean {
  return /^(teachers|facilities|given)\./.test(parseFieldId(field).base);
}
