//! Counters an operator watches, kept in this process and written out in Prometheus's text
//! format at `/metrics` (see the README for what each means). Plain atomics: counting costs a
//! few nanoseconds, and nothing here may slow a request down or fail it.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{LazyLock, Mutex};

/// Upper bounds (seconds) of the request latency histogram's buckets.
pub const LATENCY_BUCKETS: [f64; 11] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

#[derive(Default)]
pub struct Counter(AtomicU64);

impl Counter {
    pub fn inc(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }

    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Requests of one route and status: a latency histogram.
#[derive(Clone, Default)]
struct Latencies {
    buckets: [u64; LATENCY_BUCKETS.len()],
    count: u64,
    sum_secs: f64,
}

#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, u16), Latencies>>,
    /// Server-function errors by the status they answered.
    server_fn_errors: Mutex<BTreeMap<u16, u64>>,
    /// Periodic job runs and failures by job name.
    jobs: Mutex<BTreeMap<(String, bool), u64>>,
    /// Mail sends by outcome (sent, retry, failed).
    mails: Mutex<BTreeMap<&'static str, u64>>,
    pub sign_in_failures: Counter,
    pub sign_in_throttled: Counter,
    pub submissions_accepted: Counter,
    /// Submissions whose idempotency key had already made a ticket (an outbox retry).
    pub submissions_duplicate: Counter,
    pub search_index_rebuilds: Counter,
    pub cross_site_refused: Counter,
}

pub static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::default);

/// The pool's connections at the moment of a scrape.
#[derive(Clone, Copy, Debug, Default)]
pub struct PoolUse {
    pub open: u32,
    pub idle: u32,
    pub max: u32,
}

impl Metrics {
    pub fn request(&self, route: &str, status: u16, secs: f64) {
        let mut requests = self.requests.lock().unwrap_or_else(|e| e.into_inner());
        let entry = requests.entry((route.to_string(), status)).or_default();
        for (i, bound) in LATENCY_BUCKETS.iter().enumerate() {
            if secs <= *bound {
                entry.buckets[i] += 1;
            }
        }
        entry.count += 1;
        entry.sum_secs += secs;
    }

    pub fn server_fn_error(&self, status: u16) {
        *self
            .server_fn_errors
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(status)
            .or_default() += 1;
    }

    pub fn job(&self, name: &str, failed: bool) {
        *self
            .jobs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry((name.to_string(), failed))
            .or_default() += 1;
    }

    pub fn mail(&self, outcome: &'static str) {
        *self
            .mails
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(outcome)
            .or_default() += 1;
    }

