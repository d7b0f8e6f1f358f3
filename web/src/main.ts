// Start-up: take a handed-over token, finish an OIDC sign-in if this is its callback, then show the dashboard, or
// the sign-in form when there is no usable token (none, expired, refused by the gateway).
import "./styles.css";
import { createApi } from "./api.js";
import {
  clearToken, completeOidcSignIn, completeOidcSignOut, currentToken, loadConfig, oidcReturn, readClaims, signOut,
  startOidcSignIn, storeToken, takeTokenFromFragment, type WebConfig,
} from "./auth.js";
import { showDashboard } from "./dashboard.js";
import { disposeCharts } from "./charts.js";
import { escapeHtml } from "./format.js";

const main = document.getElementById("main")!;
const account = document.getElementById("account")!;

const reasons = {
  none: "",
  expired: "登录已过期，请重新登录。",
  malformed: "令牌格式不正确，请重新登录。",
  refused: "登录已失效（网关拒绝了令牌），请重新登录。",
  oidc: "统一身份认证未能完成登录，请重试。",
} as const;

function showSignIn(config: WebConfig, reason: keyof typeof reasons): void {
  disposeCharts();
  account.innerHTML = "";
  delete main.dataset.ready;
  main.innerHTML = `<section class="card sign-in" aria-labelledby="sign-in-title">
  <h2 id="sign-in-title">登录</h2>
  ${reasons[reason] ? `<p class="notice" role="alert" id="sign-in-reason">${reasons[reason]}</p>` : ""}
  ${config.authority ? `<p><button type="button" id="oidc">使用统一身份认证登录</button></p><p class="hint">或粘贴令牌：</p>` : ""}
  <form id="token-form">
    <label for="token">访问令牌（本地开发：<code>scripts/dev-token.sh --role viewer</code> 的输出）</label>
    <textarea id="token" name="token" rows="4" required autocomplete="off" spellcheck="false"></textarea>
    <p class="hint">令牌只保存在本标签页的会话中，关闭标签页即清除。</p>
    <button type="submit">登录</button>
  </form>
</section>`;
  main.querySelector<HTMLFormElement>("#token-form")!.addEventListener("submit", (event) => {
    event.preventDefault();
    storeToken(main.querySelector<HTMLTextAreaElement>("#token")!.value);
    void start(config);
  });
  main.querySelector("#oidc")?.addEventListener("click", () => void startOidcSignIn(config));
  main.focus();
}

async function start(config: WebConfig): Promise<void> {
  const state = currentToken();
  if (state.token === null) {
    showSignIn(config, state.reason);
    return;
  }
  const claims = readClaims(state.token);
  const role = Array.isArray(claims?.role) ? claims.role.join("、") : (claims?.role ?? "");
  account.innerHTML = `<span>${escapeHtml(claims?.sub ?? "")}${role ? `（${escapeHtml(role)}）` : ""}</span> <button type="button" id="sign-out">退出</button>`;
  account.querySelector("#sign-out")!.addEventListener("click", () => {
    void signOut(config).then((leaving) => {
      if (!leaving) showSignIn(config, "none");
    });
  });
  const api = createApi(state.token, () => {
    clearToken();
    showSignIn(config, "refused");
  });
  await showDashboard(main, api);
}

async function boot(): Promise<void> {
  takeTokenFromFragment();
  const config = await loadConfig();
  const returned = oidcReturn(config);
  if (returned === "sign-out") {
    await completeOidcSignOut(config).catch(() => undefined); // signed out here either way
  } else if (returned === "sign-in") {
    try {
      await completeOidcSignIn(config);
    } catch {
      clearToken();
      showSignIn(config, "oidc");
      return;
    }
  }
  addEventListener("popstate", () => void start(config));
  await start(config);
}

void boot();
