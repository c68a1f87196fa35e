/**
 * The hand-written <sheetData> scanner is held to saxes: over generated worksheet XML (cells of
 * every type, entities and character references, rich and phonetic inline strings, xml:space,
 * prefixes, whitespace, and hostile pieces: comments, CDATA, processing instructions, a DOCTYPE,
 * carriage returns, control characters, surrogates, unknown entities, duplicate attributes,
 * mismatched tags), cut into chunks anywhere, a read with the scanner either gives exactly the
 * grid and limit counts saxes gives, or gives up (and the reader reads the part with saxes).
 */
import fc from "fast-check";
import { sheetReader, type SheetContext } from "../../../src/hosts/file/streaming/sheet-reader";
import {
  SheetDataScanner,
  ScannerUnsure,
  type ScannedAttributes,
  type ScannerEvents,
} from "../../../src/hosts/file/streaming/sheet-data-scanner";
import { scannedXml } from "../../../src/hosts/file/streaming/scanned-xml";
import { readWorkbookStreamed } from "../../../src/hosts/file";
import { sharedStringsReader } from "../../../src/hosts/file/streaming/shared-strings";
import type { SheetGrid } from "../../../src/sheets/grid";
import { writeFileSync } from "fs";
import * as path from "path";
import { oneSheetWorkbook } from "../../support/oneSheetWorkbook";
import { makeTempDir, removeTempDir } from "../../support/tmp";

const SHARED = ["学校", "实验小学", "a&b", "  spaced  "];

interface Outcome {
  grid?: SheetGrid;
  counts: string[];
  error?: string;
}

const CONTEXT: SheetContext = {
  sharedStrings: SHARED,
  dateStyles: [false, true, false, false],
  percentStyles: [false, false, true, false],
  date1904: false,
  count: () => {},
};

function read(chunks: string[], scan: boolean): Outcome {
  const counts: string[] = [];
  const context: SheetContext = {
    ...CONTEXT,
    count: (rows, cells) => counts.push(`${rows}/${cells}`),
  };
  try {
    const reader = sheetReader("表", context, { scan });
    for (const chunk of chunks) reader.write(chunk);
    return { grid: reader.grid(), counts };
  } catch (error) {
    return { counts, error: (error as Error).constructor.name };
  }
}

/** The text cut at the given fractions of its length. */
function cut(text: string, points: number[]): string[] {
  const at = [...new Set(points.map((p) => Math.floor(p * text.length)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of at) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

const PLAIN_VALUES = [
  "0",
  "1",
  "12",
  "1123",
  "12.5",
  "-3",
  " 7 ",
  "1e3",
  "0x1A",
  "",
  "abc",
  "TRUE",
  "true",
  "#N/A",
  "45292",
  "2023-09-01T00:00:00Z",
  "实验小学",
  "ｆｕｌｌ　width",
  "a\nb",
  "tab\there",
  "𠮷野家",
  "1>0",
  "007",
  "123456789012345",
  "1234567890123456",
  "99999999999999999999",
  "5",
  "2",
  "3",
];
const ENTITY_VALUES = [
  "&amp;",
  "a&lt;b&gt;c",
  "&quot;&apos;",
  "&#20013;",
  "&#x4e2d;",
  "&#x1F600;",
  "&#13;",
  "&#9;",
];
const HOSTILE_VALUES = [
  "&foo;",
  "&#0;",
  "&#X41;",
  "&amp",
  "]]>",
  "a]]>b",
  "]]",
  "]",
  "x\r\ny",
  "\r",
  "\u0001",
  "\ud800",
  "\udc00x",
  "😀",
  "\ufffe",
  "<![CDATA[5]]>",
  "1<!--c-->2",
  "<?pi x?>",
  "\u0085",
  "\u2028",
];

/** A plain value, or now and then the sheet's one hazard when it is a value. */
const valueArb = (hazard: string | undefined) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...PLAIN_VALUES) },
    { weight: 1, arbitrary: fc.constantFrom(...ENTITY_VALUES) },
    { weight: hazard?.startsWith("value:") ? 2 : 0, arbitrary: fc.constant(hazard?.slice(6) ?? "") }
  );

