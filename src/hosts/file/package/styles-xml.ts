import type { CellStyle } from "../../../report/plan";
import {
  BORDER_COLOR,
  PALETTE,
  VERDICT_COLORS,
  type StyleSpec as PaletteStyle,
} from "../../../report/palette";
import { attr, escapeAttr, rootPrefix } from "./xml-text";

/**
 * The audit's styles appended to a package's xl/styles.xml: fonts, fills, borders, number formats,
 * cell formats and the conditional formats' differential styles go after the original entries of
 * each list, so every style index of the user's cells means what it meant. Counts follow.
 */

interface StyleSpec {
  font?: { bold?: boolean; size?: number; color?: string; underline?: boolean };
  fill?: string;
  border?: boolean;
  align?: { horizontal?: string; vertical?: string; wrapText?: boolean };
}

/** "#BFBFBF" → "FFBFBFBF" (OOXML colours carry an alpha byte). */
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

const BORDER_COLOUR = argb(BORDER_COLOR);

/** The report's palette (src/report/palette.ts) in styles.xml terms. */
function ooxmlSpec(spec: PaletteStyle): StyleSpec {
  const font = {
    bold: spec.bold,
    size: spec.size,
    color: spec.fontColor && argb(spec.fontColor),
    underline: spec.underline,
  };
  const align = {
    horizontal: spec.horizontal,
    vertical: spec.vertical === "middle" ? "center" : spec.vertical,
    wrapText: spec.wrap,
  };
  const defined = <T extends object>(o: T): T | undefined => {
    const kept = Object.fromEntries(
      Object.entries(o).filter(([, v]) => v !== undefined && v !== false)
    );
    return Object.keys(kept).length > 0 ? (kept as T) : undefined;
  };
  const out: StyleSpec = {};
  const f = defined(font);
  if (f) out.font = f;
  if (spec.fill) out.fill = argb(spec.fill);
  if (spec.borders) out.border = true;
  const a = defined(align);
  if (a) out.align = a;
  return out;
}

const SPECS = Object.fromEntries(
  Object.entries(PALETTE).map(([name, spec]) => [name, ooxmlSpec(spec)])
) as Record<CellStyle, StyleSpec>;

/** Number formats Excel knows by id without declaring them. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "0%": 9,
  "0.00%": 10,
};

/** The key of a (style, number format) pair, as the sheet writer asks for it. */
export function styleKey(style: CellStyle | undefined, numFmt: string | undefined): string {
  return `${style ?? ""}\u0000${numFmt ?? ""}`;
}

/** Where a list element (fonts, cellXfs …) sits in the part and how many children it holds. */
interface ListSpan {
  start: number;
  end: number; // index just past the list
  openTag: string;
  inner: string;
  selfClosing: boolean;
  count: number;
}

function findList(xml: string, p: string, list: string, child: string): ListSpan | null {
  const open = new RegExp(`<${p}${list}(\\s[^>]*)?>`).exec(xml);
  const self = new RegExp(`<${p}${list}(\\s[^>]*)?/>`).exec(xml);
  if (self && (!open || self.index <= open.index)) {
    return {
      start: self.index,
      end: self.index + self[0].length,
      openTag: self[0].replace(/\s*\/>$/, ">"),
      inner: "",
      selfClosing: true,
      count: 0,
    };
  }
  if (!open) return null;
  const close = xml.indexOf(`</${p}${list}>`, open.index);
  if (close < 0) return null;
  const inner = xml.slice(open.index + open[0].length, close);
  const count = (inner.match(new RegExp(`<${p}${child}[\\s/>]`, "g")) ?? []).length;
  return {
    start: open.index,
    end: close + `</${p}${list}>`.length,
    openTag: open[0],
    inner,
    selfClosing: false,
    count,
  };
}

