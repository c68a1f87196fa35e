import { readFileSync } from "fs";
import JSZip from "jszip";

/** The XML of one part of an .xlsx package (e.g. "xl/workbook.xml"). */
export async function partText(xlsxPath: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(xlsxPath));
  const file = zip.file(part);
  if (!file) throw new Error(`${xlsxPath} has no part ${part}`);
  return file.async("string");
}

/** The worksheet part of a sheet by name, via workbook.xml and its relationships. */
export async function sheetPartPath(xlsxPath: string, sheetName: string): Promise<string> {
  const workbook = await partText(xlsxPath, "xl/workbook.xml");
  const rels = await partText(xlsxPath, "xl/_rels/workbook.xml.rels");
  const escaped = sheetName.replace(/&/g, "&amp;").replace(/'/g, "&apos;");
  const sheetTag = [...workbook.matchAll(/<sheet\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`name="${escaped}"`));
  const rId = sheetTag && /r:id="([^"]*)"/.exec(sheetTag)?.[1];
  const relTag = [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`Id="${rId}"`));
  const target = relTag && /Target="([^"]*)"/.exec(relTag)?.[1];
  if (!target) throw new Error(`no part for sheet ${sheetName}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** The `<c>` element of a cell in a sheet part, e.g. cellXml(xml, "B3"). */
export function cellXml(sheetXml: string, address: string): string | undefined {
  return new RegExp(`<c r="${address}"[^>]*?(?:/>|>.*?</c>)`).exec(sheetXml)?.[0];
}
