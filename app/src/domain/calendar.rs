//! Business calendars: when a service-desk team is at work, in the team's own time zone.
//!
//! SLA targets ("respond within 4 business hours") only count time while a calendar is open. The
//! browser shows the promised time with the same code the server enforces it with, so nothing in
//! here reads the clock or does I/O: every instant is passed in, in UTC.
//!
//! Decisions that configuration authors can rely on:
//! - An overnight window ("22:00-06:00") belongs to the day it *starts* on. A holiday closes the
//!   windows that start on it; a window that began the evening before still runs to its end.
//! - Local times become UTC through the zone. A boundary inside a spring-forward gap moves to the
//!   first instant after the gap; one inside a fall-back overlap takes the earlier instant. So a
//!   09:00–17:00 day is 8 hours on every day, while a night window across a change is 7 or 9.
//! - Every search stops [`HORIZON_DAYS`] after its starting point: a calendar that is hardly ever
//!   open must not hang a browser tab, so answers beyond the horizon are `None` (or not counted).

use std::collections::{BTreeMap, BTreeSet};
use std::iter::Peekable;

use chrono::offset::LocalResult;
use chrono::{DateTime, Datelike, Days, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// How far ahead (in local days) any search looks: three years, leap years included.
pub const HORIZON_DAYS: u64 = 3 * 366;

/// A working interval `[start, end)` in UTC.
pub type Interval = (DateTime<Utc>, DateTime<Utc>);

const DAY_KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const MINUTES_PER_DAY: u32 = 24 * 60;

/// A calendar as written in configuration (TOML or JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarSpec {
    pub name: String,
    /// IANA zone name such as "Europe/London".
    pub timezone: String,
    /// Open 24×7: `hours` and `holidays` are then ignored (not even checked).
    #[serde(default)]
    pub always_open: bool,
    /// Keys "mon".."sun"; values like "09:00-17:30". An end at or before the start ("22:00-06:00")
    /// ends the next day. A day without a key (or with an empty list) is closed.
    #[serde(default)]
    pub hours: BTreeMap<String, Vec<String>>,
    /// Local days on which no window starts.
    #[serde(default)]
    pub holidays: Vec<NaiveDate>,
}

impl CalendarSpec {
    /// Checks the spec and turns it into a calendar; errors are plain sentences for the admin.
    pub fn build(&self) -> Result<BusinessCalendar, String> {
        let in_calendar = |e: String| format!("calendar \"{}\": {e}", self.name);
        let tz = parse_zone(&self.timezone).map_err(in_calendar)?;
        let schedule = if self.always_open {
            Schedule::AlwaysOpen
        } else {
            let days = parse_week(&self.hours).map_err(in_calendar)?;
            Schedule::Weekly {
                days,
                holidays: self.holidays.iter().copied().collect(),
            }
        };
        Ok(BusinessCalendar {
            name: self.name.clone(),
            tz,
            schedule,
        })
    }
}

/// One opening window in local wall-clock minutes after the midnight that starts its day.
/// `end` is above 1440 for an overnight window, so a window is always `start < end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Window {
    start: u32,
    end: u32,
}

#[derive(Clone, Debug)]
enum Schedule {
    AlwaysOpen,
    Weekly {
        /// Monday first, each day's windows sorted by start and not overlapping.
        days: [Vec<Window>; 7],
        holidays: BTreeSet<NaiveDate>,
    },
}

/// A checked calendar, ready to count business time.
#[derive(Clone, Debug)]
pub struct BusinessCalendar {
    name: String,
    tz: Tz,
    schedule: Schedule,
}

impl BusinessCalendar {
    /// A 24×7 calendar in UTC.
    pub fn always_open(name: &str) -> Self {
        BusinessCalendar {
            name: name.to_string(),
            tz: Tz::UTC,
            schedule: Schedule::AlwaysOpen,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn timezone(&self) -> Tz {
        self.tz
    }

    /// Working intervals `[start, end)` in UTC from `from` on: ascending, non-overlapping,
    /// adjacent ones merged, the first clipped to begin at `from`. Ends after the horizon.
    pub fn working_intervals(&self, from: DateTime<Utc>) -> impl Iterator<Item = Interval> + '_ {
        let raw: Box<dyn Iterator<Item = Interval> + '_> = match &self.schedule {
            Schedule::AlwaysOpen => Box::new(std::iter::once((from, horizon_end(from)))),
            Schedule::Weekly { days, holidays } => {
                Box::new(self.weekly_intervals(days, holidays, from))
            }
        };
        let clipped = raw.filter_map(move |(start, end)| {
            let start = start.max(from);
            (start < end).then_some((start, end))
        });
        Merged {
            inner: clipped.peekable(),
        }
    }

