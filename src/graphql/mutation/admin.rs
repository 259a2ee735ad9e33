use async_graphql::{Context, ID, Object};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::category::CategoryObject;
use crate::graphql::types::inputs::{CreateCategoryInput, UpdateUserInput};
use crate::graphql::types::user::UserObject;
use crate::services::users::UserUpdate;
use crate::services::{categories, users};

#[derive(Default)]
pub struct AdminMutation;

#[Object]
impl AdminMutation {
    /// Admin: changes a user's role, skills, name or active flag. Takes effect on the user's
    /// next request on every instance.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn update_user(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateUserInput,
    ) -> GqlResult<UserObject> {
        let id = parse_uuid("id", &id)?;
        let update = UserUpdate {
            role: input.role,
            skills: input.skills,
            active: input.active,
            name: input.name,
        };
        Ok(UserObject::new(
            users::update(request_ctx(ctx)?, id, update).await?,
        ))
    }

    #[graphql(guard = "RoleGuard::admin()")]
    async fn create_category(
        &self,
        ctx: &Context<'_>,
        input: CreateCategoryInput,
    ) -> GqlResult<CategoryObject> {
        Ok(CategoryObject(
            categories::create(request_ctx(ctx)?, &input.slug, &input.name).await?,
        ))
    }

    /// Admin: skills that route tickets of this category when their text names none (for
    /// example `billing` → `["billing", "payments"]`). An empty list clears them.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn set_category_default_skills(
        &self,
        ctx: &Context<'_>,
        slug: String,
        skills: Vec<String>,
    ) -> GqlResult<CategoryObject> {
        Ok(CategoryObject(
            categories::set_default_skills(request_ctx(ctx)?, &slug, &skills).await?,
        ))
    }

    /// Admin: an inactive category stays on its tickets but cannot be chosen anew.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn set_category_active(
        &self,
        ctx: &Context<'_>,
        slug: String,
        active: bool,
    ) -> GqlResult<CategoryObject> {
        Ok(CategoryObject(
            categories::set_active(request_ctx(ctx)?, &slug, active).await?,
        ))
    }
}
