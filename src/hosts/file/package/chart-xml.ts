import type { PlannedChart, PlannedSeries } from "../../../report/plan";
import { quoteSheet } from "../../../report/refs";
import { escapeAttr, escapeText } from "./xml-text";

/**
 * DrawingML for the plan's charts: one chart part per chart (c:chartSpace, bars and a line on
 * shared axes) and one drawing part per sheet anchoring them to cells. Every series references
 * the sheet's cells (c:f with the sheet name quoted) and caches the values written there
 * (c:numCache, c:strCache), so a viewer that never recalculates still draws the chart.
 */

const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** Axis ids shared by the bar and line groups. */
const CAT_AX = 5001;
const VAL_AX = 5002;

/** `$C$40:$C$46` from `C40:C46`: a chart's reference is absolute. */
function absolute(range: string): string {
  return range
    .split(":")
    .map((cell) => cell.replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
}

/** `'审计总览'!$D$40:$D$46`. */
export function chartRef(sheetName: string, range: string): string {
  return `${quoteSheet(sheetName)}!${absolute(range)}`;
}

function rich(text: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr>` +
    `<a:r><a:rPr lang="zh-CN" sz="${size}"${b}/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

function title(text: string, size: number): string {
  return `<c:title>${rich(text, size, true)}<c:overlay val="0"/></c:title>`;
}

function solid(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color.replace(/^#/, "").toUpperCase()}"/></a:solidFill>`;
}

function categories(sheetName: string, chart: PlannedChart): string {
  const { labels } = chart.categories;
  const points = labels.map((l, i) => `<c:pt idx="${i}"><c:v>${escapeText(l)}</c:v></c:pt>`);
  return (
    `<c:cat><c:strRef><c:f>${escapeText(chartRef(sheetName, chart.categories.range))}</c:f>` +
    `<c:strCache><c:ptCount val="${labels.length}"/>${points.join("")}</c:strCache></c:strRef></c:cat>`
  );
}

function values(sheetName: string, series: PlannedSeries): string {
  const points = series.values
    .map((v, i) =>
      v === null || !Number.isFinite(v) ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`
    )
    .join("");
  return (
    `<c:val><c:numRef><c:f>${escapeText(chartRef(sheetName, series.range))}</c:f>` +
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${series.values.length}"/>${points}</c:numCache></c:numRef></c:val>`
  );
}

function labels(series: PlannedSeries): string {
  if (!series.labelFormat) return "";
  return (
    `<c:dLbls><c:numFmt formatCode="${escapeAttr(series.labelFormat)}" sourceLinked="0"/>` +
    `<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>` +
    `<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
    `<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
  );
}

function seriesXml(sheetName: string, chart: PlannedChart, series: PlannedSeries, i: number) {
  const head = `<c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeText(series.name)}</c:v></c:tx>`;
  if (series.kind === "bar") {
    return (
      `<c:ser>${head}<c:spPr>${solid(series.color)}</c:spPr><c:invertIfNegative val="0"/>` +
      `${labels(series)}${categories(sheetName, chart)}${values(sheetName, series)}</c:ser>`
    );
  }
  return (
    `<c:ser>${head}<c:spPr><a:ln w="28575">${solid(series.color)}<a:prstDash val="dash"/></a:ln></c:spPr>` +
    `<c:marker><c:symbol val="none"/></c:marker>${labels(series)}` +
    `${categories(sheetName, chart)}${values(sheetName, series)}<c:smooth val="0"/></c:ser>`
  );
}

function axisText(size: number): string {
  return `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
}

/**
 * The chart part of one planned chart on the sheet `sheetName` (its name as written).
 *
 * @example
 * chartXml(plan.sheets[0].charts![0], "审计总览"); // "<?xml …><c:chartSpace …>…<c:f>'审计总览'!$D$40:$D$46</c:f>…"
 */
export function chartXml(chart: PlannedChart, sheetName: string): string {
  const indexed = chart.series.map((s, i) => ({ s, i }));
  const bars = indexed.filter(({ s }) => s.kind === "bar");
  const lines = indexed.filter(({ s }) => s.kind === "line");
  const axes = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  const barChart =
    bars.length > 0
      ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
        bars.map(({ s, i }) => seriesXml(sheetName, chart, s, i)).join("") +
        `<c:gapWidth val="80"/>${axes}</c:barChart>`
      : "";
  const lineChart =
    lines.length > 0
      ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
        lines.map(({ s, i }) => seriesXml(sheetName, chart, s, i)).join("") +
        `<c:marker val="1"/>${axes}</c:lineChart>`
      : "";
  const catAx =
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/>${title(chart.axisTitles.category, 1000)}<c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${axisText(900)}` +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valAx =
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350">${solid("#D9D9D9")}</a:ln></c:spPr></c:majorGridlines>` +
    `${title(chart.axisTitles.value, 1000)}<c:numFmt formatCode="0.00" sourceLinked="0"/>` +
    `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${axisText(900)}` +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">` +
    `<c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart>${title(chart.title, 1400)}` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${barChart}${lineChart}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${axisText(1000)}</c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr>${solid("#FFFFFF")}<a:ln w="9525">${solid("#BFBFBF")}</a:ln></c:spPr>` +
    `</c:chartSpace>`
  );
}

/**
 * The drawing part of a sheet: each chart anchored over its cells, pointing at its chart part by
 * the relationship ids given (in chart order).
 *
 * @example
 * drawingXml(sheet.charts!, ["rId1", "rId2"]);
 */
export function drawingXml(charts: readonly PlannedChart[], relIds: readonly string[]): string {
  const anchors = charts.map((chart, i) => {
    const { top, left, bottom, right } = chart.anchor;
    const at = (col: number, row: number) =>
      `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(left, top)}</xdr:from><xdr:to>${at(right + 1, bottom + 1)}</xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeAttr(`图表 ${i + 1}`)}" descr="${escapeAttr(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${relIds[i]}"/></a:graphicData></a:graphic>` +
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">${anchors.join("")}</xdr:wsDr>`
  );
}
