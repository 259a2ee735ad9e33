use async_graphql::{ID, Object};

use crate::db::models::category::Category;

#[derive(Clone)]
pub struct CategoryObject(pub Category);

#[Object(name = "Category")]
impl CategoryObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// Stable identifier used in inputs, e.g. `billing`.
    async fn slug(&self) -> &str {
        &self.0.slug
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn active(&self) -> bool {
        self.0.active
    }

    /// Skills that route tickets of this category to a moderator when their text names
    /// none (set by admins with `setCategoryDefaultSkills`).
    async fn default_skills(&self) -> &[String] {
        &self.0.default_skills
    }
}