/** Malformed or unusual markup in a cell, one kind per generated sheet. */
const BROKEN = [
  "dupAttr",
  "proto",
  "unquoted",
  "ampAttr",
  "ltAttr",
  "nlAttr",
  "mismatch",
  "badName",
  "comment",
  "cdata",
  "noSpace",
];
/** Unusual things around the rows, one kind per generated sheet. */
const AROUND = ["xml11", "doctype", "tailComment", "tailLt", "tailClose", "tailPi", "truncate"];
const HAZARDS = [
  ...HOSTILE_VALUES.map((v) => `value:${v}`),
  ...BROKEN.map((b) => `broken:${b}`),
  ...AROUND.map((a) => `around:${a}`),
];

const SPACE = fc.constantFrom(" ", " ", " ", "  ", "\n", "\t", "\r\n");

function letters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Shape {
  prefix: string;
  /** The sheet's one hazard (see HAZARDS), if any. */
  hazard?: string;
}

function cellArb(shape: Shape, row: number, col: number): fc.Arbitrary<string> {
  const p = shape.prefix;
  const hazard = shape.hazard;
  return fc
    .record({
      ref: fc.constantFrom("own", "own", "own", "none", "bad"),
      type: fc.constantFrom(undefined, "s", "s", "n", "str", "inlineStr", "b", "e", "d", "zz"),
      style: fc.constantFrom(undefined, "0", "1", "2", "3", "9"),
      space: SPACE,
      extra: fc.constantFrom("", ' cm="1"', " x14ac:ph='1'", ' vm="1" '),
      body: fc.constantFrom("self", "v", "v", "v", "fv", "is", "rich", "emptyV", "vt"),
      value: valueArb(hazard),
      value2: valueArb(hazard),
      broken: hazard?.startsWith("broken:")
        ? fc.constantFrom("", "", hazard.slice(7))
        : fc.constant(""),
    })
    .map((c) => {
      const v = c.type === "s" && /^\d$/.test(c.value) ? String(Number(c.value) % 5) : c.value;
      const attrs: string[] = [];
      if (c.ref === "own") attrs.push(`r="${letters(col)}${row + 1}"`);
      else if (c.ref === "bad") attrs.push(`r="${letters(col).toLowerCase()}x"`);
      if (c.style !== undefined) attrs.push(`s="${c.style}"`);
      if (c.type !== undefined) attrs.push(`t='${c.type}'`);
      switch (c.broken) {
        case "dupAttr":
          attrs.push('s="1"', 's="2"');
          break;
        case "proto":
          attrs.push('__proto__="1"', 'constructor="2"');
          break;
        case "unquoted":
          attrs.push("u=1");
          break;
        case "ampAttr":
          attrs.push('z="a&amp;b"');
          break;
        case "ltAttr":
          attrs.push('z="a<b"');
          break;
        case "nlAttr":
          attrs.push('z="a\nb"');
          break;
        case "noSpace":
          attrs.push('z="1"q="2"');
          break;
      }
      const name = c.broken === "badName" ? `${p}c中` : `${p}c`;
      const open = `<${name}${attrs.map((a) => (a.includes('"q=') ? " " : c.space) + a).join("")}${c.extra}`;
      const t = (text: string) => `<${p}t xml:space="preserve">${text}</${p}t>`;
      let inner: string;
      switch (c.body) {
        case "self":
          return `${open}/>`;
        case "emptyV":
          inner = `<${p}v/>`;
          break;
        case "v":
          inner = `<${p}v>${v}</${p}v>`;
          break;
        case "fv":
          inner = `<${p}f>SUM(A1:A2)&amp;""</${p}f><${p}v>${v}</${p}v>`;
          break;
        case "is":
          inner = `<${p}is>${t(v)}</${p}is>`;
          break;
        case "rich":
          inner = `<${p}is><${p}r><${p}rPr><${p}b/><${p}sz val="11"/></${p}rPr>${t(v)}</${p}r><${p}r>${t(c.value2)}</${p}r><${p}rPh sb="0" eb="1">${t("ふりがな")}</${p}rPh><${p}phoneticPr fontId="1"/></${p}is>`;
          break;
        default:
          inner = `<${p}v>${v}</${p}v>${t(c.value2)}`;
      }
      if (c.broken === "comment") inner = `<!-- note -->${inner}`;
      if (c.broken === "cdata") inner = `<${p}v><![CDATA[42]]></${p}v>`;
      const close = c.broken === "mismatch" ? `</${p}x>` : `</${name}>`;
      return `${open}>${inner}${close}`;
    });
}

