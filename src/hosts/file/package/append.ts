import { promises as fs } from "fs";
import * as nodePath from "path";
import { chooseSheetNames, sheetRenames } from "../../../report";
import { OWNERSHIP_NAME_PREFIX, type WorkbookPlan } from "../../../report/plan";
import { quoteSheet } from "../../../report/refs";
import { causeText, WorkbookFileError } from "../errors";
import { sameFile, writeAtomically } from "../paths";
import {
  appendToWorkbook,
  editContentTypes,
  editRelationships,
  hasSelectedTab,
  ownedSheetNamesOf,
  relationships,
  relsPartOf,
  removeSheets,
  resolveTarget,
  setActiveTab,
  workbookSheets,
  WORKSHEET_REL,
  WORKSHEET_TYPE,
  type NewName,
} from "./index-parts";
import { drawingPartsOf, sheetDrawingParts, SHEET_DRAWING_REL_ID } from "./chart-parts";
import { sheetXmlChunks, usedStyles, type SheetWriteOptions } from "./sheet-xml";
import {
  SheetThread,
  sheetBytes,
  sheetJob,
  threadLikely,
  threadShare,
  threadUseFromEnv,
  type ThreadUse,
} from "./sheet-thread";
import { appendAuditStyles } from "./styles-xml";
import { assertNoDoctype } from "./xml-text";
import { editAppProperties } from "./app-xml";
import { entryStart, entryText, readStoredEntries, type StoredEntry } from "./zip-read";
import { releaseXmlChunk } from "./xml-bytes";
import { ZipWriter } from "./zip-write";

/**
 * The audited workbook as the input's package with parts added. Every entry of the input is
 * copied with its compressed bytes as stored; only the index parts (workbook.xml, its
 * relationships, [Content_Types].xml, styles.xml) are rewritten, by addition. The audit sheets are
 * new worksheet parts streamed into the zip. A re-run drops the parts an earlier audit owns
 * (marked by the workbook names JH_AUDIT_<n>) and nothing else.
 */

const OFFICE_DOCUMENT = /\/officeDocument$/;
const EXTENDED_PROPERTIES = /\/extended-properties$/;
const STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const CALC_CHAIN_REL = /\/calcChain$/;

export interface AppendResult {
  /** The plan's preferred sheet name → the name written (another one when a user's sheet had it). */
  sheetNames: Record<string, string>;
  /** Audit sheets of an earlier run that were replaced. */
  removedSheets: string[];
}

/** How appendAuditToPackage goes about it. */
export interface AppendOptions {
  /**
   * Where the audit sheets' XML is made: "auto" puts the biggest packed sheets on a second thread
   * when they are big enough to be worth its start-up (a city's, not a county's), "main" keeps
   * every sheet on the main thread, "thread" sends every sheet it can (tests). Default: the
   * environment's JH_SHEET_THREAD, else "auto".
   */
  thread?: ThreadUse;
}

interface Package {
  entries: StoredEntry[];
  byName: Map<string, StoredEntry>;
}

function text(pkg: Package, name: string): string {
  const entry = pkg.byName.get(name);
  if (!entry) throw new Error(`缺少部件「${name}」`);
  const xml = entryText(entry);
  assertNoDoctype(xml, name);
  return xml;
}

/** The workbook part named by the package's root relationships (normally xl/workbook.xml). */
function workbookPart(pkg: Package): string {
  const root = relationships(text(pkg, "_rels/.rels")).find((r) => OFFICE_DOCUMENT.test(r.type));
  if (!root) throw new Error("包中没有工作簿部件");
  return resolveTarget("", root.target);
}

