/** One school row → one record: pupils and stage, kind, figures in their places, source cells. */
import {
  STAGE_NAMES,
  type SchoolKind,
  type SchoolRecord,
  type Stage,
  type StageFigures,
  type TeacherFigures,
} from "../engine/types";
import { fieldLabelOf, type FieldId } from "./fields";
import { kindHint, type KindHint } from "./kinds";
import { scaleValue, type ParsedNumber } from "./numbers";
import { cellUnitFactor } from "./units";
import type {
  NumberCell,
  PupilCount,
  Roles,
  RowRecord,
  TableContext,
  RowInput,
} from "./row-context";
import { cellText, clip, rawText } from "./text";
import type { SheetView } from "./view";
import { pathOrders, SourceCellsBuilder } from "./source-cells";

function describeParsed(parsed: ParsedNumber): string {
  switch (parsed.kind) {
    case "empty":
      return "为空";
    case "error":
      return `为错误值 ${parsed.text}`;
    case "invalid":
      return `为「${clip(parsed.text)}」，不是数字`;
    case "number":
      return parsed.value === 0 ? "为0" : `为${parsed.value}`;
  }
}

/** A cell's text as found, for the list of rows left out: 「1,2O0」, 「#N/A」, 「0」, "" when empty. */
function foundText(parsed: ParsedNumber): string {
  if (parsed.kind === "number") return String(parsed.value);
  return parsed.kind === "empty" ? "" : parsed.text;
}

function setTeacher(teachers: TeacherFigures, key: string, value: number): void {
  if (key.startsWith("byDegree.")) {
    teachers.byDegree ??= {};
    (teachers.byDegree as Record<string, number>)[key.slice("byDegree.".length)] = value;
  } else {
    (teachers as Record<string, unknown>)[key] = value;
  }
}

function pupilDiagnostic(
  ctx: TableContext,
  r: number,
  name: string,
  cell: NumberCell,
  left: boolean
): void {
  const address = ctx.view.address(r, cell.column.column);
  const what = `${fieldLabelOf(cell.column.field)}（${ctx.view.name}!${address}）${describeParsed(cell.parsed)}，应为大于0的人数`;
  ctx.sink.add(
    "warning",
    "sheets.pupils-invalid",
    ctx.view.name,
    address,
    `「${clip(name)}」的${what}${left ? "；该行未读入" : "；该学段未读入"}。`
  );
  // A row left out for its pupils is listed (数据诊断, 审计总览's 数据不完整), never dropped silently.
  if (left)
    ctx.rejected?.push({
      row: ctx.view.sheetRow(r),
      cell: address,
      name,
      text: foundText(cell.parsed),
      reason: `${what}，该行未读入`,
    });
}

/** A table's pupil cells, found once: readRows refills the same NumberCells for every row. */
const pupilCells = new WeakMap<
  readonly NumberCell[],
  { staged: NumberCell[]; single: NumberCell | null; senior: NumberCell | undefined }
>();
function pupilCellsOf(numbers: readonly NumberCell[]) {
  let cells = pupilCells.get(numbers);
  if (!cells) {
    cells = {
      staged: numbers.filter(
        (n) => n.column.field === "pupils.primary" || n.column.field === "pupils.junior"
      ),
      single: numbers.find((n) => n.column.field === "pupils") ?? null,
      senior: numbers.find((n) => n.column.field === "seniorPupils"),
    };
    pupilCells.set(numbers, cells);
  }
  return cells;
}

