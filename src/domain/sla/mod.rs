//! Service-level agreements: business calendars and the clocks they drive.

pub mod calendar;
pub mod clock;

pub use calendar::{BusinessHours, OpeningRange, SlaCalendar};
pub use clock::{Clock, ClockMode, Deadlines, SlaMetric, SlaState, TicketFacts};
