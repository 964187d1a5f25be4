//! Downloads of attached files, for the people allowed to see them.

use app::backend::{attachments, session, AppState};
use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;

pub async fn download(
    Extension(state): Extension<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let user = match session::user_for_headers(&state, &headers).await {
        Ok(Some(user)) => user,
        Ok(None) => {
            return (StatusCode::UNAUTHORIZED, "Sign in to see attachments.").into_response()
        }
        Err(e) => return (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    };
    let record = match attachments::readable(state.store.as_ref(), &user, id).await {
        Ok(r) => r,
        Err(e) => return (StatusCode::NOT_FOUND, e.to_string()).into_response(),
    };
    match tokio::fs::read(state.attachments_dir.join(&record.storage_name)).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, record.content_type),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", record.view.file_name),
                ),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
                (header::CACHE_CONTROL, "private, no-store".to_string()),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => {
            let err = app::model::AppError::internal(e);
            (StatusCode::INTERNAL_SERVER_ERROR, err.to_string()).into_response()
        }
    }
}
