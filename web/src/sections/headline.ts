// The headline figures of the three programmes against their targets (ProvinceOverview), one card each; a card whose
// service is down says so while the others show their figures.
import type { TargetProgress } from "../gen/industry/common/v1/progress_pb.js";
import { SectionState, type ProvinceOverview } from "../gen/industry/overview/v1/province_overview_pb.js";
import type { DefinitionKey } from "../definitions.js";
import { formatCount, formatPercent, formatYi } from "../format.js";
import { body, done, figure, section, unavailable } from "../view.js";
import { services } from "./services.js";

function progress(key: DefinitionKey, label: string, value: TargetProgress | undefined): string {
  const v: { actual: number; target?: number; completionPercent?: number } = value ?? { actual: 0 };
  // Without a target there is nothing to complete: no percentage, no meter.
  return v.target === undefined ? figure(key, label, formatCount(v.actual)) :
    figure(key, label, formatCount(v.actual), formatCount(v.target), formatPercent(v.completionPercent), v.completionPercent);
}

export function headlineSections(): HTMLElement[] {
  return [
    section("headline-clusters", "产业集群"),
    section("headline-projects", "重点技改项目"),
    section("headline-parks", "数字化转型示范园区"),
  ];
}

export function renderHeadline([clusters, projects, parks]: HTMLElement[], overview: ProvinceOverview): void {
  const c = overview.clusters;
  if (c?.state === SectionState.AVAILABLE && c.progress) {
    const p = c.progress;
    body(clusters).innerHTML = `<dl class="figures">
${progress("provincialSmeClusters", "省级中小企业特色产业集群", p.provincialSmeClusters)}
${progress("nationalSmeClusters", "国家级中小企业特色产业集群", p.nationalSmeClusters)}
${progress("specializedSmes", "专精特新中小企业", p.specializedSmes)}
${progress("littleGiants", "专精特新“小巨人”企业", p.littleGiants)}
${progress("innovativeSmes", "创新型中小企业", p.innovativeSmes)}
${progress("newAboveSize", "新增规上工业企业", p.newAboveSizeEnterprises)}
${figure("aboveSizeTotal", "规上工业企业总数", formatCount(p.aboveSizeEnterprisesTotal))}
</dl>`;
    done(clusters);
  } else {
    unavailable(clusters, services.cluster, c?.error?.message ?? "");
  }

  const j = overview.projects;
  if (j?.state === SectionState.AVAILABLE && j.progress) {
    const p = j.progress;
    const growthRatio = p.investmentGrowthPercent !== undefined && p.targetInvestmentGrowthPercent
      ? (p.investmentGrowthPercent / p.targetInvestmentGrowthPercent) * 100 : undefined;
    body(projects).innerHTML = `<dl class="figures">
${progress("keyProjects", "在建亿元以上重点技改项目", p.keyProjectsUnderImplementation)}
${figure("investmentGrowth", "技改投资同比增长", formatPercent(p.investmentGrowthPercent),
      p.targetInvestmentGrowthPercent === undefined ? undefined : formatPercent(p.targetInvestmentGrowthPercent), undefined, growthRatio)}
${figure("completedInvestment", "累计完成技改投资（亿元）", formatYi(p.completedInvestmentYuan))}
${figure("timeSchedule", `序时进度（1–${p.throughMonth} 月）`, formatPercent(p.timeScheduleProgressPercent))}
${progress("startRate", "开工率（项目数）", p.projectsStarted)}
${progress("completionRate", "竣工率（项目数）", p.projectsCompleted)}
${figure("behindSchedule", "滞后于序时进度的项目", formatCount(p.projectsBehindSchedule))}
</dl>`;
    done(projects);
  } else {
    unavailable(projects, services.projects, j?.error?.message ?? "");
  }

  const k = overview.parks;
  if (k?.state === SectionState.AVAILABLE && k.progress) {
    const p = k.progress;
    body(parks).innerHTML = `<dl class="figures">
${progress("parksCertified", "新认定示范园区", p.parksCertified)}
${progress("enterprisesTransformed", "数字化转型企业", p.enterprisesTransformed)}
${progress("workshopsFactoriesLeaders", "数字化车间、智能工厂、领航企业", p.workshopsFactoriesLeaders)}
</dl>`;
    done(parks);
  } else {
    unavailable(parks, services.parks, k?.error?.message ?? "");
  }
}
