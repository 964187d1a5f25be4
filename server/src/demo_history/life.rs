//! One ticket's life. First a script: the moments its approver decides, the desk takes it,
//! asks, the requester answers, the desk resolves, the requester reopens or rates, the job
//! closes it; times are drawn in business minutes against the ticket's own SLA plan and
//! turned into instants with `sla::due_at`, so the clocks use exactly the minutes drawn.
//! Then the script is replayed up to the end of the history with the desk's own moves (a state
//! change and its audit event, a pause wherever `pauses_sla` says), and `TicketClocks` gives
//! the due times and used minutes the live code would store. Drawing the script never looks at
//! the end, so the random stream does not depend on how much of a life falls before it.

use super::population::{Draft, Population};
use super::reference::Reference;
use super::replay::{Cast, Replay, Step};
use super::{answers, shape, words, Alert, HistoryTicket};
use app::backend::desk::plan_new_ticket;
use app::domain::calendar::BusinessCalendar;
use app::domain::priority::ServiceLevels;
use app::domain::sla::{self, Pause, WARNING_PERCENT};
use app::domain::ticket_sla::{Clock, TicketClocks};
use app::domain::{TicketKind, TicketState};
use chrono::{DateTime, Duration, Utc};
use rand::seq::SliceRandom;
use rand::Rng;
use std::cell::RefCell;
use std::collections::HashMap;

/// Requests the approver turns down.
const REJECTED: f64 = 0.07;
/// Tickets on which the desk asks the requester something (the clocks pause meanwhile).
const ASKED: f64 = 0.15;
/// Questions that go unanswered for weeks.
const LONG_WAIT: f64 = 0.04;
/// Resolved tickets the requester reopens.
const REOPENED: f64 = 0.04;
/// Resolved tickets the requester rates.
const RATED: f64 = 0.3;
/// Tickets the requester withdraws.
const CANCELLED: f64 = 0.03;

pub struct Context<'a> {
    levels: &'a ServiceLevels,
    reference: &'a Reference,
    auto_close: Duration,
    end: DateTime<Utc>,
    cast: Cast,
    emails: Vec<String>,
    /// Built calendars by their JSON: a few plans serve every ticket.
    calendars: RefCell<HashMap<String, BusinessCalendar>>,
}

impl<'a> Context<'a> {
    pub fn new(
        levels: &'a ServiceLevels,
        reference: &'a Reference,
        auto_close: Duration,
        end: DateTime<Utc>,
    ) -> Self {
        // Someone on the desk answers tickets whose group has no members (an edited seed).
        let desk = reference
            .users
            .iter()
            .find(|u| matches!(u.role.as_str(), "agent" | "manager" | "admin"))
            .map_or(reference.system_user, |u| u.id);
        let emails = reference
            .users
            .iter()
            .filter(|u| super::people::is_colleague(&u.email))
            .map(|u| u.email.clone())
            .collect();
        Context {
            levels,
            reference,
            auto_close,
            end,
            cast: Cast {
                system_user: reference.system_user,
                desk,
                auto_close_days: auto_close.num_days(),
            },
            emails,
            calendars: RefCell::new(HashMap::new()),
        }
    }

