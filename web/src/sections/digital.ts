// Cluster and digital-transformation progress: the digital programme per city against the cities' targets
// (DigitalProgress.cities), and the cluster programme's new qualifications by type (ClusterProgress has no per-city
// breakdown: the cluster service counts the province only).
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

export function digitalSections(): HTMLElement[] {
  return [
    section("digital-cities", "各市数字化转型进度", "targetCompletion"),
    section("cluster-qualifications", "当年新认定企业资质（全省）", "specializedSmes"),
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
    const cell = (v: { actual: number; target?: number } | undefined) =>
      `${formatCount(v?.actual ?? 0)} / ${v?.target === undefined ? "—" : formatCount(v.target)}`;
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
    const target = body(clusters);
    target.innerHTML = "";
    const chart = chartBox("当年新认定企业资质数");
    target.append(chart);
    drawChart(chart, {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: "value" },
      yAxis: { type: "category", data: rows.map((q) => qualificationNames[q.type] ?? String(q.type)) },
      series: [{ type: "bar", name: "新认定", data: rows.map((q) => q.count), label: { show: true, position: "right" } }],
    });
    const note = document.createElement("p");
    note.className = "hint";
    note.textContent = "集群进度按全省统计，接口暂无分市口径。";
    target.append(note);
    done(clusters);
  } else {
    unavailable(clusters, services.cluster, c?.error?.message ?? "");
  }
}
