/**
 * The pane's words: one table per language. Simplified Chinese by default; English when Office's
 * display language is English. Data from the workbook (school names) and Excel's error advice
 * stay as written; a shortfall's advice is worded here from the engine's figures.
 */
import { measureDef, percentOf, type Shortfall, type Stage } from "../engine";
import {
  describeExcluded,
  describeSkipped,
  type NoSchoolsError,
  type NothingCountedError,
} from "../flow/auditFlow";
import { EXCEL_ADVICE, otherExcelError, type ExcelErrorCode } from "../hosts/excel/errors";
import { otherWpsError, WPS_NO_WORKBOOK } from "../hosts/wps/errors";
import type { FigureWords } from "./countyFigures";
import type { SettingsSaveError } from "./documentSettings";
import type { RunStep } from "./service";

export interface Strings {
  lang: "zh-CN" | "en";
  title: string;
  tabs: { data: string; settings: string; results: string };
  runButton: string;
  running: string;
  steps: Record<RunStep, string>;
  progressLabel: (step: string, percent: number) => string;
  errorTitle: string;
  dismiss: string;
  /** What went wrong, by the error's kind: the workbook's own words (sheet names, reasons) stay as they are. */
  errors: {
    /** Excel's errors the add-in has advice for, by their Office.js code. */
    excel: Readonly<Record<ExcelErrorCode, string>>;
    /** Any other error from Excel, with its code when it has one. */
    excelOther: (code: string | null) => string;
    noSchools: (error: NoSchoolsError) => string;
    nothingCounted: (error: NothingCountedError) => string;
    settingsNotSaved: (error: SettingsSaveError) => string;
    /** WPS has no workbook open. */
    wpsNoWorkbook: string;
    /** Any other error from WPS, with its own short text (may be empty). */
    wpsOther: (detail: string) => string;
    /** When even describing the error failed. */
    unexpected: string;
  };
  data: {
    scanning: string;
    rescan: string;
    none: string;
    table: (headerFirst: number, headerLast: number, records: number) => string;
    field: string;
    column: string;
    confidence: (percent: number) => string;
    unused: string;
    notUsed: string;
    addField: string;
    pickColumn: string;
    columnOption: (letter: string, header: string) => string;
    mappingFor: (field: string, sheet: string) => string;
    skipped: string;
    units: string;
    hint: string;
    insertCountyForm: string;
    countyFormHint: string;
  };
  stages: Record<Stage, string>;
  settings: { saved: string };
  results: {
    none: string;
    pass: string;
    fail: string;
    noSchools: string;
    /** A stage the workbook names of which no school was read. */
    unread: string;
    unreadHelp: string;
    county: (name: string) => string;
    /** The stage's counts and whether its CVs are within their limits. */
    stageSummary: (
      schools: number,
      passing: number,
      students: number,
      cvPass: boolean | null
    ) => string;
    indicator: string;
    cv: string;
    limit: string;
    verdict: string;
    composite: string;
    cvOk: string;
    cvOver: string;
    metCount: (met: number, total: number) => string;
    noCv: string;
    failing: string;
    noneFailing: string;
    showSource: (name: string) => string;
    selected: (sheet: string, address: string) => string;
    showCell: (name: string, indicator: string) => string;
    sheets: string;
    openSheet: (name: string) => string;
    auditedAt: (when: string) => string;
    guarantees: string;
    /** The whole standard's verdict of a county: 达标 / 未达标 / 未完成. */
    countyVerdict: Record<"pass" | "fail" | "incomplete", string>;
    wholeStandard: string;
    dimensions: Record<"resource" | "guarantee" | "quality" | "recognition", string>;
    itemStatus: Record<"pass" | "fail" | "unchecked", string>;
    /** One dimension's line: its status and counts. */
    dimensionLine: (
      name: string,
      status: string,
      checked: number,
      passed: number,
      failed: number,
      unchecked: number
    ) => string;
    failedItems: string;
    vetoTriggered: string;
    /** Items no figure decided yet (未核查), each with why. */
    uncheckedItems: string;
    uncheckedCount: (items: number) => string;
    /** A failed item's figure against its requirement (the catalogue's Chinese 要求). */
    itemFigure: (figure: string, requirement: string) => string;
    requirement: (requirement: string) => string;
    figureWords: FigureWords;
    /** Accessible name of a click to an item's row in an audit table or its cell in the form. */
    showItem: (label: string, sheet: string) => string;
    /** Accessible name of a click to a stage indicator's CV in 差异系数. */
    showCv: (stage: string, indicator: string, sheet: string) => string;
    /** 「数据不完整」: school rows left out for bad data. */
    dataIncomplete: {
      title: string;
      body: (rows: number) => string;
      showRow: (name: string, sheet: string, cell: string) => string;
      diagnostics: (sheet: string) => string;
    };
    missing: string;
    /** How to fill what is missing: in the form, or insert the form first. */
    missingHint: (formSheet: string | null) => string;
    fillCell: (code: string) => string;
    /** What it takes to fix a shortfall (the engine's figures, in this language). */
    advice: (shortfall: Shortfall) => string;
  };
}

