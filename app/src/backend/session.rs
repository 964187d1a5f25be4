//! Sign-in, sessions and the session cookie.
//!
//! The cookie holds a random token; the database holds only its SHA-256, so a copy of the
//! database cannot be used to sign in. Sessions live in the database, never in process memory,
//! so any server instance can serve any request.

use super::{internal, state};
use crate::i18n::{t, t_with};
use crate::model::{AppError, AppResult, DemoAccount, Role, SignInOptions, UserView};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use base64::Engine;
use chrono::{Duration, Utc};
use http::{header, HeaderMap};
use rand::RngCore;
use sha2::{Digest, Sha256};

pub const COOKIE_NAME: &str = "deskfront_session";
/// The name over HTTPS. Browsers accept a `__Host-` cookie only from a secure origin, for the
/// whole host and no other (no `Domain`), so a neighbouring subdomain cannot plant a session.
pub const SECURE_COOKIE_NAME: &str = "__Host-deskfront_session";

pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        SECURE_COOKIE_NAME
    } else {
        COOKIE_NAME
    }
}

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

/// The session token in the request's cookies, under the one name this portal uses (over HTTPS
/// only the `__Host-` name counts).
pub fn token_from_headers(headers: &HeaderMap, secure: bool) -> Option<String> {
    let wanted = cookie_name(secure);
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value.to_string())
        .filter(|v| !v.is_empty())
}

/// The `Set-Cookie` value of a new session (also for sign-ins outside Leptos, see
/// `backend::identity`).
pub(crate) fn session_cookie(token: &str, max_age_secs: i64, secure: bool) -> String {
    cookie(token, max_age_secs, secure)
}

fn cookie(value: &str, max_age_secs: i64, secure: bool) -> String {
    // Lax keeps the cookie off cross-site POSTs (our CSRF defence for plain forms) while
    // letting people follow a link into the portal already signed in.
    format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{}",
        cookie_name(secure),
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

/// The address a request came from, as the server put it in the request's extensions (the
/// peer, or the address a trusted proxy forwarded).
#[derive(Clone, Debug)]
pub struct ClientAddress(pub String);

fn client_address() -> String {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<ClientAddress>().cloned())
        .map(|a| a.0)
        .unwrap_or_else(|| "unknown".into())
}

/// Password checks running at once. Each Argon2 check takes ~19 MB and a blocking thread for a
/// good fraction of a second; a flood of sign-ins waits here instead of exhausting both.
static HASHING: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    tokio::sync::Semaphore::new(cores.max(2))
});

/// How long a sign-in waits for a free password check before it is asked to come back.
const HASHING_QUEUE_SECS: u64 = 10;

fn too_many(until: chrono::DateTime<Utc>, now: chrono::DateTime<Utc>) -> AppError {
    let secs = (until - now).num_seconds().max(1);
    let message = if secs < 90 {
        t_with("error-sign-in-wait", &[("seconds", secs.into())])
    } else {
        t_with(
            "error-sign-in-wait-minutes",
            &[("minutes", ((secs + 59) / 60).into())],
        )
    };
    AppError::too_many(message, secs as u64)
}

/// Checks the password and starts a session. The same message for an unknown email and a wrong
/// password, so the form does not reveal who has an account. Failures are counted per account
/// and per client address, and past a few each one makes the next attempt wait longer
/// (`domain::throttle`): a blocked attempt is refused before any password is checked.
pub async fn sign_in(email: &str, password: &str) -> AppResult<UserView> {
    use crate::domain::throttle::ThrottleRule;
    let email = email.trim().to_lowercase();
    if email.is_empty() || password.is_empty() {
        return Err(AppError::invalid_field(
            crate::domain::validation::FORM_ERROR_KEY,
            t("error-sign-in-empty"),
        ));
    }
    let state = state()?;
    let account_key = format!("account:{email}");
    let address_key = format!("address:{}", client_address());
    let now = Utc::now();
    let blocked = state
        .store
        .blocked_until(&[&account_key, &address_key], now)
        .await
        .map_err(internal)?;
    if let Some(until) = blocked {
        tracing::warn!(target: "deskfront::sign_in", "sign-in refused: throttled");
        super::metrics::METRICS.sign_in_throttled.inc();
        return Err(too_many(until, now));
    }
    let credentials = state.store.credentials(&email).await.map_err(internal)?;
    let password = password.to_string();
    let permit = tokio::time::timeout(
        std::time::Duration::from_secs(HASHING_QUEUE_SECS),
        HASHING.acquire(),
    )
    .await
    .map_err(|_| AppError::too_many(t("error-sign-in-busy"), 5))?
    .map_err(internal)?;
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
    drop(permit);
    let user = match (ok, user) {
        (true, Some(user)) => user,
        _ => {
            tracing::info!(target: "deskfront::sign_in", "sign-in failed");
            super::metrics::METRICS.sign_in_failures.inc();
            for (key, rule) in [
                (&account_key, ThrottleRule::ACCOUNT),
                (&address_key, ThrottleRule::ADDRESS),
            ] {
                state
                    .store
                    .count_failure(key, &rule, now)
                    .await
                    .map_err(internal)?;
            }
            return Err(AppError::invalid_field(
                crate::domain::validation::FORM_ERROR_KEY,
                t("error-sign-in-failed"),
            ));
        }
    };
    state
        .store
        .clear_failures(&account_key)
        .await
        .map_err(internal)?;
    // Checked after the password, so the refusal tells nothing to someone without it.
    if state.password_admins_only && user.role != Role::Admin {
        tracing::info!(target: "deskfront::sign_in", "password sign-in refused: admins only");
        return Err(AppError::forbidden(t("error-password-admins-only")));
    }
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

/// Ends the current session. Answers the provider it came from, if any, so the page after
/// can offer that provider's own sign-out.
pub async fn sign_out() -> AppResult<Option<String>> {
    let state = state()?;
    let token = request_headers().and_then(|h| token_from_headers(&h, state.secure_cookies));
    let mut provider = None;
    if let Some(token) = token {
        provider = super::identity::session_provider(&state, &token).await?;
        state
            .store
            .delete_session(&token_hash(&token))
            .await
            .map_err(internal)?;
    }
    set_cookie(cookie("", 0, state.secure_cookies));
    Ok(provider)
}

/// The signed-in user of the current request, if any. A page request already resolved by the
/// sign-in gate carries the user in its extensions, which saves a query per server function.
/// Once known, the person's language setting words what the request answers from here on.
pub async fn current_user() -> AppResult<Option<UserView>> {
    let known = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| p.extensions.get::<UserView>().cloned());
    let user = match (known, request_headers()) {
        (Some(user), _) => Some(user),
        (None, Some(headers)) => user_for_headers(&state()?, &headers).await?,
        (None, None) => None,
    };
    if let Some(user) = &user {
        speak_their_language(user);
    }
    Ok(user)
}

