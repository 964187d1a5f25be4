mod search_bench;

use app::backend::audit::Actor;
use leptos::prelude::get_configuration;
use server::config::Config;
use tracing_subscriber::EnvFilter;

const USAGE: &str = "\
usage: server                 serve the portal (configuration: deskfront.toml, DESKFRONT_*;
                              DESKFRONT_DEMO=true for the demo data and demo accounts)
       server admin create EMAIL [--name NAME]
                              make an administrator; the password is read from the terminal
                              (or from stdin when it is not one), never from an argument
       server kb-import FOLDER [--author EMAIL]
                              import Markdown articles
       server token create NAME | token list | token revoke ID
                              integration tokens for POST /api/v1/incidents
       server search-bench [--articles N] [--queries FILE] [--rounds N] [--new-words N]
                           [--snapshot-articles N] [--snapshot-dir DIR]
                              time knowledge search over a generated knowledge base
       server demo-history [--months N] [--tickets N] [--seed N] [--until TIME] [--if-empty]
                              write months of demo tickets (SLAs, recurring faults, ratings,
                              deflection, searches) ending now (or at TIME, RFC 3339) for the
                              dashboard and benchmarks; defaults 6 months, 6000 tickets, seed 1;
                              --if-empty: only into a database without tickets";

// Rendering a page allocates and frees thousands of small strings; glibc's allocator spent a
// fifth of a catalog request's time on that (perf, issue 19), mimalloc a fraction of it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() {
    // Errors are printed as their message, not their debug form: someone at a terminal reads
    // "the password must have at least 12 characters", not `ShortPassword`.
    if let Err(e) = run().await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), server::BoxError> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    // Before the configuration: help must work even where the configuration does not.
    if matches!(
        args.first().map(String::as_str),
        Some("-h" | "--help" | "help")
    ) {
        println!("{USAGE}");
        return Ok(());
    }
    let config = Config::load()?;
    match args.first().map(String::as_str) {
        None => {}
        Some("kb-import") => return kb_import(&config, &args[1..]).await,
        Some("token") => return token(&config, &args[1..]).await,
        Some("admin") => return admin(&config, &args[1..]).await,
        Some("search-bench") => {
            let options = search_bench::Options::parse(&config.seed_dir, &args[1..])?;
            return search_bench::run(&options);
        }
        Some("demo-history") => {
            let options = server::demo_history::Options::parse(&args[1..])?;
            println!("{}", server::demo_history::run(&config, &options).await?);
            return Ok(());
        }
        Some(other) => {
            // Printed, not returned: an error's debug form would show the usage on one line.
            eprintln!("unknown command {other:?}\n{USAGE}");
            std::process::exit(2);
        }
    }
    // Under scripts/build-release.sh (or cargo-leptos) the LEPTOS_* environment says where the
    // site is; run by hand from the repository root, the workspace Cargo.toml does.
    let cargo_toml = std::path::Path::new("Cargo.toml")
        .exists()
        .then_some("Cargo.toml");
    let leptos = get_configuration(cargo_toml)?.leptos_options;
    let addr = leptos.site_addr;
    let app = server::build(&config, leptos).await?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("Deskfront is listening on http://{addr}");
    // The peer's address reaches the handlers (sign-in throttling, see `security::client`).
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(stop_signal())
        .await?;
    Ok(())
}

/// `server kb-import FOLDER [--author EMAIL]`: imports Markdown articles into the configured
/// database. Run it again after editing the files: changed articles get a new revision.
async fn kb_import(config: &Config, args: &[String]) -> Result<(), server::BoxError> {
    let (folder, author) = match args {
        [folder] => (folder, None),
        [folder, flag, email] if flag == "--author" => (folder, Some(email.to_lowercase())),
        _ => return Err("usage: server kb-import FOLDER [--author EMAIL]".into()),
    };
    let store = server::open_store(config).await?;
    let author_id = match author {
        None => store.system_user().await?,
        Some(email) => {
            store
                .credentials(&email)
                .await?
                .ok_or_else(|| format!("no user with the email {email}"))?
                .user
                .id
        }
    };
    let report =
        server::kb_import::import(&*store, std::path::Path::new(folder), author_id).await?;
    for (file, reason) in &report.rejected {
        eprintln!("not imported: {file}: {reason}");
    }
    println!(
        "imported {folder}: {} created, {} updated, {} unchanged, {} not imported",
        report.created,
        report.updated,
        report.unchanged,
        report.rejected.len()
    );
    if report.rejected.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} files were not imported (see above)",
            report.rejected.len()
        )
        .into())
    }
}

