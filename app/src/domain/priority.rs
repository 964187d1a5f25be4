//! Impact × urgency → priority, and the service levels that hang off a priority.
//!
//! The matrix, the SLA targets and the calendars are data (`service-levels.toml`), not code: a
//! service desk tunes them without a release. The same functions run in the browser, to tell the
//! person reporting a fault which priority it gets and when we will respond, and on the server,
//! which recomputes everything from the answers and never trusts the browser's figures.

use super::calendar::{BusinessCalendar, CalendarSpec};
use super::translation::or_own;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Priority {
    P1,
    P2,
    P3,
    P4,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Priority::P1, Priority::P2, Priority::P3, Priority::P4];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::P1 => "P1",
            Priority::P2 => "P2",
            Priority::P3 => "P3",
            Priority::P4 => "P4",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// One answer to "how bad is it?" or "how soon?", in words a store worker uses.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Level {
    pub key: String,
    pub label: String,
    #[serde(default)]
    pub help: String,
    /// The level's words in other languages, by tag (`translations = { de = { label = "…" } }`
    /// in the service-levels file). Answers keep the key, whatever the reader's language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, LevelWords>,
}

/// A level's label and help in one language; empty: as written.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LevelWords {
    #[serde(default)]
    pub label: String,
    #[serde(default)]
    pub help: String,
}

impl Level {
    /// The level as a reader of `locale` reads it, without the other languages' words.
    fn in_language(&self, locale: &str) -> Level {
        let words = self.translations.get(locale).cloned().unwrap_or_default();
        Level {
            key: self.key.clone(),
            label: or_own(&words.label, &self.label),
            help: or_own(&words.help, &self.help),
            translations: BTreeMap::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PriorityMatrix {
    pub impacts: Vec<Level>,
    pub urgencies: Vec<Level>,
    /// `grid[i][u]` is the priority for `impacts[i]` and `urgencies[u]`.
    pub grid: Vec<Vec<Priority>>,
}

impl PriorityMatrix {
    pub fn priority(&self, impact: &str, urgency: &str) -> Option<Priority> {
        let i = self.impacts.iter().position(|l| l.key == impact)?;
        let u = self.urgencies.iter().position(|l| l.key == urgency)?;
        self.grid.get(i)?.get(u).copied()
    }

    /// A matrix with a hole or a duplicate key would leave some report without a priority.
    pub fn check(&self) -> Result<(), String> {
        for (what, levels) in [("impact", &self.impacts), ("urgency", &self.urgencies)] {
            if levels.is_empty() {
                return Err(format!("the priority matrix has no {what} levels"));
            }
            for (n, level) in levels.iter().enumerate() {
                if levels[..n].iter().any(|l| l.key == level.key) {
                    return Err(format!("{what} level \"{}\" appears twice", level.key));
                }
            }
        }
        if self.grid.len() != self.impacts.len()
            || self
                .grid
                .iter()
                .any(|row| row.len() != self.urgencies.len())
        {
            return Err(format!(
                "the priority grid must have {} rows of {} priorities (one per impact, one per urgency)",
                self.impacts.len(),
                self.urgencies.len()
            ));
        }
        Ok(())
    }
}

/// Response and resolution targets for one priority, counted on a calendar.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SlaPolicy {
    pub priority: Priority,
    pub response_minutes: i64,
    pub resolution_minutes: i64,
    /// A calendar name, or `"store"` for the calendar of the ticket's store.
    pub calendar: String,
}

/// The word in a policy that means "the store's own calendar".
pub const STORE_CALENDAR: &str = "store";

/// Everything `service-levels.toml` configures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceLevels {
    pub matrix: PriorityMatrix,
    pub policies: Vec<SlaPolicy>,
    pub calendars: Vec<CalendarSpec>,
    /// The calendar for stores that name none.
    pub store_calendar: String,
    /// The calendar for tickets raised without a store (office staff).
    pub office_calendar: String,
    /// Priority of service requests and of incidents reported without impact and urgency.
    pub default_priority: Priority,
    /// How a ticket may be resolved (the agent picks one).
    pub resolution_codes: Vec<String>,
}

/// The SLA a ticket is held to, decided when it is created.
#[derive(Clone, Debug)]
pub struct SlaPlan {
    pub priority: Priority,
    /// The calendar as configured (kept with the ticket) and built.
    pub spec: CalendarSpec,
    pub calendar: BusinessCalendar,
    pub response: Duration,
    pub resolution: Duration,
}

impl SlaPlan {
    /// When the first response is due if the clock started at `start` and never pauses.
    pub fn response_due(&self, start: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.calendar.add_business_time(start, self.response)
    }
}

/// A store as SLA planning needs it: its zone, and the calendar it names (if any).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoreHours {
    pub timezone: String,
    pub calendar: Option<String>,
}

