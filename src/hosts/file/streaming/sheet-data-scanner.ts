/**
 * A hand-written scanner for the inside of a worksheet's <sheetData>: rows and cells are nearly
 * all of a sheet part, and saxes spends most of the read on them. It accepts only a plain subset
 * of XML (ASCII names, quoted attributes, text with the predefined entities and character
 * references) and gives the same open / text / close events saxes gives for it. Anything else (a
 * comment, CDATA, a processing instruction, a carriage return, a control character, a lone surrogate,
 * an unknown entity, a duplicate attribute, a mismatched close tag …) throws ScannerUnsure, and
 * the caller reads the whole part again with saxes, which decides (and refuses what is malformed).
 */

/** The scanner met something outside its subset: read the part with saxes instead. */
export class ScannerUnsure extends Error {}

/** The attributes the sheet reader looks at, reused for every tag (undefined when absent). */
export interface ScannedAttributes {
  /** Of a <c>: its r attribute's column as columnOf reads it (undefined without r); r is then not set. */
  column: number | undefined;
  r: string | undefined;
  t: string | undefined;
  s: string | undefined;
  hidden: string | undefined;
  ref: string | undefined;
}

export interface ScannerEvents {
  /** An element opened, by its name without prefix; `attributes` is only valid during the call. */
  open: (name: string, attributes: ScannedAttributes) => void;
  text: (text: string) => void;
  close: (name: string) => void;
  /**
   * Optional: a cell whose whole content is `<v>plain text</v>` (nearly every cell of a sheet),
   * handed on as one call instead of open c, open v, text, close v, close c. Its value is
   * `text.slice(start, end)`, left to the reader to slice: most are numbers it can read in place.
   * A reader that sets it must treat it as that sequence of events (see the scanner's property test).
   */
  cell?: (attributes: ScannedAttributes, text: string, start: number, end: number) => void;
}

const LT = 60;
const GT = 62;
const AMP = 38;
const SLASH = 47;
const EQUALS = 61;
const QUOTE = 34;
const APOSTROPHE = 39;
const CLOSE_BRACKET = 93;

/** Longest text or tag carried over to the next chunk before the scanner gives up. */
const MAX_CARRY = 1 << 20;

function isNameStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 58;
}

function isNameChar(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57) || code === 45 || code === 46;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}

/** Whether text can be taken as it is: no entity, no "]]>" risk, only characters saxes passes unchanged. */
function plainText(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 32) {
      if (code !== 10 && code !== 9) return false; // CR is normalised by XML; others are refused
    } else if (code === AMP || code === CLOSE_BRACKET || code >= 0xfffe) {
      return false;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      if (!pairAt(text, i, to)) return false;
      i++;
    }
  }
  return true;
}

/** A high surrogate at i followed by a low one before `to`: a character beyond U+FFFF (𠮷). */
function pairAt(text: string, i: number, to: number): boolean {
  const code = text.charCodeAt(i);
  if (code > 0xdbff || i + 1 >= to) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/** XML 1.0's Char production, for a character reference. */
function isXmlChar(code: number): boolean {
  return (
    code === 9 ||
    code === 10 ||
    code === 13 ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function sameText(text: string, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++)
    if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
  return true;
}

/**
 * 0-based column of a cell reference such as "AB12" (its leading capitals; -1 without any).
 *
 * @example
 * columnAt("AB12", 0, 4); // 27
 */
export function columnAt(text: string, from: number, to: number): number {
  let col = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col - 1;
}

const TYPES = ["s", "n", "b", "e", "d", "str", "inlineStr"];

/** A cell's t attribute, the usual ones shared rather than copied for every cell. */
function cellType(text: string, from: number, to: number): string {
  for (const type of TYPES)
    if (type.length === to - from && text.startsWith(type, from)) return type;
  return text.slice(from, to);
}

const STYLES: string[] = [];

/** A cell's s attribute: a small index as one shared string (read with Number, as the text would be). */
function styleIndex(text: string, from: number, to: number): string {
  if (to - from > 4 || to === from) return text.slice(from, to);
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return text.slice(from, to);
    n = n * 10 + code - 48;
  }
  return (STYLES[n] ??= String(n));
}

const PREDEFINED = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
]);

