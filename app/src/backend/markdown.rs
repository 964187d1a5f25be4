//! Article Markdown to HTML that is safe to put in the page: rendered by pulldown-cmark, then
//! cleaned by ammonia's allow-list, so scripts, event handlers, `javascript:` URLs and styles
//! never reach the browser, whoever wrote the article.

use pulldown_cmark::{html, Options, Parser};

pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn markdown_becomes_html() {
        let html = render("## Check the paper\n\n1. Open the cover\n2. **Feed** it\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(html.contains("<h2>Check the paper</h2>"), "{html}");
        assert!(html.contains("<strong>Feed</strong>"));
        assert!(html.contains("<table>"));
    }

    #[test]
    fn scripts_handlers_and_javascript_links_never_survive() {
        let html = render(
            "<script>alert(1)</script>\n\n<img src=x onerror=\"alert(2)\">\n\n[click](javascript:alert(3)) <a href=\"jav&#x61;script:alert(4)\">x</a> <span style=\"color:red\" onclick=\"alert(5)\">s</span>",
        );
        for bad in [
            "<script",
            "alert(1)",
            "onerror",
            "javascript:",
            "onclick",
            "style=",
        ] {
            assert!(!html.to_lowercase().contains(bad), "{bad} in {html}");
        }
        assert!(render("[status](https://status.example.com)")
            .contains("href=\"https://status.example.com\" rel=\"noopener noreferrer\""));
    }
}
