//! Starts the real server on a free port with a fresh SQLite file and the demo data, and
//! signs people in over real HTTP.
#![allow(dead_code)]

use leptos::prelude::LeptosOptions;
use reqwest::{redirect, Client, Response};
use serde_json::{json, Value};
use server::config::Config;
use tempfile::TempDir;

pub const PASSWORD: &str = "integration-test-password";
pub const RITA: &str = "rita.requester@deskfront.test";
pub const LENA: &str = "lena.lead@deskfront.test";
pub const TOM: &str = "tom.requester@deskfront.test";
pub const PRIYA: &str = "priya.approver@deskfront.test";
pub const AHMED: &str = "ahmed.agent@deskfront.test";

pub struct TestApp {
    pub base: String,
    _dir: TempDir,
}

pub async fn spawn() -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config {
        database_url: format!("sqlite://{}/test.db", dir.path().display()),
        attachments_dir: dir.path().join("attachments"),
        demo_password: PASSWORD.into(),
        max_attachment_mb: 1,
        ..Config::default()
    };
    let options = LeptosOptions::builder()
        .output_name("deskfront")
        .site_root(dir.path().display().to_string())
        .build();
    let router = server::build(&config, options)
        .await
        .expect("server builds");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    TestApp {
        base: format!("http://{addr}"),
        _dir: dir,
    }
}

impl TestApp {
    /// A browser-like client that keeps cookies and does not follow redirects, so tests can
    /// see where the server sends people.
    pub fn client(&self) -> Client {
        Client::builder()
            .cookie_store(true)
            .redirect(redirect::Policy::none())
            .build()
            .unwrap()
    }

    pub async fn signed_in(&self, email: &str) -> Client {
        let client = self.client();
        let res = client
            .post(format!("{}/api/login", self.base))
            .form(&[("email", email), ("password", PASSWORD), ("next", "/")])
            .send()
            .await
            .unwrap();
        assert!(
            res.status().is_success(),
            "sign-in of {email} failed: {}",
            res.status()
        );
        client
    }

    pub async fn call(&self, client: &Client, name: &str, form: &[(&str, &str)]) -> Response {
        client
            .post(format!("{}/api/{name}", self.base))
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// Calls a server function and returns its JSON answer, success or error.
    pub async fn call_json(&self, client: &Client, name: &str, form: &[(&str, &str)]) -> Value {
        self.call(client, name, form).await.json().await.unwrap()
    }

    /// Uploads one file through the `upload` server function and returns its JSON answer.
    pub async fn upload(&self, client: &Client, name: &str, mime: &str, bytes: Vec<u8>) -> Value {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(name.to_string())
            .mime_str(mime)
            .unwrap();
        client
            .post(format!("{}/api/upload", self.base))
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    pub async fn submit(&self, client: &Client, body: Value) -> Response {
        client
            .post(format!("{}/api/submit_request", self.base))
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// A laptop order whose "Other" model makes the justification field required.
    pub async fn order_laptop(&self, client: &Client, key: &str) -> Value {
        let res = self.submit(client, laptop_order(key)).await;
        let status = res.status();
        let body: Value = res.json().await.unwrap();
        assert!(status.is_success(), "submit failed: {body}");
        body
    }
}

pub fn laptop_order(key: &str) -> Value {
    json!({
        "item_slug": "laptop",
        "form_version": 1,
        "idempotency_key": key,
        "answers": {
            "model": ["Other"],
            "justification": ["I need a larger screen for the store planning tool, which the standard laptop cannot run."],
            "needed_by": ["2027-01-15"],
            "for_someone_else": ["no"]
        }
    })
}
