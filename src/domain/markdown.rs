//! Markdown bodies rendered to HTML a browser can show as-is: CommonMark with tables and
//! strikethrough, then sanitized (no scripts, styles or event handlers; links only to
//! http, https and mailto, opened without referrer or opener). Images become links to the
//! image: a remote image loaded on display would tell its sender who read the message and
//! when.

use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .add_generic_attributes(["align"])
        .rm_tags(["img"]);
    builder
});

pub fn to_safe_html(markdown: &str) -> String {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }),
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        other => other,
    });
    html::push_html(&mut unsafe_html, events);
    SANITIZER.clean(&unsafe_html).to_string()
}

#[cfg(test)]
mod tests {
    use super::to_safe_html;

    #[test]
    fn renders_markdown() {
        let html = to_safe_html("**bold** and [docs](https://example.com)\n\n- one\n- two");
        assert!(html.contains("<strong>bold</strong>"), "{html}");
        assert!(
            html.contains(
                r#"<a href="https://example.com" rel="noopener noreferrer nofollow">docs</a>"#
            ),
            "{html}"
        );
        assert!(html.contains("<li>one</li>"), "{html}");
    }

    #[test]
    fn images_become_links() {
        let html = to_safe_html(
            "![chart](https://tracker.example/p.png) <img src=\"https://tracker.example/q.png\">",
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains(r#"<a href="https://tracker.example/p.png" rel="noopener noreferrer nofollow">chart</a>"#),
            "{html}"
        );
    }

    #[test]
    fn strips_scripts_handlers_and_unsafe_links() {
        let html = to_safe_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n\
             [click](javascript:alert(3)) <a href=\"data:text/html,x\" onclick=\"x()\">d</a>\n\n\
             <iframe src=\"https://evil.example\"></iframe><style>*{}</style>",
        );
        for forbidden in [
            "<script",
            "onerror",
            "javascript:",
            "data:",
            "onclick",
            "<iframe",
            "<style",
        ] {
            assert!(!html.contains(forbidden), "{forbidden} survived in {html}");
        }
        assert!(html.contains("click"), "{html}");
    }
}