    /// Whether `t` lies inside a working interval (start included, end excluded).
    pub fn is_open_at(&self, t: DateTime<Utc>) -> bool {
        // The first interval is clipped to `t`, so it starts exactly at `t` only if `t` is inside.
        self.working_intervals(t)
            .next()
            .is_some_and(|(start, _)| start == t)
    }

    /// Working time in `[a, b)`; zero if `b <= a`. Time beyond the horizon after `a` is not
    /// counted.
    pub fn business_time_between(&self, a: DateTime<Utc>, b: DateTime<Utc>) -> Duration {
        if b <= a {
            return Duration::zero();
        }
        self.working_intervals(a)
            .take_while(|&(start, _)| start < b)
            .fold(Duration::zero(), |sum, (start, end)| {
                sum + (end.min(b) - start)
            })
    }

    /// The earliest instant at which `d` of working time has passed since `start`.
    ///
    /// A zero (or negative) `d` returns `start` itself, open or not: nothing has to pass, and an
    /// SLA with a zero target is due the moment it starts. A `d` that ends exactly at the close
    /// of a window returns that close (Friday 17:30, not Monday 09:00). `None` beyond the horizon.
    pub fn add_business_time(&self, start: DateTime<Utc>, d: Duration) -> Option<DateTime<Utc>> {
        if d <= Duration::zero() {
            return Some(start);
        }
        let mut left = d;
        for (from, to) in self.working_intervals(start) {
            let length = to - from;
            if left <= length {
                return from.checked_add_signed(left);
            }
            left -= length;
        }
        None
    }

    /// The raw windows of each local day around `from`, in UTC; may touch, never overlap.
    fn weekly_intervals<'a>(
        &'a self,
        days: &'a [Vec<Window>; 7],
        holidays: &'a BTreeSet<NaiveDate>,
        from: DateTime<Utc>,
    ) -> impl Iterator<Item = Interval> + 'a {
        // At the very ends of chrono's range the local day does not exist: nothing to yield.
        let today = local_reading(self.tz, from).map(|t| t.date());
        // Yesterday's overnight window may still be open at `from`.
        let first_day = today.map(|d| d.checked_sub_days(Days::new(1)).unwrap_or(d));
        (0..=HORIZON_DAYS + 1)
            .map_while(move |offset| first_day?.checked_add_days(Days::new(offset)))
            .filter(move |day| !holidays.contains(day))
            .flat_map(move |day| {
                let windows = &days[day.weekday().num_days_from_monday() as usize];
                windows
                    .iter()
                    .filter_map(move |window| self.window_on(day, *window))
            })
    }

    /// One window of one local day in UTC; `None` when it vanishes (entirely inside a DST gap)
    /// or falls off chrono's range.
    fn window_on(&self, day: NaiveDate, window: Window) -> Option<Interval> {
        let midnight = day.and_hms_opt(0, 0, 0)?;
        let at = |minutes: u32| {
            let local = midnight.checked_add_signed(Duration::minutes(i64::from(minutes)))?;
            local_to_utc(self.tz, local)
        };
        let (start, end) = (at(window.start)?, at(window.end)?);
        (start < end).then_some((start, end))
    }
}

/// The end of the horizon for a search starting at `from`, saturating at chrono's last instant.
fn horizon_end(from: DateTime<Utc>) -> DateTime<Utc> {
    let horizon = Duration::days(HORIZON_DAYS as i64);
    from.checked_add_signed(horizon)
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Merges touching or overlapping intervals of an iterator sorted by start.
struct Merged<I: Iterator<Item = Interval>> {
    inner: Peekable<I>,
}

impl<I: Iterator<Item = Interval>> Iterator for Merged<I> {
    type Item = Interval;

    fn next(&mut self) -> Option<Interval> {
        let (start, mut end) = self.inner.next()?;
        // Lookahead is bounded: the inner iterator itself ends at the horizon.
        while let Some((_, next_end)) = self.inner.next_if(|&(next_start, _)| next_start <= end) {
            end = end.max(next_end);
        }
        Some((start, end))
    }
}

/// A local wall-clock time as a UTC instant: gaps move forward to their end, overlaps take the
/// earlier instant. Both keep the mapping non-decreasing, so windows keep their order.
pub(crate) fn local_to_utc(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
        LocalResult::Ambiguous(earlier, _) => Some(earlier.with_timezone(&Utc)),
        LocalResult::None => end_of_gap(tz, local),
    }
}

