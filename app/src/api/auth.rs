use crate::model::{AppError, SignInOptions, UserView};
use leptos::prelude::*;

/// Posted by the sign-in form, with or without JavaScript; answers with a redirect.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::backend::{forms, session};
    let result = session::sign_in(&email, &password).await.map(|_| ());
    let back = format!(
        "/login?email={}&next={}",
        forms::encode(email.trim()),
        forms::encode(&forms::safe_next(next.as_deref()))
    );
    forms::finish(result, &forms::safe_next(next.as_deref()), &back)
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::backend::{forms, session};
    match session::sign_out().await {
        // The sign-in page then offers the provider's own sign-out.
        Ok(Some(provider)) => forms::finish(
            Ok(()),
            &format!("/login?signed_out={}", forms::encode(&provider)),
            "/",
        ),
        result => forms::finish(result.map(|_| ()), "/login", "/"),
    }
}

#[server(endpoint = "me")]
pub async fn current_user() -> Result<Option<UserView>, AppError> {
    crate::backend::session::current_user().await
}

/// What the sign-in page offers: identity providers, whether the password form is for
/// administrators only, and the demo accounts in demo mode.
#[server(endpoint = "sign_in_methods")]
pub async fn sign_in_methods() -> Result<SignInOptions, AppError> {
    Ok(crate::backend::session::sign_in_options(
        &crate::backend::state()?,
    ))
}
