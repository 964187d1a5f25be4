//! Approval chains, the change policy and the risk questionnaire for administrators
//! (`backend::approval_admin`, `backend::risk_model`). Also plain form posts, which come back to
//! their page with the error if any.

use crate::model::{AppError, ApprovalAdminView, RiskModelView, RiskQuestionForm, StepForm};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Where the chains' and the policy's forms send people back.
pub const APPROVALS_PAGE: &str = "/admin/approvals";
/// Where the questionnaire's form sends people back.
pub const RISK_PAGE: &str = "/admin/risk";

#[server(endpoint = "admin_approvals")]
pub async fn admin_approvals() -> Result<ApprovalAdminView, AppError> {
    use crate::backend::{approval_admin, session, store};
    let user = session::require_user().await?;
    approval_admin::page(store()?.as_ref(), &user).await
}

/// Creates a chain (`key` empty) or saves chain `key` opened at `revision`: its name and its
/// steps in order (a step with no name is left out). Answers the chain's key.
#[server(endpoint = "save_approval_chain")]
pub async fn save_approval_chain(
    #[server(default)] key: String,
    #[server(default)] revision: i64,
    #[server(default)] name: String,
    #[server(default)] steps: Vec<StepForm>,
) -> Result<String, AppError> {
    use crate::backend::{approval_admin, forms, session, store};
    let result = async {
        let user = session::require_user().await?;
        approval_admin::save_chain(
            store()?.as_ref(),
            &user,
            &key,
            revision,
            &name,
            &steps,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, APPROVALS_PAGE, APPROVALS_PAGE)
}

/// Removes chain `key` as opened at `revision`; refused while something names it.
#[server(endpoint = "delete_approval_chain")]
pub async fn delete_approval_chain(key: String, revision: i64) -> Result<(), AppError> {
    use crate::backend::{approval_admin, forms, session, store};
    let result = async {
        let user = session::require_user().await?;
        approval_admin::remove_chain(store()?.as_ref(), &user, &key, revision, chrono::Utc::now())
            .await
    }
    .await;
    forms::finish(result, APPROVALS_PAGE, APPROVALS_PAGE)
}

/// Saves the change policy opened at `revision`: `chains` maps `<kind>_<level>` to a chain's
/// key (empty: none). Answers the new revision.
#[server(endpoint = "save_change_policy")]
pub async fn save_change_policy(
    #[server(default)] revision: i64,
    #[server(default)] chains: BTreeMap<String, String>,
) -> Result<i64, AppError> {
    use crate::backend::{approval_admin, forms, session, store};
    let result = async {
        let user = session::require_user().await?;
        approval_admin::save_policy(
            store()?.as_ref(),
            &user,
            revision,
            &chains,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, APPROVALS_PAGE, APPROVALS_PAGE)
}

#[server(endpoint = "admin_risk_model")]
pub async fn admin_risk_model() -> Result<RiskModelView, AppError> {
    use crate::backend::{risk_model, session, store};
    let user = session::require_user().await?;
    risk_model::page(store()?.as_ref(), &user).await
}

/// Saves the risk questionnaire opened at `revision`: its questions with their answers and
/// weights in order (blank ones left out), and the two thresholds. Answers the new revision.
#[server(endpoint = "save_risk_model")]
pub async fn save_risk_model(
    #[server(default)] revision: i64,
    #[server(default)] questions: Vec<RiskQuestionForm>,
    #[server(default)] medium_from: String,
    #[server(default)] high_from: String,
) -> Result<i64, AppError> {
    use crate::backend::{forms, risk_model, session, store};
    let result = async {
        let user = session::require_user().await?;
        risk_model::save(
            store()?.as_ref(),
            &user,
            revision,
            &questions,
            &medium_from,
            &high_from,
            chrono::Utc::now(),
        )
        .await
    }
    .await;
    forms::finish(result, RISK_PAGE, RISK_PAGE)
}
