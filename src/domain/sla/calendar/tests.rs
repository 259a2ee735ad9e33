use super::*;
use crate::domain::sla::clock::{Clock, ClockMode};

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("test instant")
        .with_timezone(&Utc)
}

fn time(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M").expect("test time")
}

fn calendar(zone: &str, ranges: &[(Weekday, &str, &str)], holidays: &[&str]) -> SlaCalendar {
    SlaCalendar::Business(BusinessHours {
        time_zone: zone.parse().expect("test zone"),
        ranges: ranges
            .iter()
            .map(|(day, start, end)| OpeningRange {
                day: *day,
                start: time(start),
                end: time(end),
            })
            .collect(),
        holidays: holidays
            .iter()
            .map(|d| d.parse().expect("test date"))
            .collect(),
    })
}

/// Monday to Friday, 09:00–17:00 in Berlin, with Christmas Day 2026 (a Friday) off.
fn office() -> SlaCalendar {
    use Weekday::*;
    let days = [Mon, Tue, Wed, Thu, Fri].map(|day| (day, "09:00", "17:00"));
    calendar("Europe/Berlin", &days, &["2026-12-25"])
}

/// A night desk: Saturday 22:00 to Sunday 06:00 local time.
fn weekend_night(zone: &str) -> SlaCalendar {
    calendar(zone, &[(Weekday::Sat, "22:00", "06:00")], &[])
}

#[test]
fn adding_business_minutes_follows_the_calendar() {
    let night_shift = calendar("Europe/Berlin", &[(Weekday::Mon, "22:00", "06:00")], &[]);
    // (calendar, start, minutes, due)
    let cases = [
        // Inside one day (CET, UTC+1).
        (office(), "2026-12-07T09:00:00Z", 60, "2026-12-07T10:00:00Z"),
        // Runs out exactly at closing time: due at 17:00, not at the next opening.
        (office(), "2026-12-07T15:00:00Z", 60, "2026-12-07T16:00:00Z"),
        // Carries over the night to the next morning.
        (office(), "2026-12-07T15:30:00Z", 60, "2026-12-08T08:30:00Z"),
        // Filed before opening: the clock starts at 09:00.
        (office(), "2026-12-07T05:00:00Z", 30, "2026-12-07T08:30:00Z"),
        // Friday afternoon to Monday morning, the weekend skipped.
        (
            office(),
            "2026-12-04T15:00:00Z",
            120,
            "2026-12-07T09:00:00Z",
        ),
        // Thursday afternoon, Friday the 25th a holiday: Monday.
        (
            office(),
            "2026-12-24T15:00:00Z",
            120,
            "2026-12-28T09:00:00Z",
        ),
        // An overnight range: Monday 23:00 + 2 h is Tuesday 01:00.
        (
            night_shift.clone(),
            "2026-12-07T22:00:00Z",
            120,
            "2026-12-08T00:00:00Z",
        ),
        // Filed at 02:00 on Tuesday: inside Monday's overnight range.
        (
            night_shift,
            "2026-12-08T01:00:00Z",
            60,
            "2026-12-08T02:00:00Z",
        ),
        // Spring forward in Berlin (29 March 2026, 02:00 -> 03:00): the night is 7 real hours.
        (
            weekend_night("Europe/Berlin"),
            "2026-03-28T21:00:00Z",
            7 * 60,
            "2026-03-29T04:00:00Z",
        ),
        // Fall back (25 October 2026, 03:00 -> 02:00): the night is 9 real hours.
        (
            weekend_night("Europe/Berlin"),
            "2026-10-24T20:00:00Z",
            9 * 60,
            "2026-10-25T05:00:00Z",
        ),
        // 24×7: plain wall-clock time.
        (
            SlaCalendar::AlwaysOpen,
            "2026-12-04T15:00:00Z",
            120,
            "2026-12-04T17:00:00Z",
        ),
    ];
    for (calendar, start, minutes, due) in cases {
        assert_eq!(
            calendar.add(utc(start), minutes * 60),
            Some(utc(due)),
            "{start} + {minutes} min"
        );
    }
}

