//! Periodic work, run once across however many instances share the database.
//!
//! Time is cut into numbered slots per job (`now / period`). Every instance wakes up every few
//! seconds and, for each job whose slot it has not seen, tries to claim `(job, slot)` in the
//! `job_runs` table; the insert that lands runs the job, the others do nothing. The claim is a
//! primary key, so it holds on SQLite and PostgreSQL alike, across processes and machines.
//!
//! A claimed run that crashes is not retried within its slot. That is acceptable because every
//! job is a sweep of what is due ("every resolved ticket older than …"): the next slot picks up
//! what the lost run left. The writes themselves are compare-and-set transitions as well, so
//! even two runs of overlapping slots never record the same change twice.

use crate::config::JobSettings;
use crate::store::Housekeeping;
use app::backend::store::{EventKind, NewEvent, StoreResult};
use app::domain::ticket_sla::Clock;
use app::domain::TicketState;
use chrono::{DateTime, Duration, Utc};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Job {
    /// Deletes expired sessions and old job claims.
    Purge,
    /// Closes resolved tickets after the grace period in which the requester may reopen them.
    AutoClose,
    /// Puts SLA warnings (75 % of a target used) and breaches on the tickets' timelines.
    SlaAlerts,
    /// Refreshes the query planner's statistics, so that the queue keeps picking its
    /// index-ordered plan as the ticket table grows (SQLite has no autovacuum to do it).
    Statistics,
    /// Learns from outcomes: what people typed before an article helped them becomes words
    /// of that article (`app::search::learned`).
    Learn,
    /// Reminds approvers of what has waited for their decision longer than the interval.
    ApprovalReminders,
}

impl Job {
    pub const ALL: [Job; 6] = [
        Job::Purge,
        Job::AutoClose,
        Job::SlaAlerts,
        Job::Statistics,
        Job::Learn,
        Job::ApprovalReminders,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Job::Purge => "purge-expired",
            Job::AutoClose => "auto-close-resolved",
            Job::SlaAlerts => "sla-alerts",
            Job::Statistics => "refresh-statistics",
            Job::Learn => "learn-from-outcomes",
            Job::ApprovalReminders => "approval-reminders",
        }
    }

    /// How often the job runs, across all instances together.
    pub fn period(self) -> Duration {
        match self {
            Job::Purge => Duration::hours(1),
            Job::AutoClose => Duration::minutes(10),
            Job::SlaAlerts => Duration::minutes(1),
            Job::Statistics => Duration::hours(6),
            Job::Learn => Duration::minutes(10),
            Job::ApprovalReminders => Duration::minutes(10),
        }
    }

    /// The numbered time window `at` falls in.
    pub fn slot(self, at: DateTime<Utc>) -> i64 {
        at.timestamp().div_euclid(self.period().num_seconds())
    }
}

/// Runs every job whose current slot this instance wins. Returns the jobs it ran with the
/// number of rows each changed.
pub async fn run_due(
    store: &dyn Housekeeping,
    instance: &str,
    settings: &JobSettings,
    now: DateTime<Utc>,
) -> StoreResult<Vec<(Job, u64)>> {
    let mut ran = Vec::new();
    for job in Job::ALL {
        if store
            .claim_job(job.name(), job.slot(now), instance, now)
            .await?
        {
            let result = run(job, store, settings, now).await;
            app::backend::metrics::METRICS.job(job.name(), result.is_err());
            ran.push((job, result?));
        }
    }
    Ok(ran)
}

async fn run(
    job: Job,
    store: &dyn Housekeeping,
    settings: &JobSettings,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    match job {
        Job::Purge => {
            // Sign-in failure counts are forgotten after an hour anyway (`domain::throttle`).
            let failures = store.purge_failures(now - Duration::days(1)).await?;
            let orphans =
                purge_orphan_attachments(store, &settings.attachments_dir, now - Duration::days(1))
                    .await?;
            // Mails are kept a month for the admins' mail log.
            let mails = store.purge_mails(now - Duration::days(30)).await?;
            Ok(failures
                + orphans
                + mails
                + store.purge_expired(now, now - Duration::days(7)).await?)
        }
        Job::AutoClose => auto_close(store, settings, now).await,
        Job::SlaAlerts => sla_alerts(store, now).await,
        Job::Statistics => store.refresh_statistics().await.map(|()| 0),
        Job::Learn => app::backend::learning::refresh(store, now)
            .await
            .map(u64::from),
        Job::ApprovalReminders => remind_approvers(store, settings, now).await,
    }
}

