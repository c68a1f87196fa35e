/** Escaping and unescaping for the XML the package writer reads and writes. */

/** Characters XML 1.0 cannot carry (control characters other than tab, line feed, carriage return). */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Whether a text needs any escaping at all: most cell text and formulas do not. */
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Text content: & < > escaped, characters XML cannot carry dropped. */
export function escapeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(XML_ILLEGAL, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** An attribute value in double quotes. */
export function escapeAttr(text: string): string {
  return escapeText(text)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

/** Entity and character references back to text. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|quot|apos|amp);/g, (_m, ref: string) => {
    if (ref === "lt") return "<";
    if (ref === "gt") return ">";
    if (ref === "quot") return '"';
    if (ref === "apos") return "'";
    if (ref === "amp") return "&";
    return String.fromCodePoint(
      ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    );
  });
}

/** An attribute's (unescaped) value in a start tag, or undefined. `name` may carry a prefix (r:id). */
export function attr(tag: string, name: string): string | undefined {
  const match = new RegExp(
    `\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`
  ).exec(tag);
  if (!match) return undefined;
  return unescapeXml(match[1] ?? match[2]);
}

/** The namespace prefix (with its colon, or "") the root element of a part uses. */
export function rootPrefix(xml: string): string {
  const match = /<([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*[\s>/]/.exec(
    xml.replace(/<\?[^]*?\?>/g, "").replace(/<!--[^]*?-->/g, "")
  );
  return match?.[1] ?? "";
}

/** The prefix (with colon, "" for the default namespace) bound to `uri` on the root, or undefined. */
export function prefixFor(xml: string, uri: string): string | undefined {
  const root = /<[A-Za-z_][^>]*>/.exec(xml.replace(/<\?[^]*?\?>/g, ""))?.[0] ?? "";
  for (const match of root.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*"([^"]*)"/g)) {
    if (match[2] === uri) return match[1] ? `${match[1]}:` : "";
  }
  return undefined;
}

/** Refuses a DOCTYPE (and with it any entity declaration) in a part read from a package. */
export function assertNoDoctype(xml: string, part: string): void {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new Error(`部件「${part}」含有 DOCTYPE 或实体声明，出于安全原因不予读取`);
  }
}
