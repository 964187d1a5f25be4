//! SLA clocks: business time counted on a calendar, stopped while the ticket waits for the user.
//!
//! A clock starts when the ticket does, pauses while it awaits the requester (the desk cannot act)
//! and stops when its goal (first response, resolution) is reached. Everything here is pure: the
//! browser shows the same due time and "time left" the server enforces, for the `now` it is given.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::calendar::BusinessCalendar;
use super::say::{say, say_with, Say};

/// A stretch during which the clock stood still. `to: None` means it still does (the ticket
/// awaits the user).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pause {
    pub from: DateTime<Utc>,
    pub to: Option<DateTime<Utc>>,
}

/// A clock is in warning once this share of its target is used.
pub const WARNING_PERCENT: u32 = 75;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClockState {
    Running,
    Paused,
    /// Stopped on or before its due time.
    Met,
    /// Still running past due, or stopped after due.
    Breached,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClockStatus {
    pub target_minutes: i64,
    /// Business minutes used (rounded down) at `now`, or at the stop for a stopped clock.
    pub elapsed_minutes: i64,
    /// The last on-time instant; `None` while a pause that began before it lasts, or beyond the
    /// calendar's horizon.
    pub due: Option<DateTime<Utc>>,
    /// When [`WARNING_PERCENT`] of the target is used; `None` like `due`.
    pub warn_at: Option<DateTime<Utc>>,
    pub state: ClockState,
    /// At least [`WARNING_PERCENT`] of the target used, and not met.
    pub warning: bool,
    /// More than the target used at `now`, or at the stop. A paused clock can be breached too:
    /// its state says `Paused`, this flag keeps the breach visible.
    pub breached: bool,
}

/// A stretch of time; `None` as the end means "from then on".
type Stretch = (DateTime<Utc>, Option<DateTime<Utc>>);

/// Business time counted from `start` to `now`, pauses excluded. Pauses may overlap one another,
/// begin before `start`, or still be open; each instant is excluded at most once.
pub fn elapsed(
    cal: &BusinessCalendar,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
    pauses: &[Pause],
) -> Duration {
    running_stretches(start, pauses)
        .into_iter()
        .take_while(|&(from, _)| from < now)
        .map(|(from, to)| cal.business_time_between(from, to.map_or(now, |to| to.min(now))))
        .fold(Duration::zero(), |sum, part| {
            sum.checked_add(&part).unwrap_or(Duration::MAX)
        })
}

/// The earliest instant at which `target` of business time (pauses excluded) has elapsed since
/// `start`, taking closed pauses as given and assuming no further ones.
///
/// `None` when an open pause stops the clock before the target is reached (nobody can know when
/// the user answers), or when the target lies beyond the calendar's horizon. A zero (or negative)
/// target is due at `start`.
pub fn due_at(
    cal: &BusinessCalendar,
    start: DateTime<Utc>,
    target: Duration,
    pauses: &[Pause],
) -> Option<DateTime<Utc>> {
    if target <= Duration::zero() {
        return Some(start);
    }
    let mut left = target;
    for (from, to) in running_stretches(start, pauses) {
        let Some(to) = to else {
            return cal.add_business_time(from, left);
        };
        let available = cal.business_time_between(from, to);
        if left <= available {
            return cal.add_business_time(from, left);
        }
        left -= available;
    }
    // The last pause is still open and the target was not reached before it.
    None
}

/// Everything the UI shows about one clock at `now`.
///
/// `stopped_at` is when the clock's goal was reached (first response, resolution), if it was:
/// the clock is then judged at that instant, `Met` if at most the target was used by then.
pub fn clock_status(
    cal: &BusinessCalendar,
    start: DateTime<Utc>,
    target: Duration,
    pauses: &[Pause],
    stopped_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> ClockStatus {
    let target = target.max(Duration::zero());
    let warn_target = percent_of(target, WARNING_PERCENT);
    let used = elapsed(cal, start, stopped_at.unwrap_or(now), pauses);
    // `due` is the last on-time instant, so using exactly the target is not a breach.
    let breached = used > target;
    let state = match stopped_at {
        Some(_) if breached => ClockState::Breached,
        Some(_) => ClockState::Met,
        None if is_paused_at(pauses, now) => ClockState::Paused,
        None if breached => ClockState::Breached,
        None => ClockState::Running,
    };
    ClockStatus {
        target_minutes: target.num_minutes(),
        elapsed_minutes: used.num_minutes(),
        due: due_at(cal, start, target, pauses),
        warn_at: due_at(cal, start, warn_target, pauses),
        state,
        warning: state != ClockState::Met && used >= warn_target,
        breached,
    }
}

/// Short "time left" text for the UI: "2 h 15 min left", "45 min left", "due now",
/// "overdue by 1 h 5 min", "paused", "met".
///
/// The amounts are business minutes from the status, the quantity the SLA is about: a stopped
/// clock that was met late keeps saying by how much, whatever the wall clock says now, so the
/// text needs no "now": the status was computed for one.
pub fn describe(status: &ClockStatus) -> Say {
    match status.state {
        ClockState::Met => say("sla-met"),
        ClockState::Paused => say("sla-paused"),
        ClockState::Breached => {
            let over = status.elapsed_minutes.saturating_sub(status.target_minutes);
            // Breached by seconds: the rounded-down minutes are equal.
            if over <= 0 {
                say("sla-overdue-now")
            } else {
                say_with("sla-overdue", [("time", show_minutes(over).into())])
            }
        }
        ClockState::Running => {
            let left = status.target_minutes.saturating_sub(status.elapsed_minutes);
            if left <= 0 {
                say("sla-due-now")
            } else {
                say_with("sla-left", [("time", show_minutes(left).into())])
            }
        }
    }
}

/// The stretches in which the clock runs, ascending: from `start`, cut by the merged pauses.
/// Ends with an open stretch unless an open pause stops the clock for good.
fn running_stretches(start: DateTime<Utc>, pauses: &[Pause]) -> Vec<Stretch> {
    let mut runs = Vec::new();
    let mut cursor = start;
    for (from, to) in merged_pauses(pauses) {
        if from > cursor {
            runs.push((cursor, Some(from)));
        }
        match to {
            Some(to) => cursor = cursor.max(to),
            None => return runs,
        }
    }
    runs.push((cursor, None));
    runs
}

/// Pauses sorted and merged so that overlapping ones count once; empty or reversed ones dropped.
fn merged_pauses(pauses: &[Pause]) -> Vec<Stretch> {
    let mut sorted: Vec<Stretch> = pauses
        .iter()
        .filter(|p| p.to.is_none_or(|to| to > p.from))
        .map(|p| (p.from, p.to))
        .collect();
    sorted.sort_by_key(|&(from, _)| from);
    let mut merged: Vec<Stretch> = Vec::with_capacity(sorted.len());
    for (from, to) in sorted {
        match merged.last_mut() {
            Some((_, last_to)) if last_to.is_none_or(|end| from <= end) => {
                *last_to = later_end(*last_to, to);
            }
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// The later of two ends, where `None` (still open) is later than any instant.
fn later_end(a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    Some(a?.max(b?))
}

fn is_paused_at(pauses: &[Pause], t: DateTime<Utc>) -> bool {
    pauses
        .iter()
        .any(|p| p.from <= t && p.to.is_none_or(|to| t < to))
}

/// `percent` % of `d`, to the millisecond; computed wide so a huge target cannot overflow.
fn percent_of(d: Duration, percent: u32) -> Duration {
    let millis = i128::from(d.num_milliseconds()) * i128::from(percent) / 100;
    i64::try_from(millis)
        .ok()
        .and_then(Duration::try_milliseconds)
        .unwrap_or(Duration::MAX)
}

/// "45 min", "2 h", "2 h 15 min".
pub fn show_minutes(minutes: i64) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    match (hours, rest) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::CalendarSpec;

    fn left(time: &str) -> Say {
        say_with("sla-left", [("time", time.into())])
    }

    fn overdue(time: &str) -> Say {
        say_with("sla-overdue", [("time", time.into())])
    }
    use chrono::{NaiveDateTime, TimeZone};

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().expect("test instant")
    }

    /// London wall-clock time; these tests use February, when London is on UTC anyway.
    fn london(text: &str) -> DateTime<Utc> {
        let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("test time");
        chrono_tz::Europe::London
            .from_local_datetime(&naive)
            .single()
            .expect("unambiguous local time")
            .with_timezone(&Utc)
    }

    fn hours(n: i64) -> Duration {
        Duration::hours(n)
    }

    fn minutes(n: i64) -> Duration {
        Duration::minutes(n)
    }

    /// Monday to Friday, 09:00–17:00 in London.
    fn office() -> BusinessCalendar {
        let days = ["mon", "tue", "wed", "thu", "fri"];
        CalendarSpec {
            name: "office".into(),
            timezone: "Europe/London".into(),
            always_open: false,
            hours: days
                .iter()
                .map(|d| (d.to_string(), vec!["09:00-17:00".to_string()]))
                .collect(),
            holidays: vec![],
        }
        .build()
        .unwrap()
    }

    fn pause(from: &str, to: Option<&str>) -> Pause {
        Pause {
            from: london(from),
            to: to.map(london),
        }
    }

    /// Monday 9 February 2026, opening time.
    fn monday_nine() -> DateTime<Utc> {
        london("2026-02-09 09:00")
    }

    fn status_at(target: Duration, pauses: &[Pause], stop: Option<&str>, now: &str) -> ClockStatus {
        clock_status(
            &office(),
            monday_nine(),
            target,
            pauses,
            stop.map(london),
            london(now),
        )
    }

    // --- elapsed and due_at with pauses ---

    #[test]
    fn elapsed_without_pauses_is_business_time() {
        let e = elapsed(&office(), monday_nine(), london("2026-02-10 10:00"), &[]);
        assert_eq!(e, hours(9));
        assert_eq!(
            elapsed(&office(), monday_nine(), monday_nine() - hours(1), &[]),
            Duration::zero()
        );
    }

    #[test]
    fn a_pause_spanning_days_is_excluded() {
        let pauses = [pause("2026-02-09 16:00", Some("2026-02-11 11:00"))];
        // Seven hours on Monday, one on Wednesday after the pause.
        let e = elapsed(
            &office(),
            monday_nine(),
            london("2026-02-11 12:00"),
            &pauses,
        );
        assert_eq!(e, hours(8));
        let due = due_at(&office(), monday_nine(), hours(10), &pauses);
        assert_eq!(due, Some(london("2026-02-11 14:00")));
        assert_eq!(
            due_at(&office(), monday_nine(), hours(10), &[]),
            Some(london("2026-02-10 11:00"))
        );
    }

    #[test]
    fn overlapping_pauses_count_once() {
        let pauses = [
            pause("2026-02-09 10:00", Some("2026-02-09 12:00")),
            pause("2026-02-09 11:00", Some("2026-02-09 13:00")),
            pause("2026-02-09 12:30", Some("2026-02-09 12:45")),
            pause("2026-02-09 10:00", Some("2026-02-09 12:00")),
        ];
        let e = elapsed(
            &office(),
            monday_nine(),
            london("2026-02-09 17:00"),
            &pauses,
        );
        assert_eq!(e, hours(5));
        // Five hours on Monday, then one on Tuesday.
        let due = due_at(&office(), monday_nine(), hours(6), &pauses);
        assert_eq!(due, Some(london("2026-02-10 10:00")));
    }

    #[test]
    fn a_pause_that_began_before_the_start_delays_it() {
        let pauses = [
            pause("2026-02-06 12:00", Some("2026-02-09 11:00")),
            pause("2026-02-02 12:00", Some("2026-02-03 12:00")),
        ];
        let e = elapsed(
            &office(),
            monday_nine(),
            london("2026-02-09 12:00"),
            &pauses,
        );
        assert_eq!(e, hours(1));
        let due = due_at(&office(), monday_nine(), hours(1), &pauses);
        assert_eq!(due, Some(london("2026-02-09 12:00")));
    }

    #[test]
    fn a_pause_outside_working_hours_changes_nothing() {
        let pauses = [pause("2026-02-09 18:00", Some("2026-02-10 08:00"))];
        let now = london("2026-02-10 12:00");
        assert_eq!(
            elapsed(&office(), monday_nine(), now, &pauses),
            elapsed(&office(), monday_nine(), now, &[])
        );
        assert_eq!(
            due_at(&office(), monday_nine(), hours(10), &pauses),
            due_at(&office(), monday_nine(), hours(10), &[])
        );
    }

    #[test]
    fn empty_or_reversed_pauses_are_ignored() {
        let pauses = [
            pause("2026-02-09 10:00", Some("2026-02-09 10:00")),
            pause("2026-02-09 12:00", Some("2026-02-09 11:00")),
        ];
        let e = elapsed(
            &office(),
            monday_nine(),
            london("2026-02-09 13:00"),
            &pauses,
        );
        assert_eq!(e, hours(4));
    }

    #[test]
    fn an_open_pause_freezes_the_clock_and_hides_the_due_time() {
        let pauses = [pause("2026-02-09 11:00", None)];
        let e = elapsed(
            &office(),
            monday_nine(),
            london("2026-02-12 15:00"),
            &pauses,
        );
        assert_eq!(e, hours(2));
        assert_eq!(due_at(&office(), monday_nine(), hours(8), &pauses), None);
        // Reached before the pause began: that due time is known.
        let due = due_at(&office(), monday_nine(), hours(2), &pauses);
        assert_eq!(due, Some(london("2026-02-09 11:00")));
        // An open pause from before the start: the clock never ran.
        let before = [pause("2026-02-08 11:00", None)];
        assert_eq!(due_at(&office(), monday_nine(), hours(1), &before), None);
        assert_eq!(
            elapsed(
                &office(),
                monday_nine(),
                london("2026-02-12 15:00"),
                &before
            ),
            Duration::zero()
        );
    }

    #[test]
    fn open_pause_within_a_closed_one_keeps_the_clock_stopped() {
        let pauses = [
            pause("2026-02-09 10:00", Some("2026-02-09 14:00")),
            pause("2026-02-09 12:00", None),
        ];
        let e = elapsed(
            &office(),
            monday_nine(),
            london("2026-02-10 15:00"),
            &pauses,
        );
        assert_eq!(e, hours(1));
        assert_eq!(due_at(&office(), monday_nine(), hours(2), &pauses), None);
    }

    #[test]
    fn a_zero_target_is_due_at_the_start() {
        let start = london("2026-02-07 12:00"); // Saturday: closed, still due at once.
        assert_eq!(due_at(&office(), start, Duration::zero(), &[]), Some(start));
        assert_eq!(due_at(&office(), start, -hours(1), &[]), Some(start));
    }

    // --- clock_status ---

    #[test]
    fn running_under_the_warning_threshold() {
        let s = status_at(hours(8), &[], None, "2026-02-09 13:00");
        assert_eq!(s.state, ClockState::Running);
        assert_eq!((s.target_minutes, s.elapsed_minutes), (480, 240));
        assert!(!s.warning && !s.breached);
        assert_eq!(s.due, Some(london("2026-02-09 17:00")));
        assert_eq!(s.warn_at, Some(london("2026-02-09 15:00")));
    }

    #[test]
    fn warning_from_75_percent_on() {
        let just_before = status_at(hours(8), &[], None, "2026-02-09 14:59");
        assert!(!just_before.warning);
        for now in ["2026-02-09 15:00", "2026-02-09 16:30"] {
            let s = status_at(hours(8), &[], None, now);
            assert_eq!(s.state, ClockState::Running, "{now}");
            assert!(s.warning && !s.breached, "{now}");
            assert_eq!(s.warn_at, Some(london("2026-02-09 15:00")));
        }
    }

    #[test]
    fn warn_at_skips_closed_hours() {
        // 4 h target: 3 h in, which from Monday 15:00 is Tuesday 10:00.
        let start = london("2026-02-09 15:00");
        let s = clock_status(&office(), start, hours(4), &[], None, start);
        assert_eq!(s.warn_at, Some(london("2026-02-10 10:00")));
        assert_eq!(s.due, Some(london("2026-02-10 11:00")));
    }

    #[test]
    fn exactly_at_due_is_not_breached() {
        let s = status_at(hours(8), &[], None, "2026-02-09 17:00");
        assert_eq!(s.state, ClockState::Running);
        assert!(s.warning && !s.breached);
        // Still exactly 8 h used overnight: no business time passed since.
        let s = status_at(hours(8), &[], None, "2026-02-10 09:00");
        assert!(!s.breached);
        let s = status_at(hours(8), &[], None, "2026-02-10 09:01");
        assert_eq!(s.state, ClockState::Breached);
        assert!(s.breached && s.warning);
    }

    #[test]
    fn breached_when_more_than_the_target_is_used() {
        let s = status_at(hours(8), &[], None, "2026-02-10 10:05");
        assert_eq!(s.state, ClockState::Breached);
        assert_eq!(s.elapsed_minutes, 545);
        assert!(s.breached);
        assert_eq!(describe(&s), overdue("1 h 5 min"));
    }

    #[test]
    fn met_on_time() {
        let s = status_at(hours(8), &[], Some("2026-02-09 14:00"), "2026-02-12 10:00");
        assert_eq!(s.state, ClockState::Met);
        assert_eq!(s.elapsed_minutes, 300);
        assert!(!s.warning && !s.breached);
        // Met exactly at due is on time too.
        let s = status_at(hours(8), &[], Some("2026-02-09 17:00"), "2026-02-12 10:00");
        assert_eq!(s.state, ClockState::Met);
        assert!(!s.breached && !s.warning);
    }

    #[test]
    fn met_late_is_breached() {
        let s = status_at(hours(8), &[], Some("2026-02-10 09:30"), "2026-02-12 10:00");
        assert_eq!(s.state, ClockState::Breached);
        assert_eq!(s.elapsed_minutes, 510);
        assert!(s.breached && s.warning);
        // The amount stays what it was at the stop.
        assert_eq!(describe(&s), overdue("30 min"));
    }

    #[test]
    fn open_pause_means_paused_with_no_due_time() {
        let pauses = [pause("2026-02-09 11:00", None)];
        let s = status_at(hours(8), &pauses, None, "2026-02-10 12:00");
        assert_eq!(s.state, ClockState::Paused);
        assert_eq!(s.elapsed_minutes, 120);
        assert_eq!((s.due, s.warn_at), (None, None));
        assert!(!s.warning && !s.breached);
        assert_eq!(describe(&s), say("sla-paused"));
    }

    #[test]
    fn paused_after_the_due_time_stays_breached() {
        let pauses = [pause("2026-02-10 10:00", None)];
        let s = status_at(hours(8), &pauses, None, "2026-02-11 12:00");
        assert_eq!(s.state, ClockState::Paused);
        assert!(s.breached);
        assert_eq!(s.due, Some(london("2026-02-09 17:00")));
        assert_eq!(s.elapsed_minutes, 540);
    }

    #[test]
    fn paused_between_warning_and_due_keeps_warn_at() {
        let pauses = [pause("2026-02-09 16:00", None)];
        let s = status_at(hours(8), &pauses, None, "2026-02-10 12:00");
        assert_eq!(s.state, ClockState::Paused);
        assert_eq!(s.due, None);
        assert_eq!(s.warn_at, Some(london("2026-02-09 15:00")));
        assert!(s.warning);
    }

    #[test]
    fn inside_a_closed_pause_the_clock_is_paused() {
        let pauses = [pause("2026-02-09 10:00", Some("2026-02-09 12:00"))];
        let s = status_at(hours(8), &pauses, None, "2026-02-09 11:00");
        assert_eq!(s.state, ClockState::Paused);
        assert_eq!(s.due, Some(london("2026-02-10 11:00")));
        let s = status_at(hours(8), &pauses, None, "2026-02-09 12:00");
        assert_eq!(s.state, ClockState::Running);
    }

    #[test]
    fn a_stop_wins_over_a_pause() {
        let pauses = [pause("2026-02-09 11:00", None)];
        let s = status_at(
            hours(8),
            &pauses,
            Some("2026-02-09 12:00"),
            "2026-02-10 12:00",
        );
        assert_eq!(s.state, ClockState::Met);
    }

    #[test]
    fn works_on_a_24x7_calendar() {
        let cal = BusinessCalendar::always_open("24x7");
        let start = utc("2026-02-07T22:00:00Z");
        let s = clock_status(
            &cal,
            start,
            hours(4),
            &[],
            None,
            utc("2026-02-08T01:00:00Z"),
        );
        assert_eq!(s.due, Some(utc("2026-02-08T02:00:00Z")));
        assert_eq!(s.warn_at, Some(utc("2026-02-08T01:00:00Z")));
        assert!(s.warning && s.state == ClockState::Running);
    }

    #[test]
    fn extreme_inputs_do_not_panic() {
        let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
        let pauses = [
            Pause {
                from: min,
                to: Some(max),
            },
            Pause {
                from: max,
                to: None,
            },
            Pause {
                from: min,
                to: None,
            },
        ];
        for cal in [office(), BusinessCalendar::always_open("24x7")] {
            for target in [Duration::MAX, Duration::MIN, Duration::zero(), hours(1)] {
                for (start, now) in [(min, max), (max, min), (min, min), (max, max)] {
                    let s = clock_status(&cal, start, target, &pauses, None, now);
                    let _ = describe(&s);
                    let s = clock_status(&cal, start, target, &[], Some(now), now);
                    let _ = describe(&s);
                }
            }
        }
    }

    // --- describe ---

    #[test]
    fn describe_time_left() {
        let s = clock_status(
            &office(),
            monday_nine(),
            hours(4),
            &[],
            None,
            london("2026-02-09 10:45"),
        );
        assert_eq!(describe(&s), left("2 h 15 min"));
        let s = status_at(hours(1), &[], None, "2026-02-09 09:15");
        assert_eq!(describe(&s), left("45 min"));
        let s = status_at(hours(8), &[], None, "2026-02-09 15:00");
        assert_eq!(describe(&s), left("2 h"));
        let s = status_at(hours(8), &[], None, "2026-02-09 17:00");
        assert_eq!(describe(&s), say("sla-due-now"));
    }

    #[test]
    fn describe_states() {
        let base = ClockStatus {
            target_minutes: 60,
            elapsed_minutes: 60,
            due: None,
            warn_at: None,
            state: ClockState::Breached,
            warning: true,
            breached: true,
        };
        assert_eq!(describe(&base), say("sla-overdue-now"));
        let late = ClockStatus {
            elapsed_minutes: 185,
            ..base.clone()
        };
        assert_eq!(describe(&late), overdue("2 h 5 min"));
        let met = ClockStatus {
            state: ClockState::Met,
            ..base.clone()
        };
        assert_eq!(describe(&met), say("sla-met"));
        let paused = ClockStatus {
            state: ClockState::Paused,
            ..base
        };
        assert_eq!(describe(&paused), say("sla-paused"));
    }

    #[test]
    fn status_serializes_in_snake_case() {
        let s = status_at(hours(8), &[], None, "2026-02-10 10:05");
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["state"], "breached");
        let back: ClockStatus = serde_json::from_value(json).unwrap();
        assert_eq!(back, s);
        let p = pause("2026-02-09 11:00", None);
        let back: Pause = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn percent_of_is_exact_and_safe() {
        assert_eq!(percent_of(hours(8), 75), hours(6));
        assert_eq!(percent_of(minutes(10), 75), Duration::seconds(450));
        assert!(percent_of(Duration::MAX, 75) < Duration::MAX);
    }
}
