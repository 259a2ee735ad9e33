use crate::domain::ticket::TicketStatus;

pub type DomainResult<T> = Result<T, DomainError>;

/// Every failure a caller can see. The GraphQL layer maps each variant to one
/// `extensions.code`; `Internal` is logged and masked.
///
/// Deliberately not `Display`: async-graphql converts any `Display` type into an error
/// without a code, and this way the compiler sends every conversion through ours.
#[derive(Debug)]
pub enum DomainError {
    Unauthenticated,
    InvalidCredentials(&'static str),
    Forbidden,
    NotFound(&'static str),
    InvalidInput {
        field: String,
        message: String,
    },
    InvalidTransition {
        from: TicketStatus,
        to: TicketStatus,
        allowed: Vec<TicketStatus>,
    },
    Conflict(String),
    /// The ticket is CLOSED or CANCELLED and takes no more replies.
    TicketClosed {
        status: TicketStatus,
    },
    /// The ticket was merged into `into` and takes no more changes of that kind.
    AlreadyMerged {
        number: String,
        into: String,
    },
    /// The change is allowed but has consequences the caller must accept explicitly.
    ConfirmationRequired(String),
    /// An upload broke a limit (size, count, type).
    PayloadTooLarge(String),
    RateLimited {
        retry_after_secs: i64,
    },
    /// The database did not answer in time (pool wait, connect or statement timeout).
    Unavailable(anyhow::Error),
    Internal(anyhow::Error),
}

impl From<anyhow::Error> for DomainError {
    fn from(err: anyhow::Error) -> Self {
        Self::Internal(err)
    }
}

impl DomainError {
    /// For callers outside the API (the CLI), where internal details may be shown.
    pub fn into_anyhow(self) -> anyhow::Error {
        match self {
            Self::Internal(err) => err,
            other => anyhow::anyhow!(other.message()),
        }
    }

    /// What the caller is told (internal details are never part of it).
    pub fn message(&self) -> String {
        match self {
            Self::Unauthenticated => "authentication required".into(),
            Self::InvalidCredentials(message) => (*message).into(),
            Self::Forbidden => "you are not allowed to do this".into(),
            Self::NotFound(what) => format!("{what} not found"),
            Self::InvalidInput { message, .. } => message.clone(),
            Self::InvalidTransition { from, to, allowed } => {
                let allowed: Vec<String> = allowed.iter().map(ToString::to_string).collect();
                if allowed.is_empty() {
                    format!("cannot move a ticket from {from} to {to}: {from} is final")
                } else {
                    format!(
                        "cannot move a ticket from {from} to {to}; allowed from {from}: {}",
                        allowed.join(", ")
                    )
                }
            }
            Self::Conflict(message) => message.clone(),
            Self::TicketClosed { status } => format!(
                "the ticket is {status} and takes no more replies; file a new ticket instead"
            ),
            Self::AlreadyMerged { number, into } => format!("{number} was merged into {into}"),
            Self::ConfirmationRequired(message) => message.clone(),
            Self::PayloadTooLarge(message) => message.clone(),
            Self::RateLimited { retry_after_secs } => {
                format!("too many requests; retry in {retry_after_secs} s")
            }
            Self::Unavailable(_) => "the service is temporarily unavailable; retry shortly".into(),
            Self::Internal(_) => "internal server error".into(),
        }
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::InvalidInput {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl From<diesel::result::Error> for DomainError {
    fn from(err: diesel::result::Error) -> Self {
        // SQLSTATE 57014: `statement_timeout` cancelled the query.
        if err.to_string().contains("statement timeout") {
            return Self::Unavailable(err.into());
        }
        Self::Internal(err.into())
    }
}

impl From<diesel_async::pooled_connection::deadpool::PoolError> for DomainError {
    fn from(err: diesel_async::pooled_connection::deadpool::PoolError) -> Self {
        use diesel_async::pooled_connection::deadpool::PoolError;
        match err {
            PoolError::Timeout(_) | PoolError::Backend(_) => Self::Unavailable(err.into()),
            other => Self::Internal(other.into()),
        }
    }
}
