// The monthly cumulative investment and its growth, January through the chosen month: one GetInvestmentSeries
// (the projects service answers every month at once from its aggregates), drawn as bars (亿元) and a line (%).
import type { Api } from "../api.js";
import { describeError } from "../api.js";
import { drawChart } from "../charts.js";
import { formatPercent, formatYi, yi } from "../format.js";
import { body, chartBox, done, section, table, unavailable } from "../view.js";
import { round } from "./cities.js";
import { services } from "./services.js";

export function monthlySection(): HTMLElement {
  return section("monthly", "技改投资月度累计与增速", "monthlyCurve");
}

export async function renderMonthly(element: HTMLElement, api: Api, year: number, throughMonth: number): Promise<void> {
  let months;
  try {
    months = (await api.projects.getInvestmentSeries({ year, throughMonth })).months;
  } catch (error) {
    unavailable(element, services.projects, describeError(error));
    return;
  }
  const labels = months.map((m) => `${m.month}月`);
  const target = body(element);
  target.innerHTML = "";
  const chart = chartBox(`${year} 年 1–${throughMonth} 月累计技改投资与同比增速`);
  target.append(chart);
  drawChart(chart, {
    legend: { top: 0 },
    xAxis: { type: "category", data: labels },
    yAxis: [{ type: "value", name: "亿元" }, { type: "value", name: "%", splitLine: { show: false } }],
    series: [
      { type: "bar", name: "累计完成投资", data: months.map((m) => yi(m.cumulativeInvestmentYuan)) },
      { type: "line", name: "累计增速", yAxisIndex: 1, data: months.map((m) => round(m.cumulativeGrowthPercent)) },
    ],
  });
  const details = document.createElement("details");
  details.innerHTML = `<summary>数据表</summary>${table("月度累计技改投资", ["月份", "累计完成（亿元）", "上年同期（亿元）", "累计增速"],
    months.map((m, i) => [labels[i], formatYi(m.cumulativeInvestmentYuan),
      formatYi(m.previousYearCumulativeInvestmentYuan), formatPercent(m.cumulativeGrowthPercent)]), "monthly")}`;
  target.append(details);
  done(element);
}
