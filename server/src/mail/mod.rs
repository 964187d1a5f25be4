//! Sends the mails the ticket events queued (`mail_outbox`, see `store::sql_mail`) over SMTP.
//!
//! Every instance runs the sender every few seconds; a mail is claimed with a conditional update
//! before it is sent, so however many instances run, one sends it. The request that caused a
//! mail never waits for the mail server: it only wrote a row.
//!
//! **Never twice.** A mail moves pending → sending (claimed) → sent | pending again (the server
//! was down or said "try later") | failed (refused for good). The one case to reason about is a
//! sender that dies after the mail server accepted a mail and before `sent` was recorded: the row
//! stays `sending`. We choose at most once: after `STALE_CLAIM` such a row becomes `uncertain`
//! and is never sent again by itself; the admins' mail log lists it, so someone can tell the
//! recipient. The opposite choice (resend) would double every mail a crash interrupts, and a crash
//! in that window is far rarer than a mail server outage, which this design retries safely
//! because a refused or unreachable server has certainly not taken the mail. Each mail carries a
//! Message-ID made from its row, so the rare duplicate of a network failure after the final
//! dot (the server took it, we never heard) is recognisable to mail clients that collapse them.

pub mod settings;

use crate::store::Housekeeping;
use app::backend::mail_store::{MailOutcome, QueuedMail};
use app::backend::store::StoreResult;
use app::domain::mail::{self as rules, DigestRule, MailFacts};
use chrono::{DateTime, Duration, Utc};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use settings::{MailSettings, Security};
use std::sync::Arc;

/// A claim older than this whose sender never recorded an outcome: that sender is gone.
const STALE_CLAIM: Duration = Duration::minutes(10);

/// At most this many mails (or digests) per round, so one round stays short.
const BATCH: i64 = 50;

/// The configured way out: the SMTP transport, the sender address and the portal's URL for
/// links.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    base_url: String,
    rule: DigestRule,
    host: String,
}

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("mail sender {0:?} is not an address: {1}")]
    From(String, String),
    #[error("mail server: {0}")]
    Transport(String),
}

impl Mailer {
    /// `None` when no mail server is configured.
    pub fn new(
        settings: &MailSettings,
        public_url: Option<&str>,
    ) -> Result<Option<Mailer>, MailerError> {
        let Some(host) = settings
            .smtp_host
            .as_deref()
            .filter(|h| !h.trim().is_empty())
        else {
            return Ok(None);
        };
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e: lettre::address::AddressError| {
                MailerError::From(settings.from.clone(), e.to_string())
            })?;
        let transport = |e: lettre::transport::smtp::Error| MailerError::Transport(e.to_string());
        let builder = match settings.security {
            Security::Tls => {
                AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(transport)?
            }
            Security::Starttls => {
                AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host).map_err(transport)?
            }
            Security::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
        };
        let mut builder = builder
            .port(settings.port())
            .timeout(Some(std::time::Duration::from_secs(settings.timeout_secs)));
        if let (Some(user), Some(password)) = (&settings.username, &settings.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        let base_url = match public_url {
            Some(url) => url.trim_end_matches('/').to_string(),
            None => {
                tracing::warn!(
                    "mail is on but DESKFRONT_PUBLIC_URL is not set: links in mails point to http://localhost:3000"
                );
                "http://localhost:3000".into()
            }
        };
        Ok(Some(Mailer {
            transport: builder.build(),
            from,
            base_url,
            rule: settings.digest_rule(),
            host: host.to_string(),
        }))
    }
}

/// What one round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub sent: u32,
    pub retried: u32,
    pub failed: u32,
    pub deferred: u32,
}

