//! The service manager's figures: the period they cover, which tickets each figure counts, and
//! how each is worded for the people who read the dashboard.
//!
//! The SQL behind the dashboard (server/src/store/sql_dashboard.rs) implements exactly the
//! [`TicketSet`]s named here, one predicate each, and the page shows [`TicketSet::definition`]
//! next to every figure, so what the code counts and what the help text promises are written
//! side by side. Every figure links to the list of its tickets through the same set.

use super::say::{say, say_with, Say};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// The longest period one dashboard covers: a year (and a leap day).
pub const MAX_PERIOD_DAYS: i64 = 366;
/// The period when none is chosen: the last 30 days, today included.
pub const DEFAULT_PERIOD_DAYS: i64 = 30;
/// Periods up to this many days chart one bar per day; longer ones one per week.
pub const DAILY_TREND_MAX_DAYS: i64 = 62;

/// Whole UTC days, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The default period ending on `today`.
    pub fn recent(today: NaiveDate, days: i64) -> Self {
        Period {
            from: today - Duration::days(days - 1),
            to: today,
        }
    }

    pub fn day(day: NaiveDate) -> Self {
        Period { from: day, to: day }
    }

    /// Reads `from` and `to` (YYYY-MM-DD) as a form sends them; either may be missing or empty.
    /// Errors name the field to show them next to.
    pub fn parse(
        from: Option<&str>,
        to: Option<&str>,
        today: NaiveDate,
    ) -> Result<Self, (&'static str, Say)> {
        let date = |field: &'static str, raw: Option<&str>| match raw
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => Ok(None),
            Some(s) => parse_day(s)
                .map(Some)
                .ok_or((field, say("error-period-date"))),
        };
        let to = date("to", to)?.unwrap_or(today);
        let from = date("from", from)?.unwrap_or(to - Duration::days(DEFAULT_PERIOD_DAYS - 1));
        if from > to {
            return Err(("from", say("error-period-backwards")));
        }
        let period = Period { from, to };
        if period.days() > MAX_PERIOD_DAYS {
            return Err((
                "from",
                say_with("error-period-too-long", [("max", MAX_PERIOD_DAYS.into())]),
            ));
        }
        Ok(period)
    }

    /// The first instant of the period (midnight UTC on `from`).
    pub fn start(&self) -> DateTime<Utc> {
        midnight(self.from)
    }

    /// The first instant after the period (midnight UTC after `to`).
    pub fn end(&self) -> DateTime<Utc> {
        midnight(self.to + Duration::days(1))
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

/// The years a date in a filter or an export's address may name. Anything outside is refused
/// as a typo: far enough out, the day after it does not exist, and adding to it would panic.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// A `YYYY-MM-DD` day within `YEARS`.
pub fn parse_day(s: &str) -> Option<NaiveDate> {
    use chrono::Datelike;
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| YEARS.contains(&d.year()))
}

fn midnight(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc()
}

/// How old an open ticket is, in bands the backlog is broken into.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgeBand {
    UnderADay,
    OneToThreeDays,
    ThreeToSevenDays,
    OneToFourWeeks,
    OverFourWeeks,
}

impl AgeBand {
    pub const ALL: [AgeBand; 5] = [
        AgeBand::UnderADay,
        AgeBand::OneToThreeDays,
        AgeBand::ThreeToSevenDays,
        AgeBand::OneToFourWeeks,
        AgeBand::OverFourWeeks,
    ];

    /// Age in days: at least the first, less than the second (`None`: no upper end).
    pub fn days(self) -> (i64, Option<i64>) {
        match self {
            AgeBand::UnderADay => (0, Some(1)),
            AgeBand::OneToThreeDays => (1, Some(3)),
            AgeBand::ThreeToSevenDays => (3, Some(7)),
            AgeBand::OneToFourWeeks => (7, Some(28)),
            AgeBand::OverFourWeeks => (28, None),
        }
    }

    /// Raised at or before the first instant, and after the second (`None`: no lower bound).
    pub fn raised_between(self, now: DateTime<Utc>) -> (DateTime<Utc>, Option<DateTime<Utc>>) {
        let (min, max) = self.days();
        (
            now - Duration::days(min),
            max.map(|d| now - Duration::days(d)),
        )
    }

    pub fn as_str(self) -> &'static str {
        match self {
            AgeBand::UnderADay => "0-1d",
            AgeBand::OneToThreeDays => "1-3d",
            AgeBand::ThreeToSevenDays => "3-7d",
            AgeBand::OneToFourWeeks => "7-28d",
            AgeBand::OverFourWeeks => "28d+",
        }
    }

    /// The band's variant in the messages that name it (`age-band`, `ticket-set-aged`).
    pub fn message_key(self) -> &'static str {
        match self {
            AgeBand::UnderADay => "day",
            AgeBand::OneToThreeDays => "three-days",
            AgeBand::ThreeToSevenDays => "week",
            AgeBand::OneToFourWeeks => "four-weeks",
            AgeBand::OverFourWeeks => "longer",
        }
    }
}

