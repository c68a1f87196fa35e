/**
 * Reads the county form 「县域指标」: a sheet with a header row holding 编号 and 填报值 (anywhere in
 * the workbook, under any sheet name), one row per input code of the county catalogue. Optional
 * columns: 县（区） (several counties in one form), 佐证材料, 项目, 单位. Values are typed by the
 * input's kind; a bad value gets a diagnostic naming the cell and leaves its item 未核查.
 * The form is the user's sheet: it is only read, never written.
 */
import { countyInput, type CountyInput } from "../engine/catalogue/county";
import type { CountyForm, CountyFormEntry } from "../engine/county/form";
import type { Diagnostic } from "../engine/diagnostics";
import { a1, isCellError, type CellValue, type SheetGrid } from "./grid";
import { parseNumberCell } from "./numbers";
import { cellText, clip, rawText } from "./text";

export interface CountyFormRead {
  forms: CountyForm[];
  /** Sheets read as county forms (not school tables). */
  sheets: string[];
  diagnostics: Diagnostic[];
}

interface FormColumns {
  headerRow: number;
  code: number;
  value: number;
  county?: number;
  evidence?: number;
}

/** Rows searched for the header (titles and 填报单位 lines come first). */
const HEADER_SEARCH_ROWS = 20;
const YES = new Set(["是", "已具备", "具备", "√", "✓", "✔", "有", "Y", "YES", "TRUE", "达标"]);
const NO = new Set([
  "否",
  "未具备",
  "不具备",
  "×",
  "✗",
  "✘",
  "X",
  "无",
  "N",
  "NO",
  "FALSE",
  "未达标",
]);
const ROMAN: Record<string, number> = {
  Ⅰ: 1,
  Ⅱ: 2,
  Ⅲ: 3,
  Ⅳ: 4,
  I: 1,
  II: 2,
  III: 3,
  IV: 4,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
};

function findColumns(grid: SheetGrid): FormColumns | null {
  const rows = Array.isArray(grid.rows) ? grid.rows : [];
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    // Array.from: rows may be sparse, and map would leave the holes undefined.
    const texts = Array.from(Array.isArray(rows[r]) ? rows[r] : [], (v) => cellText(v));
    const code = texts.findIndex((t) => t === "编号" || t === "指标编号" || t === "代码");
    const value = texts.findIndex(
      (t) => t.startsWith("填报值") || t === "填报数" || t === "填报数值"
    );
    if (code < 0 || value < 0) continue;
    const county = texts.findIndex((t) =>
      /^(县\(区\)|县\(市、区\)|县\(市\)|区县|县区|县\(市区\))$/.test(t)
    );
    const evidence = texts.findIndex((t) => t.startsWith("佐证材料"));
    return {
      headerRow: r,
      code,
      value,
      ...(county >= 0 ? { county } : {}),
      ...(evidence >= 0 ? { evidence } : {}),
    };
  }
  return null;
}

/** 「G11－2」, 「g11-2」, 「G11—2」 → "G11-2". */
function normaliseCode(value: CellValue | undefined): string {
  return cellText(value)
    .toUpperCase()
    .replace(/[－—–_]/g, "-");
}

type Parsed = { value: number | boolean | null; percent?: boolean; problem?: string };

function parseYesNo(value: CellValue): Parsed {
  if (typeof value === "boolean") return { value };
  const t = cellText(value).toUpperCase();
  if (YES.has(t)) return { value: true };
  if (NO.has(t)) return { value: false };
  return {
    value: null,
    problem: `应填「是」或「否」（也可填已具备/未具备、√/×），实际为「${clip(rawText(value))}」`,
  };
}

function parseLevel(value: CellValue): Parsed {
  const t = cellText(value)
    .replace(/^(学业)?水平/, "")
    .replace(/级$/, "")
    .replace(/等$/, "")
    .toUpperCase();
  const n = /^[1-4]$/.test(t) ? Number(t) : ROMAN[t];
  if (n) return { value: n };
  return {
    value: null,
    problem: `应为学业水平等级Ⅰ–Ⅳ（或1–4、「水平Ⅲ」），实际为「${clip(rawText(value))}」`,
  };
}

/** A percent as text: 「96.1%」 → 0.961. */
function textPercent(value: CellValue): number | null {
  if (typeof value !== "string") return null;
  const m = /^([+-]?\d+(?:\.\d+)?)[%％]$/.exec(value.trim().normalize("NFKC").replace(/\s+/g, ""));
  return m ? Number(m[1]) / 100 : null;
}

