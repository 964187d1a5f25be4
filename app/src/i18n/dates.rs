//! Dates and times in the reader's language, from wall-clock values the caller has already put
//! in the right zone (the store's, or the device's). The names and the order of the parts are
//! messages of the language file (`fmt-…`), so a language brings its own with its file; the
//! code only fills them in. Written out rather than with chrono's `format`, whose pattern
//! machinery was ~15 KB of the main module (it shows times on every page).

use super::{Arg, I18n};
use chrono::{Datelike, Timelike};

impl I18n {
    /// "14:02"
    pub fn time(self, at: &impl Timelike) -> String {
        self.t_with(
            "fmt-time",
            &[
                ("hour", Arg::Text(format!("{:02}", at.hour()))),
                ("minute", Arg::Text(format!("{:02}", at.minute()))),
            ],
        )
    }

    /// "21 Nov" (German "21. Nov.")
    pub fn day_month(self, day: &impl Datelike) -> String {
        self.t_with(
            "fmt-day-month",
            &[
                ("day", Arg::Number(i64::from(day.day()))),
                ("month", Arg::Text(self.month_short(day))),
            ],
        )
    }

    /// "Mon 23 Nov" (German "Mo., 23. Nov.")
    pub fn weekday_day_month(self, day: &impl Datelike) -> String {
        let weekday = self.t_with(
            "fmt-weekday-short",
            &[(
                "weekday",
                Arg::Number(i64::from(day.weekday().number_from_monday())),
            )],
        );
        self.t_with(
            "fmt-weekday-day-month",
            &[
                ("weekday", Arg::Text(weekday)),
                ("date", Arg::Text(self.day_month(day))),
            ],
        )
    }

    /// "21 Nov, 14:02" (German "21. Nov., 14:02")
    pub fn day_month_time(self, at: &(impl Datelike + Timelike)) -> String {
        self.t_with(
            "fmt-date-time",
            &[
                ("date", Arg::Text(self.day_month(at))),
                ("time", Arg::Text(self.time(at))),
            ],
        )
    }

    /// "3 Dec 2026, 14:02" (German "3. Dez. 2026, 14:02"): on every row of the desk's queue
    /// and every timeline, so it is put together from the language's `Shape` once worked out.
    pub fn date_time_with_year(self, at: &(impl Datelike + Timelike)) -> String {
        match self.0.date_time_shape.get_or_init(|| Shape::of(self)) {
            Some(shape) => shape.fill(at),
            None => self.date_time_with_year_by_messages(at),
        }
    }

    /// The same, asking the messages each time.
    fn date_time_with_year_by_messages(self, at: &(impl Datelike + Timelike)) -> String {
        let date = self.t_with(
            "fmt-day-month-year",
            &[
                ("date", Arg::Text(self.day_month(at))),
                ("year", Arg::Text(at.year().to_string())),
            ],
        );
        self.t_with(
            "fmt-date-time",
            &[
                ("date", Arg::Text(date)),
                ("time", Arg::Text(self.time(at))),
            ],
        )
    }

    fn month_short(self, day: &impl Datelike) -> String {
        self.t_with(
            "fmt-month-short",
            &[("month", Arg::Number(i64::from(day.month())))],
        )
    }
}

/// "3 Dec 2026, 14:02" in one language as text and slots, read off the messages by formatting
/// a date whose parts are all different and finding each part in the result. Filling the slots
/// is a few pushes where the messages take five formats; a language whose words depend on more
/// than the parts (a day's ordinal, a month's case after a number) gives no shape, and its dates
/// keep being asked of the messages: `of` checks the shape against them on dates that differ in
/// every part before it is used.
pub(super) struct Shape {
    pieces: Vec<Piece>,
    months: [String; 12],
}

#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    Day,
    Month,
    Year,
    Hour,
    Minute,
}

impl Shape {
    fn of(i18n: I18n) -> Option<Shape> {
        use chrono::NaiveDate;
        // 27 November 2031, 13:45: no part's digits appear in another's.
        let probe = NaiveDate::from_ymd_opt(2031, 11, 27)?.and_hms_opt(13, 45, 0)?;
        let text = i18n.date_time_with_year_by_messages(&probe);
        let months: [String; 12] = std::array::from_fn(|m| {
            i18n.t_with("fmt-month-short", &[("month", Arg::Number(m as i64 + 1))])
        });
        let parts = [
            ("27", Piece::Day),
            (months[10].as_str(), Piece::Month),
            ("2031", Piece::Year),
            ("13", Piece::Hour),
            ("45", Piece::Minute),
        ];
        let mut found: Vec<(usize, usize, Piece)> = Vec::new();
        for (part, piece) in parts {
            let at = text
                .find(part)
                .filter(|_| text.matches(part).count() == 1)?;
            found.push((at, part.len(), piece));
        }
        found.sort_by_key(|(at, ..)| *at);
        let mut pieces = Vec::new();
        let mut from = 0;
        for (at, len, piece) in found {
            if at < from {
                return None;
            }
            if at > from {
                pieces.push(Piece::Text(text[from..at].to_string()));
            }
            pieces.push(piece);
            from = at + len;
        }
        if from < text.len() {
            pieces.push(Piece::Text(text[from..].to_string()));
        }
        let shape = Shape { pieces, months };
        let checks = [
            (2026, 1, 1, 0, 5),
            (2027, 3, 2, 9, 0),
            (2028, 2, 29, 23, 59),
            (2030, 12, 31, 12, 30),
        ];
        let agrees = checks.iter().all(|&(y, m, d, h, min)| {
            NaiveDate::from_ymd_opt(y, m, d)
                .and_then(|day| day.and_hms_opt(h, min, 0))
                .is_some_and(|at| shape.fill(&at) == i18n.date_time_with_year_by_messages(&at))
        });
        agrees.then_some(shape)
    }

