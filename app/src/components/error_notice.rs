use crate::i18n::{t, t_with};
use crate::model::AppError;
use leptos::prelude::*;

/// A page-level error, worded for the reader, with a way forward. Rendered on the server, it
/// also gives the page the error's status (a refusal is a 4xx, not a 200 with a notice).
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    refusal_status(&error);
    let action = match &error {
        AppError::NotSignedIn => {
            view! { <a href="/login">{t("error-sign-in-link")}</a> }.into_any()
        }
        AppError::NotFound { .. } => {
            view! { <a href="/">{t("error-back-to-catalog")}</a> }.into_any()
        }
        _ => view! { <a href="">{t("error-try-again")}</a> }.into_any(),
    };
    let message = page_error_text(&error);
    view! {
        <div class="notice notice-error" role="alert">
            <p>{message}</p>
            <p>{action}</p>
        </div>
    }
}

/// A page's error in words: a refused input names its problem (the generic "needs another
/// look" would not help on a page whose only input is its address).
pub fn page_error_text(error: &AppError) -> String {
    error
        .field_errors()
        .and_then(|f| f.values().next().cloned())
        .unwrap_or_else(|| error_text(error))
}

/// The error in the reader's language. The errors whose words are fixed are translated here;
/// the others carry the words the server chose for this one case.
pub fn error_text(error: &AppError) -> String {
    match error {
        AppError::NotSignedIn => t("error-not-signed-in"),
        AppError::Invalid { .. } => t("form-look-again"),
        AppError::Internal { reference } => t_with(
            "error-internal",
            &[("reference", reference.as_str().into())],
        ),
        AppError::Transport { message } => {
            t_with("error-transport", &[("reason", message.as_str().into())])
        }
        other => other.to_string(),
    }
}

/// Answers a page whose data was refused with the matching status, so a page that does not
/// exist for this person is a 404 to browsers and crawlers too, not a 200 with a notice.
pub fn refusal_status(error: &crate::model::AppError) {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        // A page's only input is its address: what a server function calls unprocessable is a
        // bad request here.
        let status = match error {
            crate::model::AppError::Invalid { .. } => 400,
            other => other.status(),
        };
        res.set_status(http::StatusCode::from_u16(status).unwrap_or_default());
    }
    #[cfg(not(feature = "ssr"))]
    let _ = error;
}
