// A real OpenID Connect provider for the tests (node-oidc-provider, a certified implementation):
// discovery, JWKS, the authorization code flow with PKCE, its own login page, RP-initiated
// logout. The integration tests (server/tests/integration/identity.rs) and the Playwright spec
// (end2end/tests/sign-in-provider.spec.ts) sign in through it like a person would.
//
//   node end2end/support/oidc-provider.mjs [--port N] [--ignore-stdin]
//
// The port comes from --port, else OIDC_PORT, else 0 (any free port). Once listening it prints
// one line, `oidc-provider ready http://127.0.0.1:<port>`, which is also the issuer. It exits
// when its stdin closes, so a test process that dies leaves no provider behind; Playwright
// (which gives its servers no stdin) passes --ignore-stdin and stops it itself.
//
// Test only: every user's password is OIDC_PASSWORD below, any http://127.0.0.1 or localhost
// redirect URI is accepted, and PUT /__test__/users/<login>/groups changes a user's groups.

import * as http from "node:http";
import Provider from "oidc-provider";

export const OIDC_PASSWORD = "oidc-test-password";

const args = process.argv.slice(2);
const portArg = args.indexOf("--port");
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.OIDC_PORT ?? 0);

/** The directory: login → claims. Groups can change between sign-ins (see the test endpoint). */
const users = {
  "rita.oidc": {
    email: "rita.oidc@example.test",
    name: "Rita Oidc",
    groups: ["staff"],
    manager_email: "lena.lead@deskfront.test",
    store: "S012",
  },
  "mira.oidc": {
    email: "mira.oidc@example.test",
    name: "Mira Oidc",
    groups: ["managers"],
  },
  "arne.oidc": {
    email: "arne.oidc@example.test",
    name: "Arne Oidc",
    groups: ["agents", "Service desk"],
    manager_email: "mo.manager@deskfront.test",
  },
  // The tests change this one's groups between sign-ins.
  "gus.oidc": {
    email: "gus.oidc@example.test",
    name: "Gus Oidc",
    groups: ["staff"],
  },
  // Claims that name nothing Deskfront knows: a group, a store and a manager.
  "uma.oidc": {
    email: "uma.oidc@example.test",
    name: "Uma Oidc",
    groups: ["Ghost Team", "agents"],
    manager_email: "nobody@example.test",
    store: "S999",
  },
  // The same address as a demo account: signing in links the two.
  "rita.requester": {
    email: "rita.requester@deskfront.test",
    name: "Rita Patel",
    groups: ["staff"],
  },
};

const localRedirect = (uri) => {
  try {
    const u = new URL(uri);
    return u.protocol === "http:" && (u.hostname === "127.0.0.1" || u.hostname === "localhost");
  } catch {
    return false;
  }
};

const client = (client_id, client_secret) => ({
  client_id,
  client_secret,
  // Registered for form's sake; redirectUriAllowed below accepts any local port, because the
  // integration tests start Deskfront on a free port.
  redirect_uris: ["http://127.0.0.1/auth/oidc/test/callback"],
  post_logout_redirect_uris: ["http://127.0.0.1/login"],
  grant_types: ["authorization_code"],
  response_types: ["code"],
  token_endpoint_auth_method: "client_secret_basic",
});

const issuer = (p) => `http://127.0.0.1:${p}`;

function configuration() {
  return {
    clients: [
      client("deskfront", "deskfront-secret"),
      // Another relying party: its tokens must not sign anyone in to Deskfront.
      client("other-app", "other-secret"),
      // Issues ID tokens that expire after two seconds.
      client("deskfront-short", "short-secret"),
    ],
    findAccount: async (_ctx, sub) => {
      const user = users[sub];
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, email_verified: true, ...users[sub] }),
      };
    },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "groups", "manager_email", "store"],
    },
    // Scope claims in the ID token itself, as Entra ID and Keycloak can be set up to do.
    conformIdTokenClaims: false,
    pkce: { methods: ["S256"], required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // The default page loads a web font from the internet; this one is self-contained.
        logoutSource: async (ctx, form) => {
          ctx.body = page(
            "Sign out of the Test Identity Provider?",
            `${form}<p><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></p>`,
          );
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // First-party clients: no consent screen. Every requested scope is granted.
    loadExistingGrant: async (ctx) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (!grant) {
        grant = new ctx.oidc.provider.Grant({
          clientId: ctx.oidc.client.clientId,
          accountId: ctx.oidc.session.accountId,
        });
      }
      grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(" "));
      await grant.save();
      return grant;
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      Interaction: 600,
      Session: 3600,
      IdToken: (_ctx, _token, client) => (client.clientId === "deskfront-short" ? 2 : 600),
    },
    cookies: { keys: ["oidc-test-cookie-key"] },
  };
}

const page = (title, body) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

const escape = (s) =>
  String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginForm(uid, error, login = "") {
  return page(
    "Test Identity Provider",
    `${error ? `<p role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/interaction/${escape(uid)}/login">
  <p><label for="login">Username</label> <input id="login" name="login" value="${escape(login)}" autocomplete="username" required></p>
  <p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
  <p><button type="submit">Continue</button></p>
</form>`,
  );
}

async function readBody(req) {
  let body = "";
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 64 * 1024) throw new Error("body too large");
  }
  return body;
}

async function interaction(provider, req, res, url) {
  const [, , uid, action] = url.pathname.split("/");
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error("interaction mismatch");
  if (req.method === "GET") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(loginForm(uid));
    return;
  }
  if (req.method === "POST" && action === "login") {
    const form = new URLSearchParams(await readBody(req));
    const login = form.get("login") ?? "";
    if (!users[login] || form.get("password") !== OIDC_PASSWORD) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(loginForm(uid, "Wrong username or password.", login));
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: login } },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  res.writeHead(405).end();
}

async function testAdmin(req, res, url) {
  // PUT /__test__/users/<login>/groups  with a JSON array of group names.
  const [, , , login, what] = url.pathname.split("/");
  if (req.method !== "PUT" || what !== "groups" || !users[login]) {
    res.writeHead(404).end();
    return;
  }
  const groups = JSON.parse(await readBody(req));
  if (!Array.isArray(groups)) {
    res.writeHead(400).end();
    return;
  }
  users[login].groups = groups.map(String);
  res.writeHead(204).end();
}

const server = http.createServer();
server.listen(port, "127.0.0.1", () => {
  const actual = server.address().port;
  const provider = new Provider(issuer(actual), configuration());
  // Plain http on 127.0.0.1 is fine for a test provider; node-oidc-provider would otherwise
  // refuse to set its cookies as secure behind no proxy.
  provider.proxy = false;
  provider.Client.prototype.redirectUriAllowed = localRedirect;
  provider.Client.prototype.postLogoutRedirectUriAllowed = localRedirect;
  const callback = provider.callback();
  server.on("request", (req, res) => {
    const url = new URL(req.url, issuer(actual));
    const handle = url.pathname.startsWith("/interaction/")
      ? interaction(provider, req, res, url)
      : url.pathname.startsWith("/__test__/")
        ? testAdmin(req, res, url)
        : Promise.resolve(callback(req, res));
    handle.catch((err) => {
      console.error(`oidc-provider: ${err.message}`);
      if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain" });
      res.end("bad request");
    });
  });
  console.log(`oidc-provider ready ${issuer(actual)}`);
});

if (!args.includes("--ignore-stdin")) {
  process.stdin.on("end", () => process.exit(0));
  process.stdin.on("close", () => process.exit(0));
  process.stdin.resume();
}
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
