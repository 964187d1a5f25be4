//! Starts the real server on a free port with a fresh database and the demo data (demo mode),
//! and signs people in over real HTTP. `TestDb::production()` starts without demo mode.
//!
//! The database is a new SQLite file, or, when `DESKFRONT_TEST_POSTGRES` names a PostgreSQL
//! server (`postgres://user:password@host:port`, as `scripts/postgres.sh` prints it), a new
//! database on that server: the same suite proves both adapters.
#![allow(dead_code)]

use leptos::prelude::LeptosOptions;
use reqwest::{redirect, Client, Response};
use serde_json::{json, Value};
use server::config::Config;
use server::store::Housekeeping;
use sqlx::Connection;
use std::sync::Arc;
use tempfile::TempDir;

mod mail_sink;
pub mod oidc;
pub use mail_sink::*;

pub const PASSWORD: &str = "integration-test-password";
pub const RITA: &str = "rita.requester@deskfront.test";
pub const LENA: &str = "lena.lead@deskfront.test";
pub const TOM: &str = "tom.requester@deskfront.test";
pub const PRIYA: &str = "priya.approver@deskfront.test";
pub const AHMED: &str = "ahmed.agent@deskfront.test";
pub const EVE: &str = "eve.editor@deskfront.test";

/// One empty database (and attachments folder) that one or several instances share.
pub struct TestDb {
    pub config: Config,
    dir: TempDir,
}

impl TestDb {
    /// A database for demo mode: the demo data, and every demo account with `PASSWORD`.
    pub async fn new() -> TestDb {
        let dir = tempfile::tempdir().expect("temp dir");
        let database_url = match std::env::var("DESKFRONT_TEST_POSTGRES") {
            Ok(server) => fresh_postgres_database(&server).await,
            Err(_) => format!("sqlite://{}/test.db", dir.path().display()),
        };
        let config = Config {
            database_url,
            attachments_dir: dir.path().join("attachments"),
            demo: true,
            demo_password: PASSWORD.into(),
            max_attachment_mb: 1,
            view_flush_secs: 1,
            ..Config::default()
        };
        TestDb { config, dir }
    }

    /// A database for a production start: no demo mode, so no demo data and no accounts.
    pub async fn production() -> TestDb {
        let mut db = TestDb::new().await;
        db.config.demo = false;
        db
    }

    pub fn is_postgres(&self) -> bool {
        self.config.database_url.starts_with("postgres")
    }

    /// A server instance on this database, named `instance` in its response headers. Its
    /// public URL is `SHARED_ORIGIN` unless the test set one: instances behind one load balancer
    /// share the origin their pages come from, so a client of one may post to the other.
    pub async fn spawn(&self, instance: &str) -> TestApp {
        let public_url = self
            .config
            .public_url
            .clone()
            .or_else(|| Some(SHARED_ORIGIN.into()));
        self.spawn_at(instance, public_url).await
    }

    async fn spawn_at(&self, instance: &str, public_url: Option<String>) -> TestApp {
        let config = Config {
            instance_name: instance.into(),
            public_url: public_url.clone(),
            ..self.config.clone()
        };
        let options = LeptosOptions::builder()
            .output_name("deskfront")
            .site_root(self.dir.path().display().to_string())
            .build();
        let router = server::build(&config, options)
            .await
            .expect("server builds");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
        tokio::spawn(async move { axum::serve(listener, service).await.unwrap() });
        let base = format!("http://{addr}");
        TestApp {
            origin: public_url.unwrap_or_else(|| base.clone()),
            base,
            _db: None,
        }
    }

    /// Runs one statement on the database directly, with text parameters: for a state the
    /// portal itself would not let a test reach quickly.
    pub async fn execute(&self, sql: &str, params: &[&str]) {
        let url = &self.config.database_url;
        if self.is_postgres() {
            let mut c = sqlx::PgConnection::connect(url).await.unwrap();
            let mut q = sqlx::query(sql);
            for p in params {
                q = q.bind(*p);
            }
            q.execute(&mut c).await.unwrap();
        } else {
            let mut c = sqlx::SqliteConnection::connect(url).await.unwrap();
            let mut q = sqlx::query(sql);
            for p in params {
                q = q.bind(*p);
            }
            q.execute(&mut c).await.unwrap();
        }
    }

    /// The database as the server's housekeeping sees it, for tests of periodic jobs.
    pub async fn store(&self) -> Arc<dyn Housekeeping> {
        server::open_store(&self.config).await.expect("store opens")
    }
}