impl ServiceLevels {
    /// The levels as a reader of `locale` reads them: impact and urgency in their language
    /// where the file gives it, as written elsewhere. The page carries one language only.
    pub fn in_language(&self, locale: &str) -> ServiceLevels {
        let mut levels = self.clone();
        let matrix = &mut levels.matrix;
        for list in [&mut matrix.impacts, &mut matrix.urgencies] {
            *list = list.iter().map(|l| l.in_language(locale)).collect();
        }
        levels
    }

    /// The languages the impact and urgency levels are translated into.
    pub fn translated_languages(&self) -> Vec<&str> {
        let mut tags: Vec<&str> = self
            .matrix
            .impacts
            .iter()
            .chain(&self.matrix.urgencies)
            .flat_map(|l| l.translations.keys().map(String::as_str))
            .collect();
        tags.sort_unstable();
        tags.dedup();
        tags
    }

    pub fn policy(&self, priority: Priority) -> Option<&SlaPolicy> {
        self.policies.iter().find(|p| p.priority == priority)
    }

    pub fn calendar_spec(&self, name: &str) -> Option<&CalendarSpec> {
        self.calendars.iter().find(|c| c.name == name)
    }

    /// Every rule checked once at start-up, so a typo in the file stops the server with a
    /// message instead of leaving tickets without due times.
    pub fn check(&self) -> Result<(), String> {
        self.matrix.check()?;
        for priority in Priority::ALL {
            let policy = self
                .policy(priority)
                .ok_or_else(|| format!("no SLA policy for {}", priority.as_str()))?;
            if policy.response_minutes <= 0 || policy.resolution_minutes < policy.response_minutes {
                return Err(format!(
                    "the {} policy needs a positive response target and a resolution target no shorter than it",
                    priority.as_str()
                ));
            }
            if policy.calendar != STORE_CALENDAR && self.calendar_spec(&policy.calendar).is_none() {
                return Err(format!(
                    "the {} policy names the unknown calendar \"{}\"",
                    priority.as_str(),
                    policy.calendar
                ));
            }
        }
        for spec in &self.calendars {
            spec.build()
                .map_err(|e| format!("calendar \"{}\": {e}", spec.name))?;
        }
        if self.resolution_codes.is_empty() {
            return Err("no resolution codes are defined".into());
        }
        for name in [&self.store_calendar, &self.office_calendar] {
            if self.calendar_spec(name).is_none() {
                return Err(format!("the calendar \"{name}\" is not defined"));
            }
        }
        Ok(())
    }

    /// Priority from the reporter's words; `None` answers fall back to the default.
    pub fn priority_for(&self, impact: Option<&str>, urgency: Option<&str>) -> Priority {
        self.priority_or(impact, urgency, None)
    }

    /// The priority from impact and urgency when both are given; otherwise `fallback` (an
    /// item's own service level), else the portal's default.
    pub fn priority_or(
        &self,
        impact: Option<&str>,
        urgency: Option<&str>,
        fallback: Option<Priority>,
    ) -> Priority {
        let fallback = fallback.unwrap_or(self.default_priority);
        match (impact, urgency) {
            (Some(i), Some(u)) => self.matrix.priority(i, u).unwrap_or(fallback),
            _ => fallback,
        }
    }

