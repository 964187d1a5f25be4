-- What an admin keeps for change enablement beside the chains (issue 22), each as one named row
-- with a revision for the compare-and-set against concurrent edits:
-- - 'risk_model': the risk questionnaire (`domain::change_risk::RiskModel` as JSON). No row: the
--   starter questionnaire in code.
-- - 'change_policy': the revision of `change_approval_policy` as a whole (the rows stay there,
--   where their foreign key keeps a chain in use from being removed); `body` is empty.
CREATE TABLE change_settings (
    name       TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
