//! A number's plural category in a language (CLDR's `zero`, `one`, `two`, `few`, `many`,
//! `other`), which chooses a message's variant. The server uses `intl_pluralrules`, the rules
//! `fluent-bundle` uses; the browser asks its own `Intl.PluralRules`, which carries the same
//! CLDR rules and costs the WebAssembly nothing.

/// The category of `n` in `locale` (a tag of `LANGUAGES`); `other` when the language is unknown.
pub fn category(locale: &'static str, n: i64) -> &'static str {
    imp::category(locale, n)
}

#[cfg(feature = "ssr")]
mod imp {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    use std::sync::OnceLock;

    fn rules(locale: &str) -> Option<&'static PluralRules> {
        static ALL: OnceLock<Vec<(&'static str, PluralRules)>> = OnceLock::new();
        ALL.get_or_init(|| {
            super::super::LANGUAGES
                .iter()
                .filter_map(|tag| {
                    let id: unic_langid::LanguageIdentifier = tag.parse().ok()?;
                    Some((
                        *tag,
                        PluralRules::create(id, PluralRuleType::CARDINAL).ok()?,
                    ))
                })
                .collect()
        })
        .iter()
        .find(|(tag, _)| *tag == locale)
        .map(|(_, rules)| rules)
    }

    pub fn category(locale: &'static str, n: i64) -> &'static str {
        match rules(locale).and_then(|r| r.select(n).ok()) {
            Some(PluralCategory::ZERO) => "zero",
            Some(PluralCategory::ONE) => "one",
            Some(PluralCategory::TWO) => "two",
            Some(PluralCategory::FEW) => "few",
            Some(PluralCategory::MANY) => "many",
            _ => "other",
        }
    }
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
mod imp {
    use js_sys::Intl::PluralRules;
    use std::cell::RefCell;

    thread_local! {
        static RULES: RefCell<Vec<(&'static str, PluralRules)>> = const { RefCell::new(Vec::new()) };
    }

    pub fn category(locale: &'static str, n: i64) -> &'static str {
        let said = RULES.with_borrow_mut(|all| {
            let at = match all.iter().position(|(tag, _)| *tag == locale) {
                Some(at) => at,
                None => {
                    let locales = js_sys::Array::of1(&locale.into());
                    all.push((locale, PluralRules::new(&locales, &js_sys::Object::new())));
                    all.len() - 1
                }
            };
            String::from(all[at].1.select(n as f64))
        });
        ["zero", "one", "two", "few", "many"]
            .into_iter()
            .find(|category| *category == said)
            .unwrap_or("other")
    }
}

/// Builds with neither side (never shipped): English's rule.
#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
mod imp {
    pub fn category(_locale: &'static str, n: i64) -> &'static str {
        if n == 1 {
            "one"
        } else {
            "other"
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::category;

    #[test]
    fn english_and_german_say_one_for_one_only() {
        for locale in ["en", "de"] {
            assert_eq!(category(locale, 1), "one");
            for n in [0, 2, 5, 21, 101] {
                assert_eq!(category(locale, n), "other", "{locale} {n}");
            }
        }
    }

    #[test]
    fn a_language_without_rules_says_other() {
        assert_eq!(category("xx", 1), "other");
    }
}