    fn fill(&self, at: &(impl Datelike + Timelike)) -> String {
        use std::fmt::Write;
        let mut out = String::with_capacity(24);
        for piece in &self.pieces {
            // Writing to a String cannot fail.
            let _ = match piece {
                Piece::Text(text) => write!(out, "{text}"),
                Piece::Day => write!(out, "{}", at.day()),
                Piece::Month => write!(out, "{}", self.months[at.month0() as usize]),
                Piece::Year => write!(out, "{}", at.year()),
                Piece::Hour => write!(out, "{:02}", at.hour()),
                Piece::Minute => write!(out, "{:02}", at.minute()),
            };
        }
        out
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use crate::i18n::{catalog, I18n};
    use chrono::NaiveDate;

    #[test]
    fn english_and_german_dates_and_times() {
        let at = NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 5, 0)
            .unwrap();
        let en = I18n(catalog("en"));
        let de = I18n(catalog("de"));
        assert_eq!(en.time(&at), "09:05");
        assert_eq!(en.day_month_time(&at), "23 Nov, 09:05");
        assert_eq!(en.weekday_day_month(&at), "Mon 23 Nov");
        assert_eq!(de.time(&at), "09:05");
        assert_eq!(de.day_month_time(&at), "23. Nov., 09:05");
        assert_eq!(de.weekday_day_month(&at), "Mo., 23. Nov.");
        assert_eq!(en.date_time_with_year(&at), "23 Nov 2026, 09:05");
        assert_eq!(
            en.date_time_with_year(&at),
            at.format("%-d %b %Y, %H:%M").to_string()
        );
        assert_eq!(de.date_time_with_year(&at), "23. Nov. 2026, 09:05");
    }

    #[test]
    fn every_language_has_a_date_shape_that_says_what_its_messages_say() {
        for locale in crate::i18n::LANGUAGES {
            let i18n = I18n(catalog(locale));
            let shape = super::Shape::of(i18n).unwrap_or_else(|| panic!("{locale}: no shape"));
            let mut at = NaiveDate::from_ymd_opt(2028, 1, 1)
                .unwrap()
                .and_hms_opt(0, 7, 0)
                .unwrap();
            for _ in 0..366 {
                assert_eq!(
                    shape.fill(&at),
                    i18n.date_time_with_year_by_messages(&at),
                    "{locale}"
                );
                at += chrono::Duration::minutes(24 * 60 + 17);
            }
        }
    }

    #[test]
    fn a_language_whose_dates_depend_on_more_than_their_parts_keeps_asking_its_messages() {
        let text = crate::i18n::served_text(
            "fmt-day-month = { $day ->\n    [1] 1st\n    [2] 2nd\n   *[other] { $day }th\n} { $month }\n",
            crate::i18n::FILES[0].1,
        );
        let ordinal = I18n(Box::leak(Box::new(crate::i18n::Catalog::parse("en", text))));
        assert!(super::Shape::of(ordinal).is_none());
        let at = NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(9, 5, 0)
            .unwrap();
        assert_eq!(ordinal.date_time_with_year(&at), "1st Dec 2026, 09:05");
    }

    #[test]
    fn every_month_and_weekday_has_a_name_of_its_own_in_every_language() {
        for locale in crate::i18n::LANGUAGES {
            let i18n = I18n(catalog(locale));
            for (id, count) in [("fmt-month-short", 12), ("fmt-weekday-short", 7)] {
                let var = if count == 12 { "month" } else { "weekday" };
                let names: std::collections::BTreeSet<String> = (1..=count)
                    .map(|n| i18n.t_with(id, &[(var, crate::i18n::Arg::Number(n))]))
                    .collect();
                assert_eq!(names.len() as i64, count, "{locale} {id}: {names:?}");
                assert!(
                    names.iter().all(|n| !n.contains('{')),
                    "{locale} {id}: {names:?}"
                );
            }
        }
    }
}