/// The tickets behind one figure. The dashboard counts each set; the ticket list shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TicketSet {
    Opened,
    Resolved,
    Backlog,
    BacklogAged(AgeBand),
    OverdueNow,
    /// First answered in the period (both first-response sets together).
    Responded,
    ResponseMet,
    ResponseBreached,
    ResolutionMet,
    ResolutionBreached,
    /// Either clock breached when it stopped in the period.
    Breached,
    Reopened,
    /// Rated in the period; `Some(n)`: with n stars.
    Rated(Option<u8>),
    /// Incidents raised in the period (the recurring-fault tables).
    Faults,
    /// Forms sent in the period although articles were suggested beside them.
    SubmittedAnyway,
}

impl TicketSet {
    /// Every set that takes no band or stars.
    pub const PLAIN: [TicketSet; 14] = [
        TicketSet::Opened,
        TicketSet::Resolved,
        TicketSet::Backlog,
        TicketSet::OverdueNow,
        TicketSet::Responded,
        TicketSet::ResponseMet,
        TicketSet::ResponseBreached,
        TicketSet::ResolutionMet,
        TicketSet::ResolutionBreached,
        TicketSet::Breached,
        TicketSet::Reopened,
        TicketSet::Rated(None),
        TicketSet::Faults,
        TicketSet::SubmittedAnyway,
    ];

    /// The name in URLs (`?set=`).
    pub fn as_str(self) -> String {
        match self {
            TicketSet::Opened => "opened".into(),
            TicketSet::Resolved => "resolved".into(),
            TicketSet::Backlog => "backlog".into(),
            TicketSet::BacklogAged(band) => format!("backlog-{}", band.as_str()),
            TicketSet::OverdueNow => "overdue".into(),
            TicketSet::Responded => "responded".into(),
            TicketSet::ResponseMet => "response-met".into(),
            TicketSet::ResponseBreached => "response-breached".into(),
            TicketSet::ResolutionMet => "resolution-met".into(),
            TicketSet::ResolutionBreached => "resolution-breached".into(),
            TicketSet::Breached => "breached".into(),
            TicketSet::Reopened => "reopened".into(),
            TicketSet::Rated(None) => "rated".into(),
            TicketSet::Rated(Some(n)) => format!("rated-{n}"),
            TicketSet::Faults => "faults".into(),
            TicketSet::SubmittedAnyway => "submitted-anyway".into(),
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        if let Some(band) = s.strip_prefix("backlog-") {
            return AgeBand::ALL
                .into_iter()
                .find(|b| b.as_str() == band)
                .map(TicketSet::BacklogAged);
        }
        if let Some(n) = s.strip_prefix("rated-") {
            return n
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=5).contains(n))
                .map(|n| TicketSet::Rated(Some(n)));
        }
        Some(match s {
            "opened" => TicketSet::Opened,
            "resolved" => TicketSet::Resolved,
            "backlog" => TicketSet::Backlog,
            "overdue" => TicketSet::OverdueNow,
            "responded" => TicketSet::Responded,
            "response-met" => TicketSet::ResponseMet,
            "response-breached" => TicketSet::ResponseBreached,
            "resolution-met" => TicketSet::ResolutionMet,
            "resolution-breached" => TicketSet::ResolutionBreached,
            "breached" => TicketSet::Breached,
            "reopened" => TicketSet::Reopened,
            "rated" => TicketSet::Rated(None),
            "faults" => TicketSet::Faults,
            "submitted-anyway" => TicketSet::SubmittedAnyway,
            _ => return None,
        })
    }

    /// The id of the message that says what the set counts (the dashboard's help).
    pub fn definition(self) -> &'static str {
        match self {
            TicketSet::Opened => "definition-opened",
            TicketSet::Resolved => "definition-resolved",
            TicketSet::Backlog | TicketSet::BacklogAged(_) => BACKLOG,
            TicketSet::OverdueNow => "definition-overdue",
            TicketSet::Responded => TIME_TO_RESPOND,
            TicketSet::ResponseMet | TicketSet::ResponseBreached => FIRST_RESPONSE_SLA,
            TicketSet::ResolutionMet | TicketSet::ResolutionBreached => RESOLUTION_SLA,
            TicketSet::Breached => BREACH,
            TicketSet::Reopened => REOPEN_RATE,
            TicketSet::Rated(_) => CSAT,
            TicketSet::Faults => RECURRING_FAULTS,
            TicketSet::SubmittedAnyway => DEFLECTION,
        }
    }
}

