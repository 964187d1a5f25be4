//! A per-key request budget (the integration API's tokens): so many requests a minute, counted
//! in this instance. A runaway script on one till estate slows down alone.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct PerKeyRate {
    limit: u32,
    window: Duration,
    counts: Mutex<HashMap<i64, (Instant, u32)>>,
}

impl PerKeyRate {
    pub fn per_minute(limit: u32) -> PerKeyRate {
        PerKeyRate {
            limit: limit.max(1),
            window: Duration::from_secs(60),
            counts: Mutex::default(),
        }
    }

    /// Counts a request for `key`: `Err(seconds)` to wait when the budget of its window is
    /// spent.
    pub fn check(&self, key: i64, now: Instant) -> Result<(), u64> {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        let (start, count) = counts.entry(key).or_insert((now, 0));
        if now.duration_since(*start) >= self.window {
            *start = now;
            *count = 0;
        }
        if *count >= self.limit {
            let left = self.window.saturating_sub(now.duration_since(*start));
            return Err(left.as_secs().max(1));
        }
        *count += 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_past_its_budget_waits_for_the_next_window_others_do_not() {
        let rate = PerKeyRate::per_minute(2);
        let t = Instant::now();
        assert!(rate.check(1, t).is_ok());
        assert!(rate.check(1, t).is_ok());
        let wait = rate.check(1, t + Duration::from_secs(10)).unwrap_err();
        assert!((49..=50).contains(&wait), "{wait}");
        assert!(rate.check(2, t).is_ok(), "another token has its own budget");
        assert!(rate.check(1, t + Duration::from_secs(61)).is_ok());
    }
}
