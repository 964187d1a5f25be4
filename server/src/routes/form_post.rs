//! The request form without JavaScript: the browser posts the whole form (files included) here.
//! Success redirects to the new request; failure renders the same page again with every answer
//! kept and every message next to its field.

use app::app::shell;
use app::backend::submit::{self, SubmitForm};
use app::backend::{attachments, session, AppState};
use app::domain::validation::FORM_ERROR_KEY;
use app::domain::Answers;
use app::model::{AppError, FormPostback};
use axum::body::Body;
use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use leptos::prelude::*;

/// File parts one form post may carry: more than any form of ours has file fields, far fewer
/// than a flood would need.
pub const MAX_FILE_PARTS: usize = 10;

pub async fn submit(
    State(options): State<LeptosOptions>,
    Extension(state): Extension<AppState>,
    Path(slug): Path<String>,
    req: Request,
) -> Response {
    let headers = req.headers().clone();
    let uri = req.uri().clone();
    let nonce = req
        .extensions()
        .get::<crate::security::headers::CspNonce>()
        .cloned();
    let user = match session::user_for_headers(&state, &headers).await {
        Ok(Some(user)) => user,
        _ => {
            let next = app::backend::forms::encode(&format!("/catalog/{slug}"));
            return Redirect::to(&format!("/login?next={next}")).into_response();
        }
    };

    let mut answers = Answers::new();
    let mut upload_errors = app::domain::validation::FieldErrors::new();
    let mut idempotency_key = String::new();
    let mut form_version = 0i64;
    let mut file_parts = 0usize;
    let mut multipart = match Multipart::from_request(req, &()).await {
        Ok(m) => m,
        Err(e) => return (StatusCode::BAD_REQUEST, e.to_string()).into_response(),
    };
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) => return (e.status(), e.body_text()).into_response(),
        };
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) => return (e.status(), e.body_text()).into_response(),
        };
        if let Some(key) = name.strip_prefix("f.") {
            if file_name.is_some() {
                file_parts += 1;
                if file_parts > MAX_FILE_PARTS {
                    return (
                        StatusCode::PAYLOAD_TOO_LARGE,
                        format!("A form carries at most {MAX_FILE_PARTS} files."),
                    )
                        .into_response();
                }
            }
            match file_name {
                // A file input with nothing chosen still sends an empty part.
                Some(f) if f.is_empty() && bytes.is_empty() => {}
                Some(f) => match attachments::save_upload(&state, &user, &f, &bytes).await {
                    Ok(view) => answers
                        .entry(key.to_string())
                        .or_default()
                        .push(view.id.to_string()),
                    Err(e) => {
                        let message = e.field_errors().and_then(|m| m.values().next().cloned());
                        upload_errors
                            .insert(key.to_string(), message.unwrap_or_else(|| e.to_string()));
                    }
                },
                None => answers
                    .entry(key.to_string())
                    .or_default()
                    .push(String::from_utf8_lossy(&bytes).into_owned()),
            }
        } else if name == "idempotency_key" {
            idempotency_key = String::from_utf8_lossy(&bytes).trim().to_string();
        } else if name == "form_version" {
            form_version = String::from_utf8_lossy(&bytes).trim().parse().unwrap_or(0);
        }
    }

    let result = if upload_errors.is_empty() {
        submit::submit(
            &state,
            &user,
            SubmitForm {
                item_slug: slug.clone(),
                form_version,
                answers: answers.clone(),
                idempotency_key: idempotency_key.clone(),
            },
            app::i18n::for_headers(user.language.as_deref(), Some(&headers)),
        )
        .await
    } else {
        Err(AppError::Invalid {
            fields: upload_errors,
        })
    };

    match result {
        Ok(receipt) => {
            Redirect::to(&format!("/requests/{}?submitted=1", receipt.number)).into_response()
        }
        Err(err) => {
            let errors = match err {
                AppError::Invalid { fields } => fields,
                other => [(FORM_ERROR_KEY.to_string(), other.to_string())].into(),
            };
            let postback = FormPostback {
                item_slug: slug,
                answers,
                errors,
                idempotency_key,
            };
            render_with_postback(options, state, postback, uri, headers, nonce).await
        }
    }
}

async fn render_with_postback(
    options: LeptosOptions,
    state: AppState,
    postback: FormPostback,
    uri: axum::http::Uri,
    headers: axum::http::HeaderMap,
    nonce: Option<crate::security::headers::CspNonce>,
) -> Response {
    let handler = leptos_axum::render_app_async_with_context(
        {
            let state = state.clone();
            move || {
                provide_context(state.clone());
                provide_context(postback.clone());
                crate::security::headers::provide_request_nonce();
            }
        },
        move || shell(options.clone(), state.release.clone()),
    );
    let mut get = Request::builder().method(Method::GET).uri(uri);
    if let Some(nonce) = nonce {
        get = get.extension(nonce);
    }
    for (name, value) in headers.iter() {
        if name != axum::http::header::CONTENT_TYPE && name != axum::http::header::CONTENT_LENGTH {
            get = get.header(name, value);
        }
    }
    let Ok(get) = get.body(Body::empty()) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut response = handler(get).await;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    response
}
