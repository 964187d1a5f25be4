//! Approval chains and the change policy for administrators: each chain with its steps and what
//! uses it, editable in place; a form for a new one; and which chain authorises changes of each
//! kind and risk. Forms that also work as plain posts (a chain's form has a blank step slot to
//! add one, and clearing a step's name removes it); with JavaScript a refusal shows beside its
//! field and what was typed stays.

use super::{query_error, refusal_status};
use crate::api::approval_admin::{
    admin_approvals, DeleteApprovalChain, SaveApprovalChain, SaveChangePolicy,
};
use crate::components::admin_tabs::AdminTabs;
use crate::components::error_notice::{page_error_text, ErrorNotice};
use crate::components::role_gate::{PageFor, RoleGate};
use crate::domain::approval_chain::{Approver, ChainStep, Needed};
use crate::domain::form::Operator;
use crate::i18n::form::operator_words;
use crate::i18n::{t, t_with};
use crate::model::{AppError, ApprovalAdminView, ChainAdminView, PolicyRule};
use leptos::prelude::*;
use leptos_meta::Title;

/// What a refused save says beside field `key`, if anything.
fn field_message(result: Option<Result<impl Clone, AppError>>, key: &str) -> Option<String> {
    result
        .and_then(Result::err)
        .and_then(|e| e.field_errors().and_then(|f| f.get(key).cloned()))
}

/// A refusal that belongs to no field (a stale revision, a chain still in use).
fn form_message<T>(result: Option<Result<T, AppError>>) -> Option<String> {
    let e = result.and_then(Result::err)?;
    e.field_errors().is_none().then(|| page_error_text(&e))
}

#[component]
pub fn ApprovalsAdminPage() -> impl IntoView {
    view! { <RoleGate page_for=PageFor::Admins><ApprovalsAdminContent/></RoleGate> }
}

