import type { Owner } from "../engine/types";

/** Owner-type codes explained by a footnote (「举办者类型：1.教育部门 2.其他部门 3.民办」). */
export type OwnerLegend = Map<string, Owner>;

const PRIVATE = /民办|私立|民营|个人|社会力量/;
const PUBLIC = /公办|公立|教育部门|其他部门|政府|国有|集体|地方|部门|事业单位|企业|部队|军队|国家/;

/**
 * Reads an owner legend from footnote text: every 「code. label」 pair, private when the label
 * says 民办.
 *
 * @example
 * ownerLegend("注：举办者类型：1.教育部门 2.其他部门 3.民办").get("3"); // "private"
 */
export function ownerLegend(text: string): OwnerLegend {
  const legend: OwnerLegend = new Map();
  const start = /(举办者类型|举办者|办学性质|办学类型)[^:：]{0,6}[:：]?/.exec(text);
  if (!start) return legend;
  // The legend runs from the keyword to the end of its sentence.
  const part = text.slice(start.index + start[0].length).split(/[。]/)[0];
  const pair = /(\d{1,3})\s*[.、:：=．\-—]?\s*([^\d；;，,。\s]+)/g;
  for (let m = pair.exec(part); m; m = pair.exec(part)) {
    legend.set(m[1], PRIVATE.test(m[2]) ? "private" : "public");
  }
  return legend;
}

/**
 * Decodes an owner cell: 民办 words → private; 公办 words → public; a code the legend explains;
 * any other code or word → public with decoded false (the label is kept for the report).
 *
 * @example
 * decodeOwner("民办", new Map()); // { owner: "private", decoded: true }
 * decodeOwner("821", new Map()); // { owner: "public", decoded: false }
 */
export function decodeOwner(text: string, legend: OwnerLegend): { owner: Owner; decoded: boolean } {
  if (PRIVATE.test(text)) return { owner: "private", decoded: true };
  if (PUBLIC.test(text)) return { owner: "public", decoded: true };
  const code = /^\d{1,3}/.exec(text)?.[0];
  if (code && legend.has(code)) return { owner: legend.get(code)!, decoded: true };
  return { owner: "public", decoded: false };
}
