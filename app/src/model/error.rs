//! The one error type every server function answers with. Its variants mean something to the
//! person using the portal; database and internal failures are logged on the server and reach the
//! browser only as a reference to quote to the service desk.

use crate::domain::validation::FieldErrors;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "error", rename_all = "snake_case", try_from = "WireError")]
pub enum AppError {
    #[error("Please sign in to continue.")]
    NotSignedIn,
    #[error("{message}")]
    Forbidden { message: String },
    #[error("{message}")]
    NotFound { message: String },
    /// Problems with what was sent, by field key (`_form` for the form as a whole).
    #[error("Some answers need another look.")]
    Invalid { fields: FieldErrors },
    /// The request is valid but the thing it acts on has moved on (already decided, closed, …).
    #[error("{message}")]
    Conflict { message: String },
    /// Too many attempts (sign-in, uploads, the integration API): wait and try again.
    #[error("{message}")]
    TooMany {
        message: String,
        retry_after_secs: u64,
    },
    #[error("Something went wrong on our side. If it keeps happening, quote reference {reference} to the service desk.")]
    Internal { reference: String },
    /// Network or protocol failure between browser and server.
    #[error("Could not reach the server ({message}). Check your connection and try again.")]
    Transport { message: String },
}

impl AppError {
    pub fn invalid_field(key: &str, message: impl Into<String>) -> Self {
        let mut fields = FieldErrors::new();
        fields.insert(key.to_string(), message.into());
        AppError::Invalid { fields }
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        AppError::Forbidden {
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        AppError::NotFound {
            message: message.into(),
        }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        AppError::Conflict {
            message: message.into(),
        }
    }

    pub fn transport(message: impl Into<String>) -> Self {
        AppError::Transport {
            message: message.into(),
        }
    }

    pub fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            AppError::Invalid { fields } => Some(fields),
            _ => None,
        }
    }

    /// A short code for carrying the error through a no-JavaScript redirect (`?error=`).
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotSignedIn => "not_signed_in",
            AppError::Forbidden { .. } => "forbidden",
            AppError::NotFound { .. } => "not_found",
            AppError::Invalid { .. } => "invalid",
            AppError::Conflict { .. } => "conflict",
            AppError::TooMany { .. } => "too_many",
            AppError::Internal { .. } => "internal",
            AppError::Transport { .. } => "transport",
        }
    }

    pub fn too_many(message: impl Into<String>, retry_after_secs: u64) -> Self {
        AppError::TooMany {
            message: message.into(),
            retry_after_secs,
        }
    }

    /// The HTTP status this error answers with, so monitoring can tell a typo (4xx) from a fault
    /// of ours (5xx).
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotSignedIn => 401,
            AppError::Forbidden { .. } => 403,
            AppError::NotFound { .. } => 404,
            AppError::Conflict { .. } => 409,
            AppError::Invalid { .. } => 422,
            AppError::TooMany { .. } => 429,
            AppError::Internal { .. } => 500,
            // Only made from a request the server could not read (see `from_server_fn_error`).
            AppError::Transport { .. } => 400,
        }
    }

    /// Logs an internal failure and returns the error the user sees. Its reference is the
    /// request's id (the `X-Request-Id` header, and the request's log line), so what a person
    /// quotes to the desk finds the log at once.
    #[cfg(feature = "ssr")]
    pub fn internal(err: impl std::fmt::Display) -> Self {
        let reference = leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|p| p.extensions.get::<RequestId>().map(|id| id.0.clone()))
            .unwrap_or_else(|| RequestId::fresh().0);
        tracing::error!(%reference, error = %err, "internal error");
        AppError::Internal { reference }
    }
}

/// A request's id: on its log line, in its `X-Request-Id` response header, and the reference of
/// any internal error it met.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestId(pub String);

