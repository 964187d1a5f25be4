//! The change calendar's pages: a month shown as whole weeks (Monday first) or one week, and
//! which of their days a change window touches, read in one time zone.
//!
//! Days are the reader's: a window from 22:00 to 04:00 in Berlin sits on two days there, and a
//! window that ends at midnight does not spill onto the next day. The period's edges are local
//! midnights made instants through the zone (`calendar::local_to_utc`), so a week with a clock
//! change is 167 or 169 hours long and still holds exactly its seven days.

use super::calendar::local_to_utc;
use super::change::Window;
use chrono::{DateTime, Datelike, Days, Months, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// A month or a week at a time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Span {
    #[default]
    Month,
    Week,
}

impl Span {
    pub fn parse(text: &str) -> Option<Span> {
        match text.trim() {
            "month" => Some(Span::Month),
            "week" => Some(Span::Week),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Span::Month => "month",
            Span::Week => "week",
        }
    }
}

/// The days one calendar page shows: `first` to `end` (exclusive), whole weeks from a Monday;
/// `focus` is the month or week asked for (a month page greys out the days of the weeks around
/// it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub span: Span,
    pub first: NaiveDate,
    pub end: NaiveDate,
    pub focus_first: NaiveDate,
    pub focus_end: NaiveDate,
}

fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Days::new(u64::from(day.weekday().num_days_from_monday()))
}

/// The page of `span` that holds `day`.
pub fn period(span: Span, day: NaiveDate) -> Period {
    match span {
        Span::Week => {
            let first = monday_of(day);
            let end = first + Days::new(7);
            Period {
                span,
                first,
                end,
                focus_first: first,
                focus_end: end,
            }
        }
        Span::Month => {
            let focus_first = day.with_day(1).unwrap_or(day);
            let focus_end = focus_first + Months::new(1);
            let first = monday_of(focus_first);
            // The Monday after the month's last day: whole weeks.
            let end = monday_of(focus_end - Days::new(1)) + Days::new(7);
            Period {
                span,
                first,
                end,
                focus_first,
                focus_end,
            }
        }
    }
}

impl Period {
    /// Every day the page shows, in order.
    pub fn days(&self) -> Vec<NaiveDate> {
        self.first
            .iter_days()
            .take_while(|d| *d < self.end)
            .collect()
    }

    /// Whether `day` belongs to the month or week asked for.
    pub fn in_focus(&self, day: NaiveDate) -> bool {
        day >= self.focus_first && day < self.focus_end
    }

    /// A day on the page before this one, and one on the page after.
    pub fn previous(&self) -> NaiveDate {
        match self.span {
            Span::Week => self.focus_first - Days::new(7),
            Span::Month => self.focus_first - Months::new(1),
        }
    }

    pub fn next(&self) -> NaiveDate {
        self.focus_end
    }

    /// The page's days as instants in `zone`: from its first local midnight to the one after
    /// its last day.
    pub fn instants(&self, zone: Tz) -> Window {
        Window {
            start: midnight(zone, self.first),
            end: midnight(zone, self.end),
        }
    }
}

fn midnight(zone: Tz, day: NaiveDate) -> DateTime<Utc> {
    // No zone skips a whole day's first hours without a later instant: `local_to_utc` moves a
    // gap to its end; the fallback only guards an impossible answer.
    local_to_utc(zone, day.and_time(NaiveTime::MIN))
        .unwrap_or_else(|| day.and_time(NaiveTime::MIN).and_utc())
}

/// The local days `window` touches in `zone`, first and last; a window ending exactly at
/// midnight ends on the day before.
pub fn days_touched(window: &Window, zone: Tz) -> (NaiveDate, NaiveDate) {
    let first = window.start.with_timezone(&zone).date_naive();
    let end = window.end.with_timezone(&zone);
    let last = if end.time() == NaiveTime::MIN && end.date_naive() > first {
        end.date_naive() - Days::new(1)
    } else {
        end.date_naive()
    };
    (first, last.max(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_month_page_is_whole_weeks_from_monday() {
        // December 2026 begins on a Tuesday and ends on a Thursday.
        let p = period(Span::Month, day("2026-12-17"));
        assert_eq!(p.first, day("2026-11-30"));
        assert_eq!(p.end, day("2027-01-04"));
        assert_eq!(p.days().len(), 35);
        assert!(!p.in_focus(day("2026-11-30")));
        assert!(p.in_focus(day("2026-12-01")) && p.in_focus(day("2026-12-31")));
        assert!(!p.in_focus(day("2027-01-01")));
        assert_eq!(p.previous(), day("2026-11-01"));
        assert_eq!(p.next(), day("2027-01-01"));
        // February 2027 starts on a Monday and is exactly four weeks.
        let feb = period(Span::Month, day("2027-02-01"));
        assert_eq!((feb.first, feb.end), (day("2027-02-01"), day("2027-03-01")));
    }

    #[test]
    fn a_week_page_runs_monday_to_sunday_across_new_year() {
        let p = period(Span::Week, day("2027-01-01"));
        assert_eq!(p.first, day("2026-12-28"));
        assert_eq!(p.days().last(), Some(&day("2027-01-03")));
        assert_eq!(p.previous(), day("2026-12-21"));
        assert_eq!(p.next(), day("2027-01-04"));
        assert_eq!(Span::parse("week"), Some(Span::Week));
        assert_eq!(Span::parse("year"), None);
    }

    #[test]
    fn a_week_with_a_clock_change_holds_its_seven_local_days() {
        // Clocks go back in Berlin on Sunday 25 October 2026: that week has 169 hours.
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let w = period(Span::Week, day("2026-10-21")).instants(berlin);
        assert_eq!(w.start, utc("2026-10-18T22:00:00Z"));
        assert_eq!(w.end, utc("2026-10-25T23:00:00Z"));
        assert_eq!((w.end - w.start).num_hours(), 169);
    }

    #[test]
    fn a_night_window_sits_on_both_local_days_and_midnight_ends_the_day_before() {
        let berlin: Tz = "Europe/Berlin".parse().unwrap();
        let night = Window {
            start: utc("2026-12-15T21:00:00Z"),
            end: utc("2026-12-16T03:00:00Z"),
        };
        assert_eq!(
            days_touched(&night, berlin),
            (day("2026-12-15"), day("2026-12-16"))
        );
        // 20:00 to midnight in Berlin is one evening.
        let evening = Window {
            start: utc("2026-12-15T19:00:00Z"),
            end: utc("2026-12-15T23:00:00Z"),
        };
        assert_eq!(
            days_touched(&evening, berlin),
            (day("2026-12-15"), day("2026-12-15"))
        );
        // The same evening read in UTC ends at 23:00 on the same day; in Tokyo it is the 16th.
        let tokyo: Tz = "Asia/Tokyo".parse().unwrap();
        assert_eq!(
            days_touched(&evening, tokyo),
            (day("2026-12-16"), day("2026-12-16"))
        );
    }

    #[test]
    fn a_window_over_the_night_clocks_go_back_stays_on_its_two_days() {
        // 00:30 summer time to 01:30 winter time: two hours across the change, one local day.
        let london: Tz = "Europe/London".parse().unwrap();
        let w = Window {
            start: utc("2026-10-24T23:30:00Z"),
            end: utc("2026-10-25T01:30:00Z"),
        };
        assert_eq!(
            days_touched(&w, london),
            (day("2026-10-25"), day("2026-10-25"))
        );
    }
}
