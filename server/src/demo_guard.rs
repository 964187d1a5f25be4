//! Demo mode versus a production start. The demo accounts' password is published in the
//! README, so a database that holds them must never be served outside demo mode: an
//! administrator who once tried the demo and then pointed a real start at the same file would
//! otherwise serve an administrator account anyone can sign in to.

use crate::config::Config;
use crate::store::Housekeeping;
use app::backend::session::verify_password;

/// The demo password the README prints. Refused outside demo mode whatever the configuration
/// says, and never accepted as an administrator's password.
pub const PUBLISHED_DEMO_PASSWORD: &str = "deskfront-demo";

#[derive(Debug, thiserror::Error)]
#[error(
    "this database holds the demo accounts, which sign in with the demo password: start it in \
     demo mode (DESKFRONT_DEMO=true), or give a production start a new database \
     (DESKFRONT_DATABASE_URL)"
)]
pub struct DemoAccountsOutsideDemoMode;

/// Whether any password hash in `store` admits the published or the configured demo password.
/// The demo accounts are loaded with one shared hash, so this verifies a handful of hashes at
/// most, however many people the portal has.
pub async fn holds_demo_accounts(
    store: &dyn Housekeeping,
    config: &Config,
) -> Result<bool, crate::BoxError> {
    let hashes = store.shared_password_hashes().await?;
    Ok(hashes.iter().any(|hash| {
        verify_password(hash, PUBLISHED_DEMO_PASSWORD)
            || verify_password(hash, &config.demo_password)
    }))
}

/// Run at every start outside demo mode, before anything is served.
pub async fn refuse_demo_accounts(
    store: &dyn Housekeeping,
    config: &Config,
) -> Result<(), crate::BoxError> {
    if holds_demo_accounts(store, config).await? {
        return Err(DemoAccountsOutsideDemoMode.into());
    }
    Ok(())
}
