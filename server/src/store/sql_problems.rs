//! The SQL behind `ProblemStore`, written once for SQLite and PostgreSQL (see `sql.rs` for why a
//! macro). Stamped out inside each adapter's module, next to `sql_store!` and `sql_desk!`, whose
//! helpers (`insert_event`, `state`, `priority`, `DbRow`) it uses.

macro_rules! sql_problems {
    ($store:ident) => {
        use app::backend::problem_store::{
            IncidentRow, NewProblem, Opened, ProblemChange, ProblemRecord, ProblemStore,
            RelatedQuery,
        };
        use app::domain::problem::{problem_number, ProblemState};

        /// An incident with the number of its problem; needs `t` (tickets) and `p` (problems,
        /// joined through problem_incidents `pi`).
        const INCIDENT_COLUMNS: &str = "t.id, t.number, t.title, t.state, t.priority, \
             t.store_code, t.asset_tag, t.assignment_group, t.created_at, p.number AS problem";

        fn incident_row(r: &DbRow) -> IncidentRow {
            IncidentRow {
                ticket_id: r.get("id"),
                number: r.get("number"),
                title: r.get("title"),
                state: state(r.get::<&str, _>("state")),
                priority: priority(r.get::<&str, _>("priority")),
                store_code: r.get("store_code"),
                asset_tag: r.get("asset_tag"),
                assignment_group: r.get("assignment_group"),
                created_at: r.get("created_at"),
                problem: r.get("problem"),
            }
        }

        /// Writes a problem's change if it is still at `expect_revision`, with its event on
        /// every linked incident's timeline. False: it moved on (the caller rolls back). Also
        /// what a successful change writes as it closes (`sql_changes`).
        async fn write_problem(
            tx: &mut Tx<'_>,
            problem_id: i64,
            c: &ProblemChange,
        ) -> StoreResult<bool> {
            let written = sqlx::query(
                "UPDATE problems SET cause = $1, workaround = $2, fix = $3, state = $4, \
                 updated_at = $5, revision = revision + 1 WHERE id = $6 AND revision = $7",
            )
            .bind(&c.cause)
            .bind(&c.workaround)
            .bind(&c.fix)
            .bind(c.state.as_str())
            .bind(c.event.now)
            .bind(problem_id)
            .bind(c.expect_revision)
            .execute(&mut **tx)
            .await
            .map_err(db_err)?
            .rows_affected()
                == 1;
            if !written {
                return Ok(false);
            }
            let tickets: Vec<i64> = sqlx::query_scalar(
                "SELECT ticket_id FROM problem_incidents WHERE problem_id = $1 ORDER BY ticket_id",
            )
            .bind(problem_id)
            .fetch_all(&mut **tx)
            .await
            .map_err(db_err)?;
            for ticket_id in tickets {
                insert_event(tx, ticket_id, &c.event).await?;
            }
            Ok(true)
        }

        #[async_trait::async_trait]
        impl ProblemStore for $store {
            #[tracing::instrument(skip(self))]
            async fn related_incidents(&self, q: &RelatedQuery) -> StoreResult<Vec<IncidentRow>> {
                // Two index ranges, (asset_tag, created_at) and (store_code, category,
                // created_at), joined by UNION: an OR across them would scan the table. A NULL
                // asset or store matches nothing, which is what it should match.
                let sql = format!(
                    "SELECT {INCIDENT_COLUMNS} FROM tickets t \
                     LEFT JOIN problem_incidents pi ON pi.ticket_id = t.id \
                     LEFT JOIN problems p ON p.id = pi.problem_id \
                     WHERE t.id IN ( \
                       SELECT id FROM tickets WHERE asset_tag = $1 \
                         AND created_at >= $3 AND created_at <= $4 \
                       UNION \
                       SELECT id FROM tickets WHERE store_code = $2 AND category = $5 \
                         AND created_at >= $3 AND created_at <= $4) \
                     AND t.kind = 'incident' AND t.id <> $6 \
                     ORDER BY t.created_at DESC, t.id DESC LIMIT {}",
                    q.limit.clamp(1, 1000)
                );
                let rows = sqlx::query(&sql)
                    .bind(&q.asset_tag)
                    .bind(&q.store_code)
                    .bind(q.from)
                    .bind(q.to)
                    .bind(&q.category)
                    .bind(q.ticket_id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(rows.iter().map(incident_row).collect())
            }

            #[tracing::instrument(skip_all, fields(incidents = p.ticket_ids.len()))]
            async fn create_problem(&self, p: &NewProblem) -> StoreResult<Opened> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // Problems count in the tickets' counter table, with the same gapless,
                // write-first number taking as tickets (see create_ticket).
                let seq: i64 = sqlx::query_scalar(
                    "UPDATE ticket_counters SET next_value = next_value + 1 WHERE kind = 'problem' \
                     RETURNING next_value - 1",
                )
                .fetch_one(&mut *tx)
                .await
                .map_err(db_err)?;
                let number = problem_number(seq);
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO problems (number, title, cause, workaround, fix, state, created_by, \
                     created_at, updated_at, revision) \
                     VALUES ($1, $2, '', '', '', $3, $4, $5, $5, 1) RETURNING id",
                )
                .bind(&number)
                .bind(&p.title)
                .bind(ProblemState::Open.as_str())
                .bind(p.created_by)
                .bind(p.now)
                .fetch_one(&mut *tx)
                .await
                .map_err(db_err)?;
                let event =
                    app::backend::problems::linked_event(&number, &p.title, p.created_by, p.now);
                for &ticket_id in &p.ticket_ids {
                    if !link(&mut tx, id, ticket_id, &event).await? {
                        tx.rollback().await.map_err(db_err)?;
                        return Ok(Opened::AlreadyLinked { ticket_id });
                    }
                }
                tx.commit().await.map_err(db_err)?;
                Ok(Opened::Created { number })
            }

            async fn problem(&self, number: &str) -> StoreResult<Option<ProblemRecord>> {
                let Some(r) = sqlx::query(
                    "SELECT p.id, p.number, p.title, p.cause, p.workaround, p.fix, p.state, \
                     p.revision, u.name AS created_by, p.created_at, p.updated_at \
                     FROM problems p JOIN users u ON u.id = p.created_by WHERE p.number = $1",
                )
                .bind(number)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?
                else {
                    return Ok(None);
                };
                let id: i64 = r.get("id");
                let sql = format!(
                    "SELECT {INCIDENT_COLUMNS} FROM problem_incidents pi \
                     JOIN tickets t ON t.id = pi.ticket_id JOIN problems p ON p.id = pi.problem_id \
                     WHERE pi.problem_id = $1 ORDER BY t.created_at, t.id"
                );
                let incidents = sqlx::query(&sql)
                    .bind(id)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?
                    .iter()
                    .map(incident_row)
                    .collect();
                Ok(Some(ProblemRecord {
                    id,
                    number: r.get("number"),
                    title: r.get("title"),
                    cause: r.get("cause"),
                    workaround: r.get("workaround"),
                    fix: r.get("fix"),
                    state: ProblemState::parse(r.get::<&str, _>("state"))
                        .unwrap_or(ProblemState::Open),
                    revision: r.get("revision"),
                    created_by: r.get("created_by"),
                    created_at: r.get("created_at"),
                    updated_at: r.get("updated_at"),
                    incidents,
                }))
            }

            async fn problem_of_ticket(&self, ticket_id: i64) -> StoreResult<Option<String>> {
                sqlx::query_scalar(
                    "SELECT p.number FROM problem_incidents pi JOIN problems p ON p.id = pi.problem_id \
                     WHERE pi.ticket_id = $1",
                )
                .bind(ticket_id)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)
            }

            #[tracing::instrument(skip(self, c))]
            async fn update_problem(&self, problem_id: i64, c: &ProblemChange) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                if !write_problem(&mut tx, problem_id, c).await? {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(false);
                }
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }

            async fn link_incident(
                &self,
                problem_id: i64,
                ticket_id: i64,
                event: &NewEvent,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                if !link(&mut tx, problem_id, ticket_id, event).await? {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(false);
                }
                sqlx::query("UPDATE problems SET updated_at = $1 WHERE id = $2")
                    .bind(event.now)
                    .bind(problem_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }
        }

        /// Links the incident and writes its timeline event; false if it belongs to a problem
        /// already (the primary key on ticket_id: one problem per incident).
        async fn link(
            tx: &mut Tx<'_>,
            problem_id: i64,
            ticket_id: i64,
            event: &NewEvent,
        ) -> StoreResult<bool> {
            let linked = sqlx::query(
                "INSERT INTO problem_incidents (problem_id, ticket_id, linked_by, linked_at) \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (ticket_id) DO NOTHING",
            )
            .bind(problem_id)
            .bind(ticket_id)
            .bind(event.author_id)
            .bind(event.now)
            .execute(&mut **tx)
            .await
            .map_err(db_err)?
            .rows_affected()
                == 1;
            if linked {
                insert_event(tx, ticket_id, event).await?;
            }
            Ok(linked)
        }
    };
}

pub(crate) use sql_problems;
