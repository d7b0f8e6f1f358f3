// Measures the page's first meaningful paint in headless Chromium with the browser's performance API: the
// "industry:figures-painted" mark the page sets once the headline figures are on screen (two animation frames after
// they are in the DOM), next to first-contentful-paint and largest-contentful-paint. Each load is a fresh browser
// context (empty cache, as a first visit); the first --warm loads are not counted. Prints JSON.
//
//   node web/e2e/paint-bench.mjs --url URL_WITH_TOKEN_FRAGMENT [--runs 10] [--warm 3]
import { chromium } from "playwright-core";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: { url: { type: "string" }, runs: { type: "string", default: "10" }, warm: { type: "string", default: "3" } },
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const samples = [];
let transferred = 0;
try {
  const total = Number(args.warm) + Number(args.runs);
  for (let i = 0; i < total; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__lcp = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__lcp = entry.startTime;
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    await page.goto(args.url, { waitUntil: "load" });
    await page.waitForFunction(() => performance.getEntriesByName("industry:figures-painted").length > 0, null, { timeout: 30_000 });
    const sample = await page.evaluate(() => ({
      figuresPainted: performance.getEntriesByName("industry:figures-painted")[0].startTime,
      firstContentfulPaint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
      largestContentfulPaint: window.__lcp,
      scriptBytes: performance.getEntriesByType("resource").filter((r) => r.name.endsWith(".js")).reduce((sum, r) => sum + r.transferSize, 0),
    }));
    if (i >= Number(args.warm)) {
      samples.push(sample);
      transferred = sample.scriptBytes;
    }
    await context.close();
  }
} finally {
  await browser.close();
}
const sorted = (key) => samples.map((s) => s[key]).filter((v) => v !== null).sort((a, b) => a - b);
const quantile = (values, q) => values[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)];
const summary = {};
for (const key of ["figuresPainted", "firstContentfulPaint", "largestContentfulPaint"]) {
  const values = sorted(key);
  summary[key] = { median: quantile(values, 0.5), p90: quantile(values, 0.9), max: values[values.length - 1] };
}
console.log(JSON.stringify({ runs: samples.length, summary, scriptBytesTransferred: transferred, samples }));
