/**
 * The county declaration tables of the whole 2017 standard, from the county catalogue:
 * 表Ⅳ 政府保障程度 and 表Ⅴ 教育质量 (one numbered row per item: 名称 | 指标值或简要结论 | 是否达标 |
 * 佐证材料), 表Ⅵ 社会认可度 (the questionnaire columns) with the one-vote veto, and 佐证材料清单.
 * Every figure and verdict is a live formula over the county form 「县域指标」.
 */
import {
  COUNTY_INPUTS,
  COUNTY_ITEMS,
  ruleInputs,
  STATUS_NAMES,
  type CountyDimension,
  type CountyItem,
  type CountyItemResult,
  type CountyResult,
  type ItemRule,
} from "../engine";
import { FMT, formulaCell, textCell } from "./cells";
import { countyLabel, type ReportContext } from "./context";
import {
  figureCells,
  fillPrompt,
  FormCells,
  itemSentence,
  ratioValue,
  sentenceOrPrompt,
  statusFormula,
  type Expr,
} from "./countyFormulas";
import {
  declarationHead,
  declarationNotes,
  declarationSignOff,
  filingUnit,
} from "./declarationCommon";
import { SheetLayout } from "./layout";
import type { PlannedCell, PlannedSheet } from "./plan";
import { cellA1, rangeA1, sheetRef } from "./refs";

/** Where a county table's verdicts sit, for 审计总览's dimension lines. */
export interface CountyTable {
  sheet: PlannedSheet;
  /** A1 range of the 是否达标 cells (on this sheet). */
  verdicts: string;
  /** A1 range of the veto verdict cells (表Ⅵ only). */
  veto?: string;
}

const exprCell = (e: Expr, numFmt?: string, style: PlannedCell["style"] = "text"): PlannedCell =>
  formulaCell(e.f, e.v, numFmt, style);

function formCells(ctx: ReportContext, county: CountyResult): FormCells {
  return new FormCells(county.form, ctx.input.result.settings);
}

/**
 * The cells an item's formulas read: the form's, or the school sheets' figures when they decided
 * the item (G6, G9, G12, Q4 with their columns present).
 */
function itemCells(ctx: ReportContext, cells: FormCells, engine: CountyItemResult): FormCells {
  return engine.source === "schools" && engine.figures
    ? figureCells(engine.figures, ctx.input.result.settings)
    : cells;
}

/** The 是否达标 cell of an item: a live formula over the form, or the engine's word. */
function verdictCell(cells: FormCells, county: CountyResult, id: string): PlannedCell {
  const item = COUNTY_ITEMS.find((i) => i.id === id)!;
  const engine = county.items.find((i) => i.id === id)!;
  const formula = county.form || engine.figures ? statusFormula(cells, item.rule) : null;
  return formula ? exprCell(formula) : textCell(STATUS_NAMES[engine.status]);
}

/** 佐证材料 of an item: the form's cells, or 「待补充」. */
function evidenceCell(county: CountyResult, codes: readonly string[]): PlannedCell {
  const form = county.form;
  const withCells = codes.filter((c) => form?.evidenceCells[c]);
  if (!form || withCells.length === 0) return textCell("待补充");
  const joined = withCells.map((c) => sheetRef(form.sheet, form.evidenceCells[c])).join("&");
  const text = withCells.map((c) => form.evidence[c] ?? "").join("");
  return formulaCell(`IF(${joined}="","待补充",${joined})`, text || "待补充", undefined, "text");
}

/**
 * 指标值或简要结论 of an item: the catalogue's sentence over the form's cells, the prompt to fill
 * the form while the verdict (the same row's cell) is 未核查; the engine's words where no formula
 * can say it (a school-level item, a rejected input).
 */
function figureCell(
  cells: FormCells,
  county: CountyResult,
  item: CountyItem,
  engine: CountyItemResult,
  verdict: Expr
): PlannedCell {
  if (item.rule.kind === "schools")
    return textCell(
      engine.status === "unchecked"
        ? engine.notes.join("；")
        : engine.status === "pass"
          ? "所有学校均符合要求"
          : engine.notes.slice(0, 3).join("；")
    );
  const order = (c: string) => COUNTY_INPUTS.findIndex((i) => i.code === c);
  const codes = ruleInputs(item.rule).sort((a, b) => order(a) - order(b));
  if (engine.source === "schools" && engine.figures) {
    // The school sheets decided it: the same sentence over their figures, and the schools short.
    const sentence = itemSentence(cells, item);
    const tail = [
      "（据学校表逐校核查）",
      ...(engine.status === "fail" ? engine.notes.slice(0, 1) : []),
    ].join("；");
    return exprCell({
      f: `${sentence.f}&"${tail.replace(/"/g, '""')}"`,
      v: `${sentence.v}${tail}`,
    });
  }
  if (!county.form)
    return textCell(fillPrompt(engine.missing.length ? engine.missing : codes, false));
  if (cells.anyInvalid(codes) || !statusFormula(cells, item.rule))
    return textCell(
      engine.status === "unchecked" ? `未核查：${engine.notes.join("；")}` : engine.notes.join("；")
    );
  return exprCell(sentenceOrPrompt(itemSentence(cells, item), verdict, fillPrompt(codes, true)));
}

