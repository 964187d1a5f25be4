//! The SQL behind `ChangeStore`, written once for SQLite and PostgreSQL (see `sql.rs` for why a
//! macro). Stamped out inside each adapter's module, next to `sql_store!`, whose helpers
//! (`DbRow`, `Tx`) it uses.

macro_rules! sql_changes {
    ($store:ident) => {
        use app::backend::change_store::{
            AuthorisedChange, CalendarChange, ChangeContent, ChangeEvent, ChangeRecord, ChangeStore, ChangeWrite,
            NewChange, Target,
        };
        use app::domain::change::{
            change_number, ChangeKind, ChangeOutcome, ChangePlans, ChangeState, Window,
        };
        use app::domain::change_calendar::FreezeWindow;
        use app::domain::change_risk::{RiskAssessment, RiskLevel};

        /// The states the calendar shows (`ChangeState::on_calendar`).
        const CALENDAR_STATES: &str =
            "('authorise', 'scheduled', 'implement', 'review', 'closed')";

        fn change_content(r: &DbRow, targets: Vec<Target>) -> StoreResult<ChangeContent> {
            let risk = match (
                r.get::<Option<i64>, _>("risk_score"),
                r.get::<Option<&str>, _>("risk_level").and_then(RiskLevel::parse),
            ) {
                (Some(score), Some(level)) => Some(RiskAssessment {
                    score: u32::try_from(score).unwrap_or(0),
                    level,
                }),
                _ => None,
            };
            let window = match (
                r.get::<Option<DateTime<Utc>>, _>("window_start"),
                r.get::<Option<DateTime<Utc>>, _>("window_end"),
            ) {
                (Some(start), Some(end)) => Some(Window { start, end }),
                _ => None,
            };
            Ok(ChangeContent {
                kind: ChangeKind::parse(r.get("kind")).unwrap_or(ChangeKind::Normal),
                state: ChangeState::parse(r.get("state")).unwrap_or(ChangeState::Draft),
                plans: ChangePlans {
                    title: r.get("title"),
                    implementation: r.get("implementation_plan"),
                    back_out: r.get("back_out_plan"),
                    test: r.get("test_plan"),
                },
                risk_answers: serde_json::from_str(r.get::<&str, _>("risk_answers"))
                    .map_err(db_err)?,
                risk,
                window,
                targets,
                outcome: r.get::<Option<&str>, _>("outcome").and_then(ChangeOutcome::parse),
                review: r.get("review"),
            })
        }

        fn freeze_from(r: &DbRow) -> StoreResult<FreezeWindow> {
            Ok(FreezeWindow {
                name: r.get("name"),
                first_day: r.get("first_day"),
                last_day: r.get("last_day"),
                every_year: r.get("every_year"),
                stores: serde_json::from_str(r.get::<&str, _>("stores")).map_err(db_err)?,
            })
        }

        /// Ends a checked write of a freeze: nothing changed means it moved on (or is gone),
        /// and nothing is written; else its audit entry goes with it. (`finish_checked` reads
        /// the current revision by a text key, which PostgreSQL will not compare with an id.)
        async fn finish_freeze(
            mut tx: Tx<'_>,
            changed: u64,
            revision: i64,
            audit: &AuditEntry,
        ) -> StoreResult<Written> {
            if changed == 0 {
                tx.rollback().await.map_err(db_err)?;
                return Ok(Written::Stale { current: 0 });
            }
            write_audit(&mut tx, audit).await?;
            tx.commit().await.map_err(db_err)?;
            Ok(Written::Done { revision })
        }

        async fn insert_change_event(
            tx: &mut Tx<'_>,
            change_id: i64,
            author_id: Option<i64>,
            kind: &str,
            body: &str,
            at: DateTime<Utc>,
        ) -> StoreResult<()> {
            sqlx::query(
                "INSERT INTO change_events (change_id, author_id, kind, body, created_at) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(change_id)
            .bind(author_id)
            .bind(kind)
            .bind(body)
            .bind(at)
            .execute(&mut **tx)
            .await
            .map_err(db_err)?;
            Ok(())
        }

        /// Each change's targets, by change id.
        fn targets_by_change(rows: &[DbRow]) -> std::collections::BTreeMap<i64, Vec<Target>> {
            let mut by_change: std::collections::BTreeMap<i64, Vec<Target>> = Default::default();
            for r in rows {
                let asset: String = r.get("asset_tag");
                by_change.entry(r.get("change_id")).or_default().push(Target {
                    store: r.get("store_code"),
                    asset: (!asset.is_empty()).then_some(asset),
                });
            }
            by_change
        }

        /// The changes `from_where` selects over `[from, to)` (a `FROM … WHERE …` naming the
        /// changes `c`, with `$1` and `$2` for the period), in `order`, with each one's targets.
        async fn changes_with_targets(
            store: &$store,
            columns: &str,
            from_where: &str,
            order: &str,
            (from, to): (DateTime<Utc>, DateTime<Utc>),
        ) -> StoreResult<Vec<(DbRow, Vec<Target>)>> {
            let rows = sqlx::query(&format!("SELECT c.id, {columns} {from_where} ORDER BY {order}"))
                .bind(from)
                .bind(to)
                .fetch_all(&store.pool)
                .await
                .map_err(db_err)?;
            let targets = sqlx::query(&format!(
                "SELECT change_id, store_code, asset_tag FROM change_targets \
                 WHERE change_id IN (SELECT c.id {from_where}) ORDER BY store_code, asset_tag"
            ))
            .bind(from)
            .bind(to)
            .fetch_all(&store.pool)
            .await
            .map_err(db_err)?;
            let mut targets = targets_by_change(&targets);
            Ok(rows
                .into_iter()
                .map(|r| {
                    let touched = targets.remove(&r.get::<i64, _>("id")).unwrap_or_default();
                    (r, touched)
                })
                .collect())
        }

        /// Writes a change's content over `expect_revision` with its timeline entry, what goes
        /// with it (a chain it starts, a problem it resolves), and withdraws a waiting approval
        /// chain when the change is no longer in authorisation. False: the change or the
        /// problem moved on; the caller rolls back.
        async fn write_change(
            tx: &mut Tx<'_>,
            change_id: i64,
            w: &ChangeWrite<'_>,
        ) -> StoreResult<bool> {
            let (c, event) = (w.content, w.event);
            let answers = serde_json::to_string(&c.risk_answers).map_err(db_err)?;
            let written = sqlx::query(
                "UPDATE changes SET kind = $1, state = $2, title = $3, implementation_plan = $4, \
                 back_out_plan = $5, test_plan = $6, risk_answers = $7, risk_score = $8, \
                 risk_level = $9, window_start = $10, window_end = $11, outcome = $12, \
                 review = $13, updated_at = $14, revision = revision + 1 \
                 WHERE id = $15 AND revision = $16",
            )
            .bind(c.kind.as_str())
            .bind(c.state.as_str())
            .bind(&c.plans.title)
            .bind(&c.plans.implementation)
            .bind(&c.plans.back_out)
            .bind(&c.plans.test)
            .bind(answers)
            .bind(c.risk.map(|r| i64::from(r.score)))
            .bind(c.risk.map(|r| r.level.as_str()))
            .bind(c.window.map(|w| w.start))
            .bind(c.window.map(|w| w.end))
            .bind(c.outcome.map(ChangeOutcome::as_str))
            .bind(&c.review)
            .bind(event.at)
            .bind(change_id)
            .bind(w.expect_revision)
            .execute(&mut **tx)
            .await
            .map_err(db_err)?
            .rows_affected()
                == 1;
            if !written {
                return Ok(false);
            }
            sqlx::query("DELETE FROM change_targets WHERE change_id = $1")
                .bind(change_id)
                .execute(&mut **tx)
                .await
                .map_err(db_err)?;
            for target in &c.targets {
                sqlx::query(
                    "INSERT INTO change_targets (change_id, store_code, asset_tag) \
                     VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                )
                .bind(change_id)
                .bind(&target.store)
                .bind(target.asset.as_deref().unwrap_or(""))
                .execute(&mut **tx)
                .await
                .map_err(db_err)?;
            }
            if c.state != ChangeState::Authorise {
                withdraw_runs(tx, "change", change_id, event.at).await?;
            }
            if let Some(run) = w.start {
                insert_run(tx, "change", change_id, run).await?;
            }
            if let Some((problem_id, problem)) = w.resolves {
                if !write_problem(tx, problem_id, problem).await? {
                    return Ok(false);
                }
            }
            insert_change_event(tx, change_id, w.author_id, &event.kind, &event.body, event.at)
                .await?;
            Ok(true)
        }

        #[async_trait::async_trait]
        impl ChangeStore for $store {
            #[tracing::instrument(skip_all)]
            async fn create_change(&self, c: &NewChange, event_body: &str) -> StoreResult<String> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // The tickets' counter table, with the same gapless, write-first number taking
                // as tickets and problems (see create_ticket).
                let seq: i64 = sqlx::query_scalar(
                    "UPDATE ticket_counters SET next_value = next_value + 1 WHERE kind = 'change' \
                     RETURNING next_value - 1",
                )
                .fetch_one(&mut *tx)
                .await
                .map_err(db_err)?;
                let number = change_number(seq);
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO changes (number, kind, state, title, implementation_plan, \
                     back_out_plan, test_plan, risk_answers, review, problem_id, owner_id, \
                     created_at, updated_at, revision) \
                     VALUES ($1, $2, $3, $4, '', '', '', '{}', '', $5, $6, $7, $7, 1) RETURNING id",
                )
                .bind(&number)
                .bind(c.kind.as_str())
                .bind(ChangeState::Draft.as_str())
                .bind(&c.title)
                .bind(c.problem_id)
                .bind(c.owner_id)
                .bind(c.now)
                .fetch_one(&mut *tx)
                .await
                .map_err(db_err)?;
                insert_change_event(&mut tx, id, Some(c.owner_id), "raised", event_body, c.now)
                    .await?;
                tx.commit().await.map_err(db_err)?;
                Ok(number)
            }

            async fn change(&self, number: &str) -> StoreResult<Option<ChangeRecord>> {
                let Some(r) = sqlx::query(
                    "SELECT c.*, u.name AS owner, u.email AS owner_email, p.number AS problem \
                     FROM changes c \
                     JOIN users u ON u.id = c.owner_id \
                     LEFT JOIN problems p ON p.id = c.problem_id WHERE c.number = $1",
                )
                .bind(number)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?
                else {
                    return Ok(None);
                };
                let id: i64 = r.get("id");
                let targets = sqlx::query(
                    "SELECT change_id, store_code, asset_tag FROM change_targets \
                     WHERE change_id = $1 ORDER BY store_code, asset_tag",
                )
                .bind(id)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let targets = targets_by_change(&targets).remove(&id).unwrap_or_default();
                let events = sqlx::query(
                    "SELECT e.kind, e.body, e.created_at, u.name AS author FROM change_events e \
                     LEFT JOIN users u ON u.id = e.author_id WHERE e.change_id = $1 ORDER BY e.id",
                )
                .bind(id)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                .iter()
                .map(|e| ChangeEvent {
                    kind: e.get("kind"),
                    body: e.get("body"),
                    author: e.get("author"),
                    at: e.get("created_at"),
                })
                .collect();
                Ok(Some(ChangeRecord {
                    id,
                    number: r.get("number"),
                    content: change_content(&r, targets)?,
                    problem: r.get("problem"),
                    owner_id: r.get("owner_id"),
                    owner: r.get("owner"),
                    owner_email: r.get("owner_email"),
                    revision: r.get("revision"),
                    created_at: r.get("created_at"),
                    updated_at: r.get("updated_at"),
                    events,
                }))
            }

            #[tracing::instrument(skip(self, write))]
            async fn save_change(
                &self,
                change_id: i64,
                write: &ChangeWrite<'_>,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                if !write_change(&mut tx, change_id, write).await? {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(false);
                }
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }

            #[tracing::instrument(skip(self, decided, progress, event, end))]
            async fn decide_on_change(
                &self,
                change_id: i64,
                run_id: i64,
                expect_run_revision: i64,
                decided: &DecisionRecord,
                progress: &Progress,
                event: &ChangeEvent,
                end: Option<ChangeWrite<'_>>,
            ) -> StoreResult<bool> {
                // Read before the transaction: on SQLite a transaction that reads first and
                // writes second fails outright when another writer committed in between.
                let author_id: Option<i64> =
                    sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
                        .bind(&decided.decision.by)
                        .fetch_optional(&self.pool)
                        .await
                        .map_err(db_err)?;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                if !record_decision(&mut tx, run_id, expect_run_revision, decided, progress).await? {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(false);
                }
                // The decision comes before the move it caused on the timeline.
                insert_change_event(&mut tx, change_id, author_id, &event.kind, &event.body, event.at)
                    .await?;
                if let Some(end) = end {
                    if !write_change(&mut tx, change_id, &end).await? {
                        tx.rollback().await.map_err(db_err)?;
                        return Ok(false);
                    }
                }
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }

            async fn calendar_changes(
                &self,
                from: DateTime<Utc>,
                to: DateTime<Utc>,
            ) -> StoreResult<Vec<CalendarChange>> {
                // A window is at most `MAX_WINDOW_HOURS` long, so those meeting [from, to) start
                // within that much before `from`: an index range on window_start.
                let earliest =
                    from - chrono::Duration::hours(app::domain::change::MAX_WINDOW_HOURS);
                let rows = sqlx::query(&format!(
                    "SELECT id, number, title, kind, state, window_start, window_end FROM changes \
                     WHERE window_start >= $1 AND window_start < $2 AND window_end > $3 \
                     AND state IN {CALENDAR_STATES} ORDER BY window_start, id"
                ))
                .bind(earliest)
                .bind(to)
                .bind(from)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let targets = sqlx::query(&format!(
                    "SELECT t.change_id, t.store_code, t.asset_tag, a.kind AS device_kind \
                     FROM change_targets t JOIN changes c ON c.id = t.change_id \
                     LEFT JOIN assets a ON a.tag = t.asset_tag \
                     WHERE c.window_start >= $1 AND c.window_start < $2 AND c.window_end > $3 \
                     AND c.state IN {CALENDAR_STATES} ORDER BY t.store_code, t.asset_tag"
                ))
                .bind(earliest)
                .bind(to)
                .bind(from)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let mut kinds: std::collections::BTreeMap<i64, std::collections::BTreeSet<String>> =
                    Default::default();
                for t in &targets {
                    if let Some(kind) = t.get::<Option<String>, _>("device_kind") {
                        kinds.entry(t.get("change_id")).or_default().insert(kind);
                    }
                }
                let mut targets = targets_by_change(&targets);
                Ok(rows
                    .iter()
                    .map(|r| {
                        let id: i64 = r.get("id");
                        let touched = targets.remove(&id).unwrap_or_default();
                        let window = Window {
                            start: r.get("window_start"),
                            end: r.get("window_end"),
                        };
                        CalendarChange {
                            booking: Target::booking(r.get("number"), window, &touched),
                            title: r.get("title"),
                            kind: ChangeKind::parse(r.get("kind")).unwrap_or(ChangeKind::Normal),
                            state: ChangeState::parse(r.get("state"))
                                .unwrap_or(ChangeState::Draft),
                            device_kinds: kinds.remove(&id).unwrap_or_default().into_iter().collect(),
                        }
                    })
                    .collect())
            }

            async fn finished_changes(
                &self,
                from: DateTime<Utc>,
                to: DateTime<Utc>,
            ) -> StoreResult<Vec<app::domain::change_figures::FinishedChange>> {
                let found = changes_with_targets(
                    self,
                    "c.number, c.title, c.kind, c.outcome, c.window_start, c.window_end, \
                     e.created_at AS finished_at",
                    "FROM change_events e JOIN changes c ON c.id = e.change_id \
                     WHERE e.kind = 'finish' AND e.created_at >= $1 AND e.created_at < $2 \
                     AND c.window_start IS NOT NULL",
                    "e.created_at, c.id",
                    (from, to),
                )
                .await?;
                Ok(found
                    .iter()
                    .map(|(r, touched)| {
                        let window = Window {
                            start: r.get("window_start"),
                            end: r.get("window_end"),
                        };
                        app::domain::change_figures::FinishedChange {
                            booking: Target::booking(r.get("number"), window, touched),
                            title: r.get("title"),
                            kind: ChangeKind::parse(r.get("kind")).unwrap_or(ChangeKind::Normal),
                            outcome: r
                                .get::<Option<&str>, _>("outcome")
                                .and_then(ChangeOutcome::parse),
                            finished_at: r.get("finished_at"),
                        }
                    })
                    .collect())
            }

            async fn authorised_changes(
                &self,
                from: DateTime<Utc>,
                to: DateTime<Utc>,
            ) -> StoreResult<Vec<AuthorisedChange>> {
                let found = changes_with_targets(
                    self,
                    "c.number, c.title, c.kind, ar.started_at, ar.ended_at",
                    "FROM approval_runs ar JOIN changes c ON c.id = ar.subject_id \
                     WHERE ar.subject = 'change' AND ar.status = 'approved' \
                     AND ar.ended_at >= $1 AND ar.ended_at < $2",
                    "ar.ended_at, c.id",
                    (from, to),
                )
                .await?;
                Ok(found
                    .iter()
                    .map(|(r, touched)| AuthorisedChange {
                        number: r.get("number"),
                        title: r.get("title"),
                        kind: ChangeKind::parse(r.get("kind")).unwrap_or(ChangeKind::Normal),
                        stores: Target::split(touched).0,
                        asked_at: r.get("started_at"),
                        approved_at: r.get("ended_at"),
                    })
                    .collect())
            }

            async fn incidents_during(
                &self,
                booking: &app::domain::change_calendar::Booking,
            ) -> StoreResult<Vec<app::domain::change_figures::RaisedIncident>> {
                // By device where it names devices, else by store: each an index range
                // (`tickets_asset_created`, `tickets_store_category_created`).
                let (column, places) = if booking.devices.is_empty() {
                    ("store_code", &booking.stores)
                } else {
                    ("asset_tag", &booking.devices)
                };
                let mut found = Vec::new();
                for place in places {
                    let rows = sqlx::query(&format!(
                        "SELECT number, created_at, store_code, asset_tag FROM tickets \
                         WHERE {column} = $1 AND created_at >= $2 AND created_at < $3 \
                         AND kind = 'incident' ORDER BY created_at, id"
                    ))
                    .bind(place)
                    .bind(booking.window.start)
                    .bind(booking.window.end)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                    found.extend(rows.iter().map(|r| app::domain::change_figures::RaisedIncident {
                        number: r.get("number"),
                        raised_at: r.get("created_at"),
                        store: r.get("store_code"),
                        device: r.get("asset_tag"),
                    }));
                }
                Ok(found)
            }

            async fn changes_of_problem(
                &self,
                problem_id: i64,
            ) -> StoreResult<Vec<(String, String, ChangeState)>> {
                let rows = sqlx::query(
                    "SELECT number, title, state FROM changes WHERE problem_id = $1 ORDER BY id",
                )
                .bind(problem_id)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| {
                        (
                            r.get("number"),
                            r.get("title"),
                            ChangeState::parse(r.get("state")).unwrap_or(ChangeState::Draft),
                        )
                    })
                    .collect())
            }

            async fn freeze_windows(&self) -> StoreResult<Vec<FreezeWindow>> {
                let rows = sqlx::query(
                    "SELECT name, first_day, last_day, every_year, stores FROM freeze_windows \
                     ORDER BY first_day, id",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter().map(freeze_from).collect()
            }

            async fn add_freeze_window(
                &self,
                f: &FreezeWindow,
                now: DateTime<Utc>,
            ) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO freeze_windows (name, first_day, last_day, every_year, stores, \
                     revision, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6)",
                )
                .bind(&f.name)
                .bind(f.first_day)
                .bind(f.last_day)
                .bind(f.every_year)
                .bind(serde_json::to_string(&f.stores).map_err(db_err)?)
                .bind(now)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            async fn freeze_records(&self) -> StoreResult<Vec<app::model::FreezeView>> {
                let rows = sqlx::query(
                    "SELECT id, name, first_day, last_day, every_year, stores, revision \
                     FROM freeze_windows ORDER BY first_day, id",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter()
                    .map(|r| {
                        Ok(app::model::FreezeView {
                            id: r.get("id"),
                            freeze: freeze_from(r)?,
                            revision: r.get("revision"),
                        })
                    })
                    .collect()
            }

            #[tracing::instrument(skip(self, f, audit))]
            async fn save_freeze(
                &self,
                id: i64,
                f: &FreezeWindow,
                expect: i64,
                audit: &AuditEntry,
            ) -> StoreResult<Written> {
                let stores = serde_json::to_string(&f.stores).map_err(db_err)?;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // The write comes first (see `decide_on_change`): on SQLite a transaction that
                // reads before it writes fails when another writer commits in between.
                let changed = if id == 0 {
                    sqlx::query(
                        "INSERT INTO freeze_windows (name, first_day, last_day, every_year, \
                         stores, revision, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6)",
                    )
                    .bind(&f.name)
                    .bind(f.first_day)
                    .bind(f.last_day)
                    .bind(f.every_year)
                    .bind(&stores)
                    .bind(audit.at)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected()
                } else {
                    let done = sqlx::query(
                        "UPDATE freeze_windows SET name = $1, first_day = $2, last_day = $3, \
                         every_year = $4, stores = $5, revision = revision + 1, updated_at = $6 \
                         WHERE id = $7 AND revision = $8",
                    )
                    .bind(&f.name)
                    .bind(f.first_day)
                    .bind(f.last_day)
                    .bind(f.every_year)
                    .bind(&stores)
                    .bind(audit.at)
                    .bind(id)
                    .bind(expect)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                    done.rows_affected()
                };
                finish_freeze(tx, changed, expect + 1, audit).await
            }

            #[tracing::instrument(skip(self, audit))]
            async fn delete_freeze(
                &self,
                id: i64,
                expect: i64,
                audit: &AuditEntry,
            ) -> StoreResult<Written> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let done = sqlx::query("DELETE FROM freeze_windows WHERE id = $1 AND revision = $2")
                    .bind(id)
                    .bind(expect)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                finish_freeze(tx, done.rows_affected(), expect, audit).await
            }

            async fn set_calendar_feed(
                &self,
                user_id: i64,
                token_hash: Option<&str>,
                now: DateTime<Utc>,
            ) -> StoreResult<()> {
                match token_hash {
                    Some(hash) => sqlx::query(
                        "INSERT INTO calendar_feeds (user_id, token_hash, created_at) \
                         VALUES ($1, $2, $3) ON CONFLICT (user_id) DO UPDATE \
                         SET token_hash = excluded.token_hash, created_at = excluded.created_at",
                    )
                    .bind(user_id)
                    .bind(hash)
                    .bind(now),
                    None => sqlx::query("DELETE FROM calendar_feeds WHERE user_id = $1").bind(user_id),
                }
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            async fn calendar_feed_since(
                &self,
                user_id: i64,
            ) -> StoreResult<Option<DateTime<Utc>>> {
                sqlx::query_scalar("SELECT created_at FROM calendar_feeds WHERE user_id = $1")
                    .bind(user_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)
            }

            async fn calendar_feed_owner(
                &self,
                token_hash: &str,
            ) -> StoreResult<Option<UserView>> {
                let row = sqlx::query(&format!(
                    "SELECT {USER_COLUMNS} FROM calendar_feeds f \
                     JOIN users u ON u.id = f.user_id WHERE f.token_hash = $1 AND u.active"
                ))
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(row.as_ref().map(user_from))
            }
        }
    };
}

pub(crate) use sql_changes;
