/**
 * The text of a CSV file as staff export it: UTF-8 with or without a byte-order mark, or GBK /
 * GB18030 (what Chinese Excel and WPS write by default). Detected, never asked for: text that is
 * not valid UTF-8 is GB18030 (a superset of GBK and GB2312); text valid in both (short GBK runs
 * can be) is read the way that gives more Chinese characters.
 */
export interface DecodedText {
  text: string;
  encoding: "utf-8" | "gb18030" | "utf-16le" | "utf-16be";
}

/**
 * @example
 * decodeCsvBytes(Buffer.from([0xd1, 0xa7, 0xd0, 0xa3])); // { text: "学校", encoding: "gb18030" }
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  let utf8: string;
  try {
    utf8 = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
  if (!/[^\x00-\x7f]/.test(utf8)) return { text: utf8, encoding: "utf-8" };
  const gb = new TextDecoder("gb18030").decode(bytes);
  return chineseShare(gb) > chineseShare(utf8)
    ? { text: gb, encoding: "gb18030" }
    : { text: utf8, encoding: "utf-8" };
}

/** Share of the non-ASCII characters that are CJK ideographs or CJK punctuation. */
function chineseShare(text: string): number {
  const nonAscii = text.match(/[^\x00-\x7f]/g)?.length ?? 0;
  const chinese = text.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g)?.length ?? 0;
  return nonAscii === 0 ? 0 : chinese / nonAscii;
}
