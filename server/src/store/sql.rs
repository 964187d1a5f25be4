//! The SQL behind `Store` and `Housekeeping`, written once for SQLite and PostgreSQL.
//!
//! Both databases accept every statement here: numbered `$1` parameters (sqlx binds them by
//! number on both), `RETURNING`, `ON CONFLICT … DO NOTHING`, boolean columns, and timestamps that
//! sqlx encodes per driver (TEXT in SQLite, TIMESTAMPTZ in PostgreSQL). What differs — connection
//! options, column types, migrations — lives in each adapter.
//!
//! Why a macro rather than a function generic over `sqlx::Database`: sqlx's drivers share no row,
//! executor or argument type, and the generic version needs a higher-ranked trait bound for every
//! type bound and every column read. Stamping the same code out per driver keeps it readable,
//! and the compiler still checks each copy against its own driver.

macro_rules! sql_store {
    // `$now`: the database's clock in the form its timestamps are stored in, for the session
    // query, which several statements share and which binds no time of its own.
    ($store:ident, $db:ty, $now:literal) => {
        use crate::seed::SeedData;
        use crate::store::{db_err, language_taken, Housekeeping};
        use app::model::{
            ApprovalView, AssetOption, AttachmentView, CatalogView, CategoryView, EventView, FieldChangeView,
            ItemCard, ItemDetail, Page, Role, StoreOption, TicketDetail, TicketSummary, UserView,
        };
        use app::backend::store::{
            ArticleInput, ArticleListRow, ArticleRecord, ArticleState, ArticleVersionRow,
            AttachmentRecord, Created,
            Credentials, DeflectionCounts, DeflectionEvent, EventKind, Expect, ItemForSubmit,
            NewAttachment, NewEvent, NewTicket, NewVote, RevisionRow, Saved, Store, StoreResult,
            TicketAccess,
        };
        use app::search::{text::Language, DocKind, Document};
        use app::domain::{FormSchema, TicketKind, TicketState};
        use chrono::{DateTime, Utc};
        use sqlx::Row as _;

        type DbRow = <$db as sqlx::Database>::Row;
        type Tx<'a> = sqlx::Transaction<'a, $db>;

        fn role(s: &str) -> Role {
            Role::parse(s).unwrap_or(Role::Requester)
        }

        fn state(s: &str) -> TicketState {
            TicketState::parse(s).unwrap_or(TicketState::New)
        }

        fn kind(s: &str) -> TicketKind {
            TicketKind::parse(s).unwrap_or(TicketKind::Request)
        }

        /// `approves`: a line manager, someone a chain waits for, or someone standing in for
        /// an approver now (`approval_delegations_to` answers that from the index).
        const USER_COLUMNS: &str = concat!(
            "u.id, u.email, u.name, u.role, u.language, u.store_code, \
             (SELECT st.timezone FROM stores st WHERE st.code = u.store_code) AS timezone, \
             (EXISTS (SELECT 1 FROM users r WHERE r.manager_id = u.id) \
              OR EXISTS (SELECT 1 FROM approval_waiting w WHERE w.approver = u.email) \
              OR EXISTS (SELECT 1 FROM approval_delegations d WHERE d.to_email = u.email \
                         AND d.ends_at > ",
            $now,
            " AND d.starts_at <= ",
            $now,
            ")) AS approves"
        );

        /// A page stamp (`app::backend::store::PageStamp`), beside the user's columns.
        const PAGE_STAMP_COLUMNS: &str =
            "(SELECT version FROM content_versions WHERE name = 'catalog') AS catalog_version, \
             (SELECT version FROM content_versions WHERE name = 'search') AS search_version, \
             (SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) AS unread";

        fn page_stamp_from(row: &DbRow) -> app::backend::store::PageStamp {
            app::backend::store::PageStamp {
                catalog_version: row.get("catalog_version"),
                search_version: row.get("search_version"),
                unread_notifications: row.get("unread"),
            }
        }

        fn lookup(token_hash: &str, now: DateTime<Utc>) -> crate::store::SessionLookup {
            crate::store::SessionLookup {
                token_hash: token_hash.to_owned(),
                now,
            }
        }

        /// `slug, translations` rows (the translations as JSON), by slug.
        fn translations_by_slug<T: serde::de::DeserializeOwned>(
            rows: &[DbRow],
        ) -> StoreResult<std::collections::HashMap<String, T>> {
            rows.iter()
                .map(|r| {
                    let translations = serde_json::from_str(r.get::<&str, _>("translations"))
                        .map_err(db_err)?;
                    Ok((r.get("slug"), translations))
                })
                .collect()
        }

        fn user_from(row: &DbRow) -> UserView {
            UserView {
                id: row.get("id"),
                email: row.get("email"),
                name: row.get("name"),
                role: role(row.get::<&str, _>("role")),
                approves: row.get("approves"),
                language: row.get("language"),
                timezone: row.get("timezone"),
                store: row.get("store_code"),
            }
        }

        const SUMMARY_COLUMNS: &str = "t.number, t.title, t.state, u.name AS requester_name, \
             t.created_at, t.updated_at";

        fn summary_from(row: &DbRow) -> TicketSummary {
            TicketSummary {
                number: row.get("number"),
                title: row.get("title"),
                state: state(row.get::<&str, _>("state")),
                requester_name: row.get("requester_name"),
                created_at: row.get("created_at"),
                updated_at: row.get("updated_at"),
            }
        }

        fn json_list(json: &str) -> StoreResult<Vec<String>> {
            serde_json::from_str(json).map_err(db_err)
        }

        fn answers_from(json: &str) -> StoreResult<app::domain::ValidAnswers> {
            serde_json::from_str(json).map_err(db_err)
        }

        fn access_from(r: &DbRow) -> TicketAccess {
            TicketAccess {
                id: r.get("id"),
                state: state(r.get::<&str, _>("state")),
                requester_id: r.get("requester_id"),
                approver_id: r.get("approver_id"),
                assignment_group: r.get("assignment_group"),
            }
        }

        fn card_from(r: &DbRow) -> StoreResult<ItemCard> {
            Ok(ItemCard {
                slug: r.get("slug"),
                name: r.get("name"),
                summary: r.get("summary"),
                icon: r.get("icon"),
                category: r.get("category"),
                kind: kind(r.get::<&str, _>("kind")),
                keywords: serde_json::from_str(r.get::<&str, _>("keywords")).map_err(db_err)?,
                requires_approval: r.get("requires_approval"),
            })
        }

        /// One group-commit batch (`crate::store::batch_queue`): one result per ticket, in
        /// order, known only once the transaction committed.
        ///
        /// The batch is first written as it comes, in one transaction, its numbers taken from
        /// the counters with one update per kind. Only when one of its tickets fails (a
        /// constraint, a bad attachment) or its key has a ticket already is it written again
        /// with every ticket in its own savepoint, taking its own number, so that ticket fails
        /// alone: a savepoint costs two round trips per ticket, which on PostgreSQL were a third
        /// of the writer's time, and a counter row updated once per ticket left PostgreSQL
        /// scanning its dead versions.
        pub(crate) async fn write_tickets(
            pool: &sqlx::Pool<$db>,
            tickets: Vec<NewTicket>,
        ) -> Vec<StoreResult<Created>> {
            let every = |e| crate::store::batch_queue::all_failed(tickets.len(), e);
            let outcomes = match write_together(pool, &tickets).await {
                Together::Committed(created) => created.into_iter().map(|c| Ok(Some(c))).collect(),
                Together::WriteApart => match write_isolated(pool, &tickets).await {
                    Ok(outcomes) => outcomes,
                    Err(e) => return every(&e),
                },
                Together::Failed(e) => return every(&e),
            };
            let mut results = Vec::with_capacity(outcomes.len());
            for (t, outcome) in tickets.iter().zip(outcomes) {
                results.push(match outcome {
                    Ok(Some(created)) => Ok(created),
                    // Another submission with the same key got there first (committed before,
                    // or earlier in this batch): give back its ticket.
                    Ok(None) => ticket_with_key(pool, t.requester_id, &t.idempotency_key)
                        .await
                        .and_then(|found| {
                            found.ok_or_else(|| db_err("idempotency conflict without a ticket"))
                        }),
                    Err(e) => Err(e),
                });
            }
            results
        }

        /// How a batch written in one piece ended.
        enum Together {
            Committed(Vec<Created>),
            /// A ticket failed, or its key had a ticket: nothing was committed.
            WriteApart,
            /// The transaction itself failed (begin or commit): every ticket fails with it.
            Failed(app::backend::store::StoreError),
        }

        /// Every ticket of the batch in one transaction, no savepoints.
        async fn write_together(pool: &sqlx::Pool<$db>, tickets: &[NewTicket]) -> Together {
            let mut tx = match pool.begin().await {
                Ok(tx) => tx,
                Err(e) => return Together::Failed(db_err(e)),
            };
            let seqs = match reserve_numbers(&mut tx, tickets).await {
                Ok(seqs) => seqs,
                Err(e) => return Together::Failed(e),
            };
            let all: Vec<&NewTicket> = tickets.iter().collect();
            let created = match insert_tickets(&mut tx, &all, &seqs).await {
                Ok(Some(created)) => created,
                // A failed ticket, or a key that has its ticket (whose reserved number would
                // stay unused): whatever was written must not be committed.
                Ok(None) | Err(_) => {
                    let _ = tx.rollback().await;
                    return Together::WriteApart;
                }
            };
            match tx.commit().await {
                Ok(()) => Together::Committed(created),
                Err(e) => Together::Failed(db_err(e)),
            }
        }

        /// Every ticket in its own savepoint of one transaction, so a ticket that fails leaves
        /// the others in.
        async fn write_isolated(
            pool: &sqlx::Pool<$db>,
            tickets: &[NewTicket],
        ) -> StoreResult<Vec<StoreResult<Option<Created>>>> {
            let mut tx = pool.begin().await.map_err(db_err)?;
            let mut outcomes = Vec::with_capacity(tickets.len());
            for t in tickets {
                let outcome = match sqlx::Connection::begin(&mut *tx).await {
                    Ok(mut savepoint) => {
                        let written = match take_numbers(&mut savepoint, t.kind, 1).await {
                            Ok(seq) => insert_tickets(&mut savepoint, &[t], &[seq])
                                .await
                                .map(|created| created.and_then(|mut c| c.pop())),
                            Err(e) => Err(e),
                        };
                        match written {
                            Ok(Some(created)) => savepoint.commit().await.map(|_| Some(created)).map_err(db_err),
                            // Rolling back also returns the number the counter handed out.
                            Ok(None) => savepoint.rollback().await.map(|_| None).map_err(db_err),
                            Err(e) => {
                                let _ = savepoint.rollback().await;
                                Err(e)
                            }
                        }
                    }
                    Err(e) => Err(db_err(e)),
                };
                outcomes.push(outcome);
            }
            tx.commit().await.map_err(db_err)?;
            Ok(outcomes)
        }

        /// The counter's next `count` numbers of `kind`: the first of them. The first statement
        /// of a batch writes, so SQLite takes its write lock here and waits (busy_timeout)
        /// rather than failing later on a stale read; PostgreSQL locks the counter row, so
        /// numbers are handed out in commit order without gaps.
        async fn take_numbers(tx: &mut Tx<'_>, kind: TicketKind, count: i64) -> StoreResult<i64> {
            sqlx::query_scalar(
                "UPDATE ticket_counters SET next_value = next_value + $2 WHERE kind = $1 \
                 RETURNING next_value - $2",
            )
            .bind(kind.as_str())
            .bind(count)
            .fetch_one(&mut **tx)
            .await
            .map_err(db_err)
        }

        /// A number for every ticket of the batch, in order: one counter update per kind,
        /// kinds always in the same order, so two instances' batches cannot lock the counters
        /// in opposite orders.
        async fn reserve_numbers(tx: &mut Tx<'_>, tickets: &[NewTicket]) -> StoreResult<Vec<i64>> {
            let mut kinds: Vec<TicketKind> = tickets.iter().map(|t| t.kind).collect();
            kinds.sort_unstable_by_key(|k| k.as_str());
            kinds.dedup();
            let mut seqs = vec![0; tickets.len()];
            for kind in kinds {
                let mine: Vec<usize> = (0..tickets.len()).filter(|&i| tickets[i].kind == kind).collect();
                let first = take_numbers(tx, kind, mine.len() as i64).await?;
                for (offset, i) in mine.into_iter().enumerate() {
                    seqs[i] = first + offset as i64;
                }
            }
            Ok(seqs)
        }

        /// Writes the tickets, the `i`th numbered `seqs[i]`, and their first events: two
        /// statements however many there are (one round trip each, where a statement per
        /// ticket cost a round trip per ticket). `None` when a requester's key already has a
        /// ticket: the caller rolls back, which also returns the numbers.
        async fn insert_tickets(
            tx: &mut Tx<'_>,
            tickets: &[&NewTicket],
            seqs: &[i64],
        ) -> StoreResult<Option<Vec<Created>>> {
            struct Row<'t> {
                t: &'t NewTicket,
                number: String,
                answers: String,
                calendar: String,
            }
            let mut rows = Vec::with_capacity(tickets.len());
            for (t, seq) in tickets.iter().zip(seqs) {
                rows.push(Row {
                    t,
                    number: t.kind.number(*seq),
                    answers: serde_json::to_string(&t.answers).map_err(db_err)?,
                    calendar: serde_json::to_string(&t.desk.calendar).map_err(db_err)?,
                });
            }
            let mut insert = sqlx::QueryBuilder::<$db>::new(
                "INSERT INTO tickets (number, kind, item_id, form_version, title, requester_id, \
                 on_behalf_of, approver_id, state, answers_json, idempotency_key, created_at, \
                 updated_at, priority, impact, urgency, category, store_code, asset_tag, \
                 assignment_group, sla_calendar_json, response_minutes, resolution_minutes, \
                 response_due_at, response_warn_at, resolution_due_at, resolution_warn_at, \
                 next_due_at) ",
            );
            insert.push_values(&rows, |mut b, row| {
                let (t, d) = (row.t, &row.t.desk);
                b.push_bind(&row.number)
                    .push_bind(t.kind.as_str())
                    .push_bind(t.item_id)
                    .push_bind(t.form_version)
                    .push_bind(&t.title)
                    .push_bind(t.requester_id)
                    .push_bind(&t.on_behalf_of)
                    .push_bind(t.approver_id)
                    .push_bind(t.state.as_str())
                    .push_bind(&row.answers)
                    .push_bind(&t.idempotency_key)
                    .push_bind(t.now)
                    .push_bind(t.now)
                    .push_bind(d.priority.as_str())
                    .push_bind(&d.impact)
                    .push_bind(&d.urgency)
                    .push_bind(&d.category)
                    .push_bind(&d.store_code)
                    .push_bind(&d.asset_tag)
                    .push_bind(&d.assignment_group)
                    .push_bind(&row.calendar)
                    .push_bind(d.response_minutes)
                    .push_bind(d.resolution_minutes)
                    .push_bind(d.due.response_due_at)
                    .push_bind(d.due.response_warn_at)
                    .push_bind(d.due.resolution_due_at)
                    .push_bind(d.due.resolution_warn_at)
                    .push_bind(d.due.next_due_at);
            });
            insert.push(
                " ON CONFLICT (requester_id, idempotency_key) DO NOTHING \
                 RETURNING id, requester_id, idempotency_key",
            );
            let inserted = insert
                .build()
                .fetch_all(&mut **tx)
                .await
                .map_err(db_err)?;
            if inserted.len() != rows.len() {
                return Ok(None);
            }
            // The order RETURNING gives rows in is not promised: match them up by key.
            let ids: std::collections::HashMap<(i64, String), i64> = inserted
                .iter()
                .map(|r| ((r.get("requester_id"), r.get("idempotency_key")), r.get("id")))
                .collect();
            let mut ids_in_order = Vec::with_capacity(rows.len());
            for row in &rows {
                let key = (row.t.requester_id, row.t.idempotency_key.clone());
                let id = ids.get(&key).copied();
                ids_in_order.push(id.ok_or_else(|| db_err("a new ticket's id went missing"))?);
            }
            let submitted: Vec<NewEvent> = rows
                .iter()
                .map(|row| {
                    let t = row.t;
                    NewEvent::text(EventKind::Submitted, t.requester_id, t.submitted_body.clone(), t.now)
                })
                .collect();
            let events: Vec<(i64, &NewEvent)> = ids_in_order.iter().copied().zip(&submitted).collect();
            insert_events(tx, &events).await?;
            for (row, id) in rows.iter().zip(&ids_in_order) {
                start_ticket(tx, *id, row.t).await?;
            }
            Ok(Some(
                rows.into_iter()
                    .map(|row| Created {
                        number: row.number,
                        state: row.t.state,
                        created: true,
                    })
                    .collect(),
            ))
        }

        /// What a new ticket needs besides its "submitted" event: paused clocks while it waits
        /// for approval, the approver's event, its attachments.
        async fn start_ticket(tx: &mut Tx<'_>, id: i64, t: &NewTicket) -> StoreResult<()> {
            if t.state.pauses_sla() {
                // Waiting for approval from the start: the clocks wait too.
                sqlx::query("INSERT INTO sla_pauses (ticket_id, started_at) VALUES ($1, $2)")
                    .bind(id)
                    .bind(t.now)
                    .execute(&mut **tx)
                    .await
                    .map_err(db_err)?;
            }
            if let Some(run) = &t.approval {
                insert_run(tx, "ticket", id, run).await?;
            }
            if t.state == TicketState::AwaitingApproval {
                if let Some(approver) = t.approver_id {
                    let asked = NewEvent::bare(EventKind::ApprovalRequested, approver, t.now);
                    insert_event(tx, id, &asked).await?;
                }
            }
            for attachment in &t.attachment_ids {
                sqlx::query(
                    "UPDATE attachments SET ticket_id = $1 \
                     WHERE id = $2 AND owner_id = $3 AND ticket_id IS NULL",
                )
                .bind(id)
                .bind(attachment)
                .bind(t.requester_id)
                .execute(&mut **tx)
                .await
                .map_err(db_err)?;
            }
            Ok(())
        }

        async fn ticket_with_key(
            pool: &sqlx::Pool<$db>,
            requester_id: i64,
            key: &str,
        ) -> StoreResult<Option<Created>> {
            let row = sqlx::query(
                "SELECT number, state FROM tickets WHERE requester_id = $1 AND idempotency_key = $2",
            )
            .bind(requester_id)
            .bind(key)
            .fetch_optional(pool)
            .await
            .map_err(db_err)?;
            Ok(row.map(|r| Created {
                number: r.get("number"),
                state: state(r.get::<&str, _>("state")),
                created: false,
            }))
        }

        async fn insert_event(tx: &mut Tx<'_>, ticket_id: i64, event: &NewEvent) -> StoreResult<()> {
            insert_events(tx, &[(ticket_id, event)]).await
        }

        /// Events of one or more tickets in one statement, and the mails they call for.
        async fn insert_events(tx: &mut Tx<'_>, events: &[(i64, &NewEvent)]) -> StoreResult<()> {
            if events.is_empty() {
                return Ok(());
            }
            let mut insert = sqlx::QueryBuilder::<$db>::new(
                "INSERT INTO ticket_events (ticket_id, kind, author_id, body, internal, created_at, \
                 field, before_value, after_value) ",
            );
            insert.push_values(events, |mut b, (ticket_id, event)| {
                let change = event.change.as_ref();
                b.push_bind(*ticket_id)
                    .push_bind(event.kind.as_str())
                    .push_bind(event.author_id)
                    .push_bind(&event.body)
                    .push_bind(event.internal)
                    .push_bind(event.now)
                    .push_bind(change.map(|c| c.field))
                    .push_bind(change.and_then(|c| c.before.as_deref()))
                    .push_bind(change.and_then(|c| c.after.as_deref()));
            });
            insert.build().execute(&mut **tx).await.map_err(db_err)?;
            for (ticket_id, event) in events {
                enqueue_mails(tx, *ticket_id, event).await?;
            }
            Ok(())
        }

        /// Inserts the claim row; `false` when another caller holds it already.
        async fn claim(
            tx: &mut Tx<'_>,
            job: &str,
            slot: i64,
            instance: &str,
            now: DateTime<Utc>,
        ) -> StoreResult<bool> {
            let done = sqlx::query(
                "INSERT INTO job_runs (job, slot, claimed_by, claimed_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (job, slot) DO NOTHING",
            )
            .bind(job)
            .bind(slot)
            .bind(instance)
            .bind(now)
            .execute(&mut **tx)
            .await
            .map_err(db_err)?;
            Ok(done.rows_affected() == 1)
        }

        #[async_trait::async_trait]
        impl Store for $store {
            async fn ready(&self) -> StoreResult<()> {
                sqlx::query("SELECT 1")
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(())
            }

            fn pool_use(&self) -> app::backend::metrics::PoolUse {
                app::backend::metrics::PoolUse {
                    open: self.pool.size(),
                    idle: self.pool.num_idle() as u32,
                    max: self.pool.options().get_max_connections(),
                }
            }

            #[tracing::instrument(skip(self))]
            async fn credentials(&self, email: &str) -> StoreResult<Option<Credentials>> {
                let sql = format!(
                    "SELECT {USER_COLUMNS}, u.password_hash FROM users u WHERE u.email = $1 AND u.active"
                );
                let row = sqlx::query(&sql)
                    .bind(email)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(row.map(|r| Credentials {
                    user: user_from(&r),
                    password_hash: r.get("password_hash"),
                }))
            }

            async fn line_manager(&self, user_id: i64) -> StoreResult<Option<i64>> {
                sqlx::query_scalar("SELECT manager_id FROM users WHERE id = $1")
                    .bind(user_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map(Option::flatten)
                    .map_err(db_err)
            }

            async fn create_session(
                &self,
                token_hash: &str,
                user_id: i64,
                expires_at: DateTime<Utc>,
            ) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at) \
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(token_hash)
                .bind(user_id)
                .bind(Utc::now())
                .bind(expires_at)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn session_user(
                &self,
                token_hash: &str,
                now: DateTime<Utc>,
            ) -> StoreResult<Option<UserView>> {
                static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
                let sql = SQL.get_or_init(|| {
                    format!(
                        "SELECT {USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id \
                         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active"
                    )
                });
                // On nearly every request's way: SQLite answers it on this thread when it can,
                // PostgreSQL together with the lookups waiting beside it.
                if let Some(found) = self.inline().and_then(|r| r.session_user(sql, token_hash, now)) {
                    return Ok(found);
                }
                if let Some(shared) = self.shared_session_reads() {
                    let found = shared.run(lookup(token_hash, now)).await?;
                    return Ok(found.map(|(user, _)| user));
                }
                let row = sqlx::query(sql)
                    .bind(token_hash)
                    .bind(now)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(row.as_ref().map(user_from))
            }

            async fn session_page_stamp(
                &self,
                token_hash: &str,
                now: DateTime<Utc>,
            ) -> StoreResult<Option<(UserView, app::backend::store::PageStamp)>> {
                static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
                let sql = SQL.get_or_init(|| {
                    format!(
                        "SELECT {USER_COLUMNS}, {PAGE_STAMP_COLUMNS} \
                         FROM sessions s JOIN users u ON u.id = s.user_id \
                         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active"
                    )
                });
                // On every kept page's way: SQLite answers it on this thread when it can,
                // PostgreSQL together with the lookups waiting beside it.
                if let Some(found) = self.inline().and_then(|r| r.session_page_stamp(sql, token_hash, now)) {
                    return Ok(found);
                }
                if let Some(shared) = self.shared_session_reads() {
                    return shared.run(lookup(token_hash, now)).await;
                }
                let row = sqlx::query(sql)
                    .bind(token_hash)
                    .bind(now)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(row.as_ref().map(|r| (user_from(r), page_stamp_from(r))))
            }

            async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
                sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                    .bind(token_hash)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(())
            }

            #[tracing::instrument(skip(self))]
            async fn item_translations(
                &self,
            ) -> StoreResult<std::collections::HashMap<String, app::domain::translation::Translations>> {
                let rows = sqlx::query(
                    "SELECT slug, translations FROM items \
                     WHERE translations <> '{}' AND NOT retired AND current_form_version > 0",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                translations_by_slug(&rows)
            }

            async fn category_translations(
                &self,
            ) -> StoreResult<
                std::collections::HashMap<String, app::domain::translation::CategoryTranslations>,
            > {
                let rows = sqlx::query(
                    "SELECT slug, translations FROM categories WHERE translations <> '{}'",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                translations_by_slug(&rows)
            }

            async fn catalog(&self) -> StoreResult<CatalogView> {
                let categories = sqlx::query(
                    "SELECT c.slug, c.name, c.description, c.icon, p.slug AS parent \
                     FROM categories c LEFT JOIN categories p ON p.id = c.parent_id \
                     ORDER BY c.position, c.name",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                .iter()
                .map(|r| CategoryView {
                    slug: r.get("slug"),
                    name: r.get("name"),
                    description: r.get("description"),
                    icon: r.get("icon"),
                    parent: r.get("parent"),
                })
                .collect();
                let items = sqlx::query(
                    "SELECT i.slug, i.name, i.summary, i.icon, c.slug AS category, i.kind, i.keywords, \
                     i.requires_approval FROM items i JOIN categories c ON c.id = i.category_id \
                     WHERE NOT i.retired AND i.current_form_version > 0 ORDER BY i.name",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                .iter()
                .map(card_from)
                .collect::<StoreResult<Vec<_>>>()?;
                Ok(CatalogView { categories, items })
            }

            #[tracing::instrument(skip(self))]
            async fn item_detail(&self, slug: &str) -> StoreResult<Option<ItemDetail>> {
                let Some(row) = sqlx::query(
                    "SELECT i.id, i.slug, i.name, i.summary, i.icon, c.slug AS category, \
                     c.name AS category_name, i.kind, i.keywords, i.requires_approval, i.description, \
                     i.expected_delivery, i.fulfilment_group, i.current_form_version, f.schema_json \
                     FROM items i JOIN categories c ON c.id = i.category_id \
                     JOIN form_versions f ON f.item_id = i.id AND f.version = i.current_form_version \
                     WHERE i.slug = $1 AND NOT i.retired",
                )
                .bind(slug)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?
                else {
                    return Ok(None);
                };
                let form: FormSchema =
                    serde_json::from_str(row.get::<&str, _>("schema_json")).map_err(db_err)?;
                let (stores, assets) = if form.uses_lookups() {
                    (self.stores().await?, self.assets().await?)
                } else {
                    (Vec::new(), Vec::new())
                };
                Ok(Some(ItemDetail {
                    card: card_from(&row)?,
                    category_name: row.get("category_name"),
                    description: row.get("description"),
                    description_html: String::new(),
                    expected_delivery: row.get("expected_delivery"),
                    fulfilment_group: row.get("fulfilment_group"),
                    form_version: row.get("current_form_version"),
                    form,
                    stores,
                    assets,
                    submission_key: String::new(),
                    service: None,
                }))
            }

            async fn item_for_submit(&self, slug: &str) -> StoreResult<Option<ItemForSubmit>> {
                let row = sqlx::query(
                    "SELECT i.id, i.name, i.kind, i.retired, i.requires_approval, \
                     i.approval_chain, i.fulfilment_group, i.current_form_version, \
                     c.slug AS category, \
                     f.created_at AS form_published_at, i.sla_priority FROM items i \
                     JOIN categories c ON c.id = i.category_id \
                     JOIN form_versions f ON f.item_id = i.id AND f.version = i.current_form_version \
                     WHERE i.slug = $1",
                )
                .bind(slug)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(row.map(|r| ItemForSubmit {
                    id: r.get("id"),
                    name: r.get("name"),
                    kind: kind(r.get::<&str, _>("kind")),
                    retired: r.get("retired"),
                    requires_approval: r.get("requires_approval"),
                    approval_chain: r.get("approval_chain"),
                    category: r.get("category"),
                    fulfilment_group: r.get("fulfilment_group"),
                    form_version: r.get("current_form_version"),
                    form_published_at: r.get("form_published_at"),
                    sla_priority: r
                        .get::<Option<&str>, _>("sla_priority")
                        .and_then(app::domain::priority::Priority::parse),
                }))
            }

            async fn form_version(
                &self,
                item_id: i64,
                version: i64,
            ) -> StoreResult<Option<FormSchema>> {
                let json: Option<String> = sqlx::query_scalar(
                    "SELECT schema_json FROM form_versions WHERE item_id = $1 AND version = $2",
                )
                .bind(item_id)
                .bind(version)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?;
                json.map(|j| serde_json::from_str(&j).map_err(db_err))
                    .transpose()
            }

            async fn stores(&self) -> StoreResult<Vec<StoreOption>> {
                Ok(sqlx::query("SELECT code, name FROM stores ORDER BY code")
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?
                    .iter()
                    .map(|r| StoreOption {
                        code: r.get("code"),
                        name: r.get("name"),
                    })
                    .collect())
            }

            async fn assets(&self) -> StoreResult<Vec<AssetOption>> {
                Ok(
                    sqlx::query("SELECT tag, name, store_code FROM assets ORDER BY store_code, tag")
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)?
                        .iter()
                        .map(|r| AssetOption {
                            tag: r.get("tag"),
                            name: r.get("name"),
                            store: r.get("store_code"),
                        })
                        .collect(),
                )
            }

            #[tracing::instrument(skip_all, fields(requester = t.requester_id))]
            async fn create_ticket(&self, t: NewTicket) -> StoreResult<Created> {
                // Committed with whatever else is waiting (`write_tickets`).
                self.tickets.run(t).await
            }

            async fn ticket_by_idempotency_key(
                &self,
                requester_id: i64,
                key: &str,
            ) -> StoreResult<Option<Created>> {
                ticket_with_key(&self.pool, requester_id, key).await
            }

            async fn ticket_access(&self, number: &str) -> StoreResult<Option<TicketAccess>> {
                let row = sqlx::query(
                    "SELECT id, state, requester_id, approver_id, assignment_group FROM tickets \
                     WHERE number = $1",
                )
                .bind(number)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(row.as_ref().map(access_from))
            }

            async fn ticket_access_by_id(&self, id: i64) -> StoreResult<Option<TicketAccess>> {
                let row = sqlx::query(
                    "SELECT id, state, requester_id, approver_id, assignment_group FROM tickets \
                     WHERE id = $1",
                )
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(row.as_ref().map(access_from))
            }

            #[tracing::instrument(skip(self))]
            async fn ticket_detail(
                &self,
                number: &str,
                include_internal: bool,
            ) -> StoreResult<Option<TicketDetail>> {
                let sql = format!(
                    "SELECT t.id, {SUMMARY_COLUMNS}, t.kind, i.slug, t.form_version, t.on_behalf_of, \
                     a.name AS approver_name, t.answers_json \
                     FROM tickets t JOIN users u ON u.id = t.requester_id JOIN items i ON i.id = t.item_id \
                     LEFT JOIN users a ON a.id = t.approver_id WHERE t.number = $1"
                );
                let Some(row) = sqlx::query(&sql)
                    .bind(number)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?
                else {
                    return Ok(None);
                };
                let id: i64 = row.get("id");
                let timeline = sqlx::query(
                    "SELECT e.kind, u.name AS author, e.body, e.created_at, e.internal, \
                     e.field, e.before_value, e.after_value FROM ticket_events e \
                     JOIN users u ON u.id = e.author_id \
                     WHERE e.ticket_id = $1 AND ($2 OR NOT e.internal) ORDER BY e.id",
                )
                .bind(id)
                .bind(include_internal)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                .iter()
                .map(|r| EventView {
                    kind: r.get("kind"),
                    author: r.get("author"),
                    body: r.get("body"),
                    at: r.get("created_at"),
                    internal: r.get("internal"),
                    change: r.get::<Option<String>, _>("field").map(|field| FieldChangeView {
                        field,
                        before: r.get("before_value"),
                        after: r.get("after_value"),
                    }),
                })
                .collect();
                let attachments = sqlx::query(
                    "SELECT id, file_name, size_bytes FROM attachments WHERE ticket_id = $1 ORDER BY id",
                )
                .bind(id)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                .iter()
                .map(|r| AttachmentView {
                    id: r.get("id"),
                    file_name: r.get("file_name"),
                    size_bytes: r.get("size_bytes"),
                })
                .collect();
                Ok(Some(TicketDetail {
                    summary: summary_from(&row),
                    kind: kind(row.get::<&str, _>("kind")),
                    item_slug: row.get("slug"),
                    form_version: row.get("form_version"),
                    on_behalf_of: row.get("on_behalf_of"),
                    approver_name: row.get("approver_name"),
                    answers: answers_from(row.get::<&str, _>("answers_json"))?,
                    attachments,
                    timeline,
                    can_cancel: false,
                    can_comment: false,
                    service: None,
                    desk: None,
                    can_rate: false,
                    can_reopen: false,
                    rating: None,
                    approval: None,
                }))
            }

            async fn tickets_of(
                &self,
                requester_id: i64,
                page: u32,
                per_page: u32,
            ) -> StoreResult<Page<TicketSummary>> {
                let total: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM tickets WHERE requester_id = $1")
                        .bind(requester_id)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(db_err)?;
                let sql = format!(
                    "SELECT {SUMMARY_COLUMNS} FROM tickets t JOIN users u ON u.id = t.requester_id \
                     WHERE t.requester_id = $1 ORDER BY t.updated_at DESC, t.id DESC LIMIT $2 OFFSET $3"
                );
                let items = sqlx::query(&sql)
                    .bind(requester_id)
                    .bind(i64::from(per_page))
                    .bind(i64::from(page.saturating_sub(1)) * i64::from(per_page))
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?
                    .iter()
                    .map(summary_from)
                    .collect();
                Ok(Page {
                    items,
                    page,
                    per_page,
                    total: total as u64,
                })
            }

            async fn pending_approvals(
                &self,
                approver_id: i64,
                chain_approvers: &[String],
            ) -> StoreResult<Vec<ApprovalView>> {
                let mut sql = sqlx::QueryBuilder::<$db>::new(format!(
                    "SELECT {SUMMARY_COLUMNS}, t.answers_json FROM tickets t \
                     JOIN users u ON u.id = t.requester_id WHERE t.state = "
                ));
                sql.push_bind(TicketState::AwaitingApproval.as_str())
                    .push(" AND (t.approver_id = ")
                    .push_bind(approver_id);
                if !chain_approvers.is_empty() {
                    // As line manager in someone's place: their tickets too.
                    sql.push(" OR t.approver_id IN (SELECT id FROM users WHERE email IN (");
                    let mut list = sql.separated(", ");
                    for approver in chain_approvers {
                        list.push_bind(approver);
                    }
                    sql.push("))");
                    sql.push(
                        " OR t.id IN (SELECT r.subject_id FROM approval_runs r \
                         JOIN approval_waiting w ON w.run_id = r.id \
                         WHERE r.subject = 'ticket' AND r.status = 'waiting' AND w.approver IN (",
                    );
                    let mut list = sql.separated(", ");
                    for approver in chain_approvers {
                        list.push_bind(approver);
                    }
                    sql.push("))");
                }
                sql.push(") ORDER BY t.created_at, t.id");
                sql.build()
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?
                    .iter()
                    .map(|r| {
                        Ok(ApprovalView {
                            ticket: summary_from(r),
                            answers: answers_from(r.get::<&str, _>("answers_json"))?,
                            step: None,
                            standing_in_for: None,
                        })
                    })
                    .collect()
            }

            #[tracing::instrument(skip(self, event))]
            async fn transition(
                &self,
                ticket_id: i64,
                from: TicketState,
                to: TicketState,
                event: NewEvent,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let moved = sqlx::query(
                    "UPDATE tickets SET state = $1, updated_at = $2, revision = revision + 1 \
                     WHERE id = $3 AND state = $4",
                )
                .bind(to.as_str())
                .bind(event.now)
                .bind(ticket_id)
                .bind(from.as_str())
                .execute(&mut *tx)
                .await
                .map_err(db_err)?
                .rows_affected()
                    == 1;
                if !moved {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(false);
                }
                insert_event(&mut tx, ticket_id, &event).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }

            async fn add_event(&self, ticket_id: i64, event: NewEvent) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                sqlx::query("UPDATE tickets SET updated_at = $1 WHERE id = $2")
                    .bind(event.now)
                    .bind(ticket_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                insert_event(&mut tx, ticket_id, &event).await?;
                tx.commit().await.map_err(db_err)
            }

            async fn create_attachment(&self, a: NewAttachment) -> StoreResult<i64> {
                sqlx::query_scalar(
                    "INSERT INTO attachments (owner_id, file_name, content_type, size_bytes, \
                     storage_name, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(a.owner_id)
                .bind(&a.file_name)
                .bind(&a.content_type)
                .bind(a.size_bytes)
                .bind(&a.storage_name)
                .bind(a.now)
                .fetch_one(&self.pool)
                .await
                .map_err(db_err)
            }

            async fn uploaded_since(
                &self,
                owner_id: i64,
                since: DateTime<Utc>,
            ) -> StoreResult<(i64, i64)> {
                let row = sqlx::query(
                    "SELECT COUNT(*) AS files, CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) AS bytes \
                     FROM attachments WHERE owner_id = $1 AND created_at >= $2",
                )
                .bind(owner_id)
                .bind(since)
                .fetch_one(&self.pool)
                .await
                .map_err(db_err)?;
                Ok((row.get::<i64, _>("files"), row.get::<i64, _>("bytes")))
            }

            async fn orphan_attachments(
                &self,
                before: DateTime<Utc>,
            ) -> StoreResult<Vec<(i64, String)>> {
                let rows = sqlx::query(
                    "SELECT id, storage_name FROM attachments \
                     WHERE ticket_id IS NULL AND created_at < $1 ORDER BY id LIMIT 1000",
                )
                .bind(before)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| (r.get("id"), r.get("storage_name")))
                    .collect())
            }

            async fn delete_orphan_attachment(&self, id: i64) -> StoreResult<bool> {
                let done = sqlx::query("DELETE FROM attachments WHERE id = $1 AND ticket_id IS NULL")
                    .bind(id)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(done.rows_affected() == 1)
            }

            async fn attachment(&self, id: i64) -> StoreResult<Option<AttachmentRecord>> {
                let row = sqlx::query(
                    "SELECT id, owner_id, ticket_id, file_name, content_type, size_bytes, storage_name \
                     FROM attachments WHERE id = $1",
                )
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(row.map(|r| AttachmentRecord {
                    view: AttachmentView {
                        id: r.get("id"),
                        file_name: r.get("file_name"),
                        size_bytes: r.get("size_bytes"),
                    },
                    owner_id: r.get("owner_id"),
                    ticket_id: r.get("ticket_id"),
                    content_type: r.get("content_type"),
                    storage_name: r.get("storage_name"),
                }))
            }
            async fn search_version(&self) -> StoreResult<i64> {
                sqlx::query_scalar("SELECT version FROM content_versions WHERE name = 'search'")
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)
            }

            async fn catalog_version(&self) -> StoreResult<i64> {
                const SQL: &str = "SELECT version FROM content_versions WHERE name = 'catalog'";
                // Read before every catalog page and submission (the catalog cache's check).
                if let Some(version) = self.inline().and_then(|r| r.content_version(SQL)) {
                    return Ok(version);
                }
                sqlx::query_scalar(SQL)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)
            }

            async fn search_documents(&self) -> StoreResult<(i64, Vec<Document>)> {
                // The version is read first: a change committed meanwhile makes the next
                // search rebuild again, never the other way round.
                let version = self.search_version().await?;
                let articles = sqlx::query(
                    "SELECT a.slug, a.title, a.tags, a.summary, a.body_md, a.category, \
                     a.locale, a.translation_of, l.terms AS learned FROM articles a \
                     LEFT JOIN learned_terms l ON l.article_slug = a.slug \
                     WHERE a.state = 'published' ORDER BY a.slug",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let items = sqlx::query(
                    "SELECT i.slug, i.name, i.keywords, i.summary, i.description, i.translations, \
                     c.slug AS category FROM items i JOIN categories c ON c.id = i.category_id \
                     WHERE NOT i.retired AND i.current_form_version > 0 ORDER BY i.slug",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let mut documents = Vec::with_capacity(articles.len() + items.len());
                for r in &articles {
                    documents.push(Document {
                        key: r.get("slug"),
                        kind: DocKind::Article,
                        title: r.get("title"),
                        tags: json_list(r.get::<&str, _>("tags"))?,
                        summary: r.get("summary"),
                        body: r.get("body_md"),
                        category: r.get("category"),
                        learned: match r.get::<Option<&str>, _>("learned") {
                            Some(json) => json_list(json)?,
                            None => Vec::new(),
                        },
                        language: Language::of_locale(r.get::<&str, _>("locale")),
                        group: r
                            .get::<Option<String>, _>("translation_of")
                            .unwrap_or_else(|| r.get("slug")),
                    });
                }
                for r in &items {
                    let own = Document {
                        key: r.get("slug"),
                        kind: DocKind::Item,
                        title: r.get("name"),
                        tags: json_list(r.get::<&str, _>("keywords"))?,
                        summary: r.get("summary"),
                        body: r.get("description"),
                        category: r.get("category"),
                        learned: Vec::new(),
                        // Catalog items are written in the portal's language; their
                        // translations are versions of the item beside it.
                        language: Language::default(),
                        group: r.get("slug"),
                    };
                    let translations =
                        serde_json::from_str(r.get::<&str, _>("translations")).map_err(db_err)?;
                    documents.extend(app::domain::translation::item_documents(own, &translations));
                }
                Ok((version, documents))
            }

            async fn article(&self, slug: &str) -> StoreResult<Option<ArticleRecord>> {
                let Some(r) = sqlx::query(
                    "SELECT slug, title, summary, body_md, category, tags, related_items, state, \
                     locale, translation_of, revision, updated_at, view_count \
                     FROM articles WHERE slug = $1",
                )
                .bind(slug)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?
                else {
                    return Ok(None);
                };
                Ok(Some(ArticleRecord {
                    input: ArticleInput {
                        slug: r.get("slug"),
                        title: r.get("title"),
                        summary: r.get("summary"),
                        body_md: r.get("body_md"),
                        category: r.get("category"),
                        tags: json_list(r.get::<&str, _>("tags"))?,
                        related_items: json_list(r.get::<&str, _>("related_items"))?,
                        state: ArticleState::parse(r.get::<&str, _>("state"))
                            .unwrap_or(ArticleState::Draft),
                        locale: r.get("locale"),
                        translation_of: r.get("translation_of"),
                    },
                    revision: r.get("revision"),
                    updated_at: r.get("updated_at"),
                    views: r.get("view_count"),
                }))
            }

            async fn article_versions(&self, group: &str) -> StoreResult<Vec<ArticleVersionRow>> {
                let rows = sqlx::query(
                    "SELECT slug, title, locale, translation_of, state FROM articles \
                     WHERE slug = $1 OR translation_of = $1 ORDER BY locale, slug",
                )
                .bind(group)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| ArticleVersionRow {
                        slug: r.get("slug"),
                        title: r.get("title"),
                        locale: r.get("locale"),
                        translation_of: r.get("translation_of"),
                        state: ArticleState::parse(r.get::<&str, _>("state"))
                            .unwrap_or(ArticleState::Draft),
                    })
                    .collect())
            }

            #[tracing::instrument(skip_all, fields(slug = %a.slug))]
            async fn save_article(
                &self,
                a: &ArticleInput,
                expect: Expect,
                author_id: i64,
                now: DateTime<Utc>,
            ) -> StoreResult<Saved> {
                let tags = serde_json::to_string(&a.tags).map_err(db_err)?;
                let related = serde_json::to_string(&a.related_items).map_err(db_err)?;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // First statement writes (SQLite's write lock); rolled back if nothing changed.
                sqlx::query("UPDATE content_versions SET version = version + 1 WHERE name = 'search'")
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                let existing = sqlx::query(
                    "SELECT id, title, summary, body_md, category, tags, related_items, state, \
                     locale, translation_of, revision FROM articles WHERE slug = $1",
                )
                .bind(&a.slug)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db_err)?;
                let current = existing.as_ref().map_or(0, |r| r.get::<i64, _>("revision"));
                let holds = match expect {
                    Expect::Anything => true,
                    Expect::New => existing.is_none(),
                    Expect::Revision(n) => existing.is_some() && current == n,
                };
                if !holds {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(Saved::Conflict { current });
                }
                let (id, outcome) = match existing {
                    None => {
                        let id: Result<i64, _> = sqlx::query_scalar(
                            "INSERT INTO articles (slug, title, summary, body_md, category, tags, \
                             related_items, state, locale, translation_of, revision, created_at, \
                             updated_at) \
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $10, $11, 1, $9, $9) RETURNING id",
                        )
                        .bind(&a.slug)
                        .bind(&a.title)
                        .bind(&a.summary)
                        .bind(&a.body_md)
                        .bind(&a.category)
                        .bind(&tags)
                        .bind(&related)
                        .bind(a.state.as_str())
                        .bind(now)
                        .bind(&a.locale)
                        .bind(&a.translation_of)
                        .fetch_one(&mut *tx)
                        .await;
                        match id {
                            Ok(id) => (id, Saved::Created),
                            Err(e) if language_taken(&e) => return Ok(Saved::LanguageTaken),
                            Err(e) => return Err(db_err(e)),
                        }
                    }
                    Some(r) => {
                        let same = r.get::<&str, _>("title") == a.title
                            && r.get::<&str, _>("summary") == a.summary
                            && r.get::<&str, _>("body_md") == a.body_md
                            && r.get::<&str, _>("category") == a.category
                            && r.get::<&str, _>("tags") == tags
                            && r.get::<&str, _>("related_items") == related
                            && r.get::<&str, _>("state") == a.state.as_str()
                            && r.get::<&str, _>("locale") == a.locale
                            && r.get::<Option<&str>, _>("translation_of")
                                == a.translation_of.as_deref();
                        if same {
                            tx.rollback().await.map_err(db_err)?;
                            return Ok(Saved::Unchanged);
                        }
                        let id: i64 = r.get("id");
                        let revision: i64 = r.get::<i64, _>("revision") + 1;
                        let updated = sqlx::query(
                            "UPDATE articles SET title = $1, summary = $2, body_md = $3, category = $4, \
                             tags = $5, related_items = $6, state = $7, revision = $8, updated_at = $9, \
                             locale = $11, translation_of = $12 WHERE id = $10",
                        )
                        .bind(&a.title)
                        .bind(&a.summary)
                        .bind(&a.body_md)
                        .bind(&a.category)
                        .bind(&tags)
                        .bind(&related)
                        .bind(a.state.as_str())
                        .bind(revision)
                        .bind(now)
                        .bind(id)
                        .bind(&a.locale)
                        .bind(&a.translation_of)
                        .execute(&mut *tx)
                        .await;
                        match updated {
                            Ok(_) => (id, Saved::Updated { revision }),
                            Err(e) if language_taken(&e) => return Ok(Saved::LanguageTaken),
                            Err(e) => return Err(db_err(e)),
                        }
                    }
                };
                // The revision is a copy of the row just written, so the two cannot disagree.
                sqlx::query(
                    "INSERT INTO article_revisions (article_id, revision, title, summary, body_md, \
                     category, tags, related_items, state, author_id, created_at) \
                     SELECT id, revision, title, summary, body_md, category, tags, related_items, state, $2, $3 \
                     FROM articles WHERE id = $1",
                )
                .bind(id)
                .bind(author_id)
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                tx.commit().await.map_err(db_err)?;
                Ok(outcome)
            }

            async fn article_list(&self) -> StoreResult<Vec<ArticleListRow>> {
                let rows = sqlx::query(
                    "SELECT a.slug, a.title, a.category, a.state, a.revision, a.updated_at, a.view_count, \
                     (SELECT COUNT(*) FROM article_votes v WHERE v.article_id = a.id AND v.helpful) AS yes, \
                     (SELECT COUNT(*) FROM article_votes v WHERE v.article_id = a.id AND NOT v.helpful) AS no \
                     FROM articles a ORDER BY a.updated_at DESC, a.slug",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| ArticleListRow {
                        slug: r.get("slug"),
                        title: r.get("title"),
                        category: r.get("category"),
                        state: ArticleState::parse(r.get::<&str, _>("state"))
                            .unwrap_or(ArticleState::Draft),
                        revision: r.get("revision"),
                        updated_at: r.get("updated_at"),
                        views: r.get("view_count"),
                        helpful: r.get("yes"),
                        not_helpful: r.get("no"),
                    })
                    .collect())
            }

            async fn article_revisions(&self, slug: &str) -> StoreResult<Vec<RevisionRow>> {
                let rows = sqlx::query(
                    "SELECT r.revision, r.title, r.state, u.name, r.created_at \
                     FROM article_revisions r JOIN articles a ON a.id = r.article_id \
                     JOIN users u ON u.id = r.author_id \
                     WHERE a.slug = $1 ORDER BY r.revision DESC",
                )
                .bind(slug)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| RevisionRow {
                        revision: r.get("revision"),
                        title: r.get("title"),
                        state: r.get("state"),
                        author: r.get("name"),
                        created_at: r.get("created_at"),
                    })
                    .collect())
            }

            async fn add_article_views(&self, views: &[(String, i64)]) -> StoreResult<()> {
                if views.is_empty() {
                    return Ok(());
                }
                // One transaction for the whole batch: one commit however many articles.
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                for (slug, n) in views {
                    sqlx::query("UPDATE articles SET view_count = view_count + $1 WHERE slug = $2")
                        .bind(n)
                        .bind(slug)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                }
                tx.commit().await.map_err(db_err)
            }

            async fn vote_article(&self, v: &NewVote) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let done = sqlx::query(
                    "INSERT INTO article_votes (article_id, user_id, helpful, comment, created_at) \
                     SELECT id, $2, $3, $4, $5 FROM articles WHERE slug = $1 AND state = 'published' \
                     ON CONFLICT (article_id, user_id) DO UPDATE SET helpful = excluded.helpful, \
                     comment = excluded.comment, created_at = excluded.created_at",
                )
                .bind(&v.slug)
                .bind(v.user_id)
                .bind(v.helpful)
                .bind(&v.comment)
                .bind(v.now)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                if done.rows_affected() == 0 {
                    return Ok(false);
                }
                if v.helpful && !v.query.is_empty() {
                    // Renewed, not doubled, when the same person says so again; a removal by
                    // an editor stands.
                    sqlx::query(
                        "INSERT INTO search_solutions (article_slug, user_id, query, created_at) \
                         VALUES ($1, $2, $3, $4) ON CONFLICT (article_slug, user_id, query) \
                         DO UPDATE SET created_at = excluded.created_at",
                    )
                    .bind(&v.slug)
                    .bind(v.user_id)
                    .bind(&v.query)
                    .bind(v.now)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }

            async fn record_deflection(&self, e: &DeflectionEvent) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO deflection_events (funnel, kind, user_id, item_slug, query, \
                     article_slug, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(&e.funnel)
                .bind(e.kind.as_str())
                .bind(e.user_id)
                .bind(&e.item_slug)
                .bind(&e.query)
                .bind(&e.article_slug)
                .bind(e.now)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            async fn deflection_counts(&self, since: DateTime<Utc>) -> StoreResult<DeflectionCounts> {
                let rows = sqlx::query(
                    "SELECT kind, COUNT(*) AS n FROM deflection_events WHERE created_at >= $1 \
                     GROUP BY kind",
                )
                .bind(since)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let mut counts = DeflectionCounts::default();
                for r in &rows {
                    let n: i64 = r.get("n");
                    match r.get::<&str, _>("kind") {
                        "shown" => counts.shown = n,
                        "opened" => counts.opened = n,
                        "solved" => counts.solved = n,
                        "submitted" => counts.submitted = n,
                        _ => {}
                    }
                }
                Ok(counts)
            }
        }

        #[async_trait::async_trait]
        impl Housekeeping for $store {
            async fn remind_approvers(
                &self,
                cutoff: DateTime<Utc>,
                now: DateTime<Utc>,
            ) -> StoreResult<u64> {
                queue_approval_reminders(self, cutoff, now).await
            }

            async fn is_empty(&self) -> StoreResult<bool> {
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM categories")
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(n == 0)
            }

            async fn load_seed(
                &self,
                data: &SeedData,
                password_hash: &str,
                now: DateTime<Utc>,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // The claim is the first write: a second instance blocks here until the first
                // commits, then finds the claim taken and leaves the data alone.
                if !claim(&mut tx, "seed-demo-data", 0, "seed", now).await? {
                    return Ok(false);
                }
                let loaded: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM categories")
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db_err)?;
                if loaded > 0 {
                    // Loaded before claims existed: keep the claim so nobody checks again.
                    tx.commit().await.map_err(db_err)?;
                    return Ok(false);
                }
                let mut category_ids = std::collections::HashMap::new();
                for (position, c) in data.categories.iter().enumerate() {
                    let parent: Option<i64> =
                        c.parent.as_ref().and_then(|p| category_ids.get(p).copied());
                    let translations = serde_json::to_string(&c.translations).map_err(db_err)?;
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO categories (slug, name, description, icon, parent_id, position, \
                         translations) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                    )
                    .bind(&c.slug)
                    .bind(&c.name)
                    .bind(&c.description)
                    .bind(&c.icon)
                    .bind(parent)
                    .bind(position as i64)
                    .bind(translations)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db_err)?;
                    category_ids.insert(c.slug.clone(), id);
                }
                for item in &data.items {
                    let keywords = serde_json::to_string(&item.keywords).map_err(db_err)?;
                    let translations =
                        serde_json::to_string(&item.translations).map_err(db_err)?;
                    let id: i64 = sqlx::query_scalar(
                        "INSERT INTO items (slug, category_id, name, summary, description, icon, kind, \
                         keywords, expected_delivery, requires_approval, fulfilment_group, retired, \
                         current_form_version, translations, approval_chain) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1, $13, $14) \
                         RETURNING id",
                    )
                    .bind(&item.slug)
                    .bind(category_ids.get(&item.category).copied())
                    .bind(&item.name)
                    .bind(&item.summary)
                    .bind(item.description.trim())
                    .bind(&item.icon)
                    .bind(&item.kind)
                    .bind(keywords)
                    .bind(&item.expected_delivery)
                    .bind(item.requires_approval)
                    .bind(&item.fulfilment_group)
                    .bind(item.retired)
                    .bind(translations)
                    .bind(&item.approval_chain)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db_err)?;
                    let schema = serde_json::to_string(&FormSchema {
                        fields: item.fields.clone(),
                    })
                    .map_err(db_err)?;
                    sqlx::query(
                        "INSERT INTO form_versions (item_id, version, schema_json, created_at) \
                         VALUES ($1, 1, $2, $3)",
                    )
                    .bind(id)
                    .bind(schema)
                    .bind(now)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                for s in &data.stores {
                    sqlx::query(
                        "INSERT INTO stores (code, name, region, timezone, calendar) \
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(&s.code)
                    .bind(&s.name)
                    .bind(&s.region)
                    .bind(&s.timezone)
                    .bind(&s.calendar)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                    for a in &s.assets {
                        sqlx::query(
                            "INSERT INTO assets (tag, store_code, kind, model, name) \
                             VALUES ($1, $2, $3, $4, $5)",
                        )
                        .bind(&a.tag)
                        .bind(&s.code)
                        .bind(&a.kind)
                        .bind(&a.model)
                        .bind(&a.name)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    }
                }
                for u in &data.users {
                    sqlx::query(
                        "INSERT INTO users (email, name, role, password_hash, store_code) \
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(u.email.to_lowercase())
                    .bind(&u.name)
                    .bind(&u.role)
                    .bind(password_hash)
                    .bind(&u.store)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                for u in &data.users {
                    for group in &u.groups {
                        sqlx::query(
                            "INSERT INTO user_groups (user_id, group_name) \
                             SELECT id, $1 FROM users WHERE email = $2",
                        )
                        .bind(group)
                        .bind(u.email.to_lowercase())
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    }
                }
                // Managers second: a manager may be listed after the people who report to them.
                for u in &data.users {
                    if let Some(manager) = &u.manager {
                        sqlx::query(
                            "UPDATE users SET manager_id = (SELECT id FROM users WHERE email = $1) \
                             WHERE email = $2",
                        )
                        .bind(manager.to_lowercase())
                        .bind(u.email.to_lowercase())
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    }
                }
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }

            async fn claim_job(
                &self,
                job: &str,
                slot: i64,
                instance: &str,
                now: DateTime<Utc>,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let claimed = claim(&mut tx, job, slot, instance, now).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(claimed)
            }

            async fn purge_expired(
                &self,
                now: DateTime<Utc>,
                claims_before: DateTime<Utc>,
            ) -> StoreResult<u64> {
                let sessions = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                    .bind(now)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                // The demo-data claim stays: it is what stops a second load.
                let claims = sqlx::query(
                    "DELETE FROM job_runs WHERE claimed_at < $1 AND job <> 'seed-demo-data'",
                )
                .bind(claims_before)
                .execute(&self.pool)
                .await
                .map_err(db_err)?
                .rows_affected();
                Ok(sessions + claims)
            }

            async fn resolved_before(&self, cutoff: DateTime<Utc>) -> StoreResult<Vec<i64>> {
                sqlx::query_scalar(
                    "SELECT id FROM tickets WHERE state = $1 AND updated_at < $2 ORDER BY id",
                )
                .bind(TicketState::Resolved.as_str())
                .bind(cutoff)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)
            }

            async fn system_user(&self) -> StoreResult<i64> {
                sqlx::query_scalar("SELECT id FROM users WHERE email = 'system@deskfront.invalid'")
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)
            }

            async fn shared_password_hashes(&self) -> StoreResult<Vec<String>> {
                sqlx::query_scalar(
                    "SELECT password_hash FROM users GROUP BY password_hash HAVING COUNT(*) > 1",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)
            }

            async fn create_local_account(
                &self,
                account: &crate::store::NewAccount<'_>,
                audit: &AuditEntry,
            ) -> StoreResult<Option<i64>> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // ON CONFLICT rather than a look-up first: two commands racing for one address
                // make one account, and the loser hears that it exists.
                let id: Option<i64> = sqlx::query_scalar(
                    "INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (email) DO NOTHING RETURNING id",
                )
                .bind(account.email)
                .bind(account.name)
                .bind(account.role.as_str())
                .bind(account.password_hash)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db_err)?;
                if id.is_some() {
                    write_audit(&mut tx, audit).await?;
                    tx.commit().await.map_err(db_err)?;
                }
                Ok(id)
            }

            async fn refresh_statistics(&self) -> StoreResult<()> {
                sqlx::query("ANALYZE")
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                if <$db as sqlx::Database>::NAME == "SQLite" {
                    // The SQLite that sqlx bundles keeps value samples (STAT4), and with them
                    // re-plans a statement whenever a bound value the samples could judge
                    // changes: the session lookup and every write of a submission were parsed
                    // and planned again on each request (perf, issue 19). The per-index averages
                    // it keeps plan these queries as well; `ANALYZE sqlite_schema` reloads them.
                    sqlx::raw_sql("DELETE FROM sqlite_stat4; ANALYZE sqlite_schema")
                        .execute(&self.pool)
                        .await
                        .map_err(db_err)?;
                }
                Ok(())
            }
        }
    };
}

pub(crate) use sql_store;
