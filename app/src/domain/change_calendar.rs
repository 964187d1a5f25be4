//! What the change calendar checks before anyone approves: freeze periods ("no changes to the
//! stores in the last two weeks of December") and changes that touch the same store or device
//! at the same time; and afterwards, which changes an incident may have been caused by.
//!
//! A freeze is written in days, and a store's days are its own: a freeze from 18 December
//! begins at midnight in Berlin for a Berlin store, an hour later (in UTC) for a London one.
//! Midnights become instants through the store's zone (`calendar::local_to_utc`), so a freeze
//! that ends on the night clocks change ends at the right instant. Change windows themselves
//! are instants, so two of them compare without zones.

use super::calendar::local_to_utc;
use super::change::Window;
use super::say::{say, say_with, Arg, Say};
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub const MAX_FREEZE_NAME_CHARS: usize = 80;

/// A period without changes, from `first_day` to `last_day` inclusive, in each store's own
/// days; every year on the same dates when `every_year`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreezeWindow {
    pub name: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    #[serde(default)]
    pub every_year: bool,
    /// The stores it applies to, by code; empty: every store, and changes to no store at all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stores: Vec<String>,
}

impl FreezeWindow {
    /// A name; a last day not before the first; a yearly freeze shorter than a year, or it
    /// would run into its own next year.
    pub fn check(&self) -> Result<(), Say> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > MAX_FREEZE_NAME_CHARS {
            return Err(say_with(
                "error-freeze-name",
                [("max", Arg::count(MAX_FREEZE_NAME_CHARS))],
            ));
        }
        if self.last_day < self.first_day {
            return Err(say("error-freeze-dates"));
        }
        if self.every_year
            && same_day_in(self.first_day, self.first_day.year() + 1) <= self.last_day
        {
            return Err(say("error-freeze-overlaps-itself"));
        }
        Ok(())
    }

    pub fn applies_to(&self, store: &str) -> bool {
        self.stores.is_empty() || self.stores.iter().any(|s| s.eq_ignore_ascii_case(store))
    }

    /// The freeze's occurrences that may meet `around`, as instants in `zone`.
    fn occurrences(&self, zone: Tz, around: &Window) -> Vec<Window> {
        let as_window = |first: NaiveDate, last: NaiveDate| {
            let start = local_to_utc(zone, first.and_hms_opt(0, 0, 0)?)?;
            let end = local_to_utc(
                zone,
                last.checked_add_days(Days::new(1))?.and_hms_opt(0, 0, 0)?,
            )?;
            Some(Window { start, end })
        };
        if !self.every_year {
            return as_window(self.first_day, self.last_day)
                .into_iter()
                .collect();
        }
        let length = Days::new((self.last_day - self.first_day).num_days().unsigned_abs());
        // A change window is at most three days: the year it starts in and the ones either
        // side cover every occurrence it can meet, a freeze across New Year's included.
        let year = around.start.year();
        (year - 1..=year + 1)
            .filter_map(|y| {
                let first = same_day_in(self.first_day, y);
                as_window(first, first.checked_add_days(length)?)
            })
            .collect()
    }

    /// Whether the freeze holds on `day` (a day of the store's own, or of whoever reads the
    /// calendar).
    pub fn covers(&self, day: NaiveDate) -> bool {
        if !self.every_year {
            return self.first_day <= day && day <= self.last_day;
        }
        let length = Days::new((self.last_day - self.first_day).num_days().unsigned_abs());
        // This year's occurrence, or last year's running over New Year.
        [day.year(), day.year() - 1].into_iter().any(|y| {
            let first = same_day_in(self.first_day, y);
            first <= day
                && first
                    .checked_add_days(length)
                    .is_some_and(|last| day <= last)
        })
    }

    /// Whether `window` falls (partly) in this freeze, in `zone`'s days.
    pub fn meets(&self, zone: Tz, window: &Window) -> bool {
        self.occurrences(zone, window)
            .iter()
            .any(|freeze| freeze.overlaps(window))
    }
}

/// `day`'s date in `year`; 29 February becomes the 28th in a year without one.
fn same_day_in(day: NaiveDate, year: i32) -> NaiveDate {
    day.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, day.month(), 28))
        .unwrap_or(day)
}

