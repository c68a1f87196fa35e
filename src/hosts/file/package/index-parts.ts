import { OWNERSHIP_NAME_PREFIX } from "../../../report/plan";
import { attr, escapeAttr, escapeText, prefixFor, rootPrefix, unescapeXml } from "./xml-text";

/**
 * Edits of a package's index parts by addition: xl/workbook.xml, its relationships and
 * [Content_Types].xml. Each edit inserts new elements before a closing tag (or after a known
 * sibling) and leaves every original byte of the part otherwise as it was. Removal only ever
 * touches elements an earlier audit added (its sheets, their relationships and names).
 */

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const WORKSHEET_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
export const WORKSHEET_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const OWNERSHIP_NAME = new RegExp(`^${OWNERSHIP_NAME_PREFIX}\\d+$`, "i");

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  relId: string;
  /** The element as written, for removal. */
  tag: string;
}

export interface DefinedName {
  name: string;
  localSheetId?: number;
  formula: string;
  /** The element as written. */
  element: string;
}

/** The `<sheet>` elements of workbook.xml, in order. */
export function workbookSheets(xml: string): WorkbookSheet[] {
  const p = rootPrefix(xml);
  const r = prefixFor(xml, REL_NS) ?? "r:";
  const sheetsStart = xml.search(new RegExp(`<${p}sheets[\\s>]`));
  const sheetsEnd = xml.indexOf(`</${p}sheets>`, sheetsStart);
  if (sheetsStart < 0 || sheetsEnd < 0) return [];
  const block = xml.slice(sheetsStart, sheetsEnd);
  return [...block.matchAll(new RegExp(`<${p}sheet\\s[^>]*>`, "g"))].map((m) => ({
    name: attr(m[0], "name") ?? "",
    sheetId: Number(attr(m[0], "sheetId") ?? 0),
    relId: attr(m[0], `${r}id`) ?? "",
    tag: m[0],
  }));
}

/** The `<definedName>` elements of workbook.xml. */
export function definedNames(xml: string): DefinedName[] {
  const p = rootPrefix(xml);
  return [
    ...xml.matchAll(new RegExp(`<${p}definedName\\s[^>]*?(?:/>|>([^]*?)</${p}definedName>)`, "g")),
  ].map((m) => {
    const local = attr(m[0], "localSheetId");
    return {
      name: attr(m[0], "name") ?? "",
      ...(local !== undefined ? { localSheetId: Number(local) } : {}),
      formula: unescapeXml(m[1] ?? ""),
      element: m[0],
    };
  });
}

/** The sheet a reference such as `'审计总览'!$A$1` names. */
function sheetOfReference(ref: string): string | null {
  const bang = ref.lastIndexOf("!");
  if (bang <= 0) return null;
  const sheet = ref.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
    return sheet.slice(1, -1).replace(/''/g, "'");
  return sheet;
}

/** Names of the sheets an earlier audit wrote (workbook names JH_AUDIT_<n> point at them). */
export function ownedSheetNamesOf(xml: string): string[] {
  const sheets = workbookSheets(xml);
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const owned = new Set<string>();
  for (const name of definedNames(xml)) {
    if (!OWNERSHIP_NAME.test(name.name)) continue;
    for (const area of name.formula.split(",")) {
      const sheet = sheetOfReference(area);
      const actual = sheet === null ? undefined : byName.get(sheet.toLowerCase());
      if (actual) owned.add(actual);
    }
  }
  return sheets.map((s) => s.name).filter((n) => owned.has(n));
}

/**
 * workbook.xml without the given sheets (an earlier audit's own), their sheet-scoped names and
 * every ownership name; other names' localSheetId follow their sheet's new position.
 */
