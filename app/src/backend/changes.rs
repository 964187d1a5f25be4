//! Change records (issue 22): raised from a problem by the desk, planned (plans, risk, window,
//! the stores and devices touched), moved through the lifecycle of `domain::change`, with every
//! save and step written to the change's timeline as one compare-and-set on its revision, so
//! two people editing at once never overwrite each other.
//!
//! Who works changes: desk agents, managers and admins. Authorisation is the approval chain's:
//! asking for it starts the chain the change policy names for the change's kind and risk, the
//! approvers decide on the Approvals page, and the decision that ends the chain moves the change
//! (`Move::Authorised` / `Move::Rejected`, never a button) in the same transaction.

use super::approval_runs;
use super::approval_store::{NewRun, Progress};
use super::change_store::{
    ChangeContent, ChangeEvent, ChangeRecord, ChangeWrite, NewChange, Target,
};
use super::internal;
use super::problem_store::ProblemChange;
use super::risk_model;
use super::store::{EventKind, NewEvent, Store};
use crate::domain::approval_chain::{ChainStatus, RunStatus, Verdict};
use crate::domain::change::{
    check_move, next_moves, target, validate_plans, ChangeFacts, ChangeKind, ChangeOutcome,
    ChangePlans, ChangeState, Move, Window,
};
use crate::domain::change_calendar::conflicts;
use crate::domain::problem::ProblemState;
use crate::domain::say::Problems;
use crate::i18n::{i18n, t, t_with};
use crate::model::{
    AppError, AppResult, ChangeApprovalView, ChangeEventView, ChangeView, Role, UserView,
};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// How many stores and devices one change may name: a rollout to every store is a store list
/// per wave, not one change.
pub const MAX_TARGETS: usize = 200;

/// Who works changes: the desk, its managers and admins.
pub fn works_changes(role: Role) -> bool {
    matches!(role, Role::Agent | Role::Manager | Role::Admin)
}

/// Those who work changes; anyone else is refused.
fn require_desk(user: &UserView) -> AppResult<()> {
    if works_changes(user.role) {
        Ok(())
    } else {
        Err(AppError::forbidden(t("error-changes-desk-only")))
    }
}

/// Raises a normal change as a draft from problem `problem_number`. Answers with its number.
pub async fn raise_from_problem(
    store: &dyn Store,
    user: &UserView,
    problem_number: &str,
    title: &str,
    kind: &str,
    now: DateTime<Utc>,
) -> AppResult<String> {
    require_desk(user)?;
    let problem_number = problem_number.trim();
    let problem = store
        .problem(problem_number)
        .await
        .map_err(internal)?
        .ok_or_else(|| {
            AppError::not_found(t_with(
                "error-no-problem",
                &[("number", problem_number.into())],
            ))
        })?;
    let kind = ChangeKind::parse(kind.trim())
        .ok_or_else(|| AppError::invalid_field("kind", t("error-change-kind")))?;
    let plans = ChangePlans {
        title: title.to_string(),
        ..ChangePlans::default()
    };
    let title = validate_plans(&plans).map_err(invalid)?.title;
    let number = store
        .create_change(
            &NewChange {
                kind,
                title,
                problem_id: Some(problem.id),
                owner_id: user.id,
                now,
            },
            &t_with(
                "change-raised-from",
                &[("problem", problem.number.as_str().into())],
            ),
        )
        .await
        .map_err(internal)?;
    tracing::info!(change = %number, problem = %problem.number, "change raised");
    Ok(number)
}

/// Problems found by the domain's checks, worded for the reader, as field errors.
fn invalid(problems: Problems) -> AppError {
    AppError::Invalid {
        fields: i18n().say_each(&problems),
    }
}

async fn load(store: &dyn Store, number: &str) -> AppResult<ChangeRecord> {
    store
        .change(number.trim())
        .await
        .map_err(internal)?
        .ok_or_else(|| AppError::not_found(t("error-no-change-here")))
}

