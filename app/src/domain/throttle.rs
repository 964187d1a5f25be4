//! How long someone waits after failing to sign in. A few mistakes cost nothing; after that
//! each failure doubles the wait, up to a ceiling, and an hour without a failure forgets them.
//! Pure rules: the count lives in the database, so every instance applies the same wait.

use chrono::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ThrottleRule {
    /// Failures that cost no wait.
    pub free_failures: i64,
    /// The wait after the first failure past the free ones; it doubles with each further one.
    pub first_wait_secs: i64,
    pub max_wait_secs: i64,
    /// A count older than this (since its last failure) starts again.
    pub forget_after_secs: i64,
}

impl ThrottleRule {
    /// Per account: someone guessing one person's password.
    pub const ACCOUNT: ThrottleRule = ThrottleRule {
        free_failures: 5,
        first_wait_secs: 30,
        max_wait_secs: 15 * 60,
        forget_after_secs: 60 * 60,
    };

    /// Per client address: someone trying many accounts. Looser, since a shop's tills and
    /// phones may share one address.
    pub const ADDRESS: ThrottleRule = ThrottleRule {
        free_failures: 20,
        first_wait_secs: 30,
        max_wait_secs: 15 * 60,
        forget_after_secs: 60 * 60,
    };

    /// The wait after the `failures`-th failure in a row, if any.
    pub fn wait_after(&self, failures: i64) -> Option<Duration> {
        let past_free = failures - self.free_failures;
        if past_free <= 0 {
            return None;
        }
        // 2^(past_free - 1), without overflowing for a very long run of failures.
        let doublings = (past_free - 1).min(30) as u32;
        let secs = self
            .first_wait_secs
            .saturating_mul(1i64 << doublings)
            .min(self.max_wait_secs);
        Some(Duration::seconds(secs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_mistakes_are_free_then_the_wait_doubles_to_a_ceiling() {
        let rule = ThrottleRule::ACCOUNT;
        assert_eq!(rule.wait_after(5), None);
        assert_eq!(rule.wait_after(6), Some(Duration::seconds(30)));
        assert_eq!(rule.wait_after(7), Some(Duration::seconds(60)));
        assert_eq!(rule.wait_after(10), Some(Duration::seconds(480)));
        assert_eq!(rule.wait_after(11), Some(Duration::seconds(900)));
        assert_eq!(rule.wait_after(1_000_000), Some(Duration::seconds(900)));
        assert_eq!(ThrottleRule::ADDRESS.wait_after(20), None);
    }
}
