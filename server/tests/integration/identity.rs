//! Signing in with an OpenID Connect provider, against a real one (node-oidc-provider, see
//! `common::oidc`): the whole flow over HTTP like a browser, people created and updated from
//! claims, role pinning, every kind of bad ID token, a provider that is down, and password
//! sign-in for administrators only.

use crate::common::oidc::{self, issuer, provider_config, set_groups, walk};
use crate::common::{spawn_with, TestApp, TestDb, PASSWORD, RITA};
use app::model::PersonView;
use reqwest::{Client, StatusCode};
use server::config::LocalSignIn;
use server::routes::oidc::{discover, http_client, verify_id_token, Expected, TokenRefusal};

const ADA: &str = "ada.admin@deskfront.test";

async fn app_with_provider() -> TestApp {
    let mut db = TestDb::new().await;
    db.config.oidc = vec![provider_config(&issuer())];
    spawn_with(db).await
}

/// Signs `login` in through the provider, starting at the sign-in button's link with `next`,
/// and checks that Deskfront's callback answered with a session and a redirect to `next`.
async fn sign_in_as(app: &TestApp, login: &str, next: &str) -> Client {
    let client = app.client();
    let start = format!("{}/auth/oidc/test/start?next={next}", app.base);
    let callback = format!("{}/auth/oidc/test/callback", app.base);
    let (_, back, body) = walk(&client, &start, login, &callback).await;
    let back = back.unwrap_or_else(|| panic!("the provider did not send {login} back: {body}"));
    let res = client.get(back).send().await.unwrap();
    let status = res.status();
    let location = res.headers().get("location").cloned();
    let body = res.text().await.unwrap();
    assert_eq!(status, StatusCode::SEE_OTHER, "{login}: {body}");
    assert_eq!(location.unwrap(), next, "{login}");
    client
}

async fn person(app: &TestApp, email: &str) -> PersonView {
    app.store()
        .await
        .all_people()
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.email == email)
        .unwrap_or_else(|| panic!("{email} is not in the portal"))
}

async fn me(app: &TestApp, client: &Client) -> serde_json::Value {
    app.call_json(client, "me", &[]).await
}

#[tokio::test]
async fn identity_first_sign_in_creates_the_person_from_the_claims() {
    let app = app_with_provider().await;
    let rita = sign_in_as(&app, "rita.oidc", "/requests").await;
    let rita_me = me(&app, &rita).await;
    assert_eq!(rita_me["email"], "rita.oidc@example.test", "{rita_me}");
    assert_eq!(rita_me["name"], "Rita Oidc");
    assert_eq!(rita_me["role"], "requester");
    let p = person(&app, "rita.oidc@example.test").await;
    assert_eq!(p.manager.as_deref(), Some("lena.lead@deskfront.test"));
    assert_eq!(p.store.as_deref(), Some("S012"));
    assert!(!p.role_pinned);

    let arne = sign_in_as(&app, "arne.oidc", "/").await;
    assert_eq!(me(&app, &arne).await["role"], "agent");
    let p = person(&app, "arne.oidc@example.test").await;
    assert_eq!(p.groups, ["Service desk"]);
    assert_eq!(p.manager.as_deref(), Some("mo.manager@deskfront.test"));

    let mira = sign_in_as(&app, "mira.oidc", "/").await;
    assert_eq!(me(&app, &mira).await["role"], "manager");
}

#[tokio::test]
async fn identity_the_callback_redirects_to_next_with_a_session_cookie() {
    let app = app_with_provider().await;
    let client = app.client();
    let start = format!("{}/auth/oidc/test/start?next=/requests", app.base);
    let callback = format!("{}/auth/oidc/test/callback", app.base);
    let (_, back, _) = walk(&client, &start, "rita.oidc", &callback).await;
    let res = client.get(back.unwrap()).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/requests");
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.starts_with("deskfront_session=") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    // A state works once: the same callback again is refused, with a 4xx, not a session.
    let again = format!(
        "{callback}?code=replayed&state={}",
        "x".repeat(20) // unknown state
    );
    let res = app.client().get(again).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("/login?error=sign_in_expired"));
    // An unsafe `next` ends on the catalog instead.
    let start = format!("{}/auth/oidc/test/start?next=//evil.example", app.base);
    let (_, back, _) = walk(&app.client(), &start, "rita.oidc", &callback).await;
    let res = client.get(back.unwrap()).send().await.unwrap();
    assert_eq!(res.headers()["location"], "/");
}

