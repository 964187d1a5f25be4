//! The SQL of the mail outbox, written once for SQLite and PostgreSQL (see `sql.rs` for why a
//! macro): `enqueue_mails`, which `insert_event` calls inside the transaction that records a
//! ticket event, and `MailStore`, through which the sender claims and settles mails.

macro_rules! sql_mail {
    ($store:ident) => {
        use app::backend::mail_store::{DueMail, MailOutcome, MailStore, QueuedMail};
        use app::domain::mail::{self as mail_rules, Audience, MailFacts, MailKind, TicketFacts};
        use app::model::{MailLogFilter, MailLogRow};

        /// Queues the mails `event` causes, in the event's own transaction: the event and its
        /// mails are recorded together or not at all. A person without an address, a deactivated
        /// one, or one who turned the kind off gets none.
        async fn enqueue_mails(
            tx: &mut Tx<'_>,
            ticket_id: i64,
            event: &NewEvent,
        ) -> StoreResult<()> {
            let Some(trigger) = event.kind.mail_trigger() else {
                return Ok(());
            };
            let row = sqlx::query(
                "SELECT t.number, t.title, t.requester_id, t.assignee_id, t.approver_id, \
                 t.assignment_group, u.name AS requester_name \
                 FROM tickets t JOIN users u ON u.id = t.requester_id WHERE t.id = $1",
            )
            .bind(ticket_id)
            .fetch_one(&mut **tx)
            .await
            .map_err(db_err)?;
            let facts = TicketFacts {
                requester_id: row.get("requester_id"),
                assignee_id: row.get("assignee_id"),
                approver_id: row.get("approver_id"),
                group: row
                    .get::<Option<String>, _>("assignment_group")
                    .unwrap_or_default(),
            };
            for (kind, audience) in mail_rules::planned(trigger, event.author_id, event.internal, &facts) {
                // Everyone the audience names, filtered the same way for a person and a group.
                let who = match &audience {
                    Audience::Person(_) => "u.id = $10",
                    Audience::Group(_) => {
                        "u.id IN (SELECT g.user_id FROM user_groups g WHERE g.group_name = $10)"
                    }
                };
                let sql = format!(
                    "INSERT INTO mail_outbox (kind, recipient_id, recipient, ticket_id, \
                     ticket_number, ticket_title, requester_name, detail, digest_key, created_at, \
                     next_attempt_at) \
                     SELECT $1, u.id, u.email, $2, $3, $4, $5, $6, \
                     CASE WHEN $7 = '' THEN NULL ELSE $7 || CAST(u.id AS TEXT) END, $8, $8 \
                     FROM users u WHERE {who} AND u.active AND u.email <> '' \
                     AND ($9 OR NOT EXISTS (SELECT 1 FROM mail_opt_outs o \
                     WHERE o.user_id = u.id AND o.kind = $1))"
                );
                let digest_prefix = kind.digest_prefix().unwrap_or_default();
                let query = sqlx::query(&sql)
                    .bind(kind.key())
                    .bind(ticket_id)
                    .bind(row.get::<String, _>("number"))
                    .bind(row.get::<String, _>("title"))
                    .bind(row.get::<String, _>("requester_name"))
                    .bind(&event.body)
                    .bind(digest_prefix)
                    .bind(event.now)
                    .bind(!kind.optional());
                let query = match audience {
                    Audience::Person(id) => query.bind(id),
                    Audience::Group(group) => query.bind(group),
                };
                query.execute(&mut **tx).await.map_err(db_err)?;
            }
            Ok(())
        }

        const OUTBOX_COLUMNS: &str = "id, kind, recipient, ticket_number, ticket_title, \
             requester_name, detail, attempts, created_at, \
             (SELECT u.language FROM users u WHERE u.id = mail_outbox.recipient_id) AS language";

        fn queued_from(r: &DbRow) -> StoreResult<QueuedMail> {
            let key: String = r.get("kind");
            Ok(QueuedMail {
                id: r.get("id"),
                recipient: r.get("recipient"),
                language: r.get("language"),
                facts: MailFacts {
                    kind: MailKind::from_key(&key)
                        .ok_or_else(|| db_err(format!("unknown mail kind {key}")))?,
                    ticket_number: r.get("ticket_number"),
                    ticket_title: r.get("ticket_title"),
                    requester_name: r.get("requester_name"),
                    detail: r.get("detail"),
                },
                attempts: r.get("attempts"),
                created_at: r.get("created_at"),
            })
        }

        #[async_trait::async_trait]
        impl MailStore for $store {
            async fn due_mails(&self, now: DateTime<Utc>, limit: i64) -> StoreResult<Vec<DueMail>> {
                Ok(sqlx::query(
                    "SELECT id, digest_key FROM mail_outbox \
                     WHERE state = 'pending' AND next_attempt_at <= $1 ORDER BY id LIMIT $2",
                )
                .bind(now)
                .bind(limit)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                .iter()
                .map(|r| DueMail {
                    id: r.get("id"),
                    digest_key: r.get("digest_key"),
                })
                .collect())
            }

            async fn digest_times(
                &self,
                key: &str,
            ) -> StoreResult<(Option<DateTime<Utc>>, Option<DateTime<Utc>>)> {
                let first: Option<DateTime<Utc>> = sqlx::query_scalar(
                    "SELECT MIN(created_at) FROM mail_outbox \
                     WHERE digest_key = $1 AND state = 'pending'",
                )
                .bind(key)
                .fetch_one(&self.pool)
                .await
                .map_err(db_err)?;
                let last: Option<DateTime<Utc>> = sqlx::query_scalar(
                    "SELECT MAX(sent_at) FROM mail_outbox WHERE digest_key = $1 AND state = 'sent'",
                )
                .bind(key)
                .fetch_one(&self.pool)
                .await
                .map_err(db_err)?;
                Ok((first, last))
            }

            async fn defer_digest(&self, key: &str, at: DateTime<Utc>) -> StoreResult<()> {
                sqlx::query(
                    "UPDATE mail_outbox SET next_attempt_at = $1 \
                     WHERE digest_key = $2 AND state = 'pending'",
                )
                .bind(at)
                .bind(key)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            async fn claim_mails(
                &self,
                id: i64,
                digest_key: Option<&str>,
                token: &str,
                instance: &str,
                now: DateTime<Utc>,
            ) -> StoreResult<Vec<QueuedMail>> {
                // One statement moves the rows from pending to sending: of two instances
                // racing for them, the second finds them no longer pending.
                let claim = "UPDATE mail_outbox SET state = 'sending', claim_token = $1, \
                     claimed_by = $2, claimed_at = $3 WHERE state = 'pending' AND ";
                match digest_key {
                    Some(key) => sqlx::query(&format!("{claim}digest_key = $4"))
                        .bind(token)
                        .bind(instance)
                        .bind(now)
                        .bind(key)
                        .execute(&self.pool)
                        .await
                        .map_err(db_err)?,
                    None => sqlx::query(&format!("{claim}id = $4"))
                        .bind(token)
                        .bind(instance)
                        .bind(now)
                        .bind(id)
                        .execute(&self.pool)
                        .await
                        .map_err(db_err)?,
                };
                sqlx::query(&format!(
                    "SELECT {OUTBOX_COLUMNS} FROM mail_outbox WHERE claim_token = $1 ORDER BY id"
                ))
                .bind(token)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                .iter()
                .map(queued_from)
                .collect()
            }

            async fn settle_mails(
                &self,
                token: &str,
                outcome: &MailOutcome,
                now: DateTime<Utc>,
            ) -> StoreResult<()> {
                let query = match outcome {
                    MailOutcome::Sent => sqlx::query(
                        "UPDATE mail_outbox SET state = 'sent', sent_at = $2, attempts = attempts + 1, \
                         last_error = NULL, claim_token = NULL WHERE claim_token = $1",
                    )
                    .bind(token)
                    .bind(now),
                    MailOutcome::Retry { at, error } => sqlx::query(
                        "UPDATE mail_outbox SET state = 'pending', next_attempt_at = $2, \
                         attempts = attempts + 1, last_error = $3, claim_token = NULL \
                         WHERE claim_token = $1",
                    )
                    .bind(token)
                    .bind(*at)
                    .bind(error.clone()),
                    MailOutcome::Failed { error } => sqlx::query(
                        "UPDATE mail_outbox SET state = 'failed', attempts = attempts + 1, \
                         last_error = $2, claim_token = NULL WHERE claim_token = $1",
                    )
                    .bind(token)
                    .bind(error.clone()),
                };
                query.execute(&self.pool).await.map_err(db_err)?;
                Ok(())
            }

            async fn abandon_stale_claims(&self, before: DateTime<Utc>) -> StoreResult<u64> {
                let done = sqlx::query(
                    "UPDATE mail_outbox SET state = 'uncertain', claim_token = NULL, \
                     last_error = 'The sender stopped while sending; it may or may not have arrived.' \
                     WHERE state = 'sending' AND claimed_at < $1",
                )
                .bind(before)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(done.rows_affected())
            }

            async fn mail_log(
                &self,
                filter: MailLogFilter,
                page: u32,
                per_page: u32,
            ) -> StoreResult<Page<MailLogRow>> {
                let filter_sql = match filter {
                    MailLogFilter::All => "",
                    MailLogFilter::Problems => " WHERE state IN ('failed', 'uncertain')",
                    MailLogFilter::Pending => " WHERE state IN ('pending', 'sending')",
                };
                let total: i64 = sqlx::query_scalar(&format!(
                    "SELECT COUNT(*) FROM mail_outbox{filter_sql}"
                ))
                .fetch_one(&self.pool)
                .await
                .map_err(db_err)?;
                let per_page = per_page.clamp(1, 100);
                let page = page.max(1);
                let items = sqlx::query(&format!(
                    "SELECT id, kind, recipient, ticket_number, state, attempts, created_at, \
                     sent_at, last_error FROM mail_outbox{filter_sql} \
                     ORDER BY id DESC LIMIT $1 OFFSET $2"
                ))
                .bind(i64::from(per_page))
                .bind(i64::from(page - 1) * i64::from(per_page))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                .iter()
                .map(|r| MailLogRow {
                    id: r.get("id"),
                    kind: r.get("kind"),
                    recipient: r.get("recipient"),
                    ticket_number: r.get("ticket_number"),
                    state: r.get("state"),
                    attempts: r.get("attempts"),
                    created_at: r.get("created_at"),
                    sent_at: r.get("sent_at"),
                    last_error: r.get("last_error"),
                })
                .collect();
                Ok(Page {
                    items,
                    page,
                    per_page,
                    total: total as u64,
                })
            }

            async fn mail_opt_outs(&self, user_id: i64) -> StoreResult<Vec<String>> {
                sqlx::query_scalar("SELECT kind FROM mail_opt_outs WHERE user_id = $1 ORDER BY kind")
                    .bind(user_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)
            }

            async fn set_mail_opt_outs(&self, user_id: i64, kinds: &[String]) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                sqlx::query("DELETE FROM mail_opt_outs WHERE user_id = $1")
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                for kind in kinds {
                    sqlx::query("INSERT INTO mail_opt_outs (user_id, kind) VALUES ($1, $2)")
                        .bind(user_id)
                        .bind(kind)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                }
                tx.commit().await.map_err(db_err)
            }

            async fn purge_mails(&self, before: DateTime<Utc>) -> StoreResult<u64> {
                let done = sqlx::query(
                    "DELETE FROM mail_outbox WHERE created_at < $1 \
                     AND state IN ('sent', 'failed', 'uncertain')",
                )
                .bind(before)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(done.rows_affected())
            }
        }
    };
}

pub(crate) use sql_mail;
