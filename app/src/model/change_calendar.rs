//! The change calendar as it travels (`backend::change_calendar`): a month or a week of
//! changes and freezes, the filters it was read with and the choices for them.

use crate::domain::calendar_grid::Span;
use crate::domain::change::{ChangeKind, ChangeState};
use crate::domain::change_calendar::FreezeWindow;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The store filter's value for "every store", which store staff choose to see more than their
/// own store (they see theirs when the address names none).
pub const ALL_STORES: &str = "all";

/// What a calendar page asks for, as its address carries it (`/calendar?span=week&day=…`).
/// Empty: not said (this month; store staff their own store).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarQuery {
    pub span: String,
    pub day: String,
    pub store: String,
    pub region: String,
    pub service: String,
}

impl CalendarQuery {
    pub fn from_pairs(get: impl Fn(&str) -> Option<String>) -> Self {
        let v = |name: &str| get(name).map(|s| s.trim().to_string()).unwrap_or_default();
        CalendarQuery {
            span: v("span"),
            day: v("day"),
            store: v("store"),
            region: v("region"),
            service: v("service"),
        }
    }

    /// The address of this calendar page.
    pub fn href(&self) -> String {
        let pairs: Vec<String> = [
            ("span", &self.span),
            ("day", &self.day),
            ("store", &self.store),
            ("region", &self.region),
            ("service", &self.service),
        ]
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", crate::url::encode(v)))
        .collect();
        if pairs.is_empty() {
            "/calendar".into()
        } else {
            format!("/calendar?{}", pairs.join("&"))
        }
    }

    /// The same filters on another page of the calendar.
    pub fn at(&self, span: Span, day: NaiveDate) -> Self {
        CalendarQuery {
            span: span.as_str().into(),
            day: day.to_string(),
            ..self.clone()
        }
    }
}

/// One change on one day of the calendar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarEntry {
    pub number: String,
    pub title: String,
    pub kind: ChangeKind,
    pub state: ChangeState,
    /// When, in the calendar's zone and the reader's words ("22:00 – Wed 16 Dec, 04:00").
    pub when: String,
    pub start: DateTime<Utc>,
    /// It began on an earlier day of the calendar (this day shows its continuation).
    pub continued: bool,
    /// Store codes; none: a central change (every store may notice it).
    pub stores: Vec<String>,
    /// The kinds of device it touches.
    pub services: Vec<String>,
    /// The change's page, for those who work changes.
    pub link: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarDay {
    pub day: NaiveDate,
    /// "Tue 15 Dec", in the reader's language.
    pub label: String,
    /// Part of the month or week asked for (a month page shows whole weeks).
    pub in_focus: bool,
    pub today: bool,
    pub changes: Vec<CalendarEntry>,
    /// The freezes that hold on this day, by name.
    pub freezes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarView {
    /// As asked, with the span and day filled in.
    pub query: CalendarQuery,
    pub span: Span,
    /// "December 2026" or "Week of Mon 14 Dec 2026".
    pub heading: String,
    /// The zone the days and times are read in (the store's when one is chosen).
    pub zone: String,
    pub days: Vec<CalendarDay>,
    /// How many changes the month or week holds.
    pub change_count: usize,
    pub previous: NaiveDate,
    pub next: NaiveDate,
    pub today: NaiveDate,
    /// Filter choices: stores (code, name), regions, device kinds.
    pub stores: Vec<(String, String)>,
    pub regions: Vec<String>,
    pub services: Vec<String>,
    /// Since when the reader has a calendar feed (`/calendar.ics?token=…`), if they have one.
    pub feed_since: Option<DateTime<Utc>>,
}

/// How far ahead the home page and the device look for changes planned in a store.
pub const PLANNED_DAYS: i64 = 14;

/// A change planned soon, as the home page and the device show it to the store it touches.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlannedChange {
    pub number: String,
    pub title: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Store codes; none: a central change, which every store may notice.
    pub stores: Vec<String>,
    pub state: ChangeState,
}

impl PlannedChange {
    /// Whether people of `store` should hear of it.
    pub fn concerns(&self, store: &str) -> bool {
        self.stores.is_empty() || self.stores.iter().any(|s| s.eq_ignore_ascii_case(store))
    }
}

/// A freeze period as administrators keep it: the period, its record's id and revision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FreezeView {
    pub id: i64,
    pub freeze: FreezeWindow,
    /// Bumped by every save; a save names the one it started from.
    pub revision: i64,
}
