//! "Planned in your store" on the home page: the changes booked in the next two weeks that touch
//! the reader's store, so store staff know their tills will be updated tonight before they ring
//! the desk about it. Asked for once the page has hydrated and only for someone with a store, so
//! the catalog's server render (and its page cache) stay as they are; offline, the device's
//! snapshot answers for the store last signed in.

use crate::api::change_calendar::planned_changes;
use crate::app::{CurrentUser, Hydrated};
use crate::i18n::{t, t_with};
use crate::model::PlannedChange;
use leptos::prelude::*;

#[component]
pub fn PlannedChanges() -> impl IntoView {
    let found = RwSignal::new(Vec::<PlannedChange>::new());
    let user = use_context::<CurrentUser>();
    let hydrated = use_context::<Hydrated>();
    Effect::new(move |asked: Option<bool>| {
        if asked == Some(true) || !hydrated.is_some_and(|h| h.0.get()) {
            return asked.unwrap_or(false);
        }
        let Some(Ok(Some(me))) = user.and_then(|u| u.get()) else {
            return false;
        };
        let Some(home) = me.store else {
            return true;
        };
        leptos::task::spawn_local(async move {
            let now = chrono::Utc::now();
            let answer = crate::offline::or_device(planned_changes().await, |s| {
                Some(
                    s.planned_changes
                        .iter()
                        .filter(|p| p.concerns(&home) && p.end > now)
                        .cloned()
                        .collect(),
                )
            })
            .await;
            if let Ok(fetched) = answer {
                found.set(fetched.value);
            }
        });
        true
    });
    move || {
        let planned = found.get();
        (!planned.is_empty()).then(|| {
            view! {
                <section class="notice notice-info planned-changes" aria-labelledby="planned-title" data-testid="planned-changes">
                    <h2 id="planned-title">{t("planned-title")}</h2>
                    <ul>
                        {planned.into_iter().map(|p| view! {
                            <li data-testid="planned-change" data-number=p.number.clone()>
                                <strong>{p.title.clone()}</strong>
                                " · " {t_with("planned-when", &[
                                    ("start", crate::pages::when(&p.start).into()),
                                    ("end", crate::pages::when(&p.end).into()),
                                ])}
                            </li>
                        }).collect_view()}
                    </ul>
                    <p><a href="/calendar">{t("planned-calendar")}</a></p>
                </section>
            }
        })
    }
}
