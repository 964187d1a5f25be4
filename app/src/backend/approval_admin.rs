//! Approval chains and the change policy for administrators: the chains items and changes go
//! through ("the line manager, then the software owners"; "two of the three CAB members"), and
//! which chain authorises a normal or emergency change of each risk level. Admins only; each
//! write is checked against the revision the form was opened at and audited, in one
//! transaction. A chain an item or the policy names cannot be removed; the page says which.

use super::access::admin_only;
use super::audit::Actor;
use super::internal;
use super::store::{Store, Written};
use crate::backend::approval_store::NamedChain;
use crate::domain::approval_chain::{ApprovalChain, Approver, ChainStep, Needed};
use crate::domain::article::slug_from_title;
use crate::domain::change_risk::RiskLevel;
use crate::domain::form::{Condition, Operator, Visibility};
use crate::domain::validation::FieldErrors;
use crate::i18n::{i18n, t, t_with, Arg};
use crate::model::{
    AppError, AppResult, ApprovalAdminView, AuditKind, ChainAdminView, PersonView, PolicyRule,
    StepForm, UserView, POLICY_KINDS,
};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

/// The longest chain name.
pub const MAX_CHAIN_NAME_CHARS: usize = 80;

pub async fn page(store: &dyn Store, user: &UserView) -> AppResult<ApprovalAdminView> {
    admin_only(user)?;
    let chains = store.chain_records().await.map_err(internal)?;
    let groups = store
        .groups()
        .await
        .map_err(internal)?
        .into_iter()
        .map(|g| g.name)
        .collect();
    let (named, policy_revision) = store.change_policy().await.map_err(internal)?;
    let policy = POLICY_KINDS
        .into_iter()
        .flat_map(|kind| RiskLevel::ALL.map(|level| (kind, level)))
        .map(|(kind, level)| PolicyRule {
            kind,
            level,
            chain: named
                .iter()
                .find(|r| r.kind == kind && r.level == level)
                .and_then(|r| r.chain.clone()),
        })
        .collect();
    Ok(ApprovalAdminView {
        chains,
        groups,
        policy,
        policy_revision,
    })
}

/// The field a step's problem is shown beside: `step-<slot>-<part>`.
fn step_field(slot: usize, part: &str) -> String {
    format!("step-{slot}-{part}")
}

/// The people and groups a step may name, as they are now.
struct Approvers {
    people: Vec<PersonView>,
    groups: Vec<String>,
}

impl Approvers {
    async fn load(store: &dyn Store) -> AppResult<Approvers> {
        let people = store.all_people().await.map_err(internal)?;
        let groups = store
            .groups()
            .await
            .map_err(internal)?
            .into_iter()
            .map(|g| g.name)
            .collect();
        Ok(Approvers { people, groups })
    }

    fn active_person(&self, email: &str) -> Option<&PersonView> {
        self.people
            .iter()
            .find(|p| p.active && p.email.eq_ignore_ascii_case(email))
    }

    /// The group's name as it is kept, and how many active people are in it.
    fn group(&self, name: &str) -> Option<(&str, usize)> {
        let name = self.groups.iter().find(|g| g.eq_ignore_ascii_case(name))?;
        let members = self
            .people
            .iter()
            .filter(|p| p.active && p.groups.iter().any(|g| g.eq_ignore_ascii_case(name)))
            .count();
        Some((name.as_str(), members))
    }
}

/// The condition a step's form names, or `None` when it names no field.
fn read_condition(slot: usize, form: &StepForm, errors: &mut FieldErrors) -> Option<Visibility> {
    let field = form.when_field.trim();
    if field.is_empty() {
        return None;
    }
    let op = Operator::parse(form.when_op.trim()).unwrap_or(Operator::AnyOf);
    let values: Vec<String> = form
        .when_values
        .split(',')
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect();
    let wanted = match op {
        Operator::Answered => values.is_empty(),
        Operator::AnyOf => !values.is_empty(),
        _ => values.len() == 1,
    };
    if !wanted {
        errors.insert(step_field(slot, "when"), t("error-chain-when-values"));
        return None;
    }
    Some(Visibility::when(Condition {
        field: field.to_string(),
        op,
        values,
    }))
}

