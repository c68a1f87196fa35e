/**
 * XML written straight as UTF-8 bytes, in chunks: the audit sheets' cell text is packed as UTF-8
 * (report/packedRows.ts) and is copied from there, escaped on the way, without ever becoming a
 * string again. The escaping is escapeText's (xml-text.ts), byte for byte.
 */

const AMP = 0x26;
const LT = 0x3c;
const GT = 0x3e;

/**
 * Bytes text() does not copy as they are: & < >, EF (which may start U+FFFE or U+FFFF) and the
 * C0 controls but tab, LF and CR.
 */
const SPECIAL = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) SPECIAL[b] = b === 0x09 || b === 0x0a || b === 0x0d ? 0 : 1;
SPECIAL[AMP] = SPECIAL[LT] = SPECIAL[GT] = SPECIAL[0xef] = 1;

/** The same for an attribute value in double quotes (attr()): " and tab, LF, CR too. */
const SPECIAL_IN_ATTR = SPECIAL.slice();
SPECIAL_IN_ATTR[0x22] = SPECIAL_IN_ATTR[0x09] = SPECIAL_IN_ATTR[0x0a] = SPECIAL_IN_ATTR[0x0d] = 1;

/** What text() writes for & < > (escapeText's references). */
const TEXT_REFERENCES: Record<number, Uint8Array> = {
  [AMP]: asciiBytes("&amp;"),
  [LT]: asciiBytes("&lt;"),
  [GT]: asciiBytes("&gt;"),
};

/** What attr() writes: text()'s references, and a quote, tab, LF and CR (escapeAttr's). */
const ATTR_REFERENCES: Record<number, Uint8Array> = {
  ...TEXT_REFERENCES,
  0x22: asciiBytes("&quot;"),
  0x09: asciiBytes("&#9;"),
  0x0a: asciiBytes("&#10;"),
  0x0d: asciiBytes("&#13;"),
};

/**
 * An ASCII string's bytes, for XmlBytes.bytes().
 *
 * @example
 * const OPEN = asciiBytes('<c r="');
 */
export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/**
 * Buffers of taken chunks given back by their consumer (releaseXmlChunk), for the next chunks: a
 * city's audit sheets are a hundred megabytes of chunks, which would otherwise each be a fresh
 * allocation (and page faults) for the garbage collector to free.
 */
const spare: Buffer[] = [];
const MAX_SPARE = 16;
/** The memory of chunks taken and not given back yet: only these may be given back (once). */
const lent = new WeakSet<ArrayBufferLike>();

function chunkBuffer(bytes: number): Buffer {
  const reused = spare.length > 0 && spare[spare.length - 1].length === bytes;
  return reused ? spare.pop()! : Buffer.allocUnsafe(bytes);
}

/**
 * Gives back a chunk of XmlBytes.take() that nothing reads any more (zlib has deflated it), so
 * its memory holds a later chunk. Anything else (a string's bytes, a chunk given back already)
 * is let be.
 *
 * @example
 * deflate.write(chunk, () => releaseXmlChunk(chunk));
 */
export function releaseXmlChunk(chunk: Uint8Array): void {
  const memory = chunk.buffer;
  if (!lent.delete(memory) || spare.length >= MAX_SPARE) return;
  spare.push(Buffer.from(memory, 0, memory.byteLength));
}

/**
 * Bytes appended to a buffer that is handed on whole (take()) once it holds a chunk's worth; a
 * taken chunk is never written to again, so a consumer may keep it while the next one fills
 * (until it gives it back with releaseXmlChunk).
 *
 * @example
 * const out = new XmlBytes();
 * out.ascii('<c r="A1"><v>');
 * out.ascii(String(42));
 * out.ascii("</v></c>");
 * zip.write(out.take());
 */
export class XmlBytes {
  private buf: Buffer;
  private pos = 0;

  constructor(private readonly chunkBytes = 1 << 18) {
    this.buf = chunkBuffer(chunkBytes);
  }

  /** Bytes written since the last take(). */
  get length(): number {
    return this.pos;
  }

