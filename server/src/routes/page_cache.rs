//! Signed-in pages kept rendered: the catalog, an item's page (its request form), the report
//! page a till's QR sticker opens and an article. Rendering one took most of its request's time,
//! yet for one reader it comes out the same until the catalog or the knowledge base changes,
//! their unread count moves or the minute turns (the fault form's "we will respond by 10:45" is
//! worked out from the clock, and an article's "read 12 times" from counts written in batches).
//!
//! Rendering an article counts a view; a page served from here counts it too (`count_view`).
//!
//! The sign-in gate reads the session together with that stamp (`session::user_and_page_stamp`,
//! one query), so a page is served from here only while the database still says it is current:
//! an edit through another instance, a notification, a sign-out anywhere shows at the next
//! request, as if nothing were cached.
//!
//! A page is kept per reader and address (the signed-in user as the page sees them, the host
//! the browser named, the path and query). What differs per response is cut out and filled in
//! fresh: the Content-Security-Policy nonce (its header comes from `security::headers`, outside
//! this layer) and the request form's submission key, so two visits never share a key and a
//! second request is never mistaken for a retry of the first. A render that reads anything
//! else from the request (a header, a cookie) must add it to `PageKey`.

use app::backend::store::PageStamp;
use app::backend::AppState;
use app::model::UserView;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::security::headers::CspNonce;

/// Says whether a page came from the cache, for tests and for anyone reading the headers.
pub const CACHE_HEADER: HeaderName = HeaderName::from_static("x-deskfront-page-cache");

/// All pages kept, at most; past it the cache starts over (a page is a few tens of KB).
const MAX_BYTES: usize = 32 * 1024 * 1024;

/// What comes right before a submission key: the request form's hidden field
/// (`components::request_form`), and the item's data for the browser (`ItemDetail`).
const KEY_MARKERS: [&[u8]; 2] = [
    br#"name="idempotency_key" value=""#,
    br#"\"submission_key\":\""#,
];
/// `backend::submit::new_idempotency_key`: 36 characters, hex digits and dashes.
const KEY_LEN: usize = 36;

/// The pages kept here: each depends only on its reader, its address, the stamp and the minute.
pub fn cacheable(path: &str) -> bool {
    path == "/"
        || path == "/report"
        || one_segment(path, "/catalog/").is_some()
        || article(path).is_some()
}

/// The slug of an article's page.
fn article(path: &str) -> Option<&str> {
    one_segment(path, "/kb/")
}

/// `/prefix/segment` → `segment`, when it is one non-empty segment.
fn one_segment<'a>(path: &'a str, prefix: &str) -> Option<&'a str> {
    path.strip_prefix(prefix)
        .filter(|rest| !rest.is_empty() && !rest.contains('/'))
}

/// A kept article served is a view, as its render would have counted (`api::knowledge`).
fn count_view(state: Option<&AppState>, path: &str) {
    if let (Some(state), Some(slug)) = (state, article(path)) {
        state.views.count(slug);
    }
}

/// When a kept page is still the page a render would give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Validity {
    stamp: PageStamp,
    minute: i64,
}

/// Whose page at which address.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct PageKey(String);

impl PageKey {
    fn of(user: &UserView, headers: &HeaderMap, path_and_query: &str) -> Option<Self> {
        // The page's language, as the render will choose it.
        let language = app::i18n::language_of_request(
            user.language.as_deref(),
            headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        );
        // Every field of the user, as the page's own data carries it.
        let user = serde_json::to_string(user).ok()?;
        let header = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
        };
        // The host and the proxy's view of it, which links to this portal are made from.
        Some(Self(format!(
            "{user}\n{language}\n{}\n{}\n{}\n{path_and_query}",
            header("host"),
            header("x-forwarded-host"),
            header("x-forwarded-proto"),
        )))
    }
}

/// The page's one submission key: `Some(None)` when it has none, `None` when it names keys in
/// a way this does not know (two different ones, one of another shape), so it is not kept.
fn submission_key(body: &[u8]) -> Option<Option<&[u8]>> {
    let mut key: Option<&[u8]> = None;
    let mut seen = 0;
    for marker in KEY_MARKERS {
        for at in memchr::memmem::find_iter(body, marker) {
            let start = at + marker.len();
            let found = body.get(start..start + KEY_LEN)?;
            let shaped = found.iter().all(|b| b.is_ascii_hexdigit() || *b == b'-')
                && found.iter().filter(|b| **b == b'-').count() == 4;
            match key {
                _ if !shaped => return None,
                Some(k) if k != found => return None,
                _ => key = Some(found),
            }
            seen += 1;
        }
    }
    // Named somewhere no marker covers: leave the page alone.
    let named = memchr::memmem::find_iter(body, b"idempotency_key").count()
        + memchr::memmem::find_iter(body, b"submission_key").count();
    (named == seen).then_some(key)
}