    /// Everything, in Prometheus's text exposition format.
    pub fn render(&self, pool: PoolUse) -> String {
        let mut out = String::new();
        let mut family = |name: &str, kind: &str, help: &str| {
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} {kind}");
        };
        family(
            "deskfront_http_requests",
            "histogram",
            "Requests answered, by route and status, with their latency in seconds.",
        );
        let requests = self
            .requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let mut body = String::new();
        for ((route, status), l) in &requests {
            let labels = format!("route=\"{}\",status=\"{status}\"", escape(route));
            for (bound, n) in LATENCY_BUCKETS.iter().zip(l.buckets) {
                let _ = writeln!(
                    body,
                    "deskfront_http_requests_bucket{{{labels},le=\"{bound}\"}} {n}"
                );
            }
            let _ = writeln!(
                body,
                "deskfront_http_requests_bucket{{{labels},le=\"+Inf\"}} {}",
                l.count
            );
            let _ = writeln!(
                body,
                "deskfront_http_requests_sum{{{labels}}} {}",
                l.sum_secs
            );
            let _ = writeln!(
                body,
                "deskfront_http_requests_count{{{labels}}} {}",
                l.count
            );
        }
        out.push_str(&body);
        let counter = |out: &mut String, name: &str, help: &str, value: u64| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {value}"
            );
        };
        let _ = writeln!(
            out,
            "# HELP deskfront_server_fn_errors_total Server-function errors, by the status they answered.\n# TYPE deskfront_server_fn_errors_total counter"
        );
        for (status, n) in self
            .server_fn_errors
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
        {
            let _ = writeln!(
                out,
                "deskfront_server_fn_errors_total{{status=\"{status}\"}} {n}"
            );
        }
        let _ = writeln!(
            out,
            "# HELP deskfront_job_runs_total Periodic job runs on this instance, by job and outcome.\n# TYPE deskfront_job_runs_total counter"
        );
        for ((job, failed), n) in self.jobs.lock().unwrap_or_else(|e| e.into_inner()).iter() {
            let outcome = if *failed { "failed" } else { "ok" };
            let _ = writeln!(
                out,
                "deskfront_job_runs_total{{job=\"{}\",outcome=\"{outcome}\"}} {n}",
                escape(job)
            );
        }
        let _ = writeln!(
            out,
            "# HELP deskfront_mail_sends_total Mails this instance tried to send, by outcome.\n# TYPE deskfront_mail_sends_total counter"
        );
        for (outcome, n) in self.mails.lock().unwrap_or_else(|e| e.into_inner()).iter() {
            let _ = writeln!(
                out,
                "deskfront_mail_sends_total{{outcome=\"{outcome}\"}} {n}"
            );
        }
        counter(
            &mut out,
            "deskfront_sign_in_failures_total",
            "Sign-ins refused for a wrong e-mail address or password.",
            self.sign_in_failures.get(),
        );
        counter(
            &mut out,
            "deskfront_sign_in_throttled_total",
            "Sign-ins refused because of earlier failures (429).",
            self.sign_in_throttled.get(),
        );
        counter(
            &mut out,
            "deskfront_submissions_accepted_total",
            "Requests and faults submitted that made a new ticket.",
            self.submissions_accepted.get(),
        );
        counter(
            &mut out,
            "deskfront_submissions_duplicate_total",
            "Submissions whose idempotency key had already made a ticket (retries absorbed).",
            self.submissions_duplicate.get(),
        );
        counter(
            &mut out,
            "deskfront_search_index_rebuilds_total",
            "Times this instance rebuilt its search index after content changed.",
            self.search_index_rebuilds.get(),
        );
        counter(
            &mut out,
            "deskfront_cross_site_refused_total",
            "State-changing requests refused for coming from another site (403).",
            self.cross_site_refused.get(),
        );
        for (name, help, value) in [
            (
                "deskfront_db_pool_connections",
                "Database connections open in this instance's pool.",
                pool.open,
            ),
            (
                "deskfront_db_pool_idle",
                "Open database connections not in use.",
                pool.idle,
            ),
            (
                "deskfront_db_pool_max",
                "The pool's configured maximum.",
                pool.max,
            ),
        ] {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
            );
        }
        out
    }
}

/// A label value as Prometheus reads it.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_land_in_every_bucket_at_or_above_their_latency() {
        let m = Metrics::default();
        m.request("/catalog/{slug}", 200, 0.02);
        m.request("/catalog/{slug}", 200, 3.0);
        m.server_fn_error(422);
        m.job("sla-alerts", false);
        m.sign_in_failures.inc();
        let text = m.render(PoolUse {
            open: 3,
            idle: 2,
            max: 8,
        });
        let line = |prefix: &str| {
            text.lines()
                .find(|l| l.starts_with(prefix))
                .unwrap_or_else(|| panic!("{prefix} in {text}"))
                .to_string()
        };
        let labels = "route=\"/catalog/{slug}\",status=\"200\"";
        assert!(line(&format!(
            "deskfront_http_requests_bucket{{{labels},le=\"0.01\"}}"
        ))
        .ends_with(" 0"));
        assert!(line(&format!(
            "deskfront_http_requests_bucket{{{labels},le=\"0.025\"}}"
        ))
        .ends_with(" 1"));
        assert!(line(&format!(
            "deskfront_http_requests_bucket{{{labels},le=\"5\"}}"
        ))
        .ends_with(" 2"));
        assert!(line(&format!("deskfront_http_requests_count{{{labels}}}")).ends_with(" 2"));
        assert!(line("deskfront_server_fn_errors_total{status=\"422\"}").ends_with(" 1"));
        assert!(
            line("deskfront_job_runs_total{job=\"sla-alerts\",outcome=\"ok\"}").ends_with(" 1")
        );
        assert!(line("deskfront_sign_in_failures_total ").ends_with(" 1"));
        assert!(line("deskfront_db_pool_idle ").ends_with(" 2"));
    }

    #[test]
    fn label_values_cannot_break_the_format() {
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}
