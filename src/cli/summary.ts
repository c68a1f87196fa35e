import { DIMENSION_NAMES, STAGE_NAMES, STAGES, STATUS_NAMES, VERDICT_NAMES, type AuditResult, type CountyResult, type DimensionId } from "../engine";

const MAX_LISTED = 10;

const verdict = (pass: boolean | null) => (pass === null ? "无学校" : pass ? "达标" : "未达标");
const fixed = (x: number | null, digits: number) => (x === null ? "—" : x.toFixed(digits));

function countyLines(county: CountyResult, result: AuditResult): string[] {
  const lines: string[] = [];
  const title = county.name ? `${county.name}：` : "";
  for (const stage of STAGES) {
    const s = county.stages[stage];
    if (s.schools === 0) continue;
    const failingCvs = Object.values(s.indicators).filter((i) => i.pass === false).map((i) => `${i.id} ${fixed(i.cv, 3)}>${fixed(i.limit, 2)}`);
    const cvText =
      result.standard.id === "2017"
        ? failingCvs.length === 0
          ? "各项差异系数均达标"
          : `差异系数超限：${failingCvs.join("，")}`
        : `综合差异系数 ${fixed(s.compositeCv, 3)}（上限 ${fixed(s.compositeLimit, 2)}）`;
    lines.push(
      `  ${title}${STAGE_NAMES[stage]} ${s.schools}所（部）、${s.students}名学生：${verdict(s.pass)}。${cvText}；综合差异系数 ${fixed(s.compositeCv, 3)}` +
        (s.schoolsPass === null ? "" : `；学校达标 ${s.schoolsPassing}/${s.schools}`),
    );
  }
  if (county.guaranteesFailed > 0) lines.push(`  ${title}政府保障项未达标 ${county.guaranteesFailed} 项（学校规模、班额、音乐美术教室）`);
  lines.push(`  ${title}结论：${VERDICT_NAMES[county.verdict]}`);
  if (county.items.length === 0) return lines;
  for (const id of Object.keys(DIMENSION_NAMES) as DimensionId[]) {
    const d = county.dimensions[id];
    lines.push(`    ${DIMENSION_NAMES[id]}：${STATUS_NAMES[d.status]}（核查${d.checked}项，达标${d.passed}项，未达标${d.failed}项，未核查${d.unchecked}项）`);
  }
  const failed = county.items.filter((i) => i.status === "fail").map((i) => `${i.id} ${i.name}`);
  if (failed.length) lines.push(`    未达标项目：${failed.join("、")}`);
  const vetoed = county.veto.filter((v) => v.triggered === true).map((v) => `${v.id} ${v.label}`);
  if (vetoed.length) lines.push(`    一票否决：${vetoed.join("、")}`);
  if (county.missing.length) {
    const shown = county.missing.slice(0, 20).join("、");
    const more = county.missing.length > 20 ? ` 等${county.missing.length}项` : "";
    const how = county.form ? `请在「${county.form.sheet}」表填写` : "请用 npm run audit -- --county-form 县域指标.xlsx 生成县域指标表，填好后放进工作簿";
    lines.push(`    待补充：${shown}${more}（${how}）`);
  }
  return lines;
}

/** The short summary the command prints: verdicts, failing schools, where the files went. */
export function formatSummary(result: AuditResult, files: { workbook: string; json?: string }): string {
  const lines = [`均衡督导助手：审计完成（${result.standard.name}，${result.standard.document}）`];
  for (const county of result.counties) lines.push(...countyLines(county, result));
  const failing = result.schools.filter((s) => s.pass === false);
  if (failing.length > 0) {
    lines.push(`未达标学校（部）${failing.length} 个：`);
    for (const s of failing.slice(0, MAX_LISTED)) {
      lines.push(`  ${s.name}（${STAGE_NAMES[s.stage]}）：${s.shortfalls.map((f) => `${f.indicator} ${f.advice}`).join("；")}`);
    }
    if (failing.length > MAX_LISTED) lines.push(`  …另有 ${failing.length - MAX_LISTED} 个，见「问题清单」工作表`);
  }
  if (result.excluded.length > 0) lines.push(`未计入 ${result.excluded.length} 条记录（原因见「数据诊断」工作表）`);
  const warnings = result.diagnostics.filter((d) => d.level !== "info").length;
  if (warnings > 0) lines.push(`提示与警告 ${warnings} 条，见「数据诊断」工作表`);
  lines.push(`审计工作簿：${files.workbook}`);
  if (files.json) lines.push(`审计结果 JSON：${files.json}`);
  return lines.join("\n");
}