function parseRate(value: CellValue, percentFormat: boolean): Parsed {
  const percent = textPercent(value);
  if (percent !== null) return { value: percent };
  const n = parseNumberCell(value);
  if (n.kind === "number" && n.value >= 0 && (n.value <= 1 || percentFormat))
    return { value: n.value };
  return {
    value: null,
    problem: `应为0到1之间的小数或百分数（如0.12或12%），实际为「${clip(rawText(value))}」`,
  };
}

function parseAmount(input: CountyInput, value: CellValue, percentFormat: boolean): Parsed {
  const percent = textPercent(value);
  if (percent !== null || percentFormat) {
    if (!input.acceptsRate)
      return {
        value: null,
        problem: `此行应填${input.unit === "元" ? "金额" : "数量"}，不能填比例`,
      };
    const rate = percent ?? (parseNumberCell(value) as { value: number }).value;
    if (!(rate >= 0 && rate <= 1))
      return { value: null, problem: `比例应在0%到100%之间，实际为「${clip(rawText(value))}」` };
    return { value: rate, percent: true };
  }
  const n = parseNumberCell(value);
  if (n.kind !== "number") {
    return {
      value: null,
      problem: `应为${input.kind === "money" ? "金额（元）" : "数量"}，实际为「${clip(isCellError(value) ? value.error : rawText(value))}」`,
    };
  }
  if (n.value < 0) return { value: null, problem: `不能为负数（${n.value}）` };
  if (input.kind === "count" && !Number.isInteger(n.value)) {
    // A fraction in a rate row is a rate whose % format was lost (a copy of values only, a host that
    // gives no number formats): the Excel and file hosts report the format (percentCells).
    if (input.acceptsRate && n.value < 1) return { value: n.value, percent: true };
    return { value: null, problem: `应为整数，实际为${n.value}` };
  }
  return { value: n.value };
}

function parseValue(input: CountyInput, value: CellValue, percentFormat: boolean): Parsed {
  if (
    value === null ||
    value === undefined ||
    (typeof value === "string" && value.trim() === "") ||
    parseNumberCell(value).kind === "empty"
  ) {
    return { value: null };
  }
  switch (input.kind) {
    case "yesno":
      return parseYesNo(value);
    case "level":
      return parseLevel(value);
    case "rate":
      return parseRate(value, percentFormat);
    default:
      return parseAmount(input, value, percentFormat);
  }
}

function readForm(grid: SheetGrid, columns: FormColumns, diagnostics: Diagnostic[]): CountyForm[] {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const address = (r: number, c: number) => a1(origin.row + r, origin.col + c);
  const percentCells = new Set(grid.percentCells ?? []);
  const forms = new Map<string, CountyForm>();
  const seenAt = new Map<string, string>();
  const warn = (cell: string, code: string, message: string) =>
    diagnostics.push({ level: "warning", code, sheet: grid.name, cell, message });
  let county = "";
  for (let r = columns.headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (columns.county !== undefined) {
      const named = rawText(row[columns.county]);
      if (named) county = named;
    }
    const code = normaliseCode(row[columns.code]);
    if (!code) continue;
    const input = countyInput(code);
    if (!input) {
      if (/^[A-Z]+\d/.test(code)) {
        warn(
          address(r, columns.code),
          "county-form.unknown-code",
          `「${grid.name}」${address(r, columns.code)}的编号「${clip(code)}」不是县域指标的编号，该行未读入（编号见县域指标空表，如 G11-2）。`
        );
      }
      continue;
    }
    const cell = address(r, columns.value);
    const form = forms.get(county) ?? { county, sheet: grid.name, entries: {} };
    forms.set(county, form);
    const key = `${county}\u0000${code}`;
    const parsed = parseValue(input, row[columns.value], percentCells.has(cell));
    const entry: CountyFormEntry = { code, value: parsed.value, sheet: grid.name, cell };
    if (parsed.percent) entry.percent = true;
    const raw = row[columns.value];
    if (typeof raw === "string" && input.kind !== "yesno" && parsed.value !== null)
      entry.fromText = true;
    if (columns.evidence !== undefined) entry.evidenceCell = address(r, columns.evidence);
    const evidence = columns.evidence !== undefined ? rawText(row[columns.evidence]) : "";
    if (evidence) entry.evidence = evidence;
    if (parsed.problem) {
      entry.invalid = parsed.problem;
      warn(
        cell,
        "county-form.bad-value",
        `「${grid.name}」${cell}（${code} ${input.label}）${parsed.problem}；该项按未核查处理。`
      );
    }
    const earlier = seenAt.get(key);
    if (earlier) {
      const problem = `编号${code}出现两次（${earlier}和${cell}）`;
      form.entries[code] = { ...form.entries[code], value: null, invalid: problem };
      warn(
        cell,
        "county-form.duplicate-code",
        `「${grid.name}」${problem}${county ? `（${county}）` : ""}，无法确定用哪一个；该项按未核查处理，请删去多余的一行。`
      );
      continue;
    }
    seenAt.set(key, cell);
    form.entries[code] = entry;
  }
  for (const form of forms.values()) checkParts(form, grid.name, warn);
  return [...forms.values()];
}

