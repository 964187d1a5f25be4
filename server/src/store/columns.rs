//! A row's columns read by name the same way from the pool's rows (sqlx) and from the inline
//! reads' (rusqlite, `super::sqlite_inline`), so a row type read both ways is mapped once.

/// Reads column `name` as a `T`. Like sqlx's `Row::get`, a column that is missing or holds
/// another type panics: it is a mistake in the statement beside the mapping, which the tests
/// of both databases run, not something the data can cause.
pub trait Column<T> {
    fn col(&self, name: &str) -> T;
}

impl<T> Column<T> for sqlx::sqlite::SqliteRow
where
    T: for<'r> sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite>,
{
    fn col(&self, name: &str) -> T {
        sqlx::Row::get(self, name)
    }
}

impl<T> Column<T> for sqlx::postgres::PgRow
where
    T: for<'r> sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres>,
{
    fn col(&self, name: &str) -> T {
        sqlx::Row::get(self, name)
    }
}

impl<T: rusqlite::types::FromSql> Column<T> for rusqlite::Row<'_> {
    fn col(&self, name: &str) -> T {
        self.get(name)
            .unwrap_or_else(|e| panic!("column {name}: {e}"))
    }
}
