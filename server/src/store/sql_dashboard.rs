//! The SQL behind `DashboardStore`, written once for SQLite and PostgreSQL (see `sql.rs` for
//! why a macro). Stamped out inside each adapter's module after `sql_desk!`, whose `queue_row`
//! and `priority` it uses. `$day` turns a timestamp column into its UTC day as `YYYY-MM-DD`,
//! the one expression the two databases spell differently.
//!
//! Every figure is one `TicketSet` predicate (see `app::domain::report`, where each is defined
//! in words) plus the scope's filters, counted or listed by the database.

macro_rules! sql_dashboard {
    ($store:ident, $day:expr) => {
        use app::backend::dashboard_store::{
            ClockFigures, CountRow, DashboardStore, DeflectionFigures, FaultCount, FilterChoices,
            Scope,
        };
        use app::domain::report::{percentile, AgeBand, Period, TicketSet};
        use chrono::NaiveDate;

        /// A bind value of a dynamically built statement.
        enum Arg {
            Text(String),
            Time(DateTime<Utc>),
            Day(NaiveDate),
        }

        /// A WHERE clause under construction: conditions joined by AND, with numbered
        /// parameters (the same `$n` syntax on both databases).
        #[derive(Default)]
        struct Filter {
            conds: Vec<String>,
            args: Vec<Arg>,
        }

        /// The open states: the backlog.
        fn open_states() -> String {
            TicketState::ALL
                .into_iter()
                .filter(|s| s.is_open())
                .map(|s| format!("'{}'", s.as_str()))
                .collect::<Vec<_>>()
                .join(", ")
        }

        impl Filter {
            fn param(&mut self, arg: Arg) -> String {
                self.args.push(arg);
                format!("${}", self.args.len())
            }

            fn text(&mut self, value: &str) -> String {
                self.param(Arg::Text(value.to_string()))
            }

            fn time(&mut self, value: DateTime<Utc>) -> String {
                self.param(Arg::Time(value))
            }

            fn and(&mut self, cond: String) {
                self.conds.push(cond);
            }

            /// `column` falls in the period.
            fn within(&mut self, column: &str, period: Period) {
                let (from, to) = (self.time(period.start()), self.time(period.end()));
                self.and(format!("{column} >= {from} AND {column} < {to}"));
            }

            /// The scope's filters, whatever the figure.
            fn scope(scope: &Scope) -> Self {
                let mut f = Filter::default();
                if let Some(groups) = &scope.groups {
                    if groups.is_empty() {
                        f.and("1 = 0".into());
                    } else {
                        let list: Vec<String> = groups.iter().map(|g| f.text(g)).collect();
                        f.and(format!("t.assignment_group IN ({})", list.join(", ")));
                    }
                }
                if let Some(store) = &scope.store {
                    let n = f.text(store);
                    f.and(format!("t.store_code = {n}"));
                }
                if let Some(region) = &scope.region {
                    let n = f.text(region);
                    f.and(format!(
                        "t.store_code IN (SELECT code FROM stores WHERE region = {n})"
                    ));
                }
                if let Some(category) = &scope.category {
                    let n = f.text(category);
                    f.and(format!("t.category = {n}"));
                }
                if let Some(group) = &scope.group {
                    let n = f.text(group);
                    f.and(format!("t.assignment_group = {n}"));
                }
                if let Some(priority) = scope.priority {
                    let n = f.text(priority.as_str());
                    f.and(format!("t.priority = {n}"));
                }
                if let Some(asset) = &scope.asset {
                    let n = f.text(asset);
                    f.and(format!("t.asset_tag = {n}"));
                }
                f
            }

            /// The scope's filters and the set's own predicate.
            fn set(scope: &Scope, set: TicketSet) -> Self {
                let mut f = Filter::scope(scope);
                f.add_set(scope, set);
                f
            }

            fn resolved_cond(&mut self, period: Period) -> String {
                let (from, to) = (self.time(period.start()), self.time(period.end()));
                format!(
                    "t.resolved_at >= {from} AND t.resolved_at < {to} AND t.state IN ('{}', '{}')",
                    TicketState::Resolved.as_str(),
                    TicketState::Closed.as_str()
                )
            }

            fn responded_cond(&mut self, period: Period) -> String {
                let (from, to) = (self.time(period.start()), self.time(period.end()));
                format!(
                    "t.responded_at >= {from} AND t.responded_at < {to} \
                     AND t.response_used_minutes IS NOT NULL"
                )
            }

            fn resolved(&mut self, period: Period) {
                let cond = self.resolved_cond(period);
                self.and(cond);
            }

            fn responded(&mut self, period: Period) {
                let cond = self.responded_cond(period);
                self.and(cond);
            }

            fn add_set(&mut self, scope: &Scope, set: TicketSet) {
                let period = scope.period;
                match set {
                    TicketSet::Opened => self.within("t.created_at", period),
                    TicketSet::Faults => {
                        self.within("t.created_at", period);
                        self.and(format!("t.kind = '{}'", TicketKind::Incident.as_str()));
                    }
                    TicketSet::Resolved => self.resolved(period),
                    TicketSet::ResolutionMet => {
                        self.resolved(period);
                        self.and("t.resolution_used_minutes <= t.resolution_minutes".into());
                    }
                    TicketSet::ResolutionBreached => {
                        self.resolved(period);
                        self.and("t.resolution_used_minutes > t.resolution_minutes".into());
                    }
                    TicketSet::Reopened => {
                        self.resolved(period);
                        self.and("t.reopen_count > 0".into());
                    }
                    TicketSet::Responded => self.responded(period),
                    TicketSet::ResponseMet => {
                        self.responded(period);
                        self.and("t.response_used_minutes <= t.response_minutes".into());
                    }
                    TicketSet::ResponseBreached => {
                        self.responded(period);
                        self.and("t.response_used_minutes > t.response_minutes".into());
                    }
                    TicketSet::Breached => {
                        let response = self.responded_cond(period);
                        let resolution = self.resolved_cond(period);
                        self.and(format!(
                            "(({response} AND t.response_used_minutes > t.response_minutes) \
                             OR ({resolution} AND t.resolution_used_minutes > t.resolution_minutes))"
                        ));
                    }
                    TicketSet::Backlog => self.and(format!("t.state IN ({})", open_states())),
                    TicketSet::BacklogAged(band) => {
                        self.and(format!("t.state IN ({})", open_states()));
                        let (newest, oldest) = band.raised_between(scope.now);
                        let n = self.time(newest);
                        self.and(format!("t.created_at <= {n}"));
                        if let Some(oldest) = oldest {
                            let n = self.time(oldest);
                            self.and(format!("t.created_at > {n}"));
                        }
                    }
                    TicketSet::OverdueNow => {
                        self.and(format!("t.state IN ({})", open_states()));
                        let n = self.time(scope.now);
                        self.and(format!("t.next_due_at < {n}"));
                    }
                    TicketSet::Rated(stars) => {
                        let (from, to) = (self.time(period.start()), self.time(period.end()));
                        let stars = stars.map_or(String::new(), |n| format!(" AND s.rating = {n}"));
                        self.and(format!(
                            "t.id IN (SELECT s.ticket_id FROM satisfaction s \
                             WHERE s.created_at >= {from} AND s.created_at < {to}{stars})"
                        ));
                    }
                    TicketSet::SubmittedAnyway => {
                        // The funnel id is the form's submission key, which is the ticket's
                        // idempotency key (unique per requester).
                        let (from, to) = (self.time(period.start()), self.time(period.end()));
                        self.and(format!(
                            "EXISTS (SELECT 1 FROM deflection_events d \
                             WHERE d.funnel = t.idempotency_key AND d.user_id = t.requester_id \
                             AND d.kind = 'submitted' \
                             AND d.created_at >= {from} AND d.created_at < {to})"
                        ));
                    }
                }
            }

            fn where_clause(&self) -> String {
                if self.conds.is_empty() {
                    String::new()
                } else {
                    format!(" WHERE {}", self.conds.join(" AND "))
                }
            }
        }

        /// Binds a filter's values in order to any sqlx query type of this driver.
        macro_rules! bind_args {
            ($query:expr, $args:expr) => {{
                let mut q = $query;
                for arg in $args {
                    q = match arg {
                        Arg::Text(s) => q.bind(s.clone()),
                        Arg::Time(t) => q.bind(*t),
                        Arg::Day(d) => q.bind(*d),
                    };
                }
                q
            }};
        }

        fn day_of(column: &str) -> String {
            ($day)(column)
        }

        fn count_u64(n: i64) -> u64 {
            u64::try_from(n).unwrap_or(0)
        }

        impl $store {
            /// `per_day` counted from the tickets themselves: for a device, whose tickets the
            /// roll-up does not tell apart.
            async fn per_day_of_tickets(
                &self,
                scope: &Scope,
                set: TicketSet,
            ) -> StoreResult<Vec<(NaiveDate, u64)>> {
                let column = match set {
                    TicketSet::Resolved => "t.resolved_at",
                    _ => "t.created_at",
                };
                let f = Filter::set(scope, set);
                let sql = format!(
                    "SELECT {} AS day, COUNT(*) AS n FROM tickets t{} GROUP BY day",
                    day_of(column),
                    f.where_clause()
                );
                let rows = bind_args!(sqlx::query(&sql), &f.args)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .filter_map(|r| {
                        let day: String = r.get("day");
                        let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()?;
                        Some((day, count_u64(r.get("n"))))
                    })
                    .collect())
            }

            async fn scalar(&self, sql: &str, args: &[Arg]) -> StoreResult<i64> {
                bind_args!(sqlx::query_scalar::<_, i64>(sql), args)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)
            }

            async fn count_rows(&self, sql: &str, args: &[Arg]) -> StoreResult<Vec<CountRow>> {
                let rows = bind_args!(sqlx::query(sql), args)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| CountRow {
                        key: r.get("k"),
                        label: r.get::<Option<String>, _>("label").unwrap_or_default(),
                        count: count_u64(r.get("n")),
                    })
                    .collect())
            }
        }

        #[async_trait::async_trait]
        impl DashboardStore for $store {
            #[tracing::instrument(skip(self))]
            async fn count_set(&self, scope: &Scope, set: TicketSet) -> StoreResult<u64> {
                let f = Filter::set(scope, set);
                let sql = format!("SELECT COUNT(*) FROM tickets t{}", f.where_clause());
                Ok(count_u64(self.scalar(&sql, &f.args).await?))
            }

            #[tracing::instrument(skip(self))]
            async fn list_set(
                &self,
                scope: &Scope,
                set: TicketSet,
                offset: u64,
                limit: u32,
            ) -> StoreResult<Vec<QueueRow>> {
                let f = Filter::set(scope, set);
                let sql = format!(
                    "SELECT t.number, t.title, t.state, t.priority, t.store_code, t.asset_tag, \
                     t.category, t.assignment_group, a.name AS assignee_name, \
                     u.name AS requester_name, t.created_at, t.next_due_at \
                     FROM tickets t JOIN users u ON u.id = t.requester_id \
                     LEFT JOIN users a ON a.id = t.assignee_id{} \
                     ORDER BY t.created_at DESC, t.id DESC LIMIT {limit} OFFSET {offset}",
                    f.where_clause()
                );
                let rows = bind_args!(sqlx::query(&sql), &f.args)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(rows.iter().map(queue_row).collect())
            }

            #[tracing::instrument(skip(self))]
            async fn clock_figures(&self, scope: &Scope, clock: Clock) -> StoreResult<ClockFigures> {
                let (used, target) = match clock {
                    Clock::Response => ("t.response_used_minutes", "t.response_minutes"),
                    Clock::Resolution => ("t.resolution_used_minutes", "t.resolution_minutes"),
                };
                // Every ticket whose clock stopped in the period (the met and breached sets
                // together).
                let mut f = Filter::scope(scope);
                match clock {
                    Clock::Response => f.responded(scope.period),
                    Clock::Resolution => f.resolved(scope.period),
                }
                f.and(format!("{used} IS NOT NULL"));
                // One pass: how many tickets used each number of minutes, on time or not.
                // The database aggregates; the percentiles are read off the counts in order.
                // Reopenings count for resolution only: asking for them on the response clock
                // made that pass leave its index for every ticket (1.3 s instead of 55 ms over
                // a year of 100,000 tickets on SQLite).
                let reopened = match clock {
                    Clock::Response => "0",
                    Clock::Resolution => "COALESCE(SUM(CASE WHEN t.reopen_count > 0 THEN 1 ELSE 0 END), 0)",
                };
                let sql = format!(
                    "SELECT {used} AS used, ({used} <= {target}) AS met, COUNT(*) AS n, \
                     {reopened} AS reopened FROM tickets t{} GROUP BY 1, 2 ORDER BY 1",
                    f.where_clause()
                );
                let rows = bind_args!(sqlx::query(&sql), &f.args)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                let mut figures = ClockFigures::default();
                let mut spread: Vec<(i64, u64)> = Vec::with_capacity(rows.len());
                for r in &rows {
                    let n = count_u64(r.get("n"));
                    if r.get::<bool, _>("met") {
                        figures.met += n;
                    } else {
                        figures.breached += n;
                    }
                    if clock == Clock::Resolution {
                        figures.reopened += count_u64(r.get("reopened"));
                    }
                    spread.push((r.get("used"), n));
                }
                figures.median = percentile(&spread, 50);
                figures.p90 = percentile(&spread, 90);
                Ok(figures)
            }

            #[tracing::instrument(skip(self))]
            async fn backlog_ages(&self, scope: &Scope) -> StoreResult<[u64; 5]> {
                let mut f = Filter::set(scope, TicketSet::Backlog);
                let sums: Vec<String> = AgeBand::ALL
                    .iter()
                    .enumerate()
                    .map(|(i, band)| {
                        let (newest, oldest) = band.raised_between(scope.now);
                        let mut cond = format!("t.created_at <= {}", f.time(newest));
                        if let Some(oldest) = oldest {
                            cond.push_str(&format!(" AND t.created_at > {}", f.time(oldest)));
                        }
                        format!("COALESCE(SUM(CASE WHEN {cond} THEN 1 ELSE 0 END), 0) AS b{i}")
                    })
                    .collect();
                let sql = format!("SELECT {} FROM tickets t{}", sums.join(", "), f.where_clause());
                let row = bind_args!(sqlx::query(&sql), &f.args)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(std::array::from_fn(|i| count_u64(row.get(i))))
            }

            #[tracing::instrument(skip(self))]
            async fn ratings(&self, scope: &Scope) -> StoreResult<[u64; 5]> {
                let mut f = Filter::scope(scope);
                // Unfiltered (every group), the ratings alone answer; the join to the tickets
                // is only for the filters.
                let join = if f.conds.is_empty() {
                    ""
                } else {
                    " JOIN tickets t ON t.id = s.ticket_id"
                };
                f.within("s.created_at", scope.period);
                let sql = format!(
                    "SELECT s.rating, COUNT(*) AS n FROM satisfaction s{join}{} GROUP BY s.rating",
                    f.where_clause()
                );
                let rows = bind_args!(sqlx::query(&sql), &f.args)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                let mut stars = [0u64; 5];
                for r in rows {
                    let rating: i64 = r.get("rating");
                    if let Some(slot) = usize::try_from(rating - 1).ok().and_then(|i| stars.get_mut(i)) {
                        *slot = count_u64(r.get("n"));
                    }
                }
                Ok(stars)
            }

            #[tracing::instrument(skip(self))]
            async fn per_day(
                &self,
                scope: &Scope,
                set: TicketSet,
            ) -> StoreResult<Vec<(NaiveDate, u64)>> {
                let counter = match set {
                    TicketSet::Opened => "opened",
                    TicketSet::Resolved => "resolved",
                    _ => return self.per_day_of_tickets(scope, set).await,
                };
                if scope.asset.is_some() {
                    // The roll-up does not know devices.
                    return self.per_day_of_tickets(scope, set).await;
                }
                // From the rows the tickets' triggers keep (migration 0021), which carry the
                // same columns the scope filters by.
                let mut f = Filter::scope(scope);
                let (from, to) = (
                    f.param(Arg::Day(scope.period.from)),
                    f.param(Arg::Day(scope.period.to)),
                );
                f.and(format!("t.day >= {from} AND t.day <= {to}"));
                let sql = format!(
                    "SELECT t.day AS day, SUM(t.{counter}) AS n FROM ticket_days t{} \
                     GROUP BY t.day HAVING SUM(t.{counter}) > 0",
                    f.where_clause()
                );
                let rows = bind_args!(sqlx::query(&sql), &f.args)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| (r.get::<NaiveDate, _>("day"), count_u64(r.get("n"))))
                    .collect())
            }

            #[tracing::instrument(skip(self))]
            async fn fault_counts(&self, scope: &Scope) -> StoreResult<Vec<FaultCount>> {
                // One pass over the period's incidents (from the covering index), then the
                // names of the few stores and devices found.
                let f = Filter::set(scope, TicketSet::Faults);
                let sql = format!(
                    "SELECT g.store_code, s.name AS store_name, g.asset_tag, a.name AS asset_name, g.n \
                     FROM (SELECT t.store_code, t.asset_tag, COUNT(*) AS n FROM tickets t{} \
                     GROUP BY t.store_code, t.asset_tag) g \
                     LEFT JOIN stores s ON s.code = g.store_code \
                     LEFT JOIN assets a ON a.tag = g.asset_tag",
                    f.where_clause()
                );
                let rows = bind_args!(sqlx::query(&sql), &f.args)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| FaultCount {
                        store: r.get("store_code"),
                        store_name: r.get("store_name"),
                        asset: r.get("asset_tag"),
                        asset_name: r.get("asset_name"),
                        count: count_u64(r.get("n")),
                    })
                    .collect())
            }

            #[tracing::instrument(skip(self))]
            async fn deflection(&self, period: Period, limit: u32) -> StoreResult<DeflectionFigures> {
                // From the roll-ups the events keep current (migration 0020): a form visit
                // counts on the day it began, an article's opens and solutions on their days.
                let funnel_sql = "SELECT COALESCE(SUM(shown), 0), COALESCE(SUM(opened), 0), \
                     COALESCE(SUM(solved), 0), COALESCE(SUM(submitted), 0), \
                     COALESCE(SUM(CASE WHEN solved = 1 AND submitted = 0 THEN 1 ELSE 0 END), 0) \
                     FROM deflection_funnels WHERE day >= $1 AND day <= $2";
                let articles_sql = format!(
                    "SELECT r.article_slug AS k, MAX(a.title) AS label, SUM(r.solved) AS solved, \
                     SUM(r.opened) AS opened FROM deflection_article_days r \
                     JOIN articles a ON a.slug = r.article_slug \
                     WHERE r.day >= $1 AND r.day <= $2 \
                     GROUP BY r.article_slug ORDER BY solved DESC, opened DESC, k LIMIT {limit}"
                );
                let mut s = Filter::default();
                s.within("l.created_at", period);
                let log = s.where_clause();
                let searches_sql = format!("SELECT COUNT(*) FROM search_log l{log}");
                let empty_sql = format!("SELECT COUNT(*) FROM search_log l{log} AND l.results = 0");
                let empty_top_sql = format!(
                    "SELECT l.query AS k, l.query AS label, COUNT(*) AS n \
                     FROM search_log l{log} AND l.results = 0 \
                     GROUP BY l.query ORDER BY n DESC, k LIMIT {limit}"
                );
                // Five small independent queries, asked together (the page waits for the
                // slowest, not for their sum).
                let (row, articles, searches, searches_empty, empty_searches) = tokio::try_join!(
                    async {
                        sqlx::query(funnel_sql)
                            .bind(period.from)
                            .bind(period.to)
                            .fetch_one(&self.pool)
                            .await
                            .map_err(db_err)
                    },
                    async {
                        sqlx::query(&articles_sql)
                            .bind(period.from)
                            .bind(period.to)
                            .fetch_all(&self.pool)
                            .await
                            .map_err(db_err)
                    },
                    self.scalar(&searches_sql, &s.args),
                    self.scalar(&empty_sql, &s.args),
                    self.count_rows(&empty_top_sql, &s.args),
                )?;
                let (suggested, opened, solved, submitted_anyway, deflected): (i64, i64, i64, i64, i64) =
                    (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4));
                Ok(DeflectionFigures {
                    searches: count_u64(searches),
                    searches_empty: count_u64(searches_empty),
                    suggested: count_u64(suggested),
                    opened: count_u64(opened),
                    solved: count_u64(solved),
                    deflected: count_u64(deflected),
                    submitted_anyway: count_u64(submitted_anyway),
                    top_articles: articles
                        .iter()
                        .map(|r| {
                            (
                                CountRow {
                                    key: r.get("k"),
                                    label: r.get::<Option<String>, _>("label").unwrap_or_default(),
                                    count: count_u64(r.get("solved")),
                                },
                                count_u64(r.get("opened")),
                            )
                        })
                        .collect(),
                    empty_searches,
                })
            }

            #[tracing::instrument(skip(self))]
            async fn record_search(
                &self,
                query: &str,
                results: u64,
                at: DateTime<Utc>,
            ) -> StoreResult<()> {
                sqlx::query("INSERT INTO search_log (query, results, created_at) VALUES ($1, $2, $3)")
                    .bind(query)
                    .bind(i64::try_from(results).unwrap_or(i64::MAX))
                    .bind(at)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(())
            }

            #[tracing::instrument(skip(self))]
            async fn filter_choices(&self) -> StoreResult<FilterChoices> {
                let pairs = |sql: &'static str| async move {
                    let rows = sqlx::query(sql)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)?;
                    StoreResult::Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect::<Vec<_>>())
                };
                let strings = |sql: &'static str| async move {
                    sqlx::query_scalar::<_, String>(sql)
                        .fetch_all(&self.pool)
                        .await
                        .map_err(db_err)
                };
                Ok(FilterChoices {
                    stores: pairs("SELECT code, name FROM stores ORDER BY code").await?,
                    regions: strings("SELECT DISTINCT region FROM stores ORDER BY region").await?,
                    categories: pairs("SELECT slug, name FROM categories ORDER BY name").await?,
                    groups: strings(
                        "SELECT DISTINCT group_name FROM user_groups ORDER BY group_name",
                    )
                    .await?,
                })
            }
        }
    };
}

pub(crate) use sql_dashboard;
