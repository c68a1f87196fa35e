import type { PathNode } from "./source-cells";
import type { SchoolRecord, Stage } from "../engine/types";
import type { DiagnosticSink } from "./diag";
import { fieldPath, parseFieldId, type FieldId } from "./fields";
import type { CellValue } from "./grid";
import type { MappedColumn } from "./mapping";
import type { ParsedNumber } from "./numbers";
import type { RejectedRow } from "./types";
import type { SheetView } from "./view";

/** Types shared by the row loop (records.ts) and the school-row reader (school-row.ts). */

/** What the row reader needs to know about a table. */
export interface TableContext {
  view: SheetView;
  columns: readonly MappedColumn[];
  /** Unit factor per field (10000 for a 万元 column); absent means 1. */
  factors: ReadonlyMap<FieldId, number>;
  /** The stage the sheet's name gives, if any. */
  sheetStage: Stage | null;
  dataStart: number;
  /** Text cells read through merged areas. */
  text: (row: number, col: number) => CellValue;
  sink: DiagnosticSink;
  /** Read hidden and filtered-out rows too (setting includeHiddenRows); by default they are left out. */
  includeHidden?: boolean;
  /** Collects the school rows left out for a bad 在校生数 (sheet-less; sheet.ts adds the sheet). */
  rejected?: Omit<RejectedRow, "sheet">[];
  /** The orders of source-cell paths the table's records share (see source-cells.ts). */
  paths?: PathNode;
  /** Unit factors the table's records share, by their content (see school-row.ts). */
  factorSets?: Map<string, Record<string, number>>;
}

/** A record read from a row, with the owner text to decode once the footnotes are known. */
export interface RowRecord {
  record: SchoolRecord;
  ownerText: string;
}

/** A number column with what every row needs precomputed (the reader's hot loop runs 100,000 times). */
export interface PlannedColumn extends MappedColumn {
  base: string;
  /** First segment of the base ("teachers") and the rest ("byDegree.master"). */
  group: string;
  key: string;
  stage?: Stage;
  factor: number;
  /** Field path per target: "primary", "junior", "whole", or "" when the field has no stage. */
  paths: Record<string, string>;
}

export interface NumberCell {
  column: PlannedColumn;
  parsed: ParsedNumber;
}

/** The columns a row reader looks up by role. */
export interface Roles {
  name: MappedColumn;
  seq?: MappedColumn;
  county?: MappedColumn;
  code?: MappedColumn;
  owner?: MappedColumn;
  stage?: MappedColumn;
  countsAsSchool?: MappedColumn;
}

export function plan(column: MappedColumn, factors: ReadonlyMap<FieldId, number>): PlannedColumn {
  const { base, stage } = parseFieldId(column.field);
  const paths: Record<string, string> = { "": fieldPath(base) };
  for (const target of ["primary", "junior", "whole"] as const)
    paths[target] = fieldPath(base, target);
  const dot = base.indexOf(".");
  const group = dot < 0 ? base : base.slice(0, dot);
  const key = dot < 0 ? "" : base.slice(dot + 1);
  return {
    ...column,
    base,
    group,
    key,
    ...(stage ? { stage } : {}),
    factor: factors.get(column.field) ?? 1,
    paths,
  };
}

/** One school row as the row loop hands it to the school-row reader. */
export interface RowInput {
  /** The row's index in the sheet view. */
  r: number;
  name: string;
  /** The name as folded for kind words (「九年一贯制」 …). */
  nameText: string;
  numbers: NumberCell[];
  /** The stage a section row above it named (「一、小学」), if any. */
  section: Stage | null;
  county: string;
}

export type PupilCount = { stage: Stage; value: number; cell: NumberCell };