#[component]
fn ApprovalsAdminContent() -> impl IntoView {
    let saved = RwSignal::new(0u32);
    // Outside what a save reloads, so the word that it was saved stays.
    let policy_saved = RwSignal::new(false);
    let data = Resource::new(move || saved.get(), |_| admin_approvals());
    let error = query_error();
    view! {
        <Title text=t("chains-title")/>
        {move || policy_saved.get().then(|| view! { <p class="notice notice-success" role="status" data-testid="policy-saved">{t("chains-policy-saved")}</p> })}
        <Suspense fallback=|| view! { <p class="loading">{t("chains-loading")}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(e) => {
                        refusal_status(&e);
                        view! { <ErrorNotice error=e/> }.into_any()
                    }
                    Ok(admin) => view! {
                        <AdminTabs current="/admin/approvals"/>
                        <h1 class="page-title">{t("chains-title")}</h1>
                        <p class="muted">{t("chains-help")}</p>
                        {move || error.get().map(|e| view! { <div class="notice notice-error" role="alert" data-testid="page-error">{e}</div> })}
                        <ChangePolicy admin=admin.clone() saved policy_saved/>
                        <h2>{t("chains-list")}</h2>
                        <details class="new-record" open=admin.chains.is_empty()>
                            <summary data-testid="new-chain">{t("chains-new")}</summary>
                            <ChainForm chain=None groups=admin.groups.clone() saved/>
                        </details>
                        {if admin.chains.is_empty() {
                            view! { <div class="empty-state" data-testid="no-chains"><p>{t("chains-none")}</p></div> }.into_any()
                        } else {
                            let groups = admin.groups.clone();
                            view! {
                                <ul class="admin-list" data-testid="chain-list">
                                    {admin.chains.into_iter().map(|c| view! { <ChainRow chain=c groups=groups.clone() saved/> }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// Which chain authorises each kind and risk of change: one choice per pair, saved together.
#[component]
fn ChangePolicy(
    admin: ApprovalAdminView,
    saved: RwSignal<u32>,
    policy_saved: RwSignal<bool>,
) -> impl IntoView {
    let save = ServerAction::<SaveChangePolicy>::new();
    Effect::new(move |_| match save.value().get() {
        Some(Ok(_)) => {
            policy_saved.set(true);
            saved.update(|n| *n += 1);
        }
        Some(Err(_)) => policy_saved.set(false),
        None => {}
    });
    let chains: Vec<(String, String)> = admin
        .chains
        .iter()
        .map(|c| (c.key.clone(), c.name.clone()))
        .collect();
    let rule_field = move |rule: &PolicyRule| {
        let field = format!("{}_{}", rule.kind.as_str(), rule.level.as_str());
        let id = format!("policy-{field}");
        let label = format!(
            "{} · {}",
            t_with("change-kind-label", &[("kind", rule.kind.as_str().into())]),
            t_with(
                "chains-risk-level",
                &[("level", rule.level.as_str().into())]
            )
        );
        let chains = chains.clone();
        let current = rule.chain.clone();
        let error_key = field.clone();
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <select id=id name=format!("chains[{field}]") data-testid=format!("policy-{field}")>
                    <option value="" selected=current.is_none()>{t("chains-policy-none")}</option>
                    {chains.into_iter().map(|(key, name)| {
                        let selected = current.as_deref() == Some(key.as_str());
                        view! { <option value=key selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
                {move || field_message(save.value().get(), &error_key).map(|m| view! { <p class="field-error" data-testid=format!("error-policy-{}", error_key)>{m}</p> })}
            </div>
        }
    };
    view! {
        <section class="card stack" data-testid="change-policy">
            <h2>{t("chains-policy")}</h2>
            <p class="muted">{t("chains-policy-help")}</p>
            <ActionForm action=save attr:class="stack record-form">
                <input type="hidden" name="revision" value=admin.policy_revision.to_string()/>
                <div class="policy-grid">
                    {admin.policy.iter().map(rule_field).collect_view()}
                </div>
                {move || form_message(save.value().get()).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                <div class="form-actions">
                    <button type="submit" class="btn" data-testid="save-policy">{t("chains-policy-save")}</button>
                </div>
            </ActionForm>
        </section>
    }
}

/// A step as a line of the chain's summary: who decides, and when it applies.
fn step_summary(step: &ChainStep) -> String {
    let who = match &step.approver {
        Approver::LineManager => t("chains-summary-line-manager"),
        Approver::Person { email } => email.clone(),
        Approver::Group {
            group,
            needed: Needed::AnyOne,
        } => t_with("chains-summary-any", &[("group", group.as_str().into())]),
        Approver::Group {
            group,
            needed: Needed::Quorum(n),
        } => t_with(
            "chains-summary-quorum",
            &[
                ("group", group.as_str().into()),
                ("needed", (*n as i64).into()),
            ],
        ),
    };
    let when = step
        .only_when
        .as_ref()
        .and_then(|v| v.rules.first())
        .map(|rule| {
            format!(
                " ({})",
                t_with(
                    "chains-summary-when",
                    &[
                        ("field", rule.field.as_str().into()),
                        ("op", operator_words(rule.op).into()),
                        ("values", rule.values.join(", ").into()),
                    ],
                )
            )
        })
        .unwrap_or_default();
    format!("{}: {who}{when}", step.name)
}

#[component]
fn ChainRow(chain: ChainAdminView, groups: Vec<String>, saved: RwSignal<u32>) -> impl IntoView {
    let remove = ServerAction::<DeleteApprovalChain>::new();
    Effect::new(move |_| {
        if matches!(remove.value().get(), Some(Ok(()))) {
            saved.update(|n| *n += 1);
        }
    });
    let mut users = chain.items.clone();
    if chain.in_change_policy {
        users.push(t("chains-change-policy"));
    }
    let used = if users.is_empty() {
        t("chains-unused")
    } else {
        t_with("chains-used-by", &[("users", users.join(", ").into())])
    };
    let key = chain.key.clone();
    let row_key = chain.key.clone();
    let revision = chain.revision.to_string();
    let summary: Vec<String> = chain.chain.steps.iter().map(step_summary).collect();
    view! {
        <li data-testid="chain" data-key=row_key>
            <strong>{chain.name.clone()}</strong>
            <ol class="chain-steps">
                {summary.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ol>
            <p class="muted" data-testid="chain-used">{used}</p>
            <details>
                <summary data-testid="edit-chain">{t("chains-edit")}</summary>
                <ChainForm chain=Some(chain.clone()) groups saved/>
            </details>
            <ActionForm action=remove attr:class="inline-form">
                <input type="hidden" name="key" value=key/>
                <input type="hidden" name="revision" value=revision/>
                <button type="submit" class="btn btn-secondary btn-small" data-testid="delete-chain">{t("chains-delete")}</button>
            </ActionForm>
            {move || form_message(remove.value().get()).map(|m| view! { <p class="field-error" role="alert" data-testid="chain-refused">{m}</p> })}
        </li>
    }
}

/// The form for one chain: empty with two step slots for a new one; filled, with one blank slot
/// to add a step, to change it.
#[component]
fn ChainForm(
    chain: Option<ChainAdminView>,
    groups: Vec<String>,
    saved: RwSignal<u32>,
) -> impl IntoView {
    let save = ServerAction::<SaveApprovalChain>::new();
    Effect::new(move |_| {
        if matches!(save.value().get(), Some(Ok(_))) {
            saved.update(|n| *n += 1);
        }
    });
    let (key, revision, name) = chain
        .as_ref()
        .map_or((String::new(), 0, String::new()), |c| {
            (c.key.clone(), c.revision, c.name.clone())
        });
    let mut steps: Vec<Option<ChainStep>> = chain
        .map(|c| c.chain.steps.into_iter().map(Some).collect())
        .unwrap_or_default();
    let blanks = if steps.is_empty() { 2 } else { 1 };
    steps.extend(std::iter::repeat_n(None, blanks));
    let prefix = if key.is_empty() {
        "chain-new".to_string()
    } else {
        format!("chain-{key}")
    };
    let name_id = format!("{prefix}-name");
    let error = move |field: String| {
        move || {
            field_message(save.value().get(), &field).map(
                |m| view! { <p class="field-error" data-testid=format!("error-{field}")>{m}</p> },
            )
        }
    };
    view! {
        <ActionForm action=save attr:class="stack record-form">
            <input type="hidden" name="key" value=key/>
            <input type="hidden" name="revision" value=revision.to_string()/>
            <div class="field">
                <label for=name_id.clone()>{t("admin-name")}</label>
                <input id=name_id name="name" required value=name data-testid="chain-name"/>
                {error("name".into())}
            </div>
            {steps.into_iter().enumerate().map(|(slot, step)| {
                view! { <StepFields prefix=prefix.clone() index=slot step groups=groups.clone() error/> }
            }).collect_view()}
            {error("steps".into())}
            {move || form_message(save.value().get()).map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            <div class="form-actions">
                <button type="submit" class="btn" data-testid="save-chain">{if revision == 0 { t("chains-create") } else { t("chains-save") }}</button>
            </div>
        </ActionForm>
    }
}

/// One step's slot: its name, who decides, and the optional condition.
#[component]
fn StepFields<E, V>(
    prefix: String,
    index: usize,
    step: Option<ChainStep>,
    groups: Vec<String>,
    error: E,
) -> impl IntoView
where
    E: Fn(String) -> V + Copy + Send + 'static,
    V: IntoView + 'static,
{
    let slot = index;
    let id = |part: &str| format!("{prefix}-step-{slot}-{part}");
    let name = |part: &str| format!("steps[{slot}][{part}]");
    let err = |part: &str| error(format!("step-{slot}-{part}"));
    let (kind, email, group, needed) = match step.as_ref().map(|s| &s.approver) {
        None | Some(Approver::LineManager) => ("line_manager", String::new(), String::new(), None),
        Some(Approver::Person { email }) => ("person", email.clone(), String::new(), None),
        Some(Approver::Group { group, needed }) => {
            ("group", String::new(), group.clone(), Some(*needed))
        }
    };
    let quorum = match needed {
        Some(Needed::Quorum(n)) => n.to_string(),
        _ => String::new(),
    };
    let rule = step
        .as_ref()
        .and_then(|s| s.only_when.as_ref())
        .and_then(|v| v.rules.first().cloned());
    let when_op = rule.as_ref().map_or(Operator::AnyOf, |r| r.op);
    let step_name = step.as_ref().map(|s| s.name.clone()).unwrap_or_default();
    view! {
        <fieldset class="chain-step" data-testid="chain-step">
            <legend>{t_with("chains-step", &[("n", (slot as i64 + 1).into())])}</legend>
            <div class="field">
                <label for=id("name")>{t("chains-step-name")}</label>
                <input id=id("name") name=name("name") value=step_name data-testid="step-name"/>
                <p class="help">{t("chains-step-name-help")}</p>
                {err("name")}
            </div>
            <div class="row">
                <div class="field">
                    <label for=id("approver")>{t("chains-approver")}</label>
                    <select id=id("approver") name=name("approver") data-testid="step-approver">
                        {["line_manager", "person", "group"].into_iter().map(|k| view! {
                            <option value=k selected=k == kind>{t_with("chains-approver-kind", &[("kind", k.into())])}</option>
                        }).collect_view()}
                    </select>
                    {err("approver")}
                </div>
                <div class="field">
                    <label for=id("email")>{t("chains-email")}</label>
                    <input id=id("email") name=name("email") type="email" value=email data-testid="step-email"/>
                    {err("email")}
                </div>
            </div>
            <div class="row">
                <div class="field">
                    <label for=id("group")>{t("chains-group")}</label>
                    <select id=id("group") name=name("group") data-testid="step-group">
                        <option value="" selected=group.is_empty()>"—"</option>
                        {groups.into_iter().map(|g| {
                            let selected = g == group;
                            let label = g.clone();
                            view! { <option value=g selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                    {err("group")}
                </div>
                <div class="field">
                    <label for=id("needed")>{t("chains-needed")}</label>
                    <select id=id("needed") name=name("needed") data-testid="step-needed">
                        {["any_one", "quorum"].into_iter().map(|n| {
                            let selected = (n == "quorum") == matches!(needed, Some(Needed::Quorum(_)));
                            view! { <option value=n selected=selected>{t_with("chains-needed-kind", &[("needed", n.into())])}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=id("quorum")>{t("chains-quorum")}</label>
                    <input id=id("quorum") name=name("quorum") type="number" min="1" inputmode="numeric" value=quorum data-testid="step-quorum"/>
                    {err("quorum")}
                </div>
            </div>
            <div class="row">
                <div class="field">
                    <label for=id("when-field")>{t("chains-when-field")}</label>
                    <input id=id("when-field") name=name("when_field") value=rule.as_ref().map(|r| r.field.clone()).unwrap_or_default() data-testid="step-when-field"/>
                    <p class="help">{t("chains-when-field-help")}</p>
                </div>
                <div class="field">
                    <label for=id("when-op")>{t("chains-when-op")}</label>
                    <select id=id("when-op") name=name("when_op")>
                        {Operator::ALL.into_iter().map(|o| view! {
                            <option value=o.as_str() selected=o == when_op>{operator_words(o)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=id("when-values")>{t("chains-when-values")}</label>
                    <input id=id("when-values") name=name("when_values") value=rule.map(|r| r.values.join(", ")).unwrap_or_default() data-testid="step-when-values"/>
                    {err("when")}
                </div>
            </div>
        </fieldset>
    }
}
