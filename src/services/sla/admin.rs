//! Admins' SLA settings: business calendars and policies. A change re-evaluates the clocks of
//! every open ticket in a background job, a page of tickets at a time.

use std::collections::{BTreeSet, HashMap};

use chrono::{NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::job::NewJob;
use crate::db::models::sla::{self, CalendarRow, PolicyRow, StoredRange};
use crate::db::models::ticket::Ticket;
use crate::domain::sla::{BusinessHours, OpeningRange, SlaCalendar};
use crate::domain::ticket::TicketPriority;
use crate::domain::validation;
use crate::domain::{DomainError, DomainResult};
use crate::queue;
use crate::services::intake::resolve_category;
use crate::services::{RequestContext, audit};

const NAME_CHARS: (usize, usize) = (1, 100);
const MAX_RANGES: usize = 70;
const MAX_HOLIDAYS: usize = 1_000;
/// A year: targets are minutes of business time, and no support promise is longer.
const MAX_TARGET_MINUTES: i32 = 525_600;
const REEVALUATE_PAGE: i64 = 200;

pub struct RangeInput {
    pub day: Weekday,
    pub start: String,
    pub end: String,
}

pub struct CalendarInput {
    /// Replaces this calendar; without it the calendar with the same name is replaced, or a
    /// new one is made.
    pub id: Option<Uuid>,
    pub name: String,
    pub time_zone: String,
    pub opening_hours: Vec<RangeInput>,
    pub holidays: Vec<NaiveDate>,
    pub is_default: bool,
}

pub struct PolicyInput {
    /// Replaces this policy; without it the policy for the same priority and category is
    /// replaced, or a new one is made.
    pub id: Option<Uuid>,
    pub name: String,
    pub priority: TicketPriority,
    /// Category slug; none applies the policy to every category without its own.
    pub category: Option<String>,
    pub first_response_minutes: Option<i32>,
    pub resolution_minutes: Option<i32>,
    pub calendar_id: Option<Uuid>,
}

/// Every business calendar, parsed once, to pick the one a policy's clocks run on.
pub(crate) struct Calendars {
    by_id: HashMap<Uuid, SlaCalendar>,
    default: SlaCalendar,
}

impl Calendars {
    pub async fn load(conn: &mut AsyncPgConnection) -> diesel::QueryResult<Self> {
        let rows = CalendarRow::list(conn).await?;
        Ok(Self {
            default: rows
                .iter()
                .find(|c| c.is_default)
                .map_or(SlaCalendar::AlwaysOpen, calendar_of),
            by_id: rows.iter().map(|c| (c.id, calendar_of(c))).collect(),
        })
    }

    /// The policy's own calendar, else the default, else 24×7.
    pub fn for_policy(&self, policy: Option<&PolicyRow>) -> &SlaCalendar {
        policy
            .and_then(|p| p.calendar_id)
            .and_then(|id| self.by_id.get(&id))
            .unwrap_or(&self.default)
    }
}

fn calendar_of(row: &CalendarRow) -> SlaCalendar {
    let Ok(time_zone) = row.time_zone.parse::<Tz>() else {
        return SlaCalendar::AlwaysOpen;
    };
    let ranges = row
        .ranges()
        .iter()
        .filter_map(|range| parse_range(range).ok())
        .collect();
    SlaCalendar::Business(BusinessHours {
        time_zone,
        ranges,
        holidays: row.holidays.iter().copied().collect(),
    })
}

fn parse_time(field: &str, text: &str) -> DomainResult<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M")
        .map_err(|_| DomainError::invalid(field, format!("{text:?} is not a time of day (HH:MM)")))
}

fn parse_range(range: &StoredRange) -> DomainResult<OpeningRange> {
    Ok(OpeningRange {
        day: range
            .day
            .parse::<Weekday>()
            .map_err(|_| DomainError::invalid("openingHours.day", "unknown day"))?,
        start: parse_time("openingHours.start", &range.start)?,
        end: parse_time("openingHours.end", &range.end)?,
    })
}

pub async fn calendars(ctx: &RequestContext) -> DomainResult<Vec<CalendarRow>> {
    ctx.viewer.require_admin()?;
    let mut conn = ctx.state.pool.get().await?;
    Ok(CalendarRow::list(&mut conn).await?)
}

pub async fn policies(ctx: &RequestContext) -> DomainResult<Vec<PolicyRow>> {
    ctx.viewer.require_admin()?;
    let mut conn = ctx.state.pool.get().await?;
    Ok(PolicyRow::list(&mut conn).await?)
}