// The definitions the figures follow, as message ids (their words are in the language files).
pub const BREACH: &str = "definition-breach";
pub const FIRST_RESPONSE_SLA: &str = "definition-first-response-sla";
pub const RESOLUTION_SLA: &str = "definition-resolution-sla";
pub const TIME_TO_RESOLVE: &str = "definition-time-to-resolve";
pub const TIME_TO_RESPOND: &str = "definition-time-to-respond";
pub const REOPEN_RATE: &str = "definition-reopen-rate";
pub const CSAT: &str = "definition-csat";
pub const BACKLOG: &str = "definition-backlog";
pub const DEFLECTION: &str = "definition-deflection";
pub const RECURRING_FAULTS: &str = "definition-recurring-faults";
pub const PERIOD: &str = "definition-period";
pub const CHANGE_SUCCESS: &str = "definition-change-success";
pub const EMERGENCY_SHARE: &str = "definition-emergency-share";
pub const CHANGES_CAUSING_INCIDENTS: &str = "definition-changes-causing-incidents";
pub const APPROVAL_LEAD_TIME: &str = "definition-approval-lead-time";

/// The offset (0-based, ascending order) of the nearest-rank percentile among `count` values:
/// the smallest value with at least `percent` % of the values at or below it.
pub fn nearest_rank(count: u64, percent: u64) -> Option<u64> {
    if count == 0 {
        return None;
    }
    let rank = (count * percent).div_ceil(100).max(1);
    Some(rank - 1)
}

/// The nearest-rank `percent` of values given as (value, how many), ascending by value.
pub fn percentile(counts: &[(i64, u64)], percent: u64) -> Option<i64> {
    let total: u64 = counts.iter().map(|&(_, n)| n).sum();
    let offset = nearest_rank(total, percent)?;
    let mut seen = 0;
    counts.iter().find_map(|&(value, n)| {
        seen += n;
        (seen > offset).then_some(value)
    })
}

/// One bar of the trend chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrendBucket {
    pub label: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub opened: u64,
    pub resolved: u64,
}

