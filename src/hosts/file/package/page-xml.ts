import type { HeaderFooterText, PageSetup } from "../../../report/plan";
import { escapeText } from "./xml-text";

/**
 * A header or footer line in SpreadsheetML: `&L…&C…&R…` (the parts are already in Excel's
 * header/footer codes), or "" when it has no part.
 *
 * @example
 * headerFooterLine({ center: "第 &P 页 共 &N 页" }); // "&C第 &P 页 共 &N 页"
 */
export function headerFooterLine(text: HeaderFooterText | undefined): string {
  if (!text) return "";
  return [
    text.left ? `&L${text.left}` : "",
    text.center ? `&C${text.center}` : "",
    text.right ? `&R${text.right}` : "",
  ].join("");
}

/**
 * The worksheet's <headerFooter> element for the page setup, or "" when it prints neither.
 *
 * @example
 * headerFooterXml({ landscape: true, fitToWidth: true, footer: { center: "第 &P 页 共 &N 页" } });
 * // "<headerFooter><oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter></headerFooter>"
 */
export function headerFooterXml(page: PageSetup): string {
  const header = headerFooterLine(page.header);
  const footer = headerFooterLine(page.footer);
  if (!header && !footer) return "";
  return (
    "<headerFooter>" +
    (header ? `<oddHeader>${escapeText(header)}</oddHeader>` : "") +
    (footer ? `<oddFooter>${escapeText(footer)}</oddFooter>` : "") +
    "</headerFooter>"
  );
}

/**
 * The worksheet's <rowBreaks>: a manual page break above each 0-based row, or "" for none.
 *
 * @example
 * rowBreaksXml([40]); // '<rowBreaks count="1" manualBreakCount="1"><brk id="40" max="16383" man="1"/></rowBreaks>'
 */
export function rowBreaksXml(rows: readonly number[]): string {
  const ids = [...new Set(rows)].filter((r) => r > 0).sort((a, b) => a - b);
  if (ids.length === 0) return "";
  return (
    `<rowBreaks count="${ids.length}" manualBreakCount="${ids.length}">` +
    ids.map((id) => `<brk id="${id}" max="16383" man="1"/>`).join("") +
    "</rowBreaks>"
  );
}
