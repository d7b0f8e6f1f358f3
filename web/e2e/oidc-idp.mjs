// A throwaway OpenID Connect provider for the page's sign-in tests (ADR 0037): oidc-provider (a certified
// implementation) with a fresh RSA key per run, one public client for the page (authorization code + PKCE, as a
// production IdP registers it), and access tokens as JWTs for the audience industry-api carrying the suite's claims
// (sub, role, city) under their plain names, as docs/security.md asks of a production provider.
//
//   node web/e2e/oidc-idp.mjs --port N --redirect-uri http://127.0.0.1:G/ [--client-id industry-web]
//                             [--access-token-seconds 600]
//
// Prints one line `{"issuer":"http://localhost:N"}` once it listens; runs until killed. The login form is the
// library's development form (any password); the user names are the accounts below.
import { generateKeyPairSync } from "node:crypto";
import { parseArgs } from "node:util";
import Provider from "oidc-provider";

const { values: args } = parseArgs({
  options: {
    port: { type: "string" },
    "redirect-uri": { type: "string" },
    "client-id": { type: "string", default: "industry-web" },
    "access-token-seconds": { type: "string", default: "600" },
  },
});
if (!args.port || !args["redirect-uri"]) {
  console.error("usage: oidc-idp.mjs --port N --redirect-uri URI [--client-id ID] [--access-token-seconds S]");
  process.exit(2);
}

// Named "localhost" while the page is at 127.0.0.1: two hosts, as in production, so that the provider's session
// cookie is not a cookie of the page's host (cookies ignore the port). It listens on the loopback address only.
const issuer = `http://localhost:${args.port}`;
const api = { resource: "urn:industry-api", audience: "industry-api", scope: "industry-api" };

/** Who may sign in, with the claims the suite reads (role; city for a city editor). */
const accounts = {
  viewer: { role: "viewer" },
  "hefei-editor": { role: "city_editor", city: "340100" },
  admin: { role: "province_admin" },
};

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: "jwk" }), kid: `test-${Date.now()}`, use: "sig", alg: "RS256" };

const provider = new Provider(issuer, {
  jwks: { keys: [signingKey] },
  clients: [{
    client_id: args["client-id"],
    token_endpoint_auth_method: "none", // a browser app is a public client: PKCE, no secret
    grant_types: ["authorization_code"],
    response_types: ["code"],
    redirect_uris: [args["redirect-uri"]],
    post_logout_redirect_uris: [args["redirect-uri"]],
  }],
  pkce: { required: () => true },
  scopes: ["openid", "profile"], // industry-api is the resource server's scope, not an OpenID one
  findAccount: (_ctx, id) => (Object.hasOwn(accounts, id)
    ? { accountId: id, claims: () => ({ sub: id, name: id }) }
    : undefined),
  // A first-party app: the reader signs in, and is not asked to consent to the page reading the suite.
  loadExistingGrant: async (ctx) => {
    const grant = new provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid profile");
    grant.addResourceScope(api.resource, api.scope);
    await grant.save();
    return grant;
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => api.resource,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => {
        if (resource !== api.resource) throw new Error(`unknown resource ${resource}`);
        return {
          scope: api.scope,
          audience: api.audience,
          accessTokenFormat: "jwt",
          accessTokenTTL: Number(args["access-token-seconds"]),
          jwt: { sign: { alg: "RS256" } },
        };
      },
    },
  },
  extraTokenClaims: (_ctx, token) => (token.kind === "AccessToken" ? accounts[token.accountId] : undefined),
});
provider.proxy = false;

provider.listen(Number(args.port), "127.0.0.1", () => {
  console.log(JSON.stringify({ issuer }));
});
