//! Drafts in IndexedDB: what someone has typed into a form survives a reload, a crash or a
//! closed tab. Keyed by user and item, so two people sharing a browser do not see each other's.

use crate::domain::Answers;
use crate::idb::{self, DRAFTS};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

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

pub async fn load(user_id: i64, slug: &str) -> Option<Answers> {
    let raw = idb::get(DRAFTS, &draft_key(user_id, slug)).await.ok()??;
    serde_json::from_str::<Draft>(&raw).ok().map(|d| d.answers)
}

pub async fn save(user_id: i64, slug: &str, answers: &Answers) -> Result<(), String> {
    let draft = Draft {
        answers: answers.clone(),
        saved_at: chrono::Utc::now().to_rfc3339(),
    };
    let json = serde_json::to_string(&draft).map_err(|e| e.to_string())?;
    idb::put(DRAFTS, &draft_key(user_id, slug), json).await
}

pub async fn discard(user_id: i64, slug: &str) {
    if let Err(e) = idb::delete(DRAFTS, &draft_key(user_id, slug)).await {
        leptos::logging::warn!("could not discard the draft: {e}");
    }
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
    schema: StoredValue<crate::domain::FormSchema>,
) {
    let ready = RwSignal::new(false);
    {
        let slug = slug.clone();
        Effect::new(move |_| {
            let slug = slug.clone();
            leptos::task::spawn_local(async move {
                // The form may be gone by the time IndexedDB answers (the person navigated
                // away): the `try_` forms do nothing then instead of panicking.
                if !skip_restore {
                    // A draft made on an earlier version of the form comes back by field
                    // key: answers to fields the current form no longer has are dropped.
                    let saved = load(user_id, &slug).await.map(|mut a| {
                        a.retain(|key, _| schema.with_value(|s| s.field(key).is_some()));
                        a
                    });
                    if let Some(saved) = saved.filter(|a| !a.is_empty()) {
                        if answers.try_with_untracked(|a| a.is_empty()) == Some(true) {
                            answers.try_set(saved);
                            restored.try_set(true);
                        }
                    }
                }
                ready.try_set(true);
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
            // A newer change will save; and a form that is gone (sent, or left) saves nothing:
            // sending discards the draft, and writing it back now would resurrect it.
            if generation.try_get_value() != Some(mine) {
                return;
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
