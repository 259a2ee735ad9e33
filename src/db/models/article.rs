use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, Float4, Int8, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{help_articles, ticket_articles};

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, Identifiable)]
#[diesel(table_name = help_articles, check_for_backend(diesel::pg::Pg))]
pub struct HelpArticle {
    pub id: Uuid,
    pub slug: String,
    pub title: String,
    pub body: String,
    pub body_html: String,
    pub tags: Vec<String>,
    pub published: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = help_articles)]
pub struct NewHelpArticle<'a> {
    pub id: Uuid,
    pub slug: &'a str,
    pub title: &'a str,
    pub body: &'a str,
    pub body_html: &'a str,
    pub tags: &'a [String],
    pub published: bool,
    pub created_by_id: Option<Uuid>,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = help_articles)]
pub struct HelpArticleChanges {
    pub slug: Option<String>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub body_html: Option<String>,
    pub tags: Option<Vec<String>>,
    pub published: Option<bool>,
}

/// A search hit with its relevance.
#[derive(Debug, Clone, QueryableByName)]
pub struct RankedArticle {
    #[diesel(embed)]
    pub article: HelpArticle,
    #[diesel(sql_type = Float4)]
    pub rank: f32,
}

/// Published articles matching `text` as a web search (`"quoted phrases"`, `-not`, `or`),
/// ranked with title > tags > body. When every word must match nothing may, so a second
/// pass accepts any of the words (ranked the same way, below the strict hits).
const SUGGEST_SQL: &str = r#"
WITH queries AS (
    SELECT websearch_to_tsquery('english', $1) AS every_word,
        NULLIF(replace(plainto_tsquery('english', $1)::text, '&', '|'), '')::tsquery AS any_word
), strict AS (
    SELECT a.*, ts_rank(a.search_vector, q.every_word) + 1 AS rank
    FROM help_articles a, queries q
    WHERE a.published AND a.search_vector @@ q.every_word
), loose AS (
    SELECT a.*, ts_rank(a.search_vector, q.any_word) AS rank
    FROM help_articles a, queries q
    WHERE a.published AND a.search_vector @@ q.any_word AND a.id NOT IN (SELECT id FROM strict)
)
SELECT id, slug, title, body, body_html, tags, published, created_at, updated_at, rank::real
FROM (SELECT * FROM strict UNION ALL SELECT * FROM loose) hits
ORDER BY rank DESC, updated_at DESC
LIMIT $2
"#;

impl NewHelpArticle<'_> {
    /// `None` when the slug is taken.
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<Option<HelpArticle>> {
        diesel::insert_into(help_articles::table)
            .values(self)
            .on_conflict(help_articles::slug)
            .do_nothing()
            .returning(HelpArticle::as_returning())
            .get_result(conn)
            .await
            .optional()
    }
}

impl HelpArticle {
    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Self>> {
        help_articles::table
            .find(id)
            .select(HelpArticle::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn find_by_slug(
        conn: &mut AsyncPgConnection,
        slug: &str,
    ) -> QueryResult<Option<Self>> {
        help_articles::table
            .filter(help_articles::slug.eq(slug))
            .select(HelpArticle::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Newest first; drafts only when asked (staff).
    pub async fn list(
        conn: &mut AsyncPgConnection,
        include_drafts: bool,
        tag: Option<&str>,
        limit: i64,
        offset: i64,
    ) -> QueryResult<Vec<Self>> {
        let mut query = help_articles::table.into_boxed();
        if !include_drafts {
            query = query.filter(help_articles::published.eq(true));
        }
        if let Some(tag) = tag {
            query = query.filter(help_articles::tags.contains(vec![tag.to_owned()]));
        }
        query
            .order((help_articles::updated_at.desc(), help_articles::id.desc()))
            .limit(limit)
            .offset(offset)
            .select(HelpArticle::as_select())
            .load(conn)
            .await
    }

    pub async fn update(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        changes: &HelpArticleChanges,
    ) -> QueryResult<Option<Self>> {
        diesel::update(help_articles::table.find(id))
            .set((changes, help_articles::updated_at.eq(diesel::dsl::now)))
            .returning(HelpArticle::as_returning())
            .get_result(conn)
            .await
            .optional()
    }

    pub async fn delete(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<bool> {
        let deleted = diesel::delete(help_articles::table.find(id))
            .execute(conn)
            .await?;
        Ok(deleted > 0)
    }

    pub async fn suggest(
        conn: &mut AsyncPgConnection,
        text: &str,
        limit: i64,
    ) -> QueryResult<Vec<RankedArticle>> {
        diesel::sql_query(SUGGEST_SQL)
            .bind::<Text, _>(text)
            .bind::<Int8, _>(limit)
            .load(conn)
            .await
    }

    /// Articles linked to each of `ticket_ids` (drafts too: callers filter for the viewer).
    pub async fn linked_to(
        conn: &mut AsyncPgConnection,
        ticket_ids: &[Uuid],
    ) -> QueryResult<Vec<(Uuid, HelpArticle)>> {
        diesel::sql_query(
            "SELECT l.ticket_id, a.* FROM ticket_articles l JOIN help_articles a ON a.id = l.article_id \
             WHERE l.ticket_id = ANY($1) ORDER BY l.created_at",
        )
        .bind::<Array<diesel::sql_types::Uuid>, _>(ticket_ids)
        .load::<LinkedArticle>(conn)
        .await
        .map(|rows| rows.into_iter().map(|row| (row.ticket_id, row.article)).collect())
    }
}

#[derive(QueryableByName)]
struct LinkedArticle {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    ticket_id: Uuid,
    #[diesel(embed)]
    article: HelpArticle,
}

/// Links an article to a ticket; linking twice is a no-op. Returns whether a link was added.
pub async fn link(
    conn: &mut AsyncPgConnection,
    ticket_id: Uuid,
    article_id: Uuid,
    linked_by_id: Option<Uuid>,
) -> QueryResult<bool> {
    let added = diesel::insert_into(ticket_articles::table)
        .values((
            ticket_articles::ticket_id.eq(ticket_id),
            ticket_articles::article_id.eq(article_id),
            ticket_articles::linked_by_id.eq(linked_by_id),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(added > 0)
}

pub async fn unlink(
    conn: &mut AsyncPgConnection,
    ticket_id: Uuid,
    article_id: Uuid,
) -> QueryResult<bool> {
    let removed = diesel::delete(
        ticket_articles::table
            .filter(ticket_articles::ticket_id.eq(ticket_id))
            .filter(ticket_articles::article_id.eq(article_id)),
    )
    .execute(conn)
    .await?;
    Ok(removed > 0)
}
