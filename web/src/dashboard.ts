// The page for one year and month: the controls, then every section loading on its own, so that a slow or stopped
// service leaves only its own sections "unavailable". The year and month are in the address (?year=&month=), so a
// view can be linked.
import type { Api } from "./api.js";
import { describeError } from "./api.js";
import { disposeCharts } from "./charts.js";
import { loadCityNames } from "./cities.js";
import type { ProvinceOverview } from "./gen/industry/overview/v1/province_overview_pb.js";
import { citySection, renderCities } from "./sections/cities.js";
import { digitalSections, renderDigital } from "./sections/digital.js";
import { headlineSections, renderHeadline } from "./sections/headline.js";
import { listSections, renderLagging, renderMissing } from "./sections/lists.js";
import { monthlySection, renderMonthly } from "./sections/monthly.js";
import { services } from "./sections/services.js";
import { unavailable } from "./view.js";

interface Period {
  year: number;
  month: number;
}

/** Today in China Standard Time, as the services count months. */
function today(): Period {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "numeric" }).formatToParts(new Date());
  return { year: Number(parts.find((p) => p.type === "year")!.value), month: Number(parts.find((p) => p.type === "month")!.value) };
}

async function planYears(api: Api): Promise<number[]> {
  try {
    const plans = await api.projects.listPlans({ pageSize: 50 });
    return plans.plans.map((p) => p.year);
  } catch {
    return [];
  }
}

function choosePeriod(years: number[], now: Period): Period {
  const query = new URLSearchParams(location.search);
  const latest = years.filter((y) => y <= now.year).sort((a, b) => b - a)[0] ?? now.year;
  const year = Number(query.get("year")) || latest;
  const lastMonth = year === now.year ? now.month : 12;
  const month = Math.min(Math.max(Number(query.get("month")) || lastMonth, 1), lastMonth);
  return { year, month };
}

export async function showDashboard(main: HTMLElement, api: Api): Promise<void> {
  delete main.dataset.ready; // set again once this period's sections have all answered
  const now = today();
  // With a year in the address the plans only fill the year list, so the figures' calls need not wait for them.
  const plans = planYears(api);
  const years = new URLSearchParams(location.search).get("year") ? [] : await plans;
  if (api.refused()) {
    return;
  }
  const period = choosePeriod(years, now);
  const yearOptions = [...new Set([...years, now.year, period.year])].filter((y) => y <= now.year).sort((a, b) => b - a);

  main.innerHTML = `<form class="controls" aria-label="统计期">
  <label>年份 <select name="year">${yearOptions.map((y) => `<option value="${y}"${y === period.year ? " selected" : ""}>${y} 年</option>`).join("")}</select></label>
  <label>截至 <select name="month">${Array.from({ length: 12 }, (_, i) => i + 1).map((m) => `<option value="${m}"${m === period.month ? " selected" : ""}>${m} 月</option>`).join("")}</select></label>
  <button type="submit">查看</button>
  <span class="composed" aria-live="polite"></span>
</form>
<div class="row three" id="headline"></div>
<div class="row" id="detail"></div>`;
  const form = main.querySelector("form")!;
  void plans.then((all) => {
    const select = form.querySelector<HTMLSelectElement>("select[name=year]")!;
    const shown = new Set([...select.options].map((o) => Number(o.value)));
    const missing = all.filter((y) => y <= now.year && !shown.has(y));
    if (missing.length > 0) {
      const sorted = [...shown, ...missing].sort((a, b) => b - a);
      select.innerHTML = sorted.map((y) => `<option value="${y}"${y === period.year ? " selected" : ""}>${y} 年</option>`).join("");
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    history.pushState(null, "", `?year=${String(data.get("year"))}&month=${String(data.get("month"))}`);
    void showDashboard(main, api);
  });

  disposeCharts();
  const headline = headlineSections();
  main.querySelector("#headline")!.append(...headline);
  const cities = citySection();
  const monthly = monthlySection();
  const digital = digitalSections();
  const lists = listSections();
  main.querySelector("#detail")!.append(cities, monthly, ...digital, ...lists);
  document.title = `${period.year} 年 1–${period.month} 月 · 三大工作一览`;

  // The city names are asked for beside the figures, and every section that shows cities draws once both are in.
  const cityNames = loadCityNames(api);
  const loads: Promise<void>[] = [];
  loads.push(Promise.all([api.overview.getProvinceOverview({ year: period.year, throughMonth: period.month }), cityNames]).then(
    ([overview]: [ProvinceOverview, void]) => {
      renderHeadline(headline, overview);
      // The first meaningful paint: the headline figures on screen (scripts/bench-web.sh reads this mark).
      requestAnimationFrame(() => requestAnimationFrame(() => performance.mark("industry:figures-painted")));
      renderCities(cities, overview);
      renderDigital(digital, overview);
      const composed = overview.composeTime ? new Date(Number(overview.composeTime.seconds) * 1000) : new Date();
      main.querySelector(".composed")!.textContent = `数据截至 ${composed.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}`;
    },
    (error: unknown) => {
      for (const element of [...headline, cities, ...digital]) {
        unavailable(element, services.gateway, describeError(error));
      }
    }));
  loads.push(renderMonthly(monthly, api, period.year, period.month));
  loads.push(cityNames.then(() => renderLagging(lists[0], api)));
  loads.push(cityNames.then(() => renderMissing(lists[1], api, `${period.year}-${String(period.month).padStart(2, "0")}`)));
  await Promise.all(loads);
  if (main.contains(form)) {
    main.dataset.ready = "true";
  }
}
