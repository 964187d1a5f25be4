//! Headers on every response: a Content-Security-Policy whose scripts are only this portal's
//! files, the WebAssembly start-up module (by its hash) and the scripts of this very page (by a
//! nonce made per response); no framing; no sniffing; no referrer to other sites; HSTS over
//! HTTPS.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use leptos::prelude::{provide_context, use_context};
use std::sync::Arc;

/// This response's nonce, carried from the middleware to the render in the request.
#[derive(Clone, Debug)]
pub struct CspNonce(pub Arc<str>);

/// What the headers depend on, fixed at start-up.
#[derive(Clone, Debug)]
pub struct Policy {
    /// Send `Strict-Transport-Security` (served over HTTPS).
    pub hsts: bool,
    /// `sha256-…` of the inline start-up module (`app::app::bootstrap_script`).
    pub bootstrap_hash: String,
    /// Hosts articles may show images from, besides the portal.
    pub image_hosts: Vec<String>,
}

impl Policy {
    pub fn new(hsts: bool, bootstrap_script: &str, image_hosts: &[String]) -> Policy {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(bootstrap_script.as_bytes());
        Policy {
            hsts,
            bootstrap_hash: format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ),
            // Anything that could end the directive or add another is dropped, not escaped.
            image_hosts: image_hosts
                .iter()
                .map(|h| h.trim().to_string())
                .filter(|h| !h.is_empty() && !h.contains([';', ',', '\'', ' ']))
                .collect(),
        }
    }

    pub fn content_security_policy(&self, nonce: &str) -> String {
        let images = std::iter::once("'self' data:".to_string())
            .chain(self.image_hosts.iter().map(|h| format!("https://{h}")))
            .collect::<Vec<_>>()
            .join(" ");
        format!(
            "default-src 'self'; \
             script-src 'self' 'nonce-{nonce}' '{}' 'wasm-unsafe-eval'; \
             style-src 'self' 'unsafe-inline'; img-src {images}; connect-src 'self'; \
             worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; \
             form-action 'self'; frame-ancestors 'none'",
            self.bootstrap_hash
        )
    }
}

fn new_nonce() -> Arc<str> {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(bytes)
        .into()
}

/// Makes this response's nonce and sets the headers on whatever answers.
pub async fn add_security_headers(
    State(policy): State<Arc<Policy>>,
    mut req: Request,
    next: Next,
) -> Response {
    let nonce = new_nonce();
    req.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    if let Ok(csp) = HeaderValue::from_str(&policy.content_security_policy(&nonce)) {
        headers.insert(header::CONTENT_SECURITY_POLICY, csp);
    }
    let fixed = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        // For browsers older than `frame-ancestors`.
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    if policy.hsts {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    res
}

/// Gives the render the nonce the response's header names, so Leptos puts it on the scripts it
/// writes into the page (ours, and the data of each resource).
pub fn provide_request_nonce() {
    let nonce = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned());
    if let Some(CspNonce(value)) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_need_the_nonce_or_the_start_up_hash_never_inline() {
        let p = Policy::new(false, "import init from '/pkg/x.js';", &[]);
        let csp = p.content_security_policy("abc");
        assert!(
            csp.contains("script-src 'self' 'nonce-abc' 'sha256-"),
            "{csp}"
        );
        assert!(!csp.contains("script-src 'self' 'unsafe-inline'"));
        assert!(csp.contains("frame-ancestors 'none'"));
        assert!(csp.contains("img-src 'self' data:;"));
    }

    #[test]
    fn allowed_image_hosts_join_img_src_and_nothing_else_gets_in() {
        let p = Policy::new(
            false,
            "",
            &["images.example.com".into(), "x; script-src *".into()],
        );
        let csp = p.content_security_policy("n");
        assert!(
            csp.contains("img-src 'self' data: https://images.example.com;"),
            "{csp}"
        );
        assert!(!csp.contains("script-src *"));
    }
}
