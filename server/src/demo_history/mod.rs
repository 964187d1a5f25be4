//! `server demo-history`: months of made-up but plausible service-desk history, so the manager's
//! dashboard has something to show on a first run and benchmarks have data to chew on.
//!
//! The history is drawn, not replayed through the server functions: a hundred thousand tickets
//! through `submit` and `desk::act` would take many minutes. What keeps the figures honest is
//! that every rule comes from the live code: priorities and SLA plans from `plan_new_ticket`
//! and the service levels, due times and used business minutes from `TicketClocks`, and the
//! timeline from the same moves (`pauses_sla`, state-change audit events) the desk makes.
//!
//! - `shape`: the random shape (arrival hours, severity, pace against targets, ratings);
//! - `population`: who reports what, where and when (items, stores, devices, recurring faults);
//! - `life`: one ticket's script of steps, drawn against its SLA plan, and its alerts;
//! - `replay`: the desk's moves that turn the script, up to the end, into the rows to write;
//! - `answers`, `funnel`, `words`: form answers, deflection funnels and searches, texts;
//! - `reference`, `people`: what is read from the database, and the colleagues added to it;
//! - `store::sql_history`: the SQL that writes a batch (both databases).

mod answers;
mod funnel;
mod life;
pub mod people;
mod population;
pub mod reference;
mod replay;
mod shape;
mod words;

use crate::config::Config;
use crate::store::Housekeeping;
use app::backend::desk_store::DeskFields;
use app::backend::store::{DeflectionEvent, NewEvent, StoreResult};
use app::domain::priority::ServiceLevels;
use app::domain::sla::Pause;
use app::domain::ticket_sla::{Clock, UsedMinutes};
use app::domain::{TicketKind, TicketState};
use chrono::{DateTime, Duration, Months, Utc};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::path::Path;
use std::time::Instant;

pub const USAGE: &str =
    "server demo-history [--months N] [--tickets N] [--seed N] [--until TIME] [--if-empty]";

/// Tickets written per transaction: large enough that commits (an fsync each on SQLite) are a
/// small share of the time, small enough that a server running beside it is never kept from
/// writing for long.
const BATCH: usize = 2_000;

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    pub months: u32,
    pub tickets: usize,
    pub seed: u64,
    /// When the history ends; `None`: now. A fixed end makes two runs with one seed identical.
    pub until: Option<DateTime<Utc>>,
    /// Do nothing if the database has any ticket (a history, or a portal in real use).
    pub if_empty: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            months: 6,
            tickets: 6_000,
            seed: 1,
            until: None,
            if_empty: false,
        }
    }
}

impl Options {
    /// Parses the arguments after `demo-history`.
    pub fn parse(args: &[String]) -> Result<Self, String> {
        let mut options = Options::default();
        let mut args = args.iter();
        while let Some(flag) = args.next() {
            if flag == "--if-empty" {
                options.if_empty = true;
                continue;
            }
            let value = args
                .next()
                .ok_or_else(|| format!("{flag} needs a value; usage: {USAGE}"))?;
            let bad = || format!("{flag} does not take {value:?}; usage: {USAGE}");
            match flag.as_str() {
                "--months" => {
                    options.months = value
                        .parse()
                        .ok()
                        .filter(|m| (1..=60).contains(m))
                        .ok_or_else(bad)?
                }
                "--tickets" => {
                    options.tickets = value.parse().ok().filter(|n| *n >= 1).ok_or_else(bad)?
                }
                "--seed" => options.seed = value.parse().map_err(|_| bad())?,
                "--until" => {
                    options.until = Some(
                        DateTime::parse_from_rfc3339(value)
                            .map_err(|_| bad())?
                            .with_timezone(&Utc),
                    )
                }
                _ => return Err(format!("unknown option {flag:?}; usage: {USAGE}")),
            }
        }
        Ok(options)
    }
}

/// What a run did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// The database had tickets and `--if-empty` was given: nothing was written.
    pub skipped: bool,
    pub tickets: usize,
    pub events: usize,
    pub ratings: usize,
    pub deflection_events: usize,
    pub searches: usize,
    pub seconds: f64,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.skipped {
            return write!(
                f,
                "demo history: the database has tickets already; nothing written"
            );
        }
        write!(
            f,
            "demo history: {} tickets, {} timeline events, {} ratings, {} deflection events, \
             {} searches in {:.1} s",
            self.tickets,
            self.events,
            self.ratings,
            self.deflection_events,
            self.searches,
            self.seconds
        )
    }
}