/// The first instant whose local reading is at or after `local` (which lies in a gap): the
/// moment the clocks jumped. Found by bisection over whole seconds (zones change offset on whole
/// seconds), so it needs no knowledge of the zone's rules.
fn end_of_gap(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    // UTC offsets stay within ±26 h, so `lo` reads before `local` and `hi` at or after it.
    const SPAN: i64 = 26 * 3600;
    let as_utc = local.and_utc().timestamp();
    let (mut lo, mut hi) = (as_utc - SPAN, as_utc + SPAN);
    let reads_at_or_after = |seconds: i64| {
        DateTime::from_timestamp(seconds, 0)
            .and_then(|t| local_reading(tz, t))
            .is_some_and(|reading| reading >= local)
    };
    // 52 h of seconds halve down to one second in 18 steps.
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if reads_at_or_after(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    DateTime::from_timestamp(hi, 0)
}

/// What a wall clock in `tz` shows at `t`; `None` where that falls outside chrono's range
/// (chrono's own `naive_local` would panic there).
fn local_reading(tz: Tz, t: DateTime<Utc>) -> Option<NaiveDateTime> {
    let offset = tz.offset_from_utc_datetime(&t.naive_utc()).fix();
    t.naive_utc().checked_add_offset(offset)
}

fn parse_zone(name: &str) -> Result<Tz, String> {
    name.trim().parse::<Tz>().map_err(|_| {
        format!("unknown time zone \"{name}\"; use an IANA name such as \"Europe/London\"")
    })
}

/// Parses and checks the weekly hours: day keys, each window, overlaps within a day and
/// overnight windows running into the next day's first window.
fn parse_week(hours: &BTreeMap<String, Vec<String>>) -> Result<[Vec<Window>; 7], String> {
    let mut days: [Vec<Window>; 7] = Default::default();
    for (key, texts) in hours {
        let index = DAY_KEYS.iter().position(|k| k == key).ok_or_else(|| {
            format!("unknown day \"{key}\" in hours; use mon, tue, wed, thu, fri, sat or sun")
        })?;
        let mut windows = texts
            .iter()
            .map(|text| parse_window(text).map_err(|e| format!("{key}: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        windows.sort_by_key(|w| w.start);
        check_no_overlap(key, &windows)?;
        days[index] = windows;
    }
    if days.iter().all(Vec::is_empty) {
        return Err("no working hours at all; add hours or set always_open = true".to_string());
    }
    check_overnight_spill(&days)?;
    Ok(days)
}

fn check_no_overlap(key: &str, sorted: &[Window]) -> Result<(), String> {
    for pair in sorted.windows(2) {
        if pair[0].end > pair[1].start {
            return Err(format!(
                "{key}: windows {} and {} overlap",
                show_window(pair[0]),
                show_window(pair[1])
            ));
        }
    }
    Ok(())
}

/// An overnight window must end before the next day's first window starts; otherwise the two
/// overlap after midnight, which is almost certainly a typo.
fn check_overnight_spill(days: &[Vec<Window>; 7]) -> Result<(), String> {
    for (index, windows) in days.iter().enumerate() {
        let next = (index + 1) % 7;
        let (Some(last), Some(first_next)) = (windows.last(), days[next].first()) else {
            continue;
        };
        if last.end > MINUTES_PER_DAY + first_next.start {
            return Err(format!(
                "{} {} runs past midnight into {} {}",
                DAY_KEYS[index],
                show_window(*last),
                DAY_KEYS[next],
                show_window(*first_next)
            ));
        }
    }
    Ok(())
}

/// Parses "HH:MM-HH:MM". "24:00" is allowed as an end only; an end at or before the start
/// means the window ends the next day.
fn parse_window(text: &str) -> Result<Window, String> {
    let shape_error = || format!("\"{text}\" is not a window like \"09:00-17:30\"");
    let (start_text, end_text) = text.split_once('-').ok_or_else(shape_error)?;
    let bad_time = |part: &str| {
        format!(
            "\"{text}\" has an invalid time \"{}\"; use HH:MM from 00:00 to 23:59 (24:00 only as an end)",
            part.trim()
        )
    };
    let start = parse_clock(start_text, false).ok_or_else(|| bad_time(start_text))?;
    let end = parse_clock(end_text, true).ok_or_else(|| bad_time(end_text))?;
    if start == end {
        return Err(format!(
            "\"{text}\" is empty (start equals end); write \"00:00-24:00\" for a whole day"
        ));
    }
    let end = if end < start {
        end + MINUTES_PER_DAY
    } else {
        end
    };
    Ok(Window { start, end })
}

/// "H:MM" or "HH:MM" as minutes after midnight.
fn parse_clock(text: &str, allow_24: bool) -> Option<u32> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(hours) || hours.len() > 2 || !all_digits(minutes) || minutes.len() != 2 {
        return None;
    }
    let (h, m): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    match (h, m) {
        (0..=23, 0..=59) => Some(h * 60 + m),
        (24, 0) if allow_24 => Some(MINUTES_PER_DAY),
        _ => None,
    }
}

fn show_window(window: Window) -> String {
    let end = match window.end {
        MINUTES_PER_DAY => MINUTES_PER_DAY,
        end => end % MINUTES_PER_DAY,
    };
    format!("{}-{}", show_clock(window.start), show_clock(end))
}

fn show_clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().expect("test instant")
    }

    /// A local wall-clock time in `tz`, for readable expectations; panics on gaps/overlaps so a
    /// test never silently means another instant.
    fn local(tz: Tz, text: &str) -> DateTime<Utc> {
        let naive = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("test time");
        tz.from_local_datetime(&naive)
            .single()
            .expect("unambiguous local time")
            .with_timezone(&Utc)
    }

    fn london(text: &str) -> DateTime<Utc> {
        local(chrono_tz::Europe::London, text)
    }

    fn hours(n: i64) -> Duration {
        Duration::hours(n)
    }

    fn minutes(n: i64) -> Duration {
        Duration::minutes(n)
    }

    fn spec(name: &str, zone: &str, week: &[(&str, &[&str])], holidays: &[&str]) -> CalendarSpec {
        CalendarSpec {
            name: name.into(),
            timezone: zone.into(),
            always_open: false,
            hours: week
                .iter()
                .map(|(day, ws)| (day.to_string(), ws.iter().map(|w| w.to_string()).collect()))
                .collect(),
            holidays: holidays.iter().map(|d| d.parse().unwrap()).collect(),
        }
    }

    const SHOP: &[&str] = &["09:00-17:30"];

    fn store() -> BusinessCalendar {
        let week: &[(&str, &[&str])] = &[
            ("mon", SHOP),
            ("tue", SHOP),
            ("wed", SHOP),
            ("thu", SHOP),
            ("fri", SHOP),
            ("sat", SHOP),
            ("sun", &["10:00-16:00"]),
        ];
        spec(
            "store",
            "Europe/London",
            week,
            &["2026-12-25", "2026-12-26"],
        )
        .build()
        .unwrap()
    }

    fn every_day(name: &str, zone: &str, windows: &[&str]) -> BusinessCalendar {
        let week: Vec<(&str, &[&str])> = DAY_KEYS.iter().map(|d| (*d, windows)).collect();
        spec(name, zone, &week, &[]).build().unwrap()
    }

    fn night() -> BusinessCalendar {
        every_day("night", "Europe/London", &["22:00-06:00"])
    }

    /// Monday to Friday only: Saturday and Sunday have no key at all.
    fn office(zone: &str) -> BusinessCalendar {
        let nine_to_five: &[&str] = &["09:00-17:00"];
        let week: Vec<(&str, &[&str])> = DAY_KEYS[..5].iter().map(|d| (*d, nine_to_five)).collect();
        spec("office", zone, &week, &[]).build().unwrap()
    }

    fn add(cal: &BusinessCalendar, start: DateTime<Utc>, d: Duration) -> DateTime<Utc> {
        cal.add_business_time(start, d).expect("within the horizon")
    }

    // --- The store calendar (February: London is on GMT) ---

    #[test]
    fn adds_within_one_day() {
        assert_eq!(
            add(&store(), london("2026-02-09 10:00"), hours(2)),
            london("2026-02-09 12:00")
        );
    }

    #[test]
    fn crosses_the_end_of_day_to_the_next_morning() {
        // 1.5 h left on Monday, 1.5 h on Tuesday.
        let due = add(&store(), london("2026-02-09 16:00"), hours(3));
        assert_eq!(due, london("2026-02-10 10:30"));
    }

    #[test]
    fn friday_evening_continues_on_saturday() {
        let due = add(&store(), london("2026-02-13 17:00"), hours(1));
        assert_eq!(due, london("2026-02-14 09:30"));
    }

    #[test]
    fn saturday_evening_continues_with_sunday_hours() {
        let due = add(&store(), london("2026-02-14 17:00"), hours(1));
        assert_eq!(due, london("2026-02-15 10:30"));
    }

    #[test]
    fn a_closed_weekend_is_skipped() {
        let due = add(
            &office("Europe/London"),
            london("2026-02-13 16:00"),
            hours(2),
        );
        assert_eq!(due, london("2026-02-16 10:00"));
    }

    #[test]
    fn start_before_opening_waits_for_opening() {
        let due = add(&store(), london("2026-02-09 07:00"), hours(1));
        assert_eq!(due, london("2026-02-09 10:00"));
    }

    #[test]
    fn start_after_closing_waits_for_next_day() {
        let due = add(&store(), london("2026-02-09 20:00"), hours(1));
        assert_eq!(due, london("2026-02-10 10:00"));
    }

    #[test]
    fn start_on_a_holiday_waits_for_the_next_open_day() {
        // Boxing Day (Saturday) is closed; Sunday opens at 10:00.
        let due = add(&store(), london("2026-12-26 12:00"), minutes(30));
        assert_eq!(due, london("2026-12-27 10:30"));
    }

    #[test]
    fn christmas_eve_skips_two_holidays_in_a_row() {
        let due = add(&store(), london("2026-12-24 17:00"), hours(1));
        assert_eq!(due, london("2026-12-27 10:30"));
    }

    #[test]
    fn a_window_ending_exactly_at_closing_is_due_at_closing() {
        // Not Saturday 09:00: the earliest instant the time has passed.
        let due = add(&store(), london("2026-02-13 16:30"), hours(1));
        assert_eq!(due, london("2026-02-13 17:30"));
    }

    #[test]
    fn is_open_at_treats_windows_as_half_open() {
        let cal = store();
        assert!(cal.is_open_at(london("2026-02-09 09:00")));
        assert!(cal.is_open_at(london("2026-02-09 17:29")));
        assert!(!cal.is_open_at(london("2026-02-09 17:30")));
        assert!(!cal.is_open_at(london("2026-02-09 08:59")));
        assert!(!cal.is_open_at(london("2026-12-25 12:00")));
        assert!(cal.is_open_at(london("2026-02-15 10:00")));
        assert!(!cal.is_open_at(london("2026-02-15 09:30")));
    }

    #[test]
    fn business_time_between_counts_only_open_hours() {
        let cal = store();
        // Friday 12:00 → Monday 12:00: 5.5 + 8.5 (Sat) + 6 (Sun) + 3 = 23 h.
        let t = cal.business_time_between(london("2026-02-13 12:00"), london("2026-02-16 12:00"));
        assert_eq!(t, hours(23));
        // Christmas Eve 17:00 → 27th 11:00: half an hour on the 24th, one on the 27th.
        let t = cal.business_time_between(london("2026-12-24 17:00"), london("2026-12-27 11:00"));
        assert_eq!(t, minutes(90));
    }

    #[test]
    fn business_time_between_is_zero_when_reversed_or_empty() {
        let cal = store();
        let a = london("2026-02-09 10:00");
        assert_eq!(cal.business_time_between(a, a), Duration::zero());
        assert_eq!(cal.business_time_between(a, a - hours(1)), Duration::zero());
    }

    #[test]
    fn zero_or_negative_duration_returns_start_even_when_closed() {
        let cal = store();
        let closed = london("2026-02-09 20:00");
        assert_eq!(
            cal.add_business_time(closed, Duration::zero()),
            Some(closed)
        );
        assert_eq!(cal.add_business_time(closed, -hours(5)), Some(closed));
    }

    // --- Working intervals ---

    #[test]
    fn working_intervals_are_clipped_ascending_and_merged() {
        let split: &[&str] = &["09:00-12:00", "12:00-17:00"];
        let late: &[&str] = &["20:00-24:00"];
        let early: &[&str] = &["00:00-02:00"];
        let week: &[(&str, &[&str])] = &[("mon", split), ("tue", late), ("wed", early)];
        let cal = spec("merge", "Europe/London", week, &[]).build().unwrap();
        let got: Vec<Interval> = cal
            .working_intervals(london("2026-02-09 10:00"))
            .take(3)
            .collect();
        assert_eq!(
            got,
            vec![
                (london("2026-02-09 10:00"), london("2026-02-09 17:00")),
                // Tuesday's evening and Wednesday's early hours touch at midnight.
                (london("2026-02-10 20:00"), london("2026-02-11 02:00")),
                (london("2026-02-16 09:00"), london("2026-02-16 17:00")),
            ]
        );
    }

    #[test]
    fn working_intervals_end_after_the_horizon() {
        let from = london("2026-02-09 10:00");
        let last = store().working_intervals(from).last().unwrap();
        let limit = from + Duration::days(HORIZON_DAYS as i64 + 1);
        assert!(last.1 <= limit && last.1 > from + Duration::days(HORIZON_DAYS as i64 - 7));
        let always = BusinessCalendar::always_open("24x7");
        let all: Vec<Interval> = always.working_intervals(from).collect();
        assert_eq!(
            all,
            vec![(from, from + Duration::days(HORIZON_DAYS as i64))]
        );
    }

    #[test]
    fn beyond_the_horizon_is_none() {
        let cal = store();
        let start = london("2026-02-09 10:00");
        assert_eq!(cal.add_business_time(start, Duration::days(4 * 365)), None);
        assert_eq!(cal.add_business_time(start, Duration::MAX), None);
        let always = BusinessCalendar::always_open("24x7");
        assert_eq!(
            always.add_business_time(start, Duration::days(4 * 365)),
            None
        );
    }

    #[test]
    fn a_calendar_closed_by_holidays_for_years_finds_nothing() {
        let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut closed = spec("closed", "UTC", &[("mon", SHOP)], &[]);
        closed.holidays = first.iter_days().take(4 * 366).collect();
        let cal = closed.build().unwrap();
        let start = utc("2026-01-01T00:00:00Z");
        assert_eq!(cal.add_business_time(start, minutes(1)), None);
        assert!(!cal.is_open_at(utc("2026-06-01T10:00:00Z")));
        assert_eq!(
            cal.business_time_between(start, utc("2029-01-01T00:00:00Z")),
            Duration::zero()
        );
    }

    #[test]
    fn extreme_inputs_do_not_panic() {
        let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
        for cal in [store(), night(), BusinessCalendar::always_open("24x7")] {
            for t in [min, max] {
                let _ = cal.is_open_at(t);
                let _ = cal.add_business_time(t, hours(1));
                let _ = cal.add_business_time(t, Duration::MAX);
                let _ = cal.add_business_time(t, Duration::MIN);
                let _ = cal.working_intervals(t).count();
            }
            let _ = cal.business_time_between(min, max);
        }
    }

    // --- Overnight windows ---

    #[test]
    fn overnight_window_runs_into_the_next_day() {
        let due = add(&night(), london("2026-02-09 23:00"), hours(4));
        assert_eq!(due, london("2026-02-10 03:00"));
    }

    #[test]
    fn overnight_window_from_the_previous_evening_is_open_early_morning() {
        // 1 h until 06:00, then the next window opens at 22:00.
        let due = add(&night(), london("2026-02-10 05:00"), hours(2));
        assert_eq!(due, london("2026-02-10 23:00"));
    }

    #[test]
    fn overnight_window_belongs_to_the_day_it_starts_on() {
        let nightly: &[&str] = &["22:00-06:00"];
        let week: Vec<(&str, &[&str])> = DAY_KEYS.iter().map(|d| (*d, nightly)).collect();
        let cal = spec("night", "Europe/London", &week, &["2026-02-10"])
            .build()
            .unwrap();
        // Monday night's window still runs into the Tuesday holiday...
        assert!(cal.is_open_at(london("2026-02-10 05:00")));
        // ...but no window starts on the holiday itself.
        assert!(!cal.is_open_at(london("2026-02-10 23:00")));
        assert!(!cal.is_open_at(london("2026-02-11 05:00")));
        let due = add(&cal, london("2026-02-10 05:00"), hours(2));
        assert_eq!(due, london("2026-02-11 23:00"));
    }

    // --- Daylight saving time ---

    #[test]
    fn a_nine_to_five_day_is_eight_hours_on_dst_days() {
        let cal = every_day("day", "Europe/London", &["09:00-17:00"]);
        for (day, next) in [("2026-03-29", "2026-03-30"), ("2026-10-25", "2026-10-26")] {
            let t = cal.business_time_between(
                london(&format!("{day} 00:00")),
                london(&format!("{next} 00:00")),
            );
            assert_eq!(t, hours(8), "{day}");
        }
    }

    #[test]
    fn a_whole_local_day_follows_the_clock_change() {
        let london_day = every_day("all day", "Europe/London", &["00:00-24:00"]);
        let utc_day = every_day("all day", "UTC", &["00:00-24:00"]);
        let always_london = CalendarSpec {
            always_open: true,
            ..spec("24x7", "Europe/London", &[], &[])
        }
        .build()
        .unwrap();
        let between = |cal: &BusinessCalendar, a: &str, b: &str| {
            cal.business_time_between(london(a), london(b))
        };
        // The London day of the spring change has 23 hours, of the autumn change 25.
        assert_eq!(
            between(&london_day, "2026-03-29 00:00", "2026-03-30 00:00"),
            hours(23)
        );
        assert_eq!(
            between(&london_day, "2026-10-25 00:00", "2026-10-26 00:00"),
            hours(25)
        );
        // 24×7 counts real time whatever the zone; a UTC day calendar counts real time too.
        assert_eq!(
            between(&always_london, "2026-03-29 00:00", "2026-03-30 00:00"),
            hours(23)
        );
        assert_eq!(
            between(&utc_day, "2026-03-29 00:00", "2026-03-30 00:00"),
            hours(23)
        );
        let a = utc("2026-03-29T00:00:00Z");
        assert_eq!(utc_day.business_time_between(a, a + hours(24)), hours(24));
        assert_eq!(
            always_london.add_business_time(a, hours(24)),
            BusinessCalendar::always_open("utc").add_business_time(a, hours(24))
        );
    }

    #[test]
    fn an_overnight_window_across_a_clock_change_is_seven_or_nine_hours() {
        let cal = night();
        let spring =
            cal.business_time_between(london("2026-03-28 12:00"), london("2026-03-29 12:00"));
        assert_eq!(spring, hours(7));
        let autumn =
            cal.business_time_between(london("2026-10-24 12:00"), london("2026-10-25 12:00"));
        assert_eq!(autumn, hours(9));
        // 22:00 BST is 21:00 UTC; 06:00 GMT is 06:00 UTC.
        let first = cal.working_intervals(london("2026-10-24 12:00")).next();
        assert_eq!(
            first,
            Some((utc("2026-10-24T21:00:00Z"), utc("2026-10-25T06:00:00Z")))
        );
    }

    #[test]
    fn boundaries_in_a_gap_move_forward_and_in_an_overlap_take_the_earlier_instant() {
        let gap: &[&str] = &["01:30-03:00"];
        let overlap: &[&str] = &["00:00-01:30"];
        let week: &[(&str, &[&str])] = &[("sun", gap)];
        let spring = spec("gap", "Europe/London", week, &[]).build().unwrap();
        let first = spring.working_intervals(utc("2026-03-28T12:00:00Z")).next();
        // 01:30 does not exist that night: the window opens when the clocks jump (01:00 UTC).
        assert_eq!(
            first,
            Some((utc("2026-03-29T01:00:00Z"), utc("2026-03-29T02:00:00Z")))
        );

        let week: &[(&str, &[&str])] = &[("sun", overlap)];
        let autumn = spec("overlap", "Europe/London", week, &[]).build().unwrap();
        let first = autumn.working_intervals(utc("2026-10-24T12:00:00Z")).next();
        // 01:30 happens twice: the first time (BST, 00:30 UTC) closes the window.
        assert_eq!(
            first,
            Some((utc("2026-10-24T23:00:00Z"), utc("2026-10-25T00:30:00Z")))
        );
    }

    #[test]
    fn a_window_entirely_inside_a_gap_vanishes() {
        let week: &[(&str, &[&str])] = &[("sun", &["01:10-01:50"])];
        let cal = spec("gap", "Europe/London", week, &[]).build().unwrap();
        let first = cal.working_intervals(utc("2026-03-28T12:00:00Z")).next();
        assert_eq!(
            first,
            Some((london("2026-04-05 01:10"), london("2026-04-05 01:50")))
        );
    }

    #[test]
    fn new_york_weekend_with_spring_forward() {
        let ny = chrono_tz::America::New_York;
        let cal = office("America/New_York");
        let due = add(&cal, local(ny, "2026-03-06 16:00"), hours(2));
        assert_eq!(due, local(ny, "2026-03-09 10:00"));
        // Friday is EST (UTC-5), Monday already EDT (UTC-4).
        assert_eq!(local(ny, "2026-03-06 16:00"), utc("2026-03-06T21:00:00Z"));
        assert_eq!(due, utc("2026-03-09T14:00:00Z"));
    }

    #[test]
    fn business_time_between_inverts_add_business_time() {
        let calendars = [store(), night(), office("America/New_York")];
        let starts = [
            "2026-02-09 10:00",
            "2026-02-13 17:15",
            "2026-03-28 21:30",
            "2026-03-29 00:45",
            "2026-10-24 23:59",
            "2026-10-25 03:00",
            "2026-12-24 16:00",
            "2026-12-25 09:00",
        ];
        let durations = [1, 29, 60, 90, 480, 510, 1440, 3000, 10_000];
        for cal in &calendars {
            for start in starts {
                let start = local(cal.timezone(), start);
                for d in durations.map(minutes) {
                    let end = add(cal, start, d);
                    assert_eq!(
                        cal.business_time_between(start, end),
                        d,
                        "{} {start} {d}",
                        cal.name()
                    );
                    // The earliest such instant: a minute earlier is a minute short.
                    let before = cal.business_time_between(start, end - minutes(1));
                    assert!(before < d, "{} {start} {d}", cal.name());
                    // And the other way round: adding the time between two instants never
                    // passes the later one.
                    let later = end + hours(7);
                    let back = add(cal, start, cal.business_time_between(start, later));
                    assert!(back <= later && back >= end);
                }
            }
        }
    }

    // --- Specs ---

    fn error(spec: CalendarSpec) -> String {
        spec.build().expect_err("spec should be rejected")
    }

    #[test]
    fn spec_rejects_an_unknown_time_zone() {
        let e = error(spec("x", "Europe/Londn", &[("mon", SHOP)], &[]));
        assert!(e.contains("unknown time zone \"Europe/Londn\""), "{e}");
        assert!(e.starts_with("calendar \"x\""), "{e}");
    }

    #[test]
    fn spec_rejects_impossible_times() {
        let e = error(spec("x", "UTC", &[("mon", &["25:00-26:00"])], &[]));
        assert!(e.contains("invalid time \"25:00\""), "{e}");
        for bad in [
            "9-17",
            "09:00",
            "09:60-10:00",
            "24:00-02:00",
            "+9:00-10:00",
            "09:0-10:00",
        ] {
            let e = error(spec("x", "UTC", &[("mon", &[bad])], &[]));
            assert!(e.contains(bad) || e.contains("invalid time"), "{bad}: {e}");
        }
    }

    #[test]
    fn spec_rejects_zero_length_windows() {
        let e = error(spec("x", "UTC", &[("mon", &["09:00-09:00"])], &[]));
        assert!(e.contains("empty"), "{e}");
    }

    #[test]
    fn spec_rejects_overlapping_windows() {
        let e = error(spec(
            "x",
            "UTC",
            &[("mon", &["12:00-17:00", "09:00-13:00"])],
            &[],
        ));
        assert!(
            e.contains("mon: windows 09:00-13:00 and 12:00-17:00 overlap"),
            "{e}"
        );
        let week: &[(&str, &[&str])] = &[("sun", &["22:00-06:00"]), ("mon", &["05:00-09:00"])];
        let e = error(spec("x", "UTC", week, &[]));
        assert!(
            e.contains("sun 22:00-06:00 runs past midnight into mon 05:00-09:00"),
            "{e}"
        );
    }

    #[test]
    fn spec_rejects_an_empty_calendar() {
        let e = error(spec("x", "UTC", &[], &[]));
        assert!(e.contains("no working hours"), "{e}");
        let e = error(spec("x", "UTC", &[("mon", &[])], &[]));
        assert!(e.contains("no working hours"), "{e}");
    }

    #[test]
    fn spec_rejects_a_bad_day_key() {
        let e = error(spec("x", "UTC", &[("monday", SHOP)], &[]));
        assert!(e.contains("unknown day \"monday\""), "{e}");
    }

    #[test]
    fn spec_accepts_whole_days_touching_windows_and_spaces() {
        let week: &[(&str, &[&str])] = &[
            ("mon", &["00:00-24:00"]),
            ("tue", &[" 9:00 - 12:00 ", "12:00-17:00"]),
            ("wed", &["22:00-00:00"]),
        ];
        let cal = spec("ok", "UTC", week, &[]).build().unwrap();
        let monday = utc("2026-02-09T00:00:00Z");
        assert_eq!(
            cal.business_time_between(monday, monday + hours(24)),
            hours(24)
        );
        assert_eq!(
            cal.business_time_between(monday + hours(24), monday + hours(48)),
            hours(8)
        );
        assert_eq!(
            cal.business_time_between(monday + hours(48), monday + hours(72)),
            hours(2)
        );
    }

    #[test]
    fn always_open_ignores_hours_and_holidays() {
        let cal = CalendarSpec {
            always_open: true,
            ..spec(
                "24x7",
                "Europe/London",
                &[("funday", &["nonsense"])],
                &["2026-12-25"],
            )
        }
        .build()
        .unwrap();
        assert_eq!(cal.name(), "24x7");
        assert_eq!(cal.timezone(), chrono_tz::Europe::London);
        assert!(cal.is_open_at(london("2026-12-25 03:00")));
        let t = london("2026-12-25 03:00");
        assert_eq!(cal.add_business_time(t, hours(30)), Some(t + hours(30)));
        assert_eq!(BusinessCalendar::always_open("x").timezone(), Tz::UTC);
    }

    #[test]
    fn spec_reads_from_json_with_defaults() {
        let json = r#"{"name":"store","timezone":"Europe/London",
            "hours":{"mon":["09:00-17:30"]},"holidays":["2026-12-25"]}"#;
        let parsed: CalendarSpec = serde_json::from_str(json).unwrap();
        assert!(!parsed.always_open);
        assert_eq!(
            parsed.holidays,
            vec![NaiveDate::from_ymd_opt(2026, 12, 25).unwrap()]
        );
        let minimal: CalendarSpec =
            serde_json::from_str(r#"{"name":"24x7","timezone":"UTC","always_open":true}"#).unwrap();
        assert!(minimal.hours.is_empty() && minimal.build().is_ok());
        let back: CalendarSpec =
            serde_json::from_str(&serde_json::to_string(&parsed).unwrap()).unwrap();
        assert_eq!(back, parsed);
    }

    #[test]
    fn clock_texts_round_trip() {
        assert_eq!(parse_clock("07:05", false), Some(425));
        assert_eq!(parse_clock("24:00", false), None);
        assert_eq!(parse_clock("24:00", true), Some(MINUTES_PER_DAY));
        let midnight = NaiveTime::MIN;
        assert_eq!(show_clock(0), midnight.format("%H:%M").to_string());
    }
}
