//! Storage adapters implementing `app::backend::store::Store`. One module per database, each
//! with its own migrations under `server/migrations/<database>/`.

pub mod sqlite;

use app::backend::store::StoreError;

pub(crate) fn db_err(e: impl std::fmt::Display) -> StoreError {
    StoreError(e.to_string())
}
