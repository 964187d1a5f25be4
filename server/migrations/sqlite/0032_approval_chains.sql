-- Approval chains as data (issue 22): the chains an admin keeps, which chain authorises changes
-- of each kind and risk, each chain as it runs on one change (later: one request), its
-- decisions, and approvers away who let someone else decide.

-- A chain: its steps as JSON (`domain::approval_chain::ApprovalChain`).
CREATE TABLE approval_chains (
    key        TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    steps      TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);

-- The change policy: which chain authorises a normal or emergency change of each risk level.
-- No row: such a change cannot ask for authorisation until an admin names a chain.
CREATE TABLE change_approval_policy (
    kind       TEXT NOT NULL,
    risk_level TEXT NOT NULL,
    chain_key  TEXT NOT NULL REFERENCES approval_chains (key),
    PRIMARY KEY (kind, risk_level)
);

-- A chain running on one record (`subject` 'change'), with its steps resolved to people when it
-- started (`StepOnRecord` as JSON). `status`: waiting, approved, rejected, or withdrawn (the
-- record left authorisation another way). `revision` is the compare-and-set every decision
-- takes, so two decisions at the same instant are counted one after the other, never from
-- the same stale picture.
CREATE TABLE approval_runs (
    id         INTEGER PRIMARY KEY,
    subject    TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    chain_name TEXT NOT NULL,
    steps      TEXT NOT NULL,
    status     TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    started_at TEXT NOT NULL,
    ended_at   TEXT
);
CREATE INDEX approval_runs_subject ON approval_runs (subject, subject_id, id);

-- Each approver's decision on a step, once: the key refuses a second vote for the same person,
-- whoever clicked (`decided_by` differs from `approver` when a delegate decided).
CREATE TABLE approval_decisions (
    run_id     INTEGER NOT NULL REFERENCES approval_runs (id),
    step       INTEGER NOT NULL,
    approver   TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    verdict    TEXT NOT NULL,
    comment    TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (run_id, step, approver)
);

-- Who a waiting run waits for now: the undecided approvers of its current step. Kept with every
-- decision, so "what waits for me" and the Approvals link are one indexed look-up.
CREATE TABLE approval_waiting (
    run_id   INTEGER NOT NULL REFERENCES approval_runs (id),
    approver TEXT NOT NULL,
    PRIMARY KEY (run_id, approver)
);
CREATE INDEX approval_waiting_approver ON approval_waiting (approver);

-- An approver away: `to_email` decides in `from_email`'s place during [starts_at, ends_at).
CREATE TABLE approval_delegations (
    id         INTEGER PRIMARY KEY,
    from_email TEXT NOT NULL,
    to_email   TEXT NOT NULL,
    starts_at  TEXT NOT NULL,
    ends_at    TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX approval_delegations_to ON approval_delegations (to_email, ends_at);
