/**
 * The county form as the engine sees it: one entry per input code, already typed by the reader
 * (src/sheets/countyForm.ts) or built by a test. Values only; the reader has said what was wrong.
 */

/** One row of the form 「县域指标」. */
export interface CountyFormEntry {
  code: string;
  /** A number (count, 元, level 1–4, or a rate as a fraction), 是 → true / 否 → false, or null when blank. */
  value: number | boolean | null;
  /** The county entered a rate here (0.961 with a % format, or 「96.1%」) rather than a count: 「填报比例」. */
  percent?: boolean;
  /** 佐证材料: the document's name. */
  evidence?: string;
  /** The cell held text the reader parsed (「96.1%」, 「Ⅳ」, 「173人」): a formula cannot use it as a number. */
  fromText?: boolean;
  /** Why the row cannot be used (the reader gave a diagnostic): its item is 未核查. */
  invalid?: string;
  /** Where the 填报值 cell is, so findings and the pane can point at it. */
  sheet?: string;
  cell?: string;
  /** The 佐证材料 cell of the row, when the form has that column. */
  evidenceCell?: string;
}

/** The form of one county: several counties in one workbook each have their own. */
export interface CountyForm {
  /** 县（区） of the rows; "" when the form has no such column. */
  county: string;
  sheet: string;
  entries: Record<string, CountyFormEntry>;
}
