//! Authentication: who is calling. Authorization rules live with the operations (roles guard in
//! the GraphQL layer, ownership checks in the services).

pub mod cookies;
pub mod jwt;
pub mod password;
pub mod principals;
pub mod refresh;

use uuid::Uuid;

use crate::domain::roles::{Role, TokenScope};
use crate::domain::{DomainError, DomainResult};

/// A signed-in caller as of this request: role and active flag come from the database (via the
/// principal cache), never from the token alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Principal {
    pub user_id: Uuid,
    pub session_id: Uuid,
    pub role: Role,
    /// Set when the caller authenticated with an API token rather than a login.
    pub token_scope: Option<TokenScope>,
}

impl Principal {
    /// A read-only API token may not change anything.
    pub fn read_only(&self) -> bool {
        self.token_scope == Some(TokenScope::Read)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Viewer {
    #[default]
    Anonymous,
    User(Principal),
}

impl Viewer {
    pub fn principal(&self) -> DomainResult<Principal> {
        match self {
            Viewer::User(principal) => Ok(*principal),
            Viewer::Anonymous => Err(DomainError::Unauthenticated),
        }
    }

    pub fn is_staff(&self) -> bool {
        matches!(self, Viewer::User(p) if p.role.is_staff())
    }

    pub fn user_id(&self) -> Option<Uuid> {
        match self {
            Viewer::User(p) => Some(p.user_id),
            Viewer::Anonymous => None,
        }
    }

    pub fn require_staff(&self) -> DomainResult<Principal> {
        let principal = self.principal()?;
        if principal.role.is_staff() {
            Ok(principal)
        } else {
            Err(DomainError::Forbidden)
        }
    }

    pub fn require_admin(&self) -> DomainResult<Principal> {
        let principal = self.principal()?;
        if principal.role == Role::Admin {
            Ok(principal)
        } else {
            Err(DomainError::Forbidden)
        }
    }
}
