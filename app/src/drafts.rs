//! Drafts in IndexedDB: what someone has typed into a form survives a reload, a crash or a
//! closed tab. Keyed by user and item, so two people sharing a browser do not see each other's.
//!
//! Values are stored as JSON strings: the answers are already serde types, and a string keeps
//! the stored shape readable in the browser's developer tools.

use crate::domain::Answers;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

const DB_NAME: &str = "deskfront";
const DRAFTS: &str = "drafts";
/// Long enough to coalesce a burst of typing, short enough that a draft is saved within a second.
const SAVE_DELAY_MS: u32 = 300;

#[derive(Serialize, Deserialize)]
struct Draft {
    answers: Answers,
    saved_at: String,
}

fn draft_key(user_id: i64, slug: &str) -> String {
    format!("{user_id}:{slug}")
}

async fn open() -> Result<Database, String> {
    Database::open(DB_NAME)
        .with_version(1u8)
        .with_on_upgrade_needed(|event, db| {
            if event.old_version() < 1.0 {
                db.create_object_store(DRAFTS).build()?;
            }
            Ok(())
        })
        .await
        .map_err(|e| e.to_string())
}

pub async fn load(user_id: i64, slug: &str) -> Option<Answers> {
    let db = open().await.ok()?;
    let tx = db.transaction(DRAFTS).build().ok()?;
    let store = tx.object_store(DRAFTS).ok()?;
    let raw: Option<String> = store
        .get(draft_key(user_id, slug))
        .primitive()
        .ok()?
        .await
        .ok()?;
    serde_json::from_str::<Draft>(&raw?).ok().map(|d| d.answers)
}

pub async fn save(user_id: i64, slug: &str, answers: &Answers) -> Result<(), String> {
    let draft = Draft {
        answers: answers.clone(),
        saved_at: chrono::Utc::now().to_rfc3339(),
    };
    let json = serde_json::to_string(&draft).map_err(|e| e.to_string())?;
    let db = open().await?;
    let tx = db
        .transaction(DRAFTS)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .map_err(|e| e.to_string())?;
    let store = tx.object_store(DRAFTS).map_err(|e| e.to_string())?;
    store
        .put(json)
        .with_key(draft_key(user_id, slug))
        .primitive()
        .map_err(|e| e.to_string())?
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())
}

pub async fn discard(user_id: i64, slug: &str) {
    let Ok(db) = open().await else { return };
    let Ok(tx) = db
        .transaction(DRAFTS)
        .with_mode(TransactionMode::Readwrite)
        .build()
    else {
        return;
    };
    if let Ok(store) = tx.object_store(DRAFTS) {
        if let Ok(req) = store.delete(draft_key(user_id, slug)).primitive() {
            let _ = req.await;
        }
    }
    let _ = tx.commit().await;
}

/// Restores a saved draft into `answers` once, then saves every change shortly after it
/// happens. A page that came back from a failed plain-HTML submit already has the answers, so
/// it does not restore over them.
pub fn keep_draft(
    user_id: i64,
    slug: String,
    answers: RwSignal<Answers>,
    restored: RwSignal<bool>,
    skip_restore: bool,
) {
    let ready = RwSignal::new(false);
    {
        let slug = slug.clone();
        Effect::new(move |_| {
            let slug = slug.clone();
            leptos::task::spawn_local(async move {
                if !skip_restore {
                    if let Some(saved) = load(user_id, &slug).await.filter(|a| !a.is_empty()) {
                        if answers.with_untracked(|a| a.is_empty()) {
                            answers.set(saved);
                            restored.set(true);
                        }
                    }
                }
                ready.set(true);
            });
        });
    }
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let current = answers.get();
        if !ready.get() {
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        let slug = slug.clone();
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(SAVE_DELAY_MS).await;
            if generation.get_value() != mine {
                return; // a newer change will save
            }
            let result = if current.is_empty() {
                discard(user_id, &slug).await;
                Ok(())
            } else {
                save(user_id, &slug, &current).await
            };
            if let Err(e) = result {
                leptos::logging::warn!("could not save the draft: {e}");
            }
        });
    });
}
