//! Who reports what, where and when: the catalog mix (tills break more often than laptops are
//! ordered), one store that has a worse time than the others, a few devices that keep failing,
//! and arrival times shaped like a working week in each reporter's own calendar.

use super::people;
use super::reference::{ItemRef, Reference};
use super::shape;
use app::domain::calendar::BusinessCalendar;
use app::domain::priority::{Priority, ServiceLevels};
use app::domain::{FieldKind, TicketKind};
use chrono::{DateTime, Datelike, Duration, Timelike, Utc};
use rand::seq::SliceRandom;
use rand::Rng;

/// One ticket before its life is drawn: what, where, who, when, and how slowly it will go.
#[derive(Clone, Debug)]
pub struct Draft {
    /// Index into `Reference::items`.
    pub item: usize,
    /// Index into `Reference::stores`.
    pub store: Option<usize>,
    /// Index into `Reference::assets`.
    pub asset: Option<usize>,
    pub requester: i64,
    /// Keys of the priority matrix's levels.
    pub impact: Option<String>,
    pub urgency: Option<String>,
    pub created_at: DateTime<Utc>,
    /// Multiplies the share of each target the desk uses (1.0: its usual pace).
    pub slowness: f64,
}

/// How often each demo item is used, relative to one another. Items not named here (an
/// edited catalog) get `OTHER_ITEM`.
const ITEM_WEIGHTS: &[(&str, f64)] = &[
    ("pos-terminal-fault", 12.0),
    ("receipt-printer-fault", 8.0),
    ("card-reader-fault", 7.0),
    ("barcode-scanner-fault", 5.0),
    ("cash-drawer-fault", 4.0),
    ("other-store-fault", 3.0),
    ("store-network-outage", 2.5),
    ("laptop-fault", 5.0),
    ("lost-stolen-device", 1.0),
    ("password-reset-help", 8.0),
    ("mfa-reset", 4.0),
    ("how-to-question", 5.0),
    ("software-install", 4.0),
    ("application-access", 4.0),
    ("file-share-access", 3.0),
    ("shared-mailbox-access", 2.5),
    ("new-starter", 2.5),
    ("leaver", 2.0),
];
const OTHER_ITEM: f64 = 1.5;

/// Device kinds an item's faults land on, where the slug does not say (a till fault is a
/// register's, and so is a stuck cash drawer).
const ASSET_KINDS: &[(&str, &str)] = &[
    ("pos-terminal-fault", "register"),
    ("cash-drawer-fault", "register"),
];

/// The store that has a worse time: more faults, and slower fixes.
const WORSE_STORE_FAULTS: f64 = 1.8;
const WORSE_STORE_SLOWNESS: f64 = 1.3;
/// Devices that keep failing, and the share of all tickets each of them gets.
const RECURRING_DEVICES: usize = 2;
const RECURRING_SHARE: f64 = 0.01;
/// Tickets that get stuck (waiting on a supplier, forgotten): several times their target.
const STUCK_SHARE: f64 = 0.015;
/// Tickets the demo accounts raise themselves, so their own pages show some history too.
const DEMO_ACCOUNT_SHARE: f64 = 0.03;

pub struct Population<'a> {
    reference: &'a Reference,
    levels: &'a ServiceLevels,
    /// Live items and how often each is used.
    items: Vec<usize>,
    item_weights: Vec<f64>,
    store_weights: Vec<f64>,
    store_slowness: Vec<f64>,
    /// Asset indexes per store.
    store_assets: Vec<Vec<usize>>,
    /// (asset, items that report its faults)
    recurring: Vec<(usize, Vec<usize>)>,
    /// Each store's calendar (trading hours), and the office's: when people report things.
    store_calendars: Vec<BusinessCalendar>,
    office_calendar: BusinessCalendar,
}