/// Makes `user`'s language the request's (inside a page being rendered, the same one the
/// app's root chose from the same setting).
fn speak_their_language(user: &UserView) {
    leptos::prelude::provide_context(crate::i18n::for_request(user.language.as_deref()));
}

/// The user whose session cookie is in `headers`; for handlers outside Leptos too.
pub async fn user_for_headers(
    state: &super::AppState,
    headers: &HeaderMap,
) -> AppResult<Option<UserView>> {
    let Some(token) = token_from_headers(headers, state.secure_cookies) else {
        return Ok(None);
    };
    state
        .store
        .session_user(&token_hash(&token), Utc::now())
        .await
        .map_err(internal)
}

/// `user_for_headers`, with the stamp a cached page of theirs must match (see
/// `store::PageStamp`); for the sign-in gate in front of cacheable pages.
pub async fn user_and_page_stamp(
    state: &super::AppState,
    headers: &HeaderMap,
) -> AppResult<Option<(UserView, super::store::PageStamp)>> {
    let Some(token) = token_from_headers(headers, state.secure_cookies) else {
        return Ok(None);
    };
    state
        .store
        .session_page_stamp(&token_hash(&token), Utc::now())
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
const DEMO_ACCOUNTS: [(&str, Role); 4] = [
    ("rita.requester@deskfront.test", Role::Requester),
    ("lena.lead@deskfront.test", Role::Approver),
    ("sam.store@deskfront.test", Role::StoreStaff),
    ("ahmed.agent@deskfront.test", Role::Agent),
];

/// What the sign-in page offers. Outside demo mode the demo accounts do not exist (the server
/// refuses to start on a database that has them), so the page names none.
pub fn sign_in_options(state: &super::AppState) -> SignInOptions {
    let demo_accounts = if state.demo {
        DEMO_ACCOUNTS
            .iter()
            .map(|(email, role)| DemoAccount {
                email: (*email).into(),
                role: crate::i18n::t_with("role-name", &[("role", role.as_str().into())]),
            })
            .collect()
    } else {
        Vec::new()
    };
    SignInOptions {
        demo_accounts,
        providers: state.providers.list(&super::forms::request_origin()),
        password_admins_only: state.password_admins_only,
    }
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
        assert_eq!(
            token_from_headers(&headers, false).as_deref(),
            Some("abc123")
        );
        assert_eq!(token_from_headers(&HeaderMap::new(), false), None);
        assert_eq!(
            token_from_headers(&headers, true),
            None,
            "over HTTPS only the __Host- cookie counts"
        );
    }

    #[test]
    fn cookie_is_http_only_and_same_site() {
        let c = cookie("t", 60, true);
        assert!(c.contains("HttpOnly") && c.contains("SameSite=Lax") && c.contains("Secure"));
        assert!(c.starts_with("__Host-deskfront_session=t; Path=/;") && !c.contains("Domain"));
        let plain = cookie("t", 60, false);
        assert!(!plain.contains("Secure") && plain.starts_with("deskfront_session="));
    }

    #[test]
    fn token_hash_is_stable_and_not_the_token() {
        assert_eq!(token_hash("abc"), token_hash("abc"));
        assert_ne!(token_hash("abc"), "abc");
    }
}