/**
 * 表Ⅳ (guarantee) or 表Ⅴ (quality): per item its number, name, the figure as a sentence, the
 * verdict and the evidence named.
 */
export function buildItemsDeclaration(
  ctx: ReportContext,
  county: CountyResult,
  dimension: CountyDimension,
  number: string,
  name: string
): CountyTable {
  const title =
    dimension === "guarantee"
      ? "县域义务教育优质均衡发展政府保障程度情况"
      : "县域义务教育优质均衡发展教育质量情况";
  const sheet = new SheetLayout(
    dimension === "guarantee" ? "declaration-IV" : "declaration-V",
    name,
    [6, 22, 60, 10, 28]
  );
  const top = declarationHead(sheet, number, title, filingUnit(ctx, county.name), 4);
  sheet.next = top;
  sheet.append(
    ["序号", "名称", "指标值或简要结论", "是否达标", "佐证材料"].map((h) => textCell(h, "header")),
    24
  );
  const cells = formCells(ctx, county);
  const first = sheet.next;
  COUNTY_ITEMS.filter((i) => i.dimension === dimension).forEach((item, k) => {
    const engine = county.items.find((i) => i.id === item.id)!;
    const own = itemCells(ctx, cells, engine);
    const verdict = verdictCell(own, county, item.id);
    const row = sheet.next;
    sheet.append(
      [
        textCell(String(k + 1)),
        textCell(`${item.id} ${item.name}`),
        figureCell(own, county, item, engine, { f: cellA1(row, 3), v: verdict.value ?? null }),
        verdict,
        evidenceCell(county, ruleInputs(item.rule)),
      ],
      42
    );
  });
  const last = sheet.next - 1;
  sheet.colourVerdicts(first, 3, last, 3);
  declarationNotes(
    sheet,
    [
      "表中所有比例数值保留一位小数，其余保留整数；是否达标按未舍入的数值判断。",
      "各省另有申报模板的，以省级模板为准。",
    ],
    4
  );
  declarationSignOff(sheet, filingUnit(ctx, county.name), 4);
  return {
    sheet: sheet.build({
      freeze: { rows: top + 1, columns: 0 },
      page: { landscape: false, fitToWidth: true, repeatRows: [top + 1, top + 1] },
      county: county.name,
    }),
    verdicts: rangeA1(first, 3, last, 3),
  };
}

/** 表Ⅵ's rows: 计 (judged) and 「其中：家长」 (shown), each as the form codes of its columns. */
const RECOGNITION_ROWS = [
  { who: "计", sent: "S1-5", valid: "S1-1", satisfied: "S1-2", visited: "S1-3", pleased: "S1-4" },
  {
    who: "其中：家长",
    sent: "S1-6",
    valid: "S1-7",
    satisfied: "S1-8",
    visited: "S1-9",
    pleased: "S1-10",
  },
] as const;

