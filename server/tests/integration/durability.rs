//! Durability under faults. The server process killed with SIGKILL in the middle of a burst of
//! submissions: after a restart every acknowledged submission is there, and clients that retry
//! with their keys get the same numbers, none doubled. And a writer that finds SQLite locked by
//! another connection waits for it and succeeds.

use crate::common::*;
use serde_json::Value;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The real `server` binary on `db`'s SQLite file, in demo mode, listening on a free port.
fn start_server(dir: &std::path::Path, port: u16) -> Child {
    let site = dir.join("site");
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    Command::new(env!("CARGO_BIN_EXE_server"))
        .current_dir(dir)
        .env("DESKFRONT_CONFIG", "/dev/null")
        .env("LEPTOS_OUTPUT_NAME", "deskfront")
        .env("LEPTOS_SITE_ROOT", &site)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env(
            "DESKFRONT_DATABASE_URL",
            format!("sqlite://{}/kill.db", dir.display()),
        )
        .env("DESKFRONT_ATTACHMENTS_DIR", dir.join("attachments"))
        .env("DESKFRONT_DEMO", "true")
        .env("DESKFRONT_DEMO_PASSWORD", PASSWORD)
        .env(
            "DESKFRONT_SEED_DIR",
            concat!(env!("CARGO_MANIFEST_DIR"), "/seed"),
        )
        .env("DESKFRONT_JOBS_ENABLED", "false")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server binary starts")
}

async fn wait_ready(base: &str) {
    for _ in 0..300 {
        if let Ok(res) = reqwest::get(format!("{base}/readyz")).await {
            if res.status().is_success() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server at {base} did not become ready");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn client(base: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::ORIGIN, base.parse().unwrap());
    reqwest::Client::builder()
        .default_headers(headers)
        .cookie_store(true)
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
}

async fn sign_in(base: &str, client: &reqwest::Client) {
    let res = client
        .post(format!("{base}/api/login"))
        .form(&[("email", RITA), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success(), "{}", res.status());
}

/// One submission with `key`: the ticket number when the server acknowledged it.
async fn submit(base: &str, client: &reqwest::Client, key: &str) -> Option<String> {
    let body = laptop_order(key);
    let res = client
        .post(format!("{base}/api/submit_request"))
        .json(&body)
        .send()
        .await
        .ok()?;
    if !res.status().is_success() {
        return None;
    }
    let body: Value = res.json().await.ok()?;
    body["number"].as_str().map(str::to_string)
}

#[tokio::test]
async fn a_server_killed_mid_burst_loses_no_acknowledged_submission_and_doubles_none() {
    if std::env::var("DESKFRONT_TEST_POSTGRES").is_ok() {
        return; // One database kind suffices: this is about the process, not the adapter.
    }
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut server = start_server(dir.path(), port);
    wait_ready(&base).await;
    let rita = client(&base);
    sign_in(&base, &rita).await;

    // More than a batch can take, so the kill finds some acknowledged and some not.
    let keys: Vec<String> = (0..1000).map(|i| format!("kill-burst-{i:06}")).collect();
    let acks = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let burst: Vec<_> = keys
        .iter()
        .map(|key| {
            let (base, rita, key, acks) = (base.clone(), rita.clone(), key.clone(), acks.clone());
            tokio::spawn(async move {
                let number = submit(&base, &rita, &key).await;
                if number.is_some() {
                    acks.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                }
                (key, number)
            })
        })
        .collect();
    // Once the first submission is acknowledged, kill the process without a chance to clean up:
    // a fixed wait fell after the whole burst once batches got fast.
    let waited = std::time::Instant::now();
    while acks.load(std::sync::atomic::Ordering::SeqCst) == 0 {
        assert!(
            waited.elapsed() < Duration::from_secs(20),
            "no submission was acknowledged"
        );
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    server.kill().expect("SIGKILL");
    server.wait().unwrap();
    let mut acknowledged = Vec::new();
    for task in burst {
        if let (key, Some(number)) = task.await.unwrap() {
            acknowledged.push((key, number));
        }
    }
    assert!(
        acknowledged.len() < keys.len(),
        "the kill fell inside the burst ({} of {} acknowledged)",
        acknowledged.len(),
        keys.len()
    );

    let mut server = start_server(dir.path(), port);
    wait_ready(&base).await;
    // The client retries every key, acknowledged or not, as the outbox would.
    let mut numbers = Vec::new();
    for key in &keys {
        let number = submit(&base, &rita, key)
            .await
            .expect("a retry after the restart is accepted");
        numbers.push((key.clone(), number));
    }
    for (key, number) in &acknowledged {
        let now = &numbers.iter().find(|(k, _)| k == key).unwrap().1;
        assert_eq!(
            now, number,
            "{key} kept the number it was acknowledged with"
        );
    }
    let mut distinct: Vec<&String> = numbers.iter().map(|(_, n)| n).collect();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        keys.len(),
        "one ticket per key, none doubled"
    );
    let mine: Value = rita
        .post(format!("{base}/api/my_requests"))
        .form(&[("page", "1")])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(mine["total"].as_u64().unwrap() as usize, keys.len());
    server.kill().unwrap();
    server.wait().unwrap();
}

#[tokio::test]
async fn a_writer_waits_for_a_locked_sqlite_file_and_succeeds() {
    let db = TestDb::new().await;
    if db.is_postgres() {
        return;
    }
    let app = db.spawn("lock").await;
    let rita = app.signed_in(RITA).await;
    use sqlx::Connection;
    let mut holder = sqlx::SqliteConnection::connect(&db.config.database_url)
        .await
        .unwrap();
    // Another connection holds the write lock for two seconds.
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut holder)
        .await
        .unwrap();
    let release = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(2)).await;
        sqlx::query("COMMIT").execute(&mut holder).await.unwrap();
    });
    let started = std::time::Instant::now();
    let res = app.submit(&rita, laptop_order("locked-file-000001")).await;
    let waited = started.elapsed();
    assert!(res.status().is_success(), "{}", res.text().await.unwrap());
    assert!(
        waited >= Duration::from_millis(1500),
        "it waited for the lock: {waited:?}"
    );
    release.await.unwrap();
}