#[test]
fn elapsed_business_time_counts_only_opening_hours() {
    let cases = [
        (office(), "2026-12-07T07:00:00Z", "2026-12-07T09:00:00Z", 60),
        (
            office(),
            "2026-12-04T15:00:00Z",
            "2026-12-07T09:00:00Z",
            120,
        ),
        (
            office(),
            "2026-12-24T07:00:00Z",
            "2026-12-28T09:00:00Z",
            8 * 60 + 60,
        ),
        (
            weekend_night("Europe/Berlin"),
            "2026-03-28T00:00:00Z",
            "2026-03-30T00:00:00Z",
            7 * 60,
        ),
        (
            weekend_night("Europe/Berlin"),
            "2026-10-24T00:00:00Z",
            "2026-10-26T00:00:00Z",
            9 * 60,
        ),
        (
            SlaCalendar::AlwaysOpen,
            "2026-12-07T08:00:00Z",
            "2026-12-07T10:00:00Z",
            120,
        ),
        (office(), "2026-12-07T10:00:00Z", "2026-12-07T09:00:00Z", 0),
    ];
    for (calendar, from, to, minutes) in cases {
        assert_eq!(
            calendar.elapsed(utc(from), utc(to)),
            minutes * 60,
            "{from} .. {to}"
        );
    }
}

#[test]
fn a_range_starting_in_a_skipped_hour_opens_when_the_clock_resumes() {
    // New York springs forward on 8 March 2026 at 02:00 (EST, UTC-5) to 03:00 (EDT, UTC-4).
    let desk = calendar("America/New_York", &[(Weekday::Sun, "02:30", "05:00")], &[]);
    // Opens at 03:00 EDT = 07:00 UTC and closes at 05:00 EDT = 09:00 UTC.
    assert_eq!(
        desk.add(utc("2026-03-08T06:00:00Z"), 60),
        Some(utc("2026-03-08T07:01:00Z"))
    );
    assert_eq!(
        desk.elapsed(utc("2026-03-08T00:00:00Z"), utc("2026-03-09T00:00:00Z")),
        2 * 3600
    );
}

#[test]
fn a_calendar_without_hours_has_no_deadline() {
    let closed = calendar("UTC", &[], &[]);
    assert_eq!(closed.add(utc("2026-12-07T08:00:00Z"), 60), None);
}

#[test]
fn a_pause_over_the_weekend_costs_no_business_time() {
    let office = office();
    // Filed Friday 15:00 Berlin (14:00 UTC) with a 4-hour target.
    let mut clock = Clock::started(Some(240), utc("2026-12-04T14:00:00Z"));
    assert_eq!(
        clock.deadlines(80, &office).due_at,
        Some(utc("2026-12-07T10:00:00Z")),
        "two hours on Friday, two on Monday"
    );
    // Waiting for the customer from Friday 16:00 to Monday 10:00 Berlin time.
    clock.apply(ClockMode::Paused, utc("2026-12-04T15:00:00Z"), &office);
    assert_eq!(clock.consumed_secs, 3600);
    assert_eq!(
        clock.deadlines(80, &office).due_at,
        None,
        "no deadline while paused"
    );
    assert_eq!(
        clock.minutes_left(utc("2026-12-06T12:00:00Z"), &office),
        Some(180)
    );
    clock.apply(ClockMode::Running, utc("2026-12-07T09:00:00Z"), &office);
    let deadlines = clock.deadlines(80, &office);
    assert_eq!(deadlines.due_at, Some(utc("2026-12-07T12:00:00Z")));
    // 80 % of 240 minutes is 192: 60 used, 132 more from Monday 10:00.
    assert_eq!(deadlines.warn_at, Some(utc("2026-12-07T11:12:00Z")));
    assert_eq!(
        clock.minutes_left(utc("2026-12-07T13:00:00Z"), &office),
        Some(-60)
    );
    clock.apply(
        ClockMode::Stopped(utc("2026-12-07T11:00:00Z")),
        utc("2026-12-07T11:30:00Z"),
        &office,
    );
    assert_eq!(clock.consumed_secs, 3 * 3600);
    assert_eq!(clock.deadlines(80, &office), Default::default());
}
