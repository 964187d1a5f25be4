//! The change calendar (issue 22): a month or a week of scheduled changes and freezes that
//! everyone signed in may read, filtered by store, region and service (the kind of device a
//! change touches), and the same changes as an iCalendar feed per person, so they show in the
//! calendar people already look at.
//!
//! Store staff read their own store's calendar unless they ask for every store; a change that
//! touches no store is central (the payment gateway) and shows under every store. Days are read
//! in the chosen store's zone, else in the reader's.

use super::change_store::CalendarChange;
// Those who work changes open a change's page from the calendar; others read it.
use super::changes::works_changes;
use super::store::Store;
use super::{ics, internal, session};
use crate::domain::calendar_grid::{days_touched, period, Span};
use crate::domain::change::Window;
use crate::domain::change_calendar::FreezeWindow;
use crate::i18n::{i18n, t, t_with, Arg};
use crate::model::{
    AppError, AppResult, CalendarDay, CalendarEntry, CalendarQuery, CalendarView, PlannedChange,
    Role, StoreAdminView, UserView, ALL_STORES, PLANNED_DAYS,
};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use std::collections::BTreeSet;

/// The years a calendar page may show.
const FIRST_YEAR: i32 = 1970;
const LAST_YEAR: i32 = 9999;

/// What a feed holds: a month back and a year ahead.
const FEED_DAYS_BACK: i64 = 31;
const FEED_DAYS_AHEAD: i64 = 366;

/// Which changes and freezes a calendar shows.
#[derive(Debug, Default)]
struct Filter {
    /// Store codes (upper case); `None`: every store.
    stores: Option<BTreeSet<String>>,
    service: Option<String>,
}

impl Filter {
    fn shows(&self, change: &CalendarChange) -> bool {
        let in_stores = match &self.stores {
            None => true,
            Some(allowed) => {
                change.booking.stores.is_empty()
                    || change
                        .booking
                        .stores
                        .iter()
                        .any(|s| allowed.contains(&s.to_uppercase()))
            }
        };
        let in_service = self
            .service
            .as_ref()
            .is_none_or(|wanted| change.device_kinds.iter().any(|k| k == wanted));
        in_stores && in_service
    }

    fn shows_freeze(&self, freeze: &FreezeWindow) -> bool {
        match &self.stores {
            None => true,
            Some(allowed) => allowed.iter().any(|code| freeze.applies_to(code)),
        }
    }

    /// The changes whose window meets `range` and every freeze, as far as this filter shows
    /// them.
    async fn read(
        &self,
        store: &dyn Store,
        range: Window,
    ) -> AppResult<(Vec<CalendarChange>, Vec<FreezeWindow>)> {
        let mut changes = store
            .calendar_changes(range.start, range.end)
            .await
            .map_err(internal)?;
        changes.retain(|c| self.shows(c));
        let mut freezes = store.freeze_windows().await.map_err(internal)?;
        freezes.retain(|f| self.shows_freeze(f));
        Ok((changes, freezes))
    }
}

fn zone_named(name: &str) -> Option<Tz> {
    name.parse().ok()
}

/// The reader's zone: their store's, else the portal's.
fn reader_zone(user: &UserView, portal_zone: &str) -> Tz {
    user.timezone
        .as_deref()
        .and_then(zone_named)
        .or_else(|| zone_named(portal_zone))
        .unwrap_or(Tz::UTC)
}

fn invalid(field: &str, message: String) -> AppError {
    AppError::invalid_field(field, message)
}

