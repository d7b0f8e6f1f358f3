// ECharts with only the charts and components the page draws (tree-shaken: the whole library would be ~350 KB
// compressed) and the SVG renderer. The aria component writes a description of each chart for screen readers; the
// same figures are also in a table under each chart.
import { BarChart, LineChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { init, use, type ComposeOption, type ECharts } from "echarts/core";
import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

const charts = new Set<ECharts>();
let resizing = 0;
addEventListener("resize", () => {
  cancelAnimationFrame(resizing);
  resizing = requestAnimationFrame(() => charts.forEach((chart) => chart.resize()));
});

/** Colours with at least 3:1 contrast against white (WCAG non-text contrast), distinguishable in grey too. */
export const palette = ["#0b5cad", "#c2410c", "#15803d", "#7c3aed"];

export function drawChart(container: HTMLElement, option: ChartOption): void {
  const chart = init(container, undefined, { renderer: "svg" });
  charts.add(chart);
  chart.setOption({
    color: palette,
    aria: { enabled: true, decal: { show: true } },
    animation: false,
    tooltip: { trigger: "axis" },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    ...option,
  });
}

export function disposeCharts(): void {
  charts.forEach((chart) => chart.dispose());
  charts.clear();
}