/// What differs in every response: filled in fresh each time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Hole {
    Nonce,
    SubmissionKey,
}

/// A rendered page with the places of its per-response values.
#[derive(Debug)]
struct Page {
    headers: HeaderMap,
    body: Bytes,
    holes: Vec<(usize, Hole)>,
    nonce_len: usize,
}

impl Page {
    /// The page as rendered with `nonce`; `None` when its per-response values cannot all be
    /// found (such a page is served as it is and not kept).
    fn cut(headers: HeaderMap, body: Bytes, nonce: &str) -> Option<Self> {
        if nonce.is_empty() {
            return None;
        }
        let mut holes: Vec<(usize, Hole)> = memchr::memmem::find_iter(&body, nonce.as_bytes())
            .map(|at| (at, Hole::Nonce))
            .collect();
        if let Some(key) = submission_key(&body)? {
            holes.extend(memchr::memmem::find_iter(&body, key).map(|at| (at, Hole::SubmissionKey)));
        }
        holes.sort_unstable();
        Some(Self {
            headers,
            body,
            holes,
            nonce_len: nonce.len(),
        })
    }

    /// The page with this response's nonce and a new submission key.
    fn fill(&self, nonce: &str) -> Option<Bytes> {
        if nonce.len() != self.nonce_len {
            return None;
        }
        let key = app::backend::submit::new_idempotency_key();
        if key.len() != KEY_LEN {
            return None;
        }
        let mut body = self.body.to_vec();
        for &(at, hole) in &self.holes {
            let value = match hole {
                Hole::Nonce => nonce.as_bytes(),
                Hole::SubmissionKey => key.as_bytes(),
            };
            body[at..at + value.len()].copy_from_slice(value);
        }
        Some(body.into())
    }
}

struct Kept {
    valid: Validity,
    page: Page,
}

/// This instance's kept pages.
#[derive(Default)]
pub struct PageCache {
    pages: RwLock<Pages>,
}

#[derive(Default)]
struct Pages {
    bytes: usize,
    by_key: HashMap<PageKey, Arc<Kept>>,
}

impl PageCache {
    fn get(&self, key: &PageKey, valid: Validity) -> Option<Arc<Kept>> {
        let pages = self.pages.read().expect("page cache lock");
        pages
            .by_key
            .get(key)
            .filter(|kept| kept.valid == valid)
            .cloned()
    }

    fn put(&self, key: PageKey, valid: Validity, page: Page) {
        let size = page.body.len();
        let mut pages = self.pages.write().expect("page cache lock");
        if pages.bytes + size > MAX_BYTES {
            pages.by_key.clear();
            pages.bytes = 0;
        }
        let kept = Arc::new(Kept { valid, page });
        if let Some(old) = pages.by_key.insert(key, kept) {
            pages.bytes -= old.page.body.len();
        }
        pages.bytes += size;
    }
}