function rowArb(shape: Shape, row: number): fc.Arbitrary<string> {
  const p = shape.prefix;
  return fc
    .record({
      ref: fc.constantFrom("own", "own", "none"),
      hidden: fc.constantFrom(undefined, undefined, "1", "true", "0"),
      spans: fc.boolean(),
      gap: fc.constantFrom("", "", "\n  ", " "),
      cells: fc
        .integer({ min: 0, max: 5 })
        .chain((n) =>
          fc.tuple(
            ...Array.from({ length: n }, (_, col) => cellArb(shape, row, col * 2 + (row % 2)))
          )
        ),
    })
    .map((r) => {
      let open = `<${p}row`;
      if (r.ref === "own") open += ` r="${row + 1}"`;
      if (r.hidden !== undefined) open += ` hidden="${r.hidden}"`;
      if (r.spans) open += ' spans="1:15" x14ac:dyDescent="0.25"';
      if (r.cells.length === 0 && r.spans) return `${r.gap}${open}/>`;
      return `${r.gap}${open}>${r.cells.join(r.gap)}</${p}row>`;
    });
}

function sheetArb(hostile: boolean): fc.Arbitrary<string> {
  return fc
    .record({
      prefix: fc.constantFrom("", "", "x:"),
      hazard: hostile ? fc.constantFrom(...HAZARDS) : fc.constant(undefined),
      decl: fc.constantFrom('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n', ""),
      before: fc.constantFrom(
        "",
        '<dimension ref="A1:C3"/><cols><col min="1" max="1" width="8"/></cols>',
        "<!-- <sheetData> -->",
        "<sheetViews><sheetView/></sheetViews>"
      ),
      rowCount: fc.integer({ min: 0, max: 6 }),
      after: fc.constantFrom(
        "",
        '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>',
        '<mergeCells><mergeCell ref="B2:C3"/></mergeCells><pageMargins left="0.7"/>'
      ),
      sheetDataSpace: fc.constantFrom("", " ", "\n"),
      truncateAt: fc.double({ min: 0.2, max: 0.95, noNaN: true }),
    })
    .chain((s) => {
      const shape = { prefix: s.prefix, hazard: s.hazard };
      return fc
        .tuple(...Array.from({ length: s.rowCount }, (_, r) => rowArb(shape, r)))
        .map((rows) => {
          const p = s.prefix;
          const around = s.hazard?.startsWith("around:") ? s.hazard.slice(7) : "";
          const decl =
            around === "xml11"
              ? '<?xml version="1.1"?>'
              : around === "doctype"
                ? '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                : s.decl;
          const tail =
            {
              tailComment: "<!-- end -->",
              tailLt: "<",
              tailClose: "</worksheet>",
              tailPi: "<?pi?>",
            }[around] ?? "";
          const ns = p ? ` xmlns:${p.slice(0, -1)}="main"` : ' xmlns="main"';
          const xml =
            `${decl}<${p}worksheet${ns} xmlns:x14ac="ac">${s.before.replace(/<(\/?)(?!!)/g, `<$1${p}`)}` +
            `<${p}sheetData${s.sheetDataSpace}>${rows.join("")}</${p}sheetData${s.sheetDataSpace}>` +
            `${s.after.replace(/<(\/?)/g, `<$1${p}`)}</${p}worksheet>${tail}`;
          return around === "truncate" ? xml.slice(0, Math.floor(xml.length * s.truncateAt)) : xml;
        });
    });
}

const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });

/** A shared strings part: plain, rich and phonetic strings, with the sheet's one hazard now and then. */
function sstArb(hostile: boolean): fc.Arbitrary<string> {
  return fc
    .record({
      prefix: fc.constantFrom("", "", "x:"),
      hazard: hostile ? fc.constantFrom(...HAZARDS) : fc.constant(undefined),
      decl: fc.constantFrom('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', ""),
      count: fc.constantFrom("", ' count="9" uniqueCount="7"', " count='a>b'"),
      items: fc.array(
        fc.record({
          kind: fc.constantFrom("t", "t", "space", "rich", "empty", "emptyT"),
          a: valueArb(undefined),
          b: valueArb(undefined),
          hazardous: fc.boolean(),
        }),
        { maxLength: 8 }
      ),
      truncateAt: fc.double({ min: 0.2, max: 0.95, noNaN: true }),
    })
    .map((s) => {
      const p = s.prefix;
      const around = s.hazard?.startsWith("around:") ? s.hazard.slice(7) : "";
      const value = s.hazard?.startsWith("value:") ? s.hazard.slice(6) : null;
      const broken = s.hazard?.startsWith("broken:") ? s.hazard.slice(7) : null;
      const items = s.items.map((item) => {
        const a = item.hazardous && value !== null ? value : item.a;
        const t = (text: string) => `<${p}t>${text}</${p}t>`;
        let si: string;
        switch (item.kind) {
          case "space":
            si = `<${p}t xml:space="preserve"> ${a} </${p}t>`;
            break;
          case "rich":
            si = `<${p}r><${p}rPr><${p}b/><${p}sz val="11"/></${p}rPr>${t(a)}</${p}r><${p}r>${t(item.b)}</${p}r><${p}rPh sb="0" eb="1">${t("ふりがな")}</${p}rPh><${p}phoneticPr fontId="1"/>`;
            break;
          case "empty":
            return `<${p}si/>`;
          case "emptyT":
            si = `<${p}t/>`;
            break;
          default:
            si = t(a);
        }
        if (item.hazardous && broken === "comment") si = `<!--x-->${si}`;
        if (item.hazardous && broken === "cdata") si = `<${p}t><![CDATA[c]]></${p}t>`;
        if (item.hazardous && broken === "dupAttr") si = `<${p}t a="1" a="2">d</${p}t>`;
        if (item.hazardous && broken === "mismatch") return `<${p}si>${si}</${p}x>`;
        return `<${p}si>${si}</${p}si>`;
      });
      const ns = p ? ` xmlns:${p.slice(0, -1)}="main"` : ' xmlns="main"';
      const decl =
        around === "xml11"
          ? '<?xml version="1.1"?>'
          : around === "doctype"
            ? '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            : s.decl;
      const tail = around === "tailComment" ? "<!-- end -->" : around === "tailLt" ? "<" : "";
      const xml = `${decl}<${p}sst${ns}${s.count}>${items.join("")}</${p}sst>${tail}`;
      return around === "truncate" ? xml.slice(0, Math.floor(xml.length * s.truncateAt)) : xml;
    });
}

function readStrings(chunks: string[], scan: boolean): { strings?: string[]; error?: string } {
  try {
    const reader = sharedStringsReader(scan);
    for (const chunk of chunks) reader.write(chunk);
    return { strings: reader.strings() };
  } catch (error) {
    return { error: (error as Error).constructor.name };
  }
}

describe("the shared strings scanner against saxes", () => {
  it("reads plain generated shared strings as saxes does, however the text is cut", () => {
    fc.assert(
      fc.property(sstArb(false), cuts, (xml, points) => {
        const slow = readStrings([xml], false);
        const fast = readStrings(cut(xml, points), true);
        expect(fast.error).toBeUndefined();
        expect(fast).toStrictEqual(slow);
      }),
      { numRuns: 400 }
    );
  });

  it("on hostile shared strings either gives saxes's strings or gives up", () => {
    let gaveUp = 0;
    let same = 0;
    fc.assert(
      fc.property(sstArb(true), cuts, (xml, points) => {
        const slow = readStrings([xml], false);
        const fast = readStrings(cut(xml, points), true);
        if (fast.error !== undefined) {
          gaveUp++;
          return;
        }
        same++;
        expect(slow.error).toBeUndefined();
        expect(fast).toStrictEqual(slow);
      }),
      { numRuns: 600 }
    );
    expect(gaveUp).toBeGreaterThan(30);
    expect(same).toBeGreaterThan(30);
  });
});