const zh: Strings = {
  lang: "zh-CN",
  title: "均衡督导助手",
  tabs: { data: "数据", settings: "设置", results: "结果" },
  runButton: "一键审计",
  running: "正在审计…",
  steps: { read: "读取工作表", detect: "识别表格", audit: "审计", write: "写入审计表" },
  progressLabel: (step, percent) => `${step}（${percent}%）`,
  errorTitle: "未能完成",
  dismiss: "关闭",
  errors: {
    // The Excel host's own Chinese advice, and the flow's own Chinese messages.
    excel: EXCEL_ADVICE,
    excelOther: otherExcelError,
    noSchools: (error) => error.message,
    nothingCounted: (error) => error.message,
    settingsNotSaved: (error) => error.message,
    // The WPS host's own Chinese words.
    wpsNoWorkbook: WPS_NO_WORKBOOK,
    wpsOther: otherWpsError,
    unexpected: "操作未完成。请重试；若反复出现，请把此消息发给技术支持。",
  },
  data: {
    scanning: "正在识别工作簿中的学校数据表…",
    rescan: "重新识别",
    none: "没有找到学校数据表。请打开含「学校名称」「在校生数」等列的统计表，然后点击「重新识别」。",
    table: (a, b, n) => `表头第 ${a}–${b} 行，读到 ${n} 所学校`,
    field: "字段",
    column: "所在列",
    confidence: (p) => `把握 ${p}%`,
    unused: "不使用此字段",
    notUsed: "未使用",
    addField: "添加字段…",
    pickColumn: "选择所在的列",
    columnOption: (letter, header) => (header ? `${letter} 列：${header}` : `${letter} 列`),
    mappingFor: (field, sheet) => `「${sheet}」中「${field}」所在的列`,
    skipped: "未作为学校表读取的工作表",
    units: "单位换算",
    hint: "可在下方更改各字段所在的列。选择保存在工作簿中，「一键审计」按钮和下次打开时都会使用。",
    insertCountyForm: "插入县域指标表",
    countyFormHint:
      "政府保障程度、教育质量、社会认可度和一票否决按县填报：插入「县域指标」表并填写「填报值」列，审计时读取，不会改写。",
  },
  stages: { primary: "小学", junior: "初中" },
  settings: {
    saved: "设置保存在工作簿中，「一键审计」按钮和下次打开时都会使用。",
  },
  results: {
    none: "还没有审计结果。检查「数据」和「设置」后，点击「一键审计」。",
    pass: "达标",
    fail: "未达标",
    noSchools: "无学校",
    unread: "未读到学校",
    unreadHelp:
      "工作簿中有该学段的表或行，但没有读到学校；县域结论为「未完成」。原因见「数据诊断」，可在「数据」页指定各字段所在的列。",
    county: (name) => name || "本县",
    stageSummary: (s, p, n, cv) =>
      `${s} 所学校，${p} 所达标，在校生 ${n} 人；${cv === null ? "差异系数无法判定" : cv ? "差异系数均在上限内" : "有差异系数超出上限"}`,
    indicator: "指标",
    cv: "差异系数",
    limit: "上限",
    verdict: "结果",
    composite: "综合差异系数",
    cvOk: "符合",
    cvOver: "超出",
    metCount: (met, total) => `达到 ${met}/${total} 项指标`,
    noCv: "—",
    failing: "未达标学校",
    noneFailing: "所有学校均达到校际要求。",
    showSource: (name) => `在源表中选中「${name}」`,
    selected: (sheet, address) => `已在工作表「${sheet}」中选中 ${address}`,
    showCell: (name, indicator) => `在源表中选中「${name}」的「${indicator}」数据`,
    sheets: "审计表",
    openSheet: (name) => `打开工作表「${name}」`,
    auditedAt: (when) => `审计时间：${when}`,
    guarantees: "办学条件保障（G3–G5）未通过的学校",
    countyVerdict: { pass: "达标", fail: "未达标", incomplete: "未完成" },
    wholeStandard: "县域结论（四个方面与一票否决）",
    dimensions: {
      resource: "资源配置",
      guarantee: "政府保障程度",
      quality: "教育质量",
      recognition: "社会认可度",
    },
    itemStatus: { pass: "达标", fail: "未达标", unchecked: "未核查" },
    dimensionLine: (name, status, checked, passed, failed, unchecked) =>
      `${name}：${status}（核查${checked}项，达标${passed}项，未达标${failed}项，未核查${unchecked}项）`,
    failedItems: "未达标项目",
    vetoTriggered: "一票否决情形",
    uncheckedItems: "未核查项目",
    uncheckedCount: (n) => `未核查项目（${n}项）`,
    itemFigure: (figure, requirement) => `实际：${figure}；要求：${requirement}`,
    requirement: (requirement) => `要求：${requirement}`,
    figureWords: {
      yes: "是",
      no: "否",
      subject: (name, level, rate) => `${name} ${level}级，差异率${rate}`,
      separator: "、",
    },
    showItem: (label, sheet) => `在「${sheet}」中查看 ${label}`,
    showCv: (stage, indicator, sheet) => `在「${sheet}」中选中${stage}「${indicator}」的差异系数`,
    dataIncomplete: {
      title: "数据不完整",
      body: (rows) =>
        `有 ${rows} 所学校的行因数据有误未读入，审计结果不含这些学校。请改正下列单元格后重新审计：`,
      showRow: (name, sheet, cell) => `在「${sheet}」中选中「${name}」的 ${cell}`,
      diagnostics: (sheet) => `在「${sheet}」中查看`,
    },
    missing: "待补充",
    missingHint: (sheet) =>
      sheet
        ? `点击编号跳到「${sheet}」表中要填写的单元格。`
        : "工作簿中还没有县域指标表：在「数据」页点击「插入县域指标表」后填写。",
    fillCell: (code) => `填写 ${code}`,
    // The engine words its advice in Chinese already.
    advice: (shortfall) => shortfall.advice,
  },
};