    /// The calendar the SLA for `priority` at `store` (or no store) runs on. A store's calendar
    /// keeps its hours and holidays but runs in the store's own time zone, so one "store hours"
    /// calendar serves stores in several zones.
    pub fn plan_calendar_spec(
        &self,
        priority: Priority,
        store: Option<&StoreHours>,
    ) -> Option<CalendarSpec> {
        let policy = self.policy(priority)?;
        if policy.calendar != STORE_CALENDAR {
            return self.calendar_spec(&policy.calendar).cloned();
        }
        match store {
            Some(s) => {
                let name = s.calendar.as_deref().unwrap_or(&self.store_calendar);
                let mut spec = self.calendar_spec(name)?.clone();
                spec.timezone = s.timezone.clone();
                Some(spec)
            }
            None => self.calendar_spec(&self.office_calendar).cloned(),
        }
    }

    /// The SLA for `priority` at `store` (or no store).
    pub fn plan(&self, priority: Priority, store: Option<&StoreHours>) -> Option<SlaPlan> {
        let policy = self.policy(priority)?;
        let spec = self.plan_calendar_spec(priority, store)?;
        Some(SlaPlan {
            priority,
            calendar: spec.build().ok()?,
            spec,
            response: Duration::minutes(policy.response_minutes),
            resolution: Duration::minutes(policy.resolution_minutes),
        })
    }
}

/// What a reporter is told before sending: the priority their answers give and when the first
/// response is due if the ticket were created now. The server creates tickets from the same
/// `priority_for` and `plan`, so the promise and the stored due time agree.
#[derive(Clone, Debug, PartialEq)]
pub struct Promise {
    pub priority: Priority,
    pub respond_by: DateTime<Utc>,
    /// The store's zone (else the calendar's), for showing `respond_by` as its people read it: a
    /// P1 runs on a 24×7 calendar in UTC, but a worker in Leeds reads Leeds time.
    pub timezone: chrono_tz::Tz,
}

impl Promise {
    /// When the response is due as the store's clock reads it, and whether that is today there
    /// (else the reader is told the day too). Worded in the reader's language by the view.
    pub fn due_at_store(&self, now: DateTime<Utc>) -> (chrono::NaiveDateTime, bool) {
        let due = self.respond_by.with_timezone(&self.timezone).naive_local();
        let today = now.with_timezone(&self.timezone).date_naive();
        (due, due.date() == today)
    }
}

