//! Administrators' management of integration tokens: the credentials monitoring systems and
//! tills use to report incidents through `POST /api/v1/incidents` (see
//! `backend::integrations`). Admins only.

use crate::model::{AppError, IntegrationTokenView, NewIntegrationToken};
use leptos::prelude::*;

/// Where the plain-form versions of these functions send people.
pub const ADMIN_PAGE: &str = "/admin/integrations";

/// Creates a token for the integration `name` and returns it, once. Needs JavaScript: a plain
/// form post would have to redirect, and the token must not travel in a URL.
#[server(endpoint = "create_integration_token")]
pub async fn create_integration_token(name: String) -> Result<NewIntegrationToken, AppError> {
    use crate::backend::{forms, integrations, session, store};
    let result = async {
        let user = session::require_user().await?;
        integrations::require_admin(&user)?;
        if forms::is_plain_form_post() {
            return Err(AppError::conflict(crate::i18n::t("error-token-js")));
        }
        let actor = crate::backend::audit::Actor::person(&user);
        let created = integrations::create_token(
            store()?.as_ref(),
            &actor,
            user.id,
            &name,
            chrono::Utc::now(),
        )
        .await?;
        Ok(NewIntegrationToken {
            id: created.id,
            name: created.name,
            token: created.token,
        })
    }
    .await;
    forms::finish(result, ADMIN_PAGE, ADMIN_PAGE)
}

/// Every token, revoked ones too, newest first.
#[server(endpoint = "integration_tokens")]
pub async fn list_integration_tokens() -> Result<Vec<IntegrationTokenView>, AppError> {
    use crate::backend::{integrations, internal, session, store};
    let user = session::require_user().await?;
    integrations::require_admin(&user)?;
    let rows = store()?.integration_tokens().await.map_err(internal)?;
    Ok(rows
        .into_iter()
        .map(|r| IntegrationTokenView {
            id: r.id,
            name: r.name,
            created_by: r.created_by,
            created_at: r.created_at,
            revoked_at: r.revoked_at,
            last_used_at: r.last_used_at,
        })
        .collect())
}

/// Revokes token `id`: from now on it is answered 401. Revoking twice is harmless.
#[server(endpoint = "revoke_integration_token")]
pub async fn revoke_integration_token(id: i64) -> Result<(), AppError> {
    use crate::backend::{audit::Actor, forms, integrations, session, store};
    let result = async {
        let user = session::require_user().await?;
        integrations::require_admin(&user)?;
        let actor = Actor::person(&user);
        integrations::revoke_token(store()?.as_ref(), &actor, id, chrono::Utc::now()).await
    }
    .await;
    forms::finish(result, ADMIN_PAGE, ADMIN_PAGE)
}