/// One filled slot of the form as a step, or its problems beside its fields.
fn read_step(
    slot: usize,
    form: &StepForm,
    approvers: &Approvers,
    errors: &mut FieldErrors,
) -> Option<ChainStep> {
    let name = form.name.trim();
    let step = |part: &str| step_field(slot, part);
    let said = |id: &str| t_with(id, &[("step", name.into())]);
    let approver = match form.approver.trim() {
        "line_manager" => Some(Approver::LineManager),
        "person" => match approvers.active_person(form.email.trim()) {
            Some(person) => Some(Approver::Person {
                email: person.email.clone(),
            }),
            None => {
                errors.insert(step("email"), said("error-chain-person-unknown"));
                None
            }
        },
        "group" => match approvers.group(form.group.trim()) {
            None => {
                errors.insert(step("group"), said("error-chain-group"));
                None
            }
            Some((group, members)) => {
                let needed = if form.needed.trim() == "quorum" {
                    match form.quorum.trim().parse::<u32>() {
                        Ok(n) if n >= 1 && n as usize <= members => Some(Needed::Quorum(n)),
                        Ok(n) if n >= 1 => {
                            errors.insert(
                                step("quorum"),
                                t_with(
                                    "error-chain-quorum-unreachable",
                                    &[
                                        ("step", name.into()),
                                        ("needed", Arg::count(n as usize)),
                                        ("members", Arg::count(members)),
                                    ],
                                ),
                            );
                            None
                        }
                        _ => {
                            errors.insert(step("quorum"), said("error-chain-quorum-zero"));
                            None
                        }
                    }
                } else {
                    Some(Needed::AnyOne)
                };
                needed.map(|needed| Approver::Group {
                    group: group.to_string(),
                    needed,
                })
            }
        },
        _ => {
            errors.insert(step("approver"), said("error-chain-approver"));
            None
        }
    };
    let only_when = read_condition(slot, form, errors);
    if name.chars().count() > crate::domain::approval_chain::MAX_STEP_NAME_CHARS {
        errors.insert(
            step("name"),
            t_with(
                "error-chain-step-name",
                &[(
                    "max",
                    Arg::count(crate::domain::approval_chain::MAX_STEP_NAME_CHARS),
                )],
            ),
        );
    }
    Some(ChainStep {
        name: name.to_string(),
        approver: approver?,
        only_when,
    })
}

/// The chain the form describes: its name and the filled slots as steps, in order; a slot with
/// no name is left out (that is how a step is removed). Every problem beside its field.
async fn checked(
    store: &dyn Store,
    name: &str,
    steps: &[StepForm],
) -> AppResult<(String, ApprovalChain)> {
    let mut errors = FieldErrors::new();
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_CHAIN_NAME_CHARS {
        errors.insert(
            "name".into(),
            t_with(
                "error-chain-name",
                &[("max", Arg::count(MAX_CHAIN_NAME_CHARS))],
            ),
        );
    }
    let approvers = Approvers::load(store).await?;
    let chain = ApprovalChain {
        steps: steps
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.name.trim().is_empty())
            .filter_map(|(slot, s)| read_step(slot, s, &approvers, &mut errors))
            .collect(),
    };
    if errors.is_empty() {
        if let Err(said) = chain.check() {
            errors.insert("steps".into(), i18n().say(&said));
        }
    }
    if errors.is_empty() {
        Ok((name.to_string(), chain))
    } else {
        Err(AppError::Invalid { fields: errors })
    }
}

fn as_json(name: &str, chain: &ApprovalChain) -> serde_json::Value {
    serde_json::json!({ "name": name, "steps": chain.steps })
}

async fn existing(store: &dyn Store, key: &str) -> AppResult<ChainAdminView> {
    store
        .chain_records()
        .await
        .map_err(internal)?
        .into_iter()
        .find(|c| c.key == key)
        .ok_or_else(|| AppError::not_found(t("error-no-chain")))
}

