//! The SQL behind `PeopleStore`: people as administrators manage them. Written once for SQLite
//! and PostgreSQL (see `sql.rs` for why a macro); uses `write_audit` and `contains_pattern`
//! from `sql_audit!`.

macro_rules! sql_people {
    ($store:ident) => {
        use app::backend::people_store::{NewPasswordLink, PeopleStore};
        use app::model::PersonView;

        /// Service accounts live in `users` too, but are not people.
        const PEOPLE_ONLY: &str = "u.role NOT IN ('system', 'integration')";

        const PERSON_COLUMNS: &str =
            "u.id, u.email, u.name, u.role, u.role_pinned, u.store_code, u.active, u.revision, \
             m.email AS manager";

        /// People from their rows and their groups (`(user_id, group_name)` pairs).
        fn people_from(rows: &[DbRow], groups: &[DbRow]) -> Vec<PersonView> {
            let mut by_user: std::collections::HashMap<i64, Vec<String>> =
                std::collections::HashMap::new();
            for g in groups {
                by_user
                    .entry(g.get("user_id"))
                    .or_default()
                    .push(g.get("group_name"));
            }
            rows.iter()
                .map(|r| {
                    let mut groups = by_user.remove(&r.get::<i64, _>("id")).unwrap_or_default();
                    groups.sort();
                    PersonView {
                        email: r.get("email"),
                        name: r.get("name"),
                        role: role(r.get::<&str, _>("role")),
                        role_pinned: r.get("role_pinned"),
                        manager: r.get("manager"),
                        store: r.get("store_code"),
                        groups,
                        active: r.get("active"),
                        revision: r.get("revision"),
                    }
                })
                .collect()
        }

        /// Sets `p`'s line manager (by e-mail) and replaces their assignment groups.
        async fn write_manager_and_groups(tx: &mut Tx<'_>, p: &PersonView) -> StoreResult<()> {
            sqlx::query(
                "UPDATE users SET manager_id = (SELECT id FROM users WHERE email = $1) \
                 WHERE email = $2",
            )
            .bind(&p.manager)
            .bind(&p.email)
            .execute(&mut **tx)
            .await
            .map_err(db_err)?;
            sqlx::query(
                "DELETE FROM user_groups WHERE user_id = (SELECT id FROM users WHERE email = $1)",
            )
            .bind(&p.email)
            .execute(&mut **tx)
            .await
            .map_err(db_err)?;
            for group in &p.groups {
                sqlx::query(
                    "INSERT INTO user_groups (user_id, group_name) \
                     SELECT id, $1 FROM users WHERE email = $2",
                )
                .bind(group)
                .bind(&p.email)
                .execute(&mut **tx)
                .await
                .map_err(db_err)?;
            }
            Ok(())
        }

        #[async_trait::async_trait]
        impl PeopleStore for $store {
            #[tracing::instrument(skip(self))]
            async fn people_page(
                &self,
                text: Option<&str>,
                offset: u64,
                limit: u32,
            ) -> StoreResult<(Vec<PersonView>, u64)> {
                let filter = format!(
                    "WHERE {PEOPLE_ONLY} AND ($1 IS NULL OR LOWER(u.name) LIKE $1 ESCAPE '\\' \
                     OR u.email LIKE $1 ESCAPE '\\')"
                );
                let pattern = text.map(contains_pattern);
                let total: i64 =
                    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM users u {filter}"))
                        .bind(&pattern)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(db_err)?;
                let page = format!(
                    "SELECT u.id FROM users u {filter} ORDER BY u.name, u.id LIMIT $2 OFFSET $3"
                );
                let rows = sqlx::query(&format!(
                    "SELECT {PERSON_COLUMNS} FROM users u LEFT JOIN users m ON m.id = u.manager_id \
                     WHERE u.id IN ({page}) ORDER BY u.name, u.id"
                ))
                .bind(&pattern)
                .bind(i64::from(limit))
                .bind(i64::try_from(offset).unwrap_or(i64::MAX))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let groups = sqlx::query(&format!(
                    "SELECT user_id, group_name FROM user_groups WHERE user_id IN ({page})"
                ))
                .bind(&pattern)
                .bind(i64::from(limit))
                .bind(i64::try_from(offset).unwrap_or(i64::MAX))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok((people_from(&rows, &groups), u64::try_from(total).unwrap_or(0)))
            }

            async fn all_people(&self) -> StoreResult<Vec<PersonView>> {
                let rows = sqlx::query(&format!(
                    "SELECT {PERSON_COLUMNS} FROM users u LEFT JOIN users m ON m.id = u.manager_id \
                     WHERE {PEOPLE_ONLY} ORDER BY u.email"
                ))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let groups = sqlx::query("SELECT user_id, group_name FROM user_groups")
                    .fetch_all(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(people_from(&rows, &groups))
            }

            #[tracing::instrument(skip_all, fields(rows = rows.len()))]
            async fn import_people(
                &self,
                rows: &[PersonView],
                audit: &AuditEntry,
            ) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // '!' is no password hash: a new person signs in once given a password.
                for p in rows {
                    sqlx::query(
                        "INSERT INTO users (email, name, role, password_hash, store_code) \
                         VALUES ($1, $2, $3, '!', $4) ON CONFLICT (email) DO UPDATE SET \
                         name = excluded.name, role = excluded.role, store_code = excluded.store_code, \
                         revision = users.revision + 1",
                    )
                    .bind(&p.email)
                    .bind(&p.name)
                    .bind(p.role.as_str())
                    .bind(&p.store)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                // Managers once everyone exists: a manager may come later in the file.
                for p in rows {
                    write_manager_and_groups(&mut tx, p).await?;
                }
                write_audit(&mut tx, audit).await?;
                tx.commit().await.map_err(db_err)
            }

            #[tracing::instrument(skip(self, person, audit), fields(email = %person.email))]
            async fn save_person(
                &self,
                person: &PersonView,
                expect: i64,
                audit: &AuditEntry,
            ) -> StoreResult<Written> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // '!' is no password hash: a new person signs in once given a password.
                let sql = if expect == 0 {
                    "INSERT INTO users (email, name, role, password_hash, store_code, role_pinned) \
                     VALUES ($1, $2, $3, '!', $4, $5) ON CONFLICT (email) DO NOTHING"
                } else {
                    "UPDATE users SET name = $2, role = $3, store_code = $4, role_pinned = $5, \
                     revision = revision + 1 \
                     WHERE email = $1 AND revision = $6 AND role NOT IN ('system', 'integration')"
                };
                let mut query = sqlx::query(sql)
                    .bind(&person.email)
                    .bind(&person.name)
                    .bind(person.role.as_str())
                    .bind(&person.store)
                    .bind(person.role_pinned);
                if expect != 0 {
                    query = query.bind(expect);
                }
                let changed = query.execute(&mut *tx).await.map_err(db_err)?.rows_affected();
                if changed > 0 {
                    write_manager_and_groups(&mut tx, person).await?;
                }
                finish_checked(tx, changed, "users", "email", &person.email, expect + 1, audit).await
            }

            #[tracing::instrument(skip(self, audit))]
            async fn set_active(
                &self,
                email: &str,
                active: bool,
                audit: &AuditEntry,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let id: Option<i64> = sqlx::query_scalar(
                    "UPDATE users SET active = $1, revision = revision + 1 \
                     WHERE email = $2 AND active <> $1 \
                     AND role NOT IN ('system', 'integration') RETURNING id",
                )
                .bind(active)
                .bind(email)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db_err)?;
                let Some(id) = id else {
                    return Ok(false);
                };
                if !active {
                    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                        .bind(id)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                }
                write_audit(&mut tx, audit).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }

            #[tracing::instrument(skip(self, link, audit))]
            async fn create_password_link(
                &self,
                email: &str,
                link: &NewPasswordLink<'_>,
                audit: &AuditEntry,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let done = sqlx::query(&format!(
                    "INSERT INTO password_links (token_hash, user_id, created_by, created_at, \
                     expires_at) SELECT $1, u.id, $2, $3, $4 FROM users u \
                     WHERE u.email = $5 AND u.active AND {PEOPLE_ONLY}"
                ))
                .bind(link.token_hash)
                .bind(link.created_by)
                .bind(link.created_at)
                .bind(link.expires_at)
                .bind(email)
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
            async fn password_link_owner(
                &self,
                token_hash: &str,
                now: DateTime<Utc>,
            ) -> StoreResult<Option<String>> {
                sqlx::query_scalar(
                    "SELECT u.email FROM password_links l JOIN users u ON u.id = l.user_id \
                     WHERE l.token_hash = $1 AND l.used_at IS NULL AND l.expires_at > $2 \
                     AND u.active",
                )
                .bind(token_hash)
                .bind(now)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)
            }

            async fn set_language(&self, user_id: i64, language: Option<&str>) -> StoreResult<()> {
                sqlx::query("UPDATE users SET language = $1 WHERE id = $2")
                    .bind(language)
                    .bind(user_id)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn set_password_by_link(
                &self,
                token_hash: &str,
                password_hash: &str,
                audit: &AuditEntry,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // Claiming the link is the first write: of two uses at once, one gets it.
                let user: Option<i64> = sqlx::query_scalar(
                    "UPDATE password_links SET used_at = $1 \
                     WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
                     RETURNING user_id",
                )
                .bind(audit.at)
                .bind(token_hash)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db_err)?;
                let Some(user) = user else {
                    return Ok(false);
                };
                let changed = sqlx::query(
                    "UPDATE users SET password_hash = $1 WHERE id = $2 AND active",
                )
                .bind(password_hash)
                .bind(user)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?;
                if changed.rows_affected() != 1 {
                    return Ok(false);
                }
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(user)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                write_audit(&mut tx, audit).await?;
                tx.commit().await.map_err(db_err)?;
                Ok(true)
            }
        }
    };
}

pub(crate) use sql_people;
