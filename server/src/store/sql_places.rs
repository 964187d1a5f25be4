//! The SQL behind `PlacesStore`: stores and devices as administrators manage them. Written once
//! for SQLite and PostgreSQL (see `sql.rs` for why a macro); uses `write_audit` from
//! `sql_audit!` and `contains_pattern` from there too.

macro_rules! sql_places {
    ($store:ident) => {
        use app::backend::places_store::PlacesStore;
        use app::model::{DeviceAdminView, StoreAdminView};

        const STORE_COLUMNS: &str = "s.code, s.name, s.region, s.timezone, s.calendar, s.revision, \
             (SELECT COUNT(*) FROM assets a WHERE a.store_code = s.code) AS devices";

        fn store_from(r: &DbRow) -> StoreAdminView {
            StoreAdminView {
                code: r.get("code"),
                name: r.get("name"),
                region: r.get("region"),
                timezone: r.get("timezone"),
                calendar: r.get("calendar"),
                devices: u64::try_from(r.get::<i64, _>("devices")).unwrap_or(0),
                revision: r.get("revision"),
            }
        }

        fn device_from(r: &DbRow) -> DeviceAdminView {
            DeviceAdminView {
                tag: r.get("tag"),
                store: r.get("store_code"),
                kind: r.get("kind"),
                model: r.get("model"),
                name: r.get("name"),
                revision: r.get("revision"),
            }
        }

        #[async_trait::async_trait]
        impl PlacesStore for $store {
            #[tracing::instrument(skip(self))]
            async fn stores_page(
                &self,
                text: Option<&str>,
                offset: u64,
                limit: u32,
            ) -> StoreResult<(Vec<StoreAdminView>, u64)> {
                const WHERE: &str = "WHERE ($1 IS NULL OR LOWER(s.code) LIKE $1 ESCAPE '\\' \
                     OR LOWER(s.name) LIKE $1 ESCAPE '\\' OR LOWER(s.region) LIKE $1 ESCAPE '\\')";
                let pattern = text.map(contains_pattern);
                let total: i64 =
                    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM stores s {WHERE}"))
                        .bind(&pattern)
                        .fetch_one(&self.pool)
                        .await
                        .map_err(db_err)?;
                let rows = sqlx::query(&format!(
                    "SELECT {STORE_COLUMNS} FROM stores s {WHERE} ORDER BY s.code LIMIT $2 OFFSET $3"
                ))
                .bind(&pattern)
                .bind(i64::from(limit))
                .bind(i64::try_from(offset).unwrap_or(i64::MAX))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok((
                    rows.iter().map(store_from).collect(),
                    u64::try_from(total).unwrap_or(0),
                ))
            }

            async fn all_stores(&self) -> StoreResult<Vec<StoreAdminView>> {
                let rows = sqlx::query(&format!(
                    "SELECT {STORE_COLUMNS} FROM stores s ORDER BY s.code"
                ))
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows.iter().map(store_from).collect())
            }

            async fn devices(&self, store: Option<&str>) -> StoreResult<Vec<DeviceAdminView>> {
                let rows = sqlx::query(
                    "SELECT tag, store_code, kind, model, name, revision FROM assets \
                     WHERE ($1 IS NULL OR store_code = $1) ORDER BY tag",
                )
                .bind(store)
                .fetch_all(&self.pool)
                .await
                .map_err(db_err)?;
                Ok(rows.iter().map(device_from).collect())
            }

            #[tracing::instrument(skip_all, fields(rows = rows.len()))]
            async fn import_stores(
                &self,
                rows: &[StoreAdminView],
                audit: &AuditEntry,
            ) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                for s in rows {
                    sqlx::query(
                        "INSERT INTO stores (code, name, region, timezone, calendar) \
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO UPDATE SET \
                         name = excluded.name, region = excluded.region, \
                         timezone = excluded.timezone, calendar = excluded.calendar, \
                         revision = stores.revision + 1",
                    )
                    .bind(&s.code)
                    .bind(&s.name)
                    .bind(&s.region)
                    .bind(&s.timezone)
                    .bind(&s.calendar)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                write_audit(&mut tx, audit).await?;
                tx.commit().await.map_err(db_err)
            }

            #[tracing::instrument(skip_all, fields(rows = rows.len()))]
            async fn import_devices(
                &self,
                rows: &[DeviceAdminView],
                audit: &AuditEntry,
            ) -> StoreResult<()> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                for d in rows {
                    sqlx::query(
                        "INSERT INTO assets (tag, store_code, kind, model, name) \
                         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tag) DO UPDATE SET \
                         store_code = excluded.store_code, kind = excluded.kind, \
                         model = excluded.model, name = excluded.name, revision = assets.revision + 1",
                    )
                    .bind(&d.tag)
                    .bind(&d.store)
                    .bind(&d.kind)
                    .bind(&d.model)
                    .bind(&d.name)
                    .execute(&mut *tx)
                    .await
                    .map_err(db_err)?;
                }
                write_audit(&mut tx, audit).await?;
                tx.commit().await.map_err(db_err)
            }

            #[tracing::instrument(skip(self, audit))]
            async fn save_store(
                &self,
                s: &StoreAdminView,
                expect: i64,
                audit: &AuditEntry,
            ) -> StoreResult<Written> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let sql = if expect == 0 {
                    "INSERT INTO stores (code, name, region, timezone, calendar) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING"
                } else {
                    "UPDATE stores SET name = $2, region = $3, timezone = $4, calendar = $5, \
                     revision = revision + 1 WHERE code = $1 AND revision = $6"
                };
                let mut query = sqlx::query(sql)
                    .bind(&s.code)
                    .bind(&s.name)
                    .bind(&s.region)
                    .bind(&s.timezone)
                    .bind(&s.calendar);
                if expect != 0 {
                    query = query.bind(expect);
                }
                let changed = query.execute(&mut *tx).await.map_err(db_err)?.rows_affected();
                finish_checked(tx, changed, "stores", "code", &s.code, expect + 1, audit).await
            }

            #[tracing::instrument(skip(self, audit))]
            async fn save_device(
                &self,
                d: &DeviceAdminView,
                expect: i64,
                audit: &AuditEntry,
            ) -> StoreResult<Written> {
                let mut tx = self.pool.begin().await.map_err(db_err)?;
                let sql = if expect == 0 {
                    "INSERT INTO assets (tag, store_code, kind, model, name) \
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tag) DO NOTHING"
                } else {
                    "UPDATE assets SET store_code = $2, kind = $3, model = $4, name = $5, \
                     revision = revision + 1 WHERE tag = $1 AND revision = $6"
                };
                let mut query = sqlx::query(sql)
                    .bind(&d.tag)
                    .bind(&d.store)
                    .bind(&d.kind)
                    .bind(&d.model)
                    .bind(&d.name);
                if expect != 0 {
                    query = query.bind(expect);
                }
                let changed = query.execute(&mut *tx).await.map_err(db_err)?.rows_affected();
                finish_checked(tx, changed, "assets", "tag", &d.tag, expect + 1, audit).await
            }
        }
    };
}

pub(crate) use sql_places;
