// Keyboard and accessibility check of the page in Debian's headless Chromium (playwright-core, nothing downloaded):
// prints, as JSON, per view, the order in which Tab reaches the controls (with how each one shows its focus), every
// focusable element in document order, what the keyboard-only sign-in and the year/month pickers did, and axe-core's
// violations (WCAG 2.1 A and AA). Screenshots of each view on a laptop and a phone. The end-to-end test
// (tests/Industry.EndToEndTests/WebPage/WebPageAccessibilityTests) asserts on it; this script asserts nothing.
//
//   node web/e2e/a11y-check.mjs --origin http://127.0.0.1:G --token TOKEN --year 2024 --month 12 [--screenshots DIR]
import AxeBuilder from "@axe-core/playwright";
import { chromium } from "playwright-core";
import { parseArgs } from "node:util";
import { join } from "node:path";

const { values: args } = parseArgs({
  options: {
    origin: { type: "string" },
    token: { type: "string" },
    year: { type: "string" },
    month: { type: "string" },
    screenshots: { type: "string" },
    "timeout-ms": { type: "string", default: "60000" },
  },
});
if (!args.origin || !args.token || !args.year || !args.month) {
  console.error("usage: a11y-check.mjs --origin URL --token TOKEN --year Y --month M [--screenshots DIR]");
  process.exit(2);
}
const timeout = Number(args["timeout-ms"]);
const viewports = { laptop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  timeout,
});

/** The focused element as a reader meets it: what it is, its name, and whether its focus shows. */
function describeFocused() {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const style = getComputedStyle(element);
  const rect = element.getBoundingClientRect();
  const name = element.getAttribute("aria-label") ?? element.labels?.[0]?.textContent?.trim() ?? element.textContent?.trim() ?? "";
  const all = [...document.querySelectorAll("*")];
  return {
    index: all.indexOf(element),
    key: element.id ? `#${element.id}` : `${element.tagName.toLowerCase()}${element.getAttribute("name") ? `[name=${element.getAttribute("name")}]` : ""}:${name.slice(0, 24)}`,
    tag: element.tagName.toLowerCase(),
    section: element.closest("section")?.id ?? element.closest("header, form")?.tagName.toLowerCase() ?? null,
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 ? `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}` : null,
    boxShadow: style.boxShadow !== "none" ? style.boxShadow : null,
    visible: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth,
    focusVisible: element.matches(":focus-visible"),
  };
}

/**
 * Every element Tab should reach, in document order (enabled controls, links, summaries, tabindex >= 0), leaving out
 * what is not rendered: hidden, inert, or inside a closed <details> (its summary is the control there).
 */
function focusables() {
  const all = [...document.querySelectorAll("*")];
  const inClosedDetails = (e) => {
    const details = e.parentElement?.closest("details");
    return !!details && !details.open && !(e.tagName === "SUMMARY" && e.parentElement === details);
  };
  return [...document.querySelectorAll("a[href], button, select, textarea, input, summary, [tabindex]")]
    .filter((e) => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length > 0 && !e.closest("[hidden], [inert]") && !inClosedDetails(e))
    .map((e) => ({ index: all.indexOf(e), tabindex: e.getAttribute("tabindex") }));
}

/**
 * Presses Tab until focus comes round to the first element it reached again: one whole cycle, passing through the
 * browser's own stop (no element focused) between the last control and the first.
 */
async function tabThrough(page) {
  const order = [];
  let outside = 0;
  for (let i = 0; i < 400 && outside < 3; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(describeFocused);
    if (!focused) {
      outside++;
      continue;
    }
    if (order.length > 0 && focused.index === order[0].index) break;
    order.push(focused);
  }
  return { order, focusables: await page.evaluate(focusables) };
}

async function axe(page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")) }));
}

const views = {};
const consoleErrors = [];
try {
  for (const [device, viewport] of Object.entries(viewports)) {
    const context = await browser.newContext({ viewport, locale: "zh-CN", timezoneId: "Asia/Shanghai", isMobile: device === "phone", hasTouch: device === "phone" });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
    const address = `${args.origin}/?year=${args.year}&month=${args.month}`;

    // Sign-in, by keyboard only: Tab to the token field, type it, Tab to the button, Enter.
    await page.goto(address, { waitUntil: "load" });
    await page.waitForSelector("#sign-in-title");
    const signIn = { axe: await axe(page), ...(await tabThrough(page)) };
    if (args.screenshots) await page.screenshot({ path: join(args.screenshots, `a11y-sign-in-${device}.png`), fullPage: true });
    await page.reload({ waitUntil: "load" });
    await page.waitForSelector("#sign-in-title");
    const pressed = [];
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== "token"; i++) {
      await page.keyboard.press("Tab");
      pressed.push("Tab");
    }
    await page.keyboard.type(args.token);
    await page.keyboard.press("Tab");
    pressed.push("Tab");
    signIn.submitFocused = await page.evaluate(() => document.activeElement?.getAttribute("type") === "submit");
    await page.keyboard.press("Enter");
    await page.waitForSelector("main[data-ready=true]");
    signIn.tabsToTokenField = pressed.length - 1;
    signIn.signedIn = true;
    views[`sign-in-${device}`] = signIn;

    // The dashboard: Tab order, focus, axe, then the year and month chosen with the keyboard only.
    const dashboard = { axe: await axe(page), ...(await tabThrough(page)) };
    if (args.screenshots) await page.screenshot({ path: join(args.screenshots, `a11y-dashboard-${device}.png`), fullPage: true });
    dashboard.yearOptions = await page.$$eval("select[name=year] option", (options) => options.map((o) => o.value));
    await page.focus("select[name=year]"); // reached by Tab above; from here keys only
    await page.keyboard.press("ArrowUp"); // the year above in the list (newest first: there is always the current one)
    await page.keyboard.press("Tab");
    await page.keyboard.press("Home"); // January
    await page.keyboard.press("ArrowDown"); // February
    await page.keyboard.press("ArrowDown"); // March
    await page.keyboard.press("Tab");
    dashboard.submitFocused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.search.includes("month=3"));
    await page.waitForSelector("main[data-ready=true]");
    dashboard.afterPickers = await page.evaluate(() => ({ search: location.search, title: document.title }));
    dashboard.afterPickersAxe = await axe(page);
    views[`dashboard-${device}`] = dashboard;
    await context.close();
  }
  console.log(JSON.stringify({ views, consoleErrors }));
} finally {
  await browser.close();
}
