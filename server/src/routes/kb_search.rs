//! `GET /api/v1/kb/search?q=…&limit=…`: ranked published articles as JSON, for chat bots and
//! intranet widgets. A stable contract: fields are only ever added. Same engine and index as
//! the portal's own search. Needs a session unless `public_kb_search` is configured.

use app::backend::{session, AppState};
use app::search::{DocKind, SearchOptions};
use axum::extract::Query;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use serde_json::json;

const MAX_QUERY_CHARS: usize = 200;
const MAX_LIMIT: usize = 50;

#[derive(Deserialize)]
pub struct Params {
    q: Option<String>,
    limit: Option<String>,
}

#[derive(Serialize)]
struct Found {
    slug: String,
    title: String,
    summary: String,
    score: f32,
    url: String,
}

fn invalid(field: &str, message: &str) -> Response {
    let body = json!({ "error": "invalid_field", "field": field, "message": message });
    (StatusCode::BAD_REQUEST, Json(body)).into_response()
}

/// The validated query and limit, or the field at fault and what to do about it.
fn check(params: &Params) -> Result<(String, usize), (&'static str, &'static str)> {
    let q = params.q.as_deref().unwrap_or_default().trim();
    if q.is_empty() {
        return Err(("q", "Give the words to search for in q."));
    }
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(("q", "Keep the search under 200 characters."));
    }
    let limit = match params.limit.as_deref() {
        None => 10,
        Some(l) => match l.parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
            _ => return Err(("limit", "limit must be a whole number from 1 to 50.")),
        },
    };
    Ok((q.to_string(), limit))
}

pub async fn search(
    Extension(state): Extension<AppState>,
    Query(params): Query<Params>,
    headers: HeaderMap,
) -> Response {
    if !state.public_kb_search {
        match session::user_for_headers(&state, &headers).await {
            Ok(Some(_)) => {}
            Ok(None) => {
                let body = json!({ "error": "not_signed_in", "message": "Sign in, or ask an administrator to make knowledge search public." });
                return (StatusCode::UNAUTHORIZED, Json(body)).into_response();
            }
            Err(e) => return server_error(e),
        }
    }
    let (q, limit) = match check(&params) {
        Ok(v) => v,
        Err((field, message)) => return invalid(field, message),
    };
    let index = match state.search.index(state.store.as_ref()).await {
        Ok(index) => index,
        Err(e) => return server_error(e),
    };
    // The asker's language, as their Accept-Language says: its versions of articles first.
    let language = app::i18n::for_headers(None, Some(&headers)).search_language();
    let options = SearchOptions {
        limit,
        kind: Some(DocKind::Article),
        language,
        ..SearchOptions::default()
    };
    let results: Vec<Found> = index
        .search(&q, &options)
        .into_iter()
        .map(|hit| {
            let doc = index.doc(hit.doc);
            Found {
                slug: doc.key.clone(),
                title: doc.title.clone(),
                summary: doc.summary.clone(),
                score: (hit.score * 1000.0).round() / 1000.0,
                url: format!("/kb/{}", doc.key),
            }
        })
        .collect();
    Json(json!({ "query": q, "results": results })).into_response()
}

fn server_error(e: impl std::fmt::Display) -> Response {
    let err = app::model::AppError::internal(e);
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        Json(json!({ "error": "internal", "message": err.to_string() })),
    )
        .into_response()
}
