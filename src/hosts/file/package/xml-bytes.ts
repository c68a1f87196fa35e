/**
 * XML written straight as UTF-8 bytes, in chunks: the audit sheets' cell text is packed as UTF-8
 * (report/packedRows.ts) and is copied from there, escaped on the way, without ever becoming a
 * string again. The escaping is escapeText's (xml-text.ts), byte for byte.
 */

const AMP = 0x26;
const LT = 0x3c;
const GT = 0x3e;
const ESCAPED: Record<number, number[]> = {
  [AMP]: [...Buffer.from("&amp;")],
  [LT]: [...Buffer.from("&lt;")],
  [GT]: [...Buffer.from("&gt;")],
};

/** A byte XML 1.0 cannot carry: the control characters other than tab, line feed and carriage return. */
function illegalControl(byte: number): boolean {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d;
}

/**
 * Bytes appended to a buffer that is handed on whole (take()) once it holds a chunk's worth; a
 * taken chunk is never written to again, so a consumer may keep it while the next one fills.
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
    this.buf = Buffer.allocUnsafe(chunkBytes);
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
    this.room((end - start) * 5);
    const buf = this.buf;
    let pos = this.pos;
    for (let i = start; i < end; i++) {
      const b = bytes[i];
      if (b > GT) {
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF); the input is valid UTF-8, so EF starts a character.
        if (
          b === 0xef &&
          bytes[i + 1] === 0xbf &&
          (bytes[i + 2] === 0xbe || bytes[i + 2] === 0xbf)
        ) {
          i += 2;
          continue;
        }
        buf[pos++] = b;
      } else if (b === AMP || b === LT || b === GT) {
        for (const e of ESCAPED[b]) buf[pos++] = e;
      } else if (!illegalControl(b)) buf[pos++] = b;
    }
    this.pos = pos;
  }

  /** The bytes written since the last take(), as a buffer of their own; writing goes on in a new one. */
  take(): Buffer {
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.chunkBytes);
    this.pos = 0;
    return chunk;
  }
}
