//! The time zone a person reads times in (issue 21): their store's, else the portal's
//! (`time_zone` in the configuration, UTC unless set). The server reads a time in it with the
//! IANA database it has built in (chrono-tz); the browser reads the zone's offsets the page
//! carries (`Offsets`, from the server's database) and else asks its own
//! (`Intl.DateTimeFormat`), so pages that only show times never fetch the database, which is a
//! large share of the module that carries it. The page names its zone in a `deskfront-zone`
//! meta tag, so both sides read the same wall-clock time, and the text the browser renders after
//! a navigation matches what the server rendered.

use chrono::{DateTime, NaiveDateTime, Utc};

/// An IANA time zone by name ("Europe/Berlin").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone(String);

impl Zone {
    pub fn utc() -> Zone {
        Zone("UTC".into())
    }

    /// The zone `name`, or `None` when this side cannot read it (a misspelt or retired name).
    pub fn named(name: &str) -> Option<Zone> {
        let name = name.trim();
        reads(name).then(|| Zone(name.to_string()))
    }

    pub fn name(&self) -> &str {
        &self.0
    }

    /// Times in UTC say so; in a person's own zone they need no label.
    pub fn is_utc(&self) -> bool {
        matches!(self.0.as_str(), "UTC" | "Etc/UTC" | "Etc/GMT" | "GMT")
    }

    /// The wall-clock time `at` shows in this zone; UTC's when the zone cannot be read.
    pub fn reading(&self, at: &DateTime<Utc>) -> NaiveDateTime {
        if self.is_utc() {
            return at.naive_utc();
        }
        local_reading(&self.0, at).unwrap_or_else(|| at.naive_utc())
    }
}

#[cfg(feature = "ssr")]
fn reads(name: &str) -> bool {
    name.parse::<chrono_tz::Tz>().is_ok()
}

#[cfg(feature = "ssr")]
fn local_reading(name: &str, at: &DateTime<Utc>) -> Option<NaiveDateTime> {
    let tz = name.parse::<chrono_tz::Tz>().ok()?;
    Some(at.with_timezone(&tz).naive_local())
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn reads(name: &str) -> bool {
    browser::formatter(name).is_some()
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn local_reading(name: &str, at: &DateTime<Utc>) -> Option<NaiveDateTime> {
    browser::reading(name, at)
}

/// A build with neither side (the shared logic's own tests) reads UTC only.
#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn reads(name: &str) -> bool {
    name == "UTC"
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn local_reading(_: &str, _: &DateTime<Utc>) -> Option<NaiveDateTime> {
    None
}

/// A zone's offsets from UTC over a span of time, as the server's database has them: what the
/// page hands the browser beside the zone's name (`deskfront-zone`'s `data-offsets`), so the
/// times a page shows are read without the browser's `Intl`, whose first formatter took a
/// phone's browser 15–30 ms of the task that hydrates a page (issue 19). Times outside the
/// span, and pages no server rendered, are read with `Intl` after all.
///
/// Written as whole seconds: "FROM UNTIL OFFSET" and then "AT OFFSET" for each change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offsets {
    from: i64,
    until: i64,
    first: i32,
    changes: Vec<(i64, i32)>,
}

impl Offsets {
    /// Reads the attribute; `None` for anything else than what `to_text` writes.
    pub fn parse(text: &str) -> Option<Offsets> {
        let mut numbers = text.split_ascii_whitespace().map(str::parse::<i64>);
        let mut next = || numbers.next()?.ok();
        let (from, until) = (next()?, next()?);
        let first = i32::try_from(next()?).ok()?;
        let mut changes = Vec::new();
        while let Some(at) = next() {
            changes.push((at, i32::try_from(next()?).ok()?));
        }
        (from < until).then_some(Offsets {
            from,
            until,
            first,
            changes,
        })
    }

    pub fn to_text(&self) -> String {
        let mut text = format!("{} {} {}", self.from, self.until, self.first);
        for (at, offset) in &self.changes {
            text.push_str(&format!(" {at} {offset}"));
        }
        text
    }

    /// The wall-clock reading at `at`, when the span covers it.
    pub fn reading(&self, at: &DateTime<Utc>) -> Option<NaiveDateTime> {
        let seconds = at.timestamp();
        if seconds < self.from || seconds >= self.until {
            return None;
        }
        let offset = self
            .changes
            .iter()
            .take_while(|(change, _)| *change <= seconds)
            .last()
            .map_or(self.first, |(_, offset)| *offset);
        at.naive_utc()
            .checked_add_signed(chrono::Duration::seconds(i64::from(offset)))
    }
}

/// How far either side of the day a page is rendered the offsets reach: the times pages show
/// (requests, replies, articles) are mostly of the last year.
#[cfg(feature = "ssr")]
const OFFSETS_SPAN_DAYS: i64 = 400;

/// `zone`'s offsets around the day of `now`, for the page (none for UTC, which needs none).
/// Worked out once per zone and day: every page names its zone.
#[cfg(feature = "ssr")]
pub fn offsets_near(zone: &Zone, now: DateTime<Utc>) -> Option<std::sync::Arc<str>> {
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex, OnceLock};
    /// Each zone's offsets, and the day they were worked out on.
    type ByZone = HashMap<String, (i64, Arc<str>)>;
    static KNOWN: OnceLock<Mutex<ByZone>> = OnceLock::new();
    if zone.is_utc() {
        return None;
    }
    let day = now.timestamp().div_euclid(86_400);
    let known = KNOWN.get_or_init(Default::default);
    if let Some((when, text)) = known.lock().ok()?.get(zone.name()) {
        if *when == day {
            return Some(text.clone());
        }
    }
    let text: Arc<str> = offsets_between(zone, day * 86_400, OFFSETS_SPAN_DAYS)?
        .to_text()
        .into();
    known
        .lock()
        .ok()?
        .insert(zone.name().to_string(), (day, text.clone()));
    Some(text)
}