/// The other changes on the calendar around `window` and the freezes, checked against this
/// change's window and targets; worded for the reader.
async fn conflicts_of(
    store: &dyn Store,
    record: &ChangeRecord,
    portal_zone: &str,
) -> AppResult<Vec<String>> {
    let Some(window) = record.content.window else {
        return Ok(Vec::new());
    };
    let others = store
        .bookings(window.start, window.end)
        .await
        .map_err(internal)?;
    let freezes = store.freeze_windows().await.map_err(internal)?;
    let zones: BTreeMap<String, chrono_tz::Tz> = store
        .all_stores()
        .await
        .map_err(internal)?
        .into_iter()
        .filter_map(|s| Some((s.code.to_uppercase(), s.timezone.parse().ok()?)))
        .collect();
    let portal_zone = portal_zone.parse().unwrap_or(chrono_tz::Tz::UTC);
    let this = Target::booking(&record.number, window, &record.content.targets);
    let found = conflicts(
        &this,
        &others,
        &freezes,
        &|code| zones.get(&code.to_uppercase()).copied(),
        portal_zone,
    );
    let i18n = i18n();
    Ok(found.iter().map(|c| i18n.say(&c.say())).collect())
}

/// A change's page: the record, its conflicts and what the reader may do next.
pub async fn view(
    store: &dyn Store,
    user: &UserView,
    number: &str,
    portal_zone: &str,
) -> AppResult<ChangeView> {
    require_desk(user)?;
    let record = load(store, number).await?;
    let approval = match store.change_run(record.id).await.map_err(internal)? {
        Some(run) => Some(approval_runs::view(store, &run).await?),
        None => None,
    };
    describe(store, &record, portal_zone, true, approval).await
}

/// The change as its page shows it; `works_changes`: with the steps the reader may take (an
/// approver reading it to decide takes none).
async fn describe(
    store: &dyn Store,
    record: &ChangeRecord,
    portal_zone: &str,
    works_changes: bool,
    approval: Option<crate::model::ApprovalRunView>,
) -> AppResult<ChangeView> {
    let conflicts = conflicts_of(store, record, portal_zone).await?;
    let c = &record.content;
    let (stores, devices) = Target::split(&c.targets);
    Ok(ChangeView {
        number: record.number.clone(),
        kind: c.kind,
        state: c.state,
        title: c.plans.title.clone(),
        implementation_plan: c.plans.implementation.clone(),
        back_out_plan: c.plans.back_out.clone(),
        test_plan: c.plans.test.clone(),
        risk_questions: risk_model::current(store).await?.questions,
        risk_answers: c.risk_answers.clone(),
        risk: c.risk,
        window: c.window,
        stores,
        devices,
        outcome: c.outcome,
        review: c.review.clone(),
        problem: record.problem.clone(),
        owner: record.owner.clone(),
        revision: record.revision,
        created_at: record.created_at,
        updated_at: record.updated_at,
        conflicts,
        next_moves: if works_changes {
            next_moves(c.kind, c.state)
        } else {
            Vec::new()
        },
        editable: works_changes && editable(c.state),
        approval,
        events: record
            .events
            .iter()
            .map(|e| ChangeEventView {
                kind: e.kind.clone(),
                body: e.body.clone(),
                author: e.author.clone(),
                at: e.at,
            })
            .collect(),
    })
}

/// Plans, risk, window and targets are settled before authorisation is asked for.
fn editable(state: ChangeState) -> bool {
    matches!(state, ChangeState::Draft | ChangeState::Assess)
}

/// A change's form as it is sent: texts, the risk answers by question key, the window's two
/// instants (RFC 3339; both empty: not planned yet), and stores and devices as lists of codes
/// and tags.
#[derive(Clone, Debug, Default)]
pub struct ChangeForm {
    pub plans: ChangePlans,
    pub risk_answers: BTreeMap<String, String>,
    pub window_start: String,
    pub window_end: String,
    pub stores: Vec<String>,
    pub devices: Vec<String>,
}

