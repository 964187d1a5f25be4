//! The generator without a database: the shipped demo data as the reference, and the rules
//! every generated ticket must keep whatever the dice say.

use super::life::Context;
use super::population::Population;
use super::reference::{ArticleRef, AssetRef, ItemRef, Reference, StoreRef, UserRef};
use super::*;
use app::backend::store::EventKind;
use app::domain::priority::StoreHours;
use app::domain::FormSchema;
use chrono::TimeZone;

fn args(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_string).collect()
}

#[test]
fn options_parse_and_say_what_is_wrong() {
    let o = Options::parse(&args("--months 12 --tickets 100000 --seed 7 --if-empty")).unwrap();
    assert_eq!(
        o,
        Options {
            months: 12,
            tickets: 100_000,
            seed: 7,
            until: None,
            if_empty: true
        }
    );
    let o = Options::parse(&args("--until 2026-11-30T18:00:00Z")).unwrap();
    assert_eq!(o.until.unwrap().to_rfc3339(), "2026-11-30T18:00:00+00:00");
    assert_eq!(o.months, 6);
    assert!(Options::parse(&args("--months 0"))
        .unwrap_err()
        .contains("--months"));
    assert!(Options::parse(&args("--tickets"))
        .unwrap_err()
        .contains("needs a value"));
    assert!(Options::parse(&args("--weeks 3"))
        .unwrap_err()
        .contains("unknown option"));
}

fn levels() -> ServiceLevels {
    toml::from_str(include_str!("../../config/service-levels.toml")).unwrap()
}

/// The shipped demo data as the database would hold it (ids by position; 1 is the system
/// user), with the generated colleagues.
fn reference() -> Reference {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seed");
    let seed = crate::seed::SeedData::read(&dir).unwrap();
    let emails: Vec<String> = seed.users.iter().map(|u| u.email.to_lowercase()).collect();
    let id_of = |email: &str| {
        emails
            .iter()
            .position(|e| e == &email.to_lowercase())
            .map(|i| i as i64 + 2)
    };
    let mut reference = Reference {
        stores: seed
            .stores
            .iter()
            .map(|s| StoreRef {
                code: s.code.clone(),
                hours: StoreHours {
                    timezone: s.timezone.clone(),
                    calendar: s.calendar.clone(),
                },
            })
            .collect(),
        assets: seed
            .stores
            .iter()
            .flat_map(|s| {
                s.assets.iter().map(|a| AssetRef {
                    tag: a.tag.clone(),
                    store_code: s.code.clone(),
                    kind: a.kind.clone(),
                })
            })
            .collect(),
        items: seed
            .items
            .iter()
            .enumerate()
            .map(|(n, i)| ItemRef {
                id: n as i64 + 1,
                slug: i.slug.clone(),
                name: i.name.clone(),
                kind: TicketKind::parse(&i.kind).unwrap(),
                category: i.category.clone(),
                requires_approval: i.requires_approval,
                fulfilment_group: i.fulfilment_group.clone(),
                retired: i.retired,
                form_version: 1,
                schema: FormSchema {
                    fields: i.fields.clone(),
                },
            })
            .collect(),
        users: seed
            .users
            .iter()
            .map(|u| UserRef {
                id: id_of(&u.email).unwrap(),
                email: u.email.to_lowercase(),
                name: u.name.clone(),
                role: u.role.clone(),
                manager_id: u.manager.as_deref().and_then(id_of),
                store_code: u.store.clone(),
            })
            .collect(),
        group_members: seed
            .users
            .iter()
            .flat_map(|u| {
                let id = id_of(&u.email).unwrap();
                u.groups
                    .iter()
                    .map(move |g| (g.clone(), id, u.name.clone()))
            })
            .collect(),
        articles: crate::kb_import::read_folder(&dir.join("kb"))
            .unwrap()
            .into_iter()
            .map(|a| ArticleRef {
                slug: a.slug,
                related_items: a.related_items,
            })
            .collect(),
        system_user: 1,
    };
    let first_new = reference.users.len() as i64 + 2;
    for (n, p) in people::colleagues(&reference).into_iter().enumerate() {
        reference.users.push(UserRef {
            id: first_new + n as i64,
            email: p.email,
            name: p.name,
            role: p.role.into(),
            manager_id: p.manager_id,
            store_code: p.store_code,
        });
    }
    reference
}

#[test]
fn every_generated_ticket_keeps_the_desk_rules() {
    let levels = levels();
    let reference = reference();
    let end = Utc.with_ymd_and_hms(2026, 11, 20, 16, 30, 0).unwrap();
    let start = end - Duration::days(90);
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let population = Population::new(&reference, &levels, &mut rng).unwrap();
    let drafts = population.drafts(&mut rng, 800, start, end);
    assert_eq!(drafts.len(), 800);
    assert!(drafts
        .windows(2)
        .all(|w| w[0].created_at <= w[1].created_at));
    let life = Context::new(&levels, &reference, Duration::days(5), end);
    let mut states = std::collections::HashMap::new();
    for draft in &drafts {
        let t = life.live(&mut rng, &population, draft).unwrap();
        *states.entry(t.state).or_insert(0) += 1;
        let number = format!("{:?} created {}", t.state, t.created_at);
        assert!(t.created_at >= start && t.updated_at <= end, "{number}");
        assert_eq!(t.events[0].kind, EventKind::Submitted, "{number}");
        assert!(
            t.events.windows(2).all(|w| w[0].now <= w[1].now),
            "{number}: timeline out of order"
        );
        assert!(
            t.events.iter().all(|e| e.now <= end),
            "{number}: an event after the end"
        );
        // The clocks stand still exactly while the state says so.
        let open_pauses = t.pauses.iter().filter(|p| p.to.is_none()).count();
        assert_eq!(open_pauses, usize::from(t.state.pauses_sla()), "{number}");
        assert!(
            t.pauses.iter().all(|p| p.to.is_none_or(|to| to >= p.from)),
            "{number}"
        );
        let finished = matches!(t.state, TicketState::Resolved | TicketState::Closed);
        assert_eq!(t.used.resolution.is_some(), finished, "{number}");
        assert!(
            t.rating.is_none() || finished,
            "{number}: rated before it was done"
        );
        if let (Some(responded), Some(resolved)) = (t.responded_at, t.resolved_at) {
            assert!(responded <= resolved, "{number}");
        }
        // A breach alert exactly when the figure says breached.
        if let Some(used) = t.used.resolution {
            let breach = t
                .alerts
                .iter()
                .any(|a| a.breach && a.clock == Clock::Resolution);
            assert_eq!(breach, used > t.desk.resolution_minutes, "{number}");
        }
        // Open work is in the queue with a due time; finished work chases nothing.
        match t.state {
            TicketState::New | TicketState::InProgress => {
                assert!(t.desk.due.next_due_at.is_some(), "{number}")
            }
            s if s.is_final() || s == TicketState::Resolved => {
                assert!(t.desk.due.next_due_at.is_none(), "{number}")
            }
            _ => {}
        }
        assert_eq!(
            t.reopen_count,
            t.events
                .iter()
                .filter(|e| e.kind == EventKind::Reopened)
                .count() as i64
        );
        if t.approver_id.is_some() {
            assert_eq!(t.events[1].kind, EventKind::ApprovalRequested, "{number}");
        }
    }
    for state in [
        TicketState::Closed,
        TicketState::Resolved,
        TicketState::InProgress,
        TicketState::Cancelled,
    ] {
        assert!(
            states.get(&state).copied().unwrap_or(0) > 0,
            "no {state:?} ticket in {states:?}"
        );
    }
}
