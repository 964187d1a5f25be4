//! Which language a page is in: the person's own setting, else what their browser asks for
//! (`Accept-Language`), else the portal's default.
//!
//! Hand-written rather than taken from an i18n crate: the browser's weights (`q=`) decide the
//! order, a header that is malformed in part is used for what it says clearly, and a header of
//! any size costs a bounded amount of work (it comes from anyone).

/// At most this many entries of a header are looked at; browsers send fewer than ten.
const MAX_ENTRIES: usize = 32;
/// And at most this much of it.
const MAX_HEADER_CHARS: usize = 4096;

/// One acceptable language from `Accept-Language`, lower-cased, with its weight in thousandths
/// (`q=0.8` is 800), so equal weights keep the order the browser sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wanted {
    pub tag: String,
    pub weight: u16,
}

/// The languages a header accepts, most wanted first; entries it refuses (`q=0`) and entries
/// that are not language tags are left out.
pub fn parse_accept_language(header: &str) -> Vec<Wanted> {
    let header = match header.char_indices().nth(MAX_HEADER_CHARS) {
        Some((cut, _)) => &header[..cut],
        None => header,
    };
    let mut wanted: Vec<Wanted> = header
        .split(',')
        .take(MAX_ENTRIES)
        .filter_map(|entry| {
            let mut parts = entry.split(';');
            let tag = parts.next()?.trim().to_ascii_lowercase();
            if !is_language_tag(&tag) {
                return None;
            }
            let mut weight = 1000;
            for parameter in parts {
                let (name, value) = parameter.split_once('=')?;
                if name.trim().eq_ignore_ascii_case("q") {
                    weight = parse_weight(value.trim())?;
                }
            }
            (weight > 0).then_some(Wanted { tag, weight })
        })
        .collect();
    // Stable: among equal weights the browser's order stands.
    wanted.sort_by_key(|w| std::cmp::Reverse(w.weight));
    wanted
}

/// The locale to use, one of `supported` (lower-case tags such as "en", "de"): the person's
/// `setting` if it is supported, else the first language their browser accepts that is
/// (exactly, or by its primary language: "de-AT" is served "de"), else `default`.
pub fn negotiate<'a>(
    setting: Option<&str>,
    accept_language: Option<&str>,
    supported: &[&'a str],
    default: &'a str,
) -> &'a str {
    let find = |tag: &str| {
        supported
            .iter()
            .copied()
            .find(|s| s.eq_ignore_ascii_case(tag))
    };
    if let Some(chosen) = setting.and_then(find) {
        return chosen;
    }
    for wanted in accept_language
        .map(parse_accept_language)
        .unwrap_or_default()
    {
        if wanted.tag == "*" {
            return default;
        }
        let primary = wanted.tag.split('-').next().unwrap_or_default();
        if let Some(chosen) = find(&wanted.tag).or_else(|| find(primary)) {
            return chosen;
        }
    }
    default
}

/// `*`, or subtags of 1–8 letters and digits joined by hyphens, the first one letters only
/// (BCP 47's shape, without checking the registry).
fn is_language_tag(tag: &str) -> bool {
    if tag == "*" {
        return true;
    }
    let mut subtags = tag.split('-');
    let primary_ok = subtags
        .next()
        .is_some_and(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    primary_ok
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A weight as HTTP writes it (`0`, `0.5`, `1.000`), in thousandths; `None` if it is not one.
fn parse_weight(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SUPPORTED: [&str; 2] = ["en", "de"];

    fn pick(setting: Option<&str>, header: Option<&str>) -> &'static str {
        negotiate(setting, header, &SUPPORTED, "en")
    }

    /// The tags a header accepts, in the order they are wanted.
    fn tags(header: &str) -> Vec<String> {
        parse_accept_language(header)
            .into_iter()
            .map(|w| w.tag)
            .collect()
    }

    #[test]
    fn weights_order_the_languages_and_equal_weights_keep_the_browsers_order() {
        assert_eq!(tags("fr;q=0.5, de-DE, en;q=0.9"), ["de-de", "en", "fr"]);
        assert_eq!(tags("da, en-gb;q=0.8, en;q=0.8"), ["da", "en-gb", "en"]);
        assert_eq!(
            parse_accept_language("de;q=0.25")[0],
            Wanted {
                tag: "de".into(),
                weight: 250
            }
        );
    }

    #[test]
    fn what_the_browser_refuses_or_garbles_is_left_out() {
        assert_eq!(tags("de;q=0, en"), ["en"]);
        assert_eq!(tags("de;q=2, en;q=abc, fr;q=0.1234, it;q=0.7"), ["it"]);
        assert_eq!(tags("12, en_US, , -de, de-, toolongtag, es"), ["es"]);
        assert!(parse_accept_language("").is_empty());
        assert!(parse_accept_language(";;;,,,===").is_empty());
    }

    #[test]
    fn a_huge_header_costs_a_bounded_amount_of_work() {
        let header = vec!["xx"; 10_000].join(",") + ",de";
        assert_eq!(parse_accept_language(&header).len(), MAX_ENTRIES);
        assert_eq!(pick(None, Some(&header)), "en");
        let one_long = "d".repeat(100_000);
        assert!(parse_accept_language(&one_long).is_empty());
    }

    #[test]
    fn the_setting_comes_first_then_the_browser_then_the_default() {
        assert_eq!(pick(Some("de"), Some("en")), "de");
        // A setting for a language the portal no longer has falls through to the browser.
        assert_eq!(pick(Some("fr"), Some("de-AT, en;q=0.5")), "de");
        assert_eq!(pick(None, Some("fr, de;q=0.5")), "de");
        assert_eq!(pick(None, Some("fr, it")), "en");
        assert_eq!(pick(None, None), "en");
        assert_eq!(pick(None, Some("*")), "en");
        assert_eq!(negotiate(None, Some("fr"), &SUPPORTED, "de"), "de");
    }

    #[test]
    fn a_region_is_served_its_language_and_case_does_not_matter() {
        assert_eq!(pick(None, Some("DE-ch")), "de");
        assert_eq!(pick(Some("DE"), None), "de");
        assert_eq!(pick(None, Some("en-US,en;q=0.9")), "en");
    }
}
