//! The SQL behind `LearningStore`: evidence read from the deflection funnel's events and the
//! search solutions ("Did this help?" yes after a search), removed by editors, and the learned terms the search index reads with the articles. Written once for
//! SQLite and PostgreSQL (see `sql.rs` for why a macro); `write_audit` comes from `sql_audit!`
//! and `bump_search` from `sql_catalog_admin!`.

macro_rules! sql_learning {
    ($store:ident) => {
        use app::backend::learning_store::{EvidenceRow, LearningStore};
        use app::model::EvidenceSource;
        use app::search::learned::Outcome;
        use std::collections::BTreeMap;

        /// Evidence that counts, as `ev`: beside a form, "solved" with a query, or "opened"
        /// from a form that was not sent by `$1` (its funnel has no "submitted"); after a
        /// search, every solution. None removed by an editor. Callers add conditions on `ev`.
        const EVIDENCE: &str =
            "SELECT * FROM ( \
               SELECT 'form' AS source, e.id, e.article_slug, e.user_id, e.query, e.kind, \
                      e.created_at \
               FROM deflection_events e \
               WHERE e.kind IN ('solved', 'opened') AND e.article_slug IS NOT NULL \
               AND e.query <> '' AND e.evidence_removed_at IS NULL \
               AND (e.kind = 'solved' OR (e.created_at < $1 AND NOT EXISTS \
                    (SELECT 1 FROM deflection_events s WHERE s.funnel = e.funnel \
                     AND s.kind = 'submitted'))) \
               UNION ALL \
               SELECT 'search', s.id, s.article_slug, s.user_id, s.query, 'solved', s.created_at \
               FROM search_solutions s WHERE s.evidence_removed_at IS NULL \
             ) ev WHERE TRUE";

        fn evidence_from(r: &DbRow) -> EvidenceRow {
            EvidenceRow {
                id: r.get("id"),
                source: if r.get::<&str, _>("source") == "search" {
                    EvidenceSource::Search
                } else {
                    EvidenceSource::Form
                },
                article: r.get("article_slug"),
                person: r.get("user_id"),
                query: r.get("query"),
                outcome: if r.get::<&str, _>("kind") == "solved" {
                    Outcome::Solved
                } else {
                    Outcome::OpenedNotSent
                },
                at: r.get("created_at"),
            }
        }

        #[async_trait::async_trait]
        impl LearningStore for $store {
            async fn search_evidence(
                &self,
                since: DateTime<Utc>,
                abandoned_before: DateTime<Utc>,
            ) -> StoreResult<Vec<EvidenceRow>> {
                let rows = sqlx::query(&format!("{EVIDENCE} AND ev.created_at >= $2"))
                    .bind(abandoned_before)
                    .bind(since)
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(rows.iter().map(evidence_from).collect())
            }

            async fn article_evidence(
                &self,
                slug: &str,
                abandoned_before: DateTime<Utc>,
                limit: u32,
            ) -> StoreResult<Vec<EvidenceRow>> {
                let rows = sqlx::query(&format!(
                    "{EVIDENCE} AND ev.article_slug = $2 \
                     ORDER BY ev.created_at DESC, ev.source, ev.id DESC LIMIT $3"
                ))
                .bind(abandoned_before)
                .bind(slug)
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows.iter().map(evidence_from).collect())
            }

            #[tracing::instrument(skip(self, audit, now))]
            async fn remove_evidence(
                &self,
                source: EvidenceSource,
                id: i64,
                slug: &str,
                audit: &AuditEntry,
                now: DateTime<Utc>,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let sql = match source {
                    EvidenceSource::Form => {
                        "UPDATE deflection_events SET evidence_removed_at = $1 \
                         WHERE id = $2 AND article_slug = $3 AND kind IN ('solved', 'opened') \
                         AND evidence_removed_at IS NULL"
                    }
                    EvidenceSource::Search => {
                        "UPDATE search_solutions SET evidence_removed_at = $1 \
                         WHERE id = $2 AND article_slug = $3 AND evidence_removed_at IS NULL"
                    }
                };
                let removed = sqlx::query(sql)
                    .bind(now)
                    .bind(id)
                    .bind(slug)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                if removed == 0 {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(false);
                }
                write_audit(&mut tx, audit).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }

            async fn unanswered_queries(
                &self,
                since: DateTime<Utc>,
                limit: u32,
            ) -> StoreResult<Vec<app::search::similar::QueryCount>> {
                let rows = sqlx::query(
                    "SELECT query, SUM(found) AS found_none, SUM(sent) AS sent_anyway FROM ( \
                       SELECT LOWER(query) AS query, 1 AS found, 0 AS sent FROM search_log \
                       WHERE results = 0 AND created_at >= $1 \
                       UNION ALL \
                       SELECT LOWER(query), 0, 1 FROM deflection_events \
                       WHERE kind = 'submitted' AND query <> '' AND created_at >= $1 \
                     ) q GROUP BY query ORDER BY SUM(found) + SUM(sent) DESC, query LIMIT $2",
                )
                .bind(since)
                .bind(i64::from(limit))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| app::search::similar::QueryCount {
                        query: r.get("query"),
                        found_nothing: u64::try_from(r.get::<i64, _>("found_none")).unwrap_or(0),
                        tickets: u64::try_from(r.get::<i64, _>("sent_anyway")).unwrap_or(0),
                    })
                    .collect())
            }

            #[tracing::instrument(skip_all, fields(articles = learned.len()))]
            async fn replace_learned_terms(
                &self,
                learned: &BTreeMap<String, Vec<String>>,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // Written first, so SQLite takes its write lock before reading: two refreshes
                // at once then compare against what the other wrote. Rolled back when nothing
                // changed.
                bump_search(&mut tx).await?;
                let rows = sqlx::query("SELECT article_slug, terms FROM learned_terms")
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(db_err)?;
                let mut stored = BTreeMap::new();
                for r in &rows {
                    stored.insert(
                        r.get::<String, _>("article_slug"),
                        json_list(r.get::<&str, _>("terms"))?,
                    );
                }
                if stored == *learned {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(false);
                }
                sqlx::query("DELETE FROM learned_terms")
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                for (slug, terms) in learned {
                    sqlx::query("INSERT INTO learned_terms (article_slug, terms) VALUES ($1, $2)")
                        .bind(slug)
                        .bind(serde_json::to_string(terms).map_err(db_err)?)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }
        }
    };
}

pub(crate) use sql_learning;