/// The offsets of `zone` for `span_days` either side of `middle` (seconds since 1970): read day
/// by day, each change then found to the second (no zone changes its offset twice in a day).
#[cfg(feature = "ssr")]
fn offsets_between(zone: &Zone, middle: i64, span_days: i64) -> Option<Offsets> {
    use chrono::{Offset, TimeZone};
    const DAY: i64 = 86_400;
    let tz = zone.name().parse::<chrono_tz::Tz>().ok()?;
    let offset_at = |seconds: i64| {
        DateTime::from_timestamp(seconds, 0).map(|t| {
            tz.offset_from_utc_datetime(&t.naive_utc())
                .fix()
                .local_minus_utc()
        })
    };
    let (from, until) = (middle - span_days * DAY, middle + span_days * DAY);
    let first = offset_at(from)?;
    let (mut at, mut current, mut changes) = (from, first, Vec::new());
    while at < until {
        let next = (at + DAY).min(until);
        let offset = offset_at(next)?;
        if offset != current {
            let (mut before, mut after) = (at, next);
            while after - before > 1 {
                let mid = before + (after - before) / 2;
                if offset_at(mid)? == current {
                    before = mid;
                } else {
                    after = mid;
                }
            }
            changes.push((after, offset));
            current = offset;
        }
        at = next;
    }
    Some(Offsets {
        from,
        until,
        first,
        changes,
    })
}

