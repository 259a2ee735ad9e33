//! SLA types: calendars, policies and a ticket's clock.

use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc, Weekday};

use crate::db::models::sla::{CalendarRow, ClockRow, PolicyRow};
use crate::domain::sla::SlaState;
use crate::domain::ticket::TicketPriority;
use crate::graphql::context::parse_uuid;
use crate::graphql::error::GqlResult;
use crate::graphql::loaders::{CategoryId, Loaders};
use crate::graphql::types::category::CategoryObject;
use crate::services::sla::admin::{CalendarInput, PolicyInput, RangeInput};
use crate::services::sla::view::SlaView;

#[derive(Enum, Copy, Clone, Eq, PartialEq)]
pub enum DayOfWeek {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl From<DayOfWeek> for Weekday {
    fn from(day: DayOfWeek) -> Self {
        match day {
            DayOfWeek::Monday => Weekday::Mon,
            DayOfWeek::Tuesday => Weekday::Tue,
            DayOfWeek::Wednesday => Weekday::Wed,
            DayOfWeek::Thursday => Weekday::Thu,
            DayOfWeek::Friday => Weekday::Fri,
            DayOfWeek::Saturday => Weekday::Sat,
            DayOfWeek::Sunday => Weekday::Sun,
        }
    }
}

impl From<Weekday> for DayOfWeek {
    fn from(day: Weekday) -> Self {
        match day {
            Weekday::Mon => DayOfWeek::Monday,
            Weekday::Tue => DayOfWeek::Tuesday,
            Weekday::Wed => DayOfWeek::Wednesday,
            Weekday::Thu => DayOfWeek::Thursday,
            Weekday::Fri => DayOfWeek::Friday,
            Weekday::Sat => DayOfWeek::Saturday,
            Weekday::Sun => DayOfWeek::Sunday,
        }
    }
}

/// One weekly opening range, local time. An `end` at or before `start` runs overnight into
/// the next day (`00:00`–`00:00` is the whole day).
#[derive(SimpleObject, InputObject)]
#[graphql(input_name = "OpeningHoursInput")]
pub struct OpeningHours {
    pub day: DayOfWeek,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`.
    pub end: String,
}

pub struct BusinessCalendarObject(pub CalendarRow);

#[Object(name = "BusinessCalendar")]
impl BusinessCalendarObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    /// IANA time zone name, e.g. `Europe/Berlin`.
    async fn time_zone(&self) -> &str {
        &self.0.time_zone
    }

    /// Policies without a calendar of their own use the default one.
    async fn is_default(&self) -> bool {
        self.0.is_default
    }

    async fn opening_hours(&self) -> Vec<OpeningHours> {
        self.0
            .ranges()
            .into_iter()
            .filter_map(|range| {
                Some(OpeningHours {
                    day: range.day.parse::<Weekday>().ok()?.into(),
                    start: range.start,
                    end: range.end,
                })
            })
            .collect()
    }

    /// Dates on which the ranges that start that day are closed.
    async fn holidays(&self) -> &[NaiveDate] {
        &self.0.holidays
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

#[derive(InputObject)]
pub struct BusinessCalendarInput {
    /// The calendar to replace; without it the calendar of the same name is replaced, or a
    /// new one is made.
    pub id: Option<ID>,
    /// 1–100 characters, unique.
    pub name: String,
    /// IANA time zone name, e.g. `Europe/Berlin`.
    pub time_zone: String,
    /// 1–70 ranges.
    pub opening_hours: Vec<OpeningHours>,
    #[graphql(default)]
    pub holidays: Vec<NaiveDate>,
    /// Make this the default calendar (the previous default stops being one).
    #[graphql(default)]
    pub is_default: bool,
}

impl BusinessCalendarInput {
    pub fn into_service(self) -> GqlResult<CalendarInput> {
        Ok(CalendarInput {
            id: self
                .id
                .as_ref()
                .map(|id| parse_uuid("id", id))
                .transpose()?,
            name: self.name,
            time_zone: self.time_zone,
            opening_hours: self
                .opening_hours
                .into_iter()
                .map(|range| RangeInput {
                    day: range.day.into(),
                    start: range.start,
                    end: range.end,
                })
                .collect(),
            holidays: self.holidays,
            is_default: self.is_default,
        })
    }
}

#[derive(Clone)]
pub struct SlaPolicyObject(pub PolicyRow);

#[Object(name = "SlaPolicy")]
impl SlaPolicyObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn priority(&self) -> TicketPriority {
        self.0.priority
    }

    /// Null: every category without a policy of its own.
    async fn category(&self, ctx: &Context<'_>) -> GqlResult<Option<CategoryObject>> {
        let Some(id) = self.0.category_id else {
            return Ok(None);
        };
        Ok(ctx
            .data::<Loaders>()?
            .load_one(CategoryId(id))
            .await?
            .map(CategoryObject))
    }

    /// Business minutes until the first public staff reply.
    async fn first_response_minutes(&self) -> Option<i32> {
        self.0.first_response_minutes
    }

    /// Business minutes until the ticket is resolved (time waiting on the customer or on
    /// hold does not count).
    async fn resolution_minutes(&self) -> Option<i32> {
        self.0.resolution_minutes
    }

    /// Null: the default calendar, or 24×7 when there is none.
    async fn calendar_id(&self) -> Option<ID> {
        self.0.calendar_id.map(|id| ID(id.to_string()))
    }
}

#[derive(InputObject)]
pub struct SlaPolicyInput {
    /// The policy to replace; without it the policy for the same priority and category is
    /// replaced, or a new one is made.
    pub id: Option<ID>,
    /// 1–100 characters.
    pub name: String,
    pub priority: TicketPriority,
    /// Category slug; null covers every category without a policy of its own.
    pub category: Option<String>,
    /// 1–525,600 business minutes; at least one of the two targets.
    pub first_response_minutes: Option<i32>,
    pub resolution_minutes: Option<i32>,
    /// Null: the default calendar, or 24×7 when there is none.
    pub calendar_id: Option<ID>,
}

impl SlaPolicyInput {
    pub fn into_service(self) -> GqlResult<PolicyInput> {
        Ok(PolicyInput {
            id: self
                .id
                .as_ref()
                .map(|id| parse_uuid("id", id))
                .transpose()?,
            name: self.name,
            priority: self.priority,
            category: self.category,
            first_response_minutes: self.first_response_minutes,
            resolution_minutes: self.resolution_minutes,
            calendar_id: self
                .calendar_id
                .as_ref()
                .map(|id| parse_uuid("calendarId", id))
                .transpose()?,
        })
    }
}

/// A ticket's standing against its SLA policy.
pub struct TicketSlaObject(pub SlaView);

fn due(clock: Option<&ClockRow>) -> Option<DateTime<Utc>> {
    clock
        .filter(|c| c.target_minutes.is_some())
        .and_then(|c| c.due_at)
}

fn breached(clock: Option<&ClockRow>) -> Option<DateTime<Utc>> {
    clock.and_then(|c| c.breached_at)
}

#[Object(name = "TicketSla")]
impl TicketSlaObject {
    async fn policy(&self) -> SlaPolicyObject {
        SlaPolicyObject(self.0.policy.clone())
    }

    async fn state(&self) -> SlaState {
        self.0.state
    }

    /// Null once answered, while paused, or without a first-response target.
    async fn first_response_due_at(&self) -> Option<DateTime<Utc>> {
        due(self.0.first_response.as_ref())
    }

    /// Null once resolved, while paused, or without a resolution target.
    async fn resolution_due_at(&self) -> Option<DateTime<Utc>> {
        due(self.0.resolution.as_ref())
    }

    async fn first_response_breached_at(&self) -> Option<DateTime<Utc>> {
        breached(self.0.first_response.as_ref())
    }

    async fn resolution_breached_at(&self) -> Option<DateTime<Utc>> {
        breached(self.0.resolution.as_ref())
    }

    /// Waiting for the customer or on hold: the clocks are stopped until the ticket moves on.
    async fn paused(&self) -> bool {
        self.0.paused
    }

    /// Business minutes left before the nearest unmet target; negative once it passed, null
    /// when every target is met.
    async fn business_minutes_left(&self) -> Option<i64> {
        self.0.business_minutes_left
    }
}
