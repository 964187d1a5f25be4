//! The SQL behind `demo_history::HistoryStore`, written once for SQLite and PostgreSQL (see
//! `sql.rs` for why a macro). Stamped out inside each adapter's module, next to `sql_store!`,
//! whose helpers (`db_err`, `Tx`, `kind`) it uses.
//!
//! A history is hundreds of thousands of rows, so they go in as multi-row INSERTs
//! (`QueryBuilder::push_values`): one statement per few hundred rows instead of per row is
//! what makes 100,000 tickets a matter of seconds. Each statement stays well under both
//! databases' parameter limits (SQLite 32,766, PostgreSQL 65,535), and a full chunk always has
//! the same text, so its prepared statement is reused.
//!
//! Unlike the rest of the SQL, these statements do not number their parameters: the builder
//! writes `$1, $2, …` for PostgreSQL and a plain `?` for SQLite. SQLite maps a numbered
//! parameter to its value by a linear search of the statement's names, which made each of
//! these statements quadratic in its parameters (56 % of the run time, measured); anonymous
//! ones bind by position.

/// Rows per statement, by the number of values each row binds.
pub(crate) fn rows_per_statement(columns: usize) -> usize {
    (7_500 / columns).max(1)
}

macro_rules! sql_history {
    ($store:ident, $db:ty) => {
        use crate::demo_history::people::NewPerson;
        use crate::demo_history::reference::{
            ArticleRef, AssetRef, ItemRef, Reference, StoreRef, UserRef,
        };
        use crate::demo_history::{Batch, HistoryStore};
        use crate::store::sql_history::rows_per_statement;

        type Insert<'a> = sqlx::QueryBuilder<'a, $db>;

        #[async_trait::async_trait]
        impl HistoryStore for $store {
            async fn ticket_count(&self) -> StoreResult<i64> {
                sqlx::query_scalar("SELECT COUNT(*) FROM tickets")
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)
            }

            async fn reference(&self) -> StoreResult<Reference> {
                // Every list in a fixed order: the same database and seed draw the same history.
                let stores = sqlx::query(
                    "SELECT code, timezone, calendar FROM stores ORDER BY code",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                .iter()
                .map(|r| StoreRef {
                    code: r.get("code"),
                    hours: StoreHours {
                        timezone: r.get("timezone"),
                        calendar: r.get("calendar"),
                    },
                })
                .collect();
                let assets = sqlx::query("SELECT tag, store_code, kind FROM assets ORDER BY tag")
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?
                    .iter()
                    .map(|r| AssetRef {
                        tag: r.get("tag"),
                        store_code: r.get("store_code"),
                        kind: r.get("kind"),
                    })
                    .collect();
                let mut items = Vec::new();
                for r in sqlx::query(
                    "SELECT i.id, i.slug, i.name, i.kind, c.slug AS category, i.requires_approval, \
                     i.fulfilment_group, i.retired, i.current_form_version, f.schema_json \
                     FROM items i JOIN categories c ON c.id = i.category_id \
                     JOIN form_versions f ON f.item_id = i.id AND f.version = i.current_form_version \
                     ORDER BY i.slug",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                {
                    items.push(ItemRef {
                        id: r.get("id"),
                        slug: r.get("slug"),
                        name: r.get("name"),
                        kind: kind(r.get::<&str, _>("kind")),
                        category: r.get("category"),
                        requires_approval: r.get("requires_approval"),
                        fulfilment_group: r.get("fulfilment_group"),
                        retired: r.get("retired"),
                        form_version: r.get("current_form_version"),
                        schema: serde_json::from_str(r.get::<&str, _>("schema_json"))
                            .map_err(db_err)?,
                    });
                }
                let users = sqlx::query(
                    "SELECT id, email, name, role, manager_id, store_code FROM users ORDER BY id",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                .iter()
                .map(|r| UserRef {
                    id: r.get("id"),
                    email: r.get("email"),
                    name: r.get("name"),
                    role: r.get("role"),
                    manager_id: r.get("manager_id"),
                    store_code: r.get("store_code"),
                })
                .collect();
                let group_members = sqlx::query(
                    "SELECT g.group_name, u.id, u.name FROM user_groups g \
                     JOIN users u ON u.id = g.user_id ORDER BY g.group_name, u.id",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                .iter()
                .map(|r| (r.get("group_name"), r.get("id"), r.get("name")))
                .collect();
                let mut articles = Vec::new();
                for r in sqlx::query(
                    "SELECT slug, related_items FROM articles WHERE state = $1 ORDER BY slug",
                )
                .bind(ArticleState::Published.as_str())
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?
                {
                    articles.push(ArticleRef {
                        slug: r.get("slug"),
                        related_items: json_list(r.get::<&str, _>("related_items"))?,
                    });
                }
                Ok(Reference {
                    stores,
                    assets,
                    items,
                    users,
                    group_members,
                    articles,
                    system_user: self.system_user().await?,
                })
            }

            async fn add_people(&self, people: &[NewPerson]) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                for p in people {
                    sqlx::query(
                        "INSERT INTO users (email, name, role, password_hash, manager_id, store_code) \
                         VALUES ($1, $2, $3, '!', $4, $5) ON CONFLICT (email) DO NOTHING",
                    )
                    .bind(&p.email)
                    .bind(&p.name)
                    .bind(p.role)
                    .bind(p.manager_id)
                    .bind(&p.store_code)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                tx.commit().await.map_err(db_err)
            }

            async fn write_history(&self, batch: &Batch) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // Numbers first, and as the first write, exactly as `create_ticket` takes one:
                // the counters move past the whole batch, so tickets raised later (here or on a
                // running server) continue after it.
                let mut next = std::collections::HashMap::new();
                for k in [TicketKind::Request, TicketKind::Incident] {
                    let n = batch.tickets.iter().filter(|t| t.kind == k).count() as i64;
                    if n == 0 {
                        continue;
                    }
                    let first: i64 = sqlx::query_scalar(
                        "UPDATE ticket_counters SET next_value = next_value + $2 WHERE kind = $1 \
                         RETURNING next_value - $2",
                    )
                    .bind(k.as_str())
                    .bind(n)
                    .fetch_one(&mut *tx)
                    .await
                    .map_err(db_err)?;
                    next.insert(k, first);
                }
                let numbers: Vec<String> = batch
                    .tickets
                    .iter()
                    .map(|t| {
                        let seq = next.get_mut(&t.kind).expect("counted above");
                        *seq += 1;
                        t.kind.number(*seq - 1)
                    })
                    .collect();

                const TICKET_COLUMNS: usize = 36;
                let mut ids_by_number = std::collections::HashMap::new();
                let numbered: Vec<_> = numbers.iter().zip(&batch.tickets).collect();
                for chunk in numbered.chunks(rows_per_statement(TICKET_COLUMNS)) {
                    let mut insert = Insert::new(
                        "INSERT INTO tickets (number, kind, item_id, form_version, title, \
                         requester_id, on_behalf_of, approver_id, state, answers_json, \
                         idempotency_key, created_at, updated_at, revision, priority, impact, \
                         urgency, category, store_code, asset_tag, assignment_group, assignee_id, \
                         sla_calendar_json, response_minutes, resolution_minutes, responded_at, \
                         resolved_at, resolution_code, response_due_at, response_warn_at, \
                         resolution_due_at, resolution_warn_at, next_due_at, \
                         response_used_minutes, resolution_used_minutes, reopen_count) ",
                    );
                    insert.push_values(chunk, |mut row, (number, t)| {
                        let d = &t.desk;
                        row.push_bind(number.as_str())
                            .push_bind(t.kind.as_str())
                            .push_bind(t.item_id)
                            .push_bind(t.form_version)
                            .push_bind(&t.title)
                            .push_bind(t.requester_id)
                            .push_bind(&t.on_behalf_of)
                            .push_bind(t.approver_id)
                            .push_bind(t.state.as_str())
                            .push_bind(&t.answers_json)
                            .push_bind(&t.idempotency_key)
                            .push_bind(t.created_at)
                            .push_bind(t.updated_at)
                            .push_bind(t.revision)
                            .push_bind(d.priority.as_str())
                            .push_bind(&d.impact)
                            .push_bind(&d.urgency)
                            .push_bind(&d.category)
                            .push_bind(&d.store_code)
                            .push_bind(&d.asset_tag)
                            .push_bind(&d.assignment_group)
                            .push_bind(t.assignee_id)
                            .push_bind(&t.calendar_json)
                            .push_bind(d.response_minutes)
                            .push_bind(d.resolution_minutes)
                            .push_bind(t.responded_at)
                            .push_bind(t.resolved_at)
                            .push_bind(&t.resolution_code)
                            .push_bind(d.due.response_due_at)
                            .push_bind(d.due.response_warn_at)
                            .push_bind(d.due.resolution_due_at)
                            .push_bind(d.due.resolution_warn_at)
                            .push_bind(d.due.next_due_at)
                            .push_bind(t.used.response)
                            .push_bind(t.used.resolution)
                            .push_bind(t.reopen_count);
                    });
                    insert.push(" RETURNING id, number");
                    for r in insert.build().fetch_all(&mut *tx).await.map_err(db_err)? {
                        ids_by_number.insert(r.get::<String, _>("number"), r.get::<i64, _>("id"));
                    }
                }
                let ids: Vec<i64> = numbers
                    .iter()
                    .map(|n| {
                        ids_by_number
                            .get(n)
                            .copied()
                            .ok_or_else(|| db_err(format!("{n} was not written")))
                    })
                    .collect::<StoreResult<_>>()?;
                let with_ids = || ids.iter().copied().zip(&batch.tickets);

                // Events in timeline order per ticket: the timeline reads them by id.
                let events: Vec<_> = with_ids()
                    .flat_map(|(id, t)| t.events.iter().map(move |e| (id, e)))
                    .collect();
                for chunk in events.chunks(rows_per_statement(9)) {
                    let mut insert = Insert::new(
                        "INSERT INTO ticket_events (ticket_id, kind, author_id, body, internal, \
                         created_at, field, before_value, after_value) ",
                    );
                    insert.push_values(chunk, |mut row, (id, e)| {
                        let change = e.change.as_ref();
                        row.push_bind(*id)
                            .push_bind(e.kind.as_str())
                            .push_bind(e.author_id)
                            .push_bind(&e.body)
                            .push_bind(e.internal)
                            .push_bind(e.now)
                            .push_bind(change.map(|c| c.field))
                            .push_bind(change.and_then(|c| c.before.as_deref()))
                            .push_bind(change.and_then(|c| c.after.as_deref()));
                    });
                    insert.build().execute(&mut *tx).await.map_err(db_err)?;
                }

                let pauses: Vec<_> = with_ids()
                    .flat_map(|(id, t)| t.pauses.iter().map(move |p| (id, p)))
                    .collect();
                for chunk in pauses.chunks(rows_per_statement(3)) {
                    let mut insert =
                        Insert::new("INSERT INTO sla_pauses (ticket_id, started_at, ended_at) ");
                    insert.push_values(chunk, |mut row, (id, p)| {
                        row.push_bind(*id).push_bind(p.from).push_bind(p.to);
                    });
                    insert.build().execute(&mut *tx).await.map_err(db_err)?;
                }

                let alerts: Vec<_> = with_ids()
                    .flat_map(|(id, t)| t.alerts.iter().map(move |a| (id, a)))
                    .collect();
                for chunk in alerts.chunks(rows_per_statement(5)) {
                    let mut insert = Insert::new(
                        "INSERT INTO sla_alerts (ticket_id, clock, level, due_at, raised_at) ",
                    );
                    insert.push_values(chunk, |mut row, (id, a)| {
                        row.push_bind(*id)
                            .push_bind(a.clock.as_str())
                            .push_bind(alert_level(a.breach))
                            .push_bind(a.due_at)
                            .push_bind(a.raised_at);
                    });
                    insert.build().execute(&mut *tx).await.map_err(db_err)?;
                }

                let ratings: Vec<_> = with_ids()
                    .filter_map(|(id, t)| t.rating.as_ref().map(|r| (id, r)))
                    .collect();
                for chunk in ratings.chunks(rows_per_statement(5)) {
                    let mut insert = Insert::new(
                        "INSERT INTO satisfaction (ticket_id, user_id, rating, comment, created_at) ",
                    );
                    insert.push_values(chunk, |mut row, (id, r)| {
                        row.push_bind(*id)
                            .push_bind(r.user_id)
                            .push_bind(r.rating)
                            .push_bind(&r.comment)
                            .push_bind(r.at);
                    });
                    insert.build().execute(&mut *tx).await.map_err(db_err)?;
                }

                for chunk in batch.deflection.chunks(rows_per_statement(7)) {
                    let mut insert = Insert::new(
                        "INSERT INTO deflection_events (funnel, kind, user_id, item_slug, query, \
                         article_slug, created_at) ",
                    );
                    insert.push_values(chunk, |mut row, e| {
                        row.push_bind(&e.funnel)
                            .push_bind(e.kind.as_str())
                            .push_bind(e.user_id)
                            .push_bind(&e.item_slug)
                            .push_bind(&e.query)
                            .push_bind(&e.article_slug)
                            .push_bind(e.now);
                    });
                    insert.build().execute(&mut *tx).await.map_err(db_err)?;
                }

                for chunk in batch.searches.chunks(rows_per_statement(3)) {
                    let mut insert = Insert::new("INSERT INTO search_log (query, results, created_at) ");
                    insert.push_values(chunk, |mut row, s| {
                        row.push_bind(&s.query).push_bind(s.results).push_bind(s.at);
                    });
                    insert.build().execute(&mut *tx).await.map_err(db_err)?;
                }
                tx.commit().await.map_err(db_err)
            }
        }
    };
}

pub(crate) use sql_history;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_stay_under_both_parameter_limits() {
        for columns in [3, 5, 7, 9, 36] {
            let rows = rows_per_statement(columns);
            assert!(
                rows * columns <= 7_500 && rows * columns > 7_000,
                "{columns}"
            );
        }
    }
}
