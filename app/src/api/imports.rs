//! CSV imports for administrators: stores, devices and people, each checked first (a dry run)
//! and then applied all or nothing (see `backend::places` and `backend::people`).

use crate::model::{AppError, ImportFile, ImportReport};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Checks the CSV `csv` of kind `file` (`apply` false: a dry run) or imports it (`apply` true:
/// every row or, when any is refused, none). JSON, not a form: a CSV URL-encoded triples in size.
#[server(endpoint = "import_csv", input = Json)]
pub async fn import_csv(
    file: ImportFile,
    csv: String,
    apply: bool,
) -> Result<ImportReport, AppError> {
    use crate::backend::{people, places, session, state};
    let user = session::require_user().await?;
    let state = state()?;
    let store = state.store.as_ref();
    let now = chrono::Utc::now();
    match file {
        ImportFile::People => people::import(store, &user, &csv, apply, now).await,
        ImportFile::Stores => {
            places::import_stores(store, &user, &state.service_levels, &csv, apply, now).await
        }
        ImportFile::Devices => places::import_devices(store, &user, &csv, apply, now).await,
    }
}
