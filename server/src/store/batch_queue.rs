//! One task per instance that takes every job waiting when it becomes free and handles them
//! together, answering each caller with its own result.
//!
//! - **Group commit** (new tickets): a durable commit costs one flush of the disk (SQLite's WAL
//!   with `synchronous = FULL`, or PostgreSQL's WAL). Committing each submission on its own caps
//!   submissions at the disk's flush rate, and on SQLite sixteen writers also queue for its
//!   single write lock with sleeps in between. The batch is written in one transaction and each
//!   caller is answered only after the commit.
//! - **Shared reads** (PostgreSQL's session lookups, `postgres::read_sessions`): every page and
//!   server function first reads its session, one round trip each, and those round trips were
//!   most of a cached page's cost. Lookups waiting together go in one query. Each is still read
//!   after its caller asked, so it sees every change committed before (a sign-out, an edit
//!   through another instance), as its own query would have.
//!
//! Under load the batches grow by themselves (whatever arrived while the previous one ran);
//! alone, a job is handled at once, with no waiting for company.

use app::backend::store::{StoreError, StoreResult};
use std::future::Future;
use tokio::sync::{mpsc, oneshot};

/// The most jobs in one batch: enough to amortise a flush or a round trip, small enough that a
/// write batch holds the write lock only for milliseconds.
pub const MAX_BATCH: usize = 128;

type Reply<O> = oneshot::Sender<StoreResult<O>>;

/// The answer to a batch that failed as a whole (its query, its transaction): every job of the
/// `count` gets the same error.
pub fn all_failed<O>(count: usize, error: &StoreError) -> Vec<StoreResult<O>> {
    (0..count)
        .map(|_| Err(StoreError(error.0.clone())))
        .collect()
}

/// The queue in front of the task. Cloning shares the one task.
pub struct BatchQueue<J, O> {
    queue: mpsc::UnboundedSender<(J, Reply<O>)>,
}

impl<J, O> Clone for BatchQueue<J, O> {
    fn clone(&self) -> Self {
        Self {
            queue: self.queue.clone(),
        }
    }
}

impl<J: Send + 'static, O: Send + 'static> BatchQueue<J, O> {
    /// Starts the task. `handle` gets a batch and must answer one result per job, in order
    /// (a writer: after its transaction committed, or with every job's error when it failed).
    pub fn spawn<F, Fut>(handle: F) -> Self
    where
        F: Fn(Vec<J>) -> Fut + Send + 'static,
        Fut: Future<Output = Vec<StoreResult<O>>> + Send,
    {
        let (queue, mut waiting) = mpsc::unbounded_channel::<(J, Reply<O>)>();
        tokio::spawn(async move {
            while let Some(first) = waiting.recv().await {
                let mut batch = vec![first];
                while batch.len() < MAX_BATCH {
                    match waiting.try_recv() {
                        Ok(next) => batch.push(next),
                        Err(_) => break,
                    }
                }
                let (jobs, replies): (Vec<J>, Vec<Reply<O>>) = batch.into_iter().unzip();
                let count = jobs.len();
                let mut results = handle(jobs).await;
                if results.len() != count {
                    // A handler that breaks the contract must not leave callers guessing which
                    // job a result belongs to: nobody hears "done".
                    let mismatch = StoreError("batch queue: result count mismatch".into());
                    results = all_failed(count, &mismatch);
                }
                for (reply, result) in replies.into_iter().zip(results) {
                    // A caller that gave up (its request was cancelled) no longer listens; its
                    // job is done all the same (a ticket: a retry finds it by its key).
                    let _ = reply.send(result);
                }
            }
        });
        Self { queue }
    }

    /// Queues `job` and waits for its result (a write: until its transaction has committed).
    pub async fn run(&self, job: J) -> StoreResult<O> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .send((job, reply))
            .map_err(|_| StoreError("the batch queue has stopped".into()))?;
        answer
            .await
            .map_err(|_| StoreError("the batch queue stopped before answering".into()))?
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[tokio::test]
    async fn every_caller_gets_its_own_result_and_waiting_jobs_share_a_batch() {
        let batches = Arc::new(AtomicUsize::new(0));
        let counted = batches.clone();
        let writer = BatchQueue::spawn(move |jobs: Vec<u32>| {
            counted.fetch_add(1, Ordering::SeqCst);
            async move {
                // Slow enough that the other callers queue up behind the first batch.
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                jobs.into_iter()
                    .map(|j| {
                        if j == 7 {
                            Err(StoreError("seven fails".into()))
                        } else {
                            Ok(j * 10)
                        }
                    })
                    .collect()
            }
        });
        let calls: Vec<_> = (0..50u32)
            .map(|j| {
                let w = writer.clone();
                tokio::spawn(async move { (j, w.run(j).await) })
            })
            .collect();
        for call in calls {
            let (j, result) = call.await.unwrap();
            match result {
                Ok(v) => assert_eq!(v, j * 10),
                Err(e) => {
                    assert_eq!(j, 7);
                    assert!(e.0.contains("seven"));
                }
            }
        }
        let n = batches.load(Ordering::SeqCst);
        assert!((1..50).contains(&n), "50 jobs went out in {n} batches");
    }

    #[tokio::test]
    async fn a_writer_that_answers_the_wrong_count_fails_every_job() {
        let writer = BatchQueue::spawn(|_jobs: Vec<u8>| async { vec![Ok(1u8)] });
        let (a, b) = tokio::join!(writer.run(1), writer.run(2));
        // Either both went in one batch (two jobs, one answer: both fail) or each alone (each
        // gets its one answer).
        assert_eq!(a.is_ok(), b.is_ok());
    }
}
