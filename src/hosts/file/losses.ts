import type JSZip from "jszip";

/**
 * What ExcelJS does not carry into the copy it saves: charts, chart sheets, shapes and text boxes,
 * pivot tables, slicers, macros, links to other workbooks, threaded comments. (Pictures, notes,
 * data validation and conditional formats do survive.) Found by inspecting the package's parts.
 */

interface SheetPart {
  name: string;
  path: string; // e.g. xl/worksheets/sheet1.xml
}

/** Attribute values of every `<Relationship …>` in a .rels part. */
function relationships(xml: string): { type: string; target: string }[] {
  const out: { type: string; target: string }[] = [];
  for (const match of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = /\bType="([^"]*)"/.exec(match[0])?.[1] ?? "";
    const target = /\bTarget="([^"]*)"/.exec(match[0])?.[1] ?? "";
    out.push({ type, target });
  }
  return out;
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

function decodeXmlText(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

async function text(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? file.async("string") : null;
}

/** Worksheets (and chart sheets) with their part paths, from workbook.xml and its rels. */
async function sheetParts(zip: JSZip): Promise<SheetPart[]> {
  const workbook = (await text(zip, "xl/workbook.xml")) ?? "";
  const relTargets = new Map<string, string>();
  const relsXml = (await text(zip, "xl/_rels/workbook.xml.rels")) ?? "";
  for (const match of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(match[0])?.[1];
    if (id && target) relTargets.set(id, resolvePart("xl/workbook.xml", target));
  }
  const sheets: SheetPart[] = [];
  for (const match of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(match[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(match[0])?.[1];
    const path = id ? relTargets.get(id) : undefined;
    if (name !== undefined && path) sheets.push({ name: decodeXmlText(name), path });
  }
  return sheets;
}

interface SheetFindings {
  charts: number;
  shapes: number;
  pivotTables: number;
  threadedComments: boolean;
  chartSheet: boolean;
  internalLinks: number;
  sparklines: number;
}

async function inspectSheet(zip: JSZip, sheet: SheetPart): Promise<SheetFindings> {
  const findings: SheetFindings = {
    charts: 0,
    shapes: 0,
    pivotTables: 0,
    threadedComments: false,
    chartSheet: sheet.path.includes("chartsheets/"),
    internalLinks: 0,
    sparklines: 0,
  };
  // Links to places in the workbook (location, no relationship): ExcelJS drops them on reading.
  const sheetXml = (await text(zip, sheet.path)) ?? "";
  for (const match of sheetXml.matchAll(/<hyperlink\b[^>]*>/g)) {
    if (/\blocation="/.test(match[0]) && !/\br:id="/.test(match[0])) findings.internalLinks++;
  }
  findings.sparklines = (sheetXml.match(/<x14:sparklineGroup\b/g) ?? []).length;
  const rels = relationships((await text(zip, relsPathOf(sheet.path))) ?? "");
  for (const rel of rels) {
    if (rel.type.endsWith("/pivotTable")) findings.pivotTables++;
    if (rel.type.endsWith("/threadedComment")) findings.threadedComments = true;
    if (!rel.type.endsWith("/drawing")) continue;
    const drawing = (await text(zip, resolvePart(sheet.path, rel.target))) ?? "";
    findings.charts += (drawing.match(/<c:chart\b/g) ?? []).length;
    findings.shapes += (drawing.match(/<xdr:(sp|cxnSp)\b/g) ?? []).length;
  }
  return findings;
}

/** Splits a defined name's formula on the commas between areas (not those inside quotes). */
function areas(formula: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of formula) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** ExcelJS keeps a defined name only when every area is an absolute cell range such as 小学!$A$1:$B$3. */
const KEPT_AREA = /^(?:'(?:[^']|'')+'|[^'!]+)!\$[A-Z]{1,3}\$\d+(?::\$[A-Z]{1,3}\$\d+)?$/;

/** Names ExcelJS drops on reading: constants (折算系数 = 1.1), formulas, relative or whole-column references. */
async function droppedNames(zip: JSZip): Promise<string[]> {
  const workbook = (await text(zip, "xl/workbook.xml")) ?? "";
  const dropped: string[] = [];
  for (const match of workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = decodeXmlText(/\bname="([^"]*)"/.exec(match[1])?.[1] ?? "");
    if (name.startsWith("_xlnm.")) continue; // print areas and titles: ExcelJS keeps them on the sheet
    const formula = decodeXmlText(match[2]).trim();
    if (!areas(formula).every((area) => KEPT_AREA.test(area.trim()))) dropped.push(name);
  }
  return dropped;
}

/**
 * Chinese warnings for everything the saved copy will lack, sheet by sheet (sheets in
 * ignoreSheets, such as an earlier audit's own, are not inspected).
 *
 * @example
 * await unsupportedContentWarnings(zip);
 * // ["工作表「汇总」含有2个图表，保存的副本中不含这些图表（原文件不受影响）。"]
 */
export async function unsupportedContentWarnings(
  zip: JSZip,
  ignoreSheets: readonly string[] = []
): Promise<string[]> {
  const warnings: string[] = [];
  const lost = "保存的副本中不含这些内容（原文件不受影响）。";
  const ignored = new Set(ignoreSheets);
  for (const sheet of await sheetParts(zip)) {
    if (ignored.has(sheet.name)) continue; // an earlier audit's own sheets are replaced anyway
    const f = await inspectSheet(zip, sheet);
    if (f.chartSheet) {
      warnings.push(
        `图表工作表「${sheet.name}」无法保留，保存的副本中不含该工作表（原文件不受影响）。`
      );
      continue;
    }
    if (f.charts > 0) warnings.push(`工作表「${sheet.name}」含有${f.charts}个图表，${lost}`);
    if (f.shapes > 0)
      warnings.push(`工作表「${sheet.name}」含有${f.shapes}个形状或文本框，${lost}`);
    if (f.pivotTables > 0)
      warnings.push(`工作表「${sheet.name}」含有${f.pivotTables}个数据透视表，${lost}`);
    if (f.internalLinks > 0)
      warnings.push(
        `工作表「${sheet.name}」含有${f.internalLinks}个指向工作簿内位置的超链接，${lost}`
      );
    if (f.sparklines > 0)
      warnings.push(`工作表「${sheet.name}」含有${f.sparklines}组迷你图，${lost}`);
    if (f.threadedComments)
      warnings.push(`工作表「${sheet.name}」含有新式批注（对话式批注），${lost}`);
  }
  const names = Object.keys(zip.files);
  const dropped = await droppedNames(zip);
  if (dropped.length > 0) {
    warnings.push(
      `工作簿中的名称「${dropped.join("」「")}」不是单元格区域（如常量或公式），保存的副本中将不含这些名称，引用它们的公式会出错（原文件不受影响）。`
    );
  }
  if (names.some((n) => /^xl\/vbaProject\.bin$/i.test(n)))
    warnings.push(`工作簿含有宏（VBA），${lost}`);
  if (names.some((n) => /^xl\/slicers\//i.test(n))) warnings.push(`工作簿含有切片器，${lost}`);
  if (names.some((n) => /^xl\/timelines\//i.test(n)))
    warnings.push(`工作簿含有日程表（时间线筛选器），${lost}`);
  if (names.some((n) => /^xl\/externalLinks\/externalLink\d+\.xml$/i.test(n))) {
    warnings.push(
      "工作簿含有指向其他工作簿的外部链接，保存的副本中这些链接可能失效（原文件不受影响）。"
    );
  }
  return warnings;
}