/** Per-stage pupils of a row: from 小学/初中在校生数 columns, else from one 在校生数 column. */
function readPupils(
  ctx: TableContext,
  r: number,
  name: string,
  numbers: NumberCell[],
  quiet: boolean
): { staged: PupilCount[]; single: NumberCell | null; total: NumberCell | null } | null {
  const complain = (cell: NumberCell, left: boolean) => {
    if (!quiet) pupilDiagnostic(ctx, r, name, cell, left);
  };
  const { staged, single } = pupilCellsOf(numbers);
  if (staged.some((n) => n.parsed.kind !== "empty")) {
    const counts: PupilCount[] = [];
    const bad: NumberCell[] = [];
    for (const n of staged) {
      if (n.parsed.kind === "number" && n.parsed.value > 0) {
        counts.push({ stage: n.column.stage!, value: n.parsed.value, cell: n });
      } else if (
        n.parsed.kind !== "empty" &&
        !(n.parsed.kind === "number" && n.parsed.value === 0)
      ) {
        bad.push(n);
      }
    }
    const usable =
      counts.length > 0 || (single?.parsed.kind === "number" && single.parsed.value > 0);
    // The row is left out when no stage has a usable count: the cell shown is the one that says why.
    const shown = usable ? null : (staged.find((n) => n.parsed.kind === "number") ?? bad[0]);
    for (const n of bad) if (n !== shown) complain(n, false);
    if (counts.length > 0) return { staged: counts, single: null, total: single };
    if (usable) return { staged: [], single, total: null };
    if (shown) complain(shown, true);
    return null;
  }
  const cell = single ?? staged[0];
  if (!cell) return null;
  if (cell.parsed.kind === "number" && cell.parsed.value > 0)
    return { staged: [], single: cell, total: null };
  complain(cell, true);
  return null;
}

/** 学段 cells repeat a few words over thousands of rows: their reading is cached. */
const stageHints = new Map<string, KindHint | null>();
function cachedKindHint(text: string): KindHint | null {
  let hint = stageHints.get(text);
  if (hint === undefined) {
    hint = kindHint(text);
    if (stageHints.size < 1000) stageHints.set(text, hint);
  }
  return hint;
}

/**
 * The kind a row is audited as. A 学段 cell names a stage, not what the school is: a special or
 * vocational school is excluded whenever its name or its 学校类型 cell says so, and a 教学点 in
 * its name stays a teaching point of the stage the 学段 cell gives.
 */
function decidingKind(
  fromColumn: KindHint | null,
  fromName: KindHint | null
): SchoolKind | undefined {
  for (const kind of ["special", "vocational", "teachingPoint"] as const) {
    if (fromColumn?.kind === kind || fromName?.kind === kind) return kind;
  }
  return fromColumn?.kind ?? fromName?.kind;
}

/** A special or vocational school as its 学段 / 办学类型 cell states it (a name like 「启明学校」 is no proof). */
function kindStated(fromColumn: KindHint | null): SchoolKind | undefined {
  return fromColumn?.kind === "special" || fromColumn?.kind === "vocational"
    ? fromColumn.kind
    : undefined;
}

function stageText(ctx: TableContext, roles: Roles, r: number): string {
  return roles.stage ? cellText(ctx.text(r, roles.stage.column)) : "";
}

/** The stage of a one-column row: 学段 column, section row, sheet name, then the school's name. */
function singleStage(
  ctx: TableContext,
  roles: Roles,
  r: number,
  name: string,
  fromColumn: KindHint | null,
  fromName: KindHint | null,
  section: Stage | null
): Stage | null {
  const stage = fromColumn?.stage ?? section ?? ctx.sheetStage;
  if (stage) return stage;
  const guess = fromName?.stage;
  const address = ctx.view.address(r, roles.name.column);
  if (guess) {
    const weak = fromName?.certainty === "weak";
    ctx.sink.add(
      weak ? "warning" : "info",
      weak ? "sheets.stage-guessed" : "sheets.stage-from-name",
      ctx.view.name,
      address,
      `「${clip(name)}」（${ctx.view.name}!${address}）表中没有学段，按校名判断为${STAGE_NAMES[guess]}${weak ? "（「中学」也可能是完全中学或高中，请在学段列注明）" : ""}。`
    );
    return guess;
  }
  return null;
}

