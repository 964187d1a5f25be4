//! The SQL behind `SynonymStore`: the knowledge editors' synonym groups. Written once for SQLite
//! and PostgreSQL (see `sql.rs` for why a macro); `write_audit` comes from `sql_audit!`, and
//! `bump_search` (the `search` content version, moved by every change in its transaction) from
//! `sql_catalog_admin!`.

macro_rules! sql_synonyms {
    ($store:ident) => {
        use app::backend::synonyms_store::SynonymStore;
        use app::model::SynonymGroupView;

        async fn insert_synonym_group(
            tx: &mut Tx<'_>,
            phrases: &[String],
            now: DateTime<Utc>,
        ) -> StoreResult<i64> {
            sqlx::query_scalar(
                "INSERT INTO synonym_groups (phrases, retired, revision, updated_at) \
                 VALUES ($1, FALSE, 1, $2) RETURNING id",
            )
            .bind(serde_json::to_string(phrases).map_err(db_err)?)
            .bind(now)
            .fetch_one(&mut **tx)
            .await
            .map_err(db_err)
        }

        #[async_trait::async_trait]
        impl SynonymStore for $store {
            async fn synonym_groups(&self) -> StoreResult<Vec<SynonymGroupView>> {
                let rows = sqlx::query(
                    "SELECT id, phrases, retired, revision, updated_at FROM synonym_groups \
                     ORDER BY id",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                rows.iter()
                    .map(|r| {
                        Ok(SynonymGroupView {
                            id: r.get("id"),
                            phrases: json_list(r.get::<&str, _>("phrases"))?,
                            retired: r.get("retired"),
                            revision: r.get("revision"),
                            updated_at: r.get("updated_at"),
                        })
                    })
                    .collect()
            }

            #[tracing::instrument(skip_all)]
            async fn add_synonym_group(
                &self,
                phrases: &[String],
                audit: &AuditEntry,
                now: DateTime<Utc>,
            ) -> StoreResult<i64> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                bump_search(&mut tx).await?;
                let id = insert_synonym_group(&mut tx, phrases, now).await?;
                // The audit names the group by the number it has only now.
                let mut audit = audit.clone();
                audit.subject = audit.subject.replacen("#0", &format!("#{id}"), 1);
                write_audit(&mut tx, &audit).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(id)
            }

            #[tracing::instrument(skip(self, phrases, audit, now))]
            async fn save_synonym_group(
                &self,
                id: i64,
                phrases: &[String],
                retired: bool,
                expect: i64,
                audit: &AuditEntry,
                now: DateTime<Utc>,
            ) -> StoreResult<Written> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                bump_search(&mut tx).await?;
                let changed = sqlx::query(
                    "UPDATE synonym_groups SET phrases = $1, retired = $2, \
                     revision = revision + 1, updated_at = $3 WHERE id = $4 AND revision = $5",
                )
                .bind(serde_json::to_string(phrases).map_err(db_err)?)
                .bind(retired)
                .bind(now)
                .bind(id)
                .bind(expect)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?
                .rows_affected();
                if changed == 0 {
                    let current: Option<i64> =
                        sqlx::query_scalar("SELECT revision FROM synonym_groups WHERE id = $1")
                            .bind(id)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(db_err)?;
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(Written::Stale {
                        current: current.unwrap_or(0),
                    });
                }
                write_audit(&mut tx, audit).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(Written::Done {
                    revision: expect + 1,
                })
            }

            #[tracing::instrument(skip_all)]
            async fn install_starter_synonyms(
                &self,
                groups: &[Vec<String>],
                now: DateTime<Utc>,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // Takes the row's lock: an instance starting at the same moment waits here and
                // then finds the starter groups installed.
                let claimed = sqlx::query(
                    "UPDATE content_versions SET version = 1 \
                     WHERE name = 'synonym-starter' AND version = 0",
                )
                .execute(&mut *tx)
                .await
                .map_err(db_err)?
                .rows_affected();
                if claimed == 0 {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(false);
                }
                bump_search(&mut tx).await?;
                for phrases in groups {
                    insert_synonym_group(&mut tx, phrases, now).await?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }
        }
    };
}

pub(crate) use sql_synonyms;
