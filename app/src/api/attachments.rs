#[cfg(feature = "ssr")]
use crate::i18n::t;
use crate::model::{AppError, AttachmentView};
use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

/// Uploads one file chosen in a form's attachment field, before the form is submitted. The
/// answer then carries the returned id. Without JavaScript the file travels with the form. The
/// file's type is decided by its bytes (`backend::attachments::check_upload`), never by the
/// Content-Type the browser sent.
#[server(endpoint = "upload", input = MultipartFormData)]
pub async fn upload_attachment(data: MultipartData) -> Result<AttachmentView, AppError> {
    use crate::backend::{attachments, session, state};
    let user = session::require_user().await?;
    let state = state()?;
    let mut data = data
        .into_inner()
        .ok_or_else(|| AppError::internal("multipart data missing on the server"))?;
    while let Ok(Some(field)) = data.next_field().await {
        if field.name() != Some("file") {
            continue;
        }
        let file_name = field.file_name().unwrap_or("attachment").to_string();
        let mut bytes = Vec::new();
        let mut field = field;
        while let Ok(Some(chunk)) = field.chunk().await {
            if bytes.len() + chunk.len() > state.max_attachment_bytes {
                return Err(AppError::invalid_field("file", t("error-file-too-large")));
            }
            bytes.extend_from_slice(&chunk);
        }
        return attachments::save_upload(&state, &user, &file_name, &bytes).await;
    }
    Err(AppError::invalid_field("file", t("error-file-choose")))
}