impl<'a> Population<'a> {
    pub fn new(
        reference: &'a Reference,
        levels: &'a ServiceLevels,
        rng: &mut impl Rng,
    ) -> Result<Self, String> {
        let items: Vec<usize> = (0..reference.items.len())
            .filter(|&i| !reference.items[i].retired)
            .collect();
        if items.is_empty() {
            return Err("the catalog has no live items; load the demo data first".into());
        }
        let item_weights = items
            .iter()
            .map(|&i| {
                let slug = reference.items[i].slug.as_str();
                ITEM_WEIGHTS
                    .iter()
                    .find(|(s, _)| *s == slug)
                    .map_or(OTHER_ITEM, |(_, w)| *w)
            })
            .collect();
        let worse =
            (!reference.stores.is_empty()).then(|| rng.gen_range(0..reference.stores.len()));
        let store_weights = (0..reference.stores.len())
            .map(|s| {
                if Some(s) == worse {
                    WORSE_STORE_FAULTS
                } else {
                    1.0
                }
            })
            .collect();
        let store_slowness = (0..reference.stores.len())
            .map(|s| {
                if Some(s) == worse {
                    WORSE_STORE_SLOWNESS
                } else {
                    1.0
                }
            })
            .collect();
        let store_assets: Vec<Vec<usize>> = reference
            .stores
            .iter()
            .map(|s| {
                (0..reference.assets.len())
                    .filter(|&a| reference.assets[a].store_code == s.code)
                    .collect()
            })
            .collect();
        let mut population = Population {
            reference,
            levels,
            items,
            item_weights,
            store_weights,
            store_slowness,
            store_assets,
            recurring: Vec::new(),
            store_calendars: Vec::new(),
            office_calendar: calendar(levels, &levels.office_calendar, None),
        };
        population.store_calendars = reference
            .stores
            .iter()
            .map(|s| {
                let name = s
                    .hours
                    .calendar
                    .as_deref()
                    .unwrap_or(&levels.store_calendar);
                calendar(levels, name, Some(&s.hours.timezone))
            })
            .collect();
        population.recurring = population.recurring_devices(rng, worse);
        Ok(population)
    }

    /// A few devices with items that report them, one of them in the worse store when it has
    /// any.
    fn recurring_devices(
        &self,
        rng: &mut impl Rng,
        worse: Option<usize>,
    ) -> Vec<(usize, Vec<usize>)> {
        let mut candidates: Vec<usize> = (0..self.reference.assets.len())
            .filter(|&a| !self.items_for_asset(a).is_empty())
            .collect();
        candidates.shuffle(rng);
        if let Some(w) = worse {
            let code = &self.reference.stores[w].code;
            candidates.sort_by_key(|&a| self.reference.assets[a].store_code != *code);
        }
        candidates
            .into_iter()
            .take(RECURRING_DEVICES)
            .map(|a| (a, self.items_for_asset(a)))
            .collect()
    }

    fn items_for_asset(&self, asset: usize) -> Vec<usize> {
        let kind = &self.reference.assets[asset].kind;
        self.items
            .iter()
            .copied()
            .filter(|&i| {
                let item = &self.reference.items[i];
                item.asks(FieldKind::Asset)
                    && asset_kinds(item, &self.reference.assets).contains(kind)
            })
            .collect()
    }

