// Opens the page in Debian's headless Chromium (playwright-core, nothing downloaded) and prints, as JSON, what a
// reader sees: the figures per section, the "unavailable" notices, the tables, the console errors, and whether the
// token left the address bar. The end-to-end test (tests/Industry.EndToEndTests/WebPage) compares this with the
// API's own answers; this script asserts nothing itself.
//
//   node web/e2e/page-check.mjs --url URL [--screenshot FILE] [--phone-screenshot FILE] [--wait ready|sign-in]
import { chromium } from "playwright-core";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    screenshot: { type: "string" },
    "phone-screenshot": { type: "string" },
    wait: { type: "string", default: "ready" },
    "timeout-ms": { type: "string", default: "60000" },
  },
});
if (!args.url) {
  console.error("usage: page-check.mjs --url URL [--screenshot FILE] [--phone-screenshot FILE] [--wait ready|sign-in]");
  process.exit(2);
}
const timeout = Number(args["timeout-ms"]);

const chromiumFlags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: chromiumFlags,
  timeout,
});
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(`pageerror: ${error.message}`));
  page.on("requestfailed", (request) => consoleErrors.push(`requestfailed: ${request.url()} ${request.failure()?.errorText}`));

  await page.goto(args.url, { waitUntil: "load", timeout });
  if (args.wait === "ready") {
    await page.waitForSelector("main[data-ready=true], #sign-in-title", { timeout });
  } else {
    await page.waitForSelector("#sign-in-title", { timeout });
  }

  const seen = await page.evaluate(() => {
    const text = (element) => element?.textContent?.trim() ?? null;
    const figures = {};
    for (const section of document.querySelectorAll("section.card")) {
      for (const figure of section.querySelectorAll(".figure[data-figure]")) {
        figures[`${section.id}/${figure.dataset.figure}`] = {
          actual: text(figure.querySelector(".actual")),
          target: text(figure.querySelector(".target")),
          percent: text(figure.querySelector(".percent")),
          definition: figure.querySelector("dt")?.getAttribute("title") ?? null,
          describedBy: text(document.getElementById(figure.querySelector("dt")?.getAttribute("aria-describedby") ?? "")),
        };
      }
    }
    const tables = {};
    for (const table of document.querySelectorAll("table[class]")) {
      tables[table.className] = [...table.querySelectorAll("tbody tr")].map((row) => [...row.children].map((cell) => cell.textContent.trim()));
    }
    return {
      href: location.href,
      title: document.title,
      signIn: !!document.getElementById("sign-in-title"),
      signInReason: text(document.getElementById("sign-in-reason")),
      tokenInSession: sessionStorage.getItem("industry.token") !== null,
      tokenInLocalStorage: Object.keys(localStorage).length > 0,
      cookies: document.cookie,
      unavailable: [...document.querySelectorAll("[data-unavailable]")].map((n) => ({ section: n.closest("section")?.id, service: n.dataset.unavailable })),
      sections: [...document.querySelectorAll("section.card")].map((s) => s.id),
      charts: document.querySelectorAll(".chart svg").length,
      figures,
      tables,
    };
  });
  if (args.screenshot) {
    await page.screenshot({ path: args.screenshot, fullPage: true });
  }
  if (args["phone-screenshot"]) {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300); // the charts redraw on resize (one animation frame)
    seen.phoneOverflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    await page.screenshot({ path: args["phone-screenshot"], fullPage: true });
  }
  seen.consoleErrors = consoleErrors;
  console.log(JSON.stringify(seen));
} finally {
  await browser.close();
}
