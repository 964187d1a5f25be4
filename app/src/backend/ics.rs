//! The change calendar as an iCalendar file (RFC 5545), for calendar apps that subscribe to a
//! person's feed. Written by hand: a handful of properties, where a builder crate would add
//! weight for nothing; what matters is the text rules — CRLF line ends, lines folded at 75
//! octets without splitting a character, and `\`, `;`, `,` and line breaks escaped in text.
//!
//! Changes are timed events in UTC (their windows are instants). Freezes are all-day events
//! (days are each store's own, so a date without a zone says exactly that), yearly ones with a
//! yearly rule.

use super::change_store::CalendarChange;
use crate::domain::change::ChangeState;
use crate::domain::change_calendar::FreezeWindow;
use crate::i18n::{change_state_label, t_with, Arg};
use chrono::{DateTime, Days, NaiveDate, Utc};
use sha2::{Digest, Sha256};
use std::fmt::Write;

pub struct Feed<'a> {
    /// The calendar's name in the app.
    pub name: String,
    pub changes: &'a [CalendarChange],
    pub freezes: &'a [FreezeWindow],
    /// The portal's origin, to link each change's page (for those who may open it).
    pub link_base: Option<&'a str>,
    pub now: DateTime<Utc>,
}

/// Longest line in octets, CRLF not counted.
const LINE_OCTETS: usize = 75;

/// Escapes a TEXT value.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded into lines of at most 75 octets, each ended by CRLF; a continuation
/// starts with one space (which counts towards its 75).
fn push_line(out: &mut String, line: &str) {
    let mut room = LINE_OCTETS;
    for c in line.chars() {
        if c.len_utf8() > room {
            out.push_str("\r\n ");
            room = LINE_OCTETS - 1;
        }
        out.push(c);
        room -= c.len_utf8();
    }
    out.push_str("\r\n");
}

fn utc_stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

fn date_stamp(day: NaiveDate) -> String {
    day.format("%Y%m%d").to_string()
}

/// A freeze has no number: its UID is a digest of what names it, stable across fetches.
fn freeze_uid(freeze: &FreezeWindow) -> String {
    let digest = Sha256::digest(format!("{}|{}", freeze.name, freeze.first_day).as_bytes());
    let hex: String = digest[..8].iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    });
    format!("freeze-{hex}@deskfront")
}

/// Tentative while authorisation is asked for; confirmed once scheduled or done.
fn status(state: ChangeState) -> &'static str {
    match state {
        ChangeState::Authorise => "TENTATIVE",
        ChangeState::Cancelled => "CANCELLED",
        _ => "CONFIRMED",
    }
}

fn push_change(out: &mut String, c: &CalendarChange, feed: &Feed<'_>) {
    let b = &c.booking;
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}@deskfront", b.number));
    push_line(out, &format!("DTSTAMP:{}", utc_stamp(feed.now)));
    push_line(out, &format!("DTSTART:{}", utc_stamp(b.window.start)));
    push_line(out, &format!("DTEND:{}", utc_stamp(b.window.end)));
    push_line(
        out,
        &format!("SUMMARY:{}", text(&format!("{} {}", b.number, c.title))),
    );
    let mut lines = vec![change_state_label(c.state)];
    if !b.stores.is_empty() {
        lines.push(t_with(
            "calendar-feed-stores",
            &[("stores", Arg::Text(b.stores.join(", ")))],
        ));
    }
    if !b.devices.is_empty() {
        lines.push(t_with(
            "calendar-feed-devices",
            &[("devices", Arg::Text(b.devices.join(", ")))],
        ));
    }
    push_line(out, &format!("DESCRIPTION:{}", text(&lines.join("\n"))));
    if !b.stores.is_empty() {
        push_line(out, &format!("LOCATION:{}", text(&b.stores.join(", "))));
    }
    push_line(out, &format!("STATUS:{}", status(c.state)));
    if let Some(base) = feed.link_base {
        push_line(
            out,
            &format!(
                "URL:{}/changes/{}",
                base.trim_end_matches('/'),
                crate::url::encode(&b.number)
            ),
        );
    }
    push_line(out, "END:VEVENT");
}

fn push_freeze(out: &mut String, f: &FreezeWindow, now: DateTime<Utc>) {
    push_line(out, "BEGIN:VEVENT");
    push_line(out, &format!("UID:{}", freeze_uid(f)));
    push_line(out, &format!("DTSTAMP:{}", utc_stamp(now)));
    push_line(
        out,
        &format!("DTSTART;VALUE=DATE:{}", date_stamp(f.first_day)),
    );
    // DTEND of an all-day event is the day after the last one.
    let end = f
        .last_day
        .checked_add_days(Days::new(1))
        .unwrap_or(f.last_day);
    push_line(out, &format!("DTEND;VALUE=DATE:{}", date_stamp(end)));
    if f.every_year {
        push_line(out, "RRULE:FREQ=YEARLY");
    }
    push_line(
        out,
        &format!(
            "SUMMARY:{}",
            text(&t_with(
                "calendar-feed-freeze",
                &[("name", Arg::Text(f.name.clone()))]
            ))
        ),
    );
    if !f.stores.is_empty() {
        push_line(out, &format!("LOCATION:{}", text(&f.stores.join(", "))));
    }
    // A freeze blocks changes, not the reader's own time.
    push_line(out, "TRANSP:TRANSPARENT");
    push_line(out, "END:VEVENT");
}

/// The whole file.
pub fn calendar(feed: &Feed<'_>) -> String {
    let mut out = String::new();
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    push_line(&mut out, "PRODID:-//Deskfront//Change calendar//EN");
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(&mut out, "METHOD:PUBLISH");
    push_line(&mut out, &format!("X-WR-CALNAME:{}", text(&feed.name)));
    // Calendar apps poll; an hour is what most choose anyway.
    push_line(&mut out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
    push_line(&mut out, "X-PUBLISHED-TTL:PT1H");
    for c in feed.changes {
        push_change(&mut out, c, feed);
    }
    for f in feed.freezes {
        push_freeze(&mut out, f, feed.now);
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_escape_what_the_format_reserves() {
        assert_eq!(
            text("Tills; cards, and\\ more\nnext"),
            "Tills\\; cards\\, and\\\\ more\\nnext"
        );
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "Kassenüberprüfung ".repeat(10));
        push_line(&mut out, &line);
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.len() <= LINE_OCTETS), "{lines:?}");
        assert!(lines[1..].iter().all(|l| l.starts_with(' ')));
        let unfolded: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, line);
    }

    #[test]
    fn a_yearly_freeze_is_an_all_day_event_with_a_yearly_rule() {
        let freeze = FreezeWindow {
            name: "Christmas trading".into(),
            first_day: "2026-12-17".parse().unwrap(),
            last_day: "2026-12-31".parse().unwrap(),
            every_year: true,
            stores: Vec::new(),
        };
        let mut out = String::new();
        push_freeze(&mut out, &freeze, Utc::now());
        assert!(out.contains("DTSTART;VALUE=DATE:20261217\r\n"));
        assert!(out.contains("DTEND;VALUE=DATE:20270101\r\n"));
        assert!(out.contains("RRULE:FREQ=YEARLY\r\n"));
        let again = {
            let mut o = String::new();
            push_freeze(&mut o, &freeze, Utc::now());
            o
        };
        let uid = |s: &str| {
            s.lines()
                .find(|l| l.starts_with("UID:"))
                .map(str::to_string)
        };
        assert_eq!(uid(&out), uid(&again), "the same freeze keeps its UID");
    }
}
