//! The form builder: a catalog item's fields, each edited in place — label, key, kind, help,
//! required, options, limits, pattern, and the conditions that show it — moved up and down by
//! buttons (keyboard-friendly), added and removed. Every problem `FormSchema::problems` finds
//! is shown beside its field as it happens, and so are the server's.

use crate::domain::validation::FieldErrors;
use crate::domain::{Condition, Field, FieldKind, FormSchema, Join, Operator, Visibility};
use crate::i18n::form::operator_words;
use crate::i18n::{t, t_with, Arg};
use leptos::prelude::*;

/// Every kind a field may be, by the name the form stores.
pub const KINDS: [(FieldKind, &str); 13] = [
    (FieldKind::Text, "text"),
    (FieldKind::LongText, "long_text"),
    (FieldKind::Number, "number"),
    (FieldKind::Date, "date"),
    (FieldKind::Choice, "choice"),
    (FieldKind::MultiChoice, "multi_choice"),
    (FieldKind::YesNo, "yes_no"),
    (FieldKind::Email, "email"),
    (FieldKind::Store, "store"),
    (FieldKind::Asset, "asset"),
    (FieldKind::Attachment, "attachment"),
    (FieldKind::Impact, "impact"),
    (FieldKind::Urgency, "urgency"),
];

/// A kind as the builder names it ("One choice from a list").
fn kind_name(name: &str) -> String {
    t_with("builder-kind-name", &[("kind", name.into())])
}

fn kind_from(name: &str) -> FieldKind {
    KINDS
        .iter()
        .find(|(_, n)| *n == name)
        .map_or(FieldKind::Text, |(k, _)| *k)
}

/// A field in the builder, with an id that stays with it while it moves.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    id: u64,
    field: Field,
}

/// The builder's state: the fields in order, the schema they make, and its problems by
/// position.
#[derive(Clone, Copy)]
pub struct FormRows {
    rows: RwSignal<Vec<Row>>,
    next_id: StoredValue<u64>,
    pub schema: Memo<FormSchema>,
    pub problems: Memo<Vec<(usize, String)>>,
}

impl FormRows {
    pub fn new(form: FormSchema) -> Self {
        let count = form.fields.len() as u64;
        let rows = RwSignal::new(
            form.fields
                .into_iter()
                .enumerate()
                .map(|(i, field)| Row {
                    id: i as u64,
                    field,
                })
                .collect::<Vec<_>>(),
        );
        let schema = Memo::new(move |_| FormSchema {
            fields: rows.with(|r| r.iter().map(|r| r.field.clone()).collect()),
        });
        let problems = Memo::new(move |_| {
            schema.with(|s| {
                s.problems()
                    .into_iter()
                    .map(|(i, p)| (i, crate::i18n::i18n().say(&p.say())))
                    .collect()
            })
        });
        FormRows {
            rows,
            next_id: StoredValue::new(count),
            schema,
            problems,
        }
    }

    fn position(&self, id: u64) -> Option<usize> {
        self.rows.with(|r| r.iter().position(|row| row.id == id))
    }

    fn with_field<T>(&self, id: u64, read: impl FnOnce(&Field) -> T) -> Option<T> {
        self.rows.with(|r| {
            r.iter()
                .find(|row| row.id == id)
                .map(|row| read(&row.field))
        })
    }

    fn edit(&self, id: u64, change: impl FnOnce(&mut Field)) {
        self.rows.update(|r| {
            if let Some(row) = r.iter_mut().find(|row| row.id == id) {
                change(&mut row.field);
            }
        });
    }

    fn add(&self) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.rows.update(|r| {
            // A key no other field has yet: field_1, field_2…
            let key = (r.len() + 1..)
                .map(|n| format!("field_{n}"))
                .find(|k| !r.iter().any(|row| &row.field.key == k))
                .unwrap_or_default();
            r.push(Row {
                id,
                field: Field::new(&key, &t("builder-new-question"), FieldKind::Text),
            });
        });
    }

    fn shift(&self, id: u64, up: bool) {
        self.rows.update(|r| {
            let Some(i) = r.iter().position(|row| row.id == id) else {
                return;
            };
            let j = if up { i.checked_sub(1) } else { Some(i + 1) };
            if let Some(j) = j.filter(|j| *j < r.len()) {
                r.swap(i, j);
            }
        });
    }

    fn remove(&self, id: u64) {
        self.rows.update(|r| r.retain(|row| row.id != id));
    }

    /// The fields above `id`, as a condition may name them: (key, label).
    fn earlier(&self, id: u64) -> Vec<(String, String)> {
        self.rows.with(|r| {
            r.iter()
                .take_while(|row| row.id != id)
                .map(|row| (row.field.key.clone(), row.field.label.clone()))
                .collect()
        })
    }
}

