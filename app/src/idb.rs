//! The portal's one IndexedDB database and its object stores. Values are JSON strings: the
//! shapes are serde types already, and a string stays readable in the browser's developer tools.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;

const DB_NAME: &str = "deskfront";
/// Version 1 held drafts; version 2 added the search snapshot.
const DB_VERSION: u8 = 2;
pub const DRAFTS: &str = "drafts";
pub const SNAPSHOTS: &str = "snapshots";

pub async fn open() -> Result<Database, String> {
    Database::open(DB_NAME)
        .with_version(DB_VERSION)
        .with_on_upgrade_needed(|event, db| {
            if event.old_version() < 1.0 {
                db.create_object_store(DRAFTS).build()?;
            }
            if event.old_version() < 2.0 {
                db.create_object_store(SNAPSHOTS).build()?;
            }
            Ok(())
        })
        .await
        .map_err(|e| e.to_string())
}

pub async fn get(store_name: &str, key: &str) -> Result<Option<String>, String> {
    let db = open().await?;
    let tx = db
        .transaction(store_name)
        .build()
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(store_name).map_err(|e| e.to_string())?;
    store
        .get(key.to_string())
        .primitive()
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())
}

pub async fn put(store_name: &str, key: &str, value: String) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(store_name)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(store_name).map_err(|e| e.to_string())?;
    store
        .put(value)
        .with_key(key.to_string())
        .primitive()
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())
}

pub async fn delete(store_name: &str, key: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction(store_name)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(store_name).map_err(|e| e.to_string())?;
    store
        .delete(key.to_string())
        .primitive()
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())
}
