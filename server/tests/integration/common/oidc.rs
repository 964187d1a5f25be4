//! The real OpenID Connect provider the identity tests sign in through
//! (`end2end/support/oidc-provider.mjs`, node-oidc-provider), started once per test binary, and
//! a browser-like walk through its pages.

use reqwest::{Client, StatusCode};
use server::config::OidcProvider;
use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::OnceLock;

/// Every test user's password at the provider (see the script).
pub const OIDC_PASSWORD: &str = "oidc-test-password";

struct Running {
    issuer: String,
    // Held, never written: when the test binary exits the pipe closes and the provider exits.
    _stdin: ChildStdin,
    _child: Child,
}

static PROVIDER: OnceLock<Running> = OnceLock::new();

/// The provider's issuer URL (`http://127.0.0.1:<port>`), starting it on first use.
pub fn issuer() -> String {
    PROVIDER.get_or_init(start).issuer.clone()
}

fn start() -> Running {
    let script = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../end2end/support/oidc-provider.mjs"
    );
    let mut child = Command::new("node")
        .arg(script)
        .args(["--port", "0"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect(
            "node runs the test identity provider (is Node installed, and npm ci run in end2end/?)",
        );
    let stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let issuer = loop {
        let line = lines
            .next()
            .expect("the test identity provider printed its ready line")
            .unwrap();
        if let Some(issuer) = line.strip_prefix("oidc-provider ready ") {
            break issuer.trim().to_string();
        }
    };
    Running {
        issuer,
        _stdin: stdin,
        _child: child,
    }
}

/// Deskfront's configuration of the test provider, as id `test`.
pub fn provider_config(issuer: &str) -> OidcProvider {
    OidcProvider {
        id: "test".into(),
        label: "Test IdP".into(),
        issuer: issuer.into(),
        client_id: "deskfront".into(),
        client_secret: "deskfront-secret".into(),
        manager_claim: Some("manager_email".into()),
        store_claim: Some("store".into()),
        mapping: app::domain::claims::ClaimMapping {
            agent_groups: vec!["agents".into()],
            manager_groups: vec!["managers".into()],
            admin_groups: vec!["portal-admins".into()],
            ..Default::default()
        },
        ..OidcProvider::default()
    }
}

/// Replaces `login`'s groups at the provider (they show at the next sign-in).
pub async fn set_groups(login: &str, groups: &[&str]) {
    let res = Client::new()
        .put(format!("{}/__test__/users/{login}/groups", issuer()))
        .json(&groups)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
}

/// Where a redirect goes, made absolute against `from`.
fn location(from: &str, res: &reqwest::Response) -> Option<String> {
    let to = res.headers().get("location")?.to_str().ok()?;
    Some(reqwest::Url::parse(from).ok()?.join(to).ok()?.to_string())
}

/// Follows redirects from `url` with `client` like a browser, filling in the provider's login
/// form as `login` when it shows, until an answer that is not a redirect to the provider or a
/// redirect whose target starts with `stop_at`. Returns that answer's status, its `Location`
/// (absolute) if any, and its body.
pub async fn walk(
    client: &Client,
    url: &str,
    login: &str,
    stop_at: &str,
) -> (StatusCode, Option<String>, String) {
    let mut url = url.to_string();
    let mut logged_in = false;
    for _ in 0..20 {
        let res = client.get(&url).send().await.unwrap();
        let status = res.status();
        let next = location(&url, &res);
        if let Some(next) = next.clone().filter(|_| status.is_redirection()) {
            if next.starts_with(stop_at) {
                return (status, Some(next), String::new());
            }
            url = next;
            continue;
        }
        let body = res.text().await.unwrap();
        if !logged_in && url.starts_with(&issuer()) && body.contains("name=\"password\"") {
            // The provider's own login page: post the form where it says.
            let action = body
                .split("action=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .expect("the login form has an action");
            let action = reqwest::Url::parse(&url).unwrap().join(action).unwrap();
            let res = client
                .post(action.clone())
                .form(&[("login", login), ("password", OIDC_PASSWORD)])
                .send()
                .await
                .unwrap();
            logged_in = true;
            url = location(action.as_str(), &res).expect("the login form redirects on");
            continue;
        }
        return (status, next, body);
    }
    panic!("too many redirects from {url}");
}

/// An ID token the provider issues to `client_id` for `login`, with `nonce`: the code flow done
/// by hand (PKCE included), stopping at the redirect to a callback nobody listens on.
pub async fn id_token(client_id: &str, secret: &str, login: &str, nonce: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let verifier = b64.encode(rand_bytes());
    let challenge = b64.encode(sha2::Sha256::digest(verifier.as_bytes()));
    let redirect_uri = "http://127.0.0.1:9/auth/oidc/test/callback";
    let client = Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut auth = reqwest::Url::parse(&format!("{}/auth", issuer())).unwrap();
    auth.query_pairs_mut()
        .append_pair("client_id", client_id)
        .append_pair("response_type", "code")
        .append_pair("scope", "openid email profile")
        .append_pair("redirect_uri", redirect_uri)
        .append_pair("state", "state-for-a-test")
        .append_pair("nonce", nonce)
        .append_pair("code_challenge", &challenge)
        .append_pair("code_challenge_method", "S256");
    let (_, back, body) = walk(&client, auth.as_str(), login, redirect_uri).await;
    let back = back.unwrap_or_else(|| panic!("no redirect back to the client: {body}"));
    let code = reqwest::Url::parse(&back)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "code")
        .map(|(_, v)| v.to_string())
        .expect("a code");
    let tokens: serde_json::Value = client
        .post(format!("{}/token", issuer()))
        .basic_auth(client_id, Some(secret))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", redirect_uri),
            ("code_verifier", &verifier),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    tokens["id_token"]
        .as_str()
        .unwrap_or_else(|| panic!("no id_token in {tokens}"))
        .to_string()
}

fn rand_bytes() -> [u8; 32] {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes
}
