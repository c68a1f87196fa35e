import { SaxesParser } from "saxes";

/** One element of an XML part: its path from the root, attributes (namespace declarations too) and direct text. */
export interface XmlElement {
  path: string;
  attributes: Record<string, string>;
  text: string;
}

/** Every element of an XML document in document order. */
export function xmlElements(xml: string): XmlElement[] {
  const parser = new SaxesParser();
  const out: XmlElement[] = [];
  const stack: { name: string; element: XmlElement }[] = [];
  parser.on("opentag", (tag) => {
    const path = [...stack.map((s) => s.name), tag.name].join("/");
    const element: XmlElement = {
      path,
      attributes: { ...(tag.attributes as Record<string, string>) },
      text: "",
    };
    out.push(element);
    stack.push({ name: tag.name, element });
  });
  parser.on("text", (text) => {
    if (stack.length > 0) stack[stack.length - 1].element.text += text;
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(xml).close();
  return out;
}

/**
 * The original elements missing from the edited document: each original element must appear in
 * the edited one, in the same order (edits only insert), with the same path and text and every
 * original attribute with its value, except the attributes named in `mayChange` (list counts)
 * and the text of the elements named there as `text:<element>`.
 * Returns descriptions of what is missing; [] when everything was kept.
 */
export function missingElements(
  original: string,
  edited: string,
  mayChange: readonly string[] = []
): string[] {
  const before = xmlElements(original);
  const after = xmlElements(edited);
  const missing: string[] = [];
  let j = 0;
  for (const element of before) {
    const start = j;
    while (j < after.length && !keeps(element, after[j], mayChange)) j++;
    if (j === after.length) {
      missing.push(
        `${element.path} ${JSON.stringify(element.attributes)} ${element.text.slice(0, 40)}`
      );
      j = start;
    } else j++;
  }
  return missing;
}

function keeps(original: XmlElement, candidate: XmlElement, mayChange: readonly string[]): boolean {
  if (original.path !== candidate.path) return false;
  // "text:vt:i4": the text of that element may change (a count held as text, as app.xml keeps them).
  const textMayChange = mayChange.includes(`text:${original.path.split("/").pop()}`);
  if (!textMayChange && original.text !== candidate.text) return false;
  return Object.entries(original.attributes).every(([name, value]) =>
    mayChange.includes(name) ? name in candidate.attributes : candidate.attributes[name] === value
  );
}