/** A part larger than its whole (G11-2 > G11-1): the part is rejected, its item 未核查. */
function checkParts(
  form: CountyForm,
  sheet: string,
  warn: (cell: string, code: string, message: string) => void
): void {
  for (const entry of Object.values(form.entries)) {
    const input = countyInput(entry.code);
    const whole = input?.partOf ? form.entries[input.partOf] : undefined;
    if (!whole || entry.invalid || whole.invalid || entry.percent || whole.percent) continue;
    if (
      typeof entry.value !== "number" ||
      typeof whole.value !== "number" ||
      entry.value <= whole.value
    )
      continue;
    entry.invalid = `${entry.code}（${entry.value}）大于${whole.code}（${whole.value}）`;
    warn(
      entry.cell ?? "",
      "county-form.part-exceeds-whole",
      `「${sheet}」${entry.cell}：${input!.label}${entry.value}大于${countyInput(whole.code)!.label}${whole.value}（${whole.cell}），分项不能大于合计；该项按未核查处理。`
    );
  }
}

/**
 * Finds and reads every county form of a workbook. Never throws.
 *
 * @example
 * const { forms } = readCountyForms([{ name: "县域指标", merges: [], rows: [
 *   ["编号", "项目", "填报值"],
 *   ["G11-1", "符合交流轮岗条件的教师数", 1704],
 *   ["G11-2", "上一年度交流轮岗教师数", 173],
 * ] }]);
 * // forms[0].entries["G11-2"]: { code: "G11-2", value: 173, sheet: "县域指标", cell: "C3" }
 */
export function readCountyForms(grids: readonly SheetGrid[]): CountyFormRead {
  const diagnostics: Diagnostic[] = [];
  const forms: CountyForm[] = [];
  const sheets: string[] = [];
  for (const grid of Array.isArray(grids) ? grids : []) {
    if (!grid || !Array.isArray(grid.rows)) continue;
    let columns: FormColumns | null;
    let read: CountyForm[];
    try {
      columns = findColumns(grid);
      if (!columns) continue;
      read = readForm(grid, columns, diagnostics);
    } catch (error) {
      // A reader bug must not stop the audit: say so, in Chinese, and go on without this form.
      diagnostics.push({
        level: "error",
        code: "county-form.internal",
        sheet: grid.name,
        cell: "",
        message: `读取县域指标表「${grid.name}」时出现内部错误，该表未读入（${clip(String((error as Error)?.message ?? error), 80)}）。`,
      });
      continue;
    }
    sheets.push(grid.name);
    for (const form of read) {
      const earlier = forms.find((f) => f.county === form.county);
      if (earlier) {
        diagnostics.push({
          level: "warning",
          code: "county-form.duplicate-form",
          sheet: grid.name,
          cell: "",
          message: `工作表「${grid.name}」与「${earlier.sheet}」都是${form.county ? `${form.county}的` : ""}县域指标表，只读取了「${earlier.sheet}」。`,
        });
        continue;
      }
      forms.push(form);
    }
    diagnostics.push({
      level: "info",
      code: "county-form.read",
      sheet: grid.name,
      cell: "",
      message: `工作表「${grid.name}」按县域指标表读入（${forms.filter((f) => f.sheet === grid.name).length}个县区）。`,
    });
  }
  return { forms, sheets, diagnostics };
}
