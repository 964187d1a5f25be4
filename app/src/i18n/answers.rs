//! A form's answers as a reader reads them back (a request's page, an approval): yes and no,
//! dates and decimal numbers in the reader's language. What a person typed or chose stays as
//! stored (a choice is its option's key, so a ticket reads the same in every language).

use super::{Arg, I18n};
use crate::domain::validation::ValidAnswer;
use chrono::Datelike;

impl I18n {
    pub fn answer(self, answer: &ValidAnswer) -> String {
        match answer {
            ValidAnswer::YesNo(yes) => self.t(if *yes { "answer-yes" } else { "answer-no" }),
            ValidAnswer::Date(day) => self.t_with(
                "fmt-day-month-year",
                &[
                    ("date", Arg::Text(self.day_month(day))),
                    ("year", Arg::Text(day.year().to_string())),
                ],
            ),
            ValidAnswer::Number(_) => self.decimal(&answer.display()),
            ValidAnswer::Attachment(id) => {
                self.t_with("request-attachment", &[("id", (*id).into())])
            }
            other => other.display(),
        }
    }

    /// A number as `ValidAnswer::display` writes it ("3.5"), with the language's decimal mark
    /// ("3,5").
    pub fn decimal(self, number: &str) -> String {
        number.replace('.', &self.t("fmt-decimal-mark"))
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::super::{catalog, I18n};
    use crate::domain::validation::ValidAnswer;

    #[test]
    fn answers_read_in_the_readers_language() {
        let (en, de) = (I18n(catalog("en")), I18n(catalog("de")));
        let day = ValidAnswer::Date(chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
        assert_eq!(en.answer(&day), "3 Dec 2026");
        assert_eq!(de.answer(&day), "3. Dez. 2026");
        assert_eq!(en.answer(&ValidAnswer::YesNo(true)), "Yes");
        assert_eq!(de.answer(&ValidAnswer::YesNo(false)), "Nein");
        assert_eq!(en.answer(&ValidAnswer::Number(3.5)), "3.5");
        assert_eq!(de.answer(&ValidAnswer::Number(3.5)), "3,5");
        assert_eq!(de.answer(&ValidAnswer::Number(12.0)), "12");
        let choice = ValidAnswer::Choice("windows".into());
        assert_eq!(de.answer(&choice), "windows");
    }
}
