//! The SQL behind `GroupsStore`: assignment groups as administrators manage them. Written once
//! for SQLite and PostgreSQL (see `sql.rs` for why a macro); `finish_checked` and `write_audit`
//! come from `sql_audit!`.

macro_rules! sql_groups {
    ($store:ident) => {
        use app::backend::groups_store::GroupsStore;
        use app::model::GroupView;

        /// Every name a group goes by: its record, its members' memberships, the items it
        /// fulfils.
        const GROUP_NAMES: &str = "SELECT name FROM assignment_groups \
             UNION SELECT group_name FROM user_groups \
             UNION SELECT fulfilment_group FROM items WHERE fulfilment_group <> ''";

        #[async_trait::async_trait]
        impl GroupsStore for $store {
            async fn groups(&self) -> StoreResult<Vec<GroupView>> {
                let rows = sqlx::query(&format!(
                    "SELECT n.name, COALESCE(g.description, '') AS description, \
                     COALESCE(g.revision, 0) AS revision, \
                     (SELECT COUNT(*) FROM items i WHERE i.fulfilment_group = n.name \
                      AND NOT i.retired) AS items, \
                     (SELECT COUNT(*) FROM tickets t WHERE t.assignment_group = n.name \
                      AND t.state NOT IN ('resolved', 'closed', 'rejected', 'cancelled')) AS open_tickets \
                     FROM ({GROUP_NAMES}) n LEFT JOIN assignment_groups g ON g.name = n.name \
                     ORDER BY n.name"
                ))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let members = sqlx::query(
                    "SELECT g.group_name, u.email FROM user_groups g \
                     JOIN users u ON u.id = g.user_id ORDER BY u.email",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| {
                        let name: String = r.get("name");
                        GroupView {
                            members: members
                                .iter()
                                .filter(|m| m.get::<&str, _>("group_name") == name)
                                .map(|m| m.get("email"))
                                .collect(),
                            name,
                            description: r.get("description"),
                            items: u64::try_from(r.get::<i64, _>("items")).unwrap_or(0),
                            open_tickets: u64::try_from(r.get::<i64, _>("open_tickets"))
                                .unwrap_or(0),
                            revision: r.get("revision"),
                        }
                    })
                    .collect())
            }

            #[tracing::instrument(skip(self, audit))]
            async fn save_group(
                &self,
                name: &str,
                new_name: &str,
                description: &str,
                expect: i64,
                audit: &AuditEntry,
            ) -> StoreResult<Written> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let changed = if expect == 0 {
                    // A new group, or one only in use until now, gets its record.
                    sqlx::query(
                        "INSERT INTO assignment_groups (name, description, revision) \
                         VALUES ($1, $2, 1) ON CONFLICT (name) DO NOTHING",
                    )
                    .bind(new_name)
                    .bind(description)
                    .execute(&mut *tx)
                    .await
                } else {
                    sqlx::query(
                        "UPDATE assignment_groups SET name = $1, description = $2, \
                         revision = revision + 1 WHERE name = $3 AND revision = $4",
                    )
                    .bind(new_name)
                    .bind(description)
                    .bind(name)
                    .bind(expect)
                    .execute(&mut *tx)
                    .await
                }
                .map_err(db_err)?
                .rows_affected();
                if changed > 0 && new_name != name {
                    // The name is the key people, items and tickets share: all move together.
                    // People and items whose edit pages were opened before must reload.
                    for sql in [
                        "UPDATE users SET revision = revision + 1 WHERE id IN \
                         (SELECT user_id FROM user_groups WHERE group_name = $2)",
                        "UPDATE user_groups SET group_name = $1 WHERE group_name = $2",
                        "UPDATE items SET fulfilment_group = $1, revision = revision + 1 \
                         WHERE fulfilment_group = $2",
                        "UPDATE tickets SET assignment_group = $1 WHERE assignment_group = $2",
                    ] {
                        sqlx::query(sql)
                            .bind(new_name)
                            .bind(name)
                            .execute(&mut *tx)
                            .await
                            .map_err(db_err)?;
                    }
                }
                let key = if expect == 0 { new_name } else { name };
                finish_checked(tx, changed, "assignment_groups", "name", key, expect + 1, audit)
                    .await
            }

            #[tracing::instrument(skip(self, audit))]
            async fn set_member(
                &self,
                name: &str,
                email: &str,
                member: bool,
                audit: &AuditEntry,
            ) -> StoreResult<bool> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let sql = if member {
                    "INSERT INTO user_groups (user_id, group_name) \
                     SELECT id, $1 FROM users WHERE email = $2 AND active \
                     AND role NOT IN ('system', 'integration') ON CONFLICT DO NOTHING"
                } else {
                    "DELETE FROM user_groups WHERE group_name = $1 \
                     AND user_id = (SELECT id FROM users WHERE email = $2)"
                };
                let changed = sqlx::query(sql)
                    .bind(name)
                    .bind(email)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                if changed == 0 {
                    tx.rollback().await.map_err(db_err)?;
                    return Ok(false);
                }
                // The person's own page shows their groups: one opened before is out of date.
                sqlx::query("UPDATE users SET revision = revision + 1 WHERE email = $1")
                    .bind(email)
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

pub(crate) use sql_groups;
