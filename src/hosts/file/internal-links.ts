import type JSZip from "jszip";

/**
 * ExcelJS 4.4 writes an internal hyperlink (`{ hyperlink: "#'小学'!C5" }`) with both a `location`
 * and an external relationship to "#'小学'!C5": Excel then shows a doubled address and LibreOffice
 * turns it into a link to a file. OOXML wants `location="'小学'!C5"` and no relationship. This
 * rewrites the saved package that way: every hyperlink ExcelJS gave a location is internal.
 */

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
}

/** Rewrites one sheet part and its relationships; returns how many links it fixed. */
async function fixSheet(zip: JSZip, sheetPath: string): Promise<number> {
  const sheetFile = zip.file(sheetPath);
  if (!sheetFile) return 0;
  // A sheet without a hyperlink relationship has nothing to fix: leave its (large) XML compressed.
  const relsFile = zip.file(relsPathOf(sheetPath));
  if (!relsFile || !(await relsFile.async("string")).includes('/hyperlink"')) return 0;
  const xml = await sheetFile.async("string");
  if (!xml.includes("<hyperlink ")) return 0;
  const dropped = new Set<string>();
  const fixed = xml.replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
    const location = attribute(tag, "location");
    const rId = attribute(tag, "r:id");
    if (location === undefined || rId === undefined) return tag;
    dropped.add(rId);
    return tag
      .replace(/\s+r:id="[^"]*"/, "")
      .replace(
        /\blocation="#?([^"]*)"/,
        (_m, target: string) => `location="${target.replace(/^(%23|&#35;)/, "")}"`
      );
  });
  if (dropped.size === 0) return 0;
  zip.file(sheetPath, fixed);
  const relsPath = relsPathOf(sheetPath);
  {
    const rels = await relsFile.async("string");
    zip.file(
      relsPath,
      rels.replace(/<Relationship\b[^>]*\/>/g, (tag) =>
        dropped.has(attribute(tag, "Id") ?? "") ? "" : tag
      )
    );
  }
  return dropped.size;
}

/** Fixes the internal hyperlinks of every worksheet in a package ExcelJS wrote. */
export async function fixInternalHyperlinks(zip: JSZip): Promise<number> {
  let count = 0;
  for (const name of Object.keys(zip.files)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) count += await fixSheet(zip, name);
  }
  return count;
}