/** An addition in English, worded from the catalogue's measure: "2 county-level backbone teachers", "12.50 m² of …". */
function englishAmount(shortfall: Shortfall, amount: number): string {
  const { noun, enPlural } = measureDef(shortfall.measure).addition;
  if (shortfall.unit === "m2") return `${amount.toFixed(2)} m² of ${noun.en}`;
  if (shortfall.unit === "yuan") return `${amount.toLocaleString("en-US")} yuan of ${noun.en}`;
  return `${amount.toLocaleString("en-US")} ${amount === 1 ? noun.en : (enPlural ?? noun.en)}`;
}

/** The engine's advice in English, from its figures: 「需增加2名…」 → "Add 2 county-level backbone teachers". */
function englishAdvice(shortfall: Shortfall): string {
  if (shortfall.value === null || shortfall.addition === null)
    return `No ${shortfall.indicator} figures: it cannot be shown to meet the standard. Fill them in.`;
  let text = `${shortfall.additionScope === "school" ? "The whole school must add" : "Add"} ${englishAmount(shortfall, shortfall.addition)}`;
  if (shortfall.additionScope === "school")
    text += " (shared by its stages, split by weighted pupils)";
  if (shortfall.belowFloor && shortfall.additionToFloor !== null) {
    const floor = percentOf(shortfall.floor / shortfall.required);
    text += `; below ${floor} of the standard: at least ${englishAmount(shortfall, shortfall.additionToFloor)} to reach ${floor}`;
  }
  return text;
}

