//! The SQL behind `ThrottleStore`, written once for SQLite and PostgreSQL (see `sql.rs` for why
//! a macro).

macro_rules! sql_throttle {
    ($store:ident) => {
        use app::backend::throttle_store::ThrottleStore;
        use app::domain::throttle::ThrottleRule;

        #[async_trait::async_trait]
        impl ThrottleStore for $store {
            async fn blocked_until(
                &self,
                keys: &[&str],
                now: DateTime<Utc>,
            ) -> StoreResult<Option<DateTime<Utc>>> {
                let mut latest: Option<DateTime<Utc>> = None;
                for key in keys {
                    let until: Option<DateTime<Utc>> = sqlx::query_scalar(
                        "SELECT blocked_until FROM sign_in_failures \
                         WHERE key = $1 AND blocked_until > $2",
                    )
                    .bind(*key)
                    .bind(now)
                    .fetch_optional(&self.pool)
                    .await
                    .map_err(db_err)?
                    .flatten();
                    latest = latest.max(until);
                }
                Ok(latest)
            }

            async fn count_failure(
                &self,
                key: &str,
                rule: &ThrottleRule,
                now: DateTime<Utc>,
            ) -> StoreResult<i64> {
                let forgotten = now - chrono::Duration::seconds(rule.forget_after_secs);
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // One statement counts, so two instances failing at once both count.
                let failures: i64 = sqlx::query_scalar(
                    "INSERT INTO sign_in_failures (key, failures, last_failure_at) \
                     VALUES ($1, 1, $2) \
                     ON CONFLICT (key) DO UPDATE SET \
                     failures = CASE WHEN sign_in_failures.last_failure_at < $3 THEN 1 \
                                ELSE sign_in_failures.failures + 1 END, \
                     last_failure_at = $2 \
                     RETURNING failures",
                )
                .bind(key)
                .bind(now)
                .bind(forgotten)
                .fetch_one(&mut *tx)
                .await
                .map_err(db_err)?;
                let until = rule.wait_after(failures).map(|wait| now + wait);
                sqlx::query("UPDATE sign_in_failures SET blocked_until = $1 WHERE key = $2")
                    .bind(until)
                    .bind(key)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                tx.commit().await.map_err(db_err)?;
                Ok(failures)
            }

            async fn clear_failures(&self, key: &str) -> StoreResult<()> {
                sqlx::query("DELETE FROM sign_in_failures WHERE key = $1")
                    .bind(key)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(())
            }

            async fn purge_failures(&self, before: DateTime<Utc>) -> StoreResult<u64> {
                let done = sqlx::query(
                    "DELETE FROM sign_in_failures WHERE last_failure_at < $1 \
                     AND (blocked_until IS NULL OR blocked_until < $1)",
                )
                .bind(before)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(done.rows_affected())
            }
        }
    };
}

pub(crate) use sql_throttle;
