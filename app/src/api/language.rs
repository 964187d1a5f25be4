//! The language setting (every signed-in person): a plain form post, with or without scripts.

use crate::model::{AppError, LanguageChoices};
use leptos::prelude::*;

#[server(endpoint = "language_settings")]
pub async fn language_settings() -> Result<LanguageChoices, AppError> {
    use crate::backend::{language, session};
    let user = session::require_user().await?;
    Ok(language::settings_of(&user))
}

/// `language`: a tag of one of the portal's languages, or empty for "as my browser says".
#[server(endpoint = "save_language")]
pub async fn save_language(language: String) -> Result<(), AppError> {
    use crate::backend::{forms, language, session, store};
    let result = async {
        let user = session::require_user().await?;
        language::save(store()?.as_ref(), &user, &language).await
    }
    .await;
    forms::finish(result, "/settings?saved=language", "/settings")
}
