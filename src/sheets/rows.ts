import type { Stage } from "../engine/types";
import type { CellValue } from "./grid";
import { parseNumberCell } from "./numbers";
import { cellText } from "./text";

/**
 * What the rows around and among the schools are: totals, footnotes, stage sections, code rows
 * and the 「填报单位」/「单位：」 lines. None of them is a school.
 */

const TOTAL =
  /^(合计|总计|小计|累计|共计|总和|汇总|平均|均值|平均值|差异系数|标准差|其中[:：]?)|^(全县|全区|全市|全旗|全镇|本县|本区)$|(合计|总计|小计|平均值?|差异系数)$/;
/** 小计 / 合计 / 总计 / 共计 anywhere in a label: 「城关镇（小计）」, 「城关镇小计：」, 「河口乡合计（1所）」. */
const TOTAL_ANYWHERE = /小计|合计|总计|共计/;
const FOOTNOTE =
  /^(注|备注|说明|附注|填表说明|注释|填表人|制表人|负责人|审核人|单位负责人|统计负责人|填报人|联系人|联系电话|填报日期|报出日期|制表日期)\d*[:：.、]|^注\d|^注[:：]?$|^\*/;
const META =
  /^(填报单位|填表单位|报送单位|单位|计量单位|统计时间|填报时间|统计截止|时间|日期|制表)(\([^)]*\))?[:：]/;
const TITLE = /统计表|情况表|一览表|汇总表|申报表|登记表|明细表|基本情况|^表[IVXⅠⅡⅢⅣⅤⅥ\d]/;
const SECTION =
  /^([一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十\d]+\)|\d+[、.])?(小学|初中|初级中学)(学校)?(部分|阶段|学段)?[:：]?$/;
const SECTION_HEADING = /^([一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\))/;
const CODE = /^(L|B|C)\d{1,2}$|^[A-Z]{1,2}$|^[甲乙丙丁戊己庚辛壬癸]$|^栏次$|^\(\d{1,2}\)$|^[①-⑳]$/;

/**
 * A totals row: 合计 / 总计 / 小计 / 全县 / 平均 … in a label cell; 小计, 合计, 总计 and 共计 count
 * wherever they stand, whatever brackets, colons or counts decorate them.
 *
 * @example
 * isTotalText("城关镇(小计)"); // true
 * isTotalText("全县总计(不含教学点)"); // true
 * isTotalText("城关镇中心小学"); // false
 */
export function isTotalText(text: string): boolean {
  return text !== "" && (TOTAL.test(text) || TOTAL_ANYWHERE.test(text));
}

/** A footnote or sign-off line: 「注：」, 「填表人：」 … */
export function isFootnoteText(text: string): boolean {
  return text !== "" && FOOTNOTE.test(text);
}

/** A 「填报单位：」 / 「单位：人、平方米、万元」 line above the header. */
export function isMetaText(text: string): boolean {
  return META.test(text);
}

/** A table title (「…统计表」, 「表Ⅱ-2 …基本情况（分学校）」). */
export function isTitleText(text: string): boolean {
  return TITLE.test(text);
}

/**
 * A section row of the declaration table: 「小学」, 「一、小学」, 「初中部分」 set the stage of the
 * rows below; other numbered headings (「三、九年一贯制学校」) end the section's stage.
 *
 * @example
 * sectionOf("二、初中"); // { stage: "junior" }
 * sectionOf("三、九年一贯制学校"); // { stage: null }
 * sectionOf("实验小学"); // null
 */
export function sectionOf(text: string): { stage: Stage | null } | null {
  if (SECTION.test(text)) return { stage: text.includes("小学") ? "primary" : "junior" };
  if (SECTION_HEADING.test(text) && text.length <= 20) return { stage: null };
  return null;
}

/**
 * A row of column codes under the header: L1…L14, A B C, 甲 乙, or 1 2 3 … numbering the columns.
 */
export function isCodeRow(cells: readonly CellValue[]): boolean {
  const texts = cells.map((v) => cellText(v)).filter((t) => t !== "");
  if (texts.length < 2) return false;
  const numbers = texts.map((t) => (/^\d{1,3}$/.test(t) ? Number(t) : Number.NaN));
  if (numbers.every((n) => Number.isInteger(n))) {
    return numbers[0] <= 2 && numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
  }
  // Letter codes (L1, A, 甲, ①) make a code row; bare small numbers may sit among them; nothing else may.
  const letters = texts.filter((t) => CODE.test(t)).length;
  const others = texts.filter((t) => !CODE.test(t) && !/^\d{1,2}$/.test(t)).length;
  return letters >= 2 && others <= texts.length * 0.2;
}

/** Kinds of non-empty cells in a row, text that reads as a number counting as a number. */
export function cellKinds(cells: readonly CellValue[]): { text: number; numeric: number } {
  let text = 0;
  let numeric = 0;
  for (const v of cells) {
    const parsed = parseNumberCell(v);
    if (parsed.kind === "number") numeric++;
    else if (parsed.kind !== "empty") text++;
  }
  return { text, numeric };
}
