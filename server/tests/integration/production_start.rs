//! A production start (no demo mode): no demo data and no demo accounts, a first administrator
//! made with `server admin create`, and a refusal to serve a database that still holds the demo
//! accounts with their published password.

use crate::common::{TestDb, PASSWORD, RITA};
use serde_json::Value;
use server::demo_guard::PUBLISHED_DEMO_PASSWORD;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const BOSS: &str = "it.boss@example.com";
const BOSS_PASSWORD: &str = "a long and private passphrase";

/// Runs the real `server` binary on `db` with `args`, `stdin` piped in (not a terminal, so the
/// password is read as one line).
/// Runs the server binary with `args` on `db`, `stdin` on its input. Waited for on a blocking
/// thread, so the test's runtime keeps serving any instance the test started: frozen while a
/// job of theirs held SQLite's write lock, it would keep the command from the database.
async fn server_command(db: &TestDb, args: &[&str], stdin: &str) -> Output {
    let database_url = db.config.database_url.clone();
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let stdin = stdin.to_string();
    tokio::task::spawn_blocking(move || {
        let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
            .args(&args)
            .env_remove("DATABASE_URL")
            .env("DESKFRONT_CONFIG", "/dev/null")
            .env("DESKFRONT_DATABASE_URL", &database_url)
            .env("RUST_LOG", "warn")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the server binary runs");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    })
    .await
    .unwrap()
}

async fn sign_in(app: &crate::common::TestApp, email: &str, password: &str) -> Value {
    app.client()
        .post(format!("{}/api/login", app.base))
        .form(&[("email", email), ("password", password)])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap_or(Value::Null)
}

#[tokio::test]
async fn a_production_start_has_no_demo_data_and_no_demo_accounts() {
    let db = TestDb::production().await;
    let app = db.spawn("prod").await;

    let refused = sign_in(&app, RITA, PASSWORD).await;
    assert_eq!(refused["error"], "invalid", "{refused}");
    let refused = sign_in(&app, "ada.admin@deskfront.test", PUBLISHED_DEMO_PASSWORD).await;
    assert_eq!(refused["error"], "invalid", "{refused}");

    let html = app.html(&app.client(), "/login").await;
    assert!(html.contains("Sign in to Deskfront"), "{html}");
    assert!(
        !html.contains("Demo accounts"),
        "the sign-in page lists demo accounts"
    );
    assert!(
        !html.contains("deskfront.test"),
        "a demo address is on the page"
    );

    let methods = app.call_json(&app.client(), "sign_in_methods", &[]).await;
    assert_eq!(methods["demo_accounts"], serde_json::json!([]));

    let store = db.store().await;
    assert!(
        store.is_empty().await.unwrap(),
        "the demo catalog was loaded"
    );
}

#[tokio::test]
async fn demo_mode_lists_the_demo_accounts_on_the_sign_in_page() {
    let db = TestDb::new().await;
    let app = db.spawn("demo").await;
    let html = app.html(&app.client(), "/login").await;
    assert!(html.contains("Demo accounts"), "{html}");
    assert!(html.contains(RITA));
}

#[tokio::test]
async fn admin_create_makes_the_first_administrator_from_a_password_on_stdin() {
    let db = TestDb::production().await;

    // Refusals write nothing: a short password, the demo password, a bad address, a password
    // given as an argument.
    for (args, stdin, says) in [
        (vec!["admin", "create", BOSS], "short\n", "at least 12"),
        (
            vec!["admin", "create", BOSS],
            "deskfront-demo\n",
            "demo password",
        ),
        (
            vec!["admin", "create", "not-an-address"],
            "a long and private passphrase\n",
            "not an e-mail address",
        ),
        (
            vec!["admin", "create", BOSS, BOSS_PASSWORD],
            "",
            "usage: server admin create",
        ),
    ] {
        let out = server_command(&db, &args, stdin).await;
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} was accepted");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }

    let out = server_command(
        &db,
        &["admin", "create", BOSS, "--name", "Ines Boss"],
        &format!("{BOSS_PASSWORD}\n"),
    )
    .await;
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains(BOSS_PASSWORD), "the password was echoed");
    let id: i64 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert!(id > 0);

    // The same address again is refused, and the first account keeps its password.
    let out = server_command(&db, &["admin", "create", BOSS], "another long passphrase\n").await;
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("already has an account"));

    let app = db.spawn("prod").await;
    let client = app.signed_in_with(BOSS, BOSS_PASSWORD).await;
    let me = app.call_json(&client, "me", &[]).await;
    assert_eq!(me["role"], "admin", "{me}");
    assert_eq!(me["name"], "Ines Boss");
    assert_eq!(me["id"], id);

    // The first administrator's creation is the audit log's first entry.
    let log = app.call_json(&client, "audit_log", &[]).await;
    assert_eq!(log["total"], 1, "{log}");
    let entry = &log["items"][0];
    assert_eq!(entry["kind"], "person");
    assert_eq!(entry["action"], "create");
    assert_eq!(entry["subject"], BOSS);
    assert_eq!(entry["actor"], "command line");
    assert!(
        entry["after"]
            .as_str()
            .unwrap()
            .contains("\"role\":\"admin\""),
        "{entry}"
    );
    assert!(!log.to_string().contains(BOSS_PASSWORD));
}

#[tokio::test]
async fn a_production_start_refuses_a_database_with_the_demo_accounts() {
    // A demo tried out first with the README's password, then started for real on the same file.
    let mut db = TestDb::new().await;
    db.config.demo_password = PUBLISHED_DEMO_PASSWORD.into();
    let _demo = db.spawn("demo").await;

    let mut production = db.config.clone();
    production.demo = false;
    production.demo_password = "whatever the new configuration says".into();
    let options = leptos::prelude::LeptosOptions::builder()
        .output_name("deskfront")
        .site_root("target/site")
        .build();
    let Err(err) = server::build(&production, options).await else {
        panic!("a production start on the demo accounts must fail");
    };
    let message = err.to_string();
    assert!(message.contains("demo accounts"), "{message}");
    assert!(message.contains("DESKFRONT_DEMO=true"), "{message}");

    // Every command that opens the database refuses it too.
    let out = server_command(
        &db,
        &["admin", "create", "x@example.com"],
        "a long and private passphrase\n",
    )
    .await;
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("demo accounts"), "{stderr}");
}