/** 表Ⅵ 社会认可度: the questionnaire columns, the verdict, then the one-vote veto rows. */
export function buildRecognitionDeclaration(
  ctx: ReportContext,
  county: CountyResult,
  name: string
): CountyTable {
  const sheet = new SheetLayout("declaration-VI", name, [12, 10, 12, 12, 12, 12, 12, 12, 10]);
  const top = declarationHead(
    sheet,
    "表Ⅵ",
    "县域义务教育优质均衡发展社会认可度情况",
    filingUnit(ctx, county.name),
    8
  );
  sheet.next = top;
  sheet.append(
    [
      "对象",
      "问卷总数",
      "回收有效问卷数",
      "满意问卷数",
      "问卷调查综合满意度",
      "实地走访人数",
      "满意人数",
      "实地走访满意度",
      "是否达标",
    ].map((h) => textCell(h, "header")),
    36
  );
  const cells = formCells(ctx, county);
  const s1 = COUNTY_ITEMS.find((i) => i.id === "S1")!;
  const [survey, visits] = s1.rule.kind === "all" ? s1.rule.rules : [s1.rule, s1.rule];
  const count = (code: string): PlannedCell => {
    const r = cells.ref(code);
    if (cells.isPercent(code)) return textCell("");
    return county.form && r.v !== null
      ? exprCell(r, FMT.count, "number")
      : textCell(r.v === null ? "" : String(r.v));
  };
  const rate = (rule: ItemRule): PlannedCell => {
    const v = rule.kind === "ratio" ? ratioValue(cells, rule) : null;
    return v && v.v !== null ? exprCell(v, "0.0%", "number") : textCell("");
  };
  // The 家长 row's rates are shown, not judged: the same ratio, without a threshold of its own.
  const shownRate = (numerator: string, denominator: string): ItemRule => ({
    kind: "ratio",
    numerator: [numerator],
    denominator: [denominator],
    min: 0,
    cmp: ">=",
  });
  const rows = RECOGNITION_ROWS.map((r, k) =>
    sheet.append([
      textCell(r.who),
      count(r.sent),
      count(r.valid),
      count(r.satisfied),
      rate(k === 0 ? survey : shownRate(r.satisfied, r.valid)),
      count(r.visited),
      count(r.pleased),
      rate(k === 0 ? visits : shownRate(r.pleased, r.visited)),
      k === 0 ? verdictCell(cells, county, "S1") : textCell("—"),
    ])
  );
  const row = rows[0];
  sheet.colourVerdicts(row, 8, row, 8);
  sheet.skip();
  sheet.append([textCell("一票否决", "subtitle")]);
  sheet.append(
    ["编号", "情形", "", "", "", "", "", "填报", "是否触发"].map((h) => textCell(h, "header"))
  );
  const vetoFirst = sheet.next;
  for (const v of county.veto) {
    const r = sheet.next;
    const ref = cells.ref(v.id);
    const yesF = `OR(${["是", "已具备", "具备", "√", "✓", "有"].map((w) => `${ref.f}="${w}"`).join(",")},${ref.f}=TRUE)`;
    const shown = v.triggered === null ? "未填报" : v.triggered ? "是" : "否";
    const filled = county.form?.cells[v.id] && !county.form.invalidCodes.includes(v.id);
    sheet.append([
      textCell(v.id),
      textCell(v.label),
      null,
      null,
      null,
      null,
      null,
      filled
        ? formulaCell(`IF(${ref.f}="","未填报",IF(${yesF},"是","否"))`, shown, undefined, "text")
        : textCell(shown),
      filled
        ? formulaCell(
            `IF(${cellA1(r, 7)}="是","触发",IF(${cellA1(r, 7)}="否","未触发","未核查"))`,
            v.triggered === null ? "未核查" : v.triggered ? "触发" : "未触发",
            undefined,
            "text"
          )
        : textCell(v.triggered === null ? "未核查" : v.triggered ? "触发" : "未触发"),
    ]);
    sheet.merge(r, 1, r, 6);
  }
  const vetoLast = sheet.next - 1;
  declarationNotes(
    sheet,
    [
      `综合满意度＝满意问卷数÷回收有效问卷数，走访满意度＝满意人数÷实地走访人数，按「计」一行判断，均须符合「${COUNTY_ITEMS.find((i) => i.id === "S1")?.requirement ?? ""}」；比例保留一位小数。`,
      "一票否决任一情形为「是」的，县域不予认定；各省另有申报模板的，以省级模板为准。",
    ],
    8
  );
  declarationSignOff(sheet, filingUnit(ctx, county.name), 8);
  return {
    sheet: sheet.build({ page: { landscape: false, fitToWidth: true }, county: county.name }),
    verdicts: rangeA1(row, 8, row, 8),
    veto: rangeA1(vetoFirst, 8, Math.max(vetoFirst, vetoLast), 8),
  };
}

/** 佐证材料清单: every evidence row of the form with its document, or 「待补充」. */
export function buildEvidenceList(ctx: ReportContext, name: string): PlannedSheet {
  const sheet = new SheetLayout("evidence", name, [12, 8, 56, 40]);
  const t = sheet.append([textCell("佐证材料清单", "title")], 28);
  sheet.merge(t, 0, t, 3);
  sheet.append(["区县", "编号", "项目", "佐证材料"].map((h) => textCell(h, "header")));
  for (const county of ctx.input.result.counties) {
    if (county.items.length === 0) continue;
    for (const input of COUNTY_INPUTS.filter((i) => i.kind === "yesno" && i.item !== "veto")) {
      const cell = evidenceCell(county, [input.code]);
      sheet.append([
        textCell(countyLabel(county.name)),
        textCell(input.code),
        textCell(input.label.replace(/（是\/否）$/, "")),
        cell,
      ]);
    }
  }
  return sheet.build({ page: { landscape: false, fitToWidth: true } });
}