/// Sends what is due now. Safe to run on every instance at once.
pub async fn send_due(
    store: &dyn Housekeeping,
    mailer: &Mailer,
    instance: &str,
    now: DateTime<Utc>,
) -> StoreResult<Round> {
    let abandoned = store.abandon_stale_claims(now - STALE_CLAIM).await?;
    if abandoned > 0 {
        tracing::warn!(
            abandoned,
            "mails whose sender stopped mid-send are marked uncertain (see the mail log)"
        );
    }
    let mut round = Round::default();
    for due in store.due_mails(now, BATCH).await? {
        if let Some(key) = &due.digest_key {
            let (first, last) = store.digest_times(key).await?;
            let send_at = mailer.rule.send_at(first.unwrap_or(now), last);
            if send_at > now {
                store.defer_digest(key, send_at).await?;
                round.deferred += 1;
                continue;
            }
        }
        let token = claim_token();
        let claimed = store
            .claim_mails(due.id, due.digest_key.as_deref(), &token, instance, now)
            .await?;
        if claimed.is_empty() {
            continue; // another instance took it
        }
        let outcome = deliver(mailer, &claimed, now).await;
        match &outcome {
            MailOutcome::Sent => round.sent += 1,
            MailOutcome::Retry { error, .. } => {
                round.retried += 1;
                tracing::warn!(mail = claimed[0].id, %error, "mail server did not take a mail; will retry");
            }
            MailOutcome::Failed { error } => {
                round.failed += 1;
                tracing::warn!(mail = claimed[0].id, %error, "mail failed for good");
            }
        }
        app::backend::metrics::METRICS.mail(mail_outcome_label(&outcome));
        store.settle_mails(&token, &outcome, Utc::now()).await?;
    }
    Ok(round)
}

/// Names one claim: the rows it moved to `sending` are found and settled by it.
fn claim_token() -> String {
    use rand::Rng;
    format!("{:032x}", rand::thread_rng().gen::<u128>())
}

fn mail_outcome_label(outcome: &MailOutcome) -> &'static str {
    match outcome {
        MailOutcome::Sent => "sent",
        MailOutcome::Retry { .. } => "retry",
        MailOutcome::Failed { .. } => "failed",
    }
}

/// Sends one mail, or one digest of several to the same person, in their language.
async fn deliver(mailer: &Mailer, mails: &[QueuedMail], now: DateTime<Utc>) -> MailOutcome {
    let facts: Vec<MailFacts> = mails.iter().map(|m| m.facts.clone()).collect();
    let first = &mails[0];
    // A mail has no browser to ask: the person's setting, else the portal's default.
    let language = app::i18n::catalog(app::i18n::language_of_request(
        first.language.as_deref(),
        None,
    ));
    let rendered = rules::render_digest(&facts, &mailer.base_url, &|id, args| {
        language.text(id, args)
    });
    let to: Mailbox = match first.recipient.parse() {
        Ok(to) => to,
        Err(e) => {
            return MailOutcome::Failed {
                error: format!("{:?} is not an address: {e}", first.recipient),
            }
        }
    };
    let message = Message::builder()
        .from(mailer.from.clone())
        .to(to)
        .subject(rendered.subject)
        .message_id(Some(format!(
            "<mail-{}-{}.deskfront@{}>",
            first.id,
            mails.len(),
            mailer.host
        )))
        .multipart(MultiPart::alternative_plain_html(
            rendered.text,
            rendered.html,
        ));
    let message = match message {
        Ok(message) => message,
        Err(e) => {
            return MailOutcome::Failed {
                error: format!("could not build the mail: {e}"),
            }
        }
    };
    match mailer.transport.send(message).await {
        Ok(_) => MailOutcome::Sent,
        // 5xx: the server will never take it (an address it does not know, a policy).
        Err(e) if e.is_permanent() => MailOutcome::Failed {
            error: e.to_string(),
        },
        // Down, unreachable, timed out, or 4xx "try later".
        Err(e) => {
            let attempts = mails.iter().map(|m| m.attempts).max().unwrap_or(0) + 1;
            let oldest = mails.iter().map(|m| m.created_at).min().unwrap_or(now);
            match rules::retry_at(attempts as u32, oldest, now) {
                Some(at) => MailOutcome::Retry {
                    at,
                    error: e.to_string(),
                },
                None => MailOutcome::Failed {
                    error: format!("gave up after {attempts} attempts: {e}"),
                },
            }
        }
    }
}

/// Starts this instance's sender loop.
pub fn spawn(store: Arc<dyn Housekeeping>, mailer: Arc<Mailer>, instance: String, tick_secs: u64) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(tick_secs.max(1)));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match send_due(&*store, &mailer, &instance, Utc::now()).await {
                Ok(round) if round.sent + round.retried + round.failed > 0 => {
                    tracing::info!(
                        sent = round.sent,
                        retried = round.retried,
                        failed = round.failed,
                        "mail round"
                    );
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "mail round failed; retrying next tick"),
            }
        }
    });
}
