// Where the page's bearer token comes from and where it lives: only this tab's sessionStorage (gone when the tab
// closes), never localStorage or a cookie. Sources: a development token pasted into the sign-in form or handed over
// in the link run.sh prints (`/#token=…`, moved out of the address bar at once), or in production the OIDC
// authorization-code flow with PKCE against the gateway's configured authority (oidc-client-ts, loaded only then).
import type { UserManager } from "oidc-client-ts";

const tokenKey = "industry.token";

/** What the gateway tells the page at /web-config.json: the OIDC authority and client, when it has one. */
export interface WebConfig {
  authority?: string;
  clientId?: string;
  scope?: string;
}

export async function loadConfig(): Promise<WebConfig> {
  const response = await fetch("/web-config.json", { cache: "no-store" });
  return response.ok ? ((await response.json()) as WebConfig) : {};
}

/** Moves a token handed over in the URL fragment into sessionStorage and out of the address bar and history. */
export function takeTokenFromFragment(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    storeToken(decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname + location.search);
  }
}

export function storeToken(token: string): void {
  sessionStorage.setItem(tokenKey, token.trim().replace(/^Bearer\s+/i, ""));
}

export function clearToken(): void {
  sessionStorage.removeItem(tokenKey);
}

export type TokenState = { token: string } | { token: null; reason: "none" | "expired" | "malformed" };

/** The stored token if it can still be used; an expired or unreadable one is dropped (the gateway would refuse it). */
export function currentToken(now = Date.now()): TokenState {
  const token = sessionStorage.getItem(tokenKey);
  if (!token) {
    return { token: null, reason: "none" };
  }
  const claims = readClaims(token);
  if (!claims) {
    clearToken();
    return { token: null, reason: "malformed" };
  }
  if (typeof claims.exp === "number" && claims.exp * 1000 <= now) {
    clearToken();
    return { token: null, reason: "expired" };
  }
  return { token };
}

export interface Claims {
  exp?: number;
  sub?: string;
  role?: string | string[];
  city_code?: string;
}

/** The token's payload, unverified: only to show who is signed in and to notice expiry before a call does. */
export function readClaims(token: string): Claims | null {
  const parts = token.split(".");
  if (parts.length !== 3) {
    return null;
  }
  try {
    const json = atob(parts[1].replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof claims === "object" && claims !== null ? (claims as Claims) : null;
  } catch {
    return null;
  }
}

async function userManager(config: WebConfig): Promise<UserManager> {
  const { UserManager, WebStorageStateStore } = await import("oidc-client-ts");
  return new UserManager({
    authority: config.authority!,
    client_id: config.clientId ?? "industry-web",
    redirect_uri: `${location.origin}/`,
    response_type: "code",
    scope: config.scope ?? "openid profile",
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}

export function isOidcCallback(config: WebConfig): boolean {
  const query = new URLSearchParams(location.search);
  return !!config.authority && query.has("code") && query.has("state");
}

/** Finishes the authorization-code flow (code + PKCE verifier for tokens) and keeps the access token. */
export async function completeOidcSignIn(config: WebConfig): Promise<void> {
  const manager = await userManager(config);
  const user = await manager.signinRedirectCallback();
  storeToken(user.access_token);
  history.replaceState(null, "", location.pathname);
}

export async function startOidcSignIn(config: WebConfig): Promise<void> {
  const manager = await userManager(config);
  await manager.signinRedirect();
}