pub async fn upsert_calendar(
    ctx: &RequestContext,
    input: CalendarInput,
) -> DomainResult<CalendarRow> {
    ctx.viewer.require_admin()?;
    let name = validation::text_in_range("name", &input.name, NAME_CHARS)?;
    let time_zone = input.time_zone.trim();
    if time_zone.parse::<Tz>().is_err() {
        return Err(DomainError::invalid(
            "timeZone",
            format!("{time_zone:?} is not an IANA time zone name (like Europe/Berlin)"),
        ));
    }
    if input.opening_hours.is_empty() || input.opening_hours.len() > MAX_RANGES {
        return Err(DomainError::invalid(
            "openingHours",
            format!("give 1 to {MAX_RANGES} opening ranges"),
        ));
    }
    let mut ranges = Vec::with_capacity(input.opening_hours.len());
    for range in &input.opening_hours {
        parse_time("openingHours.start", &range.start)?;
        parse_time("openingHours.end", &range.end)?;
        ranges.push(StoredRange {
            day: range.day.to_string(),
            start: range.start.trim().to_owned(),
            end: range.end.trim().to_owned(),
        });
    }
    let holidays: BTreeSet<NaiveDate> = input.holidays.into_iter().collect();
    if holidays.len() > MAX_HOLIDAYS {
        return Err(DomainError::invalid(
            "holidays",
            format!("at most {MAX_HOLIDAYS} holidays"),
        ));
    }
    let mut conn = ctx.state.pool.get().await?;
    let calendar = conn
        .transaction(async |conn| {
            let calendars = CalendarRow::list(conn).await?;
            let same_name = calendars.iter().find(|c| c.name == name);
            let existing = match input.id {
                Some(id) => Some(
                    calendars
                        .iter()
                        .find(|c| c.id == id)
                        .ok_or(DomainError::NotFound("business calendar"))?,
                ),
                None => same_name,
            };
            if let Some(clash) = same_name.filter(|c| Some(c.id) != existing.map(|e| e.id)) {
                return Err(DomainError::Conflict(format!(
                    "another calendar ({}) is named {name:?}",
                    clash.id
                )));
            }
            let now = Utc::now();
            let row = CalendarRow {
                id: existing.map_or_else(Uuid::now_v7, |e| e.id),
                name: name.clone(),
                time_zone: time_zone.to_owned(),
                opening_hours: json!(ranges),
                holidays: holidays.iter().copied().collect(),
                is_default: input.is_default,
                created_at: existing.map_or(now, |e| e.created_at),
                updated_at: now,
            }
            .save(conn)
            .await?;
            enqueue_reevaluation(conn).await?;
            let before = existing.map_or(Value::Null, audited_calendar);
            let target = row.id.to_string();
            audit::record(
                conn,
                ctx,
                "sla.upsert_calendar",
                &target,
                before,
                audited_calendar(&row),
            )
            .await?;
            Ok::<_, DomainError>(row)
        })
        .await?;
    Ok(calendar)
}

pub async fn delete_calendar(ctx: &RequestContext, id: Uuid) -> DomainResult<bool> {
    ctx.viewer.require_admin()?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let used = PolicyRow::list(conn)
            .await?
            .into_iter()
            .filter(|p| p.calendar_id == Some(id))
            .count();
        if used > 0 {
            return Err(DomainError::Conflict(format!(
                "{used} SLA policies use this calendar; point them elsewhere first"
            )));
        }
        let before = CalendarRow::find(conn, id)
            .await?
            .ok_or(DomainError::NotFound("business calendar"))?;
        CalendarRow::delete(conn, id).await?;
        enqueue_reevaluation(conn).await?;
        let target = id.to_string();
        audit::record(
            conn,
            ctx,
            "sla.delete_calendar",
            &target,
            audited_calendar(&before),
            Value::Null,
        )
        .await?;
        Ok(true)
    })
    .await
}

fn target(field: &str, minutes: Option<i32>) -> DomainResult<Option<i32>> {
    match minutes {
        Some(m) if !(1..=MAX_TARGET_MINUTES).contains(&m) => Err(DomainError::invalid(
            field,
            format!("a target is 1 to {MAX_TARGET_MINUTES} business minutes"),
        )),
        other => Ok(other),
    }
}

