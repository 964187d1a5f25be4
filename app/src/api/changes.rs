//! Change records for the service desk (`backend::changes`): raise one from a problem, read it,
//! save its form, take a lifecycle step. Desk agents, managers and admins. Every function that
//! changes something also works as a plain HTML form post.

// A form's fields are a server function's arguments: the change form has many.
#![allow(clippy::too_many_arguments)]

use crate::model::{AppError, ChangeView};
use leptos::prelude::*;
use std::collections::BTreeMap;

#[cfg(feature = "ssr")]
fn change_page(number: &str) -> String {
    format!("/changes/{}", crate::url::encode(number))
}

/// Raises a change from problem `problem`: a draft titled `title`, of `kind` (standard,
/// normal, emergency). Answers with the change's number.
#[server(endpoint = "raise_change")]
pub async fn raise_change(
    problem: String,
    title: String,
    kind: String,
) -> Result<String, AppError> {
    use crate::backend::{changes, forms, session, store};
    let result = async {
        let user = session::require_user().await?;
        changes::raise_from_problem(
            store()?.as_ref(),
            &user,
            &problem,
            &title,
            &kind,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    let success = result.as_ref().map(|n| change_page(n)).unwrap_or_default();
    let back = format!("/problems/{}", crate::url::encode(&problem));
    forms::finish(result, &success, &back)
}

/// A change with its conflicts and the steps the reader may take.
#[server(endpoint = "change")]
pub async fn change_detail(number: String) -> Result<ChangeView, AppError> {
    use crate::backend::{changes, session, state};
    let user = session::require_user().await?;
    let state = state()?;
    changes::view(state.store.as_ref(), &user, &number, &state.time_zone).await
}

/// Saves a change's plans, risk answers (`risk[question]=answer`), window (RFC 3339 instants)
/// and the stores and devices it touches, if it is still at `revision`. Answers with the new
/// revision.
#[server(endpoint = "save_change")]
pub async fn save_change(
    number: String,
    revision: i64,
    title: String,
    implementation_plan: String,
    back_out_plan: String,
    test_plan: String,
    #[server(default)] risk: BTreeMap<String, String>,
    #[server(default)] window_start: String,
    #[server(default)] window_end: String,
    #[server(default)] stores: String,
    #[server(default)] devices: String,
) -> Result<i64, AppError> {
    use crate::backend::changes::{self, ChangeForm};
    use crate::backend::{forms, session, store};
    use crate::domain::change::ChangePlans;
    let page = change_page(&number);
    let result = async {
        let user = session::require_user().await?;
        let form = ChangeForm {
            plans: ChangePlans {
                title,
                implementation: implementation_plan,
                back_out: back_out_plan,
                test: test_plan,
            },
            risk_answers: risk,
            window_start,
            window_end,
            stores: vec![stores],
            devices: vec![devices],
        };
        changes::save(
            store()?.as_ref(),
            &user,
            &number,
            revision,
            &form,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, &page, &page)
}

/// Takes lifecycle step `step` (`domain::change::Move`): `outcome` goes with `finish`, `review`
/// with `close`. Answers with the new revision.
#[server(endpoint = "change_step")]
pub async fn change_step(
    number: String,
    revision: i64,
    step: String,
    #[server(default)] outcome: String,
    #[server(default)] review: String,
) -> Result<i64, AppError> {
    use crate::backend::changes::{self, StepForm};
    use crate::backend::{forms, session, store};
    let page = change_page(&number);
    let result = async {
        let user = session::require_user().await?;
        let form = StepForm {
            step,
            outcome,
            review,
        };
        changes::step(
            store()?.as_ref(),
            &user,
            &number,
            revision,
            &form,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, &page, &page)
}
