import { scannedXml } from "./scanned-xml";

/**
 * The shared strings part (xl/sharedStrings.xml) read in one pass: each <si>'s text, its rich
 * text runs joined, its phonetic runs (<rPh>) left out. With `scan`, the strings inside <sst> are
 * read by SheetDataScanner (see scanned-xml.ts: a failure of a scanned read is answered by
 * reading the part again without `scan`).
 *
 * @example
 * const reader = sharedStringsReader(true);
 * await parts.stream("xl/sharedStrings.xml", reader.write);
 * reader.strings(); // ["学校名称", "实验小学", …]
 */
export function sharedStringsReader(scan: boolean): {
  write: (text: string) => void;
  strings: () => string[];
} {
  const out: string[] = [];
  let current = "";
  let inText = false;
  let phonetic = 0;
  const parser = scannedXml(
    "sst",
    {
      open: (name) => {
        if (name === "si") current = "";
        else if (name === "rPh") phonetic++;
        else if (name === "t" && phonetic === 0) inText = true;
      },
      text: (text) => {
        if (inText) current += text;
      },
      close: (name) => {
        if (name === "t") inText = false;
        else if (name === "rPh") phonetic--;
        else if (name === "si") out.push(current);
      },
    },
    scan
  );
  return {
    write: parser.write,
    strings: () => {
      parser.close();
      return out;
    },
  };
}