/// Saves a draft's or an assessed change's form if it is still at `revision`. Answers with the
/// new revision. Everything is checked before anything is written: the plans' lengths, the
/// risk answers against the questionnaire (unanswered questions may wait until authorisation
/// is asked for), the window, and that every store and device exists.
pub async fn save(
    store: &dyn Store,
    user: &UserView,
    number: &str,
    revision: i64,
    form: &ChangeForm,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    require_desk(user)?;
    let record = load(store, number).await?;
    if !editable(record.content.state) {
        return Err(AppError::conflict(t("error-change-locked")));
    }
    let mut problems = Problems::new();
    let plans = validate_plans(&form.plans).unwrap_or_else(|p| {
        problems.extend(p);
        form.plans.clone()
    });
    let model = risk_model::current(store).await?;
    let answers: BTreeMap<String, String> = form
        .risk_answers
        .iter()
        .map(|(q, a)| (q.trim().to_string(), a.trim().to_string()))
        .filter(|(_, a)| !a.is_empty())
        .collect();
    let risk = match model.assess(&answers) {
        Ok(risk) => Some(risk),
        Err(unanswered) => {
            // Only answers the questionnaire does not offer are wrong now; gaps are allowed.
            problems.extend(
                unanswered
                    .into_iter()
                    .filter(|(_, said)| said.id() == Some("error-risk-answer")),
            );
            None
        }
    };
    let window = match parse_window(&form.window_start, &form.window_end) {
        Ok(window) => window,
        Err(said) => {
            problems.insert("window".into(), said);
            None
        }
    };
    let targets = match check_targets(store, &form.stores, &form.devices).await? {
        Ok(targets) => targets,
        Err(said) => {
            problems.insert("targets".into(), said);
            Vec::new()
        }
    };
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    let content = ChangeContent {
        plans,
        risk_answers: answers,
        risk,
        window,
        targets,
        ..record.content.clone()
    };
    let event = ChangeEvent {
        kind: "saved".into(),
        body: t("change-saved"),
        author: Some(user.name.clone()),
        at: now,
    };
    write(
        store,
        &record,
        &ChangeWrite {
            expect_revision: revision,
            content: &content,
            event: &event,
            author_id: Some(user.id),
            start: None,
            resolves: None,
        },
    )
    .await
}

/// Writes over the record; a stale revision (of the change, or of a problem it resolves) is a
/// conflict the page explains. Answers with the change's new revision.
async fn write(
    store: &dyn Store,
    record: &ChangeRecord,
    change: &ChangeWrite<'_>,
) -> AppResult<i64> {
    let written = store
        .save_change(record.id, change)
        .await
        .map_err(internal)?;
    if !written {
        return Err(AppError::conflict(t_with(
            "error-change-changed",
            &[("number", record.number.as_str().into())],
        )));
    }
    Ok(change.expect_revision + 1)
}

/// Both empty: no window yet. Otherwise two instants making a valid `Window`: RFC 3339, or
/// what a `datetime-local` input sends ("2026-12-20T22:00"), read in the reader's zone.
fn parse_window(start: &str, end: &str) -> Result<Option<Window>, crate::domain::say::Say> {
    use crate::domain::say::say;
    let (start, end) = (start.trim(), end.trim());
    if start.is_empty() && end.is_empty() {
        return Ok(None);
    }
    let zone: chrono_tz::Tz = crate::i18n::zone()
        .name()
        .parse()
        .unwrap_or(chrono_tz::Tz::UTC);
    let instant = |s: &str| {
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .ok()
            .or_else(|| {
                let local = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").ok()?;
                crate::domain::calendar::local_to_utc(zone, local)
            })
            .ok_or_else(|| say("error-change-window-time"))
    };
    Window::new(instant(start)?, instant(end)?).map(Some)
}