  /** Makes room for `n` more bytes. */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** A string of ASCII characters (tags, numbers, references). */
  ascii(text: string): void {
    const n = text.length;
    this.room(n);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) buf[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** Bytes as they are (short runs: tags, references). */
  bytes(bytes: Uint8Array): void {
    const n = bytes.length;
    this.room(n);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) buf[pos++] = bytes[i];
    this.pos = pos;
  }

  /**
   * A number as String(number) writes it, with integers' digits written directly (the common
   * case: counts, pupils) and other numbers through String().
   */
  number(value: number): void {
    if (!Number.isInteger(value) || Math.abs(value) >= 1e15) {
      this.ascii(String(value));
      return;
    }
    this.room(17);
    const buf = this.buf;
    let n = value;
    if (n < 0) {
      buf[this.pos++] = 0x2d; // "-"
      n = -n;
    }
    if (n <= 0x7fffffff) {
      // Small integers (nearly all): 32-bit integer arithmetic.
      let digits = 1;
      for (let d = n; d >= 10; d = (d / 10) | 0) digits++;
      let pos = this.pos + digits;
      this.pos = pos;
      let m = n | 0;
      do {
        const q = (m / 10) | 0;
        buf[--pos] = 0x30 + (m - q * 10);
        m = q;
      } while (m > 0);
      return;
    }
    let digits = 1;
    for (let d = n; d >= 10; d = Math.floor(d / 10)) digits++;
    let pos = this.pos + digits;
    this.pos = pos;
    do {
      const q = Math.floor(n / 10);
      buf[--pos] = 0x30 + (n - q * 10);
      n = q;
    } while (n > 0);
  }

  /** Any string, as UTF-8. */
  utf8(text: string): void {
    this.room(text.length * 3);
    this.pos += this.buf.write(text, this.pos, "utf8");
  }

  /**
   * UTF-8 text bytes as XML text content, as escapeText escapes the string: & < > escaped, the
   * characters XML cannot carry (C0 controls but tab, LF, CR; U+FFFE, U+FFFF) dropped.
   */
  text(bytes: Uint8Array, start: number, end: number): void {
    this.escaped(bytes, start, end, SPECIAL, TEXT_REFERENCES);
  }

  /**
   * UTF-8 text bytes as an attribute value in double quotes, as escapeAttr escapes the string:
   * what text() escapes or drops, and the quote, tab, LF and CR as character references.
   */
  attr(bytes: Uint8Array, start: number, end: number): void {
    this.escaped(bytes, start, end, SPECIAL_IN_ATTR, ATTR_REFERENCES);
  }

  /**
   * Copies bytes, writing `references` for the bytes they name and dropping what XML cannot carry;
   * `special` marks every byte that is not copied as it is.
   */
  private escaped(
    bytes: Uint8Array,
    start: number,
    end: number,
    special: Uint8Array,
    references: Record<number, Uint8Array>
  ): void {
    this.room((end - start) * 6); // "&quot;", the longest reference
    const buf = this.buf;
    let pos = this.pos;
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      // Most bytes are copied as they are: one look-up tells them from the few that are not.
      if (special[b] === 0) {
        buf[pos++] = b;
        continue;
      }
      const reference = references[b];
      if (reference !== undefined) {
        for (let j = 0; j < reference.length; j++) buf[pos++] = reference[j];
      } else if (b === 0xef) {
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF); the input is valid UTF-8, so EF starts a character.
        if (bytes[i + 1] === 0xbf && (bytes[i + 2] === 0xbe || bytes[i + 2] === 0xbf)) i += 2;
        else buf[pos++] = b;
      }
      // Other C0 controls: XML 1.0 cannot carry them.
    }
    this.pos = pos;
  }

  /** The bytes written since the last take(), as a buffer of their own; writing goes on in a new one. */
  take(): Buffer {
    const chunk = this.buf.subarray(0, this.pos);
    // A buffer of its own (not grown, not a slice of Node's small-buffer pool) can be given back.
    if (this.buf.byteOffset === 0 && this.buf.buffer.byteLength === this.chunkBytes)
      lent.add(this.buf.buffer);
    this.buf = chunkBuffer(this.chunkBytes);
    this.pos = 0;
    return chunk;
  }
}