function chooseKind(
  stages: Stage[],
  hint: SchoolKind | undefined,
  senior: number,
  stated?: SchoolKind
): SchoolKind {
  // A special school with pupils of both stages (the statistics system's 特殊教育学校 rows) stays
  // special when its 学段 / 办学类型 cell says so; a name like 「启明学校」 is no proof.
  if (stated) return stated;
  if (stages.length >= 2)
    return hint === "twelveYear" || hint === "nineYear"
      ? hint
      : senior > 0
        ? "twelveYear"
        : "nineYear";
  if (hint && hint !== "primary" && hint !== "junior") return hint;
  if (stages.length === 1) {
    if (stages[0] === "junior" && senior > 0) return "completeMiddle";
    return stages[0];
  }
  return hint ?? "primary";
}

/** Per-stage pupil counts of a row, or null (with a diagnostic) when its stage cannot be told. */
function rowStages(
  ctx: TableContext,
  roles: Roles,
  r: number,
  name: string,
  pupils: NonNullable<ReturnType<typeof readPupils>>,
  hints: {
    fromColumn: KindHint | null;
    fromName: KindHint | null;
    kindWord?: SchoolKind;
    notAudited: boolean;
  },
  section: Stage | null
): PupilCount[] | null {
  if (pupils.staged.length > 0 || !pupils.single) return pupils.staged;
  const value = (pupils.single.parsed as { value: number }).value;
  const stage = singleStage(ctx, roles, r, name, hints.fromColumn, hints.fromName, section);
  if (stage) return [{ stage, value, cell: pupils.single }];
  if (hints.notAudited) return [];
  const { view } = ctx;
  const address = view.address(r, roles.name.column);
  const through = hints.kindWord === "nineYear" || hints.kindWord === "twelveYear";
  const why = through
    ? "是一贯制学校，但只有一个在校生数且没有学段，无法分出小学和初中"
    : "无法判断学段（小学或初中）";
  ctx.sink.add(
    "warning",
    "sheets.stage-unknown",
    view.name,
    address,
    through
      ? `「${clip(name)}」（${view.name}!${address}）${why}；该行未读入。应分列填写小学、初中在校生数，或分成小学部、初中部两行。`
      : `无法判断「${clip(name)}」（${view.name}!${address}）的学段；该行未读入。应在学段列填写「小学」或「初中」。`
  );
  // A school whose stage cannot be told is missing from the CVs: listed like a bad pupil figure.
  const stageCell = roles.stage ? view.address(r, roles.stage.column) : address;
  ctx.rejected?.push({
    row: view.sheetRow(r),
    cell: stageCell,
    name,
    text: roles.stage ? rawText(ctx.text(r, roles.stage.column)) : name,
    reason: `${why}（${view.name}!${stageCell}），该行未读入`,
  });
  return null;
}

/**
 * A 「其中：高中在校生数」 column is part of the row's 在校生数, never added to it: the junior part of
 * a 完全中学 gets the total less the senior pupils. Returns the cell to take off the pupils cell
 * in formulas (null when the pupils are not one total), or false when the part is not less than the total.
 */
