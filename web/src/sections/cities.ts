// Per-city bars of the projects programme: key projects under implementation against the city's target, investment
// growth, and target completion (PlanProgress.cities of the overview).
import { SectionState, type ProvinceOverview } from "../gen/industry/overview/v1/province_overview_pb.js";
import { drawChart } from "../charts.js";
import { cityName } from "../cities.js";
import { formatCount, formatPercent, formatYi } from "../format.js";
import { body, chartBox, done, section, table, unavailable } from "../view.js";
import { services } from "./services.js";

export function citySection(): HTMLElement {
  return section("cities", "各市重点技改项目", "keyProjects");
}

export function renderCities(element: HTMLElement, overview: ProvinceOverview): void {
  const s = overview.projects;
  if (s?.state !== SectionState.AVAILABLE || !s.progress) {
    unavailable(element, services.projects, s?.error?.message ?? "");
    return;
  }
  const cities = s.progress.cities;
  const names = cities.map((c) => cityName(c.cityCode));
  const target = body(element);
  target.innerHTML = "";
  const projects = chartBox("各市在建重点项目数与目标");
  const growth = chartBox("各市技改投资同比增速");
  const completion = chartBox("各市在建重点项目目标完成率");
  const grid = document.createElement("div");
  grid.className = "charts";
  grid.append(projects, growth, completion);
  target.append(grid);

  const axis = { type: "category" as const, data: names, axisLabel: { interval: 0, rotate: 45 } };
  drawChart(projects, {
    legend: { top: 0 },
    xAxis: axis,
    yAxis: { type: "value", name: "个" },
    series: [
      { type: "bar", name: "在建", data: cities.map((c) => c.keyProjectsUnderImplementation?.actual ?? 0) },
      { type: "bar", name: "目标", data: cities.map((c) => c.keyProjectsUnderImplementation?.target ?? null) },
    ],
  });
  drawChart(growth, {
    legend: { top: 0 },
    xAxis: axis,
    yAxis: { type: "value", name: "%" },
    series: [{ type: "bar", name: "同比增速", data: cities.map((c) => round(c.investmentGrowthPercent)) }],
  });
  drawChart(completion, {
    legend: { top: 0 },
    xAxis: axis,
    yAxis: { type: "value", name: "%" },
    series: [{ type: "bar", name: "目标完成率", data: cities.map((c) => round(c.keyProjectsUnderImplementation?.completionPercent)) }],
  });

  const details = document.createElement("details");
  details.innerHTML = `<summary>数据表</summary>${table("各市重点技改项目",
    ["城市", "在建重点项目", "目标", "完成率", "累计投资（亿元）", "同比增速", "滞后项目"],
    cities.map((c) => [
      cityName(c.cityCode),
      formatCount(c.keyProjectsUnderImplementation?.actual ?? 0),
      c.keyProjectsUnderImplementation?.target === undefined ? "—" : formatCount(c.keyProjectsUnderImplementation.target),
      formatPercent(c.keyProjectsUnderImplementation?.completionPercent),
      formatYi(c.completedInvestmentYuan),
      formatPercent(c.investmentGrowthPercent),
      formatCount(c.projectsBehindSchedule),
    ]), "city-projects")}`;
  target.append(details);
  done(element);
}

export function round(value: number | undefined): number | null {
  return value === undefined ? null : Math.round(value * 10) / 10;
}
