//! `server admin create EMAIL`: the first administrator of a production start, made by someone
//! with a shell on the server. The password never travels as an argument (it would sit in the
//! shell history and in every process listing): `main.rs` reads it from the terminal, or from
//! standard input when that is not a terminal.

use crate::demo_guard::PUBLISHED_DEMO_PASSWORD;
use crate::store::{Housekeeping, NewAccount};
use app::backend::audit::Actor;
use app::backend::session::hash_password;
use app::domain::validation::is_plausible_email;
use app::model::{AuditKind, Role};

/// Long enough that guessing it online is hopeless even before sign-in throttling.
pub const MIN_PASSWORD_CHARS: usize = 12;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AdminError {
    #[error("{0:?} is not an e-mail address")]
    BadEmail(String),
    #[error("the name must not be empty")]
    EmptyName,
    #[error("the password must have at least {MIN_PASSWORD_CHARS} characters")]
    ShortPassword,
    #[error("the demo password is published in the README; choose another")]
    DemoPassword,
    #[error("the two passwords differ")]
    Mismatch,
    #[error("{0} already has an account")]
    Exists(String),
    #[error("database: {0}")]
    Store(String),
}

/// Checks a new administrator's password before anything is written.
pub fn check_password(password: &str, demo_password: &str) -> Result<(), AdminError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(AdminError::ShortPassword);
    }
    if password == PUBLISHED_DEMO_PASSWORD || password == demo_password {
        return Err(AdminError::DemoPassword);
    }
    Ok(())
}

/// Creates an administrator account; returns its id. `name` defaults to the address's local part.
pub async fn create_admin(
    store: &dyn Housekeeping,
    email: &str,
    name: Option<&str>,
    password: &str,
    demo_password: &str,
) -> Result<i64, AdminError> {
    let email = email.trim().to_lowercase();
    if !is_plausible_email(&email) {
        return Err(AdminError::BadEmail(email));
    }
    let name = match name {
        Some(n) => n.trim().to_string(),
        None => email.split('@').next().unwrap_or_default().to_string(),
    };
    if name.is_empty() {
        return Err(AdminError::EmptyName);
    }
    check_password(password, demo_password)?;
    let password_hash = hash_password(password);
    let account = NewAccount {
        email: &email,
        name: &name,
        role: Role::Admin,
        password_hash: &password_hash,
    };
    let audit = Actor::command_line()
        .did(AuditKind::Person, "create", &email, chrono::Utc::now())
        .after(serde_json::json!({ "email": email, "name": name, "role": Role::Admin.as_str() }));
    store
        .create_local_account(&account, &audit)
        .await
        .map_err(|e| AdminError::Store(e.to_string()))?
        .ok_or(AdminError::Exists(email))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_must_be_long_and_not_the_demo_one() {
        assert_eq!(check_password("short", "x"), Err(AdminError::ShortPassword));
        assert_eq!(
            check_password(PUBLISHED_DEMO_PASSWORD, "x"),
            Err(AdminError::DemoPassword)
        );
        assert_eq!(
            check_password("configured-demo-pw", "configured-demo-pw"),
            Err(AdminError::DemoPassword)
        );
        assert_eq!(check_password("correct horse battery", "x"), Ok(()));
    }
}