/** The list with children appended and its count attribute set; null when the list is absent. */
function appendToList(
  xml: string,
  p: string,
  list: string,
  child: string,
  children: string[]
): { xml: string; first: number } | null {
  const span = findList(xml, p, list, child);
  if (!span) return null;
  if (children.length === 0) return { xml, first: span.count };
  const count = span.count + children.length;
  const openTag = /\scount\s*=\s*"[^"]*"/.test(span.openTag)
    ? span.openTag.replace(/(\scount\s*=\s*")[^"]*"/, `$1${count}"`)
    : span.openTag.replace(/>$/, ` count="${count}">`);
  const replaced = `${openTag}${span.inner}${children.join("")}</${p}${list}>`;
  return { xml: xml.slice(0, span.start) + replaced + xml.slice(span.end), first: span.count };
}

/** Inserts a new list element after the last present of `after` (or first in the root). */
function insertList(
  xml: string,
  p: string,
  list: string,
  children: string[],
  after: string[]
): string {
  const element = `<${p}${list} count="${children.length}">${children.join("")}</${p}${list}>`;
  let at = -1;
  for (const name of after) {
    const close = xml.lastIndexOf(`</${p}${name}>`);
    if (close >= 0) at = Math.max(at, close + `</${p}${name}>`.length);
    const self = new RegExp(`<${p}${name}(\\s[^>]*)?/>`).exec(xml);
    if (self) at = Math.max(at, self.index + self[0].length);
  }
  if (at < 0) {
    const root = new RegExp(`<${p}styleSheet(\\s[^>]*)?>`).exec(xml);
    if (!root) throw new Error("styles.xml 中没有 styleSheet 元素");
    at = root.index + root[0].length;
  }
  return xml.slice(0, at) + element + xml.slice(at);
}

const LIST_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

function appendOrInsert(
  xml: string,
  p: string,
  list: string,
  child: string,
  children: string[]
): { xml: string; first: number } {
  const appended = appendToList(xml, p, list, child, children);
  if (appended) return appended;
  const before = LIST_ORDER.slice(0, LIST_ORDER.indexOf(list));
  return { xml: insertList(xml, p, list, children, before), first: 0 };
}

function fontXml(
  p: string,
  spec: StyleSpec["font"],
  base: { size: string; name: string; family?: string; scheme?: string }
): string {
  const parts: string[] = [];
  if (spec?.bold) parts.push(`<${p}b/>`);
  if (spec?.underline) parts.push(`<${p}u/>`);
  parts.push(`<${p}sz val="${spec?.size ?? base.size}"/>`);
  if (spec?.color) parts.push(`<${p}color rgb="${spec.color}"/>`);
  parts.push(`<${p}name val="${escapeAttr(base.name)}"/>`);
  if (base.family) parts.push(`<${p}family val="${escapeAttr(base.family)}"/>`);
  if (base.scheme) parts.push(`<${p}scheme val="${escapeAttr(base.scheme)}"/>`);
  return `<${p}font>${parts.join("")}</${p}font>`;
}

function fillXml(p: string, argb: string): string {
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor rgb="${argb}"/></${p}patternFill></${p}fill>`;
}

function borderXml(p: string): string {
  const side = (name: string) =>
    `<${p}${name} style="thin"><${p}color rgb="${BORDER_COLOUR}"/></${p}${name}>`;
  return `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`;
}

function dxfXml(p: string, verdict: "pass" | "warn" | "fail"): string {
  const font = argb(VERDICT_COLORS[verdict].fontColor);
  const fill = argb(VERDICT_COLORS[verdict].fill);
  return `<${p}dxf><${p}font><${p}color rgb="${font}"/></${p}font><${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${fill}"/><${p}bgColor rgb="${fill}"/></${p}patternFill></${p}fill></${p}dxf>`;
}

/** The first font's size and name: the audit's fonts look like the workbook's own text. */
function baseFont(
  xml: string,
  p: string
): { size: string; name: string; family?: string; scheme?: string } {
  const fonts = findList(xml, p, "fonts", "font");
  const first = fonts
    ? (new RegExp(`<${p}font[\\s>][^]*?</${p}font>`).exec(fonts.inner)?.[0] ?? "")
    : "";
  const val = (el: string) => {
    const tag = new RegExp(`<${p}${el}\\s[^>]*>`).exec(first)?.[0];
    return tag ? attr(tag, "val") : undefined;
  };
  return {
    size: val("sz") ?? "11",
    name: val("name") ?? "Calibri",
    family: val("family"),
    scheme: undefined,
  };
}

export interface AppendedStyles {
  xml: string;
  /** Cell format index (s="…") per styleKey. */
  cellFormat: Map<string, number>;
  /** Differential format index (dxfId) per verdict. */
  dxf: Record<"pass" | "warn" | "fail", number>;
}

/**
 * Appends the styles the audit uses to a styles.xml part.
 *
 * @example
 * const { xml, cellFormat } = appendAuditStyles(original, [{ style: "header" }, { style: "number", numFmt: "0.000" }]);
 * cellFormat.get(styleKey("header", undefined)); // original cellXfs count + 0
 */
