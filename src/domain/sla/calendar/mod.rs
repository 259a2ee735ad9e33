//! Business time: which instants count toward an SLA target.
//!
//! A calendar is a time zone, weekly opening ranges and dated holidays. A range belongs to the
//! local date it starts on; one whose end is not after its start runs overnight into the next
//! day (`00:00`–`00:00` is the whole day). A holiday closes the ranges that start on it.
//! Local times map to instants through the IANA database, so a working day that contains a
//! DST switch is an hour shorter or longer in real time, as the people working it see it.

use std::collections::BTreeSet;

use chrono::{
    DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc, Weekday,
};
use chrono_tz::Tz;

/// How far ahead a deadline is searched for before the calendar is judged to have no more
/// opening hours (a decade of holidays, say).
const HORIZON_DAYS: u64 = 3_700;
const MINUTES_PER_DAY: usize = 24 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpeningRange {
    pub day: Weekday,
    pub start: NaiveTime,
    /// At or before `start`: the range ends on the next day.
    pub end: NaiveTime,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BusinessHours {
    pub time_zone: Tz,
    pub ranges: Vec<OpeningRange>,
    pub holidays: BTreeSet<NaiveDate>,
}

/// The clock an SLA runs on.
#[derive(Debug, Clone, PartialEq)]
pub enum SlaCalendar {
    /// No calendar configured: every second counts (24×7).
    AlwaysOpen,
    Business(BusinessHours),
}

impl SlaCalendar {
    /// The instant at which `seconds` of business time have passed since `start`; `None` when
    /// the calendar has no opening hours left within the horizon. A target that runs out at a
    /// range's end is due at that closing instant, not at the next opening.
    pub fn add(&self, start: DateTime<Utc>, seconds: i64) -> Option<DateTime<Utc>> {
        if seconds <= 0 {
            return Some(start);
        }
        match self {
            SlaCalendar::AlwaysOpen => {
                start.checked_add_signed(chrono::TimeDelta::seconds(seconds))
            }
            SlaCalendar::Business(hours) => hours.add(start, seconds),
        }
    }

    /// Business seconds in `[from, to)`; zero when `to` is not after `from`.
    pub fn elapsed(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
        if to <= from {
            return 0;
        }
        match self {
            SlaCalendar::AlwaysOpen => (to - from).num_seconds(),
            SlaCalendar::Business(hours) => hours.elapsed(from, to),
        }
    }
}

impl BusinessHours {
    fn add(&self, start: DateTime<Utc>, seconds: i64) -> Option<DateTime<Utc>> {
        let mut remaining = seconds;
        let mut cursor = start;
        for date in self.dates_from(start).take(HORIZON_DAYS as usize) {
            for (open, close) in self.openings_on(date) {
                let open = open.max(cursor);
                if close <= open {
                    continue;
                }
                let available = (close - open).num_seconds();
                if available >= remaining {
                    return Some(open + chrono::TimeDelta::seconds(remaining));
                }
                remaining -= available;
                cursor = close;
            }
        }
        None
    }

    fn elapsed(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
        let mut total = 0;
        let mut cursor = from;
        for date in self.dates_from(from) {
            let openings = self.openings_on(date);
            if openings.first().is_some_and(|(open, _)| *open >= to)
                || self
                    .local_midnight(date)
                    .is_some_and(|midnight| midnight >= to)
            {
                break;
            }
            for (open, close) in openings {
                let open = open.max(cursor);
                let close = close.min(to);
                if close > open {
                    total += (close - open).num_seconds();
                    cursor = close;
                }
            }
        }
        total
    }

    /// Local dates from the day before `instant` (whose overnight ranges may still be open).
    fn dates_from(&self, instant: DateTime<Utc>) -> impl Iterator<Item = NaiveDate> {
        let first = instant
            .with_timezone(&self.time_zone)
            .date_naive()
            .checked_sub_days(Days::new(1));
        std::iter::successors(first, |date| date.checked_add_days(Days::new(1)))
    }

    /// The opening intervals of the ranges that start on `date`, in order of opening.
    fn openings_on(&self, date: NaiveDate) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        if self.holidays.contains(&date) {
            return Vec::new();
        }
        let mut openings: Vec<_> = self
            .ranges
            .iter()
            .filter(|range| range.day == date.weekday())
            .filter_map(|range| {
                let end_date = if range.end > range.start {
                    date
                } else {
                    date.checked_add_days(Days::new(1))?
                };
                let open = self.instant(date.and_time(range.start))?;
                let close = self.instant(end_date.and_time(range.end))?;
                Some((open, close))
            })
            .collect();
        openings.sort();
        openings
    }

    fn local_midnight(&self, date: NaiveDate) -> Option<DateTime<Utc>> {
        self.instant(date.and_time(NaiveTime::MIN))
    }

    /// The instant a local wall-clock time names. In the hour a clock falls back it names the
    /// first pass; a time skipped when the clock springs forward names the moment after
    /// the gap.
    fn instant(&self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        // Gaps are whole minutes (at most a day, when Samoa skipped 30 December 2011), and
        // this walk runs only for the few local times that fall in one.
        let mut probe = local;
        for _ in 0..=MINUTES_PER_DAY {
            if let Some(instant) = self.time_zone.from_local_datetime(&probe).earliest() {
                return Some(instant.with_timezone(&Utc));
            }
            probe = probe
                .with_second(0)?
                .checked_add_signed(chrono::TimeDelta::minutes(1))?;
        }
        None
    }
}

#[cfg(test)]
mod tests;