/// Daily counts (as the database groups them, days without tickets missing) folded into the
/// chart's bars: one per day for short periods, one per week (from Monday, cut to the period)
/// for longer ones. Every day of the period lands in exactly one bar.
pub fn trend(
    period: Period,
    opened: &[(NaiveDate, u64)],
    resolved: &[(NaiveDate, u64)],
) -> Vec<TrendBucket> {
    let weekly = period.days() > DAILY_TREND_MAX_DAYS;
    let mut buckets: Vec<TrendBucket> = Vec::new();
    let mut day = period.from;
    while day <= period.to {
        let to = if weekly {
            let sunday = day + Duration::days(6 - i64::from(day.weekday().num_days_from_monday()));
            sunday.min(period.to)
        } else {
            day
        };
        let label = if weekly {
            format!("w/c {}", day.format("%-d %b"))
        } else {
            day.format("%-d %b").to_string()
        };
        buckets.push(TrendBucket {
            label,
            from: day,
            to,
            opened: 0,
            resolved: 0,
        });
        day = to + Duration::days(1);
    }
    fn find(buckets: &mut [TrendBucket], d: NaiveDate) -> Option<&mut TrendBucket> {
        let i = buckets.partition_point(|b| b.to < d);
        buckets.get_mut(i).filter(|b| b.from <= d)
    }
    for &(d, n) in opened {
        if let Some(b) = find(&mut buckets, d) {
            b.opened += n;
        }
    }
    for &(d, n) in resolved {
        if let Some(b) = find(&mut buckets, d) {
            b.resolved += n;
        }
    }
    buckets
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_period_defaults_to_thirty_days_and_checks_its_dates() {
        let today = d("2026-11-21");
        let p = Period::parse(None, Some(""), today).unwrap();
        assert_eq!((p.from, p.to), (d("2026-10-23"), today));
        assert_eq!(p.days(), 30);
        assert_eq!(p.start().to_rfc3339(), "2026-10-23T00:00:00+00:00");
        assert_eq!(p.end().to_rfc3339(), "2026-11-22T00:00:00+00:00");
        assert_eq!(
            Period::parse(Some("21/11/2026"), None, today)
                .unwrap_err()
                .0,
            "from"
        );
        assert_eq!(
            Period::parse(Some("2026-11-22"), Some("2026-11-21"), today)
                .unwrap_err()
                .0,
            "from"
        );
        assert!(Period::parse(Some("2025-01-01"), Some("2026-11-21"), today).is_err());
        assert_eq!(
            Period::parse(Some("2025-11-21"), Some("2026-11-21"), today)
                .unwrap()
                .days(),
            366
        );
    }

    #[test]
    fn every_set_reads_back_from_its_url_name() {
        let mut sets = TicketSet::PLAIN.to_vec();
        sets.extend(AgeBand::ALL.map(TicketSet::BacklogAged));
        sets.extend((1..=5).map(|n| TicketSet::Rated(Some(n))));
        for set in sets {
            assert_eq!(TicketSet::parse(&set.as_str()), Some(set), "{set:?}");
            assert!(!set.definition().is_empty());
        }
        assert_eq!(TicketSet::parse("rated-6"), None);
        assert_eq!(TicketSet::parse("backlog-2d"), None);
        assert_eq!(TicketSet::parse("everything"), None);
    }

    #[test]
    fn nearest_rank_picks_the_value_at_or_below_which_the_share_falls() {
        assert_eq!(nearest_rank(0, 50), None);
        assert_eq!(nearest_rank(1, 90), Some(0));
        // 10 values: median is the 5th, p90 the 9th.
        assert_eq!(nearest_rank(10, 50), Some(4));
        assert_eq!(nearest_rank(10, 90), Some(8));
        // 3 values: median the 2nd, p90 the 3rd.
        assert_eq!(nearest_rank(3, 50), Some(1));
        assert_eq!(nearest_rank(3, 90), Some(2));
    }

    #[test]
    fn percentiles_are_read_off_counted_values() {
        // 120 once, 300 once: median 120, p90 300.
        assert_eq!(percentile(&[(120, 1), (300, 1)], 50), Some(120));
        assert_eq!(percentile(&[(120, 1), (300, 1)], 90), Some(300));
        // Ten values 1..=10 as counts: the 5th and the 9th.
        let counts: Vec<(i64, u64)> = (1..=10).map(|v| (v, 1)).collect();
        assert_eq!(percentile(&counts, 50), Some(5));
        assert_eq!(percentile(&counts, 90), Some(9));
        // The same values with repeats: 7 sevens and 3 nines.
        assert_eq!(percentile(&[(7, 7), (9, 3)], 50), Some(7));
        assert_eq!(percentile(&[(7, 7), (9, 3)], 90), Some(9));
        assert_eq!(percentile(&[], 50), None);
    }

    #[test]
    fn short_periods_chart_days_and_long_ones_weeks_cut_to_the_period() {
        let p = Period::parse(Some("2026-11-16"), Some("2026-11-18"), d("2026-11-21")).unwrap();
        let t = trend(
            p,
            &[(d("2026-11-17"), 4)],
            &[(d("2026-11-18"), 2), (d("2026-11-30"), 9)],
        );
        assert_eq!(t.len(), 3);
        assert_eq!(
            (t[1].label.as_str(), t[1].opened, t[2].resolved),
            ("17 Nov", 4, 2)
        );

        // Wednesday 1 Jan 2025 to Friday 1 Aug 2025: a short first week, then Mondays.
        let p = Period::parse(Some("2025-01-01"), Some("2025-08-01"), d("2026-11-21")).unwrap();
        let t = trend(
            p,
            &[
                (d("2025-01-05"), 1),
                (d("2025-01-06"), 2),
                (d("2025-08-01"), 3),
            ],
            &[],
        );
        assert_eq!(
            (t[0].from, t[0].to, t[0].opened),
            (d("2025-01-01"), d("2025-01-05"), 1)
        );
        assert_eq!((t[1].label.as_str(), t[1].opened), ("w/c 6 Jan", 2));
        let last = t.last().unwrap();
        assert_eq!((last.to, last.opened), (d("2025-08-01"), 3));
        let days: i64 = t.iter().map(|b| (b.to - b.from).num_days() + 1).sum();
        assert_eq!(days, p.days());
    }

    #[test]
    fn age_bands_cover_every_age_once() {
        let now: DateTime<Utc> = "2026-11-21T12:00:00Z".parse().unwrap();
        let (newest, oldest) = AgeBand::OneToThreeDays.raised_between(now);
        assert_eq!(newest, now - Duration::days(1));
        assert_eq!(oldest, Some(now - Duration::days(3)));
        for pair in AgeBand::ALL.windows(2) {
            assert_eq!(pair[0].days().1, Some(pair[1].days().0));
        }
        assert_eq!(AgeBand::OverFourWeeks.raised_between(now).1, None);
    }

    #[test]
    fn days_outside_the_years_we_serve_are_refused_not_panicked_on() {
        assert!(parse_day("2026-12-03").is_some());
        for bad in [
            "+262142-12-31",
            "262142-12-31",
            "1999-12-31",
            "2101-01-01",
            "2026-02-30",
            "",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
        let today = parse_day("2026-12-03").unwrap();
        assert!(Period::parse(Some("2100-12-31"), Some("2100-12-31"), today).is_ok());
        assert_eq!(
            Period::parse(None, Some("+262142-12-31"), today)
                .unwrap_err()
                .0,
            "to"
        );
    }
}
