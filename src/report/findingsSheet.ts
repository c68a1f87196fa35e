import { STAGE_NAMES, type SchoolPartResult, type Shortfall } from "../engine";
import { FMT, formulaCell, NO, numberCell, textCell, YES } from "./cells";
import { countyLabel, floorText, type ReportContext } from "./context";
import { printSetup, SheetLayout } from "./layout";
import type { PlannedSheet } from "./plan";
import { cellA1, plainA1, sheetRef } from "./refs";
import type { SchoolsSheet } from "./schoolsSheet";
import { countyFindings } from "./countyFindings";
import { adviceCell } from "./adviceFormula";
import { noteShortfallTally } from "./shortfallTally";

const F = {
  county: 0,
  school: 1,
  stage: 2,
  id: 3,
  name: 4,
  value: 5,
  required: 6,
  gap: 7,
  belowFloor: 8,
  advice: 9,
  source: 10,
} as const;

/**
 * The source cell to show for a shortfall: the indicator's first field with a cell (the count
 * behind it), else the school's name cell, else its row.
 */
export function shortfallSource(
  ctx: ReportContext,
  part: SchoolPartResult,
  shortfall: Shortfall
): { sheet: string; address: string } | null {
  const source = ctx.input.records[part.recordIndex]?.source;
  if (!source) return null;
  const fields = part.details[shortfall.indicator]?.fields ?? [];
  for (const field of fields) {
    const address = plainA1(source.cells?.[field]);
    if (address) return { sheet: source.sheet, address };
  }
  const name = plainA1(source.cells?.name);
  if (name) return { sheet: source.sheet, address: name };
  return source.row > 0 ? { sheet: source.sheet, address: `A${source.row}` } : null;
}

/**
 * 问题清单: one row per shortfall (school, indicator, value, required, gap, whether below the floor,
 * what it takes) with a link to the source cell. Value and required reference 学校达标, the gap is
 * a formula; so is the advice (adviceCell), in the unit the source column keeps.
 */
export function buildFindingsSheet(ctx: ReportContext, schools: SchoolsSheet): PlannedSheet {
  const sheet = new SheetLayout(
    "findings",
    ctx.names.findings,
    [12, 28, 8, 6, 36, 12, 10, 10, 10, 60, 16]
  );
  sheet.append([textCell("问题清单（未达到要求的指标）", "title")]);
  sheet.merge(0, 0, 0, F.source);
  sheet.append([
    textCell(
      "每行一项未达标指标；「整改所需」为使该项达到要求所需的最少增加量；点击「源单元格」跳转到原始数据。",
      "subtitle"
    ),
  ]);
  sheet.merge(1, 0, 1, F.source);
  const header = sheet.append(
    [
      "区县",
      "学校名称",
      "学段",
      "指标",
      "指标名称",
      "数值",
      "要求",
      "差距",
      `低于${floorText(ctx.standard)}`,
      "整改所需",
      "源单元格",
    ].map((h) => textCell(h, "header")),
    30
  );
  const specIndex = new Map(ctx.standard.indicators.map((s, i) => [s.id, i]));
  let any = false;
  for (const block of schools.blocks) {
    // 审计总览 counts the same shortfalls: it takes this count instead of reading them again.
    const tally = { shortfalls: 0, below: 0 };
    for (const { part, row } of block.rows) {
      const own = part.shortfalls;
      tally.shortfalls += own.length;
      for (const shortfall of own) {
        if (shortfall.belowFloor) tally.below++;
        const i = specIndex.get(shortfall.indicator);
        if (i === undefined || block.thresholdRow === null || block.floorRow === null) continue;
        any = true;
        const r = sheet.next;
        const c = schools.col.indicator(i);
        const valueRef = sheetRef(schools.name, cellA1(row, c));
        const requiredRef = sheetRef(schools.name, cellA1(block.thresholdRow, c));
        const floorRef = sheetRef(schools.name, cellA1(block.floorRow, c));
        const source = shortfallSource(ctx, part, shortfall);
        const at = (col: number) => cellA1(r, col);
        const missing = shortfall.value === null;
        sheet.append([
          textCell(countyLabel(part.county)),
          textCell(part.name),
          textCell(STAGE_NAMES[part.stage]),
          textCell(shortfall.indicator),
          textCell(shortfall.name),
          // A missing value stays visibly missing: a reference to the empty cell would read 0.
          missing ? textCell("缺失", "fail") : formulaCell(valueRef, shortfall.value, FMT.value),
          formulaCell(requiredRef, shortfall.required, FMT.value),
          missing
            ? numberCell(null, FMT.value)
            : formulaCell(`${at(F.required)}-${at(F.value)}`, shortfall.gap, FMT.value),
          missing
            ? textCell(YES, "fail")
            : formulaCell(
                `IF(ROUND(${at(F.value)},9)<${floorRef},"${YES}","${NO}")`,
                shortfall.belowFloor ? YES : NO,
                undefined,
                "text"
              ),
          // The advice recomputes from the school's cells: a corrected figure corrects it.
          adviceCell(
            shortfall,
            ctx.input.records[part.recordIndex],
            part.stage,
            ctx.standard.indicators[i].scale,
            part.details[shortfall.indicator]?.fields ?? [],
            {
              value: at(F.value),
              required: requiredRef,
              floor: floorRef,
              pupils: sheetRef(schools.name, cellA1(row, schools.col.pupils)),
            }
          ),
          source
            ? textCell(
                `${source.sheet}!${source.address}`,
                "link",
                sheetRef(source.sheet, source.address)
              )
            : textCell(""),
        ]);
      }
    }
    noteShortfallTally(block, tally);
  }
  // The county items that fail (政府保障程度, 教育质量, 社会认可度): one row per failing rule.
  for (const f of countyFindings(ctx)) {
    any = true;
    sheet.append([
      textCell(f.county),
      textCell("（县域指标）"),
      textCell("—"),
      textCell(f.id),
      textCell(f.name),
      f.value,
      f.required,
      numberCell(null),
      textCell("—"),
      f.advice,
      f.link
        ? textCell(
            `${f.link.sheet}!${f.link.address}`,
            "link",
            sheetRef(f.link.sheet, f.link.address)
          )
        : textCell(""),
    ]);
  }
  if (!any) sheet.append([textCell("没有未达到要求的指标。", "note")]);
  const last = sheet.next - 1;
  if (any) {
    const flag = cellA1(header + 1, F.belowFloor, "col");
    sheet.conditionalFormats.push({
      range: `${cellA1(header + 1, F.belowFloor)}:${cellA1(last, F.belowFloor)}`,
      rules: [
        { formula: `${flag}="${YES}"`, style: "fail" },
        { formula: `${flag}="${NO}"`, style: "warn" },
      ],
    });
  }
  return sheet.build({
    freeze: { rows: header + 1, columns: 2 },
    page: printSetup(header, header),
  });
}