/// The filter `query` names, checked against the stores there are; and the store chosen, if
/// one is. Store staff without a store in the address read their own store.
fn filter_of(
    query: &CalendarQuery,
    stores: &[StoreAdminView],
    home_store: Option<&str>,
    services: &[String],
) -> AppResult<(Filter, Option<StoreAdminView>)> {
    let named = match query.store.as_str() {
        "" => home_store,
        ALL_STORES => None,
        code => Some(code),
    };
    let chosen = match named {
        None => None,
        Some(code) => Some(
            stores
                .iter()
                .find(|s| s.code.eq_ignore_ascii_case(code))
                .cloned()
                .ok_or_else(|| invalid("store", t("error-calendar-store")))?,
        ),
    };
    let mut allowed: Option<BTreeSet<String>> = chosen
        .as_ref()
        .map(|s| BTreeSet::from([s.code.to_uppercase()]));
    if !query.region.is_empty() {
        let in_region: BTreeSet<String> = stores
            .iter()
            .filter(|s| s.region.eq_ignore_ascii_case(&query.region))
            .map(|s| s.code.to_uppercase())
            .collect();
        if in_region.is_empty() {
            return Err(invalid("region", t("error-calendar-region")));
        }
        allowed = Some(match allowed {
            Some(codes) => codes.intersection(&in_region).cloned().collect(),
            None => in_region,
        });
    }
    let service = match query.service.as_str() {
        "" => None,
        kind => Some(
            services
                .iter()
                .find(|s| s.eq_ignore_ascii_case(kind))
                .cloned()
                .ok_or_else(|| invalid("service", t("error-calendar-service")))?,
        ),
    };
    Ok((
        Filter {
            stores: allowed,
            service,
        },
        chosen,
    ))
}

/// "22:00–23:30", or "22:00 – 16 Dec, 04:00" when it ends on another day.
fn when(window: &Window, zone: Tz) -> String {
    let i18n = i18n();
    let start = window.start.with_timezone(&zone);
    let end = window.end.with_timezone(&zone);
    let (first, last) = days_touched(window, zone);
    if first == last {
        t_with(
            "calendar-when-same-day",
            &[
                ("start", Arg::Text(i18n.time(&start))),
                ("end", Arg::Text(i18n.time(&end))),
            ],
        )
    } else {
        t_with(
            "calendar-when-until",
            &[
                ("start", Arg::Text(i18n.time(&start))),
                ("end", Arg::Text(i18n.day_month_time(&end))),
            ],
        )
    }
}

fn heading(span: Span, focus_first: NaiveDate) -> String {
    match span {
        Span::Month => t_with(
            "calendar-month",
            &[
                ("month", Arg::Number(i64::from(focus_first.month()))),
                ("year", Arg::Text(focus_first.year().to_string())),
            ],
        ),
        Span::Week => t_with(
            "calendar-week-of",
            &[
                ("day", Arg::Text(i18n().weekday_day_month(&focus_first))),
                ("year", Arg::Text(focus_first.year().to_string())),
            ],
        ),
    }
}

/// The kinds of device there are, each once, sorted: the service filter's choices.
async fn device_kinds(store: &dyn Store) -> AppResult<Vec<String>> {
    let kinds: BTreeSet<String> = store
        .devices(None)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|d| d.kind)
        .collect();
    Ok(kinds.into_iter().collect())
}

