//! Files attached to forms: stored beside the database under random names, with limits on size
//! and type, and readable only by people who may see the ticket.

use super::internal;
use super::store::{AttachmentRecord, NewAttachment, Store};
use super::AppState;
use crate::model::{AppError, AppResult, AttachmentView, UserView};
use rand::RngCore;

/// Photos from phones, scans and plain documents. Anything a browser could run (HTML, SVG,
/// scripts) is refused, because downloads are served from our own origin.
pub const ALLOWED_TYPES: [&str; 7] = [
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/heic",
    "image/gif",
    "application/pdf",
    "text/plain",
];

pub fn check_upload(content_type: &str, size: usize, max: usize) -> AppResult<()> {
    if size == 0 {
        return Err(AppError::invalid_field("file", "The file is empty."));
    }
    if size > max {
        return Err(AppError::invalid_field(
            "file",
            format!("The file is {} MB; the limit is {} MB.", mb(size), mb(max)),
        ));
    }
    if !ALLOWED_TYPES.contains(&content_type) {
        return Err(AppError::invalid_field(
            "file",
            "Attach a photo (JPEG, PNG, WebP, HEIC, GIF), a PDF or a text file.",
        ));
    }
    Ok(())
}

fn mb(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / 1_048_576.0)
}

/// Keeps only characters that are safe in a download header and on any file system.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .take(120)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    if cleaned.is_empty() {
        "attachment".into()
    } else {
        cleaned
    }
}

pub async fn save_upload(
    state: &AppState,
    user: &UserView,
    file_name: &str,
    content_type: &str,
    bytes: &[u8],
) -> AppResult<AttachmentView> {
    check_upload(content_type, bytes.len(), state.max_attachment_bytes)?;
    let mut raw = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut raw);
    let storage_name: String = raw.iter().map(|b| format!("{b:02x}")).collect();
    tokio::fs::create_dir_all(&state.attachments_dir)
        .await
        .map_err(internal)?;
    tokio::fs::write(state.attachments_dir.join(&storage_name), bytes)
        .await
        .map_err(internal)?;
    let file_name = clean_file_name(file_name);
    let id = state
        .store
        .create_attachment(NewAttachment {
            owner_id: user.id,
            file_name: file_name.clone(),
            content_type: content_type.to_string(),
            size_bytes: bytes.len() as i64,
            storage_name,
            now: chrono::Utc::now(),
        })
        .await
        .map_err(internal)?;
    Ok(AttachmentView {
        id,
        file_name,
        size_bytes: bytes.len() as i64,
    })
}

/// The uploader may always read their file; once it is part of a ticket, whoever may see the
/// ticket may read it too.
pub async fn readable(store: &dyn Store, user: &UserView, id: i64) -> AppResult<AttachmentRecord> {
    let not_found = || AppError::not_found("There is no such attachment.");
    let record = store
        .attachment(id)
        .await
        .map_err(internal)?
        .ok_or_else(not_found)?;
    if record.owner_id == user.id {
        return Ok(record);
    }
    if let Some(ticket_id) = record.ticket_id {
        if let Some(ticket) = store
            .ticket_access_by_id(ticket_id)
            .await
            .map_err(internal)?
        {
            let relation = super::desk::relation_to(store, user, &ticket).await?;
            if relation.sees() {
                return Ok(record);
            }
        }
    }
    Err(not_found())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_are_limited_by_size_and_type() {
        assert!(check_upload("image/jpeg", 1000, 5000).is_ok());
        assert!(check_upload("image/jpeg", 0, 5000).is_err());
        let too_big = check_upload("image/jpeg", 6000, 5000).unwrap_err();
        assert!(too_big.field_errors().unwrap()["file"].contains("limit"));
        assert!(check_upload("text/html", 10, 5000).is_err());
        assert!(check_upload("image/svg+xml", 10, 5000).is_err());
    }

    #[test]
    fn file_names_lose_paths_and_odd_characters() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\photos\\till 3.jpg"), "till 3.jpg");
        assert_eq!(clean_file_name("a\"b;<c>.png"), "a_b__c_.png");
        assert_eq!(clean_file_name(".."), "attachment");
    }
}
