// Drives the page's OIDC sign-in in Debian's headless Chromium (playwright-core, nothing downloaded) against a real
// provider (web/e2e/oidc-idp.mjs in the tests) and prints, as JSON, what happened at each step: where the browser
// went, what the page showed, what the page's origin kept in storage and cookies, and the claims of the token it
// used. The end-to-end test (tests/Industry.EndToEndTests/WebPage/WebPageOidcSignInTests) asserts on it.
//
//   node web/e2e/sign-in-check.mjs --url PAGE_URL --user NAME [--screenshots DIR] [--sign-in-only]
//
// --sign-in-only stops after the first sign-in and adds the access token the page received to that step, so that a
// test can call the API with the provider's own token (the throwaway provider's; never a real one).
// Steps: sign in through the provider's login form; a token the gateway refuses (its signature broken); sign in again
// (the provider's session still holds, so no form); sign out (ends the provider's session too); sign in again (the
// form again); the token past its expiry (the page's clock two hours on).
import { chromium } from "playwright-core";
import { parseArgs } from "node:util";
import { join } from "node:path";

const { values: args } = parseArgs({
  options: {
    url: { type: "string" },
    user: { type: "string", default: "viewer" },
    screenshots: { type: "string" },
    "timeout-ms": { type: "string", default: "60000" },
    "sign-in-only": { type: "boolean", default: false },
  },
});
if (!args.url) {
  console.error("usage: sign-in-check.mjs --url PAGE_URL --user NAME [--screenshots DIR]");
  process.exit(2);
}
const timeout = Number(args["timeout-ms"]);
const pageOrigin = new URL(args.url).origin;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  timeout,
});
const steps = [];
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  // Only the machine itself: the provider's development pages link a web font, which must not be fetched.
  await context.route((url) => url.hostname !== "127.0.0.1" && url.hostname !== "localhost", (route) => route.abort());
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  const consoleErrors = (globalThis.consoleErrors = []);
  const onPage = () => page.url().startsWith(pageOrigin);
  page.on("console", (m) => { if (m.type() === "error" && onPage()) consoleErrors.push(m.text()); });
  page.on("requestfailed", (r) => { if (["127.0.0.1", "localhost"].includes(new URL(r.url()).hostname)) consoleErrors.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`); });
  page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
  const visited = [];
  page.on("framenavigated", (frame) => { if (frame === page.mainFrame()) visited.push(frame.url()); });
  // The provider's authorization requests, as the page sent them (PKCE: code_challenge, S256).
  const authorizations = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== pageOrigin && url.searchParams.has("response_type")) {
      authorizations.push(Object.fromEntries(url.searchParams));
    }
  });

  const signInShown = () => page.waitForSelector("#sign-in-title");
  const dashboardShown = () => page.waitForSelector("main[data-ready=true]");

  async function snapshot(name) {
    const seen = await page.evaluate(() => {
      const token = sessionStorage.getItem("industry.token");
      let claims = null;
      try {
        claims = token ? JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)))) : null;
      } catch { claims = "unreadable"; }
      return {
        href: location.href,
        signIn: !!document.getElementById("sign-in-title"),
        signInReason: document.getElementById("sign-in-reason")?.textContent?.trim() ?? null,
        oidcButton: !!document.getElementById("oidc"),
        ready: document.querySelector("main")?.dataset.ready === "true",
        account: document.getElementById("account")?.textContent?.trim() ?? "",
        sessionKeys: Object.keys(sessionStorage).sort(),
        localKeys: Object.keys(localStorage),
        documentCookie: document.cookie,
        headlineSections: [...document.querySelectorAll("section.card[id^=headline-]")].map((s) => s.id),
        figures: document.querySelectorAll(".figure[data-figure] .actual").length,
        unavailable: [...document.querySelectorAll("[data-unavailable]")].map((n) => n.closest("section")?.id ?? ""),
        claims,
      };
    });
    seen.step = name;
    seen.pageCookies = (await context.cookies(pageOrigin)).map((c) => c.name);
    seen.visited = visited.splice(0);
    if (args.screenshots) await page.screenshot({ path: join(args.screenshots, `oidc-${name}.png`), fullPage: false });
    steps.push(seen);
    return seen;
  }

  /** Clicks the page's OIDC button; fills the provider's login form when it asks. Returns whether it asked. */
  async function signInThroughProvider() {
    await page.click("#oidc");
    // The sign-in form is gone once the browser has left for the provider; then either its login form or the page again.
    const shown = await page.waitForSelector("input[name=login], main[data-ready=true]");
    const where = (await shown.getAttribute("name")) === "login" ? "form" : "page";
    if (where === "form") {
      await page.fill("input[name=login]", args.user);
      await page.fill("input[name=password]", "any password: the test provider's development form checks none");
      await page.click("button[type=submit]");
    }
    await dashboardShown();
    return where === "form";
  }

  await page.goto(args.url, { waitUntil: "load" });
  await signInShown();
  await snapshot("start");

  const formAsked = await signInThroughProvider();
  const signedIn = Object.assign(await snapshot("signed-in"), { loginForm: formAsked });
  if (args["sign-in-only"]) {
    signedIn.token = await page.evaluate(() => sessionStorage.getItem("industry.token"));
  } else {
    await theOtherSteps();
  }

  console.log(JSON.stringify({ steps, authorizations, consoleErrors }));

  /** A refused token, signing in again, signing out, signing in after it, an expired token. */
  async function theOtherSteps() {
    // Well-formed and unexpired, so only the gateway can tell: the signature's last characters changed.
    await page.evaluate(() => {
      const token = sessionStorage.getItem("industry.token");
      const flipped = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
      sessionStorage.setItem("industry.token", flipped);
    });
    await page.reload({ waitUntil: "load" });
    await signInShown();
    await page.waitForSelector("#sign-in-reason");
    await snapshot("refused");

    const formAskedAgain = await signInThroughProvider();
    Object.assign(await snapshot("signed-in-again"), { loginForm: formAskedAgain });

    await page.click("#sign-out");
    await page.waitForSelector("button[name=logout]");
    visited.push(page.url());
    await page.click("button[name=logout]");
    await page.waitForURL((url) => url.origin === pageOrigin);
    await signInShown();
    await page.waitForFunction(() => !location.search.includes("state="));
    await snapshot("signed-out");

    const formAfterSignOut = await signInThroughProvider();
    Object.assign(await snapshot("signed-in-after-sign-out"), { loginForm: formAfterSignOut });

    // The page's clock two hours on: the provider's token (10 minutes) has expired by the page's reckoning.
    await page.clock.install({ time: Date.now() + 2 * 3600_000 });
    await page.reload({ waitUntil: "load" });
    await signInShown();
    await page.waitForSelector("#sign-in-reason");
    await snapshot("expired");
  }
} catch (error) {
  // Where it stopped, for the test's failure message.
  const page = browser.contexts()[0]?.pages()[0];
  const where = page ? { url: page.url(), text: (await page.evaluate(() => document.body?.innerText ?? "").catch(() => "")).slice(0, 2000) } : null;
  console.error(JSON.stringify({ failedAfter: steps.map((s) => s.step), where, consoleErrors: globalThis.consoleErrors }));
  throw error;
} finally {
  await browser.close();
}
