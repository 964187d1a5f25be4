use leptos::prelude::get_configuration;
use server::config::Config;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> Result<(), server::BoxError> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let config = Config::load()?;
    // Under cargo-leptos the LEPTOS_* environment says where the site is; run by hand from the
    // repository root, the workspace Cargo.toml does.
    let cargo_toml = std::path::Path::new("Cargo.toml")
        .exists()
        .then_some("Cargo.toml");
    let leptos = get_configuration(cargo_toml)?.leptos_options;
    let addr = leptos.site_addr;
    let app = server::build(&config, leptos).await?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("Deskfront is listening on http://{addr}");
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