/// `server token create NAME | list | revoke ID`: integration tokens for `POST
/// /api/v1/incidents`, for administrators with a shell on the server (the admin page does the
/// same). A created token is printed once, alone on stdout, so scripts can capture it.
async fn token(config: &Config, args: &[String]) -> Result<(), server::BoxError> {
    const USAGE: &str =
        "usage: server token create NAME | server token list | server token revoke ID";
    let store = server::open_store(config).await?;
    let now = chrono::Utc::now();
    match args {
        [cmd, name] if cmd == "create" => {
            let system = store.system_user().await?;
            let created = app::backend::integrations::create_token(
                &*store,
                &Actor::command_line(),
                system,
                name,
                now,
            )
            .await?;
            eprintln!(
                "token {} for {:?}; it is shown only now:",
                created.id, created.name
            );
            println!("{}", created.token);
        }
        [cmd] if cmd == "list" => {
            for t in store.integration_tokens().await? {
                let state = match t.revoked_at {
                    Some(at) => format!("revoked {}", at.format("%Y-%m-%d %H:%M")),
                    None => "live".to_string(),
                };
                let used = t
                    .last_used_at
                    .map(|at| at.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|| "never".into());
                println!("{}\t{}\t{state}\tlast used {used}", t.id, t.name);
            }
        }
        [cmd, id] if cmd == "revoke" => {
            let id: i64 = id.parse().map_err(|_| USAGE)?;
            app::backend::integrations::revoke_token(&*store, &Actor::command_line(), id, now)
                .await?;
            println!("token {id} revoked");
        }
        _ => return Err(USAGE.into()),
    }
    Ok(())
}

/// `server admin create EMAIL [--name NAME]`: an administrator account, the way a production
/// start gets its first one. Prints the new account's id.
async fn admin(config: &Config, args: &[String]) -> Result<(), server::BoxError> {
    const USAGE: &str =
        "usage: server admin create EMAIL [--name NAME] (the password is asked for)";
    let (email, name) = match args {
        [cmd, email] if cmd == "create" => (email, None),
        [cmd, email, flag, name] if cmd == "create" && flag == "--name" => (email, Some(name)),
        _ => return Err(USAGE.into()),
    };
    let password = read_new_password(config)?;
    let store = server::open_store(config).await?;
    let id = server::admin::create_admin(
        &*store,
        email,
        name.map(String::as_str),
        &password,
        &config.demo_password,
    )
    .await?;
    eprintln!(
        "administrator {} created; sign in at the portal",
        email.trim().to_lowercase()
    );
    println!("{id}");
    Ok(())
}

/// A new password: typed twice without echo at a terminal, or one line of stdin from a script
/// (`printf '%s\n' "$PASSWORD" | server admin create …`).
fn read_new_password(config: &Config) -> Result<String, server::BoxError> {
    use std::io::IsTerminal;
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password for the new administrator: ")?;
        server::admin::check_password(&first, &config.demo_password)?;
        let again = rpassword::prompt_password("The same password again: ")?;
        if again != first {
            return Err(server::admin::AdminError::Mismatch.into());
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_string()
    };
    server::admin::check_password(&password, &config.demo_password)?;
    Ok(password)
}

/// Ctrl-C at a terminal, or SIGTERM from systemd or a container runtime: requests in flight
/// finish, then the process ends.
async fn stop_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = terminate => {}
    }
}