#[component]
pub fn FormBuilder(rows: FormRows, server_errors: RwSignal<FieldErrors>) -> impl IntoView {
    let ids = move || {
        rows.rows
            .with(|r| r.iter().map(|row| row.id).collect::<Vec<_>>())
    };
    view! {
        <div class="form-builder" data-testid="form-builder">
            <Show when=move || rows.rows.with(Vec::is_empty)>
                <p class="empty-state">{t("builder-no-fields")}</p>
            </Show>
            <ol class="builder-fields">
                <For each=ids key=|id| *id let:id>
                    <FieldEditor id rows server_errors/>
                </For>
            </ol>
            {move || server_errors.with(|e| e.get("form").cloned()).map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            <button type="button" class="btn" data-testid="add-field" on:click=move |_| rows.add()>{t("builder-add-field")}</button>
        </div>
    }
}

/// One field in the builder.
#[component]
fn FieldEditor(id: u64, rows: FormRows, server_errors: RwSignal<FieldErrors>) -> impl IntoView {
    let position = Memo::new(move |_| rows.position(id).unwrap_or(0));
    let count = Memo::new(move |_| rows.rows.with(Vec::len));
    let get =
        move |read: fn(&Field) -> String| move || rows.with_field(id, read).unwrap_or_default();
    let kind = Memo::new(move |_| rows.with_field(id, |f| f.kind).unwrap_or(FieldKind::Text));
    let problem = move || {
        let at = position.get();
        server_errors
            .with(|e| e.get(&crate::model::form_field_key(at)).cloned())
            .or_else(|| {
                rows.problems
                    .with(|p| p.iter().find(|(i, _)| *i == at).map(|(_, m)| m.clone()))
            })
    };
    let clear = move || {
        let key = crate::model::form_field_key(position.get_untracked());
        server_errors.update(|e| {
            e.remove(&key);
        });
    };
    let uid = move |part: &str| format!("builder-{id}-{part}");
    let heading = move || {
        t_with(
            "builder-field-heading",
            &[
                ("number", Arg::count(position.get() + 1)),
                (
                    "label",
                    rows.with_field(id, |f| f.label.clone())
                        .unwrap_or_default()
                        .into(),
                ),
            ],
        )
    };
    let text_input = move |part: &'static str,
                           label: String,
                           read: fn(&Field) -> String,
                           write: fn(&mut Field, String)| {
        view! {
            <div class="field">
                <label for=uid(part)>{label}</label>
                <input id=uid(part) type="text" data-testid=format!("builder-{part}") prop:value=get(read)
                    on:input=move |ev| { let v = event_target_value(&ev); rows.edit(id, |f| write(f, v)); clear(); }/>
            </div>
        }
    };
    let number_input = move |part: &'static str,
                             label: String,
                             read: fn(&Field) -> Option<f64>,
                             write: fn(&mut Field, Option<f64>)| {
        view! {
            <div class="field field-narrow">
                <label for=uid(part)>{label}</label>
                <input id=uid(part) type="number" step="any" data-testid=format!("builder-{part}")
                    prop:value=move || rows.with_field(id, read).flatten().map(|n| n.to_string()).unwrap_or_default()
                    on:input=move |ev| {
                        let v = event_target_value(&ev).trim().parse::<f64>().ok().filter(|n| n.is_finite());
                        rows.edit(id, |f| write(f, v));
                        clear();
                    }/>
            </div>
        }
    };
    let is_last = move || position.get() + 1 >= count.get();
    let has_options = move || matches!(kind.get(), FieldKind::Choice | FieldKind::MultiChoice);
    let has_limits = move || {
        matches!(
            kind.get(),
            FieldKind::Text | FieldKind::LongText | FieldKind::Number | FieldKind::MultiChoice
        )
    };
    let has_pattern = move || kind.get() == FieldKind::Text;
    let limit_words = move || match kind.get() {
        FieldKind::Number => (t("builder-lowest"), t("builder-highest")),
        FieldKind::MultiChoice => (t("builder-fewest-choices"), t("builder-most-choices")),
        _ => (t("builder-fewest-chars"), t("builder-most-chars")),
    };

    view! {
        <li class="builder-field" data-testid="builder-field">
            <fieldset>
                <legend>{heading}</legend>
                {move || problem().map(|p| view! { <p class="field-error" role="alert" data-testid="builder-problem">{p}</p> })}
                {text_input("label", t("builder-question"), |f| f.label.clone(), |f, v| f.label = v)}
                {text_input("key", t("builder-key"), |f| f.key.clone(), |f, v| f.key = v.trim().to_string())}
                <div class="field">
                    <label for=uid("kind")>{t("admin-device-kind")}</label>
                    <select id=uid("kind") data-testid="builder-kind"
                        on:change=move |ev| { let k = kind_from(&event_target_value(&ev)); rows.edit(id, |f| f.kind = k); clear(); }>
                        {KINDS.iter().map(|(k, name)| {
                            let k = *k;
                            view! { <option value=*name selected=move || kind.get() == k>{kind_name(name)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field checkbox-field">
                    <input id=uid("required") type="checkbox" data-testid="builder-required"
                        prop:checked=move || rows.with_field(id, |f| f.required).unwrap_or(false)
                        on:change=move |ev| { let on = event_target_checked(&ev); rows.edit(id, |f| f.required = on); }/>
                    <label for=uid("required")>{t("builder-required")}</label>
                </div>
                {text_input("help", t("builder-help-text"), |f| f.help.clone().unwrap_or_default(), |f, v| f.help = (!v.trim().is_empty()).then_some(v))}
                <Show when=has_options>
                    <div class="field">
                        <label for=uid("options")>{t("builder-options")}</label>
                        <textarea id=uid("options") rows="4" data-testid="builder-options"
                            prop:value=move || rows.with_field(id, |f| f.options.join("\n")).unwrap_or_default()
                            on:input=move |ev| {
                                let options: Vec<String> = event_target_value(&ev).lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
                                rows.edit(id, |f| f.options = options);
                                clear();
                            }></textarea>
                    </div>
                </Show>
                <Show when=has_limits>
                    <div class="field-row">
                        {move || { let (low, _) = limit_words(); number_input("min", low, |f| f.min, |f, v| f.min = v) }}
                        {move || { let (_, high) = limit_words(); number_input("max", high, |f| f.max, |f, v| f.max = v) }}
                    </div>
                </Show>
                <Show when=has_pattern>
                    {text_input("pattern", t("builder-pattern"), |f| f.pattern.clone().unwrap_or_default(), |f, v| f.pattern = (!v.trim().is_empty()).then_some(v))}
                    {text_input("pattern_hint", t("builder-pattern-hint"), |f| f.pattern_hint.clone().unwrap_or_default(), |f, v| f.pattern_hint = (!v.trim().is_empty()).then_some(v))}
                </Show>
                <ConditionsEditor id rows/>
                <div class="builder-actions">
                    <button type="button" class="btn btn-small" data-testid="builder-up"
                        disabled=move || position.get() == 0 on:click=move |_| rows.shift(id, true)>{t("builder-move-up")}</button>
                    <button type="button" class="btn btn-small" data-testid="builder-down"
                        disabled=is_last on:click=move |_| rows.shift(id, false)>{t("builder-move-down")}</button>
                    <button type="button" class="btn btn-small btn-danger" data-testid="builder-remove"
                        on:click=move |_| rows.remove(id)>{t("groups-remove")}</button>
                </div>
            </fieldset>
        </li>
    }
}

/// "Show this field only if…": conditions on earlier fields, joined with all or any.
#[component]
fn ConditionsEditor(id: u64, rows: FormRows) -> impl IntoView {
    let rule_count = Memo::new(move |_| {
        rows.with_field(id, |f| f.visible_when.as_ref().map_or(0, |v| v.rules.len()))
            .unwrap_or(0)
    });
    let join = Memo::new(move |_| {
        rows.with_field(id, |f| {
            f.visible_when.as_ref().map_or(Join::All, |v| v.join)
        })
        .unwrap_or(Join::All)
    });
    let edit_rules = move |change: Box<dyn FnOnce(&mut Visibility)>| {
        rows.edit(id, |f| {
            let mut when = f.visible_when.take().unwrap_or(Visibility {
                join: Join::All,
                rules: vec![],
            });
            change(&mut when);
            f.visible_when = (!when.rules.is_empty()).then_some(when);
        })
    };
    let add = move |_| {
        let first = rows
            .earlier(id)
            .into_iter()
            .next()
            .map(|(k, _)| k)
            .unwrap_or_default();
        edit_rules(Box::new(move |w| {
            w.rules
                .push(Condition::new(&first, Operator::Answered, &[]))
        }));
    };
    let uid = move |part: String| format!("builder-{id}-{part}");
    let several = move || rule_count.get() > 1;
    view! {
        <div class="builder-conditions">
            <Show when=move || rule_count.get() == 0>
                <p class="muted">{t("builder-always")}</p>
            </Show>
            <Show when=several>
                <div class="field">
                    <label for=uid("join".into())>{t("builder-show-when")}</label>
                    <select id=uid("join".into()) data-testid="builder-join"
                        on:change=move |ev| {
                            let j = if event_target_value(&ev) == "any" { Join::Any } else { Join::All };
                            edit_rules(Box::new(move |w| w.join = j));
                        }>
                        <option value="all" selected=move || join.get() == Join::All>{t("builder-all-hold")}</option>
                        <option value="any" selected=move || join.get() == Join::Any>{t("builder-any-holds")}</option>
                    </select>
                </div>
            </Show>
            {move || (0..rule_count.get()).map(|index| view! { <RuleEditor id index rows/> }).collect_view()}
            <button type="button" class="btn btn-small" data-testid="builder-add-condition"
                disabled=move || position_is_first(rows, id) on:click=add>{t("builder-show-only-if")}</button>
        </div>
    }
}

fn position_is_first(rows: FormRows, id: u64) -> bool {
    rows.position(id) == Some(0)
}

/// One condition: an earlier field, how to compare, and the value(s).
#[component]
fn RuleEditor(id: u64, index: usize, rows: FormRows) -> impl IntoView {
    let rule = move || {
        rows.with_field(id, |f| {
            f.visible_when
                .as_ref()
                .and_then(|w| w.rules.get(index).cloned())
        })
        .flatten()
    };
    let edit = move |change: Box<dyn FnOnce(&mut Condition)>| {
        rows.edit(id, |f| {
            if let Some(rule) = f.visible_when.as_mut().and_then(|w| w.rules.get_mut(index)) {
                change(rule);
            }
        })
    };
    let uid = move |part: &str| format!("builder-{id}-rule-{index}-{part}");
    let op = Memo::new(move |_| rule().map_or(Operator::Answered, |r| r.op));
    view! {
        <div class="builder-rule field-row" data-testid="builder-rule">
            <div class="field">
                <label for=uid("field")>{t("builder-only-if")}</label>
                <select id=uid("field") data-testid="builder-rule-field"
                    on:change=move |ev| { let k = event_target_value(&ev); edit(Box::new(move |r| r.field = k)); }>
                    {move || {
                        let current = rule().map(|r| r.field).unwrap_or_default();
                        rows.earlier(id).into_iter().map(|(key, label)| {
                            let selected = key == current;
                            view! { <option value=key.clone() selected=selected>{format!("{label} ({key})")}</option> }
                        }).collect_view()
                    }}
                </select>
            </div>
            <div class="field">
                <label for=uid("op")>{t("builder-test")}</label>
                <select id=uid("op") data-testid="builder-rule-op"
                    on:change=move |ev| {
                        let o = Operator::parse(&event_target_value(&ev)).unwrap_or_default();
                        edit(Box::new(move |r| {
                            r.op = o;
                            if o == Operator::Answered { r.values.clear(); }
                        }));
                    }>
                    {Operator::ALL.into_iter().map(|o| view! {
                        <option value=o.as_str() selected=move || op.get() == o>{operator_words(o)}</option>
                    }).collect_view()}
                </select>
            </div>
            <Show when=move || op.get() != Operator::Answered>
                <div class="field">
                    <label for=uid("values")>{move || if op.get() == Operator::AnyOf { t("builder-values") } else { t("builder-value") }}</label>
                    <input id=uid("values") type="text" data-testid="builder-rule-values"
                        prop:value=move || rule().map(|r| r.values.join(", ")).unwrap_or_default()
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            edit(Box::new(move |r| {
                                r.values = if r.op == Operator::AnyOf {
                                    text.split(',').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect()
                                } else if text.trim().is_empty() {
                                    vec![]
                                } else {
                                    vec![text.trim().to_string()]
                                };
                            }));
                        }/>
                </div>
            </Show>
            <button type="button" class="btn btn-small" data-testid="builder-rule-remove"
                on:click=move |_| rows.edit(id, |f| {
                    if let Some(w) = f.visible_when.as_mut() {
                        if index < w.rules.len() { w.rules.remove(index); }
                        if w.rules.is_empty() { f.visible_when = None; }
                    }
                })>{t("builder-remove-condition")}</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_name_that_reads_back() {
        for (kind, name) in KINDS {
            assert_eq!(kind_from(name), kind);
            // The names are the stored (serde) names, so a schema reads the same everywhere.
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{name}\""));
        }
    }
}