/// A change as the calendar sees it: its window and what it touches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Booking {
    pub number: String,
    pub window: Window,
    /// Store codes; for a device, its store is listed too.
    pub stores: Vec<String>,
    /// Device (asset) tags.
    pub devices: Vec<String>,
}

/// Something to settle before a change is approved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Conflict {
    /// Another change works on the same stores or devices at the same time.
    Overlap {
        with: String,
        stores: Vec<String>,
        devices: Vec<String>,
    },
    /// The window falls in a freeze for these stores (none listed: a change to no store).
    Freeze { name: String, stores: Vec<String> },
}

impl Conflict {
    /// What the change's page and the approvers read.
    pub fn say(&self) -> Say {
        match self {
            Conflict::Overlap {
                with,
                stores,
                devices,
            } => say_with(
                "change-conflict-overlap",
                [
                    ("number", with.as_str().into()),
                    (
                        "what",
                        devices
                            .iter()
                            .chain(stores)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", ")
                            .into(),
                    ),
                ],
            ),
            Conflict::Freeze { name, stores } => say_with(
                "change-conflict-freeze",
                [
                    ("freeze", name.as_str().into()),
                    ("stores", Arg::count(stores.len())),
                    ("list", stores.join(", ").into()),
                ],
            ),
        }
    }
}

fn shared(a: &[String], b: &[String]) -> Vec<String> {
    a.iter()
        .filter(|x| b.iter().any(|y| y.eq_ignore_ascii_case(x)))
        .cloned()
        .collect()
}

/// What `change` runs into: other booked changes on the same stores or devices at overlapping
/// times, and freezes its window meets in any store it touches. `zone_of` gives a store's zone;
/// a change to no store is read in `portal_zone` against the freezes for every store.
pub fn conflicts(
    change: &Booking,
    others: &[Booking],
    freezes: &[FreezeWindow],
    zone_of: &dyn Fn(&str) -> Option<Tz>,
    portal_zone: Tz,
) -> Vec<Conflict> {
    let mut found: Vec<Conflict> = others
        .iter()
        .filter(|other| other.number != change.number && other.window.overlaps(&change.window))
        .filter_map(|other| {
            let stores = shared(&change.stores, &other.stores);
            let devices = shared(&change.devices, &other.devices);
            (!stores.is_empty() || !devices.is_empty()).then(|| Conflict::Overlap {
                with: other.number.clone(),
                stores,
                devices,
            })
        })
        .collect();
    for freeze in freezes {
        let frozen = if change.stores.is_empty() {
            (freeze.stores.is_empty() && freeze.meets(portal_zone, &change.window)).then(Vec::new)
        } else {
            let stores: Vec<String> = change
                .stores
                .iter()
                .filter(|store| freeze.applies_to(store))
                .filter(|store| {
                    let zone = zone_of(store).unwrap_or(portal_zone);
                    freeze.meets(zone, &change.window)
                })
                .cloned()
                .collect();
            (!stores.is_empty()).then_some(stores)
        };
        if let Some(stores) = frozen {
            found.push(Conflict::Freeze {
                name: freeze.name.clone(),
                stores,
            });
        }
    }
    found
}

