import { columnAt, SheetDataScanner, type ScannerEvents } from "./sheet-data-scanner";
import { xmlStream } from "./xml-stream";

/**
 * A part read by saxes, except the content of one big element (a worksheet's <sheetData>, the
 * shared strings' <sst>), which SheetDataScanner reads when `scan` is set. Saxes reads everything
 * up to that element's start tag (so a DOCTYPE is refused as before) and everything from its end
 * tag on. The scanner throws ScannerUnsure on anything outside its subset; a caller answers any
 * failure of a scanned read by reading the part again without `scan`, so saxes has the last word.
 */

/**
 * @example
 * const xml = scannedXml("sst", { open, text, close }, true);
 * await parts.stream("xl/sharedStrings.xml", xml.write);
 * xml.close();
 */
export function scannedXml(
  container: string,
  events: ScannerEvents,
  scan: boolean
): { write: (text: string) => void; close: () => void } {
  const start = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${container})(?=[\\s/>])`);
  let open = false; // saxes is inside the container
  const parser = xmlStream({
    open: (element, attrs) => {
      if (element === container) open = true;
      events.open(element, {
        column:
          element === "c" && attrs.r !== undefined
            ? columnAt(attrs.r, 0, attrs.r.length)
            : undefined,
        r: attrs.r,
        t: attrs.t,
        s: attrs.s,
        hidden: attrs.hidden,
        ref: attrs.ref,
      });
    },
    text: events.text,
    close: (element) => {
      if (element === container) open = false;
      events.close(element);
    },
  });

  // "before": saxes reads up to the container; "scan": the scanner reads its content; "saxes": saxes reads the rest.
  let mode: "before" | "scan" | "saxes" = scan ? "before" : "saxes";
  let pending = "";
  let scanner: SheetDataScanner | null = null;
  const toSaxes = (text: string) => {
    mode = "saxes";
    parser.write(text);
  };
  const scanText = (text: string, from = 0) => {
    const rest = scanner!.write(text, from);
    if (rest !== null) toSaxes(rest);
  };
  const before = (text: string) => {
    pending += text;
    const match = start.exec(pending);
    const gt = match ? pending.indexOf(">", match.index) : -1;
    if (!match || gt < 0) {
      // Hand saxes all but a tag that may be cut off by the chunk's end.
      const lt = match ? match.index : pending.lastIndexOf("<");
      if (lt > 0) {
        parser.write(pending.slice(0, lt));
        pending = pending.slice(lt);
      }
      return;
    }
    const all = pending;
    parser.write(all.slice(0, match.index));
    const openBefore = open;
    parser.write(all.slice(match.index, gt + 1));
    pending = "";
    // Scan only a real container saxes has just opened (not one in a comment, not <sst/>) of an XML 1.0 part.
    const version = parser.xmlVersion();
    const plain = version === undefined || version === "1.0";
    if (openBefore || !open || !plain) {
      toSaxes(all.slice(gt + 1));
      return;
    }
    mode = "scan";
    scanner = new SheetDataScanner(match[1], events);
    scanText(all, gt + 1); // from an offset: a slice of the chunk would scan slower (see write)
  };

  return {
    write: (text) => {
      if (mode === "saxes") parser.write(text);
      else if (mode === "scan") scanText(text);
      else before(text);
    },
    close: () => {
      if (mode === "before" && pending) toSaxes(pending);
      if (mode === "scan") scanner!.end();
      parser.close();
    },
  };
}
