/**
 * The blank county form 「县域指标」 as a plan sheet: a title, a 填报单位 line, the columns
 * 编号 | 项目 | 要求 | 填报值 | 单位 | 佐证材料 (a 县（区） column first for several counties) and one
 * row per input of the county catalogue, in the order of the standard. Once written it is the
 * user's sheet: the audit reads it (src/sheets/countyForm.ts) and never rewrites it.
 */
import {
  COUNTY_INPUTS,
  COUNTY_ITEMS,
  DIMENSION_NAMES,
  type CountyDimension,
  type CountyInput,
} from "../engine/catalogue/county";
import { textCell } from "./cells";
import { SheetLayout } from "./layout";
import type { PlannedCell, PlannedSheet, WorkbookPlan } from "./plan";

export const COUNTY_FORM_SHEET = "县域指标";

const SECTION: Record<CountyDimension | "veto", string> = {
  guarantee: `一、${DIMENSION_NAMES.guarantee}`,
  quality: `二、${DIMENSION_NAMES.quality}`,
  recognition: `三、${DIMENSION_NAMES.recognition}`,
  veto: "四、一票否决（有任一情形填「是」）",
};

function sectionOf(input: CountyInput): CountyDimension | "veto" {
  if (input.item === "veto") return "veto";
  return COUNTY_ITEMS.find((i) => i.id === input.item)?.dimension ?? "guarantee";
}

/** What to enter, by kind: shown in 单位 so the bureau knows the form of the answer. */
function unitText(input: CountyInput): string {
  if (input.kind === "yesno") return "是/否";
  if (input.kind === "level") return "Ⅰ–Ⅳ级";
  if (input.kind === "rate") return "小数或%";
  return input.acceptsRate ? `${input.unit}（或填比例%）` : input.unit;
}

/**
 * The blank form for one county (no 县（区） column) or several (one block of rows per county).
 * Optional veto items appear only when `extraVetoItems` lists them.
 *
 * @example
 * buildCountyFormSheet().rows[2].cells.map((c) => c?.value); // ["编号", "项目", "要求", "填报值", "单位", "佐证材料"]
 */
export function buildCountyFormSheet(
  counties: readonly string[] = [],
  extraVetoItems: readonly string[] = []
): PlannedSheet {
  const several = counties.length > 0;
  const shift = several ? 1 : 0;
  const widths = [...(several ? [10] : []), 8, 48, 40, 14, 12, 30];
  const sheet = new SheetLayout("county-form", COUNTY_FORM_SHEET, widths);
  const lastCol = widths.length - 1;
  const title = sheet.append(
    [
      textCell(
        "县域义务教育优质均衡发展县域指标（政府保障程度、教育质量、社会认可度、一票否决）",
        "title"
      ),
    ],
    28
  );
  sheet.merge(title, 0, title, lastCol);
  const unit = sheet.append([
    textCell(
      "填报单位（盖章）：　　　　　　　填表人：　　　　　　审核人：　　　　　　日期：",
      "subtitle"
    ),
  ]);
  sheet.merge(unit, 0, unit, lastCol);
  const header = sheet.append(
    [...(several ? ["县（区）"] : []), "编号", "项目", "要求", "填报值", "单位", "佐证材料"].map(
      (h) => textCell(h, "header")
    ),
    24
  );
  const inputs = COUNTY_INPUTS.filter((i) => !i.optional || extraVetoItems.includes(i.code));
  for (const county of several ? counties : [""]) {
    let section = "";
    for (const input of inputs) {
      const s = sectionOf(input);
      if (s !== section) {
        section = s;
        const row = sheet.append([
          ...(several ? [textCell(county)] : []),
          textCell(""),
          textCell(SECTION[s], "header"),
        ]);
        sheet.merge(row, shift + 1, row, lastCol);
      }
      const item = COUNTY_ITEMS.find((i) => i.id === input.item);
      const first = inputs.find((i) => i.item === input.item) === input;
      const cells: PlannedCell[] = [
        ...(several ? [textCell(county)] : []),
        textCell(input.code),
        textCell(input.label),
        textCell(first && item ? item.requirement : ""),
        { value: null, style: "text" },
        textCell(unitText(input)),
        { value: null, style: "text" },
      ];
      sheet.append(cells);
    }
  }
  const noteRow = sheet.append(
    [
      textCell(
        "注：1. 编号不可改动，一行一个编号；空着的行按「未核查」处理，县域结论为「未完成」。2. 比例类项目有人数时填人数（审计用公式计算比例）；只有比例时在分子一行填比例（如96.1%），分母一行留空。3. 是/否也可填已具备/未具备、√/×。4. 各省另有模板的，以省级模板为准。",
        "note"
      ),
    ],
    48
  );
  sheet.merge(noteRow, 0, noteRow, lastCol);
  return sheet.build({
    freeze: { rows: header + 1, columns: 0 },
    page: { landscape: false, fitToWidth: true, repeatRows: [header + 1, header + 1] },
  });
}

/** The blank form as a plan of its own (the command's `--county-form`, the pane's insert button). */
export function buildCountyFormPlan(
  counties: readonly string[] = [],
  extraVetoItems: readonly string[] = []
): WorkbookPlan {
  return { sheets: [buildCountyFormSheet(counties, extraVetoItems)], activate: "county-form" };
}