/// The changes an incident may have been caused by: those at work on its device when it was
/// raised, or on its store when the change names no devices (the desk sees them flagged).
pub fn possibly_caused_by<'a>(
    raised_at: DateTime<Utc>,
    store: Option<&str>,
    device: Option<&str>,
    changes: &'a [Booking],
) -> Vec<&'a str> {
    let names = |list: &[String], one: Option<&str>| {
        one.is_some_and(|one| list.iter().any(|x| x.eq_ignore_ascii_case(one)))
    };
    changes
        .iter()
        .filter(|change| change.window.contains(raised_at))
        .filter(|change| {
            names(&change.devices, device)
                || (change.devices.is_empty() && names(&change.stores, store))
        })
        .map(|change| change.number.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn window(start: &str, hours: i64) -> Window {
        let start = utc(start);
        Window::new(start, start + Duration::hours(hours)).unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn christmas() -> FreezeWindow {
        FreezeWindow {
            name: "Christmas trade".into(),
            first_day: day("2026-12-18"),
            last_day: day("2026-12-31"),
            every_year: true,
            stores: Vec::new(),
        }
    }

    fn booking(number: &str, at: &str, stores: &[&str], devices: &[&str]) -> Booking {
        Booking {
            number: number.into(),
            window: window(at, 4),
            stores: stores.iter().map(|s| s.to_string()).collect(),
            devices: devices.iter().map(|d| d.to_string()).collect(),
        }
    }

    fn zones(store: &str) -> Option<Tz> {
        match store {
            "S012" => Some(chrono_tz::Europe::Berlin),
            "L001" => Some(chrono_tz::Europe::London),
            _ => None,
        }
    }

    fn freeze_stores(found: &[Conflict]) -> Vec<Vec<String>> {
        found
            .iter()
            .filter_map(|c| match c {
                Conflict::Freeze { stores, .. } => Some(stores.clone()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_freeze_begins_at_each_stores_own_midnight() {
        // 23:00–23:45 UTC on 17 December is already the 18th in Berlin, still the 17th in
        // London.
        let change = Booking {
            window: Window::new(utc("2026-12-17T23:00:00Z"), utc("2026-12-17T23:45:00Z")).unwrap(),
            ..booking("CHG0000001", "2026-12-17T23:00:00Z", &["S012", "L001"], &[])
        };
        let found = conflicts(&change, &[], &[christmas()], &zones, Tz::UTC);
        assert_eq!(freeze_stores(&found), [vec!["S012".to_string()]]);
        let before = booking("CHG0000001", "2026-12-17T18:00:00Z", &["S012", "L001"], &[]);
        assert!(conflicts(&before, &[], &[christmas()], &zones, Tz::UTC).is_empty());
    }

    #[test]
    fn a_freeze_covers_its_days_every_year_and_across_new_year() {
        let once = FreezeWindow {
            every_year: false,
            ..christmas()
        };
        assert!(once.covers(day("2026-12-18")) && once.covers(day("2026-12-31")));
        assert!(!once.covers(day("2026-12-17")) && !once.covers(day("2027-12-20")));
        assert!(christmas().covers(day("2030-12-24")));
        assert!(!christmas().covers(day("2030-01-01")));
        let winter = FreezeWindow {
            first_day: day("2026-12-18"),
            last_day: day("2027-01-06"),
            ..christmas()
        };
        assert!(winter.covers(day("2028-01-06")) && winter.covers(day("2027-12-18")));
        assert!(!winter.covers(day("2028-01-07")) && !winter.covers(day("2027-12-17")));
    }

    #[test]
    fn a_yearly_freeze_comes_back_and_may_span_new_year() {
        let winter = FreezeWindow {
            first_day: day("2026-12-18"),
            last_day: day("2027-01-06"),
            ..christmas()
        };
        assert!(winter.check().is_ok());
        let in_2031 = window("2031-01-03T22:00:00Z", 4);
        assert!(winter.meets(chrono_tz::Europe::Berlin, &in_2031));
        let after = window("2031-01-07T08:00:00Z", 4);
        assert!(!winter.meets(chrono_tz::Europe::Berlin, &after));
        let once = FreezeWindow {
            every_year: false,
            ..winter
        };
        assert!(!once.meets(chrono_tz::Europe::Berlin, &in_2031));
    }

    #[test]
    fn a_freeze_ending_on_the_night_clocks_go_forward_ends_at_the_right_instant() {
        // Berlin moves to summer time on 29 March 2026: the freeze ends at midnight local
        // time, 22:00 UTC, not at 23:00 as a fixed winter offset would say.
        let spring = FreezeWindow {
            name: "Spring stocktake".into(),
            first_day: day("2026-03-28"),
            last_day: day("2026-03-29"),
            every_year: false,
            stores: vec!["S012".into()],
        };
        let berlin = chrono_tz::Europe::Berlin;
        let hour =
            |start: &str| Window::new(utc(start), utc(start) + Duration::minutes(30)).unwrap();
        assert!(spring.meets(berlin, &hour("2026-03-29T21:30:00Z")));
        assert!(!spring.meets(berlin, &hour("2026-03-29T22:00:00Z")));
        // And it began at midnight winter time: 23:00 UTC the day before.
        assert!(spring.meets(berlin, &hour("2026-03-27T23:00:00Z")));
        assert!(!spring.meets(berlin, &hour("2026-03-27T22:30:00Z")));
    }

    #[test]
    fn freezes_apply_to_their_stores_and_central_changes_to_freezes_for_all() {
        let only_berlin = FreezeWindow {
            stores: vec!["s012".into()],
            ..christmas()
        };
        let change = booking("CHG0000001", "2026-12-20T10:00:00Z", &["S012", "L001"], &[]);
        let found = conflicts(
            &change,
            &[],
            std::slice::from_ref(&only_berlin),
            &zones,
            Tz::UTC,
        );
        assert_eq!(freeze_stores(&found), [vec!["S012".to_string()]]);
        let central = booking("CHG0000002", "2026-12-20T10:00:00Z", &[], &[]);
        assert!(conflicts(&central, &[], &[only_berlin], &zones, Tz::UTC).is_empty());
        assert_eq!(
            freeze_stores(&conflicts(&central, &[], &[christmas()], &zones, Tz::UTC)),
            [Vec::<String>::new()]
        );
    }

    #[test]
    fn changes_on_the_same_store_or_device_at_the_same_time_conflict() {
        let readers = booking(
            "CHG0000001",
            "2026-11-10T20:00:00Z",
            &["S012"],
            &["S012-REG-03"],
        );
        let others = [
            // Same till, overlapping hours.
            booking(
                "CHG0000002",
                "2026-11-10T22:00:00Z",
                &["S012"],
                &["S012-REG-03"],
            ),
            // Same store, other device, overlapping: the store is shared.
            booking(
                "CHG0000003",
                "2026-11-10T21:00:00Z",
                &["S012"],
                &["S012-PRN-01"],
            ),
            // Same till, but it ends as this one starts.
            booking(
                "CHG0000004",
                "2026-11-10T16:00:00Z",
                &["S012"],
                &["S012-REG-03"],
            ),
            // Another store, same time.
            booking("CHG0000005", "2026-11-10T20:00:00Z", &["L001"], &[]),
            // Itself, as stored.
            readers.clone(),
        ];
        let found = conflicts(&readers, &others, &[], &zones, Tz::UTC);
        assert_eq!(
            found,
            [
                Conflict::Overlap {
                    with: "CHG0000002".into(),
                    stores: vec!["S012".into()],
                    devices: vec!["S012-REG-03".into()],
                },
                Conflict::Overlap {
                    with: "CHG0000003".into(),
                    stores: vec!["S012".into()],
                    devices: vec![],
                },
            ]
        );
        assert_eq!(found[0].say().id(), Some("change-conflict-overlap"));
    }

    #[test]
    fn a_freeze_that_cannot_work_is_refused() {
        let refused = |f: FreezeWindow| f.check().unwrap_err().id().unwrap();
        assert_eq!(
            refused(FreezeWindow {
                last_day: day("2026-12-17"),
                ..christmas()
            }),
            "error-freeze-dates"
        );
        assert_eq!(
            refused(FreezeWindow {
                last_day: day("2027-12-18"),
                ..christmas()
            }),
            "error-freeze-overlaps-itself"
        );
        assert!(FreezeWindow {
            last_day: day("2027-12-17"),
            ..christmas()
        }
        .check()
        .is_ok());
        assert_eq!(
            refused(FreezeWindow {
                name: " ".into(),
                ..christmas()
            }),
            "error-freeze-name"
        );
    }

    #[test]
    fn an_incident_during_a_change_on_its_device_points_to_the_change() {
        let changes = [
            booking(
                "CHG0000001",
                "2026-11-10T20:00:00Z",
                &["S012"],
                &["S012-REG-03"],
            ),
            booking("CHG0000002", "2026-11-10T20:00:00Z", &["S012"], &[]),
            booking(
                "CHG0000003",
                "2026-11-10T20:00:00Z",
                &["S012"],
                &["S012-PRN-01"],
            ),
        ];
        let during = utc("2026-11-10T21:15:00Z");
        assert_eq!(
            possibly_caused_by(during, Some("S012"), Some("s012-reg-03"), &changes),
            ["CHG0000001", "CHG0000002"]
        );
        let after = utc("2026-11-11T00:00:00Z");
        assert!(possibly_caused_by(after, Some("S012"), Some("S012-REG-03"), &changes).is_empty());
    }
}