/// A calendar page for `user`: any signed-in person may read it.
pub async fn calendar(
    store: &dyn Store,
    user: &UserView,
    query: &CalendarQuery,
    portal_zone: &str,
    now: DateTime<Utc>,
) -> AppResult<CalendarView> {
    let span = match query.span.as_str() {
        "" => Span::Month,
        text => Span::parse(text).ok_or_else(|| invalid("span", t("error-calendar-span")))?,
    };
    let stores = store.all_stores().await.map_err(internal)?;
    let services = device_kinds(store).await?;
    let home = (user.role == Role::StoreStaff)
        .then_some(user.store.as_deref())
        .flatten();
    let (filter, chosen) = filter_of(query, &stores, home, &services)?;
    let zone = chosen
        .as_ref()
        .and_then(|s| zone_named(&s.timezone))
        .unwrap_or_else(|| reader_zone(user, portal_zone));
    let today = now.with_timezone(&zone).date_naive();
    let day = match query.day.as_str() {
        "" => today,
        text => text
            .parse::<NaiveDate>()
            .ok()
            // Years people plan in; far ones would run the month arithmetic off chrono's range.
            .filter(|d| (FIRST_YEAR..=LAST_YEAR).contains(&d.year()))
            .ok_or_else(|| invalid("day", t("error-calendar-day")))?,
    };
    let page = period(span, day);
    let range = page.instants(zone);
    let (changes, freezes) = filter.read(store, range).await?;
    let linked = works_changes(user.role);
    let i18n = i18n();
    let mut in_focus = BTreeSet::new();
    let days = page
        .days()
        .into_iter()
        .map(|d| {
            let on_day = changes.iter().filter_map(|c| {
                let (first, last) = days_touched(&c.booking.window, zone);
                (first <= d && d <= last).then(|| (c, first < d))
            });
            let entries: Vec<CalendarEntry> = on_day
                .map(|(c, continued)| {
                    if page.in_focus(d) {
                        in_focus.insert(c.booking.number.clone());
                    }
                    entry(c, zone, continued, linked)
                })
                .collect();
            CalendarDay {
                day: d,
                label: i18n.weekday_day_month(&d),
                in_focus: page.in_focus(d),
                today: d == today,
                changes: entries,
                freezes: freezes
                    .iter()
                    .filter(|f| f.covers(d))
                    .map(|f| f.name.clone())
                    .collect(),
            }
        })
        .collect();
    let mut regions: Vec<String> = stores.iter().map(|s| s.region.clone()).collect();
    regions.sort();
    regions.dedup();
    let shown_store = match &chosen {
        Some(s) => s.code.clone(),
        None if query.store == ALL_STORES => ALL_STORES.into(),
        None => String::new(),
    };
    Ok(CalendarView {
        query: CalendarQuery {
            store: shown_store,
            ..query.at(span, day)
        },
        span,
        heading: heading(span, page.focus_first),
        zone: zone.name().to_string(),
        days,
        change_count: in_focus.len(),
        previous: page.previous(),
        next: page.next(),
        today,
        stores: stores.into_iter().map(|s| (s.code, s.name)).collect(),
        regions,
        services,
        feed_since: store.calendar_feed_since(user.id).await.map_err(internal)?,
    })
}

fn entry(c: &CalendarChange, zone: Tz, continued: bool, linked: bool) -> CalendarEntry {
    CalendarEntry {
        number: c.booking.number.clone(),
        title: c.title.clone(),
        kind: c.kind,
        state: c.state,
        when: when(&c.booking.window, zone),
        start: c.booking.window.start,
        continued,
        stores: c.booking.stores.clone(),
        services: c.device_kinds.clone(),
        link: linked.then(|| format!("/changes/{}", crate::url::encode(&c.booking.number))),
    }
}

/// The changes booked in the next `PLANNED_DAYS` (or under way now), every store's, soonest
/// first.
pub async fn planned(store: &dyn Store, now: DateTime<Utc>) -> AppResult<Vec<PlannedChange>> {
    Ok(store
        .calendar_changes(now, now + Duration::days(PLANNED_DAYS))
        .await
        .map_err(internal)?
        .into_iter()
        .filter(|c| c.state.holds_its_window())
        .map(|c| PlannedChange {
            number: c.booking.number,
            title: c.title,
            start: c.booking.window.start,
            end: c.booking.window.end,
            stores: c.booking.stores,
            state: c.state,
        })
        .collect())
}

/// What is planned in `user`'s store (nothing for someone without one).
pub async fn planned_for(
    store: &dyn Store,
    user: &UserView,
    now: DateTime<Utc>,
) -> AppResult<Vec<PlannedChange>> {
    let Some(home) = user.store.as_deref() else {
        return Ok(Vec::new());
    };
    let mut planned = planned(store, now).await?;
    planned.retain(|p| p.concerns(home));
    Ok(planned)
}

/// Gives `user` a new calendar feed, ending the one they had; answers with its address under
/// `origin`. The token is shown this once: only its hash is kept.
pub async fn new_feed(
    store: &dyn Store,
    user: &UserView,
    origin: &str,
    now: DateTime<Utc>,
) -> AppResult<String> {
    let token = session::new_token();
    store
        .set_calendar_feed(user.id, Some(&session::token_hash(&token)), now)
        .await
        .map_err(internal)?;
    Ok(format!(
        "{}/calendar.ics?token={}",
        origin.trim_end_matches('/'),
        crate::url::encode(&token)
    ))
}

/// Ends `user`'s calendar feed: its address answers "not found" from now on.
pub async fn end_feed(store: &dyn Store, user: &UserView, now: DateTime<Utc>) -> AppResult<()> {
    store
        .set_calendar_feed(user.id, None, now)
        .await
        .map_err(internal)
}

