//! The SQL behind `ApprovalStore`, written once for SQLite and PostgreSQL (see `sql.rs` for why a
//! macro), and the transaction helpers a record's store uses to start a chain and record a
//! decision together with the record's own move (`sql_changes`). Stamped out inside each
//! adapter's module, next to `sql_store!`, whose helpers (`DbRow`, `Tx`) it uses; names that
//! `sql_changes!` imports too are written with their paths here.

macro_rules! sql_approvals {
    ($store:ident) => {
        use app::backend::approval_store::{
            ApprovalStore, DecisionRecord, NamedChain, NewRun, Progress, RunRecord,
        };
        use app::domain::approval_chain::{Decision, Delegation, RunStatus, Verdict};

        /// Who the run waits for now, replaced whole. Those it did not wait for before are
        /// told their turn has come (`mail_newly_waiting`), in the same transaction; those it
        /// still waits for keep since when, and when they were last reminded.
        async fn set_waiting(
            tx: &mut Tx<'_>,
            run_id: i64,
            waiting_on: &[String],
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let before: Vec<(String, Option<DateTime<Utc>>, Option<DateTime<Utc>>)> =
                sqlx::query_as(
                    "DELETE FROM approval_waiting WHERE run_id = $1 \
                     RETURNING approver, waiting_since, reminded_at",
                )
                .bind(run_id)
                .fetch_all(&mut **tx)
                .await
                .map_err(db_err)?;
            for approver in waiting_on {
                let kept = before.iter().find(|(a, _, _)| a == approver);
                sqlx::query(
                    "INSERT INTO approval_waiting (run_id, approver, waiting_since, reminded_at) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                )
                .bind(run_id)
                .bind(approver)
                .bind(kept.map_or(Some(at), |(_, since, _)| *since))
                .bind(kept.and_then(|(_, _, reminded)| *reminded))
                .execute(&mut **tx)
                .await
                .map_err(db_err)?;
                if kept.is_none() {
                    mail_newly_waiting(tx, run_id, approver, at).await?;
                }
            }
            Ok(())
        }

        /// Queues "approve or reject" for `approver`, whose step of run `run_id` has come (and
        /// for whoever decides in their place now): for a request with its requester's name,
        /// for a change with its owner's. The same kind and digest as the line manager's mail,
        /// so a busy approver gets one digest, whatever asked.
        async fn mail_newly_waiting(
            tx: &mut Tx<'_>,
            run_id: i64,
            approver: &str,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let kind = app::domain::mail::MailKind::ApprovalNeeded;
            sqlx::query(&format!(
                "INSERT INTO mail_outbox (kind, recipient_id, recipient, ticket_id, change_id, \
                 ticket_number, ticket_title, requester_name, detail, digest_key, created_at, \
                 next_attempt_at) \
                 SELECT $1, u.id, u.email, {RECORD_OF_RUN}, '', $2 || CAST(u.id AS TEXT), $3, $3 \
                 FROM approval_runs ar {RECORD_JOINS} JOIN users u ON {APPROVER_OR_DELEGATE} \
                 WHERE ar.id = $5 AND u.active AND u.email <> ''"
            ))
            .bind(kind.key())
            .bind(kind.digest_prefix().unwrap_or_default())
            .bind(at)
            .bind(approver)
            .bind(run_id)
            .execute(&mut **tx)
            .await
            .map_err(db_err)?;
            Ok(())
        }

        /// Whom a mail to approver `$4` at `$3` goes to: the approver, and whoever decides in
        /// their place then (`approval_delegations`), so an approver away is not waited for in
        /// silence.
        const APPROVER_OR_DELEGATE: &str = "(u.email = $4 OR u.email IN \
             (SELECT d.to_email FROM approval_delegations d WHERE d.from_email = $4 \
             AND d.starts_at <= $3 AND d.ends_at > $3))";

        /// The record a run `ar` is on, as an outbox row names it: ticket id, change id,
        /// number, title, and the name of whoever asked (requester, change owner). Needs
        /// `RECORD_JOINS`.
        const RECORD_OF_RUN: &str = "t.id, c.id, COALESCE(t.number, c.number), \
             COALESCE(t.title, c.title), COALESCE(rq.name, ow.name)";
        const RECORD_JOINS: &str = "\
             LEFT JOIN tickets t ON ar.subject = 'ticket' AND t.id = ar.subject_id \
             LEFT JOIN users rq ON rq.id = t.requester_id \
             LEFT JOIN changes c ON ar.subject = 'change' AND c.id = ar.subject_id \
             LEFT JOIN users ow ON ow.id = c.owner_id";

        /// Queues "still waiting for your decision" for every approver of a waiting chain who
        /// was last nudged (asked, or reminded) before `cutoff`, and notes them reminded at
        /// `now`, in one transaction. Answers how many mails were queued.
        async fn queue_approval_reminders(
            store: &$store,
            cutoff: DateTime<Utc>,
            now: DateTime<Utc>,
        ) -> StoreResult<u64> {
            const DUE: &str = "COALESCE(w.reminded_at, w.waiting_since, ar.started_at) < $4";
            let kind = app::domain::mail::MailKind::ApprovalReminder;
            let mut tx = store.pool.begin().await.map_err(db_err)?;
            let queued = sqlx::query(&format!(
                "INSERT INTO mail_outbox (kind, recipient_id, recipient, ticket_id, change_id, \
                 ticket_number, ticket_title, requester_name, detail, digest_key, created_at, \
                 next_attempt_at) \
                 SELECT $1, u.id, u.email, {RECORD_OF_RUN}, '', $2 || CAST(u.id AS TEXT), $3, $3 \
                 FROM approval_waiting w JOIN approval_runs ar ON ar.id = w.run_id \
                 {RECORD_JOINS} JOIN users u ON {} \
                 WHERE ar.status = 'waiting' AND {DUE} AND u.active AND u.email <> ''",
                APPROVER_OR_DELEGATE.replace("$4", "w.approver")
            ))
            .bind(kind.key())
            .bind(kind.digest_prefix().unwrap_or_default())
            .bind(now)
            .bind(cutoff)
            .execute(&mut *tx)
            .await
            .map_err(db_err)?
            .rows_affected();
            sqlx::query(&format!(
                "UPDATE approval_waiting SET reminded_at = $1 WHERE EXISTS \
                 (SELECT 1 FROM approval_waiting w JOIN approval_runs ar ON ar.id = w.run_id \
                 WHERE w.run_id = approval_waiting.run_id AND w.approver = approval_waiting.approver \
                 AND ar.status = 'waiting' AND {})",
                DUE.replace("$4", "$2")
            ))
            .bind(now)
            .bind(cutoff)
            .execute(&mut *tx)
            .await
            .map_err(db_err)?;
            tx.commit().await.map_err(db_err)?;
            Ok(queued)
        }

        /// Starts `run` on the record, waiting for its first step's approvers.
        async fn insert_run(
            tx: &mut Tx<'_>,
            subject: &str,
            subject_id: i64,
            run: &NewRun,
        ) -> StoreResult<()> {
            let ended = (run.progress.status != RunStatus::Waiting).then_some(run.at);
            let run_id: i64 = sqlx::query_scalar(
                "INSERT INTO approval_runs (subject, subject_id, chain_name, steps, status, \
                 revision, started_at, ended_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $7) \
                 RETURNING id",
            )
            .bind(subject)
            .bind(subject_id)
            .bind(&run.chain_name)
            .bind(serde_json::to_string(&run.steps).map_err(db_err)?)
            .bind(run.progress.status.as_str())
            .bind(run.at)
            .bind(ended)
            .fetch_one(&mut **tx)
            .await
            .map_err(db_err)?;
            set_waiting(tx, run_id, &run.progress.waiting_on, run.at).await
        }

        /// Ends whatever chain still waits on the record: it left authorisation another way.
        async fn withdraw_runs(
            tx: &mut Tx<'_>,
            subject: &str,
            subject_id: i64,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            let waiting: Vec<i64> = sqlx::query_scalar(
                "UPDATE approval_runs SET status = 'withdrawn', ended_at = $1, \
                 revision = revision + 1 \
                 WHERE subject = $2 AND subject_id = $3 AND status = 'waiting' RETURNING id",
            )
            .bind(at)
            .bind(subject)
            .bind(subject_id)
            .fetch_all(&mut **tx)
            .await
            .map_err(db_err)?;
            for run_id in waiting {
                set_waiting(tx, run_id, &[], at).await?;
            }
            Ok(())
        }

        /// Writes one decision if the run is still at `expect_revision` and this approver has
        /// not decided this step yet; false writes nothing of it (the caller rolls back).
        async fn record_decision(
            tx: &mut Tx<'_>,
            run_id: i64,
            expect_revision: i64,
            decided: &DecisionRecord,
            progress: &Progress,
        ) -> StoreResult<bool> {
            let d = &decided.decision;
            let ended = (progress.status != RunStatus::Waiting).then_some(d.at);
            let moved = sqlx::query(
                "UPDATE approval_runs SET status = $1, ended_at = $2, revision = revision + 1 \
                 WHERE id = $3 AND revision = $4 AND status = 'waiting'",
            )
            .bind(progress.status.as_str())
            .bind(ended)
            .bind(run_id)
            .bind(expect_revision)
            .execute(&mut **tx)
            .await
            .map_err(db_err)?
            .rows_affected();
            if moved != 1 {
                return Ok(false);
            }
            let inserted = sqlx::query(
                "INSERT INTO approval_decisions (run_id, step, approver, decided_by, verdict, \
                 comment, decided_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING",
            )
            .bind(run_id)
            .bind(d.step as i64)
            .bind(&d.for_whom)
            .bind(&d.by)
            .bind(d.verdict.as_str())
            .bind(&decided.comment)
            .bind(d.at)
            .execute(&mut **tx)
            .await
            .map_err(db_err)?
            .rows_affected();
            if inserted != 1 {
                return Ok(false);
            }
            set_waiting(tx, run_id, &progress.waiting_on, d.at).await?;
            Ok(true)
        }

        /// The latest run on a record, with its decisions.
        async fn latest_run(
            store: &$store,
            subject: &str,
            subject_id: i64,
        ) -> StoreResult<Option<RunRecord>> {
            let Some(r) = sqlx::query(
                "SELECT * FROM approval_runs WHERE subject = $1 AND subject_id = $2 \
                 ORDER BY id DESC LIMIT 1",
            )
            .bind(subject)
            .bind(subject_id)
            .fetch_optional(&store.pool)
            .await
            .map_err(db_err)?
            else {
                return Ok(None);
            };
            let id: i64 = r.get("id");
            let decisions = sqlx::query(
                "SELECT * FROM approval_decisions WHERE run_id = $1 ORDER BY decided_at, step",
            )
            .bind(id)
            .fetch_all(&store.pool)
            .await
            .map_err(db_err)?
            .iter()
            .map(|d| DecisionRecord {
                decision: Decision {
                    step: usize::try_from(d.get::<i64, _>("step")).unwrap_or(0),
                    by: d.get("decided_by"),
                    for_whom: d.get("approver"),
                    verdict: Verdict::parse(d.get("verdict")).unwrap_or(Verdict::Reject),
                    at: d.get("decided_at"),
                },
                comment: d.get("comment"),
            })
            .collect();
            Ok(Some(RunRecord {
                id,
                chain_name: r.get("chain_name"),
                steps: serde_json::from_str(r.get::<&str, _>("steps")).map_err(db_err)?,
                status: RunStatus::parse(r.get("status")).unwrap_or(RunStatus::Withdrawn),
                revision: r.get("revision"),
                started_at: r.get("started_at"),
                ended_at: r.get("ended_at"),
                decisions,
            }))
        }

        fn delegation_from(r: &DbRow) -> Delegation {
            Delegation {
                from: r.get("from_email"),
                to: r.get("to_email"),
                starts: r.get("starts_at"),
                ends: r.get("ends_at"),
            }
        }

        fn named_chain(r: &DbRow) -> StoreResult<NamedChain> {
            Ok(NamedChain {
                key: r.get("key"),
                name: r.get("name"),
                chain: serde_json::from_str(r.get::<&str, _>("steps")).map_err(db_err)?,
            })
        }

        /// Moves the named setting of `change_settings` on from revision `expect` (0: it must
        /// not exist yet) with `body`; the rows changed (0: stale). Written first, so on SQLite
        /// the transaction takes the write lock before it reads.
        async fn bump_setting(
            tx: &mut Tx<'_>,
            name: &str,
            body: &str,
            expect: i64,
            now: DateTime<Utc>,
        ) -> StoreResult<u64> {
            let done = if expect == 0 {
                sqlx::query(
                    "INSERT INTO change_settings (name, body, revision, updated_at) \
                     VALUES ($1, $2, 1, $3) ON CONFLICT (name) DO NOTHING",
                )
                .bind(name)
                .bind(body)
                .bind(now)
            } else {
                sqlx::query(
                    "UPDATE change_settings SET body = $2, revision = revision + 1, \
                     updated_at = $3 WHERE name = $1 AND revision = $4",
                )
                .bind(name)
                .bind(body)
                .bind(now)
                .bind(expect)
            }
            .execute(&mut **tx)
            .await
            .map_err(db_err)?;
            Ok(done.rows_affected())
        }

        /// The setting row that carries the change policy's revision.
        const POLICY_SETTING: &str = "change_policy";
        /// The setting row that holds the risk questionnaire.
        const RISK_SETTING: &str = "risk_model";

        #[async_trait::async_trait]
        impl ApprovalStore for $store {
            async fn save_approval_chain(
                &self,
                c: &NamedChain,
                now: DateTime<Utc>,
            ) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO approval_chains (key, name, steps, revision, updated_at) \
                     VALUES ($1, $2, $3, 1, $4) ON CONFLICT (key) DO UPDATE SET \
                     name = excluded.name, steps = excluded.steps, \
                     revision = approval_chains.revision + 1, updated_at = excluded.updated_at",
                )
                .bind(&c.key)
                .bind(&c.name)
                .bind(serde_json::to_string(&c.chain).map_err(db_err)?)
                .bind(now)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            async fn approval_chains(&self) -> StoreResult<Vec<NamedChain>> {
                sqlx::query("SELECT key, name, steps FROM approval_chains ORDER BY name, key")
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?
                    .iter()
                    .map(named_chain)
                    .collect()
            }

            async fn approval_chain(&self, key: &str) -> StoreResult<Option<NamedChain>> {
                sqlx::query("SELECT key, name, steps FROM approval_chains WHERE key = $1")
                    .bind(key)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?
                    .map(|r| named_chain(&r))
                    .transpose()
            }

            async fn set_change_policy(
                &self,
                kind: app::domain::change::ChangeKind,
                level: app::domain::change_risk::RiskLevel,
                chain_key: &str,
            ) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO change_approval_policy (kind, risk_level, chain_key) \
                     VALUES ($1, $2, $3) ON CONFLICT (kind, risk_level) DO UPDATE SET \
                     chain_key = excluded.chain_key",
                )
                .bind(kind.as_str())
                .bind(level.as_str())
                .bind(chain_key)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            async fn change_policy_chain(
                &self,
                kind: app::domain::change::ChangeKind,
                level: app::domain::change_risk::RiskLevel,
            ) -> StoreResult<Option<NamedChain>> {
                sqlx::query(
                    "SELECT c.key, c.name, c.steps FROM change_approval_policy p \
                     JOIN approval_chains c ON c.key = p.chain_key \
                     WHERE p.kind = $1 AND p.risk_level = $2",
                )
                .bind(kind.as_str())
                .bind(level.as_str())
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?
                .map(|r| named_chain(&r))
                .transpose()
            }

            async fn chain_records(&self) -> StoreResult<Vec<app::model::ChainAdminView>> {
                let rows = sqlx::query(
                    "SELECT key, name, steps, revision FROM approval_chains ORDER BY name, key",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let items: Vec<(String, String)> = sqlx::query_as(
                    "SELECT approval_chain, name FROM items WHERE approval_chain IS NOT NULL \
                     ORDER BY name",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let in_policy: Vec<String> =
                    sqlx::query_scalar("SELECT DISTINCT chain_key FROM change_approval_policy")
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)?;
                rows.iter()
                    .map(|r| {
                        let named = named_chain(r)?;
                        Ok(app::model::ChainAdminView {
                            items: items
                                .iter()
                                .filter(|(key, _)| *key == named.key)
                                .map(|(_, item)| item.clone())
                                .collect(),
                            in_change_policy: in_policy.contains(&named.key),
                            revision: r.get("revision"),
                            key: named.key,
                            name: named.name,
                            chain: named.chain,
                        })
                    })
                    .collect()
            }

            #[tracing::instrument(skip(self, c, audit))]
            async fn save_chain(
                &self,
                c: &NamedChain,
                expect: i64,
                audit: &AuditEntry,
                now: DateTime<Utc>,
            ) -> StoreResult<Written> {
                let steps = serde_json::to_string(&c.chain).map_err(db_err)?;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let done = if expect == 0 {
                    sqlx::query(
                        "INSERT INTO approval_chains (key, name, steps, revision, updated_at) \
                         VALUES ($1, $2, $3, 1, $4) ON CONFLICT (key) DO NOTHING",
                    )
                    .bind(&c.key)
                    .bind(&c.name)
                    .bind(&steps)
                    .bind(now)
                } else {
                    sqlx::query(
                        "UPDATE approval_chains SET name = $2, steps = $3, \
                         revision = revision + 1, updated_at = $4 \
                         WHERE key = $1 AND revision = $5",
                    )
                    .bind(&c.key)
                    .bind(&c.name)
                    .bind(&steps)
                    .bind(now)
                    .bind(expect)
                }
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                finish_checked(
                    tx,
                    done.rows_affected(),
                    "approval_chains",
                    "key",
                    &c.key,
                    expect + 1,
                    audit,
                )
                .await
            }

            #[tracing::instrument(skip(self, audit))]
            async fn delete_chain(
                &self,
                key: &str,
                expect: i64,
                audit: &AuditEntry,
            ) -> StoreResult<Written> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let done = sqlx::query(
                    "DELETE FROM approval_chains WHERE key = $1 AND revision = $2 \
                     AND NOT EXISTS (SELECT 1 FROM items WHERE approval_chain = $1) \
                     AND NOT EXISTS (SELECT 1 FROM change_approval_policy WHERE chain_key = $1)",
                )
                .bind(key)
                .bind(expect)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                finish_checked(
                    tx,
                    done.rows_affected(),
                    "approval_chains",
                    "key",
                    key,
                    expect,
                    audit,
                )
                .await
            }

            async fn change_policy(&self) -> StoreResult<(Vec<app::model::PolicyRule>, i64)> {
                let rows = sqlx::query(
                    "SELECT kind, risk_level, chain_key FROM change_approval_policy",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let rules = rows
                    .iter()
                    .filter_map(|r| {
                        Some(app::model::PolicyRule {
                            kind: app::domain::change::ChangeKind::parse(r.get("kind"))?,
                            level: app::domain::change_risk::RiskLevel::parse(
                                r.get("risk_level"),
                            )?,
                            chain: Some(r.get("chain_key")),
                        })
                    })
                    .collect();
                let revision: Option<i64> =
                    sqlx::query_scalar("SELECT revision FROM change_settings WHERE name = $1")
                        .bind(POLICY_SETTING)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(db_err)?;
                Ok((rules, revision.unwrap_or(0)))
            }

            #[tracing::instrument(skip(self, rules, audit))]
            async fn save_change_policy(
                &self,
                rules: &[app::model::PolicyRule],
                expect: i64,
                audit: &AuditEntry,
                now: DateTime<Utc>,
            ) -> StoreResult<Written> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let changed = bump_setting(&mut tx, POLICY_SETTING, "", expect, now).await?;
                if changed > 0 {
                    sqlx::query("DELETE FROM change_approval_policy")
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    for rule in rules {
                        let Some(chain) = &rule.chain else { continue };
                        sqlx::query(
                            "INSERT INTO change_approval_policy (kind, risk_level, chain_key) \
                             VALUES ($1, $2, $3)",
                        )
                        .bind(rule.kind.as_str())
                        .bind(rule.level.as_str())
                        .bind(chain)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    }
                }
                finish_checked(
                    tx,
                    changed,
                    "change_settings",
                    "name",
                    POLICY_SETTING,
                    expect + 1,
                    audit,
                )
                .await
            }

            async fn risk_model(
                &self,
            ) -> StoreResult<Option<(app::domain::change_risk::RiskModel, i64)>> {
                let row = sqlx::query("SELECT body, revision FROM change_settings WHERE name = $1")
                    .bind(RISK_SETTING)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?;
                row.map(|r| {
                    let model = serde_json::from_str(r.get::<&str, _>("body")).map_err(db_err)?;
                    Ok((model, r.get("revision")))
                })
                .transpose()
            }

            #[tracing::instrument(skip(self, model, audit))]
            async fn save_risk_model(
                &self,
                model: &app::domain::change_risk::RiskModel,
                expect: i64,
                audit: &AuditEntry,
                now: DateTime<Utc>,
            ) -> StoreResult<Written> {
                let body = serde_json::to_string(model).map_err(db_err)?;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let changed = bump_setting(&mut tx, RISK_SETTING, &body, expect, now).await?;
                finish_checked(
                    tx,
                    changed,
                    "change_settings",
                    "name",
                    RISK_SETTING,
                    expect + 1,
                    audit,
                )
                .await
            }

            async fn change_run(&self, change_id: i64) -> StoreResult<Option<RunRecord>> {
                latest_run(self, "change", change_id).await
            }

            async fn ticket_run(&self, ticket_id: i64) -> StoreResult<Option<RunRecord>> {
                latest_run(self, "ticket", ticket_id).await
            }

            async fn approves_ticket(&self, ticket_id: i64, email: &str) -> StoreResult<bool> {
                sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM approval_runs r WHERE r.subject = 'ticket' \
                     AND r.subject_id = $1 AND ( \
                       EXISTS (SELECT 1 FROM approval_waiting w \
                               WHERE w.run_id = r.id AND w.approver = $2) \
                       OR EXISTS (SELECT 1 FROM approval_decisions d WHERE d.run_id = r.id \
                                  AND (d.approver = $2 OR d.decided_by = $2))))",
                )
                .bind(ticket_id)
                .bind(email.to_lowercase())
                .fetch_one(&self.pool)
                .await
                .map_err(db_err)
            }

            async fn changes_waiting_for(&self, approvers: &[String]) -> StoreResult<Vec<String>> {
                let mut numbers: Vec<(i64, String)> = Vec::new();
                // One look-up per approver (a person and those they stand in for: a handful).
                for approver in approvers {
                    let rows = sqlx::query(
                        "SELECT r.id, c.number FROM approval_waiting w \
                         JOIN approval_runs r ON r.id = w.run_id \
                         JOIN changes c ON c.id = r.subject_id \
                         WHERE w.approver = $1 AND r.subject = 'change' AND r.status = 'waiting'",
                    )
                    .bind(approver)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                    numbers.extend(rows.iter().map(|r| (r.get("id"), r.get("number"))));
                }
                numbers.sort();
                numbers.dedup();
                Ok(numbers.into_iter().map(|(_, number)| number).collect())
            }

            async fn delegations_to(
                &self,
                email: &str,
                at: DateTime<Utc>,
            ) -> StoreResult<Vec<Delegation>> {
                let rows = sqlx::query(
                    "SELECT from_email, to_email, starts_at, ends_at FROM approval_delegations \
                     WHERE to_email = $1 AND ends_at > $2 AND starts_at <= $2 ORDER BY id",
                )
                .bind(email)
                .bind(at)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows.iter().map(delegation_from).collect())
            }

            async fn delegations_from(
                &self,
                email: &str,
                at: DateTime<Utc>,
            ) -> StoreResult<Vec<Delegation>> {
                let rows = sqlx::query(
                    "SELECT from_email, to_email, starts_at, ends_at FROM approval_delegations \
                     WHERE from_email = $1 AND ends_at > $2 ORDER BY starts_at, id",
                )
                .bind(email)
                .bind(at)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows.iter().map(delegation_from).collect())
            }

            async fn end_delegations(
                &self,
                from: &str,
                to: &str,
                at: DateTime<Utc>,
            ) -> StoreResult<bool> {
                // One not started yet ends before it starts: it never applies.
                let ended = sqlx::query(
                    "UPDATE approval_delegations SET ends_at = $1, \
                     starts_at = CASE WHEN starts_at > $1 THEN $1 ELSE starts_at END \
                     WHERE from_email = $2 AND to_email = $3 AND ends_at > $1",
                )
                .bind(at)
                .bind(from)
                .bind(to)
                .execute(&self.pool)
                .await
                .map_err(db_err)?
                .rows_affected();
                Ok(ended > 0)
            }

            async fn add_delegation(
                &self,
                d: &Delegation,
                now: DateTime<Utc>,
            ) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO approval_delegations (from_email, to_email, starts_at, ends_at, \
                     created_at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(&d.from)
                .bind(&d.to)
                .bind(d.starts)
                .bind(d.ends)
                .bind(now)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }
        }
    };
}

pub(crate) use sql_approvals;