/// The stores and devices named, as targets: every store must exist, and every device, which
/// brings its store along. Codes and tags are matched without regard to case and stored as
/// the portal spells them.
async fn check_targets(
    store: &dyn Store,
    stores: &[String],
    devices: &[String],
) -> AppResult<Result<Vec<Target>, crate::domain::say::Say>> {
    use crate::domain::say::{say_with, Arg};
    let named = |list: &[String]| -> Vec<String> {
        list.iter()
            .flat_map(|s| s.split([',', ' ', '\n']))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (stores, devices) = (named(stores), named(devices));
    if stores.len() + devices.len() > MAX_TARGETS {
        return Ok(Err(say_with(
            "error-change-targets-many",
            [("max", Arg::count(MAX_TARGETS))],
        )));
    }
    if stores.is_empty() && devices.is_empty() {
        return Ok(Ok(Vec::new()));
    }
    let known_stores = store.all_stores().await.map_err(internal)?;
    let mut targets = Vec::new();
    for code in &stores {
        let Some(known) = known_stores
            .iter()
            .find(|s| s.code.eq_ignore_ascii_case(code))
        else {
            return Ok(Err(say_with(
                "error-change-no-store",
                [("code", code.as_str().into())],
            )));
        };
        targets.push(Target {
            store: known.code.clone(),
            asset: None,
        });
    }
    if !devices.is_empty() {
        let known_devices = store.devices(None).await.map_err(internal)?;
        for tag in &devices {
            let Some(known) = known_devices
                .iter()
                .find(|d| d.tag.eq_ignore_ascii_case(tag))
            else {
                return Ok(Err(say_with(
                    "error-change-no-device",
                    [("tag", tag.as_str().into())],
                )));
            };
            targets.push(Target {
                store: known.store.clone(),
                asset: Some(known.tag.clone()),
            });
        }
    }
    targets.sort();
    targets.dedup();
    Ok(Ok(targets))
}

/// A lifecycle step as its form sends it: the step's name (`domain::change::Move`), with the
/// outcome when the work ends (`finish`) and the review when the change closes (`close`).
#[derive(Clone, Debug, Default)]
pub struct StepForm {
    pub step: String,
    pub outcome: String,
    pub review: String,
}

/// Takes a lifecycle step on the change at `revision`. Answers with the new revision.
pub async fn step(
    store: &dyn Store,
    user: &UserView,
    number: &str,
    revision: i64,
    form: &StepForm,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    require_desk(user)?;
    let record = load(store, number).await?;
    let Some(step) = Move::parse(form.step.trim()).filter(|m| !m.by_the_portal()) else {
        return Err(AppError::invalid_field("move", t("error-change-step")));
    };
    let mut content = record.content.clone();
    if step == Move::Finish {
        content.outcome = ChangeOutcome::parse(form.outcome.trim());
    }
    if step == Move::Close {
        let review = form.review.trim();
        if review.chars().count() > crate::domain::change::MAX_PLAN_CHARS {
            return Err(AppError::invalid_field(
                "review",
                t_with(
                    "error-text-too-long",
                    &[(
                        "max",
                        crate::i18n::Arg::count(crate::domain::change::MAX_PLAN_CHARS),
                    )],
                ),
            ));
        }
        content.review = review.to_string();
    }
    let facts = ChangeFacts {
        plans_written: content.plans.written(),
        risk: content.risk.map(|r| r.level),
        window: content.window,
        outcome: content.outcome,
        review_written: !content.review.trim().is_empty(),
        now,
    };
    content.state = check_move(content.kind, content.state, step, &facts).map_err(invalid)?;
    let start = if content.state == ChangeState::Authorise {
        let run = start_authorisation(store, &record, &content, now).await?;
        if run.progress.status == RunStatus::Approved {
            // Every step's condition left it out: nothing to wait for.
            content.state = ChangeState::Scheduled;
        }
        Some(run)
    } else {
        None
    };
    let event = ChangeEvent {
        kind: step.as_str().into(),
        body: t_with("change-moved", &[("state", content.state.as_str().into())]),
        author: Some(user.name.clone()),
        at: now,
    };
    let resolves = match (step, content.outcome) {
        (Move::Close, Some(ChangeOutcome::Successful)) => {
            resolving(store, &record, user, now).await?
        }
        _ => None,
    };
    write(
        store,
        &record,
        &ChangeWrite {
            expect_revision: revision,
            content: &content,
            event: &event,
            author_id: Some(user.id),
            start: start.as_ref(),
            resolves: resolves.as_ref().map(|(id, change)| (*id, change)),
        },
    )
    .await
}

/// The problem a successful change was raised from, resolved as the change closes: its fix
/// names the change (kept when one was written), and its incidents' timelines say so. `None`
/// when there is no problem or it is resolved already.
async fn resolving(
    store: &dyn Store,
    record: &ChangeRecord,
    user: &UserView,
    now: DateTime<Utc>,
) -> AppResult<Option<(i64, ProblemChange)>> {
    let Some(number) = &record.problem else {
        return Ok(None);
    };
    let Some(problem) = store.problem(number).await.map_err(internal)? else {
        return Ok(None);
    };
    if problem.state == ProblemState::Resolved {
        return Ok(None);
    }
    let fixed_by = t_with(
        "problem-fixed-by-change",
        &[
            ("number", record.number.as_str().into()),
            ("title", record.content.plans.title.as_str().into()),
        ],
    );
    let fix = if problem.fix.trim().is_empty() {
        fixed_by.clone()
    } else {
        problem.fix.clone()
    };
    let event = NewEvent::text(
        EventKind::ProblemUpdated,
        user.id,
        format!(
            "Problem {}: {} → {}. {fixed_by}",
            problem.number,
            problem.state.label(),
            ProblemState::Resolved.label()
        ),
        now,
    )
    .internal()
    .changing(
        "problem_state",
        Some(problem.state.as_str().into()),
        Some(ProblemState::Resolved.as_str().into()),
    );
    Ok(Some((
        problem.id,
        ProblemChange {
            expect_revision: problem.revision,
            cause: problem.cause.clone(),
            workaround: problem.workaround.clone(),
            fix,
            state: ProblemState::Resolved,
            event,
        },
    )))
}

/// The approval chain the change policy names for the change's kind and risk, started with its
/// approvers as they are now. Refused under the step's buttons when no chain is named or one of
/// its steps has nobody to decide it.
async fn start_authorisation(
    store: &dyn Store,
    record: &ChangeRecord,
    content: &ChangeContent,
    now: DateTime<Utc>,
) -> AppResult<NewRun> {
    // `check_move` let it through only with every risk question answered.
    let level = content
        .risk
        .map(|r| r.level)
        .ok_or_else(|| AppError::invalid_field("risk", t("error-change-risk")))?;
    let named = store
        .change_policy_chain(content.kind, level)
        .await
        .map_err(internal)?
        .ok_or_else(|| {
            AppError::invalid_field(
                "move",
                t_with(
                    "error-change-no-chain",
                    &[
                        ("kind", content.kind.as_str().into()),
                        ("level", level.as_str().into()),
                    ],
                ),
            )
        })?;
    let (schema, answers) = risk_model::current(store)
        .await?
        .as_form(&content.risk_answers);
    approval_runs::start(store, &named, &record.owner_email, &schema, &answers, now)
        .await?
        .map_err(|said| AppError::invalid_field("move", i18n().say(&said)))
}

/// Records `user`'s decision ("approve" or "reject"; a rejection says why) on the change's
/// running chain. The decision that ends the chain authorises the change (→ scheduled) or sends
/// it back to draft. Two approvers deciding at the same instant are both counted: the second
/// write finds the chain moved on, reads it again and decides on the fresh picture.
pub async fn decide(
    store: &dyn Store,
    user: &UserView,
    number: &str,
    verdict: &str,
    comment: &str,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let (verdict, comment) = approval_runs::checked(verdict, comment)?;
    let (_, delegations) = approval_runs::deciding_for(store, &user.email, now).await?;
    for _ in 0..approval_runs::DECIDE_ATTEMPTS {
        let record = load(store, number).await?;
        let run = store
            .change_run(record.id)
            .await
            .map_err(internal)?
            .filter(|_| record.content.state == ChangeState::Authorise)
            .ok_or_else(|| AppError::conflict(t("error-approval-over")))?;
        let (decided, after) =
            approval_runs::decision(&run, &delegations, &user.email, verdict, comment, now)
                .map_err(approval_runs::refused)?;
        let step_name = run.steps[decided.decision.step].name.clone();
        let said = t_with(
            match verdict {
                Verdict::Approve => "change-approval-approved",
                Verdict::Reject => "change-approval-rejected",
            },
            &[("step", step_name.as_str().into())],
        );
        let event = ChangeEvent {
            kind: "approval".into(),
            body: if comment.is_empty() {
                said
            } else {
                format!("{said} “{comment}”")
            },
            author: Some(user.name.clone()),
            at: now,
        };
        let ended = match after {
            ChainStatus::Approved => Some(Move::Authorised),
            ChainStatus::Rejected { .. } => Some(Move::Rejected),
            ChainStatus::Waiting { .. } => None,
        };
        let moved = ended.and_then(|step| {
            let to = target(record.content.kind, record.content.state, step)?;
            Some((
                step,
                ChangeContent {
                    state: to,
                    ..record.content.clone()
                },
            ))
        });
        let end_event = moved.as_ref().map(|(step, content)| ChangeEvent {
            kind: step.as_str().into(),
            body: t_with("change-moved", &[("state", content.state.as_str().into())]),
            author: None,
            at: now,
        });
        let end = moved
            .as_ref()
            .zip(end_event.as_ref())
            .map(|((_, content), event)| ChangeWrite {
                expect_revision: record.revision,
                content,
                event,
                author_id: None,
                start: None,
                resolves: None,
            });
        let written = store
            .decide_on_change(
                record.id,
                run.id,
                run.revision,
                &decided,
                &Progress::of(&after),
                &event,
                end,
            )
            .await
            .map_err(internal)?;
        if written {
            tracing::info!(change = %record.number, step = %step_name, ?verdict, "approval decided");
            return Ok(());
        }
    }
    Err(AppError::conflict(t_with(
        "error-change-changed",
        &[("number", number.trim().into())],
    )))
}

/// The changes waiting for `user`'s decision (or for someone they stand in for today), with what
/// they need to decide each.
pub async fn waiting_for(
    store: &dyn Store,
    user: &UserView,
    portal_zone: &str,
    now: DateTime<Utc>,
) -> AppResult<Vec<ChangeApprovalView>> {
    let (people, delegations) = approval_runs::deciding_for(store, &user.email, now).await?;
    let numbers = store.changes_waiting_for(&people).await.map_err(internal)?;
    if numbers.is_empty() {
        return Ok(Vec::new());
    }
    let names = approval_runs::names(store).await?;
    let me = user.email.to_lowercase();
    let mut waiting = Vec::new();
    for number in numbers {
        let record = load(store, &number).await?;
        let Some(run) = store.change_run(record.id).await.map_err(internal)? else {
            continue;
        };
        let ChainStatus::Waiting {
            step, waiting_on, ..
        } = crate::domain::approval_chain::status(&run.steps, &run.decisions())
        else {
            continue;
        };
        let standing_in_for =
            approval_runs::standing_in_for(&waiting_on, &me, &delegations, &names);
        waiting.push(ChangeApprovalView {
            // The run and the names are at hand: the list reads neither again per change.
            change: describe(
                store,
                &record,
                portal_zone,
                false,
                Some(approval_runs::view_with(&run, &names)),
            )
            .await?,
            step: run.steps[step].name.clone(),
            standing_in_for,
        });
    }
    Ok(waiting)
}