impl ServiceLevels {
    /// The promise for a report with these answers at `store`; `None` until impact and urgency
    /// are both answered (or if the configuration cannot plan it, which `check` rules out).
    pub fn promise(
        &self,
        impact: Option<&str>,
        urgency: Option<&str>,
        store: Option<&StoreHours>,
        now: DateTime<Utc>,
    ) -> Option<Promise> {
        let priority = self.matrix.priority(impact?, urgency?)?;
        let plan = self.plan(priority, store)?;
        Some(Promise {
            priority,
            respond_by: plan.response_due(now)?,
            timezone: store
                .and_then(|s| s.timezone.parse().ok())
                .unwrap_or_else(|| plan.calendar.timezone()),
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The shipped configuration: tests check the rules people will actually run.
    pub(crate) fn shipped() -> ServiceLevels {
        toml::from_str(include_str!("../../../server/config/service-levels.toml"))
            .expect("the shipped service levels parse")
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn impact_and_urgency_read_in_the_readers_language_and_keep_their_keys() {
        let levels = shipped();
        assert_eq!(levels.translated_languages(), vec!["de"]);
        let german = levels.in_language("de");
        let one = &german.matrix.impacts[2];
        assert_eq!(one.key, "one_device");
        assert_eq!(one.label, "Eine Kasse, ein Gerät oder eine Person");
        assert_eq!(one.help, "Alles andere funktioniert.");
        assert!(one.translations.is_empty(), "a page carries one language");
        // The priorities are the same in every language.
        assert_eq!(german.matrix.grid, levels.matrix.grid);
        assert_eq!(
            german.matrix.priority("one_device", "now"),
            Some(Priority::P3)
        );
        // A language the file has no words for reads as written.
        let french = levels.in_language("fr");
        assert_eq!(french.matrix.impacts[2].label, "One till, device or person");
        assert_eq!(
            levels.in_language("en").matrix.urgencies[2].label,
            "It can wait"
        );
    }

    /// A wall-clock time, `2026-11-23T10:45`.
    fn local(s: &str) -> chrono::NaiveDateTime {
        chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn the_shipped_configuration_is_complete() {
        shipped().check().unwrap();
    }

    #[test]
    fn whole_store_down_and_urgent_is_p1_and_a_single_till_that_can_wait_is_p4() {
        let levels = shipped();
        let m = &levels.matrix;
        assert_eq!(m.priority("whole_store", "now"), Some(Priority::P1));
        assert_eq!(m.priority("whole_store", "today"), Some(Priority::P2));
        assert_eq!(m.priority("several_tills", "now"), Some(Priority::P2));
        assert_eq!(m.priority("one_device", "now"), Some(Priority::P3));
        assert_eq!(m.priority("one_device", "can_wait"), Some(Priority::P4));
        assert_eq!(m.priority("whole_store", "bogus"), None);
        assert_eq!(m.priority("bogus", "now"), None);
    }

    #[test]
    fn an_items_own_service_level_applies_only_without_impact_and_urgency() {
        let levels = shipped();
        assert_eq!(
            levels.priority_or(None, None, None),
            levels.default_priority
        );
        assert_eq!(
            levels.priority_or(None, None, Some(Priority::P2)),
            Priority::P2
        );
        assert_eq!(
            levels.priority_or(Some("one_device"), None, Some(Priority::P2)),
            Priority::P2,
            "half an answer is no answer"
        );
        assert_eq!(
            levels.priority_or(Some("whole_store"), Some("now"), Some(Priority::P4)),
            Priority::P1,
            "what the person said wins"
        );
    }

    #[test]
    fn every_cell_of_the_matrix_has_a_priority() {
        let levels = shipped();
        for impact in &levels.matrix.impacts {
            for urgency in &levels.matrix.urgencies {
                assert!(levels.matrix.priority(&impact.key, &urgency.key).is_some());
            }
        }
    }

    #[test]
    fn unknown_or_missing_answers_take_the_default_priority() {
        let levels = shipped();
        assert_eq!(
            levels.priority_for(None, Some("now")),
            levels.default_priority
        );
        assert_eq!(
            levels.priority_for(Some("made-up"), Some("now")),
            levels.default_priority
        );
        assert_eq!(
            levels.priority_for(Some("whole_store"), Some("now")),
            Priority::P1
        );
    }

    #[test]
    fn a_ragged_or_duplicated_matrix_is_refused() {
        let mut levels = shipped();
        levels.matrix.grid[0].pop();
        assert!(levels.check().unwrap_err().contains("grid"));

        let mut levels = shipped();
        let dup = levels.matrix.impacts[0].clone();
        levels.matrix.impacts.push(dup);
        levels.matrix.grid.push(levels.matrix.grid[0].clone());
        assert!(levels.check().unwrap_err().contains("twice"));

        let mut levels = shipped();
        levels.policies.retain(|p| p.priority != Priority::P3);
        assert!(levels.check().unwrap_err().contains("P3"));
    }

    #[test]
    fn p1_runs_around_the_clock_and_lower_priorities_on_the_store_calendar() {
        let levels = shipped();
        let leeds = StoreHours {
            timezone: "Europe/London".into(),
            calendar: None,
        };
        // Saturday 21 November 2026, 22:00 in Leeds: the store is closed.
        let late = utc("2026-11-21T22:00:00Z");
        let p1 = levels.plan(Priority::P1, Some(&leeds)).unwrap();
        assert_eq!(
            p1.response_due(late),
            Some(late + Duration::minutes(p1.response.num_minutes()))
        );
        let p3 = levels.plan(Priority::P3, Some(&leeds)).unwrap();
        let due = p3.response_due(late).unwrap();
        assert!(
            due > utc("2026-11-22T10:00:00Z"),
            "P3 waits for Sunday opening, got {due}"
        );
    }

    #[test]
    fn a_store_calendar_runs_in_the_stores_own_zone() {
        let levels = shipped();
        let dublin = StoreHours {
            timezone: "Europe/Dublin".into(),
            calendar: None,
        };
        let new_york = StoreHours {
            timezone: "America/New_York".into(),
            calendar: None,
        };
        let plan_ie = levels.plan(Priority::P3, Some(&dublin)).unwrap();
        let plan_us = levels.plan(Priority::P3, Some(&new_york)).unwrap();
        assert_eq!(plan_ie.calendar.timezone().name(), "Europe/Dublin");
        assert_eq!(plan_us.calendar.timezone().name(), "America/New_York");
        // Monday 23 November 2026 at 08:00 UTC: open in Dublin (from 08:00 local?) — the
        // point is only that the two zones give different due times for the same instant.
        let start = utc("2026-11-23T08:00:00Z");
        assert_ne!(plan_ie.response_due(start), plan_us.response_due(start));
    }

    #[test]
    fn tickets_without_a_store_use_the_office_calendar() {
        let levels = shipped();
        let plan = levels.plan(Priority::P3, None).unwrap();
        assert_eq!(plan.calendar.name(), levels.office_calendar);
    }

    fn leeds() -> StoreHours {
        StoreHours {
            timezone: "Europe/London".into(),
            calendar: None,
        }
    }

    #[test]
    fn the_promise_waits_for_both_answers() {
        let levels = shipped();
        let now = utc("2026-11-23T10:30:00Z");
        assert_eq!(
            levels.promise(Some("whole_store"), None, Some(&leeds()), now),
            None
        );
        assert_eq!(levels.promise(None, Some("now"), Some(&leeds()), now), None);
        assert_eq!(
            levels.promise(Some("whole_store"), Some("whenever"), Some(&leeds()), now),
            None
        );
    }

    #[test]
    fn a_whole_store_outage_now_is_p1_answered_within_15_minutes_in_store_time() {
        let levels = shipped();
        // Monday 23 November 2026, 10:30 in Leeds (GMT).
        let now = utc("2026-11-23T10:30:00Z");
        let promise = levels
            .promise(Some("whole_store"), Some("now"), Some(&leeds()), now)
            .unwrap();
        assert_eq!(promise.priority, Priority::P1);
        assert_eq!(promise.respond_by, utc("2026-11-23T10:45:00Z"));
        assert_eq!(promise.due_at_store(now), (local("2026-11-23T10:45"), true));
    }

    #[test]
    fn a_promise_that_falls_on_another_day_names_the_day() {
        let levels = shipped();
        // Saturday 21 November 2026, 19:30 in Leeds: a P4 (8 store hours) runs into Sunday and
        // Monday, since the store closes at 20:00 and opens 10:00-16:00 on Sunday.
        let now = utc("2026-11-21T19:30:00Z");
        let promise = levels
            .promise(Some("one_device"), Some("can_wait"), Some(&leeds()), now)
            .unwrap();
        assert_eq!(promise.priority, Priority::P4);
        assert_eq!(promise.respond_by, utc("2026-11-23T09:30:00Z"));
        assert_eq!(
            promise.due_at_store(now),
            (local("2026-11-23T09:30"), false)
        );
    }

    #[test]
    fn the_promise_is_shown_in_the_stores_zone_in_summer_too() {
        let levels = shipped();
        // Monday 6 July 2026, 10:00 BST = 09:00 UTC.
        let now = utc("2026-07-06T09:00:00Z");
        let promise = levels
            .promise(Some("whole_store"), Some("now"), Some(&leeds()), now)
            .unwrap();
        assert_eq!(promise.due_at_store(now), (local("2026-07-06T10:15"), true));
    }
}