export function appendAuditStyles(
  original: string,
  used: { style?: CellStyle; numFmt?: string }[]
): AppendedStyles {
  const p = rootPrefix(original);
  let xml = original;
  const base = baseFont(xml, p);

  // Number formats: built-in ids where Excel has one, new ids above every existing one otherwise.
  const formatId = new Map<string, number>();
  const existingIds = [...xml.matchAll(new RegExp(`<${p}numFmt\\s[^>]*>`, "g"))].map((m) =>
    Number(attr(m[0], "numFmtId") ?? 0)
  );
  let nextId = Math.max(163, ...existingIds) + 1;
  const newFormats: string[] = [];
  for (const { numFmt } of used) {
    if (!numFmt || formatId.has(numFmt)) continue;
    if (numFmt in BUILT_IN_FORMATS) formatId.set(numFmt, BUILT_IN_FORMATS[numFmt]);
    else {
      formatId.set(numFmt, nextId);
      newFormats.push(`<${p}numFmt numFmtId="${nextId}" formatCode="${escapeAttr(numFmt)}"/>`);
      nextId++;
    }
  }
  if (newFormats.length > 0) xml = appendOrInsert(xml, p, "numFmts", "numFmt", newFormats).xml;

  const styles = [
    ...new Set(used.map((u) => u.style).filter((s): s is CellStyle => s !== undefined)),
  ];
  const fontIndex = new Map<CellStyle, number>();
  const fillIndex = new Map<CellStyle, number>();
  const fonts = styles.filter((s) => SPECS[s].font);
  const fills = styles.filter((s) => SPECS[s].fill);
  const fontResult = appendOrInsert(
    xml,
    p,
    "fonts",
    "font",
    fonts.map((s) => fontXml(p, SPECS[s].font, base))
  );
  xml = fontResult.xml;
  fonts.forEach((s, i) => fontIndex.set(s, fontResult.first + i));
  const fillResult = appendOrInsert(
    xml,
    p,
    "fills",
    "fill",
    fills.map((s) => fillXml(p, SPECS[s].fill!))
  );
  xml = fillResult.xml;
  fills.forEach((s, i) => fillIndex.set(s, fillResult.first + i));
  const borderResult = appendOrInsert(
    xml,
    p,
    "borders",
    "border",
    styles.some((s) => SPECS[s].border) ? [borderXml(p)] : []
  );
  xml = borderResult.xml;
  const borderId = borderResult.first;

  const cellFormat = new Map<string, number>();
  const xfs: string[] = [];
  const keys: { key: string; style?: CellStyle; numFmt?: string }[] = [];
  for (const u of used) {
    const key = styleKey(u.style, u.numFmt);
    if (keys.some((k) => k.key === key)) continue;
    keys.push({ key, style: u.style, numFmt: u.numFmt });
  }
  for (const { style, numFmt } of keys) {
    const spec = style ? SPECS[style] : {};
    const numFmtId = numFmt ? formatId.get(numFmt)! : 0;
    const fontId = style && fontIndex.has(style) ? fontIndex.get(style)! : 0;
    const fillId = style && fillIndex.has(style) ? fillIndex.get(style)! : 0;
    const border = spec.border ? borderId : 0;
    const align = spec.align;
    const alignment = align
      ? `<${p}alignment${align.horizontal ? ` horizontal="${align.horizontal}"` : ""}${align.vertical ? ` vertical="${align.vertical}"` : ""}${align.wrapText ? ' wrapText="1"' : ""}/>`
      : "";
    const applies = `${numFmt ? ' applyNumberFormat="1"' : ""}${spec.font ? ' applyFont="1"' : ""}${spec.fill ? ' applyFill="1"' : ""}${spec.border ? ' applyBorder="1"' : ""}${align ? ' applyAlignment="1"' : ""}`;
    xfs.push(
      `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${border}" xfId="0"${applies}>${alignment}</${p}xf>`
    );
  }
  const xfResult = appendOrInsert(xml, p, "cellXfs", "xf", xfs);
  xml = xfResult.xml;
  keys.forEach(({ key }, i) => cellFormat.set(key, xfResult.first + i));

  const dxfResult = appendOrInsert(xml, p, "dxfs", "dxf", [
    dxfXml(p, "pass"),
    dxfXml(p, "warn"),
    dxfXml(p, "fail"),
  ]);
  xml = dxfResult.xml;
  const dxf = { pass: dxfResult.first, warn: dxfResult.first + 1, fail: dxfResult.first + 2 };
  return { xml, cellFormat, dxf };
}