impl RequestId {
    #[cfg(feature = "ssr")]
    pub fn fresh() -> RequestId {
        use rand::Rng;
        RequestId(format!("E{:08X}", rand::thread_rng().gen::<u32>()))
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(msg) | ServerFnErrorErr::Response(msg) => {
                AppError::transport(msg)
            }
            ServerFnErrorErr::Args(msg)
            | ServerFnErrorErr::MissingArg(msg)
            | ServerFnErrorErr::Deserialization(msg) => AppError::invalid_field(
                crate::domain::validation::FORM_ERROR_KEY,
                crate::i18n::t_with("error-form-unreadable", &[("reason", msg.into())]),
            ),
            other => AppError::transport(other.to_string()),
        }
    }

    /// Called by the server as it writes the error: the response gets the error's status, unless
    /// it is a plain form post, which is redirected back to its page with the error instead.
    fn ser(&self) -> leptos::server_fn::Bytes {
        #[cfg(feature = "ssr")]
        if !accepts_html() {
            if let Some(res) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
                res.set_status(http::StatusCode::from_u16(self.status()).unwrap_or_default());
                if let AppError::TooMany {
                    retry_after_secs, ..
                } = self
                {
                    res.insert_header(http::header::RETRY_AFTER, (*retry_after_secs).into());
                }
            }
        }
        serde_json::to_vec(self)
            .map(Into::into)
            .unwrap_or_else(|_| {
                leptos::server_fn::Bytes::from_static(
                    br#"{"error":"internal","reference":"E-SERIAL"}"#,
                )
            })
    }
}

/// True for a browser's plain form post (it asks for HTML), which leptos answers with a redirect.
#[cfg(feature = "ssr")]
fn accepts_html() -> bool {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers
                .get(http::header::ACCEPT)?
                .to_str()
                .ok()
                .map(str::to_owned)
        })
        .is_some_and(|v| v.contains("text/html"))
}

pub type AppResult<T> = Result<T, AppError>;

/// An error as it arrives: `{"error": "<code>", …}` with the fields of its kind. Read as one
/// flat struct rather than by serde's internally tagged enum, whose buffering deserializer was
/// ~40 KB of the browser's main module (every page reads errors from the server).
#[derive(Deserialize)]
struct WireError {
    error: String,
    message: Option<String>,
    fields: Option<FieldErrors>,
    reference: Option<String>,
    retry_after_secs: Option<u64>,
}

impl TryFrom<WireError> for AppError {
    type Error = String;

    fn try_from(wire: WireError) -> Result<Self, String> {
        let WireError {
            error,
            message,
            fields,
            reference,
            retry_after_secs,
        } = wire;
        let missing = |field: &str| format!("a `{error}` error without its `{field}`");
        // Each kind takes what it needs; a missing field is only an error for a kind that has it.
        let message = message.ok_or_else(|| missing("message"));
        let fields = fields.ok_or_else(|| missing("fields"));
        let reference = reference.ok_or_else(|| missing("reference"));
        Ok(match error.as_str() {
            "not_signed_in" => AppError::NotSignedIn,
            "forbidden" => AppError::Forbidden { message: message? },
            "not_found" => AppError::NotFound { message: message? },
            "conflict" => AppError::Conflict { message: message? },
            "transport" => AppError::Transport { message: message? },
            "invalid" => AppError::Invalid { fields: fields? },
            "too_many" => AppError::TooMany {
                message: message?,
                retry_after_secs: retry_after_secs.unwrap_or(60),
            },
            "internal" => AppError::Internal {
                reference: reference?,
            },
            other => return Err(format!("unknown error kind `{other}`")),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_reads_back_as_it_was_written() {
        let all = [
            AppError::NotSignedIn,
            AppError::forbidden("Only the desk may do that."),
            AppError::not_found("No such request."),
            AppError::invalid_field("email", "Enter an email address."),
            AppError::conflict("Already decided."),
            AppError::Internal {
                reference: "E0000002A".into(),
            },
            AppError::transport("timed out"),
            AppError::too_many("Wait a minute.", 60),
        ];
        for error in all {
            let json = serde_json::to_string(&error).unwrap();
            assert!(
                json.starts_with(&format!("{{\"error\":\"{}\"", error.code())),
                "{json}"
            );
            assert_eq!(serde_json::from_str::<AppError>(&json).unwrap(), error);
        }
    }

    #[test]
    fn an_unknown_kind_or_a_missing_field_is_not_read_as_some_other_error() {
        let read = |json: &str| {
            serde_json::from_str::<AppError>(json)
                .unwrap_err()
                .to_string()
        };
        assert!(read(r#"{"error":"teapot"}"#).contains("unknown error kind `teapot`"));
        assert!(read(r#"{"error":"not_found"}"#).contains("without its `message`"));
        assert!(read(r#"{"error":"invalid","message":"x"}"#).contains("without its `fields`"));
        assert!(read(r#"{"message":"x"}"#).contains("missing field `error`"));
    }
}
