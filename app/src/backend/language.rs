//! The language a person reads the portal in (issue 21): their own setting, on every device.

use super::internal;
use super::store::Store;
use crate::i18n::{catalog, t, LANGUAGES};
use crate::model::{AppError, AppResult, LanguageChoices, UserView};

/// The person's choice and every language the portal has a file for, by its own name.
pub fn settings_of(user: &UserView) -> LanguageChoices {
    LanguageChoices {
        chosen: user.language.clone(),
        choices: LANGUAGES
            .iter()
            .map(|tag| (tag.to_string(), catalog(tag).text("language-name", &[])))
            .collect(),
    }
}

/// Stores `choice`: a language's tag, or empty for "as my browser says".
pub async fn save(store: &dyn Store, user: &UserView, choice: &str) -> AppResult<()> {
    let language = match choice.trim() {
        "" => None,
        tag => Some(
            LANGUAGES
                .iter()
                .find(|t| **t == tag)
                .ok_or_else(|| AppError::invalid_field("language", t("error-no-such-language")))?,
        ),
    };
    store
        .set_language(user.id, language.copied())
        .await
        .map_err(internal)
}