/** Text with entity references decoded, as saxes decodes them; ScannerUnsure for anything else. */
function decodeText(raw: string): string {
  if (raw.includes("]]>")) throw new ScannerUnsure("]]>");
  let out = "";
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === AMP) {
      const end = raw.indexOf(";", i + 1);
      if (end < 0) throw new ScannerUnsure("entity");
      const entity = raw.slice(i + 1, end);
      let decoded = PREDEFINED.get(entity);
      if (decoded === undefined) {
        let num = NaN;
        if (/^#x[0-9a-fA-F]{1,8}$/.test(entity)) num = parseInt(entity.slice(2), 16);
        else if (/^#[0-9]{1,10}$/.test(entity)) num = parseInt(entity.slice(1), 10);
        if (!isXmlChar(num)) throw new ScannerUnsure("entity");
        decoded = String.fromCodePoint(num);
      }
      out += raw.slice(start, i) + decoded;
      start = end + 1;
      i = end;
    } else if (code < 32) {
      if (code !== 10 && code !== 9) throw new ScannerUnsure("character");
    } else if (code >= 0xfffe) {
      throw new ScannerUnsure("character");
    } else if (code >= 0xd800 && code <= 0xdfff) {
      if (!pairAt(raw, i, raw.length)) throw new ScannerUnsure("character");
      i++;
    }
  }
  return out + raw.slice(start);
}

/**
 * The scanner of one <sheetData>'s content. Feed it text with `write`; it returns null while
 * inside, or the rest of the text from sheetData's closing tag on (for saxes) once it gets there.
 *
 * @example
 * const scanner = new SheetDataScanner("sheetData", { open, text, close });
 * scanner.write('<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>');
 * // → "</sheetData></worksheet>"
 */
export class SheetDataScanner {
  private carry = "";
  /** Qualified names of the open elements inside sheetData. */
  private readonly stack: string[] = [];
  private readonly attributes: ScannedAttributes = {
    column: undefined,
    r: undefined,
    t: undefined,
    s: undefined,
    hidden: undefined,
    ref: undefined,
  };
  /** Start and length of each attribute name of the tag being read (duplicates are refused). */
  private readonly names: number[] = [];
  private nameCount = 0;
  /** Whether sheetData's closing tag was reached. */
  done = false;

  constructor(
    /** The qualified name of the sheetData element ("sheetData", "x:sheetData" …). */
    private readonly container: string,
    private readonly events: ScannerEvents
  ) {}

  /** Scans a chunk from `from` on; returns null, or the text from sheetData's closing tag on. */
  write(chunk: string, from = 0): string | null {
    if (this.carry.length === 0) return this.scan(chunk, from);
    // The carried tail joined to the whole chunk would be a cons string, each of whose
    // charCodeAt costs about 1.7 times a flat string's: the tail is joined to the chunk's head
    // only (up to its first ">"), and the chunk itself is scanned from there. city20k's sheet
    // read, 7 read-bench pairs: CPU 361 → 326 ms (medians).
    const gt = chunk.indexOf(">", from);
    const head = this.carry + chunk.slice(from, gt < 0 ? chunk.length : gt + 1);
    this.carry = "";
    const rest = this.scan(head, 0);
    if (gt < 0) return rest;
    if (rest !== null) return rest + chunk.slice(gt + 1);
    if (this.carry.length === 0) return this.scan(chunk, gt + 1);
    // The head ended inside markup or text (a ">" in a quoted value or in text): the plain way.
    const text = this.carry + chunk.slice(gt + 1);
    this.carry = "";
    return this.scan(text, 0);
  }