function takeSeniorPart(
  ctx: TableContext,
  r: number,
  name: string,
  counts: PupilCount[],
  seniorCell: NumberCell,
  senior: number
): Record<string, string> | false | null {
  if (counts.length !== 1 || counts[0].cell.column.field !== "pupils") return null;
  const count = counts[0];
  const { view } = ctx;
  const totalAddress = view.address(r, count.cell.column.column);
  const partAddress = view.address(r, seniorCell.column.column);
  if (senior >= count.value) {
    ctx.sink.add(
      "warning",
      "sheets.part-exceeds-total",
      view.name,
      partAddress,
      `「${clip(name)}」的「其中：高中在校生数」（${view.name}!${partAddress}）为${senior}，不少于在校生数（${totalAddress}）${count.value}；其中数应是总数的一部分，该行未读入，请核对。`
    );
    ctx.rejected?.push({
      row: view.sheetRow(r),
      cell: partAddress,
      name,
      text: String(senior),
      reason: `「其中：高中在校生数」（${view.name}!${partAddress}）为${senior}，不少于在校生数${count.value}，该行未读入`,
    });
    return false;
  }
  count.value -= senior;
  ctx.sink.add(
    "info",
    "sheets.part-of-total",
    view.name,
    totalAddress,
    `「${clip(name)}」的在校生数（${view.name}!${totalAddress}）${count.value + senior}人含「其中」高中在校生${senior}人（${partAddress}），${STAGE_NAMES[count.stage]}按${count.value}人计算。`
  );
  const fromText = (c: NumberCell) => c.parsed.kind === "number" && c.parsed.fromText;
  // A part read from text cannot be referenced: "" makes the report write the value.
  return {
    [`pupils.${count.stage}`]: fromText(count.cell) || fromText(seniorCell) ? "" : partAddress,
  };
}

function checkPupilTotal(
  ctx: TableContext,
  r: number,
  name: string,
  counts: PupilCount[],
  total: NumberCell | null,
  senior: number
): void {
  if (total?.parsed.kind !== "number") return;
  const sum = counts.reduce((s, c) => s + c.value, 0);
  // A 完全中学's 在校生数 › 合计 counts its senior pupils too (the statistics system's exports).
  const matches = (x: number) => Math.abs(x - (total.parsed as { value: number }).value) <= 1e-9;
  if (matches(sum) || (senior > 0 && matches(sum + senior))) return;
  const { view } = ctx;
  const address = view.address(r, total.column.column);
  ctx.sink.add(
    "warning",
    "sheets.pupils-total-mismatch",
    view.name,
    address,
    `「${clip(name)}」在校生合计（${view.name}!${address}）为${total.parsed.value}，但各学段在校生数之和为${sum}；以各学段数为准，请核对。`
  );
}

/**
 * The unit factor of a figure: a unit written in the cell (「12.5万元」) wins over the column's,
 * converted to the field's unit; a unit that does not fit the field (「12人」 in an area column)
 * is reported and the figure left out (null).
 */
function cellFactor(
  ctx: TableContext,
  name: string,
  r: number,
  cell: NumberCell,
  quiet: boolean
): number | null {
  const parsed = cell.parsed as { value: number; unit?: string };
  if (!parsed.unit) return cell.column.factor;
  const factor = cellUnitFactor(cell.column.field, parsed.unit);
  if (factor === cell.column.factor) return factor;
  if (quiet) return factor;
  const { view } = ctx;
  const address = view.address(r, cell.column.column);
  const label = fieldLabelOf(cell.column.field);
  if (factor === null) {
    ctx.sink.add(
      "warning",
      "sheets.cell-unit-mismatch",
      view.name,
      address,
      `「${clip(name)}」的${label}（${view.name}!${address}）写的单位「${parsed.unit}」不是${label}的单位；该项未读入，请改为数字或正确的单位。`
    );
  } else {
    ctx.sink.add(
      "info",
      "sheets.cell-unit",
      view.name,
      address,
      `「${clip(name)}」的${label}（${view.name}!${address}）在单元格中写明单位「${parsed.unit}」，按单元格的单位读取（${parsed.value}${parsed.unit}），不按该列的单位。`
    );
  }
  return factor;
}

/**
 * Puts a row's figures where they belong: facilities are shared; teachers, classes and ratios go
 * to the stage the header names, else to the row's only stage, else (teachers of a through-train
 * row, or of a 完全中学 row that also counts senior pupils) to the whole school, for the engine to
 * split by weighted pupils. Error values and words are reported and left out.
 */