/// `scripts/postgres.sh` with `args`; its output.
fn postgres_script(args: &[&str]) -> String {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../scripts/postgres.sh");
    let out = Command::new("bash")
        .arg(script)
        .args(args)
        .output()
        .expect("scripts/postgres.sh runs");
    assert!(
        out.status.success(),
        "postgres.sh {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[tokio::test]
async fn the_portal_rides_out_a_postgresql_restart_under_load() {
    // With the PostgreSQL pass only (the tools are there then); it needs a server of its own
    // to stop, not the one the other tests share.
    if std::env::var("DESKFRONT_TEST_POSTGRES").is_err() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let cluster = dir.path().join("pg");
    let cluster = cluster.to_str().unwrap();
    let server = postgres_script(&["start", cluster, "--fast"]);
    let mut db = TestDb::new().await;
    db.config.database_url = format!("{server}/postgres");
    db.config.database.acquire_timeout_secs = 2;
    let app = db.spawn("outage").await;
    let rita = app.signed_in(RITA).await;

    // Load: submissions one after another, each with its own key, until told to stop.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let load = {
        let (base, rita, stop) = (app.base.clone(), rita.clone(), stop.clone());
        tokio::spawn(async move {
            let (mut ok, mut failed) = (0u32, 0u32);
            let mut i = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                i += 1;
                let res = rita
                    .post(format!("{base}/api/submit_request"))
                    .json(&laptop_order(&format!("outage-key-{i:08}")))
                    .send()
                    .await;
                match res {
                    Ok(r) if r.status().is_success() => ok += 1,
                    _ => failed += 1,
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
            (ok, failed)
        })
    };
    tokio::time::sleep(Duration::from_millis(500)).await;

    postgres_script(&["halt", cluster]);
    // Down: the portal answers (errors, and not ready), it does not hang or die.
    let started = std::time::Instant::now();
    let ready = reqwest::get(format!("{}/readyz", app.base)).await.unwrap();
    assert_eq!(ready.status(), reqwest::StatusCode::SERVICE_UNAVAILABLE);
    let res = app.submit(&rita, laptop_order("outage-while-down-1")).await;
    assert!(res.status().is_server_error(), "{}", res.status());
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "errors come quickly"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;

    postgres_script(&["resume", cluster]);
    // Up again: it recovers by itself, with no restart of the portal.
    let mut recovered = false;
    for _ in 0..100 {
        let ready = reqwest::get(format!("{}/readyz", app.base)).await.unwrap();
        if ready.status().is_success() {
            recovered = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(recovered, "ready again within ten seconds");
    let res = app.submit(&rita, laptop_order("outage-after-00001")).await;
    assert!(res.status().is_success(), "{}", res.status());
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let (ok, failed) = load.await.unwrap();
    assert!(
        ok > 0 && failed > 0,
        "the load saw both sides: {ok} ok, {failed} failed"
    );
    postgres_script(&["stop", cluster]);
}