  /** Scans `text` from `start` on, keeping an unfinished tail for the next chunk. */
  private scan(text: string, start: number): string | null {
    const length = text.length;
    let i = start;
    while (i < length) {
      // The text up to the next "<", checked as it goes (most runs are empty or a few digits).
      let lt = i;
      let plain = true;
      for (; lt < length; lt++) {
        const code = text.charCodeAt(lt);
        if (code === LT) break;
        if (
          code < 32
            ? code !== 10 && code !== 9
            : code === AMP || code === CLOSE_BRACKET || code >= 0xd800
        )
          plain = false;
      }
      if (lt >= length) {
        this.keep(text, i);
        return null;
      }
      if (lt > i) {
        const raw = text.slice(i, lt);
        this.events.text(plain || plainText(text, i, lt) ? raw : decodeText(raw));
      }
      if (lt + 1 >= length) {
        this.keep(text, lt);
        return null;
      }
      const next = text.charCodeAt(lt + 1);
      if (next === SLASH) {
        const end = this.closeTag(text, lt);
        if (end === -1) {
          this.keep(text, lt);
          return null;
        }
        if (end === -2) {
          this.done = true;
          return text.slice(lt);
        }
        i = end;
      } else if (isNameStart(next)) {
        const end = this.openTag(text, lt);
        if (end < 0) {
          this.keep(text, lt);
          return null;
        }
        i = end;
      } else {
        throw new ScannerUnsure("markup"); // comment, CDATA, processing instruction, or malformed
      }
    }
    return null;
  }

  /** Called at the end of the part: the part ended inside sheetData, which saxes would refuse. */
  end(): void {
    if (!this.done) throw new ScannerUnsure("unclosed sheetData");
  }

  private keep(text: string, from: number): void {
    if (text.length - from > MAX_CARRY) throw new ScannerUnsure("long run");
    this.carry = text.slice(from);
  }

  /** A name starting at `from`: interned for the elements of every cell. */
  private static nameOf(text: string, from: number, to: number): string {
    const length = to - from;
    if (length === 1) {
      switch (text.charCodeAt(from)) {
        case 99:
          return "c";
        case 118:
          return "v";
        case 116:
          return "t";
        case 102:
          return "f";
        case 114:
          return "r";
      }
    } else if (length === 3 && text.startsWith("row", from)) return "row";
    return text.slice(from, to);
  }

  private static localOf(name: string): string {
    const colon = name.indexOf(":");
    return colon < 0 ? name : name.slice(colon + 1);
  }

  /**
   * An element's start tag at `lt`: returns the index after it, or -1 when the text ends inside it.
   */
  private openTag(text: string, lt: number): number {
    const length = text.length;
    let i = lt + 1;
    while (i < length && isNameChar(text.charCodeAt(i))) i++;
    if (i >= length) return -1;
    const name = SheetDataScanner.nameOf(text, lt + 1, i);
    const attributes = this.attributes;
    attributes.column = undefined;
    attributes.r = attributes.t = attributes.s = attributes.hidden = attributes.ref = undefined;
    const localName = SheetDataScanner.localOf(name);
    const cell = localName === "c";
    this.nameCount = 0;
    let selfClosing = false;
    for (;;) {
      let code = text.charCodeAt(i);
      if (code === GT) {
        i++;
        break;
      }
      if (code === SLASH) {
        if (i + 1 >= length) return -1;
        if (text.charCodeAt(i + 1) !== GT) throw new ScannerUnsure("tag");
        selfClosing = true;
        i += 2;
        break;
      }
      if (!isSpace(code)) throw new ScannerUnsure("tag");
      while (i < length && isSpace(text.charCodeAt(i))) i++;
      if (i >= length) return -1;
      code = text.charCodeAt(i);
      if (code === GT || code === SLASH) continue;
      if (!isNameStart(code)) throw new ScannerUnsure("attribute name");
      const nameStart = i;
      while (i < length && isNameChar(text.charCodeAt(i))) i++;
      const nameEnd = i;
      while (i < length && isSpace(text.charCodeAt(i))) i++;
      if (i >= length) return -1;
      if (text.charCodeAt(i) !== EQUALS) throw new ScannerUnsure("attribute");
      i++;
      while (i < length && isSpace(text.charCodeAt(i))) i++;
      if (i >= length) return -1;
      const quote = text.charCodeAt(i);
      if (quote !== QUOTE && quote !== APOSTROPHE) throw new ScannerUnsure("unquoted attribute");
      const valueStart = i + 1;
      i = valueStart;
      while (i < length) {
        const c = text.charCodeAt(i);
        if (c === quote) break;
        // Entities, "<", line breaks and tabs (normalised to spaces by XML) are left to saxes.
        if (c < 32 || c === AMP || c === LT || (c >= 0xd800 && c <= 0xdfff) || c >= 0xfffe)
          throw new ScannerUnsure("attribute value");
        i++;
      }
      if (i >= length) return -1;
      this.attribute(text, nameStart, nameEnd, valueStart, i, cell);
      i++; // the closing quote
      if (i >= length) return -1;
      code = text.charCodeAt(i);
      if (code !== GT && code !== SLASH && !isSpace(code)) throw new ScannerUnsure("attribute");
    }
    if (!selfClosing && name === "c" && this.events.cell !== undefined) {
      const end = this.valueCell(text, i);
      if (end >= 0) return end;
    }
    this.events.open(localName, attributes);
    if (selfClosing) this.events.close(localName);
    else this.stack.push(name);
    return i;
  }

