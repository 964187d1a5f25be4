//! The SQL behind `IdentityStore`: OpenID Connect sign-ins under way, provider identities and
//! sessions that remember their provider. Written once for SQLite and PostgreSQL (see `sql.rs`
//! for why a macro); uses `people_from`, `PERSON_COLUMNS` and `write_manager_and_groups` from
//! `sql_people!` and `write_audit` from `sql_audit!`.

macro_rules! sql_identity {
    ($store:ident) => {
        use app::backend::identity_store::{
            granted_role, IdentityStore, NewProviderSignIn, ProviderAccount, ProviderSignIn,
            Provisioned,
        };

        /// One person by id, as the people page shows them.
        async fn person_by_id(tx: &mut Tx<'_>, id: i64) -> StoreResult<Option<PersonView>> {
            let rows = sqlx::query(&format!(
                "SELECT {PERSON_COLUMNS} FROM users u LEFT JOIN users m ON m.id = u.manager_id \
                 WHERE u.id = $1"
            ))
            .bind(id)
            .fetch_all(&mut **tx)
            .await
            .map_err(db_err)?;
            let groups = sqlx::query("SELECT user_id, group_name FROM user_groups WHERE user_id = $1")
                .bind(id)
                .fetch_all(&mut **tx)
                .await
                .map_err(db_err)?;
            Ok(people_from(&rows, &groups).into_iter().next())
        }

        #[async_trait::async_trait]
        impl IdentityStore for $store {
            #[tracing::instrument(skip_all, fields(provider = sign_in.provider))]
            async fn save_provider_sign_in(
                &self,
                sign_in: &NewProviderSignIn<'_>,
            ) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO oidc_sign_ins (state_hash, provider, nonce, pkce_verifier, \
                     redirect_uri, next_path, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                )
                .bind(sign_in.state_hash)
                .bind(sign_in.provider)
                .bind(sign_in.nonce)
                .bind(sign_in.pkce_verifier)
                .bind(sign_in.redirect_uri)
                .bind(sign_in.next_path)
                .bind(sign_in.expires_at)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            #[tracing::instrument(skip_all)]
            async fn take_provider_sign_in(
                &self,
                state_hash: &str,
                now: DateTime<Utc>,
            ) -> StoreResult<Option<ProviderSignIn>> {
                // Deleting is taking: of two callbacks with one state, one gets the row.
                let row = sqlx::query(
                    "DELETE FROM oidc_sign_ins WHERE state_hash = $1 \
                     RETURNING provider, nonce, pkce_verifier, redirect_uri, next_path, expires_at",
                )
                .bind(state_hash)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?;
                // Sign-ins abandoned at the provider would otherwise stay for ever.
                sqlx::query("DELETE FROM oidc_sign_ins WHERE expires_at <= $1")
                    .bind(now)
                    .execute(&self.pool)
                    .await
                    .map_err(db_err)?;
                Ok(row
                    .filter(|r| r.get::<DateTime<Utc>, _>("expires_at") > now)
                    .map(|r| ProviderSignIn {
                        provider: r.get("provider"),
                        nonce: r.get("nonce"),
                        pkce_verifier: r.get("pkce_verifier"),
                        redirect_uri: r.get("redirect_uri"),
                        next_path: r.get("next_path"),
                    }))
            }

            #[tracing::instrument(skip_all, fields(provider = account.provider))]
            async fn provision(
                &self,
                account: &ProviderAccount<'_>,
                now: DateTime<Utc>,
            ) -> StoreResult<Provisioned> {
                let p = account.person;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let mut created = false;
                let mut linked = false;
                // A write first: SQLite then takes the write lock at once, rather than failing
                // to upgrade a read when another connection wrote in between.
                let known: Option<i64> = sqlx::query_scalar(
                    "UPDATE identities SET last_seen_at = $1 WHERE provider = $2 AND subject = $3 \
                     RETURNING user_id",
                )
                .bind(now)
                .bind(account.provider)
                .bind(account.subject)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db_err)?;
                let id = match known {
                    Some(id) => id,
                    None => {
                        // A local account with the same address is this person: link it.
                        let existing: Option<i64> = sqlx::query_scalar(&format!(
                            "SELECT u.id FROM users u WHERE u.email = $1 AND {PEOPLE_ONLY}"
                        ))
                        .bind(&p.email)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db_err)?;
                        let id = match existing {
                            Some(id) => {
                                linked = true;
                                id
                            }
                            None => {
                                created = true;
                                // '!' is no password hash: this person signs in at the provider.
                                sqlx::query_scalar(
                                    "INSERT INTO users (email, name, role, password_hash) \
                                     VALUES ($1, $2, 'requester', '!') RETURNING id",
                                )
                                .bind(&p.email)
                                .bind(&p.name)
                                .fetch_one(&mut *tx)
                                .await
                                .map_err(db_err)?
                            }
                        };
                        sqlx::query(
                            "INSERT INTO identities (provider, subject, user_id, created_at, \
                             last_seen_at) VALUES ($1, $2, $3, $4, $4)",
                        )
                        .bind(account.provider)
                        .bind(account.subject)
                        .bind(id)
                        .bind(now)
                        .execute(&mut *tx)
                        .await
                        .map_err(db_err)?;
                        id
                    }
                };
                let Some(before) = person_by_id(&mut tx, id).await? else {
                    return Err(db_err("identity points at no person"));
                };
                if !before.active {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(Provisioned::Inactive);
                }
                let mut ignored = Vec::new();
                let mut after = PersonView {
                    name: if p.name.is_empty() { before.name.clone() } else { p.name.clone() },
                    role: if before.role_pinned { before.role } else { granted_role(p.role) },
                    groups: p.groups.clone(),
                    ..before.clone()
                };
                if p.email != before.email {
                    let taken: Option<i64> =
                        sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
                            .bind(&p.email)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(db_err)?;
                    if taken.is_some() {
                        ignored.push(format!("email {} (another person has it)", p.email));
                    } else {
                        after.email = p.email.clone();
                    }
                }
                if let Some(code) = &p.store {
                    let exists: Option<String> =
                        sqlx::query_scalar("SELECT code FROM stores WHERE code = $1")
                            .bind(code)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(db_err)?;
                    match exists {
                        Some(_) => after.store = Some(code.clone()),
                        None => ignored.push(format!("store {code} (no such store)")),
                    }
                }
                if let Some(manager) = &p.manager_email {
                    let exists: Option<i64> = sqlx::query_scalar(&format!(
                        "SELECT u.id FROM users u WHERE u.email = $1 AND u.id <> $2 \
                         AND {PEOPLE_ONLY}"
                    ))
                    .bind(manager)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db_err)?;
                    match exists {
                        Some(_) => after.manager = Some(manager.clone()),
                        None => ignored.push(format!("manager {manager} (no such person)")),
                    }
                }
                if after != before || created {
                    after.revision = before.revision + 1;
                    sqlx::query(
                        "UPDATE users SET email = $1, name = $2, role = $3, store_code = $4, \
                         revision = revision + 1 WHERE id = $5",
                    )
                    .bind(&after.email)
                    .bind(&after.name)
                    .bind(after.role.as_str())
                    .bind(&after.store)
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                    write_manager_and_groups(&mut tx, &after).await?;
                    let json = |p: &PersonView| serde_json::to_value(p).ok();
                    let audit = AuditEntry {
                        action: if created { "create" } else { "update" },
                        subject: after.email.clone(),
                        before: if created { None } else { json(&before) },
                        after: json(&after),
                        ..account.audit.clone()
                    };
                    write_audit(&mut tx, &audit).await?;
                }
                tx.commit().await.map_err(db_err)?;
                Ok(Provisioned::SignedIn {
                    user_id: id,
                    created,
                    linked,
                    ignored,
                })
            }

            async fn create_provider_session(
                &self,
                token_hash: &str,
                user_id: i64,
                provider: &str,
                now: DateTime<Utc>,
                expires_at: DateTime<Utc>,
            ) -> StoreResult<()> {
                sqlx::query(
                    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, provider) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(token_hash)
                .bind(user_id)
                .bind(now)
                .bind(expires_at)
                .bind(provider)
                .execute(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(())
            }

            async fn session_provider(&self, token_hash: &str) -> StoreResult<Option<String>> {
                sqlx::query_scalar("SELECT provider FROM sessions WHERE token_hash = $1")
                    .bind(token_hash)
                    .fetch_optional(&self.pool)
                    .await
                    .map(Option::flatten)
                    .map_err(db_err)
            }
        }
    };
}

pub(crate) use sql_identity;