/// The zone of the page being rendered: on the server what the shell chose for the request
/// (`provide`), in the browser the one the page names (`browser::install`).
pub fn zone() -> Zone {
    if let Some(zone) = leptos::prelude::use_context::<Zone>() {
        return zone;
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    if let Some(zone) = browser::installed() {
        return zone.clone();
    }
    Zone::utc()
}

/// The zone for a person whose store keeps `store_zone` (none: no store, or a store without
/// one), in a portal whose own zone is `portal_zone`.
pub fn for_person(store_zone: Option<&str>, portal_zone: &str) -> Zone {
    store_zone
        .and_then(Zone::named)
        .or_else(|| Zone::named(portal_zone))
        .unwrap_or_else(Zone::utc)
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
pub mod browser {
    use super::Zone;
    use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
    use js_sys::{Array, Function, Object, Reflect};
    use std::cell::RefCell;
    use std::sync::OnceLock;
    use wasm_bindgen::{JsCast, JsValue};

    static INSTALLED: OnceLock<Zone> = OnceLock::new();
    /// The page's zone's offsets, from the server (`super::Offsets`).
    static OFFSETS: OnceLock<super::Offsets> = OnceLock::new();

    pub fn installed() -> Option<&'static Zone> {
        INSTALLED.get()
    }

    /// Makes the page's zone (`deskfront-zone`) the one times are read in; without one (the
    /// offline shell, which no server rendered for this person), the device's own.
    pub fn install(named: Option<String>, offsets: Option<String>) {
        if let Some(offsets) = offsets.as_deref().and_then(super::Offsets::parse) {
            let _ = OFFSETS.set(offsets);
        }
        // The page's zone is one the server read with its own database: it is checked when a
        // time is first read in it (a time the browser cannot read shows as UTC's), as building
        // the browser's reader is slow and at start-up on a phone it lengthened the task every
        // page waits for (issue 19).
        let zone = named
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty())
            .map(Zone)
            .or_else(|| device_zone().as_deref().and_then(Zone::named))
            .unwrap_or_else(Zone::utc);
        let _ = INSTALLED.set(zone);
    }

    /// The zone the device is set to, as its browser names it.
    fn device_zone() -> Option<String> {
        let format = construct(&Array::new(), &Object::new())?;
        let options = format.resolved_options();
        Reflect::get(&options, &"timeZone".into()).ok()?.as_string()
    }

    thread_local! {
        /// One formatter per zone: building one is the slow part, and a page reads one zone.
        static FORMATTERS: RefCell<Vec<(String, js_sys::Intl::DateTimeFormat)>> =
            const { RefCell::new(Vec::new()) };
    }

    /// `new Intl.DateTimeFormat(locales, options)`, or `None` where it throws (an unknown
    /// zone is a RangeError; js-sys's own constructor would abort the module).
    fn construct(locales: &Array, options: &Object) -> Option<js_sys::Intl::DateTimeFormat> {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let constructor: Function = Reflect::get(&intl, &"DateTimeFormat".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let args = Array::of2(locales, options);
        Reflect::construct(&constructor, &args)
            .ok()
            .map(JsCast::unchecked_into)
    }

    /// A formatter that gives a time's numeric parts in `name`, on a 24-hour clock.
    pub(super) fn formatter(name: &str) -> Option<js_sys::Intl::DateTimeFormat> {
        let known = FORMATTERS.with_borrow(|all| {
            all.iter()
                .find(|(n, _)| n == name)
                .map(|(_, format)| format.clone())
        });
        if known.is_some() {
            return known;
        }
        let options = Object::new();
        let set = |key: &str, value: &str| Reflect::set(&options, &key.into(), &value.into());
        set("timeZone", name).ok()?;
        set("hourCycle", "h23").ok()?;
        for part in ["year", "month", "day", "hour", "minute", "second"] {
            set(part, "numeric").ok()?;
        }
        let format = construct(&Array::of1(&"en-US".into()), &options)?;
        FORMATTERS.with_borrow_mut(|all| all.push((name.to_string(), format.clone())));
        Some(format)
    }

    pub(super) fn reading(name: &str, at: &DateTime<Utc>) -> Option<NaiveDateTime> {
        let page_zone = INSTALLED.get().is_some_and(|zone| zone.name() == name);
        if let Some(reading) = OFFSETS
            .get()
            .filter(|_| page_zone)
            .and_then(|o| o.reading(at))
        {
            return Some(reading);
        }
        let format = formatter(name)?;
        let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
        let mut numbers = [0u32; 6];
        for part in format.format_to_parts(&date).iter() {
            let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
            let slot = ["year", "month", "day", "hour", "minute", "second"]
                .iter()
                .position(|k| *k == kind);
            if let Some(slot) = slot {
                let value = Reflect::get(&part, &"value".into()).ok()?.as_string()?;
                numbers[slot] = value.parse().ok()?;
            }
        }
        let [year, month, day, hour, minute, second] = numbers;
        NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?.and_hms_opt(
            hour % 24,
            minute,
            second,
        )
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn read(zone: &str, at: &str) -> String {
        Zone::named(zone)
            .unwrap()
            .reading(&utc(at))
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    #[test]
    fn a_time_reads_as_the_clock_on_the_wall_there() {
        // Winter: Berlin is an hour ahead of UTC, London on it.
        assert_eq!(
            read("Europe/Berlin", "2026-12-03T14:02:00Z"),
            "2026-12-03 15:02"
        );
        assert_eq!(
            read("Europe/London", "2026-12-03T14:02:00Z"),
            "2026-12-03 14:02"
        );
        // Summer time: both an hour later.
        assert_eq!(
            read("Europe/Berlin", "2026-07-01T14:02:00Z"),
            "2026-07-01 16:02"
        );
        assert_eq!(
            read("Europe/London", "2026-07-01T14:02:00Z"),
            "2026-07-01 15:02"
        );
        // Across midnight and the date line.
        assert_eq!(
            read("America/New_York", "2026-12-03T02:30:00Z"),
            "2026-12-02 21:30"
        );
        assert_eq!(read("UTC", "2026-12-03T02:30:00Z"), "2026-12-03 02:30");
    }

    #[test]
    fn the_night_the_clocks_go_back_reads_both_hours() {
        // 25 October 2026, Berlin: 03:00 summer time becomes 02:00 again.
        assert_eq!(
            read("Europe/Berlin", "2026-10-25T00:30:00Z"),
            "2026-10-25 02:30"
        );
        assert_eq!(
            read("Europe/Berlin", "2026-10-25T01:30:00Z"),
            "2026-10-25 02:30"
        );
        assert_eq!(
            read("Europe/Berlin", "2026-10-25T02:30:00Z"),
            "2026-10-25 03:30"
        );
    }

    #[test]
    fn the_offsets_a_page_carries_read_every_time_as_the_database_does() {
        let berlin = Zone::named("Europe/Berlin").unwrap();
        let now = utc("2026-07-01T12:00:00Z");
        let text = offsets_near(&berlin, now).unwrap();
        let offsets = Offsets::parse(&text).unwrap();
        assert_eq!(offsets.to_text(), *text, "written as read");
        // The changes of 2026 to the second, summer time +2 h, winter +1 h.
        let at = |t: &str| utc(t).timestamp();
        assert!(offsets
            .changes
            .contains(&(at("2026-03-29T01:00:00Z"), 7200)));
        assert!(offsets
            .changes
            .contains(&(at("2026-10-25T01:00:00Z"), 3600)));
        let mut t = utc("2025-06-01T00:00:00Z");
        while t < utc("2027-08-01T00:00:00Z") {
            assert_eq!(offsets.reading(&t), Some(berlin.reading(&t)), "at {t}");
            t += chrono::Duration::minutes(13);
        }
        // Outside its span the table says nothing: the browser asks Intl.
        assert_eq!(offsets.reading(&utc("2020-01-01T00:00:00Z")), None);
        assert_eq!(offsets.reading(&utc("2030-01-01T00:00:00Z")), None);
    }

    #[test]
    fn utc_needs_no_offsets_and_a_bad_attribute_is_ignored() {
        assert_eq!(
            offsets_near(&Zone::utc(), utc("2026-07-01T12:00:00Z")),
            None
        );
        for bad in ["", "1 2", "x 2 3", "5 1 0", "1 2 3 4"] {
            assert_eq!(Offsets::parse(bad), None, "{bad:?}");
        }
        let fixed = Offsets::parse("0 100 3600").unwrap();
        assert_eq!(
            fixed.reading(&utc("1970-01-01T00:00:10Z")),
            Some(utc("1970-01-01T01:00:10Z").naive_utc())
        );
    }

    #[test]
    fn a_person_reads_their_stores_zone_else_the_portals_else_utc() {
        assert_eq!(
            for_person(Some("Europe/Berlin"), "Europe/London").name(),
            "Europe/Berlin"
        );
        assert_eq!(for_person(None, "Europe/London").name(), "Europe/London");
        assert_eq!(
            for_person(Some("Mars/Olympus_Mons"), "Europe/London").name(),
            "Europe/London",
            "a zone this side cannot read is passed over"
        );
        assert_eq!(for_person(None, "nonsense").name(), "UTC");
        assert!(for_person(None, "UTC").is_utc());
        assert!(!for_person(Some("Europe/Berlin"), "UTC").is_utc());
    }
}
