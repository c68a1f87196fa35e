/**
 * Which cell formats show dates: a number in such a cell is a date serial, read as an ISO date
 * the way the ExcelJS reader gave it. Built-in date formats (14–22, 45–47 and the Chinese ones
 * 27–36, 50–58) and custom formats with date or time codes outside quotes and brackets.
 */

const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** True for a format code with date or time codes (not inside "quotes" or [brackets]). */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhsb]/i.test(bare.replace(/General/gi, ""));
}

/** Built-in percent formats: 0% and 0.00%. */
const BUILT_IN_PERCENTS = new Set([9, 10]);

/** True for a format code that shows a percent (a % outside "quotes" and [brackets]). */
export function isPercentFormatCode(code: string): boolean {
  return code
    .replace(/\[[^\]]*]/g, "")
    .replace(/"[^"]*"/g, "")
    .includes("%");
}

/** Per cell format index (s="…"), whether it shows a percent: 0.961 shown as 96.1% (SheetGrid.percentCells). */
export function percentStyles(
  numFmtIds: readonly number[],
  customFormats: ReadonlyMap<number, string>
): boolean[] {
  return numFmtIds.map((id) =>
    customFormats.has(id) ? isPercentFormatCode(customFormats.get(id)!) : BUILT_IN_PERCENTS.has(id)
  );
}

/** Per cell format index (s="…"), whether it shows dates. */
export function dateStyles(
  numFmtIds: readonly number[],
  customFormats: ReadonlyMap<number, string>
): boolean[] {
  return numFmtIds.map((id) =>
    customFormats.has(id) ? isDateFormatCode(customFormats.get(id)!) : BUILT_IN_DATES.has(id)
  );
}

/**
 * An Excel date serial as the ISO text the reader gets: "2023-09-01" at midnight, else
 * "2023-09-01T08:30:00".
 *
 * @example
 * serialToIso(45170, false); // "2023-09-01"
 */
export function serialToIso(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}
