import {
  DIMENSION_NAMES,
  STAGE_NAMES,
  STAGES,
  STATUS_NAMES,
  UNREAD_NOTE,
  unreadStagesText,
  VERDICT_NAMES,
  type AuditResult,
  type CountyResult,
  type DimensionId,
  type StageResult,
} from "../engine";

const MAX_LISTED = 10;

const verdict = (pass: boolean | null) => (pass === null ? "无学校" : pass ? "达标" : "未达标");
const fixed = (x: number, digits: number) => x.toFixed(digits);

/** Why a stage's CV could not be computed, from the engine's note, or the usual reason. */
function noCvReason(note: string | undefined): string {
  return note ? note.replace(/[。；;]+$/, "") : "缺少有效数据的学校不足";
}

/** The CV part of a stage line, as a sentence: what is over its limit, or what could not be computed and why. */
function cvSentence(s: StageResult, standardId: string): string {
  if (standardId !== "2017") {
    return s.compositeCv === null
      ? `综合差异系数无法计算（${noCvReason(s.note)}），上限 ${fixed(s.compositeLimit ?? 0, 2)}`
      : `综合差异系数 ${fixed(s.compositeCv, 3)}（上限 ${fixed(s.compositeLimit ?? 0, 2)}）`;
  }
  const indicators = Object.values(s.indicators);
  const over = indicators
    .filter((i) => i.pass === false && i.cv !== null)
    .map((i) => `${i.id} ${fixed(i.cv!, 3)}>${fixed(i.limit ?? 0, 2)}`);
  const missing = indicators
    .filter((i) => i.cv === null && i.limit !== null)
    .map((i) => `${i.id}（${noCvReason(i.note)}）`);
  const parts = [
    over.length ? `差异系数超限：${over.join("，")}` : missing.length ? "" : "各项差异系数均达标",
    missing.length ? `无法计算差异系数：${missing.join("，")}` : "",
  ];
  const composite =
    s.compositeCv === null ? "综合差异系数无法计算" : `综合差异系数 ${fixed(s.compositeCv, 3)}`;
  return [...parts.filter(Boolean), composite].join("；");
}

function countyLines(county: CountyResult, result: AuditResult): string[] {
  const lines: string[] = [];
  const title = county.name ? `${county.name}：` : "";
  for (const stage of STAGES) {
    const s = county.stages[stage];
    if (s.unread) {
      lines.push(
        `  ${title}${STAGE_NAMES[stage]}：${UNREAD_NOTE}，未审计（原因见「数据诊断」工作表）。`
      );
      continue;
    }
    if (s.schools === 0) continue;
    lines.push(
      `  ${title}${STAGE_NAMES[stage]} ${s.schools}所（部）、${s.students}名学生：${verdict(s.pass)}。${cvSentence(s, result.standard.id)}` +
        (s.schoolsPass === null ? "" : `；学校达标 ${s.schoolsPassing}/${s.schools}`) +
        "。"
    );
  }
  if (county.guaranteesFailed > 0)
    lines.push(
      `  ${title}政府保障项未达标 ${county.guaranteesFailed} 项（学校规模、班额、音乐美术教室）。`
    );
  if (county.guaranteesUnchecked > 0)
    lines.push(
      `  ${title}学校保障检查未核查 ${county.guaranteesUnchecked} 项（学校表缺少班额或音乐、美术专用教室等列，见数据诊断）。`
    );
  // Why a county is 未完成 though nothing failed: a stage not read, school rows left out for bad data.
  const why = [
    unreadStagesText(county),
    county.dataIncomplete ? `数据不完整，${county.dataIncomplete.rowsLeftOut}所学校的行未读入` : "",
  ].filter(Boolean);
  const unread = why.length > 0 ? `（${why.join("；")}）` : "";
  lines.push(`  ${title}结论：${VERDICT_NAMES[county.verdict]}${unread}。`);
  if (county.items.length === 0) return lines;
  for (const id of Object.keys(DIMENSION_NAMES) as DimensionId[]) {
    const d = county.dimensions[id];
    lines.push(
      `    ${DIMENSION_NAMES[id]}：${STATUS_NAMES[d.status]}（核查${d.checked}项，达标${d.passed}项，未达标${d.failed}项，未核查${d.unchecked}项）。`
    );
  }
  const failed = county.items.filter((i) => i.status === "fail").map((i) => `${i.id} ${i.name}`);
  if (failed.length) lines.push(`    未达标项目：${failed.join("、")}。`);
  const vetoed = county.veto.filter((v) => v.triggered === true).map((v) => `${v.id} ${v.label}`);
  if (vetoed.length) lines.push(`    一票否决：${vetoed.join("、")}。`);
  if (county.missing.length) {
    const shown = county.missing.slice(0, 20).join("、");
    const more = county.missing.length > 20 ? ` 等${county.missing.length}项` : "";
    const how = county.form
      ? `请在「${county.form.sheet}」表填写`
      : "请用 npm run audit -- --county-form 县域指标.xlsx 生成县域指标表，填好后放进工作簿";
    lines.push(`    待补充：${shown}${more}（${how}）。`);
  }
  return lines;
}

/** A school's shortfalls as one sentence: each advice without its own full stop, joined by 「；」. */
function adviceSentence(shortfalls: AuditResult["schools"][number]["shortfalls"]): string {
  return `${shortfalls.map((f) => `${f.indicator} ${f.advice.replace(/[。；;，,\s]+$/, "")}`).join("；")}。`;
}

/** The short summary the command prints: verdicts, failing schools, where the files went. */
export function formatSummary(
  result: AuditResult,
  files: { workbook: string; json?: string }
): string {
  const lines = [`均衡督导助手：审计完成（${result.standard.name}，${result.standard.document}）`];
  for (const county of result.counties) lines.push(...countyLines(county, result));
  const failing = result.schools.filter((s) => s.pass === false);
  if (failing.length > 0) {
    lines.push(`未达标学校（部）${failing.length} 个，各需补足：`);
    for (const s of failing.slice(0, MAX_LISTED)) {
      lines.push(`  ${s.name}（${STAGE_NAMES[s.stage]}）：${adviceSentence(s.shortfalls)}`);
    }
    if (failing.length > MAX_LISTED)
      lines.push(`  …另有 ${failing.length - MAX_LISTED} 个，见「问题清单」工作表。`);
  }
  const leftOut = result.excluded.filter((e) => e.rowLeftOut).length;
  if (leftOut > 0)
    lines.push(
      `数据不完整：${leftOut} 所学校的行因在校生数或学段有误未读入，县域结论最多为「未完成」，名单见「数据诊断」工作表。`
    );
  if (result.excluded.length > 0)
    lines.push(`未计入 ${result.excluded.length} 条记录，原因见「数据诊断」工作表。`);
  const warnings = result.diagnostics.filter((d) => d.level !== "info").length;
  if (warnings > 0) lines.push(`提示与警告 ${warnings} 条，见「数据诊断」工作表。`);
  lines.push(`审计工作簿：${files.workbook}`);
  if (files.json) lines.push(`审计结果 JSON：${files.json}`);
  return lines.join("\n");
}