pub async fn upsert_policy(ctx: &RequestContext, input: PolicyInput) -> DomainResult<PolicyRow> {
    ctx.viewer.require_admin()?;
    let name = validation::text_in_range("name", &input.name, NAME_CHARS)?;
    let first_response = target("firstResponseMinutes", input.first_response_minutes)?;
    let resolution = target("resolutionMinutes", input.resolution_minutes)?;
    if first_response.is_none() && resolution.is_none() {
        return Err(DomainError::invalid(
            "firstResponseMinutes",
            "a policy needs a first-response or a resolution target",
        ));
    }
    let mut conn = ctx.state.pool.get().await?;
    let category_id = match input.category.as_deref() {
        Some(slug) => Some(resolve_category(&mut conn, Some(slug)).await?),
        None => None,
    };
    if let Some(calendar_id) = input.calendar_id
        && CalendarRow::find(&mut conn, calendar_id).await?.is_none()
    {
        return Err(DomainError::invalid(
            "calendarId",
            "no such business calendar",
        ));
    }
    conn.transaction(async |conn| {
        let policies = PolicyRow::list(conn).await?;
        let same_scope = policies
            .iter()
            .find(|p| p.priority == input.priority && p.category_id == category_id);
        let existing = match input.id {
            Some(id) => Some(
                policies
                    .iter()
                    .find(|p| p.id == id)
                    .ok_or(DomainError::NotFound("SLA policy"))?,
            ),
            None => same_scope,
        };
        if let Some(clash) = same_scope
            && Some(clash.id) != existing.map(|e| e.id)
        {
            return Err(DomainError::Conflict(format!(
                "policy {} already covers {} tickets in this category",
                clash.id, input.priority
            )));
        }
        let now = Utc::now();
        let row = PolicyRow {
            id: existing.map_or_else(Uuid::now_v7, |e| e.id),
            name,
            priority: input.priority,
            category_id,
            first_response_minutes: first_response,
            resolution_minutes: resolution,
            calendar_id: input.calendar_id,
            created_at: existing.map_or(now, |e| e.created_at),
            updated_at: now,
        }
        .save(conn)
        .await?;
        enqueue_reevaluation(conn).await?;
        let before = existing.map_or(Value::Null, audited_policy);
        let target = row.id.to_string();
        audit::record(
            conn,
            ctx,
            "sla.upsert_policy",
            &target,
            before,
            audited_policy(&row),
        )
        .await?;
        Ok(row)
    })
    .await
}

pub async fn delete_policy(ctx: &RequestContext, id: Uuid) -> DomainResult<bool> {
    ctx.viewer.require_admin()?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let before = PolicyRow::list(conn)
            .await?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or(DomainError::NotFound("SLA policy"))?;
        PolicyRow::delete(conn, id).await?;
        enqueue_reevaluation(conn).await?;
        let target = id.to_string();
        audit::record(
            conn,
            ctx,
            "sla.delete_policy",
            &target,
            audited_policy(&before),
            Value::Null,
        )
        .await?;
        Ok(true)
    })
    .await
}

/// What a calendar change is audited by.
fn audited_calendar(calendar: &CalendarRow) -> Value {
    json!({
        "name": calendar.name,
        "timeZone": calendar.time_zone,
        "openingHours": calendar.opening_hours,
        "holidays": calendar.holidays,
        "isDefault": calendar.is_default,
    })
}

/// What a policy change is audited by.
fn audited_policy(policy: &PolicyRow) -> Value {
    json!({
        "name": policy.name,
        "priority": policy.priority.to_string(),
        "categoryId": policy.category_id,
        "firstResponseMinutes": policy.first_response_minutes,
        "resolutionMinutes": policy.resolution_minutes,
        "calendarId": policy.calendar_id,
    })
}

/// One pending re-evaluation is enough however many changes queue it (the job key folds
/// them), and it commits with the change.
async fn enqueue_reevaluation(conn: &mut AsyncPgConnection) -> DomainResult<()> {
    NewJob {
        task: queue::SLA_REEVALUATE,
        payload: json!({}),
        max_attempts: 5,
        priority: queue::EMAIL_PRIORITY,
        job_key: Some("sla:reevaluate".to_owned()),
        run_at: None,
    }
    .enqueue(conn)
    .await?;
    Ok(())
}

/// Applies the current policies and calendars to every open ticket, one short transaction per
/// ticket so a long walk never holds many row locks.
pub async fn reevaluate_open_tickets(state: &AppState) -> anyhow::Result<usize> {
    let warn_percent = state.config.pipeline.sla_warning_percent;
    let mut conn = state.pool.get().await?;
    let mut after = None;
    let mut count = 0;
    loop {
        let ids = sla::open_ticket_ids_after(&mut conn, after, REEVALUATE_PAGE).await?;
        let Some(last) = ids.last().copied() else {
            return Ok(count);
        };
        for id in ids {
            conn.transaction(async |conn| {
                if let Some(ticket) = Ticket::lock(conn, id)
                    .await?
                    .filter(|t| t.deleted_at.is_none())
                {
                    super::sync(conn, &ticket, warn_percent).await?;
                }
                Ok::<_, DomainError>(())
            })
            .await
            .map_err(DomainError::into_anyhow)?;
            count += 1;
        }
        after = Some(last);
    }
}
