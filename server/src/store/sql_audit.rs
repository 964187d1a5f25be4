//! The SQL behind `AuditStore`, and `write_audit`, which every change method that is audited
//! calls inside its own transaction: the change and its entry commit together or not at all.
//! Written once for SQLite and PostgreSQL (see `sql.rs` for why a macro); stamped out after
//! `sql_store!`, whose `Tx` it uses.

macro_rules! sql_audit {
    ($store:ident) => {
        use app::backend::audit_store::{AuditEntry, AuditFilter, AuditStore};
        use app::backend::store::Written;
        use app::model::AuditEntryView;

        /// Appends `entry` to the audit log within `tx`.
        async fn write_audit(tx: &mut Tx<'_>, entry: &AuditEntry) -> StoreResult<()> {
            let json = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string());
            sqlx::query(
                "INSERT INTO audit_log (at, actor_id, actor, kind, action, subject, before_json, \
                 after_json) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(entry.at)
            .bind(entry.actor_id)
            .bind(&entry.actor)
            .bind(entry.kind.as_str())
            .bind(entry.action)
            .bind(&entry.subject)
            .bind(json(&entry.before))
            .bind(json(&entry.after))
            .execute(&mut **tx)
            .await
            .map_err(db_err)?;
            Ok(())
        }

        /// The revision a record has now (0: there is none), after a checked write missed.
        async fn current_revision(
            tx: &mut Tx<'_>,
            table: &str,
            key_column: &str,
            key: &str,
        ) -> StoreResult<i64> {
            let current: Option<i64> = sqlx::query_scalar(&format!(
                "SELECT revision FROM {table} WHERE {key_column} = $1"
            ))
            .bind(key)
            .fetch_optional(&mut **tx)
            .await
            .map_err(db_err)?;
            Ok(current.unwrap_or(0))
        }

        /// Ends a write checked against a revision (the record `key` in `table`'s `key_column`): on a miss rolls back and says what the revision is; else
        /// writes the audit entry and commits.
        async fn finish_checked(
            mut tx: Tx<'_>,
            changed: u64,
            table: &str,
            key_column: &str,
            key: &str,
            revision: i64,
            audit: &AuditEntry,
        ) -> StoreResult<Written> {
            if changed == 0 {
                let current = current_revision(&mut tx, table, key_column, key).await?;
                tx.rollback().await.map_err(db_err)?;
                return Ok(Written::Stale { current });
            }
            write_audit(&mut tx, audit).await?;
            tx.commit().await.map_err(db_err)?;
            Ok(Written::Done { revision })
        }

        /// `text` as a case-insensitive LIKE pattern that matches it anywhere, its own `%` and
        /// `_` taken literally.
        fn contains_pattern(text: &str) -> String {
            let escaped = text
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            format!("%{escaped}%")
        }

        /// Every filter part is a parameter that may be NULL, so one statement serves all.
        const AUDIT_WHERE: &str = "WHERE ($1 IS NULL OR kind = $1) \
             AND ($2 IS NULL OR LOWER(subject) LIKE $2 ESCAPE '\\' OR LOWER(actor) LIKE $2 ESCAPE '\\') \
             AND ($3 IS NULL OR at >= $3) AND ($4 IS NULL OR at < $4)";

        #[async_trait::async_trait]
        impl AuditStore for $store {
            #[tracing::instrument(skip(self))]
            async fn audit_entries(
                &self,
                filter: &AuditFilter,
                offset: u64,
                limit: u32,
            ) -> StoreResult<(Vec<AuditEntryView>, u64)> {
                let kind = filter.kind.map(|k| k.as_str());
                let text = filter.text.as_deref().map(contains_pattern);
                let total: i64 =
                    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM audit_log {AUDIT_WHERE}"))
                        .bind(kind)
                        .bind(&text)
                        .bind(filter.from)
                        .bind(filter.until)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(db_err)?;
                let rows = sqlx::query(&format!(
                    "SELECT id, at, actor, kind, action, subject, before_json, after_json \
                     FROM audit_log {AUDIT_WHERE} ORDER BY at DESC, id DESC LIMIT $5 OFFSET $6"
                ))
                .bind(kind)
                .bind(&text)
                .bind(filter.from)
                .bind(filter.until)
                .bind(i64::from(limit))
                .bind(i64::try_from(offset).unwrap_or(i64::MAX))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let entries = rows
                    .iter()
                    .map(|r| AuditEntryView {
                        id: r.get("id"),
                        at: r.get("at"),
                        actor: r.get("actor"),
                        kind: r.get("kind"),
                        action: r.get("action"),
                        subject: r.get("subject"),
                        before: r.get("before_json"),
                        after: r.get("after_json"),
                    })
                    .collect();
                Ok((entries, u64::try_from(total).unwrap_or(0)))
            }
        }
    };
}

pub(crate) use sql_audit;
