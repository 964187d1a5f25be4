//! Building the portal's own links.

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `/search?q=…` with an optional category.
pub fn search_url(query: &str, category: Option<&str>) -> String {
    let mut url = format!("/search?q={}", encode(query.trim()));
    if let Some(c) = category {
        url.push_str("&category=");
        url.push_str(&encode(c));
    }
    url
}