const en: Strings = {
  lang: "en",
  title: "Junheng Audit",
  tabs: { data: "Data", settings: "Settings", results: "Results" },
  runButton: "Run audit",
  running: "Auditing…",
  steps: {
    read: "Reading sheets",
    detect: "Finding tables",
    audit: "Auditing",
    write: "Writing audit sheets",
  },
  progressLabel: (step, percent) => `${step} (${percent}%)`,
  errorTitle: "Could not finish",
  dismiss: "Dismiss",
  errors: {
    excel: {
      InvalidOperationInCellEditMode:
        "Excel is editing a cell, so the add-in cannot work on the workbook. Press Enter or Esc to finish editing (or click another cell), then run the audit again.",
      AccessDenied:
        "The sheet or workbook is protected, so the add-in may not change it. On the Review tab, choose Unprotect Sheet and Protect Workbook (to remove structure protection), then run the audit again; save a workbook opened read-only as an editable copy first.",
      RequestPayloadSizeLimitExceeded:
        "The data sent to Excel at once is over Excel on the web's 5 MB limit. Run the audit in desktop Excel, or split the oversized sheets (such as one with long notes) and try again.",
      ResponsePayloadSizeLimitExceeded:
        "The data read from Excel is over Excel on the web's 5 MB limit. Run the audit in desktop Excel, or delete large content unrelated to the audit from the sheets and try again.",
      ItemAlreadyExists:
        "The workbook already has a sheet or name of that name; another audit may be running. Wait for it to finish or close other add-in windows, then run the audit again.",
      ItemNotFound:
        "The sheet or cell could not be found; it may just have been renamed or deleted. Run the audit again, then click the link in the results.",
      InvalidReference: "The sheet or cell referred to no longer exists. Run the audit again.",
      Conflict:
        "Someone or another program is changing the workbook at the same time. Wait a moment for it to sync, then run the audit again.",
      InactiveWorkbook:
        "The workbook being audited is no longer the active window. Switch back to it and run the audit again.",
      MergedRangeConflict:
        "The area to write overlaps merged cells. Run the audit again (it writes only to new sheets); if the problem stays, report it to the developers.",
      ApiNotFound:
        "This version of Excel lacks features the add-in needs (ExcelApi 1.13 or later). Update Office to the latest version, or use Excel on the web.",
      UnsupportedOperation:
        "This version of Excel or this workbook mode does not support the operation. Update Office, or open an editable workbook in desktop Excel or Excel on the web and try again.",
      GeneralException:
        "Excel hit an internal error and the operation did not finish. Save the workbook, close and reopen it, then run the audit again; existing audit sheets are not deleted when this happens.",
    },
    excelOther: (code) =>
      `Talking to Excel failed${code ? ` (error code ${code})` : ""}; the operation did not finish and existing audit sheets are unaffected. Close any open dialog or cell edit and try again; if it keeps happening, send this message to support.`,
    noSchools: (error) => {
      const why = error.skipped.slice(0, 3).map(describeSkipped);
      return `No school table was found in the workbook${why.length ? ` (${why.join("; ")})` : ""}. Open a sheet with columns such as school name and pupils and try again, or map the columns on the Data tab.`;
    },
    nothingCounted: (error) => {
      const why = error.excluded.slice(0, 3).map(describeExcluded);
      return `None of the schools read counts in the audit${why.length ? ` (${why.join("; ")}${error.excluded.length > 3 ? " …" : ""})` : ""}, so no audit sheets were written. Check the school types and pupil figures, or correct the column mapping on the Data tab, and try again.`;
    },
    settingsNotSaved: (error) =>
      `The settings could not be saved in the workbook: ${error.reason}. Make sure the workbook can be edited and try again.`,
    wpsNoWorkbook:
      "WPS Spreadsheets has no workbook open. Open the workbook to audit (.xlsx or .et), then click 「一键审计」 (Run audit) or open the task pane.",
    wpsOther: (detail) =>
      `Talking to WPS Spreadsheets failed${detail ? ` (${detail})` : ""}; the operation did not finish and existing audit sheets are unaffected. Finish any cell edit (press Enter or Esc), unprotect the sheet and workbook, close any open dialog and try again; if it keeps happening, send this message to support.`,
    unexpected:
      "The operation did not finish. Try again; if it keeps happening, send this message to support.",
  },
  data: {
    scanning: "Looking for school tables in the workbook…",
    rescan: "Scan again",
    none: "No school table found. Open a sheet with school names and pupil counts, then choose Scan again.",
    table: (a, b, n) => `Header rows ${a}–${b}, ${n} schools read`,
    field: "Field",
    column: "Column",
    confidence: (p) => `${p}% sure`,
    unused: "Do not use this field",
    notUsed: "Not used",
    addField: "Add a field…",
    pickColumn: "Choose its column",
    columnOption: (letter, header) => (header ? `Column ${letter}: ${header}` : `Column ${letter}`),
    mappingFor: (field, sheet) => `Column of “${field}” on sheet “${sheet}”`,
    skipped: "Sheets not read as school tables",
    units: "Unit conversions",
    hint: "Change a field's column below. Choices are saved in the workbook and used by the ribbon button and next time.",
    insertCountyForm: "Insert county form",
    countyFormHint:
      "Government guarantee, education quality, social recognition and the veto are entered per county: insert the 「县域指标」 sheet and fill in its 填报值 column. The audit reads it and never rewrites it.",
  },
  stages: { primary: "Primary", junior: "Junior secondary" },
  settings: {
    saved: "Settings are saved in the workbook and used by the ribbon button and next time.",
  },
  results: {
    none: "No audit yet. Check Data and Settings, then choose Run audit.",
    pass: "Pass",
    fail: "Fail",
    noSchools: "No schools",
    unread: "No schools read",
    unreadHelp:
      "The workbook has sheets or rows for this stage, but no school could be read; the county verdict is incomplete. See 数据诊断 for why, or map the columns on the Data tab.",
    county: (name) => name || "County",
    stageSummary: (s, p, n, cv) =>
      `${s} schools, ${p} passing, ${n} pupils; ${cv === null ? "CVs cannot be judged" : cv ? "every CV within its limit" : "a CV is over its limit"}`,
    indicator: "Indicator",
    cv: "CV",
    limit: "Limit",
    verdict: "Result",
    composite: "Composite CV",
    cvOk: "Within",
    cvOver: "Over",
    metCount: (met, total) => `${met} of ${total} indicators met`,
    noCv: "—",
    failing: "Schools that fail",
    noneFailing: "Every school meets the school rule.",
    showSource: (name) => `Select “${name}” in its source sheet`,
    selected: (sheet, address) => `Selected ${address} on sheet “${sheet}”`,
    showCell: (name, indicator) => `Select the ${indicator} figure of “${name}”`,
    sheets: "Audit sheets",
    openSheet: (name) => `Open sheet “${name}”`,
    auditedAt: (when) => `Audited ${when}`,
    guarantees: "Schools failing the guarantee checks (G3–G5)",
    countyVerdict: {
      pass: "Meets the standard",
      fail: "Does not meet the standard",
      incomplete: "Not yet decidable",
    },
    wholeStandard: "County verdict (four dimensions and the veto)",
    dimensions: {
      resource: "Resource allocation",
      guarantee: "Government guarantee",
      quality: "Education quality",
      recognition: "Social recognition",
    },
    itemStatus: { pass: "met", fail: "not met", unchecked: "unchecked" },
    dimensionLine: (name, status, checked, passed, failed, unchecked) =>
      `${name}: ${status} (${checked} checked, ${passed} met, ${failed} not met, ${unchecked} unchecked)`,
    failedItems: "Items not met",
    vetoTriggered: "Veto items triggered",
    uncheckedItems: "Unchecked items",
    uncheckedCount: (n) => `Unchecked items (${n})`,
    itemFigure: (figure, requirement) => `Figure: ${figure}; required: ${requirement}`,
    requirement: (requirement) => `Required: ${requirement}`,
    figureWords: {
      yes: "yes",
      no: "no",
      subject: (name, level, rate) => `${name} level ${level}, gap rate ${rate}`,
      separator: ", ",
    },
    showItem: (label, sheet) => `Show ${label} in 「${sheet}」`,
    showCv: (stage, indicator, sheet) => `Select the ${stage} CV of ${indicator} in 「${sheet}」`,
    dataIncomplete: {
      title: "Data incomplete",
      body: (rows) =>
        `${rows === 1 ? "1 school row was" : `${rows} school rows were`} left out for bad data: the audit does not include ${rows === 1 ? "that school" : "those schools"}. Correct these cells and run the audit again:`,
      showRow: (name, sheet, cell) => `Select ${cell} of “${name}” in 「${sheet}」`,
      diagnostics: (sheet) => `Show in 「${sheet}」`,
    },
    missing: "Still to fill in",
    missingHint: (sheet) =>
      sheet
        ? `Click a code to go to its cell in 「${sheet}」.`
        : "The workbook has no county form yet: on the Data tab, click “Insert county form” and fill it in.",
    fillCell: (code) => `Fill in ${code}`,
    advice: englishAdvice,
  },
};

/**
 * The strings for Office's display language: English for "en-…", Chinese otherwise.
 *
 * @example
 * stringsFor("en-US").runButton; // "Run audit"
 * stringsFor("zh-CN").runButton; // "一键审计"
 */
export function stringsFor(displayLanguage: string | undefined | null): Strings {
  return (displayLanguage ?? "").toLowerCase().startsWith("en") ? en : zh;
}
