//! The random shape of the history, as plain functions of a random source: when people report
//! things, how long the desk takes against each target, how they rate it. Kept apart from the
//! tickets themselves so each curve can be read, tested and tuned on its own.

use app::domain::priority::Priority;
use chrono::Weekday;
use rand::Rng;

/// A standard normal draw (Box–Muller): the `rand` crate in use has no distributions beyond
/// uniform, and this is all the history needs.
pub fn normal(rng: &mut impl Rng) -> f64 {
    let u1: f64 = rng.gen_range(f64::EPSILON..1.0);
    let u2: f64 = rng.gen();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// A log-normal draw with the given median: durations of human work have a long right tail.
pub fn lognormal(rng: &mut impl Rng, median: f64, sigma: f64) -> f64 {
    median * (sigma * normal(rng)).exp()
}

pub fn chance(rng: &mut impl Rng, p: f64) -> bool {
    rng.gen::<f64>() < p
}

/// An index drawn in proportion to `weights` (which must not all be zero).
pub fn pick_weighted(rng: &mut impl Rng, weights: &[f64]) -> usize {
    let total: f64 = weights.iter().sum();
    let mut x = rng.gen::<f64>() * total;
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.iter().rposition(|w| *w > 0.0).unwrap_or(0)
}

/// Wall-clock minutes, log-normal around `median`, kept within `[min, max]`.
pub fn wall_minutes(rng: &mut impl Rng, median: f64, sigma: f64, min: i64, max: i64) -> i64 {
    (lognormal(rng, median, sigma).round() as i64).clamp(min, max)
}

/// Reports by local hour, as a share of the busiest hour: a morning peak when the shops open
/// and people reach their desks, a dip at lunch, a smaller afternoon peak.
const BY_HOUR: [f64; 24] = [
    0.05, 0.03, 0.02, 0.02, 0.02, 0.03, 0.10, 0.30, 0.75, 1.00, 1.00, 0.90, 0.70, 0.75, 0.85, 0.80,
    0.70, 0.55, 0.40, 0.30, 0.22, 0.15, 0.10, 0.07,
];

/// Mondays bring the weekend's faults; Sundays are quiet.
fn by_weekday(day: Weekday) -> f64 {
    match day {
        Weekday::Mon => 1.25,
        Weekday::Tue => 1.1,
        Weekday::Wed => 1.0,
        Weekday::Thu => 1.0,
        Weekday::Fri => 0.9,
        Weekday::Sat => 0.75,
        Weekday::Sun => 0.45,
    }
}

/// Share of reports made while the reporter's calendar is closed (holidays, nights): a few
/// night-shift and weekend faults, not nothing.
const CLOSED: f64 = 0.02;

/// How likely a report is at a local time, relative to the busiest (at most `ARRIVAL_MAX`).
pub fn arrival_weight(open: bool, day: Weekday, hour: u32) -> f64 {
    let by_time = if open {
        BY_HOUR[hour as usize % 24]
    } else {
        CLOSED
    };
    by_time * by_weekday(day)
}

pub const ARRIVAL_MAX: f64 = 1.25;

/// The volume grows a little over the history (more stores on the portal, more people using
/// it): from 85 % to 115 % of the average.
pub fn growth(progress: f64) -> f64 {
    0.85 + 0.3 * progress.clamp(0.0, 1.0)
}

/// How fast the desk works, as a multiplier on the share of a target it uses: it gets better
/// over the history (the dashboard should have a trend to show), from 115 % to 90 %.
pub fn drift(progress: f64) -> f64 {
    1.15 - 0.25 * progress.clamp(0.0, 1.0)
}

/// The share of a target used, log-normal: `median` of the target half the time, and
/// `sigma` chosen so that a given share of tickets (noted per line) stays within target at a
/// pace of 1.0.
#[derive(Clone, Copy, Debug)]
pub struct Pace {
    pub median: f64,
    pub sigma: f64,
}

/// First response: P1 is picked up at once, P4 waits its turn.
pub fn response_pace(priority: Priority) -> Pace {
    match priority {
        Priority::P1 => Pace {
            median: 0.30,
            sigma: 0.86,
        }, // 92 % within target
        Priority::P2 => Pace {
            median: 0.30,
            sigma: 0.94,
        }, // 90 %
        Priority::P3 => Pace {
            median: 0.32,
            sigma: 0.97,
        }, // 88 %
        Priority::P4 => Pace {
            median: 0.28,
            sigma: 1.18,
        }, // 86 %
    }
}

/// Resolution: short targets are harder to keep, long ones leave slack.
pub fn resolution_pace(priority: Priority) -> Pace {
    match priority {
        Priority::P1 => Pace {
            median: 0.42,
            sigma: 0.80,
        }, // 86 %
        Priority::P2 => Pace {
            median: 0.42,
            sigma: 0.80,
        }, // 86 %
        Priority::P3 => Pace {
            median: 0.35,
            sigma: 0.89,
        }, // 88 %
        Priority::P4 => Pace {
            median: 0.30,
            sigma: 0.94,
        }, // 90 %
    }
}

/// The share of a target used, at a `slowness` (1.0: the desk's usual pace).
pub fn share_of_target(rng: &mut impl Rng, pace: Pace, slowness: f64) -> f64 {
    lognormal(rng, pace.median, pace.sigma) * slowness
}

/// A satisfaction rating, 1 to 5: mostly happy, less so after a late fix or a reopening.
pub fn rating(rng: &mut impl Rng, breached: bool, reopened: bool) -> i64 {
    let weights: [f64; 5] = match (breached, reopened) {
        (false, false) => [0.03, 0.04, 0.09, 0.27, 0.57],
        (true, false) => [0.10, 0.12, 0.22, 0.30, 0.26],
        (_, true) => [0.18, 0.18, 0.24, 0.24, 0.16],
    };
    pick_weighted(rng, &weights) as i64 + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    fn within_target(pace: Pace) -> f64 {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let n = 40_000;
        let met = (0..n)
            .filter(|_| share_of_target(&mut rng, pace, 1.0) <= 1.0)
            .count();
        met as f64 / n as f64
    }

    #[test]
    fn most_tickets_meet_their_targets_and_some_do_not() {
        for p in Priority::ALL {
            for pace in [response_pace(p), resolution_pace(p)] {
                let share = within_target(pace);
                assert!((0.82..0.95).contains(&share), "{p:?}: {share}");
            }
        }
    }

    #[test]
    fn ratings_lean_positive_and_drop_after_a_breach() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let mean = |rng: &mut ChaCha8Rng, breached| {
            (0..20_000)
                .map(|_| rating(rng, breached, false))
                .sum::<i64>() as f64
                / 20_000.0
        };
        let happy = mean(&mut rng, false);
        let late = mean(&mut rng, true);
        assert!(happy > 4.2, "{happy}");
        assert!(late < happy - 0.4, "{late}");
        assert!((0..1000).all(|_| (1..=5).contains(&rating(&mut rng, true, true))));
    }

    #[test]
    fn reports_come_in_working_hours_and_on_weekdays() {
        assert!(
            arrival_weight(true, Weekday::Mon, 10) > 10.0 * arrival_weight(true, Weekday::Mon, 3)
        );
        assert!(arrival_weight(true, Weekday::Tue, 10) > arrival_weight(true, Weekday::Sun, 10));
        assert!(arrival_weight(false, Weekday::Tue, 10) < 0.1);
        let busiest = (0..24)
            .flat_map(|h| [Weekday::Mon, Weekday::Sun].map(|d| arrival_weight(true, d, h)))
            .fold(0.0, f64::max);
        assert!(busiest <= ARRIVAL_MAX);
    }

    #[test]
    fn weighted_picks_follow_their_weights_and_skip_zeroes() {
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let mut counts = [0; 3];
        for _ in 0..30_000 {
            counts[pick_weighted(&mut rng, &[1.0, 0.0, 3.0])] += 1;
        }
        assert_eq!(counts[1], 0);
        let ratio = counts[2] as f64 / counts[0] as f64;
        assert!((2.7..3.3).contains(&ratio), "{ratio}");
    }

    #[test]
    fn log_normal_draws_have_the_asked_median() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let mut draws: Vec<f64> = (0..20_001)
            .map(|_| lognormal(&mut rng, 60.0, 0.8))
            .collect();
        draws.sort_by(f64::total_cmp);
        let median = draws[10_000];
        assert!((55.0..65.0).contains(&median), "{median}");
    }
}
