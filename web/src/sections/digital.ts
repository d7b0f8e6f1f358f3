// Cluster and digital-transformation progress: the digital programme per city against the cities' targets
// (DigitalProgress.cities), and the cluster programme per city against the cities' targets (ClusterProgress.cities)
// beside the province's new qualifications by type.
import { QualificationType } from "../gen/industry/clusters/v1/enterprise_pb.js";
import { SectionState, type ProvinceOverview } from "../gen/industry/overview/v1/province_overview_pb.js";
import { drawChart } from "../charts.js";
import { cityName } from "../cities.js";
import { formatCount, formatPercent } from "../format.js";
import { body, chartBox, done, section, table, unavailable } from "../view.js";
import { round } from "./cities.js";
import { services } from "./services.js";

const qualificationNames: Record<number, string> = {
  [QualificationType.INNOVATIVE_SME]: "创新型中小企业",
  [QualificationType.SPECIALIZED_SME]: "专精特新中小企业",
  [QualificationType.LITTLE_GIANT]: "专精特新“小巨人”",
  [QualificationType.SINGLE_CHAMPION]: "制造业单项冠军",
  [QualificationType.CHAIN_LEADER]: "链主企业",
};

/** "actual / target" as the per-city tables show a figure, "—" for a target not set. */
function cell(v: { actual: number; target?: number } | undefined): string {
  return `${formatCount(v?.actual ?? 0)} / ${v?.target === undefined ? "—" : formatCount(v.target)}`;
}

export function digitalSections(): HTMLElement[] {
  return [
    section("digital-cities", "各市数字化转型进度", "targetCompletion"),
    section("cluster-qualifications", "产业集群：各市进度与全省新认定资质", "specializedSmes"),
  ];
}

export function renderDigital([digital, clusters]: HTMLElement[], overview: ProvinceOverview): void {
  const parks = overview.parks;
  if (parks?.state === SectionState.AVAILABLE && parks.progress) {
    const cities = parks.progress.cities;
    const target = body(digital);
    target.innerHTML = "";
    const chart = chartBox("各市数字化转型目标完成率");
    target.append(chart);
    drawChart(chart, {
      legend: { top: 0 },
      xAxis: { type: "category", data: cities.map((c) => cityName(c.cityCode)), axisLabel: { interval: 0, rotate: 45 } },
      yAxis: { type: "value", name: "%" },
      series: [
        { type: "bar", name: "示范园区", data: cities.map((c) => round(c.parksCertified?.completionPercent)) },
        { type: "bar", name: "转型企业", data: cities.map((c) => round(c.enterprisesTransformed?.completionPercent)) },
        { type: "bar", name: "车间/工厂/领航", data: cities.map((c) => round(c.workshopsFactoriesLeaders?.completionPercent)) },
      ],
    });
    const details = document.createElement("details");
    details.innerHTML = `<summary>数据表</summary>${table("各市数字化转型（实际 / 目标）",
      ["城市", "示范园区", "转型企业", "车间/工厂/领航", "转型企业完成率"],
      cities.map((c) => [cityName(c.cityCode), cell(c.parksCertified), cell(c.enterprisesTransformed),
        cell(c.workshopsFactoriesLeaders), formatPercent(c.enterprisesTransformed?.completionPercent)]), "city-digital")}`;
    target.append(details);
    done(digital);
  } else {
    unavailable(digital, services.parks, parks?.error?.message ?? "");
  }

  const c = overview.clusters;
  if (c?.state === SectionState.AVAILABLE && c.progress) {
    const rows = c.progress.newQualifications.filter((q) => q.type !== QualificationType.UNSPECIFIED);
    const cities = c.progress.cities;
    const target = body(clusters);
    target.innerHTML = "";
    const perCity = chartBox("各市新增创新型、专精特新中小企业与目标");
    const chart = chartBox("全省当年新认定企业资质数");
    const grid = document.createElement("div");
    grid.className = "charts";
    grid.append(perCity, chart);
    target.append(grid);
    drawChart(perCity, {
      legend: { top: 0 },
      xAxis: { type: "category", data: cities.map((city) => cityName(city.cityCode)), axisLabel: { interval: 0, rotate: 45 } },
      yAxis: { type: "value", name: "家" },
      series: [
        { type: "bar", name: "创新型", data: cities.map((city) => city.innovativeSmes?.actual ?? 0) },
        { type: "bar", name: "创新型目标", data: cities.map((city) => city.innovativeSmes?.target ?? null) },
        { type: "bar", name: "专精特新", data: cities.map((city) => city.specializedSmes?.actual ?? 0) },
        { type: "bar", name: "专精特新目标", data: cities.map((city) => city.specializedSmes?.target ?? null) },
      ],
    });
    drawChart(chart, {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: rows.map((q) => qualificationNames[q.type] ?? String(q.type)) },
      series: [{ type: "bar", name: "新认定", data: rows.map((q) => q.count), label: { show: true, position: "right" } }],
    });
    const details = document.createElement("details");
    details.innerHTML = `<summary>数据表</summary>${table("各市产业集群进度（实际 / 目标）",
      ["城市", "省级特色产业集群", "创新型中小企业", "专精特新中小企业", "新增规上企业", "创新型完成率", "规上企业总数"],
      cities.map((city) => [cityName(city.cityCode), cell(city.provincialSmeClusters), cell(city.innovativeSmes),
        cell(city.specializedSmes), cell(city.newAboveSizeEnterprises), formatPercent(city.innovativeSmes?.completionPercent),
        formatCount(city.aboveSizeEnterprisesTotal)]), "city-clusters")}`;
    target.append(details);
    done(clusters);
  } else {
    unavailable(clusters, services.cluster, c?.error?.message ?? "");
  }
}