export function removeSheets(xml: string, names: readonly string[]): string {
  const sheets = workbookSheets(xml);
  const removed = new Set(names.map((n) => n.toLowerCase()));
  const removedIndexes = sheets
    .map((s, i) => (removed.has(s.name.toLowerCase()) ? i : -1))
    .filter((i) => i >= 0);
  let out = xml;
  for (const sheet of sheets)
    if (removed.has(sheet.name.toLowerCase())) out = out.replace(sheet.tag, "");
  const shift = (index: number) => index - removedIndexes.filter((i) => i < index).length;
  for (const name of definedNames(out)) {
    const local = name.localSheetId;
    if (OWNERSHIP_NAME.test(name.name) || (local !== undefined && removedIndexes.includes(local))) {
      out = out.replace(name.element, "");
    } else if (local !== undefined && shift(local) !== local) {
      const renumbered = name.element.replace(/(\slocalSheetId\s*=\s*")\d+"/, `$1${shift(local)}"`);
      out = out.replace(name.element, () => renumbered);
    }
  }
  // An emptied <definedNames> would be invalid: drop the empty element.
  const p = rootPrefix(out);
  return out.replace(new RegExp(`<${p}definedNames(\\s[^>]*)?>\\s*</${p}definedNames>`), "");
}

/** Index just past the end of the last present element among `names` (start tag or self-closing), or -1. */
function endOfLast(xml: string, p: string, names: string[]): number {
  let at = -1;
  for (const name of names) {
    const close = xml.lastIndexOf(`</${p}${name}>`);
    if (close >= 0) at = Math.max(at, close + `</${p}${name}>`.length);
    for (const self of xml.matchAll(new RegExp(`<${p}${name}(\\s[^>]*)?/>`, "g")))
      at = Math.max(at, self.index + self[0].length);
  }
  return at;
}

export interface NewSheet {
  name: string;
  sheetId: number;
  relId: string;
}

export interface NewName {
  name: string;
  localSheetId?: number;
  formula: string;
}

/**
 * workbook.xml with new `<sheet>` elements appended to `<sheets>` and new `<definedName>`
 * elements appended to `<definedNames>` (created after its preceding siblings when absent), and
 * full recalculation on open asked for in `<calcPr>`.
 */
export function appendToWorkbook(xml: string, sheets: NewSheet[], names: NewName[]): string {
  const p = rootPrefix(xml);
  const declared = prefixFor(xml, REL_NS);
  // A relationships prefix the root does not declare is declared on each new element.
  const r = declared ?? "jhr:";
  const declare = declared === undefined ? ` xmlns:jhr="${REL_NS}"` : "";
  const sheetTags = sheets
    .map(
      (s) =>
        `<${p}sheet name="${escapeAttr(s.name)}" sheetId="${s.sheetId}"${declare} ${r}id="${s.relId}"/>`
    )
    .join("");
  const closeSheets = xml.indexOf(`</${p}sheets>`);
  if (closeSheets < 0) throw new Error("workbook.xml 中没有 sheets 元素");
  let out = xml.slice(0, closeSheets) + sheetTags + xml.slice(closeSheets);

  const nameTags = names
    .map(
      (n) =>
        `<${p}definedName name="${escapeAttr(n.name)}"${n.localSheetId !== undefined ? ` localSheetId="${n.localSheetId}"` : ""}>${escapeText(n.formula)}</${p}definedName>`
    )
    .join("");
  if (nameTags) {
    const closeNames = out.indexOf(`</${p}definedNames>`);
    if (closeNames >= 0) out = out.slice(0, closeNames) + nameTags + out.slice(closeNames);
    else {
      const at = endOfLast(out, p, ["sheets", "functionGroups", "externalReferences"]);
      out = `${out.slice(0, at)}<${p}definedNames>${nameTags}</${p}definedNames>${out.slice(at)}`;
    }
  }

  const calc = new RegExp(`<${p}calcPr(\\s[^>]*)?/?>`).exec(out);
  if (calc) {
    const asked = calc[0].replace(new RegExp(`^<${p}calcPr`), `<${p}calcPr fullCalcOnLoad="1"`);
    if (!/\sfullCalcOnLoad\s*=/.test(calc[0])) out = out.replace(calc[0], () => asked);
  } else {
    const at = endOfLast(out, p, [
      "sheets",
      "functionGroups",
      "externalReferences",
      "definedNames",
    ]);
    out = `${out.slice(0, at)}<${p}calcPr fullCalcOnLoad="1"/>${out.slice(at)}`;
  }
  return out;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  tag: string;
}

export function relationships(xml: string): Relationship[] {
  return [...xml.matchAll(/<(?:[\w.-]+:)?Relationship\s[^>]*>/g)].map((m) => ({
    id: attr(m[0], "Id") ?? "",
    type: attr(m[0], "Type") ?? "",
    target: attr(m[0], "Target") ?? "",
    tag: m[0],
  }));
}

/** A .rels part with the given relationships removed (by Id) and new ones appended. */
export function editRelationships(
  xml: string,
  removeIds: readonly string[],
  add: { id: string; type: string; target: string }[]
): string {
  const p = rootPrefix(xml);
  let out = xml;
  const remove = new Set(removeIds);
  for (const rel of relationships(xml)) if (remove.has(rel.id)) out = out.replace(rel.tag, "");
  const tags = add
    .map(
      (r) =>
        `<${p}Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`
    )
    .join("");
  const close = out.lastIndexOf(`</${p}Relationships>`);
  if (close < 0) throw new Error("关系部件中没有 Relationships 元素");
  return out.slice(0, close) + tags + out.slice(close);
}

/** [Content_Types].xml with overrides for the given part names removed and new ones appended. */
export function editContentTypes(
  xml: string,
  removeParts: readonly string[],
  add: { part: string; type: string }[]
): string {
  const p = rootPrefix(xml);
  let out = xml;
  const remove = new Set(removeParts.map((n) => `/${n}`.toLowerCase()));
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Override\s[^>]*>/g)) {
    if (remove.has((attr(m[0], "PartName") ?? "").toLowerCase())) out = out.replace(m[0], "");
  }
  const tags = add
    .map((o) => `<${p}Override PartName="/${escapeAttr(o.part)}" ContentType="${o.type}"/>`)
    .join("");
  const close = out.lastIndexOf(`</${p}Types>`);
  if (close < 0) throw new Error("[Content_Types].xml 中没有 Types 元素");
  return out.slice(0, close) + tags + out.slice(close);
}