describe("the sheetData scanner against saxes", () => {
  it("reads plain generated sheets without giving up, exactly as saxes reads them, however the text is cut", () => {
    fc.assert(
      fc.property(sheetArb(false), cuts, (xml, points) => {
        const slow = read([xml], false);
        const fast = read(cut(xml, points), true);
        expect(fast.error).toBeUndefined();
        expect(fast).toStrictEqual(slow);
      }),
      { numRuns: 400 }
    );
  });

  it("on hostile sheets either gives saxes's grid and counts or gives up, never a different grid; a sheet saxes refuses is never read", () => {
    let gaveUp = 0;
    let read_ = 0;
    fc.assert(
      fc.property(sheetArb(true), cuts, (xml, points) => {
        const slow = read([xml], false);
        const fast = read(cut(xml, points), true);
        if (fast.error !== undefined) {
          gaveUp++;
          return;
        }
        read_++;
        expect(slow.error).toBeUndefined();
        expect(fast).toStrictEqual(slow);
      }),
      { numRuns: 600 }
    );
    // Both branches are exercised: the property is not vacuous.
    expect(gaveUp).toBeGreaterThan(50);
    expect(read_).toBeGreaterThan(50);
  });

  it("decodes entities and character references in values as saxes does", () => {
    const xml =
      '<worksheet><sheetData><row r="1"><c r="A1" t="str"><v>a&amp;b &lt;&#20013;&#x4e2d;&#x1F600;&#13;</v></c>' +
      '<c r="B1" t="inlineStr"><is><r><t>实验</t></r><r><t xml:space="preserve"> 小学 </t></r><rPh><t>じっけん</t></rPh></is></c></row></sheetData></worksheet>';
    const fast = read(cut(xml, [0.3, 0.31, 0.5]), true);
    expect(fast.error).toBeUndefined();
    expect(fast.grid!.rows).toEqual([["a&b <中中😀\r", "实验 小学 "]]);
    expect(fast).toStrictEqual(read([xml], false));
  });

  it.each([
    ["a comment", "<!--x-->"],
    ["CDATA", "<v><![CDATA[1]]></v>"],
    ["a processing instruction", "<?pi?>"],
    ["a carriage return", "<v>1\r</v>"],
    ["an unknown entity", "<v>&nbsp;</v>"],
    ["a duplicate attribute", '<c r="B1" r="C1"/>'],
    ["a mismatched end tag", "<v>1</c>"],
  ])("gives up on %s", (_what, piece) => {
    const scanner = new SheetDataScanner("sheetData", {
      open: () => {},
      text: () => {},
      close: () => {},
    });
    expect(() => scanner.write(`<row r="1"><c r="A1">${piece}</c></row></sheetData>`)).toThrow(
      ScannerUnsure
    );
  });

  it("hands back the text after sheetData, even when its end tag is cut between chunks", () => {
    const scanner = new SheetDataScanner("x:sheetData", {
      open: () => {},
      text: () => {},
      close: () => {},
    });
    expect(scanner.write('<x:row r="1"/></x:shee')).toBeNull();
    expect(scanner.write("tData><x:mergeCells/>")).toBe("</x:sheetData><x:mergeCells/>");
  });
});

/**
 * The events a scanned read gives, as a log, and the number of `cell` calls: with `fused`, the
 * reader takes a <c><v>…</v></c> in one `cell` call, logged as the five events it stands for.
 */
function scanLog(chunks: string[], fused: boolean): { log: string[]; cells: number } {
  const log: string[] = [];
  let cells = 0;
  const attrs = (a: ScannedAttributes) =>
    JSON.stringify([a.column, a.r, a.t, a.s, a.hidden, a.ref]);
  const none = attrs({
    column: undefined,
    r: undefined,
    t: undefined,
    s: undefined,
    hidden: undefined,
    ref: undefined,
  });
  const events: ScannerEvents = {
    open: (name, a) => log.push(`open ${name} ${attrs(a)}`),
    text: (text) => log.push(`text ${text}`),
    close: (name) => log.push(`close ${name}`),
  };
  if (fused)
    events.cell = (a, text, start, end) => {
      const value = text.slice(start, end);
      cells++;
      log.push(`open c ${attrs(a)}`, `open v ${none}`);
      if (value !== "") log.push(`text ${value}`);
      log.push("close v", "close c");
    };
  try {
    const xml = scannedXml("sheetData", events, true);
    for (const chunk of chunks) xml.write(chunk);
    xml.close();
  } catch (error) {
    log.push(`error ${(error as Error).constructor.name}`);
  }
  return { log, cells };
}