function placeFigures(
  ctx: TableContext,
  record: SchoolRecord,
  trace: Trace,
  numbers: NumberCell[],
  quiet: boolean,
  droppedWhole: Set<FieldId>
): void {
  const { view } = ctx;
  const stages = Object.keys(record.stages) as Stage[];
  // Senior pupils on the row mean its unnamed figures are the whole school's, senior part included.
  const hasSenior = numbers.some(
    (c) => c.column.base === "seniorPupils" && c.parsed.kind === "number" && c.parsed.value > 0
  );
  const sharedBy = stages.length + (hasSenior ? 1 : 0);
  for (const cell of numbers) {
    const { base, group, key, stage: named, paths } = cell.column;
    if (base === "pupils") continue;
    if (cell.parsed.kind === "error" || cell.parsed.kind === "invalid") {
      if (quiet) continue;
      const address = view.address(trace.row, cell.column.column);
      ctx.sink.add(
        "warning",
        cell.parsed.kind === "error" ? "sheets.cell-error" : "sheets.cell-not-number",
        view.name,
        address,
        `「${clip(record.name)}」的${fieldLabelOf(cell.column.field)}（${view.name}!${address}）${describeParsed(cell.parsed)}，应为数字；该项按缺失处理。`
      );
      continue;
    }
    if (cell.parsed.kind !== "number") continue;
    const factor = cellFactor(ctx, record.name, trace.row, cell, quiet);
    if (factor === null) continue;
    const value = scaleValue(cell.parsed.value, factor);
    if (base === "seniorPupils") {
      record.seniorPupils = value;
      noteCell(trace, "seniorPupils", cell, factor);
      continue;
    }
    if (group === "facilities") {
      record.facilities ??= {};
      (record.facilities as Record<string, number>)[key] = value;
      noteCell(trace, paths[""], cell, factor);
      continue;
    }
    const target: Stage | "whole" | null =
      named ?? (sharedBy === 1 ? stages[0] : sharedBy > 1 && stages.length > 0 ? "whole" : null);
    if (target === null || (target !== "whole" && !record.stages[target])) continue;
    if (target === "whole") {
      if (group !== "teachers") {
        droppedWhole.add(cell.column.field);
        continue;
      }
      record.wholeSchoolTeachers ??= {};
      setTeacher(record.wholeSchoolTeachers, key, value);
      noteCell(trace, paths.whole, cell, factor);
      continue;
    }
    placeStageFigure(record.stages[target] as StageFigures, group, key, value);
    noteCell(trace, paths[target], cell, factor);
    const twin = group === "given" ? GIVEN_2012_TWIN[key] : undefined;
    if (twin) {
      placeStageFigure(record.stages[target] as StageFigures, group, twin, value);
      noteCell(trace, `given.${target}.${twin}`, cell, factor);
    }
  }
}

/**
 * One school row → one record, or null (with a diagnostic) when it cannot be read. `droppedWhole`
 * collects the table's whole-school figures that cannot be split (reported once per table).
 */