#[tokio::test]
async fn identity_a_changed_group_changes_the_role_unless_pinned() {
    let app = app_with_provider().await;
    set_groups("gus.oidc", &["staff"]).await;
    let gus = sign_in_as(&app, "gus.oidc", "/").await;
    assert_eq!(me(&app, &gus).await["role"], "requester");

    set_groups("gus.oidc", &["agents", "Network"]).await;
    let gus = sign_in_as(&app, "gus.oidc", "/").await;
    assert_eq!(me(&app, &gus).await["role"], "agent");
    assert_eq!(
        person(&app, "gus.oidc@example.test").await.groups,
        ["Network"]
    );

    // An administrator keeps Gus an agent whatever the provider says.
    let ada = app.signed_in(ADA).await;
    let p = person(&app, "gus.oidc@example.test").await;
    let revision = p.revision.to_string();
    let saved = app
        .call_json(
            &ada,
            "save_person",
            &[
                ("email", &p.email),
                ("name", &p.name),
                ("role", "agent"),
                ("manager", ""),
                ("store", ""),
                ("groups", "Network"),
                ("revision", &revision),
                ("role_pinned", "on"),
            ],
        )
        .await;
    assert!(saved.is_number(), "{saved}");
    assert!(person(&app, "gus.oidc@example.test").await.role_pinned);

    set_groups("gus.oidc", &["staff"]).await;
    let gus = sign_in_as(&app, "gus.oidc", "/").await;
    assert_eq!(
        me(&app, &gus).await["role"],
        "agent",
        "the pinned role stays"
    );
    let p = person(&app, "gus.oidc@example.test").await;
    assert!(p.groups.is_empty(), "groups still follow the provider");
    set_groups("gus.oidc", &["staff"]).await;
}

#[tokio::test]
async fn identity_unknown_groups_stores_and_managers_are_ignored() {
    let app = app_with_provider().await;
    let uma = sign_in_as(&app, "uma.oidc", "/").await;
    assert_eq!(
        me(&app, &uma).await["role"],
        "agent",
        "the known group still counts"
    );
    let p = person(&app, "uma.oidc@example.test").await;
    assert!(p.groups.is_empty(), "{:?}", p.groups);
    assert_eq!((p.store, p.manager), (None, None));
}

#[tokio::test]
async fn identity_an_existing_local_account_is_linked_by_email() {
    let app = app_with_provider().await;
    let client = sign_in_as(&app, "rita.requester", "/").await;
    assert_eq!(me(&app, &client).await["email"], RITA);
    let people = app.store().await.all_people().await.unwrap();
    assert_eq!(people.iter().filter(|p| p.email == RITA).count(), 1);
    // Her password still works too.
    app.signed_in(RITA).await;
}

#[tokio::test]
async fn identity_signing_out_offers_the_providers_sign_out() {
    let app = app_with_provider().await;
    let client = sign_in_as(&app, "rita.oidc", "/").await;
    let res = client
        .post(format!("{}/api/logout", app.base))
        .header("accept", "text/html")
        .form(&[("x", "")])
        .send()
        .await
        .unwrap();
    let to = res.headers()["location"].to_str().unwrap().to_string();
    assert_eq!(to, "/login?signed_out=test");
    assert!(me(&app, &client).await.is_null(), "the session ended");
    let page = app.html(&client, &to).await;
    assert!(page.contains("Also sign out of Test IdP"), "{page}");
    assert!(page.contains(&format!("{}/session/end?client_id=deskfront", issuer())));
}

/// A real token from the provider for `client_id`, with `nonce`.
async fn token(client_id: &str, secret: &str, nonce: &str) -> String {
    oidc::id_token(client_id, secret, "rita.oidc", nonce).await
}

