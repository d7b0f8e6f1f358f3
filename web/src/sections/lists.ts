// The lists officials chase: projects behind schedule (ListProjects with behind_schedule = true) and the chosen
// month's missing investment reports (ListMissingReports), the first page of each by size.
import type { Api } from "../api.js";
import { describeError } from "../api.js";
import { ReportStatus } from "../gen/industry/projects/v1/investment_report_pb.js";
import { cityName } from "../cities.js";
import { formatCount, formatYi } from "../format.js";
import { body, done, section, table, unavailable } from "../view.js";
import { services } from "./services.js";

const pageSize = 20;

export function listSections(): HTMLElement[] {
  return [
    section("lagging", "滞后于序时进度的项目", "behindSchedule"),
    section("missing", "月度投资未报项目", "missingReports"),
  ];
}

export async function renderLagging(element: HTMLElement, api: Api): Promise<void> {
  try {
    const page = await api.projects.listProjects({ filter: "behind_schedule = true", orderBy: "total_investment_yuan desc", pageSize });
    const target = body(element);
    target.innerHTML = page.projects.length === 0 ? `<p>暂无滞后项目。</p>` :
      table(`投资额最大的 ${formatCount(page.projects.length)} 个滞后项目`, ["项目", "城市", "总投资（亿元）", "累计完成（亿元）", "计划竣工"],
        page.projects.map((p) => [p.displayName, cityName(p.cityCode), formatYi(p.totalInvestmentYuan),
          formatYi(p.cumulativeCompletedInvestmentYuan),
          p.plannedCompletionDate ? `${p.plannedCompletionDate.year}-${String(p.plannedCompletionDate.month).padStart(2, "0")}` : "—"]), "lagging");
    done(element);
  } catch (error) {
    unavailable(element, services.projects, describeError(error));
  }
}

export async function renderMissing(element: HTMLElement, api: Api, period: string): Promise<void> {
  try {
    const page = await api.projects.listMissingReports({ period, pageSize });
    const target = body(element);
    const deadline = page.deadline ? `（截止 ${page.deadline.year}-${page.deadline.month}-${page.deadline.day}）` : "";
    target.innerHTML = page.missingReports.length === 0 ? `<p>${period} 无未报项目${deadline}。</p>` :
      table(`${period} 未报项目${deadline}${page.nextPageToken ? "，前 " + pageSize + " 个" : ""}`, ["项目", "城市", "企业", "状态"],
        page.missingReports.map((m) => [m.displayName, cityName(m.cityCode), m.enterpriseDisplayName,
          m.status === ReportStatus.MISSING ? "未报" : "待报"]), "missing");
    done(element);
  } catch (error) {
    unavailable(element, services.projects, describeError(error));
  }
}
