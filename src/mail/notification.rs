//! The notification emails: what each says, rendered from one HTML and one text template.

use askama::Template;

/// One notification's content; the templates lay it out.
#[derive(Debug, Clone)]
pub struct Notification {
    pub subject: String,
    pub headline: String,
    pub intro: String,
    pub number: String,
    pub title: String,
    /// The message a reply notification carries, as written.
    pub message: Option<String>,
    pub summary: Option<String>,
    pub notes: Vec<String>,
    pub link_label: &'static str,
    pub link: String,
    /// One-click satisfaction links, for the scores 1 to 5 in order (resolution emails).
    pub ratings: Vec<String>,
    pub footer: &'static str,
}

#[derive(Template)]
#[template(path = "email/notification.html")]
struct HtmlBody<'a> {
    n: &'a Notification,
}

#[derive(Template)]
#[template(path = "email/notification.txt")]
struct TextBody<'a> {
    n: &'a Notification,
}

impl Notification {
    /// (plain text, HTML)
    pub fn render(&self) -> askama::Result<(String, String)> {
        Ok((
            TextBody { n: self }.render()?,
            HtmlBody { n: self }.render()?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped_and_text_is_not() {
        let notification = Notification {
            subject: "s".into(),
            headline: "Assigned to you".into(),
            intro: "A ticket needs you.".into(),
            number: "TKT-2026-0001".into(),
            title: "<script>alert(1)</script> & more".into(),
            message: None,
            summary: Some("Summary here".into()),
            notes: vec!["Check logs".into()],
            link_label: "Open the ticket",
            link: "http://localhost:8080/tickets/TKT-2026-0001".into(),
            ratings: Vec::new(),
            footer: "deskql",
        };
        let (text, html) = notification.render().expect("render");
        assert!(text.contains("<script>alert(1)</script> & more"));
        assert!(text.contains("- Check logs"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("alert(1)"), "{html}");
        assert!(html.contains("<li>Check logs</li>"));
    }
}
