//! Outgoing email: SMTP through lettre when `DESKQL_SMTP_URL` is set, otherwise `.eml` files
//! in `DESKQL_MAIL_DIR` (a default that works without any mail server).

pub mod notification;
pub mod reply_address;

use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::PipelineConfig;

const SMTP_TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Clone)]
enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    File(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

/// A rendered message ready to send.
pub struct Outgoing {
    pub message_id: String,
    pub to: Mailbox,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// One-click unsubscribe URL (RFC 8058), for notifications a person may switch off.
    pub unsubscribe: Option<String>,
    /// The ticket a reply should join: with inbound mail on, Reply-To names it.
    pub ticket_number: Option<String>,
}

#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    /// Right-hand side of Message-IDs.
    domain: String,
    /// The inbound-mail secret, which also keys reply addresses.
    reply_key: Option<String>,
    pub public_url: String,
}

impl Mailer {
    pub fn from_config(config: &PipelineConfig) -> anyhow::Result<Self> {
        let from: Mailbox = config
            .mail_from
            .parse()
            .with_context(|| format!("DESKQL_MAIL_FROM {:?} is not a mailbox", config.mail_from))?;
        let domain = from.email.domain().to_owned();
        let transport = match &config.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                    .context("DESKQL_SMTP_URL is not a valid smtp:// or smtps:// URL")?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build(),
            ),
            None => Transport::File(
                AsyncFileTransport::<Tokio1Executor>::new(&config.mail_dir),
                config.mail_dir.clone(),
            ),
        };
        Ok(Self {
            transport,
            from,
            domain,
            reply_key: config
                .inbound_email_secret
                .as_ref()
                .map(|secret| secret.expose().to_owned()),
            public_url: config.public_url.trim_end_matches('/').to_owned(),
        })
    }

    /// "SMTP" or "FILE", as recorded in the delivery log.
    pub fn transport_name(&self) -> &'static str {
        match self.transport {
            Transport::Smtp(_) => "SMTP",
            Transport::File(..) => "FILE",
        }
    }

    /// The Message-ID for a stable key: the same key always yields the same id.
    pub fn message_id(&self, key: &str) -> String {
        format!("<{key}@{}>", self.domain)
    }

    pub async fn send(&self, email: Outgoing) -> anyhow::Result<()> {
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(email.to)
            .subject(email.subject)
            .message_id(Some(email.message_id))
            // RFC 3834: automatic mail; well-behaved responders do not answer it.
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("Auto-Submitted"),
                "auto-generated".to_owned(),
            ));
        let reply_to = match (&self.reply_key, &email.ticket_number) {
            (Some(key), Some(number)) => reply_address::for_ticket(&self.from, key, number),
            _ => None,
        };
        if let Some(reply_to) = reply_to {
            builder = builder.reply_to(reply_to);
        }
        if let Some(url) = email.unsubscribe {
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{url}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_owned(),
                ));
        }
        let message =
            builder.multipart(MultiPart::alternative_plain_html(email.text, email.html))?;
        match &self.transport {
            Transport::Smtp(smtp) => {
                smtp.send(message).await?;
            }
            Transport::File(file, dir) => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .with_context(|| format!("cannot create mail directory {}", dir.display()))?;
                let id = file.send(message).await?;
                tracing::info!(file = %dir.join(format!("{id}.eml")).display(), "email written");
            }
        }
        Ok(())
    }
}
