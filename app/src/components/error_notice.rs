use crate::model::AppError;
use leptos::prelude::*;

/// A page-level error, worded for the reader, with a way forward.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let action = match &error {
        AppError::NotSignedIn => view! { <a href="/login">"Sign in"</a> }.into_any(),
        AppError::NotFound { .. } => view! { <a href="/">"Back to the catalog"</a> }.into_any(),
        _ => view! { <a href="">"Try again"</a> }.into_any(),
    };
    // A refused input names its problem; the generic "needs another look" would not help here.
    let message = error
        .field_errors()
        .and_then(|f| f.values().next().cloned())
        .unwrap_or_else(|| error.to_string());
    view! {
        <div class="notice notice-error" role="alert">
            <p>{message}</p>
            <p>{action}</p>
        </div>
    }
}
