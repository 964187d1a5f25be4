use crate::api::error::AppError;
use leptos::prelude::*;

/// A page-level error, worded for the reader, with a way forward.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let action = match &error {
        AppError::NotSignedIn => view! { <a href="/login">"Sign in"</a> }.into_any(),
        AppError::NotFound { .. } => view! { <a href="/">"Back to the catalog"</a> }.into_any(),
        _ => view! { <a href="">"Try again"</a> }.into_any(),
    };
    view! {
        <div class="notice notice-error" role="alert">
            <p>{error.to_string()}</p>
            <p>{action}</p>
        </div>
    }
}
