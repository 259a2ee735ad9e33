//! `ticketStats`: the report a team lead opens every morning.

use async_graphql::{Context, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::db::models::report::{self, TicketReport};
use crate::domain::sla::SlaMetric;
use crate::domain::ticket::{TicketPriority, TicketSource, TicketStatus};
use crate::graphql::error::GqlResult;
use crate::graphql::loaders::{CategoryId, Loaders};
use crate::graphql::types::category::CategoryObject;
use crate::graphql::types::inputs::TicketFilterInput;
use crate::graphql::types::ticket::load_user;
use crate::graphql::types::user::UserObject;
use crate::services::reports::StatsBucket;

#[derive(InputObject)]
pub struct TicketStatsInput {
    /// Tickets filed at or after this instant.
    pub from: DateTime<Utc>,
    /// Tickets filed before this instant; at most 366 days after `from`.
    pub to: DateTime<Utc>,
    /// IANA name for the volume buckets, e.g. `Europe/Berlin`.
    #[graphql(default_with = "String::from(\"UTC\")")]
    pub time_zone: String,
    /// Defaults to HOUR for periods up to two days, DAY beyond (HOUR covers at most 31 days).
    pub bucket: Option<StatsBucket>,
    /// The `tickets` filters (except `slaState`).
    pub filter: Option<TicketFilterInput>,
}

#[derive(SimpleObject)]
pub struct StatusCount {
    pub status: TicketStatus,
    pub count: i64,
}

#[derive(SimpleObject)]
pub struct PriorityCount {
    pub priority: TicketPriority,
    pub count: i64,
}

#[derive(SimpleObject)]
pub struct SourceCount {
    pub source: TicketSource,
    pub count: i64,
}

pub struct CategoryCount {
    category_id: Option<Uuid>,
    count: i64,
}

#[Object]
impl CategoryCount {
    async fn category(&self, ctx: &Context<'_>) -> GqlResult<Option<CategoryObject>> {
        let Some(id) = self.category_id else {
            return Ok(None);
        };
        Ok(ctx
            .data::<Loaders>()?
            .load_one(CategoryId(id))
            .await?
            .map(CategoryObject))
    }

    async fn count(&self) -> i64 {
        self.count
    }
}

pub struct AssigneeCount {
    assignee_id: Option<Uuid>,
    count: i64,
}

#[Object]
impl AssigneeCount {
    /// Null: nobody is assigned.
    async fn assignee(&self, ctx: &Context<'_>) -> GqlResult<Option<UserObject>> {
        load_user(ctx, self.assignee_id).await
    }

    async fn count(&self) -> i64 {
        self.count
    }
}

/// Minutes; null when nothing was measured.
#[derive(SimpleObject)]
pub struct Distribution {
    /// Tickets measured.
    pub count: i64,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub p90: Option<f64>,
}

impl From<report::Distribution> for Distribution {
    fn from(d: report::Distribution) -> Self {
        Self {
            count: d.count,
            mean: d.mean,
            median: d.median,
            p90: d.p90,
        }
    }
}

#[derive(SimpleObject)]
pub struct DurationStats {
    /// SLA business time: opening hours of the policy's calendar, pauses excluded.
    pub business_minutes: Distribution,
    /// Elapsed wall-clock time.
    pub wall_minutes: Distribution,
}

impl From<report::Durations> for DurationStats {
    fn from(d: report::Durations) -> Self {
        Self {
            business_minutes: d.business.into(),
            wall_minutes: d.wall.into(),
        }
    }
}

#[derive(SimpleObject)]
pub struct SlaComplianceStats {
    pub metric: SlaMetric,
    /// Tickets with a target for this metric.
    pub total: i64,
    /// Stopped in time.
    pub met: i64,
    pub breached: i64,
    /// met / (met + breached); null before any target was decided.
    pub compliance: Option<f64>,
}

#[derive(SimpleObject)]
pub struct SatisfactionStats {
    pub average: Option<f64>,
    pub responses: i64,
    /// Rated tickets / resolved tickets.
    pub response_rate: Option<f64>,
}

#[derive(SimpleObject)]
pub struct VolumeBucket {
    /// The bucket's first instant (local midnight or hour in the report's time zone).
    pub start: DateTime<Utc>,
    /// Tickets filed in the bucket.
    pub created: i64,
    /// Tickets resolved in the bucket, whenever they were filed.
    pub resolved: i64,
}

pub struct AgentStats(report::AgentRow);

#[Object]
impl AgentStats {
    async fn agent(&self, ctx: &Context<'_>) -> GqlResult<Option<UserObject>> {
        load_user(ctx, Some(self.0.assignee_id)).await
    }

    /// Tickets of the period assigned to them now.
    async fn assigned(&self) -> i64 {
        self.0.assigned
    }

    async fn resolved(&self) -> i64 {
        self.0.resolved
    }

    /// Wall-clock minutes.
    async fn median_first_response_minutes(&self) -> Option<f64> {
        self.0.median_first_response_minutes
    }

    async fn satisfaction_average(&self) -> Option<f64> {
        self.0.satisfaction_average
    }
}

fn ratio(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn parsed<T: std::str::FromStr>(counts: &[report::KeyCount]) -> Vec<(T, i64)> {
    counts
        .iter()
        .filter_map(|c| Some((c.key.as_deref()?.parse().ok()?, c.count)))
        .collect()
}

fn uuids(counts: &[report::KeyCount]) -> Vec<(Option<Uuid>, i64)> {
    counts
        .iter()
        .map(|c| (c.key.as_deref().and_then(|k| k.parse().ok()), c.count))
        .collect()
}

/// Counts are of the tickets filed in the period (and matching the filter); `openNow` and
/// `unassignedNow` of every matching ticket as of now.
pub struct TicketStatsObject(pub TicketReport);

#[Object(name = "TicketStats")]
impl TicketStatsObject {
    async fn total(&self) -> i64 {
        self.0.total
    }

    async fn open_now(&self) -> i64 {
        self.0.open_now
    }

    async fn unassigned_now(&self) -> i64 {
        self.0.unassigned_now
    }

    async fn by_status(&self) -> Vec<StatusCount> {
        parsed(&self.0.by_status)
            .into_iter()
            .map(|(status, count)| StatusCount { status, count })
            .collect()
    }

    async fn by_priority(&self) -> Vec<PriorityCount> {
        parsed(&self.0.by_priority)
            .into_iter()
            .map(|(priority, count)| PriorityCount { priority, count })
            .collect()
    }

    async fn by_category(&self) -> Vec<CategoryCount> {
        uuids(&self.0.by_category)
            .into_iter()
            .map(|(category_id, count)| CategoryCount { category_id, count })
            .collect()
    }

    async fn by_source(&self) -> Vec<SourceCount> {
        parsed(&self.0.by_source)
            .into_iter()
            .map(|(source, count)| SourceCount { source, count })
            .collect()
    }

    async fn by_assignee(&self) -> Vec<AssigneeCount> {
        uuids(&self.0.by_assignee)
            .into_iter()
            .map(|(assignee_id, count)| AssigneeCount { assignee_id, count })
            .collect()
    }

    /// From filing to the first public staff reply.
    async fn first_response(&self) -> DurationStats {
        self.0.first_response.clone().into()
    }

    /// From filing to the (latest) resolution.
    async fn resolution(&self) -> DurationStats {
        self.0.resolution.clone().into()
    }

    /// Share of the period's tickets resolved (or closed after resolution).
    async fn resolution_rate(&self) -> Option<f64> {
        ratio(self.0.resolved, self.0.total)
    }

    /// Share of resolved tickets that were reopened.
    async fn reopen_rate(&self) -> Option<f64> {
        ratio(self.0.reopened, self.0.ever_resolved)
    }

    async fn sla(&self) -> Vec<SlaComplianceStats> {
        self.0
            .sla
            .iter()
            .filter_map(|row| {
                Some(SlaComplianceStats {
                    metric: row.metric.parse().ok()?,
                    total: row.total,
                    met: row.met,
                    breached: row.breached,
                    compliance: ratio(row.met, row.met + row.breached),
                })
            })
            .collect()
    }

    async fn satisfaction(&self) -> SatisfactionStats {
        SatisfactionStats {
            average: self.0.rating_average,
            responses: self.0.ratings,
            response_rate: ratio(self.0.ratings, self.0.resolved),
        }
    }

    /// Created and resolved tickets per bucket, empty buckets included.
    async fn volume(&self) -> Vec<VolumeBucket> {
        self.0
            .volume
            .iter()
            .map(|b| VolumeBucket {
                start: b.start,
                created: b.created,
                resolved: b.resolved,
            })
            .collect()
    }

    /// One row per assignee of the period's tickets, most assigned first.
    async fn agents(&self) -> Vec<AgentStats> {
        self.0.agents.iter().cloned().map(AgentStats).collect()
    }
}
