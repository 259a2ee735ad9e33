use async_graphql::{Context, Object};
use axum::http::header::SET_COOKIE;

use crate::auth::cookies;
use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::types::auth::AuthPayload;
use crate::graphql::types::inputs::{LogInInput, RefreshSessionInput, SignUpInput};
use crate::services::accounts::{self, Session, SignUp};

#[derive(Default)]
pub struct AccountMutation;

fn issue(ctx: &Context<'_>, session: Session) -> GqlResult<AuthPayload> {
    let config = &request_ctx(ctx)?.state.config;
    ctx.append_http_header(
        SET_COOKIE,
        cookies::access_cookie(config, &session.access_token),
    );
    Ok(session.into())
}

#[Object]
impl AccountMutation {
    /// Creates a USER account and signs it in.
    async fn sign_up(&self, ctx: &Context<'_>, input: SignUpInput) -> GqlResult<AuthPayload> {
        let session = accounts::sign_up(
            request_ctx(ctx)?,
            SignUp {
                email: input.email,
                password: input.password,
                name: input.name,
            },
        )
        .await?;
        issue(ctx, session)
    }

    /// Unknown email and wrong password fail alike; repeated failures are throttled.
    async fn log_in(&self, ctx: &Context<'_>, input: LogInInput) -> GqlResult<AuthPayload> {
        let session = accounts::log_in(request_ctx(ctx)?, &input.email, input.password).await?;
        issue(ctx, session)
    }

    /// Exchanges a refresh token for a new access token and a new refresh token. Reusing a
    /// spent refresh token revokes the whole session.
    async fn refresh_session(
        &self,
        ctx: &Context<'_>,
        input: RefreshSessionInput,
    ) -> GqlResult<AuthPayload> {
        let session = accounts::refresh_session(request_ctx(ctx)?, &input.refresh_token).await?;
        issue(ctx, session)
    }

    /// Ends the session: its access and refresh tokens stop working.
    async fn log_out(&self, ctx: &Context<'_>) -> GqlResult<bool> {
        let request = request_ctx(ctx)?;
        accounts::log_out(request).await?;
        ctx.append_http_header(
            SET_COOKIE,
            cookies::expired_access_cookie(&request.state.config),
        );
        Ok(true)
    }
}
