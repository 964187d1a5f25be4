//! The storage interface of sign-in throttling: failure counts by key (`account:<email>`,
//! `address:<client>`), in the database so that every instance sees the same counts.

use super::store::StoreResult;
use crate::domain::throttle::ThrottleRule;
use chrono::{DateTime, Utc};

#[async_trait::async_trait]
pub trait ThrottleStore: Send + Sync {
    /// The latest time one of `keys` may not try again before, if it is after `now`.
    async fn blocked_until(
        &self,
        keys: &[&str],
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DateTime<Utc>>>;

    /// Counts one more failure for `key` (starting again when its last one is older than the
    /// rule forgets) and blocks it for the wait the new count earns. Returns the count.
    async fn count_failure(
        &self,
        key: &str,
        rule: &ThrottleRule,
        now: DateTime<Utc>,
    ) -> StoreResult<i64>;

    /// Forgets `key`'s failures (a successful sign-in).
    async fn clear_failures(&self, key: &str) -> StoreResult<()>;

    /// Removes counts nobody has added to since `before` (a daily job).
    async fn purge_failures(&self, before: DateTime<Utc>) -> StoreResult<u64>;
}
