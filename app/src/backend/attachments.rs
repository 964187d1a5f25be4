//! Files attached to forms: stored beside the database under random names, with limits on size
//! and type, and readable only by people who may see the ticket.

use super::internal;
use super::store::{AttachmentRecord, NewAttachment, Store};
use super::AppState;
use crate::i18n::{t, t_with};
use crate::model::{AppError, AppResult, AttachmentView, UserView};
use rand::RngCore;

/// Photos from phones, scans and plain documents, with the file name endings each may have.
/// Anything a browser could run (HTML, SVG, scripts) is refused, because downloads are served
/// from our own origin.
pub const ALLOWED_TYPES: [(&str, &[&str]); 8] = [
    ("image/jpeg", &["jpg", "jpeg", "jfif"]),
    ("image/png", &["png"]),
    ("image/webp", &["webp"]),
    ("image/heic", &["heic"]),
    ("image/heif", &["heif", "heic"]),
    ("image/gif", &["gif"]),
    ("application/pdf", &["pdf"]),
    ("text/plain", &["txt", "log", "text", "csv"]),
];

/// Files one person may upload: so many an hour, so many megabytes a day.
pub const UPLOADS_PER_HOUR: i64 = 60;
pub const UPLOAD_MB_PER_DAY: i64 = 200;

/// What the file is, by its bytes: the client's Content-Type and the name's ending are only
/// claims. Text is plain UTF-8 without control characters other than whitespace.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if let Some(kind) = infer::get(bytes) {
        return Some(kind.mime_type());
    }
    let text = std::str::from_utf8(bytes).ok()?;
    text.chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .then_some("text/plain")
}

/// Checks an upload and returns its type as decided by its bytes. A file whose name says one
/// type and whose bytes another (a PNG named `.pdf`) is refused rather than guessed at.
pub fn check_upload(file_name: &str, bytes: &[u8], max: usize) -> AppResult<&'static str> {
    let size = bytes.len();
    if size == 0 {
        return Err(AppError::invalid_field("file", t("error-file-empty")));
    }
    if size > max {
        return Err(AppError::invalid_field(
            "file",
            t_with(
                "error-file-over-limit",
                &[("size", mb(size).into()), ("max", mb(max).into())],
            ),
        ));
    }
    let Some((kind, endings)) =
        sniff(bytes).and_then(|found| ALLOWED_TYPES.iter().find(|(allowed, _)| *allowed == found))
    else {
        return Err(AppError::invalid_field("file", t("error-file-kind")));
    };
    let ending = file_name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .filter(|e| !e.is_empty() && e.len() <= 5);
    if let Some(ending) = ending {
        if !endings.contains(&ending.as_str()) {
            return Err(AppError::invalid_field(
                "file",
                t_with(
                    "error-file-misnamed",
                    &[
                        ("ending", ending.as_str().into()),
                        ("kind", describe(kind).into()),
                    ],
                ),
            ));
        }
    }
    Ok(kind)
}

/// The kind of file, as `error-file-misnamed` tells it.
fn describe(kind: &str) -> &'static str {
    match kind {
        "application/pdf" => "pdf",
        "text/plain" => "text",
        _ => "picture",
    }
}

/// Refuses an upload past the person's hourly count or daily volume.
async fn within_quota(store: &dyn Store, user: &UserView, size: usize) -> AppResult<()> {
    let now = chrono::Utc::now();
    let (files, _) = store
        .uploaded_since(user.id, now - chrono::Duration::hours(1))
        .await
        .map_err(internal)?;
    if files >= UPLOADS_PER_HOUR {
        return Err(AppError::too_many(
            t_with("error-uploads-per-hour", &[("files", files.into())]),
            15 * 60,
        ));
    }
    let (_, bytes) = store
        .uploaded_since(user.id, now - chrono::Duration::days(1))
        .await
        .map_err(internal)?;
    if bytes + size as i64 > UPLOAD_MB_PER_DAY * 1_048_576 {
        return Err(AppError::too_many(
            t_with("error-uploads-per-day", &[("mb", UPLOAD_MB_PER_DAY.into())]),
            60 * 60,
        ));
    }
    Ok(())
}

/// Megabytes with one decimal, with the reader's decimal mark.
fn mb(bytes: usize) -> String {
    crate::i18n::i18n().decimal(&format!("{:.1}", bytes as f64 / 1_048_576.0))
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
    bytes: &[u8],
) -> AppResult<AttachmentView> {
    let content_type = check_upload(file_name, bytes, state.max_attachment_bytes)?;
    within_quota(state.store.as_ref(), user, bytes.len()).await?;
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
    let not_found = || AppError::not_found(t("error-no-attachment"));
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

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n";

    #[test]
    fn the_bytes_decide_the_type_within_the_size_limit() {
        assert_eq!(check_upload("till.png", PNG, 5000).unwrap(), "image/png");
        assert_eq!(check_upload("IMG_0001", PNG, 5000).unwrap(), "image/png");
        assert_eq!(
            check_upload("receipt.PDF", PDF, 5000).unwrap(),
            "application/pdf"
        );
        assert_eq!(
            check_upload("log.txt", b"Printer error E-27\n", 5000).unwrap(),
            "text/plain"
        );
        assert!(check_upload("empty.png", b"", 5000).is_err());
        let too_big = check_upload("big.txt", &[b'a'; 6000], 5000).unwrap_err();
        assert!(too_big.field_errors().unwrap()["file"].contains("limit"));
    }

    #[test]
    fn a_file_whose_name_and_bytes_disagree_or_that_could_run_is_refused() {
        let renamed = check_upload("invoice.pdf", PNG, 5000).unwrap_err();
        assert!(
            renamed.field_errors().unwrap()["file"].contains(".pdf"),
            "{renamed:?}"
        );
        assert!(check_upload("page.html", b"<html><script>x</script></html>", 5000).is_err());
        assert!(check_upload(
            "logo.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'/>",
            5000
        )
        .is_err());
        assert!(check_upload("tool.exe", b"MZ\x90\0\x03\0\0\0\x04\0", 5000).is_err());
        assert!(check_upload("notes.txt", b"binary\0\x01\x02", 5000).is_err());
    }

    #[test]
    fn file_names_lose_paths_and_odd_characters() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\photos\\till 3.jpg"), "till 3.jpg");
        assert_eq!(clean_file_name("a\"b;<c>.png"), "a_b__c_.png");
        assert_eq!(clean_file_name(".."), "attachment");
    }
}