/// Creates a chain (`key` empty; its key is made from its name) or saves chain `key` opened at
/// `revision`. Answers the chain's key.
pub async fn save_chain(
    store: &dyn Store,
    user: &UserView,
    key: &str,
    revision: i64,
    name: &str,
    steps: &[StepForm],
    now: DateTime<Utc>,
) -> AppResult<String> {
    admin_only(user)?;
    let (name, chain) = checked(store, name, steps).await?;
    let key = key.trim();
    let (key, expect, before) = if key.is_empty() {
        let made = slug_from_title(&name);
        let made = if made.is_empty() {
            "chain".to_string()
        } else {
            made
        };
        (made, 0, None)
    } else {
        let found = existing(store, key).await?;
        (key.to_string(), revision, Some(found))
    };
    let mut audit = Actor::person(user)
        .did(
            AuditKind::ApprovalChain,
            if before.is_some() { "update" } else { "create" },
            &name,
            now,
        )
        .after(as_json(&name, &chain));
    if let Some(b) = &before {
        audit = audit.before(as_json(&b.name, &b.chain));
    }
    let named = NamedChain {
        key: key.clone(),
        name,
        chain,
    };
    match store
        .save_chain(&named, expect, &audit, now)
        .await
        .map_err(internal)?
    {
        Written::Done { .. } => Ok(key),
        Written::Stale { .. } if expect == 0 => {
            Err(AppError::invalid_field("name", t("error-chain-name-taken")))
        }
        Written::Stale { .. } => Err(super::stale("chain")),
    }
}

/// Removes chain `key` as opened at `revision`; refused while an item or the change policy
/// names it, saying which.
pub async fn remove_chain(
    store: &dyn Store,
    user: &UserView,
    key: &str,
    revision: i64,
    now: DateTime<Utc>,
) -> AppResult<()> {
    admin_only(user)?;
    let found = existing(store, key).await?;
    let audit = Actor::person(user)
        .did(AuditKind::ApprovalChain, "delete", &found.name, now)
        .before(as_json(&found.name, &found.chain));
    match store
        .delete_chain(key, revision, &audit)
        .await
        .map_err(internal)?
    {
        Written::Done { .. } => Ok(()),
        Written::Stale { current } if current == revision => {
            // The revision held, so something names it: read what, to say so.
            let now_found = existing(store, key).await?;
            Err(AppError::conflict(in_use(&now_found)))
        }
        Written::Stale { .. } => Err(super::stale("chain")),
    }
}

/// Why a chain cannot be removed: the items that name it, and the change policy.
fn in_use(chain: &ChainAdminView) -> String {
    let mut users = chain.items.clone();
    if chain.in_change_policy {
        users.push(t("chains-change-policy"));
    }
    t_with(
        "error-chain-in-use",
        &[
            ("chain", chain.name.as_str().into()),
            ("users", users.join(", ").into()),
        ],
    )
}

/// The field of one rule of the policy form: `<kind>_<level>`.
pub fn policy_field(rule: &PolicyRule) -> String {
    format!("{}_{}", rule.kind.as_str(), rule.level.as_str())
}

/// Saves the change policy opened at `revision`: for each kind the policy covers and each risk
/// level, the key of the chain that authorises it (`chains` by `policy_field`; missing or
/// empty: none). Answers the new revision.
pub async fn save_policy(
    store: &dyn Store,
    user: &UserView,
    revision: i64,
    chains: &BTreeMap<String, String>,
    now: DateTime<Utc>,
) -> AppResult<i64> {
    admin_only(user)?;
    let known = store.chain_records().await.map_err(internal)?;
    let mut errors = FieldErrors::new();
    let mut rules = Vec::new();
    for kind in POLICY_KINDS {
        for level in RiskLevel::ALL {
            let mut rule = PolicyRule {
                kind,
                level,
                chain: None,
            };
            let field = policy_field(&rule);
            let given = chains.get(&field).map(|k| k.trim()).unwrap_or_default();
            if !given.is_empty() {
                if known.iter().any(|c| c.key == given) {
                    rule.chain = Some(given.to_string());
                } else {
                    errors.insert(field, t("error-no-chain"));
                }
            }
            rules.push(rule);
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid { fields: errors });
    }
    let (before, _) = store.change_policy().await.map_err(internal)?;
    let as_map = |rules: &[PolicyRule]| {
        rules
            .iter()
            .filter_map(|r| Some((policy_field(r), r.chain.clone()?)))
            .collect::<BTreeMap<_, _>>()
    };
    let audit = Actor::person(user)
        .did(
            AuditKind::ChangePolicy,
            "update",
            t("chains-change-policy"),
            now,
        )
        .before(serde_json::to_value(as_map(&before)).unwrap_or_default())
        .after(serde_json::to_value(as_map(&rules)).unwrap_or_default());
    match store
        .save_change_policy(&rules, revision, &audit, now)
        .await
        .map_err(internal)?
    {
        Written::Done { revision } => Ok(revision),
        Written::Stale { .. } => Err(super::stale("policy")),
    }
}
