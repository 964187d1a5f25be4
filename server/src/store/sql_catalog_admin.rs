//! The SQL behind `CatalogAdminStore`: categories and items as editors manage them. Written once
//! for SQLite and PostgreSQL (see `sql.rs` for why a macro). Each checked write starts with its
//! conditional UPDATE (or INSERT), so SQLite takes its write lock before anything is read, and
//! a stale revision shows as no row changed (`finish_checked`, from `sql_audit!`).

macro_rules! sql_catalog_admin {
    ($store:ident) => {
        use app::backend::catalog_admin_store::{
            CatalogAdminStore, ItemState, NewFormVersion, StoredDraft,
        };
        use app::model::{CategoryAdminView, CategoryRecord, ItemAdminRow, ItemRecord};

        fn item_record_from(r: &DbRow) -> StoreResult<ItemRecord> {
            Ok(ItemRecord {
                slug: r.get("slug"),
                name: r.get("name"),
                summary: r.get("summary"),
                description: r.get("description"),
                icon: r.get("icon"),
                category: r.get("category"),
                kind: kind(r.get::<&str, _>("kind")),
                keywords: json_list(r.get::<&str, _>("keywords"))?,
                expected_delivery: r.get("expected_delivery"),
                requires_approval: r.get("requires_approval"),
                approval_chain: r.get("approval_chain"),
                fulfilment_group: r.get("fulfilment_group"),
                sla_priority: r
                    .get::<Option<&str>, _>("sla_priority")
                    .and_then(app::domain::priority::Priority::parse),
                translations: serde_json::from_str(r.get::<&str, _>("translations"))
                    .map_err(db_err)?,
            })
        }

        /// Items are search documents: a catalog change makes every instance rebuild its index.
        /// Synonym groups move it too (`sql_synonyms!`).
        async fn bump_search(tx: &mut Tx<'_>) -> StoreResult<()> {
            sqlx::query("UPDATE content_versions SET version = version + 1 WHERE name = 'search'")
                .execute(&mut **tx)
                .await
                .map_err(db_err)?;
            Ok(())
        }

        #[async_trait::async_trait]
        impl CatalogAdminStore for $store {
            async fn admin_categories(&self) -> StoreResult<Vec<CategoryAdminView>> {
                let rows = sqlx::query(
                    "SELECT c.slug, c.name, c.description, c.icon, p.slug AS parent, c.position, \
                     c.translations, c.revision, (SELECT COUNT(*) FROM items i WHERE i.category_id = c.id \
                     AND NOT i.retired AND i.current_form_version > 0) AS items \
                     FROM categories c LEFT JOIN categories p ON p.id = c.parent_id \
                     ORDER BY c.position, c.name",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows
                    .iter()
                    .map(|r| CategoryAdminView {
                        category: CategoryRecord {
                            slug: r.get("slug"),
                            name: r.get("name"),
                            description: r.get("description"),
                            icon: r.get("icon"),
                            parent: r.get("parent"),
                            position: r.get("position"),
                            translations: serde_json::from_str(r.get::<&str, _>("translations"))
                                .unwrap_or_default(),
                        },
                        revision: r.get("revision"),
                        items: u64::try_from(r.get::<i64, _>("items")).unwrap_or(0),
                        depth: 0,
                    })
                    .collect())
            }

            #[tracing::instrument(skip(self, audit), fields(slug = %record.slug))]
            async fn save_category(
                &self,
                record: &CategoryRecord,
                expect: i64,
                audit: &AuditEntry,
            ) -> StoreResult<Written> {
                let translations = serde_json::to_string(&record.translations).map_err(db_err)?;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                // The translations are the last parameter: $7 new, $8 after the revision.
                let sql = if expect == 0 {
                    "INSERT INTO categories (slug, name, description, icon, parent_id, position, revision, \
                     translations) \
                     VALUES ($1, $2, $3, $4, (SELECT id FROM categories WHERE slug = $5), $6, 1, $7) \
                     ON CONFLICT (slug) DO NOTHING"
                } else {
                    "UPDATE categories SET name = $2, description = $3, icon = $4, \
                     parent_id = (SELECT p.id FROM categories p WHERE p.slug = $5), position = $6, \
                     translations = $8, revision = revision + 1 WHERE slug = $1 AND revision = $7"
                };
                let mut query = sqlx::query(sql)
                    .bind(&record.slug)
                    .bind(&record.name)
                    .bind(&record.description)
                    .bind(&record.icon)
                    .bind(&record.parent)
                    .bind(record.position);
                if expect != 0 {
                    query = query.bind(expect);
                }
                let changed = query
                    .bind(translations)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected();
                if changed > 0 {
                    bump_search(&mut tx).await?;
                }
                finish_checked(tx, changed, "categories", "slug", &record.slug, expect + 1, audit).await
            }

            async fn items_page(
                &self,
                text: Option<&str>,
                offset: u64,
                limit: u32,
            ) -> StoreResult<(Vec<ItemAdminRow>, u64)> {
                const WHERE: &str = "WHERE ($1 IS NULL OR LOWER(i.name) LIKE $1 ESCAPE '\\' \
                     OR LOWER(i.slug) LIKE $1 ESCAPE '\\' OR LOWER(i.keywords) LIKE $1 ESCAPE '\\')";
                let pattern = text.map(contains_pattern);
                let total: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM items i {WHERE}"))
                    .bind(&pattern)
                    .fetch_one(&self.pool)
                    .await
                    .map_err(db_err)?;
                let rows = sqlx::query(&format!(
                    "SELECT i.slug, i.name, i.icon, c.name AS category_name, i.kind, i.retired, \
                     i.current_form_version, i.draft_json IS NOT NULL AS has_draft \
                     FROM items i JOIN categories c ON c.id = i.category_id {WHERE} \
                     ORDER BY i.name, i.slug LIMIT $2 OFFSET $3"
                ))
                .bind(&pattern)
                .bind(i64::from(limit))
                .bind(i64::try_from(offset).unwrap_or(i64::MAX))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                let items = rows
                    .iter()
                    .map(|r| ItemAdminRow {
                        slug: r.get("slug"),
                        name: r.get("name"),
                        icon: r.get("icon"),
                        category_name: r.get("category_name"),
                        kind: kind(r.get::<&str, _>("kind")),
                        retired: r.get("retired"),
                        published_version: r.get("current_form_version"),
                        has_draft: r.get("has_draft"),
                    })
                    .collect();
                Ok((items, u64::try_from(total).unwrap_or(0)))
            }

            async fn item_state(&self, slug: &str) -> StoreResult<Option<ItemState>> {
                let Some(r) = sqlx::query(
                    "SELECT i.slug, i.name, i.summary, i.description, i.icon, c.slug AS category, \
                     i.kind, i.keywords, i.expected_delivery, i.requires_approval, \
                     i.approval_chain, i.fulfilment_group, i.sla_priority, i.translations, \
                     i.retired, i.revision, \
                     i.current_form_version, i.draft_json, f.schema_json FROM items i \
                     JOIN categories c ON c.id = i.category_id \
                     LEFT JOIN form_versions f ON f.item_id = i.id AND f.version = i.current_form_version \
                     WHERE i.slug = $1",
                )
                .bind(slug)
                .fetch_optional(&self.pool)
                .await
                .map_err(db_err)?
                else {
                    return Ok(None);
                };
                let live_form = r
                    .get::<Option<String>, _>("schema_json")
                    .map(|j| serde_json::from_str(&j).map_err(db_err))
                    .transpose()?;
                let draft = r
                    .get::<Option<String>, _>("draft_json")
                    .map(|j| serde_json::from_str(&j).map_err(db_err))
                    .transpose()?;
                Ok(Some(ItemState {
                    live: item_record_from(&r)?,
                    live_form,
                    draft,
                    revision: r.get("revision"),
                    retired: r.get("retired"),
                    published_version: r.get("current_form_version"),
                }))
            }

            #[tracing::instrument(skip(self, draft, audit), fields(slug = %draft.item.slug))]
            async fn save_item_draft(
                &self,
                draft: &StoredDraft,
                expect: i64,
                audit: &AuditEntry,
            ) -> StoreResult<Written> {
                let json = serde_json::to_string(draft).map_err(db_err)?;
                let item = &draft.item;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let changed = if expect == 0 {
                    // A new item starts unpublished: its columns hold what it was created
                    // with, its form is only the draft.
                    let keywords = serde_json::to_string(&item.keywords).map_err(db_err)?;
                    sqlx::query(
                        "INSERT INTO items (slug, category_id, name, summary, description, icon, kind, \
                         keywords, expected_delivery, requires_approval, fulfilment_group, retired, \
                         current_form_version, revision, draft_json, sla_priority, approval_chain) \
                         VALUES ($1, (SELECT id FROM categories WHERE slug = $2), $3, $4, $5, $6, $7, \
                         $8, $9, $10, $11, FALSE, 0, 1, $12, $13, $14) ON CONFLICT (slug) DO NOTHING",
                    )
                    .bind(&item.slug)
                    .bind(&item.category)
                    .bind(&item.name)
                    .bind(&item.summary)
                    .bind(&item.description)
                    .bind(&item.icon)
                    .bind(item.kind.as_str())
                    .bind(keywords)
                    .bind(&item.expected_delivery)
                    .bind(item.requires_approval)
                    .bind(&item.fulfilment_group)
                    .bind(&json)
                    .bind(item.sla_priority.map(|p| p.as_str()))
                    .bind(&item.approval_chain)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected()
                } else {
                    sqlx::query(
                        "UPDATE items SET draft_json = $1, revision = revision + 1 \
                         WHERE slug = $2 AND revision = $3",
                    )
                    .bind(&json)
                    .bind(&item.slug)
                    .bind(expect)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?
                    .rows_affected()
                };
                finish_checked(tx, changed, "items", "slug", &item.slug, expect + 1, audit).await
            }

            #[tracing::instrument(skip(self, record, form, audit), fields(slug = %record.slug))]
            async fn publish_item(
                &self,
                record: &ItemRecord,
                form: Option<&NewFormVersion>,
                expect: i64,
                audit: &AuditEntry,
            ) -> StoreResult<Written> {
                let keywords = serde_json::to_string(&record.keywords).map_err(db_err)?;
                let translations = serde_json::to_string(&record.translations).map_err(db_err)?;
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let id: Option<i64> = sqlx::query_scalar(
                    "UPDATE items SET category_id = (SELECT c.id FROM categories c WHERE c.slug = $1), \
                     name = $2, summary = $3, description = $4, icon = $5, kind = $6, keywords = $7, \
                     expected_delivery = $8, requires_approval = $9, fulfilment_group = $10, \
                     current_form_version = COALESCE($11, current_form_version), draft_json = NULL, \
                     revision = revision + 1, sla_priority = $14, translations = $15, \
                     approval_chain = $16 \
                     WHERE slug = $12 AND revision = $13 RETURNING id",
                )
                .bind(&record.category)
                .bind(&record.name)
                .bind(&record.summary)
                .bind(&record.description)
                .bind(&record.icon)
                .bind(record.kind.as_str())
                .bind(keywords)
                .bind(&record.expected_delivery)
                .bind(record.requires_approval)
                .bind(&record.fulfilment_group)
                .bind(form.map(|f| f.version))
                .bind(&record.slug)
                .bind(expect)
                .bind(record.sla_priority.map(|p| p.as_str()))
                .bind(translations)
                .bind(&record.approval_chain)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db_err)?;
                if let (Some(id), Some(form)) = (id, form) {
                    sqlx::query(
                        "INSERT INTO form_versions (item_id, version, schema_json, created_at) \
                         VALUES ($1, $2, $3, $4)",
                    )
                    .bind(id)
                    .bind(form.version)
                    .bind(&form.schema_json)
                    .bind(audit.at)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                if id.is_some() {
                    bump_search(&mut tx).await?;
                }
                let changed = u64::from(id.is_some());
                finish_checked(tx, changed, "items", "slug", &record.slug, expect + 1, audit).await
            }

            #[tracing::instrument(skip(self, audit))]
            async fn set_item_retired(
                &self,
                slug: &str,
                retired: bool,
                expect: i64,
                audit: &AuditEntry,
            ) -> StoreResult<Written> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let changed = sqlx::query(
                    "UPDATE items SET retired = $1, revision = revision + 1 \
                     WHERE slug = $2 AND revision = $3",
                )
                .bind(retired)
                .bind(slug)
                .bind(expect)
                .execute(&mut *tx)
                .await
                .map_err(db_err)?
                .rows_affected();
                if changed > 0 {
                    bump_search(&mut tx).await?;
                }
                finish_checked(tx, changed, "items", "slug", slug, expect + 1, audit).await
            }

            async fn known_groups(&self) -> StoreResult<Vec<String>> {
                sqlx::query_scalar(
                    "SELECT group_name FROM user_groups UNION \
                     SELECT fulfilment_group FROM items ORDER BY 1",
                )
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)
                .map(|groups: Vec<String>| {
                    groups.into_iter().filter(|g| !g.trim().is_empty()).collect()
                })
            }
        }
    };
}

pub(crate) use sql_catalog_admin;