describe("the scanner's one-call cells against its element events", () => {
  it("gives a reader with `cell` exactly the events of one without, however the text is cut", () => {
    let cells = 0;
    fc.assert(
      fc.property(sheetArb(false), cuts, (xml, points) => {
        const chunks = cut(xml, points);
        const fused = scanLog(chunks, true);
        expect(fused.log).toStrictEqual(scanLog(chunks, false).log);
        cells += fused.cells;
      }),
      { numRuns: 400 }
    );
    expect(cells).toBeGreaterThan(200); // the one-call path is taken, not only the other
  });

  it("on hostile sheets gives the same events, and gives up at the same point", () => {
    fc.assert(
      fc.property(sheetArb(true), cuts, (xml, points) => {
        const chunks = cut(xml, points);
        expect(scanLog(chunks, true).log).toStrictEqual(scanLog(chunks, false).log);
      }),
      { numRuns: 400 }
    );
  });

  it("takes a cell in one call only when its whole content is one plain <v>, whole in the chunk", () => {
    const row =
      '<row r="1"><c r="A1" s="3"><v>12</v></c><c r="B1"><v>a&amp;b</v></c><c r="C1"><f>1+1</f><v>2</v></c>' +
      '<c r="D1"><v>3</v> </c><x:c r="E1"><x:v>4</x:v></x:c><c r="F1"/><c r="G1"><v></v></c></row>';
    const xml = `<worksheet xmlns:x="x"><sheetData>${row}</sheetData></worksheet>`;
    const whole = scanLog([xml], true);
    expect(whole.cells).toBe(2); // A1 and G1
    expect(whole.log.filter((line) => line.startsWith("text"))).toEqual([
      "text 12",
      "text a&b",
      "text 1+1",
      "text 2",
      "text 3",
      "text  ",
      "text 4",
    ]);
    // A1 cut inside its value: read element by element, the same events.
    const cutInside = scanLog(
      [xml.slice(0, xml.indexOf("12") + 1), xml.slice(xml.indexOf("12") + 1)],
      true
    );
    expect(cutInside.cells).toBe(1);
    expect(cutInside.log).toStrictEqual(whole.log);
  });
});

describe("the reader with the scanner", () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempDir("scanner");
  });
  afterAll(() => removeTempDir(dir));

  async function workbook(sheetXml: string): Promise<string> {
    const file = path.join(dir, `w${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(file, await oneSheetWorkbook(sheetXml));
    return file;
  }

  it("reads a sheet the scanner gives up on (a comment among the rows) with saxes, counting its rows and cells once", async () => {
    const file = await workbook(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>学校</t></is></c></row><!-- x --><row r="2"><c r="A2"><v>5</v></c></row></sheetData></worksheet>'
    );
    const { grids } = await readWorkbookStreamed(file, {
      maxPartBytes: 1e9,
      maxRatio: 1000,
      ratioFloorBytes: 1e9,
      maxCells: 2,
      maxRows: 2,
    });
    expect(grids[0].rows).toEqual([["学校"], [5]]);
  });

  it("refuses a sheet whose rows are malformed as corrupt, with saxes's own message (its line and column in the whole part)", async () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData></worksheet>';
    let saxesMessage = "";
    try {
      const reader = sheetReader("小学", { ...CONTEXT, count: () => {} });
      reader.write(sheet);
      reader.grid();
    } catch (error) {
      saxesMessage = (error as Error).message;
    }
    expect(saxesMessage).toMatch(/^1:\d+: unexpected close tag/);
    await expect(readWorkbookStreamed(await workbook(sheet))).rejects.toMatchObject({
      code: "corrupt",
      message: expect.stringContaining(`（${saxesMessage}）`),
    });
  });
});