/// Serves a cacheable page from the cache while its stamp holds, else renders and keeps it.
/// Runs inside the sign-in gate, which leaves the user and the stamp in the request.
pub async fn serve(
    Extension(cache): Extension<Arc<PageCache>>,
    req: Request,
    next: Next,
) -> Response {
    let found = (
        req.extensions().get::<PageStamp>().copied(),
        req.extensions().get::<UserView>(),
        req.extensions().get::<CspNonce>().cloned(),
    );
    let (Some(stamp), Some(user), Some(CspNonce(nonce))) = found else {
        return next.run(req).await;
    };
    let path = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    let Some(key) = PageKey::of(user, req.headers(), path) else {
        return next.run(req).await;
    };
    let valid = Validity {
        stamp,
        minute: chrono::Utc::now().timestamp().div_euclid(60),
    };
    if let Some(kept) = cache.get(&key, valid) {
        if let Some(body) = kept.page.fill(&nonce) {
            count_view(req.extensions().get::<AppState>(), req.uri().path());
            let mut res = Body::from(body).into_response();
            *res.headers_mut() = kept.page.headers.clone();
            res.headers_mut()
                .insert(CACHE_HEADER, HeaderValue::from_static("hit"));
            return res;
        }
    }

    let res = next.run(req).await;
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    // Only a whole, ordinary page: no redirect, error or cookie is kept.
    if res.status() != StatusCode::OK || !html || res.headers().contains_key(header::SET_COOKIE) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let body = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(body) => body,
        Err(err) => {
            tracing::error!(error = %err, "page render failed while being kept");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if let Some(page) = Page::cut(parts.headers.clone(), body.clone(), &nonce) {
        cache.put(key, valid, page);
    }
    parts
        .headers
        .insert(CACHE_HEADER, HeaderValue::from_static("miss"));
    Response::from_parts(parts, Body::from(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONCE: &str = "AAAAAAAAAAAAAAAAAAAAAA";
    const KEY: &str = "0123abcd-0123-4567-89ab-0123456789ab";

    fn page(html: &str) -> Option<Page> {
        Page::cut(HeaderMap::new(), Bytes::from(html.to_string()), NONCE)
    }

    #[test]
    fn only_the_pages_that_follow_the_stamp_are_kept() {
        assert!(cacheable("/"));
        assert!(cacheable("/catalog/laptop"));
        assert!(cacheable("/report"));
        assert!(!cacheable("/catalog/"));
        assert!(!cacheable("/catalog/laptop/edit"));
        assert!(!cacheable("/requests"));
        assert!(cacheable("/kb/card-reader-not-responding"));
        assert!(!cacheable("/kb/"));
        assert!(!cacheable("/kb/a/b"));
        assert!(!cacheable("/dashboard"));
    }

    #[test]
    fn every_copy_of_the_nonce_and_the_key_is_filled_in_fresh() {
        let html = format!(
            r#"<script nonce="{NONCE}">x</script><input type="hidden" name="idempotency_key" value="{KEY}"><script nonce="{NONCE}">d="{{\"submission_key\":\"{KEY}\"}}"</script>"#
        );
        let kept = page(&html).expect("kept");
        let fresh = "BBBBBBBBBBBBBBBBBBBBBB";
        let first = String::from_utf8(kept.fill(fresh).unwrap().to_vec()).unwrap();
        let second = String::from_utf8(kept.fill(fresh).unwrap().to_vec()).unwrap();
        assert!(!first.contains(NONCE) && !first.contains(KEY), "{first}");
        assert_eq!(first.matches(fresh).count(), 2);
        // One new key per response, the same in the form and in the page's data.
        let key_of = |s: &str| {
            let at = s.find("value=\"").unwrap() + 7;
            s[at..at + KEY_LEN].to_string()
        };
        let (k1, k2) = (key_of(&first), key_of(&second));
        assert_ne!(k1, k2);
        assert_eq!(first.matches(&k1).count(), 2);
        assert_eq!(first.len(), html.len());
    }

    #[test]
    fn a_page_whose_values_cannot_all_be_found_is_not_kept() {
        // A key of the wrong shape.
        assert!(page(
            r#"<input name="idempotency_key" value="not-a-key-but-something-else!!!!!!!!">"#
        )
        .is_none());
        // Two different keys: which is whose is not known.
        let other = "9999abcd-0123-4567-89ab-0123456789ab";
        let two = format!(
            r#"<input name="idempotency_key" value="{KEY}"><input name="idempotency_key" value="{other}">"#
        );
        assert!(page(&two).is_none());
        // A key named where no marker says where its value is.
        assert!(page(&format!(r#"<p data-idempotency_key="{KEY}"></p>"#)).is_none());
        // An empty key in the page's data (an item shown offline has none).
        assert!(page(r#"d={\"submission_key\":\"\",\"x\":1}"#).is_none());
        // A nonce of another length than the one the page was cut for.
        let kept = page(&format!(r#"<script nonce="{NONCE}"></script>"#)).unwrap();
        assert!(kept.fill("short").is_none());
    }

    #[test]
    fn the_cache_starts_over_rather_than_grow_past_its_limit() {
        let cache = PageCache::default();
        let valid = Validity {
            stamp: PageStamp {
                catalog_version: 1,
                search_version: 1,
                unread_notifications: 0,
            },
            minute: 1,
        };
        let big = "x".repeat(MAX_BYTES / 2 + 1);
        let a = PageKey("a".into());
        let b = PageKey("b".into());
        cache.put(a.clone(), valid, page(&big).unwrap());
        assert!(cache.get(&a, valid).is_some());
        // Another stamp is another page.
        let later = Validity { minute: 2, ..valid };
        assert!(cache.get(&a, later).is_none());
        cache.put(b.clone(), valid, page(&big).unwrap());
        assert!(cache.get(&a, valid).is_none());
        assert!(cache.get(&b, valid).is_some());
        assert_eq!(cache.pages.read().unwrap().bytes, big.len());
    }
}
