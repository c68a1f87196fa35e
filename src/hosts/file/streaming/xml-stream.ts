import { SaxesParser, type SaxesTagPlain } from "saxes";

/**
 * A streaming XML parser for package parts (saxes): element names without their namespace
 * prefix, and a DOCTYPE refused outright (no entity, external or internal, is ever expanded).
 */
export interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** Thrown for a part with a DOCTYPE: XML in a workbook never needs one. */
export class UnsafeXmlError extends Error {}

/**
 * A parser to feed chunks of one part to; call `write(chunk)` per chunk and `close()` at the end.
 *
 * @example
 * const xml = xmlStream({ open: (name, attrs) => name === "sheet" && names.push(attrs.name) });
 * xml.write(text); xml.close();
 */
export function xmlStream(handlers: XmlHandlers): {
  write(text: string): void;
  close(): void;
  /** The version the XML declaration gives, once read ("1.0", "1.1"), else undefined. */
  xmlVersion(): string | undefined;
} {
  const parser = new SaxesParser();
  parser.on("doctype", () => {
    throw new UnsafeXmlError("DOCTYPE");
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag: SaxesTagPlain) =>
      open(localName(tag.name), tag.attributes as Record<string, string>)
    );
  }
  if (handlers.text) parser.on("text", handlers.text);
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(localName(tag.name)));
  }
  parser.on("error", (error) => {
    throw error;
  });
  return {
    write: (text: string) => {
      if (text.length > 0) parser.write(text);
    },
    close: () => {
      parser.close();
    },
    xmlVersion: () => parser.xmlDecl.version,
  };
}
