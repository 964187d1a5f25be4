//! The portal's one IndexedDB database and its object stores. Values are JSON strings: the
//! shapes are serde types already, and a string stays readable in the browser's developer tools.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};

const DB_NAME: &str = "deskfront";
/// Version 1 held drafts; version 2 added the search snapshot; version 3 the outbox and the
/// files (photos) its submissions carry.
const DB_VERSION: u8 = 3;
pub const DRAFTS: &str = "drafts";
pub const SNAPSHOTS: &str = "snapshots";
/// Submissions not yet accepted by the server, keyed by their idempotency key.
pub const OUTBOX: &str = "outbox";
/// Attachments chosen while offline, as blobs, keyed `local-…` (see `outbox::LOCAL_FILE`).
pub const FILES: &str = "files";

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
            if event.old_version() < 3.0 {
                db.create_object_store(OUTBOX).build()?;
                db.create_object_store(FILES).build()?;
            }
            Ok(())
        })
        .await
        .map_err(|e| e.to_string())
}

pub async fn get(store_name: &str, key: &str) -> Result<Option<String>, String> {
    Ok(get_js(store_name, key).await?.and_then(|v| v.as_string()))
}

pub async fn put(store_name: &str, key: &str, value: String) -> Result<(), String> {
    put_js(store_name, key, value.into()).await
}

/// Stores any structured-cloneable value, e.g. a `Blob`.
pub async fn put_js(
    store_name: &str,
    key: &str,
    value: wasm_bindgen::JsValue,
) -> Result<(), String> {
    let db = open().await?;
    let tx = transaction(&db, store_name, TransactionMode::Readwrite)?;
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

/// Stores several values in one read-write transaction: all are kept or none (a snapshot and
/// the version that names it must never disagree).
pub async fn put_all(
    store_name: &str,
    entries: Vec<(&str, wasm_bindgen::JsValue)>,
) -> Result<(), String> {
    let db = open().await?;
    let tx = transaction(&db, store_name, TransactionMode::Readwrite)?;
    let store = tx.object_store(store_name).map_err(|e| e.to_string())?;
    for (key, value) in entries {
        store
            .put(value)
            .with_key(key.to_string())
            .primitive()
            .map_err(|e| e.to_string())?
            .await
            .map_err(|e| e.to_string())?;
    }
    tx.commit().await.map_err(|e| e.to_string())
}

/// A transaction on one store. (Each caller takes the store from it: the store borrows the
/// transaction, so the two cannot be returned together.)
fn transaction<'a>(
    db: &'a Database,
    store_name: &str,
    mode: TransactionMode,
) -> Result<Transaction<'a>, String> {
    db.transaction(store_name)
        .with_mode(mode)
        .build()
        .map_err(|e| e.to_string())
}

pub async fn get_js(store_name: &str, key: &str) -> Result<Option<wasm_bindgen::JsValue>, String> {
    let db = open().await?;
    let tx = transaction(&db, store_name, TransactionMode::Readonly)?;
    let store = tx.object_store(store_name).map_err(|e| e.to_string())?;
    let value: Option<wasm_bindgen::JsValue> = store
        .get(key.to_string())
        .primitive()
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    Ok(value.filter(|v| !v.is_undefined() && !v.is_null()))
}

/// Every value in a store (the outbox is small: a person's unsent submissions).
pub async fn all(store_name: &str) -> Result<Vec<String>, String> {
    let db = open().await?;
    let tx = transaction(&db, store_name, TransactionMode::Readonly)?;
    let store = tx.object_store(store_name).map_err(|e| e.to_string())?;
    let values = store
        .get_all::<String>()
        .primitive()
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    Ok(values.filter_map(Result::ok).collect())
}

/// Reads a value and writes what `change` makes of it, in one read-write transaction.
/// IndexedDB runs read-write transactions on the same store one after another, across tabs, so
/// two tabs calling this for one key never both see the old value: this is how a tab claims an
/// outbox item. Returns whether something was written.
pub async fn update(
    store_name: &str,
    key: &str,
    change: impl FnOnce(Option<String>) -> Option<String>,
) -> Result<bool, String> {
    let db = open().await?;
    let tx = transaction(&db, store_name, TransactionMode::Readwrite)?;
    let store = tx.object_store(store_name).map_err(|e| e.to_string())?;
    let current: Option<String> = store
        .get(key.to_string())
        .primitive()
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    let Some(next) = change(current) else {
        return Ok(false);
    };
    store
        .put(next)
        .with_key(key.to_string())
        .primitive()
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;
    Ok(true)
}

pub async fn delete(store_name: &str, key: &str) -> Result<(), String> {
    let db = open().await?;
    let tx = transaction(&db, store_name, TransactionMode::Readwrite)?;
    let store = tx.object_store(store_name).map_err(|e| e.to_string())?;
    store
        .delete(key.to_string())
        .primitive()
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())
}
