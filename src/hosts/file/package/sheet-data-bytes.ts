import {
  RAW_FALSE,
  RAW_NULL,
  RAW_NUMBER,
  RAW_STRING,
  RAW_TRUE,
  type RawRowCursor,
} from "../../../report/packedRows";
import type { CellStyle } from "../../../report/plan";
import { columnLetters } from "../../../sheets/grid";
import { styleKey } from "./styles-xml";
import { XmlBytes } from "./xml-bytes";
import { escapeAttr, escapeText } from "./xml-text";

/**
 * The <sheetData> rows of a packed audit sheet as UTF-8 bytes, straight from the packed rows:
 * formulas and text are copied as the bytes they are packed as (escaped on the way), never
 * decoded into strings and objects. Writes exactly what sheet-xml.ts writes for the same rows
 * as row objects (test/hosts/file/package/sheet-data-bytes.test.ts holds them to it).
 */

/** Excel keeps at most 32767 characters in a cell. */
export const MAX_CELL_TEXT = 32767;

/** Bytes of rows gathered before they are handed to the zip writer. */
const CHUNK_BYTES = 1 << 18;

/** The cell format indexes of the audit's styles (AppendedStyles.cellFormat). */
export type CellFormats = ReadonlyMap<string, number>;

/** A cell's ` s="…"` attribute for its effective style and number format ("" for neither). */
export function formatAttr(
  cellFormat: CellFormats,
  style: CellStyle | undefined,
  numFmt: string | undefined
): string {
  return style || numFmt ? ` s="${cellFormat.get(styleKey(style, numFmt)) ?? 0}"` : "";
}

/** An internal link of the sheet's <hyperlinks>: `location` is the target without a leading "#". */
export function hyperlinkXml(ref: string, target: string, display: string): string {
  return `<hyperlink ref="${ref}" location="${escapeAttr(target.replace(/^#/, ""))}" display="${escapeAttr(display)}"/>`;
}

/** A link without a style of its own looks like a link (sheet-xml.ts's cellStyle). */
const LINK_STYLED = 1 << 16;

/**
 * The rows as <row> elements, in chunks of about CHUNK_BYTES; the internal links of plain
 * (formula-less) link cells are pushed onto `links` as <hyperlink> elements.
 *
 * @example
 * for (const chunk of packedSheetData(packedRawRows(sheet)!, styles.cellFormat, links)) zip.write(chunk);
 */
export function* packedSheetData(
  rows: Iterable<RawRowCursor>,
  cellFormat: CellFormats,
  links: string[]
): Generator<Buffer> {
  const out = new XmlBytes(CHUNK_BYTES + (CHUNK_BYTES >> 2));
  const letters: string[] = [];
  const attrs = new Map<number, string>();
  for (const r of rows) {
    const rowNumber = String(r.row + 1);
    out.ascii(`<row r="${rowNumber}"`);
    if (r.height !== undefined) out.ascii(` ht="${r.height}" customHeight="1"`);
    out.ascii(">");
    while (r.nextCell()) {
      const bytes = r.bytes;
      const formula = r.formulaEnd > r.formulaStart; // an empty formula is none
      const link = r.linkEnd > r.linkStart && !formula;
      const key = r.format | (link && r.style === undefined ? LINK_STYLED : 0);
      let s = attrs.get(key);
      if (s === undefined) {
        s = formatAttr(cellFormat, r.style ?? (link ? "link" : undefined), r.numFmt);
        attrs.set(key, s);
      }
      const letter = (letters[r.col] ??= columnLetters(r.col));
      const kind = r.kind;
      const finite = kind !== RAW_NUMBER || Number.isFinite(r.number);
      if (kind === RAW_NULL && !formula) {
        if (s) out.ascii(`<c r="${letter}${rowNumber}"${s}/>`);
      } else {
        out.ascii(`<c r="${letter}${rowNumber}"${s}`);
        if (!finite) out.ascii(' t="e"');
        else if (kind === RAW_TRUE || kind === RAW_FALSE) out.ascii(' t="b"');
        else if (kind === RAW_STRING) out.ascii(formula ? ' t="str"' : ' t="inlineStr"');
        out.ascii(">");
        if (formula) {
          out.ascii("<f>");
          // Formulas are written without a leading "=".
          const start = bytes[r.formulaStart] === 0x3d ? r.formulaStart + 1 : r.formulaStart;
          out.text(bytes, start, r.formulaEnd);
          out.ascii("</f>");
        }
        if (kind === RAW_NUMBER) out.ascii(finite ? `<v>${r.number}</v>` : "<v>#NUM!</v>");
        else if (kind === RAW_TRUE) out.ascii("<v>1</v>");
        else if (kind === RAW_FALSE) out.ascii("<v>0</v>");
        else if (kind === RAW_STRING) {
          out.ascii(formula ? "<v>" : '<is><t xml:space="preserve">');
          // No more UTF-8 bytes than Excel's limit: no more characters either, nothing to cut.
          if (r.textEnd - r.textStart <= MAX_CELL_TEXT) out.text(bytes, r.textStart, r.textEnd);
          else out.utf8(escapeText(r.text(r.textStart, r.textEnd).slice(0, MAX_CELL_TEXT)));
          out.ascii(formula ? "</v>" : "</t></is>");
        }
        out.ascii("</c>");
      }
      if (link) {
        const display =
          kind === RAW_STRING
            ? r.text(r.textStart, r.textEnd)
            : kind === RAW_NUMBER
              ? String(r.number)
              : kind === RAW_NULL
                ? ""
                : String(kind === RAW_TRUE);
        links.push(hyperlinkXml(`${letter}${rowNumber}`, r.text(r.linkStart, r.linkEnd), display));
      }
    }
    out.ascii("</row>");
    if (out.length >= CHUNK_BYTES) yield out.take();
  }
  if (out.length > 0) yield out.take();
}
