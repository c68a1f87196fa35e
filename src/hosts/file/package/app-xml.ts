import { escapeText, prefixFor, unescapeXml } from "./xml-text";

/**
 * docProps/app.xml (the extended properties Excel shows under 文件 → 信息) lists the sheet names
 * in TitlesOfParts, grouped by HeadingPairs (「工作表」 3, 「命名范围」 1 …). The audit's sheets are
 * added to the worksheets group by addition: the titles go after the group's last title, and the
 * group's count and the vector's size follow. Every other element stays as it was; a re-run
 * takes out only the titles of the sheets the earlier audit owned.
 */

const VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";

/** The worksheet group's label when a workbook has none yet (as Chinese Excel writes it). */
const WORKSHEETS_LABEL = "工作表";
/** Labels Excel writes for the worksheets group in the languages bureaus use. */
const WORKSHEET_LABELS = new Set(["工作表", "Worksheets", "工作表格"]);

interface Vector {
  /** Where the `<vt:vector …>` element starts and ends (just past its closing tag). */
  start: number;
  end: number;
  open: string;
  items: { text: string; raw: string }[];
}

function vectorIn(xml: string, parent: string, v: string): Vector | undefined {
  const parentAt = xml.search(new RegExp(`<(?:[\\w.-]+:)?${parent}[\\s>]`));
  if (parentAt < 0) return undefined;
  const open = new RegExp(`<${v}vector(\\s[^>]*)?>`, "g");
  open.lastIndex = parentAt;
  const m = open.exec(xml);
  if (!m) return undefined;
  const close = xml.indexOf(`</${v}vector>`, m.index);
  if (close < 0) return undefined;
  const inner = xml.slice(m.index + m[0].length, close);
  const items = [...inner.matchAll(new RegExp(`<${v}(\\w+)(?:\\s[^>]*)?>([^]*?)</${v}\\1>`, "g"))];
  return {
    start: m.index,
    end: close + `</${v}vector>`.length,
    open: m[0],
    items: items.map((i) => ({ text: unescapeXml(i[2]), raw: i[0] })),
  };
}

/**
 * app.xml with `added` sheet titles appended to the worksheets group and `removed` ones (an
 * earlier audit's sheets) taken out of it. The group is the one holding a title of `kept` (the
 * workbook's remaining sheets), else the one labelled 工作表 / Worksheets; a part without
 * HeadingPairs and TitlesOfParts is returned unchanged.
 *
 * @example
 * editAppProperties(xml, { kept: ["小学"], removed: [], added: ["审计总览"] });
 * // <vt:i4>1</vt:i4> → <vt:i4>2</vt:i4>; <vt:lpstr>小学</vt:lpstr><vt:lpstr>审计总览</vt:lpstr>
 */
export function editAppProperties(
  xml: string,
  sheets: { kept: readonly string[]; removed: readonly string[]; added: readonly string[] }
): string {
  const v = prefixFor(xml, VT_NS) ?? "vt:";
  const pairs = vectorIn(xml, "HeadingPairs", v);
  const titles = vectorIn(xml, "TitlesOfParts", v);
  if (!pairs || !titles || pairs.start > titles.start) return xml;

  // Heading pairs alternate label, count: the groups in TitlesOfParts order.
  const groups: { label: string; count: number; countItem: number; first: number }[] = [];
  let first = 0;
  for (let i = 0; i + 1 < pairs.items.length; i += 2) {
    const count = Number(pairs.items[i + 1].text.replace(/<[^>]*>/g, "").trim());
    if (!Number.isInteger(count)) return xml;
    groups.push({
      label: pairs.items[i].text.replace(/<[^>]*>/g, ""),
      count,
      countItem: i + 1,
      first,
    });
    first += count;
  }
  if (first !== titles.items.length) return xml; // inconsistent part: leave it alone

  const kept = new Set(sheets.kept);
  const group =
    groups.find((g) =>
      titles.items.slice(g.first, g.first + g.count).some((t) => kept.has(t.text))
    ) ?? groups.find((g) => WORKSHEET_LABELS.has(g.label.trim()));
  const newTitles = sheets.added.map((t) => `<${v}lpstr>${escapeText(t)}</${v}lpstr>`).join("");

  let titleItems: string[];
  let pairItems = pairs.items.map((i) => i.raw);
  if (group) {
    const removed = new Set(sheets.removed);
    const inGroup = titles.items.slice(group.first, group.first + group.count);
    const staying = inGroup.filter((t) => !removed.has(t.text));
    const count = staying.length + sheets.added.length;
    titleItems = [
      ...titles.items.slice(0, group.first).map((t) => t.raw),
      ...staying.map((t) => t.raw),
      newTitles,
      ...titles.items.slice(group.first + group.count).map((t) => t.raw),
    ];
    const countRaw = pairs.items[group.countItem].raw;
    pairItems[group.countItem] = countRaw.replace(
      new RegExp(`(<${v}variant(?:\\s[^>]*)?>\\s*<${v}i4(?:\\s[^>]*)?>)\\s*\\d+\\s*(</${v}i4>)`),
      `$1${count}$2`
    );
  } else {
    titleItems = [...titles.items.map((t) => t.raw), newTitles];
    pairItems = [
      ...pairItems,
      `<${v}variant><${v}lpstr>${WORKSHEETS_LABEL}</${v}lpstr></${v}variant><${v}variant><${v}i4>${sheets.added.length}</${v}i4></${v}variant>`,
    ];
  }
  const titleCount = titleItems.join("").match(new RegExp(`<${v}\\w+[\\s>]`, "g"))?.length ?? 0;
  const sized = (open: string, size: number) =>
    /\ssize\s*=\s*"\d+"/.test(open)
      ? open.replace(/(\ssize\s*=\s*")\d+"/, `$1${size}"`)
      : open.replace(/>$/, ` size="${size}">`);
  const pairsXml = `${sized(pairs.open, group ? pairs.items.length : pairs.items.length + 2)}${pairItems.join("")}</${v}vector>`;
  const titlesXml = `${sized(titles.open, titleCount)}${titleItems.join("")}</${v}vector>`;
  return (
    xml.slice(0, pairs.start) +
    pairsXml +
    xml.slice(pairs.end, titles.start) +
    titlesXml +
    xml.slice(titles.end)
  );
}