/// Reminds each approver a waiting chain was last asked or reminded more than the interval ago
/// (`approval_reminder_hours`; 0: never). Each approver is reminded at most once per interval,
/// however many instances run the job; the mails join the approver's approval digest.
pub async fn remind_approvers(
    store: &dyn Housekeeping,
    settings: &JobSettings,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    if settings.approval_reminder_hours <= 0 {
        return Ok(0);
    }
    let cutoff = now - Duration::hours(settings.approval_reminder_hours);
    store.remind_approvers(cutoff, now).await
}

/// Removes files uploaded before `before` that never became part of a ticket (a form left
/// unsent, an upload by hand): the row first, so a file is never served without its record
/// and a ticket that takes it meanwhile keeps it. A file already gone is no error.
pub async fn purge_orphan_attachments(
    store: &dyn Housekeeping,
    dir: &std::path::Path,
    before: DateTime<Utc>,
) -> StoreResult<u64> {
    let mut removed = 0;
    for (id, storage_name) in store.orphan_attachments(before).await? {
        if store.delete_orphan_attachment(id).await? {
            if let Err(e) = tokio::fs::remove_file(dir.join(&storage_name)).await {
                if e.kind() != std::io::ErrorKind::NotFound {
                    tracing::warn!(error = %e, id, "could not remove an orphan attachment's file");
                }
            }
            removed += 1;
        }
    }
    Ok(removed)
}

/// Raises every warning and breach that fell due. Each is recorded once (the alert's key is
/// the ticket, clock, level and due time), however many instances or overlapping runs find it.
pub async fn sla_alerts(store: &dyn Housekeeping, now: DateTime<Utc>) -> StoreResult<u64> {
    let system = store.system_user().await?;
    let mut raised = 0;
    for alert in store.due_alerts(now, 500).await? {
        let event = alert_event(alert.clock, alert.breach, alert.due_at, system, now);
        if store.raise_alert(&alert, event).await? {
            raised += 1;
        }
    }
    Ok(raised)
}

/// The timeline entry of an SLA warning or breach (the demo history writes the same).
pub fn alert_event(
    clock: Clock,
    breach: bool,
    due_at: DateTime<Utc>,
    system: i64,
    now: DateTime<Utc>,
) -> NewEvent {
    let due = due_at.format("%Y-%m-%d %H:%M UTC");
    let (kind, body) = if breach {
        (
            EventKind::SlaBreach,
            format!("{} target breached (was due {due}).", clock.label()),
        )
    } else {
        (
            EventKind::SlaWarning,
            format!(
                "{} target {} % used: due {due}.",
                clock.label(),
                app::domain::sla::WARNING_PERCENT
            ),
        )
    };
    NewEvent::text(kind, system, body, now).internal()
}

/// The timeline entry of a ticket closed after the grace period (the demo history writes the
/// same).
pub fn auto_close_event(days: i64, system: i64, now: DateTime<Utc>) -> NewEvent {
    NewEvent {
        kind: EventKind::Closed,
        author_id: system,
        body: format!("Closed automatically {days} days after it was resolved."),
        internal: false,
        change: None,
        now,
    }
}

async fn auto_close(
    store: &dyn Housekeeping,
    settings: &JobSettings,
    now: DateTime<Utc>,
) -> StoreResult<u64> {
    let cutoff = now - Duration::days(settings.auto_close_days);
    let system = store.system_user().await?;
    let mut closed = 0;
    for ticket in store.resolved_before(cutoff).await? {
        let event = auto_close_event(settings.auto_close_days, system, now);
        // Compare-and-set: if the requester reopened it meanwhile, or another run closed it,
        // nothing is written.
        if store
            .transition(ticket, TicketState::Resolved, TicketState::Closed, event)
            .await?
        {
            closed += 1;
        }
    }
    Ok(closed)
}

/// Starts the background loop on this instance. Errors are logged and retried on the next tick.
pub fn spawn(store: Arc<dyn Housekeeping>, instance: String, settings: JobSettings) {
    tokio::spawn(async move {
        let mut tick =
            tokio::time::interval(std::time::Duration::from_secs(settings.tick_secs.max(1)));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match run_due(&*store, &instance, &settings, Utc::now()).await {
                Ok(ran) => {
                    for (job, changed) in ran {
                        tracing::info!(job = job.name(), changed, "periodic job ran");
                    }
                }
                Err(e) => tracing::warn!(error = %e, "periodic jobs failed; retrying next tick"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slot_is_one_period_wide() {
        let t = DateTime::parse_from_rfc3339("2026-11-21T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let job = Job::AutoClose;
        assert_eq!(job.slot(t), job.slot(t + Duration::minutes(9)));
        assert_eq!(job.slot(t) + 1, job.slot(t + Duration::minutes(10)));
        assert_ne!(Job::Purge.name(), Job::AutoClose.name());
    }
}