/// One generated ticket as it stands at the end of the history, with everything that hangs
/// off it. `desk.due` holds the due times for its final state.
#[derive(Clone, Debug)]
pub struct HistoryTicket {
    pub kind: TicketKind,
    pub item_id: i64,
    pub form_version: i64,
    pub title: String,
    pub requester_id: i64,
    pub on_behalf_of: Option<String>,
    pub approver_id: Option<i64>,
    pub state: TicketState,
    pub answers_json: String,
    pub idempotency_key: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub revision: i64,
    pub desk: DeskFields,
    pub calendar_json: String,
    pub assignee_id: Option<i64>,
    pub responded_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub resolution_code: Option<String>,
    pub used: UsedMinutes,
    pub reopen_count: i64,
    /// In timeline order.
    pub events: Vec<NewEvent>,
    pub pauses: Vec<Pause>,
    pub alerts: Vec<Alert>,
    pub rating: Option<Rating>,
}

/// An SLA warning or breach the SLA job would have raised (its `sla_alerts` row).
#[derive(Clone, Debug, PartialEq)]
pub struct Alert {
    pub clock: Clock,
    pub breach: bool,
    pub due_at: DateTime<Utc>,
    pub raised_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rating {
    pub user_id: i64,
    pub rating: i64,
    pub comment: String,
    pub at: DateTime<Utc>,
}

/// A knowledge search as the search log keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchRow {
    pub query: String,
    pub results: i64,
    pub at: DateTime<Utc>,
}

/// What one transaction writes.
#[derive(Default)]
pub struct Batch {
    pub tickets: Vec<HistoryTicket>,
    pub deflection: Vec<DeflectionEvent>,
    pub searches: Vec<SearchRow>,
}

/// The storage the generator needs, implemented for both databases in `store::sql_history`.
#[async_trait::async_trait]
pub trait HistoryStore: Send + Sync {
    async fn ticket_count(&self) -> StoreResult<i64>;
    /// Stores, devices, catalog items with their current forms, people, groups, articles.
    async fn reference(&self) -> StoreResult<reference::Reference>;
    /// Adds the people who did not exist yet (matched by email).
    async fn add_people(&self, people: &[people::NewPerson]) -> StoreResult<()>;
    /// Writes the batch in one transaction, numbering its tickets from the ticket counters
    /// (in batch order), so later tickets continue after them.
    async fn write_history(&self, batch: &Batch) -> StoreResult<()>;
}

/// Opens the configured database as the server does (migrated, demo data loaded if empty) and
/// writes a history into it.
pub async fn run(config: &Config, options: &Options) -> Result<Report, crate::BoxError> {
    if !config.demo {
        return Err(
            "demo-history writes made-up tickets for the demo: run it in demo mode \
                    (DESKFRONT_DEMO=true)"
                .into(),
        );
    }
    let levels = config.service_levels()?;
    let store = crate::open_store(config).await?;
    generate(
        &*store,
        &levels,
        &config.seed_dir,
        config.jobs.auto_close_days,
        options,
    )
    .await
}

/// Writes a history ending at `options.until` (or now) into `store`.
pub async fn generate(
    store: &dyn Housekeeping,
    levels: &ServiceLevels,
    seed_dir: &Path,
    auto_close_days: i64,
    options: &Options,
) -> Result<Report, crate::BoxError> {
    let started = Instant::now();
    if options.if_empty && store.ticket_count().await? > 0 {
        return Ok(Report {
            skipped: true,
            ..Report::default()
        });
    }
    // Whole seconds: the timestamps look like what people do, and equal inputs give equal rows.
    let end = options.until.unwrap_or_else(Utc::now);
    let end = DateTime::from_timestamp(end.timestamp(), 0).unwrap_or(end);
    let start = end
        .checked_sub_months(Months::new(options.months))
        .ok_or("--months reaches before the calendar")?;
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);

    let before = store.reference().await?;
    store.add_people(&people::colleagues(&before)).await?;
    let reference = store.reference().await?;
    let population = population::Population::new(&reference, levels, &mut rng)?;
    let drafts = population.drafts(&mut rng, options.tickets, start, end);
    let searches = funnel::Searches::new(store, seed_dir).await?;
    let life = life::Context::new(
        levels,
        &reference,
        Duration::days(auto_close_days.max(1)),
        end,
    );

    let mut report = Report::default();
    for chunk in drafts.chunks(BATCH) {
        let mut batch = Batch::default();
        for draft in chunk {
            let ticket = life.live(&mut rng, &population, draft)?;
            funnel::around(
                &mut rng,
                &reference,
                &population,
                &searches,
                draft,
                &ticket,
                &mut batch,
            );
            batch.tickets.push(ticket);
        }
        report.tickets += batch.tickets.len();
        report.events += batch.tickets.iter().map(|t| t.events.len()).sum::<usize>();
        report.ratings += batch.tickets.iter().filter(|t| t.rating.is_some()).count();
        report.deflection_events += batch.deflection.len();
        report.searches += batch.searches.len();
        store.write_history(&batch).await?;
        tracing::info!(
            tickets = report.tickets,
            of = drafts.len(),
            "demo history written"
        );
    }
    // A table that grew from nothing to this size needs fresh planner statistics before the
    // queue's index-ordered plans are picked again (the statistics job runs only every 6 h).
    store.refresh_statistics().await?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

#[cfg(test)]
mod tests;
