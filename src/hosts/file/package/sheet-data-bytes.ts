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
import { asciiBytes, XmlBytes } from "./xml-bytes";
import { escapeAttr, escapeText } from "./xml-text";

/**
 * The <sheetData> rows of a packed audit sheet as UTF-8 bytes, straight from the packed rows:
 * formulas and text are copied as the bytes they are packed as (escaped on the way), never
 * decoded into strings and objects. Writes exactly what sheet-xml.ts writes for the same rows
 * as row objects (test/hosts/file/package/sheet-data-bytes.test.ts holds them to it).
 */

// Module-level copies: the hot loop below then reads plain constants, not the exporting
// module's bindings (which a CommonJS transpile turns into a getter call per read).
const NULL = RAW_NULL;
const NUMBER = RAW_NUMBER;
const TRUE = RAW_TRUE;
const FALSE = RAW_FALSE;
const STRING = RAW_STRING;

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

const B = {
  rowOpen: asciiBytes('<row r="'),
  rowHeight: asciiBytes('" ht="'),
  rowCustom: asciiBytes('" customHeight="1">'),
  quoteClose: asciiBytes('">'),
  rowClose: asciiBytes("</row>"),
  fClose: asciiBytes("</f>"),
  fCloseV: asciiBytes("</f><v>"),
  vClose: asciiBytes("</v></c>"),
  // Values, after their <v>.
  num: asciiBytes("#NUM!</v></c>"),
  one: asciiBytes("1</v></c>"),
  zero: asciiBytes("0</v></c>"),
  isClose: asciiBytes("</t></is></c>"),
  cellClose: asciiBytes("</c>"),
};

/** A kind past the raw kinds (0 … 4): a number that is not finite, written as the error #NUM!. */
const NON_FINITE = 5;
/** Leads per cell format: two (plain link or not) of six kinds (NON_FINITE included) of two (formula or not). */
const LEADS = 24;

/**
 * The tags after a cell's ` s="…"`: its type and the opening tag of its formula or value; "/>"
 * closes an empty cell without a formula.
 */
function leadTags(kind: number, finite: boolean, formula: boolean): string {
  if (kind === NULL && !formula) return "/>";
  const type = !finite
    ? ' t="e">'
    : kind === TRUE || kind === FALSE
      ? ' t="b">'
      : kind === STRING
        ? formula
          ? ' t="str">'
          : ' t="inlineStr"><is><t xml:space="preserve">'
        : ">";
  return formula ? `${type}<f>` : kind === STRING ? type : `${type}<v>`;
}

/** The row number's digits, in a scratch array (bytes 0 … length-1). */
function digitsOf(n: number, into: Uint8Array): number {
  let length = 0;
  for (let d = n; d >= 1; d = Math.floor(d / 10)) length++;
  for (let i = length - 1; i >= 0; i--) {
    const q = Math.floor(n / 10);
    into[i] = 0x30 + (n - q * 10);
    n = q;
  }
  return length;
}

/** `<c r="` and the column's letters, by column (the same in every sheet). */
const opens: Uint8Array[] = [];
/** The column's letters, by column. */
const letters: Uint8Array[] = [];

/** The parts of a <hyperlink> element (hyperlinkXml). */
const L = {
  open: asciiBytes('<hyperlink ref="'),
  location: asciiBytes('" location="'),
  display: asciiBytes('" display="'),
  close: asciiBytes('"/>'),
};

/**
 * The rows as <row> elements, in chunks of about CHUNK_BYTES; the internal links of plain
 * (formula-less) link cells are written to `links` as <hyperlink> elements (hyperlinkXml's).
 *
 * @example
 * for (const chunk of packedSheetData(packedRawRows(sheet)!, styles.cellFormat, links)) zip.write(chunk);
 */