/** Resolves a relationship target of the part `from` (e.g. xl/workbook.xml) to a part name. */
export function resolveTarget(from: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

/** The .rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? `_rels/${part}.rels` : `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/**
 * workbook.xml opening on the sheet at `index`: the first `<workbookView>`'s activeTab set to it
 * (the one attribute value the audit changes in an index part, see docs/package-writer.md), and a
 * firstSheet beyond the last sheet brought back; `<bookViews>` is added before `<sheets>` when
 * the workbook has none.
 *
 * @example
 * setActiveTab('<workbook><bookViews><workbookView activeTab="0"/></bookViews>…', 7); // activeTab="7"
 */
export function setActiveTab(xml: string, index: number, sheetCount: number): string {
  const p = rootPrefix(xml);
  const view = new RegExp(`<${p}workbookView(\\s[^>]*)?/?>`).exec(xml);
  if (!view) {
    const sheets = xml.search(new RegExp(`<${p}sheets[\\s>/]`));
    if (sheets < 0) return xml;
    return `${xml.slice(0, sheets)}<${p}bookViews><${p}workbookView activeTab="${index}"/></${p}bookViews>${xml.slice(sheets)}`;
  }
  let tag = /\sactiveTab\s*=\s*"\d*"/.test(view[0])
    ? view[0].replace(/(\sactiveTab\s*=\s*")\d*"/, `$1${index}"`)
    : view[0].replace(new RegExp(`^<${p}workbookView`), `<${p}workbookView activeTab="${index}"`);
  const firstSheet = Number(attr(tag, "firstSheet") ?? 0);
  if (firstSheet > index || firstSheet >= sheetCount)
    tag = tag.replace(/(\sfirstSheet\s*=\s*")\d*"/, `$1${Math.min(index, sheetCount - 1)}"`);
  return xml.slice(0, view.index) + tag + xml.slice(view.index + view[0].length);
}

/** Whether a worksheet or chartsheet part's opening (up to its data) has a selected tab. */
export function hasSelectedTab(sheetXmlStart: string): boolean {
  const head = sheetXmlStart.split(/<(?:[\w.-]+:)?sheetData[\s>/]/)[0];
  return /<(?:[\w.-]+:)?sheetView\s[^>]*\btabSelected\s*=\s*"(?:1|true)"/.test(head);
}