export function readSchoolRow(
  ctx: TableContext,
  roles: Roles,
  row: RowInput,
  droppedWhole: Set<FieldId>
): RowRecord | null {
  const { r, name, nameText, numbers, section, county } = row;
  const { view } = ctx;
  const fromColumn = cachedKindHint(stageText(ctx, roles, r));
  const fromName = kindHint(nameText);
  const kindWord = decidingKind(fromColumn, fromName);
  // Special and vocational schools are listed as excluded whatever their pupil count says.
  const notAudited = kindWord === "special" || kindWord === "vocational";
  const pupils =
    readPupils(ctx, r, name, numbers, notAudited) ??
    (notAudited ? { staged: [], single: null, total: null } : null);
  if (!pupils) return null;
  const counts = rowStages(
    ctx,
    roles,
    r,
    name,
    pupils,
    { fromColumn, fromName, kindWord, notAudited },
    section
  );
  if (!counts) return null;
  const seniorCell = pupilCellsOf(numbers).senior;
  const senior = seniorCell?.parsed.kind === "number" ? seniorCell.parsed.value : 0;
  const less =
    seniorCell && senior > 0 && seniorCell.column.part
      ? takeSeniorPart(ctx, r, name, counts, seniorCell, senior)
      : null;
  if (less === false) return null;

  const record: SchoolRecord = {
    name,
    kind: chooseKind(
      counts.map((c) => c.stage),
      kindWord,
      senior,
      kindStated(fromColumn)
    ),
    stages: {},
  };
  const trace: Trace = {
    view,
    row: r,
    cells: new SourceCellsBuilder(ctx.paths ?? pathOrders(), view.sheetRow(r)),
  };
  trace.cells.note("name", view.sheetCol(roles.name.column));
  for (const c of counts) {
    record.stages[c.stage] = { pupils: c.value };
    noteCell(trace, `pupils.${c.stage}`, c.cell);
  }
  checkPupilTotal(ctx, r, name, counts, pupils.total, less === null ? senior : 0);
  placeFigures(ctx, record, trace, numbers, notAudited, droppedWhole);

  const codeText = roles.code ? rawText(ctx.text(r, roles.code.column)) : "";
  if (codeText) record.code = codeText;
  if (roles.countsAsSchool && rawText(ctx.text(r, roles.countsAsSchool.column)) === "0")
    record.campus = true;
  if (county) record.county = county;
  const ownerText = roles.owner ? rawText(ctx.text(r, roles.owner.column)) : "";
  const source: NonNullable<SchoolRecord["source"]> = {
    sheet: view.name,
    row: view.sheetRow(r),
    cells: trace.cells.make(),
  };
  if (trace.factors) source.factors = sharedFactors(ctx, trace.factors);
  if (trace.textCells) source.textCells = trace.textCells;
  if (less) source.less = less;
  record.source = source;
  return { record, ownerText };
}

/**
 * A record's unit factors as one frozen object shared by the table's records with the same
 * factors (every row of a 万元 column has { "facilities.equipmentValue": 10000 }).
 */
function sharedFactors(ctx: TableContext, factors: Record<string, number>): Record<string, number> {
  if (!ctx.factorSets) return factors;
  let key = "";
  for (const path in factors) key += `${path}=${factors[path]};`;
  let shared = ctx.factorSets.get(key);
  if (!shared) {
    shared = Object.freeze(factors);
    ctx.factorSets.set(key, shared);
  }
  return shared;
}

/** The source cells, unit factors and text cells of the record being built. */
interface Trace {
  view: SheetView;
  row: number;
  cells: SourceCellsBuilder;
  factors?: Record<string, number>;
  textCells?: string[];
}

function noteCell(trace: Trace, path: string, cell: NumberCell, factor = cell.column.factor): void {
  trace.cells.note(path, trace.view.sheetCol(cell.column.column));
  if (factor !== 1) (trace.factors ??= {})[path] = factor;
  if (cell.parsed.kind === "number" && cell.parsed.fromText) (trace.textCells ??= []).push(path);
}

/** The 2012 standard's ids of the same per-pupil figures, so a held value serves either standard. */
const GIVEN_2012_TWIN: Record<string, string> = { L4: "B1", L5: "B2", L6: "B3" };

function placeStageFigure(figures: StageFigures, group: string, key: string, value: number): void {
  if (group === "teachers") {
    figures.teachers ??= {};
    setTeacher(figures.teachers, key, value);
  } else if (group === "given") {
    figures.given ??= {};
    figures.given[key] = value;
  } else if (group === "classSizeBands") {
    const [min, max] = key.split("-");
    figures.classSizeBands ??= [];
    figures.classSizeBands.push({
      min: Number(min),
      ...(max ? { max: Number(max) } : {}),
      count: value,
    });
  } else if (group === "classes" || group === "grades" || group === "largestClass") {
    figures[group] = value;
  }
}
