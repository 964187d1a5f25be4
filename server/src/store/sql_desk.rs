//! The SQL behind `DeskStore`, written once for SQLite and PostgreSQL (see `sql.rs` for why a
//! macro). Stamped out inside each adapter's module, next to `sql_store!`, whose helpers
//! (`insert_event`, `state`, `kind`, `DbRow`, `Tx`) it uses.

macro_rules! sql_desk {
    ($store:ident) => {
        use app::backend::desk_store::{
            AssigneeFilter, DeskStore, DeskTicket, DueAlert, NotificationRow, PauseChange,
            QueueFilter, QueueRow, TicketChange,
        };
        use app::domain::priority::{Priority, StoreHours};
        use app::domain::sla::Pause;
        use app::domain::ticket_sla::Clock;
        use crate::store::columns::Column;

        fn priority(s: &str) -> Priority {
            Priority::parse(s).unwrap_or(Priority::P4)
        }

        /// The four sweeps of the SLA job: (column, clock, breach?).
        const ALERT_COLUMNS: [(&str, Clock, bool); 4] = [
            ("response_warn_at", Clock::Response, false),
            ("response_due_at", Clock::Response, true),
            ("resolution_warn_at", Clock::Resolution, false),
            ("resolution_due_at", Clock::Resolution, true),
        ];

        fn alert_level(breach: bool) -> &'static str {
            if breach {
                "breach"
            } else {
                "warning"
            }
        }

        /// A queue row, from the pool or from SQLite's inline reads (`sqlite_inline`).
        fn queue_row<R>(r: &R) -> QueueRow
        where
            R: Column<String>
                + Column<Option<String>>
                + Column<DateTime<Utc>>
                + Column<Option<DateTime<Utc>>>,
        {
            let state_name: String = r.col("state");
            let priority_name: String = r.col("priority");
            QueueRow {
                number: r.col("number"),
                title: r.col("title"),
                state: state(&state_name),
                priority: priority(&priority_name),
                store_code: r.col("store_code"),
                asset_tag: r.col("asset_tag"),
                category: r.col("category"),
                assignment_group: r.col("assignment_group"),
                assignee_name: r.col("assignee_name"),
                requester_name: r.col("requester_name"),
                created_at: r.col("created_at"),
                next_due_at: r.col("next_due_at"),
            }
        }

        /// Appends the queue filter to `sql` as a WHERE clause with numbered parameters; returns
        /// the values to bind, in order.
        fn queue_where(filter: &QueueFilter, sql: &mut String) -> Vec<String> {
            let mut binds: Vec<String> = Vec::new();
            let param = |binds: &mut Vec<String>, value: String| {
                binds.push(value);
                format!("${}", binds.len())
            };
            sql.push_str(" WHERE 1 = 1");
            if let Some(groups) = &filter.groups {
                if groups.is_empty() {
                    sql.push_str(" AND 1 = 0");
                } else {
                    let list: Vec<String> =
                        groups.iter().map(|g| param(&mut binds, g.clone())).collect();
                    sql.push_str(&format!(" AND t.assignment_group IN ({})", list.join(", ")));
                }
            }
            let states: Vec<&str> = if filter.states.is_empty() {
                TicketState::ALL
                    .into_iter()
                    .filter(|s| s.is_open())
                    .map(|s| s.as_str())
                    .collect()
            } else {
                filter.states.iter().map(|s| s.as_str()).collect()
            };
            let list: Vec<String> = states
                .iter()
                .map(|s| param(&mut binds, s.to_string()))
                .collect();
            sql.push_str(&format!(" AND t.state IN ({})", list.join(", ")));
            if let Some(p) = filter.priority {
                let n = param(&mut binds, p.as_str().into());
                sql.push_str(&format!(" AND t.priority = {n}"));
            }
            if let Some(store) = &filter.store {
                let n = param(&mut binds, store.clone());
                sql.push_str(&format!(" AND t.store_code = {n}"));
            }
            if let Some(category) = &filter.category {
                let n = param(&mut binds, category.clone());
                sql.push_str(&format!(" AND t.category = {n}"));
            }
            match &filter.assignee {
                AssigneeFilter::Anyone => {}
                AssigneeFilter::Unassigned => sql.push_str(" AND t.assignee_id IS NULL"),
                // Ids are integers we made: safe to inline, and it keeps every bind a string.
                AssigneeFilter::User(id) => sql.push_str(&format!(" AND t.assignee_id = {id}")),
            }
            binds
        }

        impl $store {
            async fn count(&self, sql: &str, binds: &[String]) -> StoreResult<i64> {
                // The queue's reads run on this thread on SQLite (`sqlite_inline`): a page asks
                // four or five of them, and the hand-overs to sqlx's connection threads cost
                // more than the reads (issue 19).
                let params = rusqlite::params_from_iter(binds);
                if let Some(n) = self.inline().and_then(|reads| reads.value(sql, params)) {
                    return Ok(n);
                }
                let mut query = sqlx::query_scalar::<_, i64>(sql);
                for b in binds {
                    query = query.bind(b);
                }
                query.fetch_one(&self.pool).await.map_err(db_err)
            }

            /// One ordered slice of the queue: the tickets with a due time (soonest first) or
            /// those without (oldest first).
            async fn queue_part(
                &self,
                filters: &str,
                binds: &[String],
                with_due: bool,
                limit: i64,
                offset: i64,
            ) -> StoreResult<Vec<QueueRow>> {
                let (due, order) = if with_due {
                    ("IS NOT NULL", "t.next_due_at, t.id")
                } else {
                    ("IS NULL", "t.id")
                };
                let sql = format!(
                    "SELECT t.number, t.title, t.state, t.priority, t.store_code, t.asset_tag, \
                     t.category, t.assignment_group, a.name AS assignee_name, \
                     u.name AS requester_name, t.created_at, t.next_due_at \
                     FROM tickets t JOIN users u ON u.id = t.requester_id \
                     LEFT JOIN users a ON a.id = t.assignee_id\
                     {filters} AND t.next_due_at {due} ORDER BY {order} \
                     LIMIT {limit} OFFSET {offset}"
                );
                let params = rusqlite::params_from_iter(binds);
                if let Some(rows) = self.inline().and_then(|reads| reads.rows(&sql, params, |r| queue_row(r))) {
                    return Ok(rows);
                }
                let mut rows = sqlx::query(&sql);
                for b in binds {
                    rows = rows.bind(b);
                }
                Ok(rows
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?
                    .iter()
                    .map(queue_row)
                    .collect())
            }
        }

        #[async_trait::async_trait]
        impl DeskStore for $store {
            async fn desk_ticket(&self, number: &str) -> StoreResult<Option<DeskTicket>> {
                let row = sqlx::query(
                    "SELECT t.*, u.name AS requester_name, a.name AS assignee_name \
                     FROM tickets t JOIN users u ON u.id = t.requester_id \
                     LEFT JOIN users a ON a.id = t.assignee_id WHERE t.number = $1",
                )
                .bind(number)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?;
                let Some(r) = row else { return Ok(None) };
                let id: i64 = r.get("id");
                let pauses = sqlx::query(
                    "SELECT started_at, ended_at FROM sla_pauses WHERE ticket_id = $1 \
                     ORDER BY started_at",
                )
                .bind(id)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                .iter()
                .map(|p| Pause {
                    from: p.get("started_at"),
                    to: p.get("ended_at"),
                })
                .collect();
                Ok(Some(DeskTicket {
                    id,
                    number: r.get("number"),
                    kind: kind(r.get::<&str, _>("kind")),
                    title: r.get("title"),
                    state: state(r.get::<&str, _>("state")),
                    revision: r.get("revision"),
                    requester_id: r.get("requester_id"),
                    requester_name: r.get("requester_name"),
                    approver_id: r.get("approver_id"),
                    priority: priority(r.get::<&str, _>("priority")),
                    impact: r.get("impact"),
                    urgency: r.get("urgency"),
                    category: r.get("category"),
                    store_code: r.get("store_code"),
                    asset_tag: r.get("asset_tag"),
                    assignment_group: r.get("assignment_group"),
                    assignee_id: r.get("assignee_id"),
                    assignee_name: r.get("assignee_name"),
                    created_at: r.get("created_at"),
                    updated_at: r.get("updated_at"),
                    calendar: serde_json::from_str(r.get::<&str, _>("sla_calendar_json"))
                        .map_err(db_err)?,
                    response_minutes: r.get("response_minutes"),
                    resolution_minutes: r.get("resolution_minutes"),
                    responded_at: r.get("responded_at"),
                    resolved_at: r.get("resolved_at"),
                    resolution_code: r.get("resolution_code"),
                    pauses,
                }))
            }

            async fn change_ticket(&self, ticket_id: i64, c: TicketChange) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let moved = sqlx::query(
                    "UPDATE tickets SET state = $1, assignee_id = $2, responded_at = $3, \
                     resolved_at = $4, resolution_code = $5, response_due_at = $6, \
                     response_warn_at = $7, resolution_due_at = $8, resolution_warn_at = $9, \
                     next_due_at = $10, updated_at = $11, revision = revision + 1, \
                     response_used_minutes = $14, resolution_used_minutes = $15, \
                     reopen_count = reopen_count + $16 \
                     WHERE id = $12 AND revision = $13",
                )
                .bind(c.state.as_str())
                .bind(c.assignee_id)
                .bind(c.responded_at)
                .bind(c.resolved_at)
                .bind(&c.resolution_code)
                .bind(c.due.response_due_at)
                .bind(c.due.response_warn_at)
                .bind(c.due.resolution_due_at)
                .bind(c.due.resolution_warn_at)
                .bind(c.due.next_due_at)
                .bind(c.now)
                .bind(ticket_id)
                .bind(c.expect_revision)
                .bind(c.used.response)
                .bind(c.used.resolution)
                .bind(i64::from(c.reopened))
                .execute(&mut *tx)
                .await
                .map_err(db_err)?
                .rows_affected()
                    == 1;
                if !moved {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(false);
                }
                if let Some(a) = &c.approval {
                    if !record_decision(&mut tx, a.run_id, a.expect_revision, &a.decided, &a.progress)
                        .await?
                    {
                        tx.rollback().await.map_err(db_err)?;
                        return Ok(false);
                    }
                }
                if c.leaves_approval {
                    withdraw_runs(&mut tx, "ticket", ticket_id, c.now).await?;
                }
                match c.pause {
                    PauseChange::Keep => {}
                    PauseChange::Start(at) => {
                        sqlx::query(
                            "INSERT INTO sla_pauses (ticket_id, started_at) VALUES ($1, $2) \
                             ON CONFLICT (ticket_id, started_at) DO NOTHING",
                        )
                        .bind(ticket_id)
                        .bind(at)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    }
                    PauseChange::End(at) => {
                        sqlx::query(
                            "UPDATE sla_pauses SET ended_at = $1 \
                             WHERE ticket_id = $2 AND ended_at IS NULL",
                        )
                        .bind(at)
                        .bind(ticket_id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                    }
                }
                for event in &c.events {
                    insert_event(&mut tx, ticket_id, event).await?;
                }
                if let Some(n) = &c.notify {
                    sqlx::query(
                        "INSERT INTO notifications (user_id, ticket_id, body, created_at) \
                         VALUES ($1, $2, $3, $4)",
                    )
                    .bind(n.user_id)
                    .bind(ticket_id)
                    .bind(&n.body)
                    .bind(c.now)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }

            #[tracing::instrument(skip(self))]
            async fn queue(&self, filter: &QueueFilter) -> StoreResult<Page<QueueRow>> {
                let mut filters = String::new();
                let binds = queue_where(filter, &mut filters);
                let per_page = filter.per_page.clamp(1, 100);
                // Counted up to a cap ahead of this page (`queue_count_cap`): counting every
                // open ticket on each view was half of the page's cost at 100,000 tickets. Read
                // from the ticket table alone, which (group, state, due) covers.
                let count_sql = format!(
                    "SELECT COUNT(*) FROM (SELECT 1 AS one FROM tickets t{filters} LIMIT {}) capped",
                    app::model::queue_count_cap(filter.page, per_page) + 1
                );
                let total = self.count(&count_sql, &binds).await?;
                let per_page = i64::from(per_page);
                let offset = i64::from(filter.page.max(1) - 1) * per_page;
                // What breaches first comes first; paused and met clocks (no due time) last.
                // Two ordered reads instead of one `ORDER BY next_due_at IS NULL, …`, so each
                // can walk an index and stop at the page instead of sorting every open ticket.
                let mut items = self
                    .queue_part(&filters, &binds, true, per_page, offset)
                    .await?;
                let wanted = per_page - items.len() as i64;
                if wanted > 0 {
                    // The tickets with a due time ran out on this page or before it: how many
                    // there are is known from this page, or counted (deep pages only).
                    let with_due = if items.is_empty() {
                        let sql = format!(
                            "SELECT COUNT(*) FROM tickets t{filters} AND t.next_due_at IS NOT NULL"
                        );
                        self.count(&sql, &binds).await?
                    } else {
                        offset + items.len() as i64
                    };
                    let skip = (offset - with_due).max(0);
                    items.extend(self.queue_part(&filters, &binds, false, wanted, skip).await?);
                }
                Ok(Page {
                    items,
                    page: filter.page.max(1),
                    per_page: per_page as u32,
                    total: total as u64,
                })
            }

            async fn groups_of(&self, user_id: i64) -> StoreResult<Vec<String>> {
                const SQL: &str =
                    "SELECT group_name FROM user_groups WHERE user_id = $1 ORDER BY group_name";
                // Asked on every desk page and ticket view (who may work it).
                let found = self
                    .inline()
                    .and_then(|reads| reads.rows(SQL, [user_id], |r| -> String { r.col("group_name") }));
                if let Some(groups) = found {
                    return Ok(groups);
                }
                sqlx::query_scalar(SQL)
                .bind(user_id)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)
            }

            async fn all_groups(&self) -> StoreResult<Vec<String>> {
                sqlx::query_scalar(
                    "SELECT DISTINCT group_name FROM user_groups ORDER BY group_name",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)
            }

            async fn group_members(&self, group: &str) -> StoreResult<Vec<(i64, String)>> {
                let rows = sqlx::query(
                    "SELECT u.id, u.name FROM user_groups g JOIN users u ON u.id = g.user_id \
                     WHERE g.group_name = $1 ORDER BY u.name",
                )
                .bind(group)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows.iter().map(|r| (r.get("id"), r.get("name"))).collect())
            }

            async fn store_hours(&self, code: &str) -> StoreResult<Option<StoreHours>> {
                let row = sqlx::query("SELECT timezone, calendar FROM stores WHERE code = $1")
                    .bind(code)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(row.map(|r| StoreHours {
                    timezone: r.get("timezone"),
                    calendar: r.get("calendar"),
                }))
            }

            async fn all_store_hours(&self) -> StoreResult<Vec<(String, StoreHours)>> {
                let rows = sqlx::query("SELECT code, timezone, calendar FROM stores ORDER BY code")
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| {
                        let hours = StoreHours {
                            timezone: r.get("timezone"),
                            calendar: r.get("calendar"),
                        };
                        (r.get("code"), hours)
                    })
                    .collect())
            }

            async fn notifications(
                &self,
                user_id: i64,
                limit: u32,
            ) -> StoreResult<Vec<NotificationRow>> {
                let rows = sqlx::query(&format!(
                    "SELECT n.id, t.number, n.body, n.created_at, n.read_at IS NOT NULL AS seen \
                     FROM notifications n JOIN tickets t ON t.id = n.ticket_id \
                     WHERE n.user_id = $1 ORDER BY n.id DESC LIMIT {}",
                    limit.clamp(1, 200)
                ))
                .bind(user_id)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| NotificationRow {
                        id: r.get("id"),
                        number: r.get("number"),
                        body: r.get("body"),
                        created_at: r.get("created_at"),
                        read: r.get("seen"),
                    })
                    .collect())
            }

            async fn unread_notifications(&self, user_id: i64) -> StoreResult<i64> {
                const SQL: &str =
                    "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL";
                // The header's badge: asked on every page that is not kept whole.
                if let Some(n) = self.inline().and_then(|reads| reads.value(SQL, [user_id])) {
                    return Ok(n);
                }
                sqlx::query_scalar(SQL)
                .bind(user_id)
                .fetch_one(&self.pool)
                .await
                .map_err(db_err)
            }

            async fn mark_notifications_read(
                &self,
                user_id: i64,
                now: DateTime<Utc>,
            ) -> StoreResult<()> {
                sqlx::query(
                    "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
                )
                .bind(now)
                .bind(user_id)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            async fn rate_ticket(
                &self,
                ticket_id: i64,
                user_id: i64,
                rating: i64,
                comment: &str,
                now: DateTime<Utc>,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let rated = sqlx::query(
                    "INSERT INTO satisfaction (ticket_id, user_id, rating, comment, created_at) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (ticket_id) DO NOTHING",
                )
                .bind(ticket_id)
                .bind(user_id)
                .bind(rating)
                .bind(comment)
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?
                .rows_affected()
                    == 1;
                if rated {
                    let event = NewEvent::text(EventKind::Rated, user_id, comment.to_string(), now)
                        .changing("rating", None, Some(rating.to_string()));
                    insert_event(&mut tx, ticket_id, &event).await?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(rated)
            }

            async fn rating(&self, ticket_id: i64) -> StoreResult<Option<(i64, String)>> {
                let row = sqlx::query("SELECT rating, comment FROM satisfaction WHERE ticket_id = $1")
                    .bind(ticket_id)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(row.map(|r| (r.get("rating"), r.get("comment"))))
            }

            async fn due_alerts(&self, now: DateTime<Utc>, limit: u32) -> StoreResult<Vec<DueAlert>> {
                let mut alerts = Vec::new();
                for (column, clock, breach) in ALERT_COLUMNS {
                    // The due time in the alert key: a clock that paused and moved its due time
                    // can warn and breach again against the new time.
                    let due_column = column.replace("_warn_at", "_due_at");
                    let sql = format!(
                        "SELECT t.id, t.{due_column} AS due FROM tickets t \
                         WHERE t.{column} <= $1 AND t.{due_column} IS NOT NULL AND NOT EXISTS \
                         (SELECT 1 FROM sla_alerts a WHERE a.ticket_id = t.id AND a.clock = $2 \
                          AND a.level = $3 AND a.due_at = t.{due_column}) \
                         ORDER BY t.{column} LIMIT {limit}"
                    );
                    let rows = sqlx::query(&sql)
                        .bind(now)
                        .bind(clock.as_str())
                        .bind(alert_level(breach))
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)?;
                    alerts.extend(rows.iter().map(|r| DueAlert {
                        ticket_id: r.get("id"),
                        clock,
                        breach,
                        due_at: r.get("due"),
                    }));
                }
                Ok(alerts)
            }

            async fn raise_alert(&self, alert: &DueAlert, event: NewEvent) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let raised = sqlx::query(
                    "INSERT INTO sla_alerts (ticket_id, clock, level, due_at, raised_at) \
                     VALUES ($1, $2, $3, $4, $5) \
                     ON CONFLICT (ticket_id, clock, level, due_at) DO NOTHING",
                )
                .bind(alert.ticket_id)
                .bind(alert.clock.as_str())
                .bind(alert_level(alert.breach))
                .bind(alert.due_at)
                .bind(event.now)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?
                .rows_affected()
                    == 1;
                if raised {
                    insert_event(&mut tx, alert.ticket_id, &event).await?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(raised)
            }
        }
    };
}

pub(crate) use sql_desk;
