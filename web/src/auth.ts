// Where the page's bearer token comes from and where it lives: only this tab's sessionStorage (gone when the tab
// closes), never localStorage or a cookie. Sources: a development token pasted into the sign-in form or handed over
// in the link run.sh prints (`/#token=…`, moved out of the address bar at once), or in production the OIDC
// authorization-code flow with PKCE against the gateway's configured authority (oidc-client-ts, loaded only then).
import type { UserManager } from "oidc-client-ts";

const tokenKey = "industry.token";
/** The provider's ID token, kept only to name the session when signing out there (id_token_hint); not sent to the API. */
const idTokenKey = "industry.idToken";

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
  sessionStorage.removeItem(idTokenKey);
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
  city?: string;
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
  const { InMemoryWebStorage, UserManager, WebStorageStateStore } = await import("oidc-client-ts");
  return new UserManager({
    authority: config.authority!,
    client_id: config.clientId ?? "industry-web",
    redirect_uri: `${location.origin}/`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: "code",
    scope: config.scope ?? "openid profile",
    // The page keeps the access token itself (storeToken); the library's copy of the user lives in memory only.
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    // The PKCE verifier and state must survive the redirect to the provider and back: this tab only, removed on return.
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: false,
  });
}

/** Whether the address is the provider sending the reader back: from sign-in (code or error) or from sign-out. */
export function oidcReturn(config: WebConfig): "sign-in" | "sign-out" | null {
  const query = new URLSearchParams(location.search);
  if (!config.authority || !query.has("state")) {
    return null;
  }
  return query.has("code") || query.has("error") ? "sign-in" : "sign-out";
}

/**
 * Finishes the authorization-code flow (code + PKCE verifier for tokens), keeps the access token, and restores the
 * address the reader started from (year and month ride in the state). Throws when the provider refused.
 */
export async function completeOidcSignIn(config: WebConfig): Promise<void> {
  const manager = await userManager(config);
  try {
    const user = await manager.signinRedirectCallback();
    storeToken(user.access_token);
    if (user.id_token) {
      sessionStorage.setItem(idTokenKey, user.id_token);
    }
    history.replaceState(null, "", location.pathname + (typeof user.state === "string" ? user.state : ""));
  } finally {
    if (location.search.includes("state=")) {
      history.replaceState(null, "", location.pathname);
    }
  }
}

/** Back from the provider's sign-out: drops the request's state and cleans the address bar. */
export async function completeOidcSignOut(config: WebConfig): Promise<void> {
  const manager = await userManager(config);
  try {
    await manager.signoutRedirectCallback();
  } finally {
    history.replaceState(null, "", location.pathname);
  }
}

export async function startOidcSignIn(config: WebConfig): Promise<void> {
  const manager = await userManager(config);
  await manager.signinRedirect({ state: location.search });
}

/**
 * Forgets the tokens; with a provider, also ends the reader's session there (RP-initiated logout), so that the next
 * sign-in on a shared computer asks for a login again instead of silently reusing the last reader's session.
 * Resolves true when the browser is being sent to the provider.
 */
export async function signOut(config: WebConfig): Promise<boolean> {
  const idToken = sessionStorage.getItem(idTokenKey);
  clearToken();
  if (!config.authority || !idToken) {
    return false;
  }
  const manager = await userManager(config);
  await manager.signoutRedirect({ id_token_hint: idToken });
  return true;
}