    /// The ticket `draft` becomes, as it stands at the end of the history.
    pub fn live(
        &self,
        rng: &mut impl Rng,
        population: &Population,
        draft: &Draft,
    ) -> Result<HistoryTicket, crate::BoxError> {
        let item = population.item(draft);
        let store = draft.store.map(|s| &self.reference.stores[s]);
        let asset_tag = draft.asset.map(|a| self.reference.assets[a].tag.as_str());
        let approver = item
            .requires_approval
            .then(|| self.reference.user(draft.requester)?.manager_id)
            .flatten();
        let initial = TicketState::initial(approver.is_some());
        let mut desk = plan_new_ticket(
            self.levels,
            &item.category,
            &item.fulfilment_group,
            draft.impact.clone(),
            draft.urgency.clone(),
            None,
            store.map(|s| (s.code.clone(), s.hours.clone())),
            asset_tag.map(str::to_string),
            initial,
            draft.created_at,
        )
        .map_err(|e| e.to_string())?;
        let calendar_json = serde_json::to_string(&desk.calendar)?;
        let calendar = self.calendar(&calendar_json, &desk.calendar)?;
        let answers = answers::answers(
            rng,
            &item.schema,
            self.levels,
            &answers::Known {
                store: store.map(|s| s.code.as_str()),
                asset: asset_tag,
                impact: draft.impact.as_deref(),
                urgency: draft.urgency.as_deref(),
                incident: item.kind == TicketKind::Incident,
                created_at: draft.created_at,
                emails: &self.emails,
            },
        );
        let idempotency_key = words::idempotency_key(rng);
        let plan = Plan {
            priority: desk.priority,
            calendar: &calendar,
            created_at: draft.created_at,
            response: desk.response_minutes,
            resolution: desk.resolution_minutes,
        };
        let script = self.script(
            rng,
            &plan,
            draft,
            approver,
            &desk.assignment_group,
            item.kind,
        );

        let mut life = Replay::new(
            self.cast,
            draft.requester,
            approver,
            initial,
            draft.created_at,
        );
        for (at, step) in script {
            if at > self.end {
                break;
            }
            life.apply(at, step);
        }
        let clocks = TicketClocks {
            calendar: &calendar,
            started_at: draft.created_at,
            response: Duration::minutes(desk.response_minutes),
            resolution: Duration::minutes(desk.resolution_minutes),
            pauses: &life.pauses,
            responded_at: life.responded_at,
            resolved_at: life.resolved_at,
            state: life.state,
        };
        desk.due = clocks.due_times();
        let used = clocks.used_minutes();
        let alerts = self.alerts(&plan, &life);
        for alert in &alerts {
            life.events.push(crate::jobs::alert_event(
                alert.clock,
                alert.breach,
                alert.due_at,
                self.reference.system_user,
                alert.raised_at,
            ));
        }
        // The timeline reads in id order: alerts go between the steps they fell among.
        life.events.sort_by_key(|e| e.now);
        Ok(HistoryTicket {
            kind: item.kind,
            item_id: item.id,
            form_version: item.form_version,
            title: item.name.clone(),
            requester_id: draft.requester,
            on_behalf_of: answers::on_behalf_of(&answers),
            approver_id: approver,
            state: life.state,
            answers_json: serde_json::to_string(&answers)?,
            idempotency_key,
            created_at: draft.created_at,
            updated_at: life.updated_at,
            revision: life.revision,
            desk,
            calendar_json,
            assignee_id: life.assignee.map(|(id, _)| id),
            responded_at: life.responded_at,
            resolved_at: life.resolved_at,
            resolution_code: life.resolution_code,
            used,
            reopen_count: life.reopen_count,
            events: life.events,
            pauses: life.pauses,
            alerts,
            rating: life.rating,
        })
    }

    fn calendar(
        &self,
        json: &str,
        spec: &app::domain::calendar::CalendarSpec,
    ) -> Result<BusinessCalendar, String> {
        if let Some(c) = self.calendars.borrow().get(json) {
            return Ok(c.clone());
        }
        let built = spec.build()?;
        self.calendars
            .borrow_mut()
            .insert(json.to_string(), built.clone());
        Ok(built)
    }

    fn agent(&self, rng: &mut impl Rng, group: &str) -> Option<(i64, String)> {
        self.reference.members_of(group).choose(rng).cloned()
    }