/** A part name not used yet: xl/worksheets/sheet<N>.xml. */
function freshSheetPart(taken: Set<string>, folder: string): string {
  for (let n = 1; ; n++) {
    const name = `${folder ? `${folder}/` : ""}worksheets/sheet${n}.xml`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/**
 * Writes `planned` into a copy of the .xlsx/.xlsm package at `input` (a path, or the package's
 * bytes), saved at `outPath` (through a temporary file renamed into place).
 *
 * @throws WorkbookFileError "same-path" when outPath is the input, "write-failed" when saving fails.
 * @example
 * await appendAuditToPackage("县.xlsx", plan, "县.audit.xlsx");
 * // { sheetNames: { 审计总览: "审计总览", … }, removedSheets: [] }
 */
export async function appendAuditToPackage(
  input: string | Buffer,
  planned: WorkbookPlan,
  outPath: string,
  onProgress?: (done: number, total: number) => void,
  options: AppendOptions = {}
): Promise<AppendResult> {
  const use = options.thread ?? threadUseFromEnv();
  // Started first when the plan looks like it needs it: it loads (~30 ms) while the package is
  // read and its index parts are edited.
  const early = threadLikely(planned.sheets, use) ? SheetThread.start() : undefined;
  try {
    return await appendWith(input, planned, outPath, onProgress, use, early);
  } finally {
    await early?.close();
  }
}

/** appendAuditToPackage with the sheet thread already started, if it is. */
async function appendWith(
  input: string | Buffer,
  planned: WorkbookPlan,
  outPath: string,
  onProgress: ((done: number, total: number) => void) | undefined,
  use: ThreadUse,
  early: SheetThread | undefined
): Promise<AppendResult> {
  if (typeof input === "string" && sameFile(input, outPath)) {
    throw new WorkbookFileError(
      "same-path",
      outPath,
      `不能覆盖原工作簿「${nodePath.basename(outPath)}」：请为审计结果另选一个文件名。`
    );
  }
  const entries = await readStoredEntries(
    typeof input === "string" ? await fs.readFile(input) : input
  );
  const pkg: Package = { entries, byName: new Map(entries.map((e) => [e.name, e])) };

  const wbPart = workbookPart(pkg);
  const wbFolder = wbPart.includes("/") ? wbPart.slice(0, wbPart.lastIndexOf("/")) : "";
  const wbRelsPart = relsPartOf(wbPart);
  const original = {
    workbook: text(pkg, wbPart),
    rels: text(pkg, wbRelsPart),
    types: text(pkg, "[Content_Types].xml"),
  };
  const rels = relationships(original.rels);

  // An earlier audit's sheets: their parts, relationships and names go.
  const owned = ownedSheetNamesOf(original.workbook);
  const ownedSet = new Set(owned);
  const ownedRelIds = workbookSheets(original.workbook)
    .filter((s) => ownedSet.has(s.name))
    .map((s) => s.relId);
  const droppedParts = new Set<string>();
  for (const rel of rels) {
    if (!ownedRelIds.includes(rel.id)) continue;
    const part = resolveTarget(wbPart, rel.target);
    droppedParts.add(part);
    if (pkg.byName.has(relsPartOf(part))) droppedParts.add(relsPartOf(part));
    // Its charts go with it.
    const textOf = (name: string) => (pkg.byName.has(name) ? text(pkg, name) : undefined);
    for (const owned of drawingPartsOf(part, textOf)) droppedParts.add(owned);
  }
  const droppedRelIds = [...ownedRelIds];
  // The calculation chain lists formula cells by sheet: with sheets gone it would be stale. Excel rebuilds it.
  if (owned.length > 0) {
    for (const rel of rels.filter((r) => CALC_CHAIN_REL.test(r.type))) {
      droppedRelIds.push(rel.id);
      droppedParts.add(resolveTarget(wbPart, rel.target));
    }
  }
  let workbook = owned.length > 0 ? removeSheets(original.workbook, owned) : original.workbook;

  const remaining = workbookSheets(workbook);
  const chosen = chooseSheetNames(
    planned.sheets.map((s) => s.name),
    remaining.map((s) => ({ name: s.name, owned: false }))
  );
  // Renamed sheets (a user's sheet has the name) get their references rewritten as they are
  // streamed: renaming the plan up front would decode every packed row at once.
  const renames = sheetRenames(planned, chosen);
  const writtenName = (sheet: WorkbookPlan["sheets"][number]) =>
    renames.get(sheet.name) ?? sheet.name;

  const taken = new Set(
    entries.filter((e) => !droppedParts.has(e.name)).map((e) => e.name.toLowerCase())
  );
  const relIds = new Set(rels.map((r) => r.id));
  let nextSheetId = Math.max(0, ...workbookSheets(original.workbook).map((s) => s.sheetId)) + 1;
  const added = planned.sheets.map((sheet, i) => {
    const part = freshSheetPart(taken, wbFolder);
    let relId = `rIdJH${i + 1}`;
    for (let n = 1; relIds.has(relId); n++) relId = `rIdJH${i + 1}_${n}`;
    relIds.add(relId);
    return { sheet, part, relId, sheetId: nextSheetId++ };
  });

  const names: NewName[] = [];
  added.forEach(({ sheet }, i) => {
    names.push({
      name: `${OWNERSHIP_NAME_PREFIX}${i + 1}`,
      formula: `${quoteSheet(writtenName(sheet))}!$A$1`,
    });
  });
  added.forEach(({ sheet }, i) => {
    const rows = sheet.page.repeatRows;
    if (rows)
      names.push({
        name: "_xlnm.Print_Titles",
        localSheetId: remaining.length + i,
        formula: `${quoteSheet(writtenName(sheet))}!$${rows[0]}:$${rows[1]}`,
      });
  });
  workbook = appendToWorkbook(
    workbook,
    added.map((a) => ({ name: writtenName(a.sheet), sheetId: a.sheetId, relId: a.relId })),
    names
  );
  // The summary opens as the active sheet, unless a user's sheet is still the selected tab: that
  // selection lives in the user's sheet part, which is never rewritten, and two selected tabs
  // would open grouped (typing into one writes into both). See docs/package-writer.md.
  const activeIndex = planned.sheets.findIndex((s) => s.kind === planned.activate);
  const selectedUserSheet = remaining.findIndex((s) => {
    const rel = rels.find((r) => r.id === s.relId);
    const entry = rel && pkg.byName.get(resolveTarget(wbPart, rel.target));
    return entry !== undefined && hasSelectedTab(entryStart(entry));
  });
  const selectSummary = activeIndex >= 0 && selectedUserSheet < 0;
  const sheetCount = remaining.length + added.length;
  if (selectSummary) workbook = setActiveTab(workbook, remaining.length + activeIndex, sheetCount);
  // After a re-run took the earlier audit's sheets out, the active tab still names a sheet that is there.
  else if (owned.length > 0)
    workbook = setActiveTab(workbook, Math.max(selectedUserSheet, 0), sheetCount);

  const relTarget = (part: string) =>
    wbFolder && part.startsWith(`${wbFolder}/`) ? part.slice(wbFolder.length + 1) : `/${part}`;
  const newRels = added.map((a) => ({
    id: a.relId,
    type: WORKSHEET_REL,
    target: relTarget(a.part),
  }));

  // Styles: appended to the workbook's own styles part, or a new one when it has none.
  const stylesRel = rels.find((r) => r.type === STYLES_REL);
  let stylesPart = stylesRel
    ? resolveTarget(wbPart, stylesRel.target)
    : `${wbFolder ? `${wbFolder}/` : ""}styles.xml`;
  const newTypes = added.map((a) => ({ part: a.part, type: WORKSHEET_TYPE }));
  // Charts: a drawing part per sheet that has any, its chart parts, and the relationships.
  const drawings = added.map((a) =>
    sheetDrawingParts(a.part, a.sheet, taken, wbFolder, writtenName(a.sheet))
  );
  for (const d of drawings) newTypes.push(...(d?.types ?? []));
  let stylesOriginal: string;
  if (stylesRel && pkg.byName.has(stylesPart)) {
    stylesOriginal = text(pkg, stylesPart);
  } else {
    if (taken.has(stylesPart.toLowerCase()))
      stylesPart = `${wbFolder ? `${wbFolder}/` : ""}jh-styles.xml`;
    stylesOriginal = MINIMAL_STYLES;
    newRels.push({ id: "rIdJHStyles", type: STYLES_REL, target: relTarget(stylesPart) });
    newTypes.push({
      part: stylesPart,
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
    });
  }
  const styles = appendAuditStyles(
    stylesOriginal,
    planned.sheets.flatMap((s) => usedStyles(s))
  );

  const rewritten = new Map<string, string>([
    [wbPart, workbook],
    ...appProperties(pkg, {
      kept: remaining.map((s) => s.name),
      removed: owned,
      added: added.map((a) => writtenName(a.sheet)),
    }),
    [wbRelsPart, editRelationships(original.rels, droppedRelIds, newRels)],
    ["[Content_Types].xml", editContentTypes(original.types, [...droppedParts], newTypes)],
    [stylesPart, styles.xml],
  ]);

  // The biggest packed sheets are written and deflated on a second thread meanwhile.
  const sheetOptions = added.map((a, i): SheetWriteOptions => ({
    renames,
    selected: selectSummary && i === activeIndex,
    ...(drawings[i] ? { drawingRelId: SHEET_DRAWING_REL_ID } : {}),
  }));
  const share = threadShare(
    added.map((a) => sheetBytes(a.sheet, renames)),
    use
  );
  const thread = share.length > 0 ? (early ?? SheetThread.start()) : undefined;
  const onThread = new Map(
    share.map((i) => [
      i,
      thread!.write(added[i].sheet, sheetJob(added[i].sheet, styles, sheetOptions[i])!),
    ])
  );
  try {
    await writeAtomically(outPath, async (temporary) => {
      const zip = await ZipWriter.create(temporary);
      try {
        for (const entry of entries) {
          if (droppedParts.has(entry.name)) continue;
          const changed = rewritten.get(entry.name);
          if (changed !== undefined) {
            await zip.add(entry.name, [changed]);
            rewritten.delete(entry.name);
          } else await zip.copy(entry);
        }
        for (const [name, xml] of rewritten) await zip.add(name, [xml]); // a styles part the input lacked
        for (const [i, a] of added.entries()) {
          const drawing = drawings[i];
          const deflated = onThread.get(i);
          if (deflated)
            zip.addDeflated(a.part, deflated.chunks(), deflated.sums, (bytes) =>
              thread!.giveBack(bytes)
            );
          else
            await zip.add(
              a.part,
              sheetXmlChunks(a.sheet, styles, sheetOptions[i]),
              releaseXmlChunk
            );
          for (const part of drawing?.parts ?? []) await zip.add(part.name, [part.xml]);
          onProgress?.(i + 1, added.length);
        }
        await zip.finish();
      } catch (error) {
        await zip.abort();
        throw error;
      }
    });
  } catch (error) {
    await thread?.close();
    throw new WorkbookFileError(
      "write-failed",
      outPath,
      `无法保存文件「${outPath}」（${causeText(error)}），请检查文件夹是否存在、是否有写入权限，或文件是否正被其他程序打开。`
    );
  }
  await thread?.close();
  return {
    sheetNames: Object.fromEntries(planned.sheets.map((s, i) => [s.name, chosen[i]])),
    removedSheets: owned,
  };
}

/** docProps/app.xml (named by the root relationships) with the sheet titles edited, when the package has one. */
function appProperties(
  pkg: Package,
  sheets: Parameters<typeof editAppProperties>[1]
): [string, string][] {
  const rel = relationships(text(pkg, "_rels/.rels")).find((r) => EXTENDED_PROPERTIES.test(r.type));
  const part = rel && resolveTarget("", rel.target);
  if (!part || !pkg.byName.has(part)) return [];
  const xml = text(pkg, part);
  const edited = editAppProperties(xml, sheets);
  return edited === xml ? [] : [[part, edited]];
}

/** The styles part of a package that has none: one font, the two fills Excel reserves, one border, one format. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";
