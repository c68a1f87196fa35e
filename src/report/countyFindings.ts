/**
 * 问题清单 rows for the county items that fail: per failing rule the figure, the requirement and
 * what it takes to meet it (「交流轮岗教师还需增加 N 人」) as live formulas over the county form.
 */
import { COUNTY_ITEMS, countyInput, termCodes, type CountyResult, type ItemRule } from "../engine";
import { formulaCell, numberCell, textCell } from "./cells";
import { countyLabel, type ReportContext } from "./context";
import { figureCells, FormCells, ratioValue, statusFormula } from "./countyFormulas";
import type { PlannedCell } from "./plan";
import { numberLiteral } from "./refs";

type Ratio = Extract<ItemRule, { kind: "ratio" }>;

/** One finding: the cells from 数值 to 整改所需, and the form cell to link to. */
export interface CountyFinding {
  county: string;
  id: string;
  name: string;
  value: PlannedCell;
  required: PlannedCell;
  advice: PlannedCell;
  link?: { sheet: string; address: string };
}

const TOL = 1e-9;
/** The smallest whole number ≥ x as a formula (INT is shared by Excel, WPS and LibreOffice). */
const ceilF = (x: string) => `-INT(-(${x})+${numberLiteral(TOL)})`;
const ceilV = (x: number) => -Math.floor(-x + TOL);

function failingRules(rule: ItemRule, cells: FormCells): ItemRule[] {
  if (rule.kind === "all") return rule.rules.flatMap((r) => failingRules(r, cells));
  return statusFormula(cells, rule)?.v === "未达标" ? [rule] : [];
}

function ratioFinding(
  cells: FormCells,
  rule: Ratio,
  settings: ReportContext["input"]["result"]["settings"]
): Pick<CountyFinding, "value" | "required" | "advice"> {
  const min = typeof rule.min === "number" ? rule.min : settings[rule.min.setting];
  const value = ratioValue(cells, rule)!;
  const percent = typeof rule.min === "number";
  const fmt = percent ? "0.0%" : "0";
  const numLabel = (countyInput(termCodes(rule.numerator)[0])?.label ?? "").replace(/^其中/, "");
  const rateEntered = rule.rateInput !== undefined && cells.isPercent(rule.rateInput);
  let advice: PlannedCell;
  if (!rateEntered && termCodes(rule.numerator).length >= 1 && percent) {
    // Whole persons: the numerator must reach min × denominator.
    const den = rule.denominator.map((t) =>
      typeof t === "string"
        ? cells.ref(t)
        : { f: `-${cells.ref(t.subtract).f}`, v: -(cells.value(t.subtract) as number) }
    );
    const denF = den.map((d) => d.f).join("+");
    const denV = den.reduce((s, d) => s + (d.v as number), 0);
    const numV = (value.v as number) * denV;
    const need = Math.max(0, ceilV(min * denV - numV));
    const unit = countyInput(termCodes(rule.numerator)[0])?.unit ?? "人";
    advice = formulaCell(
      `"${numLabel}还需增加"&MAX(0,${ceilF(`${numberLiteral(min)}*(${denF})-(${value.f})*(${denF})`)})&"${unit}"`,
      `${numLabel}还需增加${need}${unit}`,
      undefined,
      "text"
    );
  } else {
    const gap = min - (value.v as number);
    advice = percent
      ? formulaCell(
          `"比例还需提高"&TEXT((${numberLiteral(min)}-(${value.f}))*100,"0.0")&"个百分点"`,
          `比例还需提高${(Math.round(gap * 1000) / 10).toFixed(1)}个百分点`,
          undefined,
          "text"
        )
      : formulaCell(
          `"生均还需增加"&${ceilF(`${numberLiteral(min)}-(${value.f})`)}&"元"`,
          `生均还需增加${ceilV(gap)}元`,
          undefined,
          "text"
        );
  }
  return { value: formulaCell(value.f, value.v, fmt), required: numberCell(min, fmt), advice };
}

/** The failing county items of every county with a form, rule by rule. */
export function countyFindings(ctx: ReportContext): CountyFinding[] {
  const out: CountyFinding[] = [];
  for (const county of ctx.input.result.counties as CountyResult[]) {
    if (!county.form) continue;
    const formCells = new FormCells(county.form, ctx.input.result.settings);
    for (const item of COUNTY_ITEMS) {
      const engine = county.items.find((i) => i.id === item.id);
      if (engine?.status !== "fail" || item.rule.kind === "schools") continue;
      // Decided by the school sheets (G6, G9, G12, Q4): their figures, not the form's cells.
      const fromSchools = engine.source === "schools" && engine.figures;
      const cells = fromSchools
        ? figureCells(engine.figures!, ctx.input.result.settings)
        : formCells;
      for (const rule of failingRules(item.rule, cells)) {
        const firstCode =
          rule.kind === "evidence"
            ? rule.input
            : rule.kind === "ratio"
              ? termCodes(rule.numerator)[0]
              : rule.kind === "allOf"
                ? rule.part
                : rule.kind === "atLeast"
                  ? rule.value
                  : "";
        const address = fromSchools ? undefined : county.form.cells[firstCode];
        const base = {
          county: countyLabel(county.name),
          id: item.id,
          name: item.name,
          ...(address ? { link: { sheet: county.form.sheet, address } } : {}),
        };
        if (rule.kind === "ratio")
          out.push({ ...base, ...ratioFinding(cells, rule, ctx.input.result.settings) });
        else if (rule.kind === "evidence") {
          out.push({
            ...base,
            value: textCell("否"),
            required: textCell("是"),
            advice: textCell(
              `须达到「${(countyInput(rule.input)?.label ?? "").replace(/（是\/否）$/, "")}」并提供佐证材料`
            ),
          });
        } else if (rule.kind === "atLeast" || rule.kind === "allOf") {
          const a = cells.ref(rule.kind === "atLeast" ? rule.value : rule.part);
          const b = cells.ref(rule.kind === "atLeast" ? rule.than : rule.whole);
          const unit = countyInput(rule.kind === "atLeast" ? rule.value : rule.part)?.unit ?? "";
          const gap = (b.v as number) - (a.v as number);
          const label = rule.kind === "atLeast" ? "还需提高" : "还需核定";
          out.push({
            ...base,
            value: formulaCell(a.f, a.v, "0"),
            required: formulaCell(b.f, b.v, "0"),
            advice: formulaCell(
              `"${label}"&${ceilF(`${b.f}-${a.f}`)}&"${unit}"`,
              `${label}${ceilV(gap)}${unit}`,
              undefined,
              "text"
            ),
          });
        } else {
          out.push({
            ...base,
            value: textCell(engine.notes.join("；")),
            required: textCell("学业水平Ⅲ级以上且校际差异率低于0.15"),
            advice: textCell("提高相关科目学业水平，缩小校际差异"),
          });
        }
      }
    }
  }
  return out;
}
