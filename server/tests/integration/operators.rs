//! What operators see: `/readyz`, `/metrics` behind its token with counters that move when
//! the thing they count happens, and a request id on every answer that is also the reference
//! of an internal error.

use crate::common::*;
use reqwest::StatusCode;

const TOKEN: &str = "metrics-token-for-the-test";

async fn scrape(app: &TestApp) -> String {
    let res = reqwest::Client::new()
        .get(format!("{}/metrics", app.base))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    res.text().await.unwrap()
}

/// The value of the sample whose line starts with `prefix` (0 when absent).
fn sample(text: &str, prefix: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(prefix))
        .and_then(|l| l.rsplit(' ').next())
        .map_or(0.0, |v| v.parse().unwrap())
}

#[tokio::test]
async fn readiness_and_liveness_answer_without_a_session() {
    let app = spawn().await;
    let client = reqwest::Client::new();
    for path in ["/healthz", "/readyz"] {
        let res = client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
    }
}

#[tokio::test]
async fn metrics_need_their_token_and_their_counters_move() {
    let closed = spawn().await;
    let res = reqwest::get(format!("{}/metrics", closed.base))
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::NOT_FOUND,
        "no token configured: no metrics"
    );

    let mut db = TestDb::new().await;
    db.config.metrics_token = Some(TOKEN.into());
    let app = db.spawn("metrics").await;
    let res = reqwest::get(format!("{}/metrics", app.base)).await.unwrap();
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    // The counters are the process's, shared by the tests running in it: compare before and
    // after, and only expect growth.
    let before = scrape(&app).await;
    let client = app.client();
    let res = client
        .post(format!("{}/api/login", app.base))
        .form(&[("email", RITA), ("password", "wrong password")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let rita = app.signed_in(RITA).await;
    app.order_laptop(&rita, "metrics-key-0001").await;
    app.order_laptop(&rita, "metrics-key-0001").await;
    let cross = app.client_with(Default::default());
    let res = cross
        .post(format!("{}/api/logout", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let page = rita
        .get(format!("{}/catalog/laptop", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let after = scrape(&app).await;

    for (name, at_least) in [
        ("deskfront_sign_in_failures_total ", 1.0),
        ("deskfront_submissions_accepted_total ", 1.0),
        ("deskfront_submissions_duplicate_total ", 1.0),
        ("deskfront_cross_site_refused_total ", 1.0),
        ("deskfront_server_fn_errors_total{status=\"422\"} ", 1.0),
        (
            "deskfront_http_requests_count{route=\"/catalog/{slug}\",status=\"200\"} ",
            1.0,
        ),
    ] {
        let grew = sample(&after, name) - sample(&before, name);
        assert!(grew >= at_least, "{name} grew by {grew}:\n{after}");
    }
    assert!(sample(&after, "deskfront_db_pool_max ") >= 1.0);
}

#[tokio::test]
async fn every_answer_carries_a_request_id() {
    let app = spawn().await;
    let client = app.client();
    let a = client
        .get(format!("{}/login", app.base))
        .send()
        .await
        .unwrap();
    let b = client
        .get(format!("{}/login", app.base))
        .send()
        .await
        .unwrap();
    let id = |r: &reqwest::Response| r.headers()["x-request-id"].to_str().unwrap().to_string();
    assert!(id(&a).starts_with('E') && id(&a).len() == 9, "{}", id(&a));
    assert_ne!(id(&a), id(&b));
}