/// Creates a uniquely named database so tests running in parallel never share one.
async fn fresh_postgres_database(server: &str) -> String {
    let server = server.trim_end_matches('/');
    let name = format!("deskfront_test_{:016x}", rand_suffix());
    let mut admin = sqlx::PgConnection::connect(&format!("{server}/postgres"))
        .await
        .expect("the test PostgreSQL server accepts connections");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .expect("create the test database");
    format!("{server}/{name}")
}

fn rand_suffix() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos(),
    );
    h.finish()
}

/// The origin of several instances' pages (see `TestDb::spawn`).
pub const SHARED_ORIGIN: &str = "http://deskfront.test";

pub struct TestApp {
    pub base: String,
    /// The origin this instance's pages are at: the clients' `Origin` header.
    pub origin: String,
    _db: Option<TestDb>,
}

/// One instance on its own fresh database.
pub async fn spawn() -> TestApp {
    let db = TestDb::new().await;
    // No public URL: the origin is the address the request was sent to, as on a plain start.
    let mut app = db.spawn_at("test", None).await;
    app._db = Some(db);
    app
}

/// One instance on `db`, with no public URL (the origin is the address requests are sent to,
/// so redirect URIs name the real port).
pub async fn spawn_with(db: TestDb) -> TestApp {
    let mut app = db.spawn_at("test", None).await;
    app._db = Some(db);
    app
}

impl TestApp {
    /// The database of an app made by `spawn()`, to check what was written.
    pub async fn store(&self) -> Arc<dyn Housekeeping> {
        self._db
            .as_ref()
            .expect("spawn() keeps its database")
            .store()
            .await
    }

    /// A browser-like client that keeps cookies and does not follow redirects, so tests can
    /// see where the server sends people. Like a browser on the portal's pages, it sends the
    /// portal's origin with every request (see `cross_site` for one that does not).
    pub fn client(&self) -> Client {
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(reqwest::header::ORIGIN, self.origin.parse().unwrap());
        self.client_with(headers)
    }

    /// A cookie-keeping client that sends `headers` with every request.
    pub fn client_with(&self, headers: reqwest::header::HeaderMap) -> Client {
        Client::builder()
            .default_headers(headers)
            .cookie_store(true)
            .redirect(redirect::Policy::none())
            // A render that never answers fails its test instead of stalling the whole run.
            .timeout(std::time::Duration::from_secs(60))
            .build()
            .unwrap()
    }

    /// A page's HTML as `client` gets it.
    pub async fn html(&self, client: &Client, path: &str) -> String {
        client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// A client signed in with `email` and `password` (an account made by the test itself).
    pub async fn signed_in_with(&self, email: &str, password: &str) -> Client {
        let client = self.client();
        let res = client
            .post(format!("{}/api/login", self.base))
            .form(&[("email", email), ("password", password)])
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

    /// The slugs the knowledge base's JSON search finds for `q`, in order, for a reader whose
    /// browser asks for `languages`.
    pub async fn kb_slugs(&self, client: &Client, q: &str, languages: &str) -> Vec<String> {
        let body: Value = client
            .get(format!("{}/api/v1/kb/search", self.base))
            .header("accept-language", languages)
            .query(&[("q", q)])
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        body["results"]
            .as_array()
            .unwrap_or_else(|| panic!("{body}"))
            .iter()
            .map(|r| r["slug"].as_str().unwrap().to_string())
            .collect()
    }

    /// Calls a server function and returns its JSON answer, success or error.
    pub async fn call_json(&self, client: &Client, name: &str, form: &[(&str, &str)]) -> Value {
        self.call(client, name, form).await.json().await.unwrap()
    }

    /// `call_json` from a browser that asks for `languages` (an `Accept-Language` value).
    pub async fn call_json_in(
        &self,
        client: &Client,
        name: &str,
        form: &[(&str, &str)],
        languages: &str,
    ) -> Value {
        client
            .post(format!("{}/api/{name}", self.base))
            .header("accept-language", languages)
            .form(form)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
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

    /// A card-reader fault at store S012 reported by `client` (needed now); `impact` decides
    /// the priority (`whole_store` makes a P1). Returns the ticket number.
    pub async fn report_card_reader(&self, client: &Client, key: &str, impact: &str) -> String {
        let res = self
            .submit(
                client,
                json!({
                    "item_slug": "card-reader-fault",
                    "form_version": 1,
                    "idempotency_key": key,
                    "answers": {
                        "store": ["S012"],
                        "asset": ["S012-CRD-01"],
                        "symptom": ["Declining all cards"],
                        "impact": [impact],
                        "urgency": ["now"],
                        "description": ["Every card is declined at every till since opening."],
                    }
                }),
            )
            .await;
        let status = res.status();
        let body: Value = res.json().await.unwrap();
        assert!(status.is_success(), "report failed: {body}");
        body["number"].as_str().unwrap().to_string()
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
