//! The offline snapshot a device keeps (`model::DeviceSnapshot`), built by `backend::offline`.

use crate::model::{AppError, DeviceSnapshot};
use leptos::prelude::*;

/// The snapshot, unless the device already has version `have`.
#[server(endpoint = "offline_snapshot")]
pub async fn offline_snapshot(have: Option<String>) -> Result<Option<DeviceSnapshot>, AppError> {
    use crate::backend::{session, state};
    session::require_user().await?;
    let state = state()?;
    let snapshot = state
        .offline
        .get(&state, crate::i18n::i18n().locale())
        .await?;
    if have.as_deref() == Some(snapshot.version.as_str()) {
        return Ok(None);
    }
    super::announce_snapshot_version(&snapshot.version);
    Ok(Some((*snapshot).clone()))
}
