//! The edges around the access rules, over real HTTP: cross-site posts, statuses of refusals,
//! pages for other roles, response headers, secure cookies, sign-in throttling across
//! instances, redirects after sign-in, notices from the query string and the integration API's
//! rate.

use crate::common::*;
use reqwest::header::{HeaderMap, HeaderValue, ORIGIN};
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

const ADA: &str = "ada.admin@deskfront.test";

fn with(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (name, value) in pairs {
        h.insert(*name, HeaderValue::from_str(value).unwrap());
    }
    h
}

async fn login(app: &TestApp, client: &Client, email: &str, password: &str) -> reqwest::Response {
    client
        .post(format!("{}/api/login", app.base))
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn cross_site_posts_are_refused_and_the_portals_own_pass() {
    let app = spawn().await;

    // Another site's page, a post that names no origin at all, and a sandboxed frame's "null".
    for headers in [
        with(&[("origin", "http://evil.example")]),
        HeaderMap::new(),
        with(&[("origin", "null")]),
        with(&[("sec-fetch-site", "cross-site")]),
        with(&[("referer", "http://evil.example/page")]),
    ] {
        let client = app.client_with(headers.clone());
        let res = login(&app, &client, RITA, PASSWORD).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{headers:?}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"], "forbidden");
        assert!(
            res_has_no_cookie(&client, &app).await,
            "no session was started"
        );
    }

    // Signed in, a cross-site post of a whole request form (no JavaScript) is refused too,
    // and writes nothing.
    let rita = app.signed_in(RITA).await;
    let form = reqwest::multipart::Form::new()
        .text("idempotency_key", "cross-site-0001")
        .text("form_version", "1")
        .text("f.model", "Standard 14\"");
    let res = rita
        .post(format!("{}/catalog/laptop", app.base))
        .header(ORIGIN, "http://evil.example")
        .header("accept", "text/html")
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let mine: Value = app.call_json(&rita, "my_requests", &[("page", "1")]).await;
    assert_eq!(mine["total"], 0);

    // The portal's own pages: by Origin, or without one by fetch metadata or the referrer.
    for headers in [
        with(&[("origin", &app.base)]),
        with(&[("sec-fetch-site", "same-origin")]),
        with(&[("referer", &format!("{}/login", app.base))]),
    ] {
        let client = app.client_with(headers.clone());
        let res = login(&app, &client, RITA, PASSWORD).await;
        assert_eq!(res.status(), StatusCode::OK, "{headers:?}");
    }

    // Reads are not checked; the token API has no cookie to borrow and is not either.
    let res = app
        .client_with(with(&[("origin", "http://evil.example")]))
        .get(format!("{}/healthz", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let res = Client::new()
        .post(format!("{}/api/v1/incidents", app.base))
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

/// Whether a refused sign-in left the client without a session: `me` answers nobody.
async fn res_has_no_cookie(client: &Client, app: &TestApp) -> bool {
    let res = client
        .post(format!("{}/api/me", app.base))
        .header(ORIGIN, &app.base)
        .send()
        .await
        .unwrap();
    res.json::<Value>().await.unwrap().is_null()
}

#[tokio::test]
async fn every_refusal_answers_its_own_status() {
    let app = spawn().await;
    let anon = app.client();
    let res = app.call(&anon, "my_requests", &[("page", "1")]).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    let res = login(&app, &anon, RITA, "wrong password").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let rita = app.signed_in(RITA).await;
    let res = app
        .call(&rita, "request", &[("number", "REQ0099999")])
        .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = app.call(&rita, "queue", &[]).await;
    assert_eq!(
        res.status(),
        StatusCode::FORBIDDEN,
        "{}",
        res.text().await.unwrap()
    );

    let mut retired = laptop_order("retired-item-status");
    retired["item_slug"] = json!("blackberry-handset");
    retired["answers"] = json!({});
    assert_eq!(
        app.submit(&rita, retired).await.status(),
        StatusCode::CONFLICT
    );

    let res = app
        .call(&rita, "my_requests", &[("page", "not a number")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A plain form post is still sent back to its page, with the notice's code.
    let res = anon
        .post(format!("{}/api/login", app.base))
        .header("accept", "text/html")
        .form(&[("email", RITA), ("password", "wrong password")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FOUND);
    let to = res.headers()["location"].to_str().unwrap();
    assert!(to.contains("error=sign_in_failed"), "{to}");
}

#[tokio::test]
async fn pages_for_other_roles_answer_the_refusal_without_their_controls() {
    let app = spawn().await;
    let rita = app.signed_in(RITA).await;
    for (path, status, control) in [
        ("/admin/integrations", StatusCode::NOT_FOUND, "create-token"),
        ("/admin/people", StatusCode::NOT_FOUND, "new-person"),
        ("/admin/catalog", StatusCode::NOT_FOUND, "new-item"),
        ("/desk", StatusCode::FORBIDDEN, "queue-filters"),
        ("/dashboard", StatusCode::FORBIDDEN, "period-label"),
        ("/editor/articles", StatusCode::FORBIDDEN, "new-article"),
    ] {
        let res = rita
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), status, "{path}");
        let html = res.text().await.unwrap();
        assert!(html.contains("notice-error"), "{path} shows the refusal");
        assert!(!html.contains(control), "{path} shows none of its controls");
    }
    let ada = app.signed_in(ADA).await;
    let res = ada
        .get(format!("{}/admin/integrations", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.text().await.unwrap().contains("create-token"));
}

fn nonce_of(csp: &str) -> &str {
    let start = csp.find("'nonce-").expect("a nonce in the policy") + 7;
    let len = csp[start..].find('\'').unwrap();
    &csp[start..start + len]
}

#[tokio::test]
async fn a_page_an_asset_and_an_error_carry_the_security_headers() {
    let app = spawn().await;
    let client = app.signed_in(RITA).await;
    let mut nonces = Vec::new();
    for (path, status) in [
        ("/", StatusCode::OK),
        ("/healthz", StatusCode::OK),
        ("/manifest.webmanifest", StatusCode::NOT_FOUND),
        ("/no/such/page", StatusCode::NOT_FOUND),
    ] {
        let res = client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), status, "{path}");
        let h = res.headers().clone();
        assert_eq!(h["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(h["referrer-policy"], "same-origin", "{path}");
        assert_eq!(h["x-frame-options"], "DENY", "{path}");
        assert!(
            h.get("strict-transport-security").is_none(),
            "no HSTS over plain HTTP"
        );
        let csp = h["content-security-policy"].to_str().unwrap().to_string();
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(
            !csp.contains("unsafe-inline'") || !csp.contains("script-src 'self' 'unsafe-inline")
        );
        assert!(!h["x-deskfront-instance"].to_str().unwrap().is_empty());
        let nonce = nonce_of(&csp).to_string();
        if path == "/" || path == "/no/such/page" {
            // Every script the page carries has this response's nonce.
            let html = res.text().await.unwrap();
            let scripts = html.matches("<script").count();
            assert!(scripts > 0, "{path}");
            assert_eq!(
                html.matches(&format!("nonce=\"{nonce}\"")).count(),
                scripts,
                "{path}: {html}"
            );
        }
        nonces.push(nonce);
    }
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), 4, "a fresh nonce for every response");
}

#[tokio::test]
async fn an_https_portal_sets_a_host_only_secure_cookie_and_hsts() {
    let mut db = TestDb::new().await;
    db.config.public_url = Some("https://desk.example.com".into());
    let app = db.spawn("tls").await;
    // Its pages are at the public URL; the address the test reaches it by is not its origin.
    let own = app.client();
    let res = login(&app, &own, RITA, PASSWORD).await;
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = res.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("__Host-deskfront_session="), "{cookie}");
    assert!(cookie.contains("; Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"));
    assert!(res.headers()["strict-transport-security"]
        .to_str()
        .unwrap()
        .starts_with("max-age="));
    let other = app.client_with(with(&[("origin", &app.base)]));
    assert_eq!(
        login(&app, &other, RITA, PASSWORD).await.status(),
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn failed_sign_ins_are_throttled_across_instances() {
    let db = TestDb::new().await;
    let a = db.spawn("a").await;
    let b = db.spawn("b").await;
    let on_a = a.client();
    let on_b = b.client();
    for _ in 0..3 {
        let res = login(&a, &on_a, TOM, "wrong password").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    for _ in 0..3 {
        let res = login(&b, &on_b, TOM, "wrong password").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    // Six failures between them: the next try waits, on either instance, even with the right
    // password, and says for how long.
    for (app, client) in [(&a, &on_a), (&b, &on_b)] {
        let res = login(app, client, TOM, PASSWORD).await;
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        let retry: u64 = res.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=30).contains(&retry), "{retry}");
        let body: Value = res.json().await.unwrap();
        assert_eq!(body["error"], "too_many");
        assert!(body["message"].as_str().unwrap().contains("seconds"));
    }
    // Another account from the same address is not held up by Tom's.
    assert_eq!(
        login(&a, &on_a, RITA, PASSWORD).await.status(),
        StatusCode::OK
    );
    // A plain form is sent back with the throttling notice.
    let res = on_a
        .post(format!("{}/api/login", a.base))
        .header("accept", "text/html")
        .form(&[("email", TOM), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let to = res.headers()["location"].to_str().unwrap();
    assert!(to.contains("error=too_many"), "{to}");
}

#[tokio::test]
async fn sign_in_only_ever_sends_people_on_within_the_portal() {
    let app = spawn().await;
    let corpus = [
        ("/requests?page=2", "/requests?page=2"),
        ("//evil.example", "/"),
        ("/%09/evil.example", "/"),
        ("/\\evil.example", "/"),
        ("https:evil.example", "/"),
        ("https://evil.example/", "/"),
        ("/%5C%5Cevil.example", "/"),
        ("javascript:alert(1)", "/"),
        (" //evil.example", "/"),
    ];
    for (next, expected) in corpus {
        let client = app.client();
        let res = client
            .post(format!("{}/api/login", app.base))
            .header("accept", "text/html")
            .form(&[("email", RITA), ("password", PASSWORD), ("next", next)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::FOUND, "{next}");
        assert_eq!(res.headers()["location"], expected, "{next:?}");
    }
}

#[tokio::test]
async fn a_notice_in_the_address_shows_only_our_own_words() {
    let app = spawn().await;
    let client = app.client();
    let html = app
        .html(
            &client,
            "/login?error=Your%20account%20is%20locked.%20Call%20555-0100",
        )
        .await;
    assert!(!html.contains("555-0100"));
    assert!(!html.contains("login-error"));
    let html = app.html(&client, "/login?error=sign_in_failed").await;
    assert!(html.contains("That email and password do not match an account."));
}

#[tokio::test]
async fn an_integration_token_past_its_rate_waits() {
    let mut db = TestDb::new().await;
    db.config.integration_requests_per_minute = 2;
    let app = db.spawn("rate").await;
    let ada = app.signed_in(ADA).await;
    let body: Value = app
        .call_json(
            &ada,
            "create_integration_token",
            &[("name", "Busy monitor")],
        )
        .await;
    let token = body["token"].as_str().unwrap().to_string();
    let send = || {
        Client::new()
            .post(format!("{}/api/v1/incidents", app.base))
            .bearer_auth(&token)
            .json(&json!({ "item": "no-such-item", "key": "rate-key-0001", "answers": {} }))
            .send()
    };
    for _ in 0..2 {
        assert_eq!(
            send().await.unwrap().status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    let res = send().await.unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(res.headers().contains_key("retry-after"));
}

/// A real 1×1 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0,
    1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89, 0, 0, 0, 0x0D, 0x49, 0x44, 0x41, 0x54,
    0x78, 0xDA, 0x63, 0xFC, 0xCF, 0xC0, 0x50, 0x0F, 0, 0x04, 0x85, 0x01, 0x80, 0x84, 0xA9, 0x8C,
    0x21, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

#[tokio::test]
async fn an_attachments_type_is_what_its_bytes_say() {
    let app = spawn().await;
    let sam = app.signed_in("sam.store@deskfront.test").await;
    // The browser's word counts for nothing: a PNG sent as a PDF named .pdf is refused...
    let refused = app
        .upload(&sam, "invoice.pdf", "application/pdf", PNG.to_vec())
        .await;
    assert_eq!(refused["error"], "invalid", "{refused}");
    assert!(refused["fields"]["file"].as_str().unwrap().contains(".pdf"));
    // ...and a PNG sent as text/html but named .png is stored, and served, as a PNG.
    let stored = app
        .upload(&sam, "till.png", "text/html", PNG.to_vec())
        .await;
    let id = stored["id"].as_i64().expect("stored");
    let res = sam
        .get(format!("{}/attachments/{id}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["content-type"], "image/png");
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    let script = app
        .upload(
            &sam,
            "notes.txt",
            "text/plain",
            b"MZ\x90\0\x03\0\0\0binary".to_vec(),
        )
        .await;
    assert_eq!(script["error"], "invalid", "{script}");
}

#[tokio::test]
async fn a_form_post_carries_a_bounded_number_of_files() {
    let app = spawn().await;
    let sam = app.signed_in("sam.store@deskfront.test").await;
    let mut form = reqwest::multipart::Form::new().text("idempotency_key", "many-files-0001");
    for i in 0..11 {
        let part = reqwest::multipart::Part::bytes(PNG.to_vec())
            .file_name(format!("p{i}.png"))
            .mime_str("image/png")
            .unwrap();
        form = form.part("f.photo", part);
    }
    let res = sam
        .post(format!("{}/catalog/receipt-printer-fault", app.base))
        .header("accept", "text/html")
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn files_never_attached_to_a_ticket_are_purged_after_a_day() {
    let db = TestDb::new().await;
    let app = db.spawn("purge").await;
    let sam = app.signed_in("sam.store@deskfront.test").await;
    let orphan = app
        .upload(&sam, "left.png", "image/png", PNG.to_vec())
        .await["id"]
        .as_i64()
        .unwrap();
    let kept = app
        .upload(&sam, "kept.png", "image/png", PNG.to_vec())
        .await["id"]
        .as_i64()
        .unwrap();
    let res = app
        .submit(
            &sam,
            json!({
                "item_slug": "receipt-printer-fault", "form_version": 1,
                "idempotency_key": "purge-keeps-0001",
                "answers": { "store": ["S012"], "asset": ["S012-PRN-01"],
                    "symptom": ["Faded or blank receipts"], "impact": ["one_device"],
                    "urgency": ["today"], "description": ["Receipts come out blank."],
                    "photo": [kept.to_string()] }
            }),
        )
        .await;
    assert!(res.status().is_success(), "{}", res.text().await.unwrap());
    let files = || {
        std::fs::read_dir(&db.config.attachments_dir)
            .unwrap()
            .count()
    };
    assert_eq!(files(), 2);

    let store = db.store().await;
    let dir = &db.config.attachments_dir;
    let now = chrono::Utc::now();
    // Younger than a day: both stay.
    let removed =
        server::jobs::purge_orphan_attachments(&*store, dir, now - chrono::Duration::days(1))
            .await
            .unwrap();
    assert_eq!(removed, 0);
    // A day on: the orphan goes, file and record; the ticket's photo stays.
    let later = now + chrono::Duration::seconds(5);
    let removed = server::jobs::purge_orphan_attachments(&*store, dir, later)
        .await
        .unwrap();
    assert_eq!(removed, 1);
    assert_eq!(files(), 1);
    let gone = sam
        .get(format!("{}/attachments/{orphan}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    let there = sam
        .get(format!("{}/attachments/{kept}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(there.status(), StatusCode::OK);
}
