//! The dashboard's words for what `domain::report` counts: periods, backlog age bands and the
//! sets of tickets behind each figure, in the reader's language.

use super::{t, t_with, I18n};
use crate::domain::report::{AgeBand, Period, TicketSet};
use chrono::Datelike;

impl I18n {
    /// "3 Dec 2026" (German "3. Dez. 2026")
    pub fn date_with_year(self, day: &impl Datelike) -> String {
        self.t_with(
            "fmt-day-month-year",
            &[
                ("date", self.day_month(day).into()),
                ("year", day.year().to_string().into()),
            ],
        )
    }

    /// "Thu 3 Dec 2026" for one day, "16 Nov 2026 – 18 Nov 2026" for several.
    pub fn period(self, period: &Period) -> String {
        if period.from == period.to {
            let weekday = self.weekday_day_month(&period.from);
            self.t_with(
                "fmt-day-month-year",
                &[
                    ("date", weekday.into()),
                    ("year", period.from.year().to_string().into()),
                ],
            )
        } else {
            self.t_with(
                "period-days",
                &[
                    ("from", self.date_with_year(&period.from).into()),
                    ("to", self.date_with_year(&period.to).into()),
                ],
            )
        }
    }
}

/// A backlog age band ("1–3 days").
pub fn band_label(band: AgeBand) -> String {
    t_with("age-band", &[("band", band.message_key().into())])
}

/// The heading of the list of a set's tickets ("Resolved in the period").
pub fn set_label(set: TicketSet) -> String {
    match set {
        TicketSet::BacklogAged(band) => {
            t_with("ticket-set-aged", &[("band", band.message_key().into())])
        }
        TicketSet::Rated(Some(stars)) => {
            t_with("ticket-set-rated", &[("stars", i64::from(stars).into())])
        }
        set => t_with("ticket-set", &[("set", set.as_str().into())]),
    }
}

/// What the set counts.
pub fn set_definition(set: TicketSet) -> String {
    t(set.definition())
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::i18n::catalog;
    use chrono::NaiveDate;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn periods_read_the_readers_way() {
        let english = I18n(catalog("en"));
        let german = I18n(catalog("de"));
        let one = Period {
            from: day("2026-12-03"),
            to: day("2026-12-03"),
        };
        assert_eq!(english.period(&one), "Thu 3 Dec 2026");
        assert_eq!(german.period(&one), "Do., 3. Dez. 2026");
        let several = Period {
            from: day("2026-11-16"),
            to: day("2026-11-18"),
        };
        assert_eq!(english.period(&several), "16 Nov 2026 – 18 Nov 2026");
        assert_eq!(german.period(&several), "16. Nov. 2026 – 18. Nov. 2026");
    }

    #[test]
    fn every_set_and_band_has_words() {
        // Outside a page the messages are English.
        assert_eq!(set_label(TicketSet::Opened), "Opened in the period");
        assert_eq!(
            set_label(TicketSet::BacklogAged(AgeBand::OneToThreeDays)),
            "Backlog aged 1–3 days"
        );
        assert_eq!(set_label(TicketSet::Rated(Some(4))), "Rated 4 of 5");
        assert_eq!(band_label(AgeBand::OverFourWeeks), "Over 4 weeks");
        for set in TicketSet::PLAIN
            .into_iter()
            .filter(|s| *s != TicketSet::SubmittedAnyway)
        {
            // The default variant is the last set's: any other set that fell to it is unnamed.
            assert_ne!(
                set_label(set),
                set_label(TicketSet::SubmittedAnyway),
                "{set:?}"
            );
            assert!(!set_definition(set).starts_with("definition-"), "{set:?}");
        }
    }
}
