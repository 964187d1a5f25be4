//! Sign-in, sessions and the session cookie.
//!
//! The cookie holds a random token; the database holds only its SHA-256, so a copy of the
//! database cannot be used to sign in. Sessions live in the database, never in process memory,
//! so any server instance can serve any request.

use super::store::Store;
use super::{internal, state, store};
use crate::model::{AppError, AppResult, DemoAccount, SignInOptions, UserView};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine;
use chrono::{Duration, Utc};
use http::{header, HeaderMap};
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const COOKIE_NAME: &str = "deskfront_session";

pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .expect("argon2 hashing with default parameters cannot fail")
        .to_string()
}

pub fn verify_password(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

pub(crate) fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

pub fn token_hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
}

pub fn token_from_headers(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value.to_string())
        .filter(|v| !v.is_empty())
}

fn cookie(value: &str, max_age_secs: i64, secure: bool) -> String {
    // Lax keeps the cookie off cross-site POSTs (our CSRF defence for plain forms) while
    // letting people follow a link into the portal already signed in.
    format!(
        "{COOKIE_NAME}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{}",
        if secure { "; Secure" } else { "" }
    )
}

fn set_cookie(value: String) {
    if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(v) = header::HeaderValue::from_str(&value) {
            res.append_header(header::SET_COOKIE, v);
        }
    }
}

fn request_headers() -> Option<HeaderMap> {
    leptos::prelude::use_context::<http::request::Parts>().map(|p| p.headers)
}

/// Checks the password and starts a session. The same message for an unknown email and a wrong
/// password, so the form does not reveal who has an account.
pub async fn sign_in(email: &str, password: &str) -> AppResult<UserView> {
    let email = email.trim().to_lowercase();
    if email.is_empty() || password.is_empty() {
        return Err(AppError::invalid_field(
            crate::domain::validation::FORM_ERROR_KEY,
            "Enter your email address and password.",
        ));
    }
    let state = state()?;
    let credentials = state.store.credentials(&email).await.map_err(internal)?;
    let password = password.to_string();
    // Argon2 is deliberately slow; keep it off the async workers.
    let (ok, user) = tokio::task::spawn_blocking(move || match credentials {
        Some(c) => (verify_password(&c.password_hash, &password), Some(c.user)),
        None => {
            // Spend the same time as a real check so timing does not reveal unknown emails.
            let _ = verify_password(&DUMMY_HASH, &password);
            (false, None)
        }
    })
    .await
    .map_err(internal)?;
    let user = match (ok, user) {
        (true, Some(user)) => user,
        _ => {
            return Err(AppError::invalid_field(
                crate::domain::validation::FORM_ERROR_KEY,
                "That email and password do not match an account.",
            ))
        }
    };
    let token = new_token();
    let expires = Utc::now() + Duration::days(state.session_days);
    state
        .store
        .create_session(&token_hash(&token), user.id, expires)
        .await
        .map_err(internal)?;
    set_cookie(cookie(
        &token,
        state.session_days * 86_400,
        state.secure_cookies,
    ));
    Ok(user)
}

pub async fn sign_out() -> AppResult<()> {
    let state = state()?;
    if let Some(token) = request_headers().as_ref().and_then(token_from_headers) {
        state
            .store
            .delete_session(&token_hash(&token))
            .await
            .map_err(internal)?;
    }
    set_cookie(cookie("", 0, state.secure_cookies));
    Ok(())
}

/// The signed-in user of the current request, if any. A page request already resolved by the
/// sign-in gate carries the user in its extensions, which saves a query per server function.
pub async fn current_user() -> AppResult<Option<UserView>> {
    let known = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<UserView>().cloned());
    if known.is_some() {
        return Ok(known);
    }
    match request_headers() {
        Some(headers) => user_for_headers(store()?.as_ref(), &headers).await,
        None => Ok(None),
    }
}

/// The user whose session cookie is in `headers`; for handlers outside Leptos too.
pub async fn user_for_headers(
    store: &dyn Store,
    headers: &HeaderMap,
) -> AppResult<Option<UserView>> {
    let Some(token) = token_from_headers(headers) else {
        return Ok(None);
    };
    store
        .session_user(&token_hash(&token), Utc::now())
        .await
        .map_err(internal)
}

pub async fn require_user() -> AppResult<UserView> {
    current_user().await?.ok_or(AppError::NotSignedIn)
}

/// A real Argon2 hash (same parameters as stored ones) checked against when the email is
/// unknown. Made once, at the first such sign-in, so it costs what a real check costs.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password("no account has this password"));

/// The demo accounts the sign-in page lists in demo mode (the README lists them all).
const DEMO_ACCOUNTS: [(&str, &str); 4] = [
    ("rita.requester@deskfront.test", "Requester"),
    ("lena.lead@deskfront.test", "Line manager (approver)"),
    ("sam.store@deskfront.test", "Store staff"),
    ("ahmed.agent@deskfront.test", "Service desk agent"),
];

/// What the sign-in page offers. Outside demo mode the demo accounts do not exist (the server
/// refuses to start on a database that has them), so the page names none.
pub fn sign_in_options(state: &super::AppState) -> SignInOptions {
    let demo_accounts = if state.demo {
        DEMO_ACCOUNTS
            .iter()
            .map(|(email, role)| DemoAccount {
                email: (*email).into(),
                role: (*role).into(),
            })
            .collect()
    } else {
        Vec::new()
    };
    SignInOptions { demo_accounts }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_hash_verifies_only_the_right_password() {
        let hash = hash_password("correct horse");
        assert!(verify_password(&hash, "correct horse"));
        assert!(!verify_password(&hash, "wrong horse"));
        assert!(!verify_password("not a hash", "correct horse"));
    }

    #[test]
    fn dummy_hash_parses_so_unknown_emails_cost_a_full_check() {
        assert!(PasswordHash::new(&DUMMY_HASH).is_ok());
    }

    #[test]
    fn token_is_read_from_among_other_cookies() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            format!("theme=dark; {COOKIE_NAME}=abc123; other=1")
                .parse()
                .unwrap(),
        );
        assert_eq!(token_from_headers(&headers).as_deref(), Some("abc123"));
        assert_eq!(token_from_headers(&HeaderMap::new()), None);
    }

    #[test]
    fn cookie_is_http_only_and_same_site() {
        let c = cookie("t", 60, true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Secure"));
        assert!(!cookie("t", 60, false).contains("Secure"));
    }

    #[test]
    fn token_hash_is_stable_and_not_the_token() {
        assert_eq!(token_hash("abc"), token_hash("abc"));
        assert_ne!(token_hash("abc"), "abc");
    }
}