  /**
   * `<v>text</v></c>` at `from`, right after a cell's start tag, with text taken as it is (see
   * plainText): handed on as one `cell` event; returns the index after it, or -1 for any other
   * content (or one cut by the chunk's end), which the element-by-element path then reads.
   * city20k, 7 read-bench pairs: the read of its sheet 292 → 250 ms (medians, wall).
   */
  private valueCell(text: string, from: number): number {
    if (!text.startsWith("<v>", from)) return -1;
    const start = from + 3;
    const length = text.length;
    let end = start;
    for (; end < length; end++) {
      const code = text.charCodeAt(end);
      if (code === LT) break;
      // scan's at-a-glance test of plain text, written out in both loops: as one shared function
      // the sheet read measured about 6 % more CPU (city20k, 3 sets of 7–10 interleaved pairs).
      if (
        code < 32
          ? code !== 10 && code !== 9
          : code === AMP || code === CLOSE_BRACKET || code >= 0xd800
      )
        return -1;
    }
    if (!text.startsWith("</v></c>", end)) return -1;
    this.events.cell!(this.attributes, text, start, end);
    return end + 8;
  }

  /** Notes one attribute, refusing a repeated name, and keeps the values the sheet reader reads. */
  private attribute(
    text: string,
    nameStart: number,
    nameEnd: number,
    valueStart: number,
    valueEnd: number,
    cell: boolean
  ): void {
    const length = nameEnd - nameStart;
    const names = this.names;
    const count = this.nameCount;
    for (let k = 0; k < count; k += 2) {
      if (names[k + 1] === length && sameText(text, names[k], nameStart, length))
        throw new ScannerUnsure("duplicate attribute");
    }
    names[count] = nameStart;
    names[count + 1] = length;
    this.nameCount = count + 2;
    const attributes = this.attributes;
    if (length === 1) {
      switch (text.charCodeAt(nameStart)) {
        case 114:
          if (cell) attributes.column = columnAt(text, valueStart, valueEnd);
          else attributes.r = text.slice(valueStart, valueEnd);
          break;
        case 116:
          attributes.t = cellType(text, valueStart, valueEnd);
          break;
        case 115:
          attributes.s = styleIndex(text, valueStart, valueEnd);
          break;
      }
    } else if (length === 6 && text.startsWith("hidden", nameStart)) {
      attributes.hidden = text.slice(valueStart, valueEnd);
    } else if (length === 3 && text.startsWith("ref", nameStart)) {
      attributes.ref = text.slice(valueStart, valueEnd);
    }
  }

  /**
   * An end tag at `lt`: the index after it, -1 when the text ends inside it, or -2 when it closes
   * sheetData itself.
   */
  private closeTag(text: string, lt: number): number {
    const length = text.length;
    let i = lt + 2;
    if (i >= length) return -1;
    if (!isNameStart(text.charCodeAt(i))) throw new ScannerUnsure("end tag");
    while (i < length && isNameChar(text.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < length && isSpace(text.charCodeAt(i))) i++;
    if (i >= length) return -1;
    if (text.charCodeAt(i) !== GT) throw new ScannerUnsure("end tag");
    const stack = this.stack;
    const expected = stack.length > 0 ? stack[stack.length - 1] : this.container;
    const expectedLength = expected.length;
    if (nameEnd - (lt + 2) !== expectedLength) throw new ScannerUnsure("mismatched end tag");
    for (let k = 0; k < expectedLength; k++)
      if (text.charCodeAt(lt + 2 + k) !== expected.charCodeAt(k))
        throw new ScannerUnsure("mismatched end tag");
    if (stack.length === 0) return -2;
    stack.pop();
    this.events.close(SheetDataScanner.localOf(expected));
    return i + 1;
  }
}
