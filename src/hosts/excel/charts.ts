/**
 * A planned chart through Office.js: a clustered-column chart over the bar series' cells, the
 * categories from the plan's range, then each line series added and switched to a line. Queues
 * only, never syncs. Everything used is in ExcelApi 1.7–1.9 (the add-in needs 1.13).
 */
import type { PlannedChart } from "../../report/plan";
import { a1 } from "../../sheets/grid";

/**
 * Queues the chart on the sheet, over the sheet's own cells and anchored over its cells.
 *
 * @example
 * addChart(sheet, plan.sheets[0].charts![0]); // a column chart of D40:D46 with a dashed limit line
 */
export function addChart(sheet: Excel.Worksheet, planned: PlannedChart): void {
  const [first, ...rest] = planned.series;
  const chart = sheet.charts.add("ColumnClustered", sheet.getRange(first.range), "Columns");
  chart.title.text = planned.title;
  chart.title.format.font.size = 14;
  chart.legend.position = "Bottom";
  const { top, left, bottom, right } = planned.anchor;
  chart.setPosition(a1(top, left), a1(bottom, right));
  const categories = sheet.getRange(planned.categories.range);
  const axes = chart.axes;
  axes.categoryAxis.title.text = planned.axisTitles.category;
  axes.valueAxis.title.text = planned.axisTitles.value;
  axes.valueAxis.minimum = 0;
  const series = [chart.series.getItemAt(0)];
  for (const spec of rest) {
    const added = chart.series.add(spec.name);
    added.setValues(sheet.getRange(spec.range));
    series.push(added);
  }
  planned.series.forEach((spec, i) => {
    const s = series[i];
    s.name = spec.name;
    s.setXAxisValues(categories);
    if (spec.kind === "line") {
      s.chartType = "Line";
      s.markerStyle = "None";
      s.format.line.color = spec.color;
      s.format.line.lineStyle = "Dash";
    } else {
      s.format.fill.setSolidColor(spec.color);
    }
    if (spec.labelFormat) {
      s.hasDataLabels = true;
      s.dataLabels.showValue = true;
      s.dataLabels.numberFormat = spec.labelFormat;
    }
  });
}