    /// `count` tickets between `start` and `end`, in the order they were raised.
    pub fn drafts(
        &self,
        rng: &mut impl Rng,
        count: usize,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> Vec<Draft> {
        let per_device = ((count as f64 * RECURRING_SHARE) as usize)
            .max(4)
            .min(count / 10);
        let mut drafts = Vec::with_capacity(count);
        for (asset, items) in &self.recurring {
            for _ in 0..per_device {
                let item = *items.choose(rng).expect("recurring devices have items");
                drafts.push(self.draft(rng, item, Some(*asset), start, end));
            }
        }
        while drafts.len() < count {
            let item = self.items[shape::pick_weighted(rng, &self.item_weights)];
            drafts.push(self.draft(rng, item, None, start, end));
        }
        drafts.sort_by_key(|d| d.created_at);
        drafts
    }

    fn draft(
        &self,
        rng: &mut impl Rng,
        item: usize,
        asset: Option<usize>,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> Draft {
        let it = &self.reference.items[item];
        let store = match asset {
            Some(a) => self
                .reference
                .stores
                .iter()
                .position(|s| s.code == self.reference.assets[a].store_code),
            None if it.asks(FieldKind::Store) && !self.reference.stores.is_empty() => {
                Some(shape::pick_weighted(rng, &self.store_weights))
            }
            None => None,
        };
        let asset = asset.or_else(|| {
            let store = store?;
            if !it.asks(FieldKind::Asset) {
                return None;
            }
            let kinds = asset_kinds(it, &self.reference.assets);
            let fitting: Vec<usize> = self.store_assets[store]
                .iter()
                .copied()
                .filter(|&a| kinds.contains(&self.reference.assets[a].kind))
                .collect();
            fitting.choose(rng).copied()
        });
        let (impact, urgency) = if it.kind == TicketKind::Incident && it.asks(FieldKind::Impact) {
            self.severity(rng, it)
        } else {
            (None, None)
        };
        let calendar = store.map_or(&self.office_calendar, |s| &self.store_calendars[s]);
        let created_at = arrival(rng, calendar, start, end);
        let progress =
            (created_at - start).num_seconds() as f64 / (end - start).num_seconds().max(1) as f64;
        let stuck = if shape::chance(rng, STUCK_SHARE) {
            rng.gen_range(4.0..12.0)
        } else {
            1.0
        };
        let slowness =
            store.map_or(1.0, |s| self.store_slowness[s]) * shape::drift(progress) * stuck;
        Draft {
            item,
            store,
            asset,
            requester: self.requester(rng, it, store),
            impact,
            urgency,
            created_at,
            slowness,
        }
    }

    /// Impact and urgency as people pick them: mostly one device that can wait a little, now
    /// and then a whole store that cannot. An outage item is about the whole store more often.
    fn severity(&self, rng: &mut impl Rng, item: &ItemRef) -> (Option<String>, Option<String>) {
        let matrix = &self.levels.matrix;
        // Levels by how severe their row (column) of the grid is: the priorities they give.
        let rank = |n: usize, key: &dyn Fn(usize) -> usize| {
            let mut order: Vec<usize> = (0..n).collect();
            order.sort_by_key(|&i| key(i));
            order
        };
        let cell = |i: usize, u: usize| {
            matrix
                .grid
                .get(i)
                .and_then(|row| row.get(u))
                .copied()
                .unwrap_or(Priority::P4) as usize
        };
        let impacts = rank(matrix.impacts.len(), &|i| {
            (0..matrix.urgencies.len()).map(|u| cell(i, u)).sum()
        });
        let urgencies = rank(matrix.urgencies.len(), &|u| {
            (0..matrix.impacts.len()).map(|i| cell(i, u)).sum()
        });
        let outage = item.slug.contains("outage");
        let impact_weights: Vec<f64> = (0..impacts.len())
            .map(|r| {
                if outage {
                    0.6 / 3.0f64.powi(r as i32)
                } else {
                    0.06 * 3.5f64.powi(r as i32)
                }
            })
            .collect();
        let urgency_weights: Vec<f64> = (0..urgencies.len())
            .map(|r| match (urgencies.len(), r) {
                (3, 0) => 0.2,
                (3, 1) => 0.5,
                (3, _) => 0.3,
                _ => 1.0,
            })
            .collect();
        let impact = impacts
            .get(shape::pick_weighted(rng, &impact_weights))
            .map(|&i| matrix.impacts[i].key.clone());
        let urgency = urgencies
            .get(shape::pick_weighted(rng, &urgency_weights))
            .map(|&u| matrix.urgencies[u].key.clone());
        (impact, urgency)
    }

    /// Someone who would raise this: staff of the store for a store's item, office staff
    /// otherwise; only people with a line manager for items that need approval.
    fn requester(&self, rng: &mut impl Rng, item: &ItemRef, store: Option<usize>) -> i64 {
        let demo_account = shape::chance(rng, DEMO_ACCOUNT_SHARE);
        let fits = |u: &&super::reference::UserRef| {
            let place = match store {
                Some(s) => {
                    u.role == "store_staff"
                        && u.store_code.as_deref() == Some(self.reference.stores[s].code.as_str())
                }
                None => u.role == "requester",
            };
            place
                && (!item.requires_approval || u.manager_id.is_some())
                && people::is_colleague(&u.email) != demo_account
        };
        let pool: Vec<i64> = self
            .reference
            .users
            .iter()
            .filter(fits)
            .map(|u| u.id)
            .collect();
        if let Some(id) = pool.choose(rng) {
            return *id;
        }
        // No such person (an edited seed): anyone who may raise tickets and has a manager.
        let anyone: Vec<i64> = self
            .reference
            .users
            .iter()
            .filter(|u| {
                matches!(u.role.as_str(), "requester" | "store_staff") && u.manager_id.is_some()
            })
            .map(|u| u.id)
            .collect();
        anyone
            .choose(rng)
            .copied()
            .unwrap_or(self.reference.system_user)
    }

    /// Another person who could have raised `draft`.
    pub fn someone_like(&self, rng: &mut impl Rng, draft: &Draft) -> i64 {
        self.requester(rng, self.item(draft), draft.store)
    }

    pub fn item(&self, draft: &Draft) -> &ItemRef {
        &self.reference.items[draft.item]
    }
}

/// Device kinds `item` reports faults on: named in `ASSET_KINDS`, else those whose kind appears
/// in the item's slug ("receipt-printer-fault": receipt_printer), else any.
fn asset_kinds(item: &ItemRef, assets: &[super::reference::AssetRef]) -> Vec<String> {
    if let Some((_, kind)) = ASSET_KINDS.iter().find(|(slug, _)| *slug == item.slug) {
        return vec![kind.to_string()];
    }
    let mut kinds: Vec<String> = assets.iter().map(|a| a.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    let named: Vec<String> = kinds
        .iter()
        .filter(|k| item.slug.contains(&k.replace('_', "-")))
        .cloned()
        .collect();
    if named.is_empty() {
        kinds
    } else {
        named
    }
}

/// The named calendar, in `timezone` if given; 24×7 if the service levels lack it.
fn calendar(levels: &ServiceLevels, name: &str, timezone: Option<&str>) -> BusinessCalendar {
    levels
        .calendar_spec(name)
        .and_then(|spec| {
            let mut spec = spec.clone();
            if let Some(tz) = timezone {
                spec.timezone = tz.to_string();
            }
            spec.build().ok()
        })
        .unwrap_or_else(|| BusinessCalendar::always_open(name))
}

/// A moment in `[start, end)`, drawn by rejection so that reports follow the working week of
/// `calendar` (in its own zone) and grow a little over the period.
fn arrival(
    rng: &mut impl Rng,
    calendar: &BusinessCalendar,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> DateTime<Utc> {
    let span = (end - start).num_seconds().max(1);
    let tz = calendar.timezone();
    let ceiling = shape::ARRIVAL_MAX * shape::growth(1.0);
    loop {
        let offset = rng.gen_range(0..span);
        let t = start + Duration::seconds(offset);
        let local = t.with_timezone(&tz);
        let weight = shape::arrival_weight(calendar.is_open_at(t), local.weekday(), local.hour())
            * shape::growth(offset as f64 / span as f64);
        if rng.gen::<f64>() * ceiling < weight {
            return t;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrivals_keep_to_the_period_and_mostly_to_opening_hours() {
        let spec = app::domain::calendar::CalendarSpec {
            name: "office".into(),
            timezone: "Europe/London".into(),
            always_open: false,
            hours: ["mon", "tue", "wed", "thu", "fri"]
                .iter()
                .map(|d| (d.to_string(), vec!["09:00-17:00".to_string()]))
                .collect(),
            holidays: Vec::new(),
        };
        let cal = spec.build().unwrap();
        let start = DateTime::parse_from_rfc3339("2026-01-05T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let end = start + Duration::days(28);
        let mut rng = <rand_chacha::ChaCha8Rng as rand::SeedableRng>::seed_from_u64(2);
        let times: Vec<_> = (0..2000)
            .map(|_| arrival(&mut rng, &cal, start, end))
            .collect();
        assert!(times.iter().all(|t| *t >= start && *t < end));
        let open = times.iter().filter(|t| cal.is_open_at(**t)).count();
        assert!(open > 1800, "{open} of 2000 in opening hours");
        assert!(open < 2000, "a few come in after hours");
    }
}