    /// The ticket's steps with their instants, whether or not they fall before the end.
    fn script(
        &self,
        rng: &mut impl Rng,
        plan: &Plan,
        draft: &Draft,
        approver: Option<i64>,
        group: &str,
        kind: TicketKind,
    ) -> Vec<(DateTime<Utc>, Step)> {
        let created = plan.created_at;
        let priority = plan.priority;
        let mut steps = Vec::new();
        // The spans the clocks stand still, as the replay will record them.
        let mut pauses: Vec<Pause> = Vec::new();
        if approver.is_some() {
            let decided =
                created + Duration::minutes(shape::wall_minutes(rng, 240.0, 1.1, 5, 6 * 24 * 60));
            let approve = !shape::chance(rng, REJECTED);
            pauses.push(Pause {
                from: created,
                to: Some(decided),
            });
            let body = words::decision(rng, approve);
            steps.push((decided, Step::Decide { approve, body }));
            if !approve {
                return steps;
            }
        }
        let share = |rng: &mut _, pace| shape::share_of_target(rng, pace, draft.slowness);
        let respond = ((plan.response as f64 * share(rng, shape::response_pace(priority))).round()
            as i64)
            .max(1);
        let agent = self.agent(rng, group);
        steps.push((plan.at(respond, &pauses), Step::Take { agent }));
        let mut work = ((plan.resolution as f64 * share(rng, shape::resolution_pace(priority)))
            .round() as i64)
            .max(respond + rng.gen_range(2..30));
        let incident = kind == TicketKind::Incident;
        if shape::chance(rng, ASKED) {
            let asked_after =
                respond + 1 + ((work - respond - 1) as f64 * rng.gen_range(0.0..0.6)) as i64;
            let asked = plan.at(asked_after, &pauses);
            let waited = if shape::chance(rng, LONG_WAIT) {
                rng.gen_range(7 * 24 * 60..40 * 24 * 60)
            } else {
                shape::wall_minutes(rng, 300.0, 1.2, 5, 5 * 24 * 60)
            };
            let answered = asked + Duration::minutes(waited);
            pauses.push(Pause {
                from: asked,
                to: Some(answered),
            });
            steps.push((
                asked,
                Step::Ask {
                    body: words::question(rng, incident),
                },
            ));
            steps.push((
                answered,
                Step::Answer {
                    body: words::reply_to_question(rng, incident),
                },
            ));
        }
        let mut resolved = plan.at(work, &pauses);
        let first_resolved = resolved;
        let code = words::resolution_code(rng, &self.levels.resolution_codes, incident);
        let body = words::resolution(rng, &code);
        steps.push((resolved, Step::Resolve { code, body }));
        let reopened = shape::chance(rng, REOPENED);
        if reopened {
            // Within the grace period, or the requester could not have reopened it.
            let latest = (self.auto_close.num_minutes() - 60).clamp(31, 3 * 24 * 60);
            let back = resolved + Duration::minutes(rng.gen_range(30..latest));
            pauses.push(Pause {
                from: resolved,
                to: Some(back),
            });
            steps.push((
                back,
                Step::Reopen {
                    body: words::reopen_reason(rng),
                },
            ));
            work += ((plan.resolution as f64 * rng.gen_range(0.05..0.5)).round() as i64).max(5);
            resolved = plan.at(work, &pauses);
            let code = words::resolution_code(rng, &self.levels.resolution_codes, incident);
            let body = words::resolution(rng, &code);
            steps.push((resolved, Step::Resolve { code, body }));
        }
        // The auto-close job runs every ten minutes.
        let closed = resolved + self.auto_close + Duration::seconds(rng.gen_range(0..600));
        steps.push((closed, Step::Close));
        if shape::chance(rng, RATED) {
            let rating = shape::rating(rng, work > plan.resolution, reopened);
            let comment = words::rating_comment(rng, rating);
            let at =
                resolved + Duration::minutes(shape::wall_minutes(rng, 150.0, 1.3, 1, 4 * 24 * 60));
            steps.push((at, Step::Rate { rating, comment }));
        }
        if shape::chance(rng, CANCELLED) {
            let before = (first_resolved - created).num_seconds().max(2);
            let cancelled = created + Duration::seconds(rng.gen_range(1..before));
            steps.retain(|(at, _)| *at < cancelled);
            steps.push((
                cancelled,
                Step::Cancel {
                    body: words::cancel_reason(rng),
                },
            ));
        }
        steps.sort_by_key(|(at, _)| *at);
        steps
    }

    /// The warnings and breaches the SLA job raised while a clock was chasing its goal: until
    /// the goal was met, the ticket finished, or the history ended.
    fn alerts(&self, plan: &Plan, life: &Replay) -> Vec<Alert> {
        let finished = life.state.is_final().then_some(life.updated_at);
        let resolved = matches!(life.state, TicketState::Resolved | TicketState::Closed)
            .then_some(life.resolved_at)
            .flatten();
        let mut alerts = Vec::new();
        for (clock, minutes, met) in [
            (Clock::Response, plan.response, life.responded_at),
            (Clock::Resolution, plan.resolution, resolved),
        ] {
            let chased_until = [met, finished, Some(self.end)]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(self.end);
            let target = Duration::minutes(minutes);
            let warn = target * WARNING_PERCENT as i32 / 100;
            let Some(due) = sla::due_at(plan.calendar, plan.created_at, target, &life.pauses)
            else {
                continue;
            };
            if let Some(w) = sla::due_at(plan.calendar, plan.created_at, warn, &life.pauses) {
                if w < chased_until {
                    alerts.push(Alert {
                        clock,
                        breach: false,
                        due_at: due,
                        raised_at: w,
                    });
                }
            }
            // Breached as the dashboard judges it: more business time used than the target.
            if due < chased_until
                && sla::elapsed(plan.calendar, plan.created_at, chased_until, &life.pauses) > target
            {
                alerts.push(Alert {
                    clock,
                    breach: true,
                    due_at: due,
                    raised_at: due,
                });
            }
        }
        alerts
    }
}

/// A ticket's SLA plan as the script needs it.
struct Plan<'c> {
    priority: app::domain::priority::Priority,
    calendar: &'c BusinessCalendar,
    created_at: DateTime<Utc>,
    response: i64,
    resolution: i64,
}

impl Plan<'_> {
    /// The instant at which `minutes` of business time have run since the ticket was raised,
    /// pauses excluded: the inverse of what `TicketClocks::used_minutes` counts.
    fn at(&self, minutes: i64, pauses: &[Pause]) -> DateTime<Utc> {
        sla::due_at(
            self.calendar,
            self.created_at,
            Duration::minutes(minutes),
            pauses,
        )
        .unwrap_or(self.created_at + Duration::minutes(minutes))
    }
}
