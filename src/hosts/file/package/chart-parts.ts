import type { PlannedSheet } from "../../../report/plan";
import { chartXml, drawingXml } from "./chart-xml";
import { relationships, relsPartOf, resolveTarget } from "./index-parts";

/**
 * The parts a sheet's charts add to the package: a drawing part, its relationships to one chart
 * part per chart, and the worksheet's own relationships part pointing at the drawing. Names are
 * fresh (never one the package has), so the user's drawings and charts stay as they were.
 */

export const DRAWING_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const CHART_REL =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** The relationship id the worksheet's <drawing r:id> uses (its rels part is new: no clash). */
export const SHEET_DRAWING_REL_ID = "rId1";

export interface SheetDrawingParts {
  /** Parts to add, name → XML. */
  parts: { name: string; xml: string }[];
  /** [Content_Types].xml overrides for them. */
  types: { part: string; type: string }[];
}

/** A part name not taken yet: `${folder}/${dir}/${stem}<N>.xml`, marked taken. */
function fresh(taken: Set<string>, folder: string, dir: string, stem: string): string {
  for (let n = 1; ; n++) {
    const name = `${folder ? `${folder}/` : ""}${dir}/${stem}${n}.xml`;
    if (!taken.has(name.toLowerCase()) && !taken.has(relsPartOf(name).toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/**
 * A relationship target from one part to another, relative (as Excel writes them).
 *
 * @example
 * relativeTarget("xl/worksheets/sheet3.xml", "xl/drawings/drawing1.xml"); // "../drawings/drawing1.xml"
 */
export function relativeTarget(from: string, to: string): string {
  const fromDir = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (
    common < fromDir.length &&
    common < toParts.length - 1 &&
    fromDir[common] === toParts[common]
  )
    common++;
  return [...fromDir.slice(common).map(() => ".."), ...toParts.slice(common)].join("/");
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("") +
    "</Relationships>"
  );
}

/**
 * The drawing, chart and relationship parts of a planned sheet written at `sheetPart`, or
 * undefined when the sheet has no chart. `writtenName` is the name the sheet is written under
 * (another than the planned one when a user's sheet has that): the series refer to it.
 *
 * @example
 * sheetDrawingParts("xl/worksheets/sheet3.xml", summary, taken, "xl")?.parts.map((p) => p.name);
 * // ["xl/worksheets/_rels/sheet3.xml.rels", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/charts/chart1.xml"]
 */
export function sheetDrawingParts(
  sheetPart: string,
  sheet: PlannedSheet,
  taken: Set<string>,
  folder: string,
  writtenName: string = sheet.name
): SheetDrawingParts | undefined {
  const charts = sheet.charts ?? [];
  if (charts.length === 0) return undefined;
  const drawing = fresh(taken, folder, "drawings", "drawing");
  const chartParts = charts.map(() => fresh(taken, folder, "charts", "chart"));
  const chartRelIds = charts.map((_, i) => `rId${i + 1}`);
  const sheetRels = relsPartOf(sheetPart);
  const drawingRels = relsPartOf(drawing);
  taken.add(sheetRels.toLowerCase());
  taken.add(drawingRels.toLowerCase());
  return {
    parts: [
      {
        name: sheetRels,
        xml: relsXml([
          {
            id: SHEET_DRAWING_REL_ID,
            type: DRAWING_REL,
            target: relativeTarget(sheetPart, drawing),
          },
        ]),
      },
      { name: drawing, xml: drawingXml(charts, chartRelIds) },
      {
        name: drawingRels,
        xml: relsXml(
          chartParts.map((part, i) => ({
            id: chartRelIds[i],
            type: CHART_REL,
            target: relativeTarget(drawing, part),
          }))
        ),
      },
      ...charts.map((chart, i) => ({ name: chartParts[i], xml: chartXml(chart, writtenName) })),
    ],
    types: [
      { part: drawing, type: DRAWING_TYPE },
      ...chartParts.map((part) => ({ part, type: CHART_TYPE })),
    ],
  };
}

/**
 * The drawing and chart parts an earlier audit sheet at `sheetPart` owned (through its
 * relationships), with their relationship parts: they go with the sheet on a re-run.
 *
 * @example
 * drawingPartsOf("xl/worksheets/sheet3.xml", (name) => textOf(name));
 * // ["xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/charts/chart1.xml"]
 */
export function drawingPartsOf(
  sheetPart: string,
  textOf: (name: string) => string | undefined
): string[] {
  const found: string[] = [];
  const sheetRels = textOf(relsPartOf(sheetPart));
  if (sheetRels === undefined) return found;
  for (const rel of relationships(sheetRels)) {
    if (rel.type !== DRAWING_REL) continue;
    const drawing = resolveTarget(sheetPart, rel.target);
    found.push(drawing);
    const drawingRels = textOf(relsPartOf(drawing));
    if (drawingRels === undefined) continue;
    found.push(relsPartOf(drawing));
    for (const chartRel of relationships(drawingRels)) {
      if (chartRel.type !== CHART_REL) continue;
      const chart = resolveTarget(drawing, chartRel.target);
      found.push(chart);
      if (textOf(relsPartOf(chart)) !== undefined) found.push(relsPartOf(chart));
    }
  }
  return found;
}