export function* packedSheetData(
  rows: Iterable<RawRowCursor>,
  cellFormat: CellFormats,
  links: XmlBytes
): Generator<Buffer> {
  const out = new XmlBytes(CHUNK_BYTES + (CHUNK_BYTES >> 2));
  /** What follows a cell's reference (leadTags), by format, plain link or not, kind and formula. */
  let leads: Uint8Array[] = [];
  const digits = new Uint8Array(16);
  for (const r of rows) {
    const rowNumber = digits.subarray(0, digitsOf(r.row + 1, digits));
    out.bytes(B.rowOpen);
    out.bytes(rowNumber);
    if (r.height !== undefined) {
      out.bytes(B.rowHeight);
      out.ascii(String(r.height));
      out.bytes(B.rowCustom);
    } else out.bytes(B.quoteClose);
    if (leads.length !== LEADS * r.formats) leads = new Array<Uint8Array>(LEADS * r.formats);
    while (r.nextCell()) {
      const bytes = r.bytes;
      const formula = r.formulaEnd > r.formulaStart; // an empty formula is none
      const link = r.linkEnd > r.linkStart && !formula;
      const kind = r.kind;
      const finite = kind !== NUMBER || Number.isFinite(r.number);
      // What follows the reference: the format, the type, the formula's or value's opening tag.
      const key =
        LEADS * r.format +
        (link && r.style === undefined ? LEADS / 2 : 0) +
        2 * (finite ? kind : NON_FINITE) +
        (formula ? 1 : 0);
      let lead = leads[key];
      if (lead === undefined) {
        const s = formatAttr(cellFormat, r.style ?? (link ? "link" : undefined), r.numFmt);
        lead = leads[key] = asciiBytes(`"${s}${leadTags(kind, finite, formula)}`);
      }
      if (kind === NULL && !formula) {
        // An empty cell is written only for its format.
        if (lead.length > 3) {
          out.bytes((opens[r.col] ??= asciiBytes(`<c r="${columnLetters(r.col)}`)));
          out.bytes(rowNumber);
          out.bytes(lead);
        }
      } else {
        out.bytes((opens[r.col] ??= asciiBytes(`<c r="${columnLetters(r.col)}`)));
        out.bytes(rowNumber);
        out.bytes(lead);
        if (formula) {
          // Formulas are written without a leading "=".
          const start = bytes[r.formulaStart] === 0x3d ? r.formulaStart + 1 : r.formulaStart;
          out.text(bytes, start, r.formulaEnd);
          out.bytes(kind === NULL ? B.fClose : B.fCloseV);
        }
        if (kind === NUMBER) {
          if (finite) {
            out.number(r.number);
            out.bytes(B.vClose);
          } else out.bytes(B.num);
        } else if (kind === TRUE) out.bytes(B.one);
        else if (kind === FALSE) out.bytes(B.zero);
        else if (kind === STRING) {
          // No more UTF-8 bytes than Excel's limit: no more characters either, nothing to cut.
          if (r.textEnd - r.textStart <= MAX_CELL_TEXT) out.text(bytes, r.textStart, r.textEnd);
          else out.utf8(escapeText(r.text(r.textStart, r.textEnd).slice(0, MAX_CELL_TEXT)));
          out.bytes(formula ? B.vClose : B.isClose);
        } else out.bytes(B.cellClose);
      }
      if (link) {
        // hyperlinkXml's element, written from the packed bytes.
        links.bytes(L.open);
        links.bytes((letters[r.col] ??= asciiBytes(columnLetters(r.col))));
        links.bytes(rowNumber);
        links.bytes(L.location);
        // The target without a leading "#".
        links.attr(bytes, bytes[r.linkStart] === 0x23 ? r.linkStart + 1 : r.linkStart, r.linkEnd);
        links.bytes(L.display);
        if (kind === STRING) links.attr(bytes, r.textStart, r.textEnd);
        else if (kind === NUMBER) links.ascii(String(r.number));
        else if (kind !== NULL) links.ascii(String(kind === TRUE));
        links.bytes(L.close);
      }
    }
    out.bytes(B.rowClose);
    if (out.length >= CHUNK_BYTES) yield out.take();
  }
  if (out.length > 0) yield out.take();
}

/**
 * The XML of a sheet around its rows: up to and including <sheetData>, then up to the hyperlinks,
 * then after them (sheet-xml.ts, sheetXmlFrame).
 */
export interface SheetXmlFrame {
  head: string;
  before: string;
  after: string;
}

/**
 * The worksheet XML of a packed sheet from its frame and raw rows, in chunks: the rows as bytes
 * (packedSheetData), the internal links of its plain link cells gathered into <hyperlinks>.
 *
 * @example
 * for (const chunk of packedSheetXml(sheetXmlFrame(sheet, styles), packedRawRows(sheet)!, styles.cellFormat)) zip.write(chunk);
 */
export function* packedSheetXml(
  frame: SheetXmlFrame,
  rows: Iterable<RawRowCursor>,
  cellFormat: CellFormats
): Generator<string | Uint8Array> {
  yield frame.head;
  // The links' elements as bytes too (a city's 问题清单 links tens of thousands of cells).
  const links = new XmlBytes(1 << 12);
  yield* packedSheetData(rows, cellFormat, links);
  if (links.length === 0) yield frame.before + frame.after;
  else {
    yield `${frame.before}<hyperlinks>`;
    yield links.take();
    yield `</hyperlinks>${frame.after}`;
  }
}
