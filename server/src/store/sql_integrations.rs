//! The SQL behind `IntegrationStore`, written once for SQLite and PostgreSQL (see `sql.rs` for
//! why a macro). Stamped out inside each adapter's module, next to `sql_store!`, whose helpers
//! (`USER_COLUMNS`, `user_from`) it uses.

macro_rules! sql_integrations {
    ($store:ident) => {
        use app::backend::integration_store::{
            IntegrationCaller, IntegrationStore, IntegrationTokenRow, NewIntegrationToken,
        };

        #[async_trait::async_trait]
        impl IntegrationStore for $store {
            #[tracing::instrument(skip_all, fields(name = %t.name))]
            async fn create_integration_token(
                &self,
                t: &NewIntegrationToken,
                audit: &AuditEntry,
            ) -> StoreResult<i64> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // The integration's own user: its incidents' requester. '!' is no password hash,
                // so nobody can sign in as it. The email is unique until the token's id names it.
                let user_id: i64 = sqlx::query_scalar(
                    "INSERT INTO users (email, name, role, password_hash) \
                     VALUES ($1, $2, 'integration', '!') RETURNING id",
                )
                .bind(format!("integration-{}@deskfront.invalid", t.token_hash))
                .bind(&t.name)
                .fetch_one(&mut *tx)
                .await
                .map_err(db_err)?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO integration_tokens (name, token_hash, user_id, created_by, created_at) \
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(&t.name)
                .bind(&t.token_hash)
                .bind(user_id)
                .bind(t.created_by)
                .bind(t.now)
                .fetch_one(&mut *tx)
                .await
                .map_err(db_err)?;
                sqlx::query("UPDATE users SET email = $1 WHERE id = $2")
                    .bind(format!("integration-{id}@deskfront.invalid"))
                    .bind(user_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                write_audit(&mut tx, audit).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(id)
            }

            async fn integration_tokens(&self) -> StoreResult<Vec<IntegrationTokenRow>> {
                let rows = sqlx::query(
                    "SELECT t.id, t.name, u.name AS created_by, t.created_at, t.revoked_at, \
                     t.last_used_at FROM integration_tokens t JOIN users u ON u.id = t.created_by \
                     ORDER BY t.created_at DESC, t.id DESC",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| IntegrationTokenRow {
                        id: r.get("id"),
                        name: r.get("name"),
                        created_by: r.get("created_by"),
                        created_at: r.get("created_at"),
                        revoked_at: r.get("revoked_at"),
                        last_used_at: r.get("last_used_at"),
                    })
                    .collect())
            }

            async fn revoke_integration_token(
                &self,
                id: i64,
                audit: &AuditEntry,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let done = sqlx::query(
                    "UPDATE integration_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
                )
                .bind(audit.at)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                if done.rows_affected() != 1 {
                    return Ok(false);
                }
                write_audit(&mut tx, audit).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }

            #[tracing::instrument(skip_all)]
            async fn use_integration_token(
                &self,
                token_hash: &str,
                now: DateTime<Utc>,
            ) -> StoreResult<Option<IntegrationCaller>> {
                // Looked up before anything is written: a flood of wrong tokens only reads.
                let Some(id) = sqlx::query_scalar::<_, i64>(
                    "SELECT id FROM integration_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
                )
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?
                else {
                    return Ok(None);
                };
                // Recording the use checks once more that the token is live, so a token
                // revoked a moment ago is not used once more.
                let Some(token) = sqlx::query(
                    "UPDATE integration_tokens SET last_used_at = $1 \
                     WHERE id = $2 AND revoked_at IS NULL RETURNING id, name, user_id",
                )
                .bind(now)
                .bind(id)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?
                else {
                    return Ok(None);
                };
                let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1");
                let user = sqlx::query(&sql)
                    .bind(token.get::<i64, _>("user_id"))
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(Some(IntegrationCaller {
                    token_id: token.get("id"),
                    name: token.get("name"),
                    user: user_from(&user),
                }))
            }
        }
    };
}

pub(crate) use sql_integrations;