#[tokio::test]
async fn identity_bad_id_tokens_are_refused() {
    let provider = provider_config(&issuer());
    let metadata = discover(&http_client(), &issuer()).await.unwrap();
    let expected = |client_id: &'static str, secret: &'static str| Expected {
        issuer: Box::leak(issuer().into_boxed_str()),
        client_id,
        client_secret: secret,
        nonce: "nonce-1",
        algs: metadata.id_token_signing_alg_values_supported(),
    };
    let check = |raw: &str, e: &Expected| verify_id_token(raw, metadata.jwks(), e, &provider);
    let good = token("deskfront", "deskfront-secret", "nonce-1").await;
    let ours = expected("deskfront", "deskfront-secret");
    let verified = check(&good, &ours).expect("a good token passes");
    assert_eq!(verified.claims.email, "rita.oidc@example.test");
    assert_eq!(verified.claims.groups, ["staff"]);

    // Issued to another client.
    let other = token("other-app", "other-secret", "nonce-1").await;
    assert!(matches!(
        check(&other, &ours),
        Err(TokenRefusal::Audience(_))
    ));

    // From an issuer other than the one configured.
    let wrong_issuer = Expected {
        issuer: "http://127.0.0.1:1",
        ..expected("deskfront", "deskfront-secret")
    };
    assert!(matches!(
        check(&good, &wrong_issuer),
        Err(TokenRefusal::Issuer(_))
    ));

    // For another sign-in (a replayed token).
    let other_nonce = Expected {
        nonce: "nonce-2",
        ..expected("deskfront", "deskfront-secret")
    };
    assert_eq!(check(&good, &other_nonce), Err(TokenRefusal::Nonce));

    // A signature changed by one byte.
    let (head, sig) = good.rsplit_once('.').unwrap();
    let mut sig = sig.as_bytes().to_vec();
    let middle = sig.len() / 2;
    sig[middle] = if sig[middle] == b'A' { b'B' } else { b'A' };
    let forged = format!("{head}.{}", String::from_utf8(sig).unwrap());
    assert!(matches!(
        check(&forged, &ours),
        Err(TokenRefusal::Signature(_))
    ));

    // Signed with a key the provider does not publish (the server then fetches keys again).
    let (header, rest) = good.split_once('.').unwrap();
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let mut json: serde_json::Value = serde_json::from_slice(&b64.decode(header).unwrap()).unwrap();
    json["kid"] = "rotated-away".into();
    let rekeyed = format!("{}.{rest}", b64.encode(json.to_string()));
    assert_eq!(check(&rekeyed, &ours), Err(TokenRefusal::UnknownKey));

    assert_eq!(check("not.a.token", &ours), Err(TokenRefusal::Malformed));

    // Expired: the short-lived client's tokens live two seconds. No clock skew is allowed.
    let short = token("deskfront-short", "short-secret", "nonce-1").await;
    let short_expected = expected("deskfront-short", "short-secret");
    assert!(check(&short, &short_expected).is_ok(), "fresh, it passes");
    tokio::time::sleep(std::time::Duration::from_millis(3_100)).await;
    assert!(matches!(
        check(&short, &short_expected),
        Err(TokenRefusal::Expired(_))
    ));
}

#[tokio::test]
async fn identity_rotated_provider_keys_are_fetched_again_once() {
    use app::backend::identity::ProviderDirectory;
    use server::routes::oidc::Oidc;
    let config = provider_config(&issuer());
    let directory = std::sync::Arc::new(ProviderDirectory::new([(
        "test".to_string(),
        "Test IdP".to_string(),
        "deskfront".to_string(),
    )]));
    let oidc = Oidc::new(&[config], directory, None, false);
    let raw = token("deskfront", "deskfront-secret", "nonce-r").await;
    assert!(oidc.verify_for("test", &raw, "nonce-r").await.is_ok());
    // A cache from before the provider's key rotation knows none of its current keys.
    oidc.forget_keys("test");
    let verified = oidc.verify_for("test", &raw, "nonce-r").await;
    assert!(verified.is_ok(), "{verified:?}");
    // A key id the provider does not publish even after fetching again is refused.
    let (header, rest) = raw.split_once('.').unwrap();
    use base64::Engine;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let mut json: serde_json::Value = serde_json::from_slice(&b64.decode(header).unwrap()).unwrap();
    json["kid"] = "never-published".into();
    let rekeyed = format!("{}.{rest}", b64.encode(json.to_string()));
    assert_eq!(
        oidc.verify_for("test", &rekeyed, "nonce-r").await,
        Err(TokenRefusal::UnknownKey)
    );
}

#[tokio::test]
async fn identity_a_provider_that_is_down_leaves_password_sign_in_working() {
    let mut db = TestDb::new().await;
    // Nothing listens on port 1.
    db.config.oidc = vec![provider_config("http://127.0.0.1:1")];
    let app = spawn_with(db).await;
    let client = app.client();
    let mut page = String::new();
    for _ in 0..50 {
        page = app.html(&client, "/login").await;
        if page.contains("provider-unavailable") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(
        page.contains("Sign in with Test IdP is unavailable right now"),
        "{page}"
    );
    assert!(page.contains("password-form"));
    let res = client
        .get(format!("{}/auth/oidc/test/start", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.headers()["location"],
        "/login?error=provider_unavailable"
    );
    let rita = app.signed_in(RITA).await;
    assert_eq!(me(&app, &rita).await["email"], RITA);
    // An unknown provider is a 404, not an error page.
    let res = client
        .get(format!("{}/auth/oidc/nope/start", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn identity_admins_only_keeps_password_sign_in_for_administrators() {
    let mut db = TestDb::new().await;
    db.config.oidc = vec![provider_config(&issuer())];
    db.config.local_sign_in = LocalSignIn::AdminsOnly;
    let app = spawn_with(db).await;
    let client = app.client();
    let page = app.html(&client, "/login").await;
    assert!(page.contains("Sign in with Test IdP"), "{page}");
    assert!(
        !page.contains("password-form"),
        "no password form by default"
    );
    assert!(page.contains("admin-sign-in"));
    assert!(app
        .html(&client, "/login?admin=1")
        .await
        .contains("password-form"));

    let res = client
        .post(format!("{}/api/login", app.base))
        .form(&[("email", RITA), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(me(&app, &client).await.is_null());
    let ada = app.signed_in(ADA).await;
    assert_eq!(me(&app, &ada).await["role"], "admin");
}
