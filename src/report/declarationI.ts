/**
 * 表Ⅰ 县域基本情况: the county's schools by type (schools and campuses), pupils and full-time
 * teachers by stage, and the private schools with their pupils and share. Pupils and teachers are
 * sums of the source cells (live formulas); the share divides the table's own cells.
 */
import type { SchoolKind, SchoolRecord, Stage } from "../engine";
import { FMT, formulaCell, numberCell, textCell } from "./cells";
import type { ReportContext } from "./context";
import {
  declarationHead,
  declarationNotes,
  declarationSignOff,
  filingUnit,
} from "./declarationCommon";
import { SheetLayout } from "./layout";
import type { PlannedCell, PlannedSheet } from "./plan";
import { cellA1 } from "./refs";
import { fieldTerm } from "./sourceTerms";

const KIND_ROWS: [string, SchoolKind[]][] = [
  ["小学", ["primary"]],
  ["初级中学", ["junior"]],
  ["九年一贯制学校", ["nineYear"]],
  ["十二年一贯制学校", ["twelveYear"]],
  ["完全中学", ["completeMiddle"]],
  ["教学点", ["teachingPoint"]],
];

/** Terms beyond which a SUM of single cells is written as its value (Excel's formula length). */
const MAX_TERMS = 200;

/** A campus's school: 「某小学（东校区）」 belongs to 「某小学」. */
export function schoolOfCampus(name: string): string {
  return name.replace(/[（(][^（()）]*校区[)）]\s*$/, "").trim();
}

/** Schools among records: campuses merged by name, and rows the statistics count under a parent (是否计校数 = 0) left out. */
function schoolCount(records: readonly SchoolRecord[]): number {
  return new Set(records.filter((r) => !r.campus).map((r) => schoolOfCampus(r.name))).size;
}

function sumCell(
  records: readonly SchoolRecord[],
  field: (stage: Stage) => string,
  stage: Stage,
  value: (r: SchoolRecord) => number | undefined
): PlannedCell {
  const terms = records
    .map((r) => (typeof value(r) === "number" ? fieldTerm(r, field(stage)) : null))
    .filter((t) => t !== null);
  const total = records.reduce((s, r) => s + (value(r) ?? 0), 0);
  if (terms.length === 0) return numberCell(total, FMT.count);
  if (terms.length > MAX_TERMS) return numberCell(total, FMT.count);
  return formulaCell(`SUM(${terms.map((t) => t!.expr).join(",")})`, total, FMT.count);
}

/** 表Ⅰ for one county, over its counted records. */
export function buildDeclarationI(ctx: ReportContext, county: string, name: string): PlannedSheet {
  const counted = new Set(
    ctx.input.result.schools.filter((p) => p.county === county).map((p) => p.recordIndex)
  );
  const records = [...counted].map((i) => ctx.input.records[i]);
  const sheet = new SheetLayout("declaration-I", name, [18, 10, 10, 12, 12, 12, 12]);
  const top = declarationHead(sheet, "表Ⅰ", "县域基本情况", filingUnit(ctx, county), 6);
  sheet.next = top;
  sheet.append(
    [
      "学校类型",
      "学校数（所）",
      "校区数（个）",
      "小学在校生数（人）",
      "初中在校生数（人）",
      "小学专任教师数（人）",
      "初中专任教师数（人）",
    ].map((h) => textCell(h, "header")),
    36
  );
  const pupils = (stage: Stage) => (r: SchoolRecord) => r.stages[stage]?.pupils;
  const teachers = (stage: Stage) => (r: SchoolRecord) => r.stages[stage]?.teachers?.fullTime;
  const row = (label: string, list: readonly SchoolRecord[]): PlannedCell[] => [
    textCell(label),
    numberCell(schoolCount(list), FMT.count),
    numberCell(list.length, FMT.count),
    sumCell(list, (s) => `pupils.${s}`, "primary", pupils("primary")),
    sumCell(list, (s) => `pupils.${s}`, "junior", pupils("junior")),
    sumCell(list, (s) => `teachers.${s}.fullTime`, "primary", teachers("primary")),
    sumCell(list, (s) => `teachers.${s}.fullTime`, "junior", teachers("junior")),
  ];
  const first = sheet.next;
  for (const [label, kinds] of KIND_ROWS) {
    const list = records.filter((r) => kinds.includes(r.kind));
    if (list.length) sheet.append(row(label, list));
  }
  const last = sheet.next - 1;
  const totalRow = sheet.next;
  const totals = [1, 2, 3, 4, 5, 6].map((c) => {
    const cells = sheet.next > first ? `SUM(${cellA1(first, c)}:${cellA1(last, c)})` : "0";
    const values = [
      schoolCount(records),
      records.length,
      ...(["primary", "junior"] as Stage[]).map((s) =>
        records.reduce((t, r) => t + (pupils(s)(r) ?? 0), 0)
      ),
      ...(["primary", "junior"] as Stage[]).map((s) =>
        records.reduce((t, r) => t + (teachers(s)(r) ?? 0), 0)
      ),
    ];
    // Schools: a school with campuses of two types counts once in the total, so the total is its own count.
    return c === 1
      ? numberCell(values[0], FMT.count)
      : formulaCell(cells, values[c - 1], FMT.count);
  });
  sheet.append([textCell("合计", "header"), ...totals]);
  const privates = records.filter((r) => r.owner === "private");
  const privateRow = sheet.append(row("其中：民办学校", privates));
  const privatePupils = privates.reduce(
    (t, r) => t + (r.stages.primary?.pupils ?? 0) + (r.stages.junior?.pupils ?? 0),
    0
  );
  const allPupils = records.reduce(
    (t, r) => t + (r.stages.primary?.pupils ?? 0) + (r.stages.junior?.pupils ?? 0),
    0
  );
  const share = sheet.append([
    textCell("民办学校在校生占比"),
    null,
    null,
    formulaCell(
      `IF((${cellA1(totalRow, 3)}+${cellA1(totalRow, 4)})=0,"",(${cellA1(privateRow, 3)}+${cellA1(privateRow, 4)})/(${cellA1(totalRow, 3)}+${cellA1(totalRow, 4)}))`,
      allPupils === 0 ? "" : privatePupils / allPupils,
      "0.00%"
    ),
  ]);
  sheet.merge(share, 0, share, 2);
  declarationNotes(
    sheet,
    [
      "按审计计入的学校统计（特殊教育学校、职业学校和不足50人的教学点不计入）；校区按学校名称中的「××校区」归并为学校；「是否计校数」为0的行计为校区，不计入学校数。",
      "各省另有申报模板的，以省级模板为准。",
    ],
    6
  );
  declarationSignOff(sheet, filingUnit(ctx, county), 6);
  return sheet.build({ page: { landscape: false, fitToWidth: true }, county });
}
