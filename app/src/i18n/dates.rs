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

    /// "3 Dec 2026, 14:02" (German "3. Dez. 2026, 14:02")
    pub fn date_time_with_year(self, at: &(impl Datelike + Timelike)) -> String {
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