/// The feed `token` opens, as an iCalendar file: the changes its owner's calendar shows from a
/// month back to a year ahead, and the freezes that apply to them. An unknown or ended token,
/// or a person no longer active, is "not found".
pub async fn feed(
    store: &dyn Store,
    token: &str,
    origin: &str,
    now: DateTime<Utc>,
) -> AppResult<String> {
    let owner = store
        .calendar_feed_owner(&session::token_hash(token.trim()))
        .await
        .map_err(internal)?
        .ok_or_else(|| AppError::not_found(t("error-calendar-feed-unknown")))?;
    let filter = match (owner.role, owner.store) {
        (Role::StoreStaff, Some(code)) => Filter {
            stores: Some(BTreeSet::from([code.to_uppercase()])),
            service: None,
        },
        _ => Filter::default(),
    };
    let range = Window {
        start: now - Duration::days(FEED_DAYS_BACK),
        end: now + Duration::days(FEED_DAYS_AHEAD),
    };
    let (changes, freezes) = filter.read(store, range).await?;
    Ok(ics::calendar(&ics::Feed {
        name: t("calendar-feed-name"),
        changes: &changes,
        freezes: &freezes,
        link_base: works_changes(owner.role).then_some(origin),
        now,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::{ChangeKind, ChangeState};
    use crate::domain::change_calendar::Booking;

    fn place(code: &str, region: &str) -> StoreAdminView {
        StoreAdminView {
            code: code.into(),
            name: format!("Store {code}"),
            region: region.into(),
            timezone: "Europe/Berlin".into(),
            calendar: None,
            devices: 0,
            revision: 1,
        }
    }

    fn change(stores: &[&str], kinds: &[&str]) -> CalendarChange {
        let start = Utc::now();
        CalendarChange {
            booking: Booking {
                number: "CHG0000001".into(),
                window: Window {
                    start,
                    end: start + Duration::hours(2),
                },
                stores: stores.iter().map(|s| s.to_string()).collect(),
                devices: Vec::new(),
            },
            title: "Firmware".into(),
            kind: ChangeKind::Normal,
            state: ChangeState::Scheduled,
            device_kinds: kinds.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn query(store: &str, region: &str, service: &str) -> CalendarQuery {
        CalendarQuery {
            store: store.into(),
            region: region.into(),
            service: service.into(),
            ..Default::default()
        }
    }

    #[test]
    fn store_staff_see_their_store_and_central_changes_unless_they_ask_for_all() {
        let stores = [place("S012", "North"), place("S020", "South")];
        let services = vec!["till".to_string()];
        let (own, chosen) =
            filter_of(&query("", "", ""), &stores, Some("S012"), &services).unwrap();
        assert_eq!(chosen.map(|s| s.code), Some("S012".into()));
        assert!(own.shows(&change(&["S012"], &[])));
        assert!(!own.shows(&change(&["S020"], &[])));
        assert!(
            own.shows(&change(&[], &[])),
            "a central change shows everywhere"
        );
        let (all, chosen) =
            filter_of(&query(ALL_STORES, "", ""), &stores, Some("S012"), &services).unwrap();
        assert!(chosen.is_none());
        assert!(all.shows(&change(&["S020"], &[])));
    }

    #[test]
    fn region_and_service_narrow_and_unknown_names_are_refused_beside_their_field() {
        let stores = [place("S012", "North"), place("S020", "South")];
        let services = vec!["card reader".to_string(), "till".to_string()];
        let (north, _) = filter_of(&query("", "north", "Till"), &stores, None, &services).unwrap();
        assert!(north.shows(&change(&["S012"], &["till"])));
        assert!(!north.shows(&change(&["S012"], &["card reader"])));
        assert!(!north.shows(&change(&["S020"], &["till"])));
        for (q, field) in [
            (query("S999", "", ""), "store"),
            (query("", "West", ""), "region"),
            (query("", "", "fax"), "service"),
        ] {
            match filter_of(&q, &stores, None, &services) {
                Err(AppError::Invalid { fields }) => assert!(fields.contains_key(field)),
                other => panic!("{field}: {other:?}"),
            }
        }
    }
}
