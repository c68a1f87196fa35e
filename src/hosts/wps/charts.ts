/**
 * A planned chart through the ET object model (VBA's ChartObjects): an empty chart over the
 * anchor cells, one new series per planned series over the sheet's cells, columns for bars and
 * a dashed line for the limit. ChartObjects().Add is the oldest chart call WPS 表格 documents;
 * Shapes.AddChart2 is not used.
 */
import type { PlannedChart } from "../../report/plan";
import { a1 } from "../../sheets/grid";
import { XL, type EtWorksheet } from "./et";
import { bgr } from "./styles";

/**
 * Adds the chart to the sheet.
 *
 * @example
 * addChart(sheet, plan.sheets[0].charts![0]);
 */
export function addChart(sheet: EtWorksheet, planned: PlannedChart): void {
  const { top, left, bottom, right } = planned.anchor;
  const from = sheet.Range(a1(top, left));
  const to = sheet.Range(a1(bottom, right));
  const object = sheet
    .ChartObjects()
    .Add(from.Left, from.Top, to.Left + to.Width - from.Left, to.Top + to.Height - from.Top);
  const chart = object.Chart;
  const categories = sheet.Range(planned.categories.range);
  planned.series.forEach((spec, i) => {
    const series = chart.SeriesCollection().NewSeries();
    series.Name = spec.name;
    series.Values = sheet.Range(spec.range);
    series.XValues = categories;
    // The chart's type once it has data (VBA refuses it on an empty chart), before the line series.
    if (i === 0) chart.ChartType = XL.columnClustered;
    if (spec.kind === "line") {
      series.ChartType = XL.line;
      series.MarkerStyle = XL.markerNone;
      series.Format.Line.ForeColor.RGB = bgr(spec.color);
      series.Format.Line.DashStyle = XL.lineDash;
    } else {
      series.Format.Fill.ForeColor.RGB = bgr(spec.color);
    }
    if (spec.labelFormat) {
      series.HasDataLabels = true;
      const labels = series.DataLabels();
      labels.ShowValue = true;
      labels.NumberFormat = spec.labelFormat;
    }
  });
  chart.HasTitle = true;
  chart.ChartTitle.Text = planned.title;
  chart.HasLegend = true;
  chart.Legend.Position = XL.legendBottom;
  const category = chart.Axes(XL.category);
  category.HasTitle = true;
  category.AxisTitle.Text = planned.axisTitles.category;
  const value = chart.Axes(XL.value);
  value.HasTitle = true;
  value.AxisTitle.Text = planned.axisTitles.value;
  value.MinimumScale = 0;
}
