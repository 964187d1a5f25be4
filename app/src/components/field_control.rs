//! One form field: label, help, the control for its kind, and its error message.
//!
//! Controls carry both the `value` attribute (so the server-rendered page shows answers kept
//! after a failed plain-HTML submit) and the `value` property (so a restored draft shows after
//! hydration). Names are `f.<key>`, which the plain form post reads back.

use super::request_form::FormState;
use crate::domain::priority::{Level, PriorityMatrix};
use crate::domain::{Field, FieldKind};
use crate::model::{AssetOption, StoreOption};
use leptos::prelude::*;

#[component]
pub fn FieldControl(
    field: Field,
    state: FormState,
    stores: StoredValue<Vec<StoreOption>>,
    assets: StoredValue<Vec<AssetOption>>,
    /// The priority matrix, for impact and urgency fields.
    matrix: StoredValue<Option<PriorityMatrix>>,
    /// "Only if … is …", shown while the page runs without scripts.
    condition: Option<String>,
) -> impl IntoView {
    let hydrated = expect_context::<crate::app::Hydrated>().0;
    let condition = condition.map(|c| {
        view! { <Show when=move || !hydrated.get()><p class="help condition-hint">{c.clone()}</p></Show> }
    });
    let key = StoredValue::new(field.key.clone());
    let id = format!("field-{}", field.key);
    let error_id = format!("{id}-error");
    let help_id = format!("{id}-help");
    let error = move || key.with_value(|k| state.error(k));
    let has_error = move || error().is_some();
    let described_by = {
        let (e, h) = (error_id.clone(), help_id.clone());
        let has_help = field.help.is_some();
        move || {
            let mut ids = Vec::new();
            if has_help {
                ids.push(h.clone());
            }
            if has_error() {
                ids.push(e.clone());
            }
            ids.join(" ")
        }
    };
    let grouped = matches!(
        field.kind,
        FieldKind::MultiChoice | FieldKind::YesNo | FieldKind::Impact | FieldKind::Urgency
    );
    let label = view! {
        <span>
            {field.label.clone()}
            {field.required.then(|| view! { <span class="required-mark" aria-hidden="true">" *"</span> })}
        </span>
    };
    let help = field
        .help
        .clone()
        .map(|h| view! { <p class="help" id=help_id.clone()>{h}</p> });
    let control = control_for(
        &field,
        &id,
        state,
        Lists {
            stores,
            assets,
            matrix,
        },
        described_by.clone(),
    );
    // Not an alert: after a refused submit focus moves to the first field to fix, whose
    // `aria-describedby` reads this out; an alert as well would say every error at once, twice.
    let error_view = move || {
        error().map(|e| {
            view! { <p class="field-error" id=error_id.clone()>{e}</p> }
        })
    };
    let class = move || match (grouped, has_error()) {
        (true, true) => "field choice-group has-error",
        (true, false) => "field choice-group",
        (false, true) => "field has-error",
        (false, false) => "field",
    };
    let testid = format!("field-{}", field.key);

    if grouped {
        view! {
            <fieldset class=class data-testid=testid aria-describedby=described_by>
                <legend>{label}</legend>
                {condition}
                {help}
                {control}
                {error_view}
            </fieldset>
        }
        .into_any()
    } else {
        view! {
            <div class=class data-testid=testid>
                <label for=id.clone()>{label}</label>
                {condition}
                {help}
                {control}
                {error_view}
            </div>
        }
        .into_any()
    }
}

/// The lists some kinds of field pick from.
struct Lists {
    stores: StoredValue<Vec<StoreOption>>,
    assets: StoredValue<Vec<AssetOption>>,
    matrix: StoredValue<Option<PriorityMatrix>>,
}

fn control_for(
    field: &Field,
    id: &str,
    state: FormState,
    lists: Lists,
    described_by: impl Fn() -> String + Send + Sync + Clone + 'static,
) -> AnyView {
    let Lists {
        stores,
        assets,
        matrix,
    } = lists;
    let key = field.key.clone();
    let name = format!("f.{}", field.key);
    let required = field.required;
    let first = {
        let key = key.clone();
        move || state.values(&key).into_iter().next().unwrap_or_default()
    };
    let set_one = {
        let key = key.clone();
        move |value: String| {
            state.set(
                &key,
                if value.is_empty() {
                    vec![]
                } else {
                    vec![value]
                },
            )
        }
    };
    let touch = {
        let key = key.clone();
        move |_| state.touch(&key)
    };
    let invalid = {
        let key = key.clone();
        move || state.error(&key).is_some().to_string()
    };
    let id = id.to_string();

    match field.kind {
        FieldKind::Text | FieldKind::Email | FieldKind::Number | FieldKind::Date => {
            let (input_type, mode) = match field.kind {
                FieldKind::Email => ("email", "email"),
                FieldKind::Number => ("text", "decimal"),
                FieldKind::Date => ("date", "text"),
                _ => ("text", "text"),
            };
            let max_len = field
                .max
                .filter(|_| field.kind == FieldKind::Text)
                .map(|m| m.to_string());
            view! {
                <input
                    id=id
                    name=name
                    type=input_type
                    inputmode=mode
                    maxlength=max_len
                    aria-required=required.to_string()
                    aria-invalid=invalid
                    aria-describedby=described_by
                    value=first.clone()
                    prop:value=first
                    on:input=move |ev| set_one(event_target_value(&ev))
                    on:blur=touch
                />
            }
            .into_any()
        }
        FieldKind::LongText => view! {
            <textarea
                id=id
                name=name
                rows="5"
                aria-required=required.to_string()
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=first.clone()
                on:input=move |ev| set_one(event_target_value(&ev))
                on:blur=touch
            >
                {first()}
            </textarea>
        }
        .into_any(),
        FieldKind::Choice | FieldKind::Store | FieldKind::Asset => {
            let options: Box<dyn Fn() -> Vec<(String, String)> + Send + Sync> = match field.kind {
                FieldKind::Choice => {
                    let opts: Vec<(String, String)> = field
                        .options
                        .iter()
                        .map(|o| (o.clone(), field.option_label(o).to_string()))
                        .collect();
                    Box::new(move || opts.clone())
                }
                FieldKind::Store => Box::new(move || {
                    stores.with_value(|s| {
                        s.iter()
                            .map(|s| (s.code.clone(), format!("{} – {}", s.code, s.name)))
                            .collect()
                    })
                }),
                _ => {
                    // Only the devices of the chosen store, once a store is chosen.
                    Box::new(move || {
                        let store = state.answers.with(|a| {
                            state
                                .schema
                                .with_value(|s| s.chosen_store(a).map(str::to_string))
                        });
                        assets.with_value(|all| {
                            all.iter()
                                .filter(|a| store.as_ref().is_none_or(|s| &a.store == s))
                                .map(|a| (a.tag.clone(), format!("{} ({})", a.name, a.tag)))
                                .collect()
                        })
                    })
                }
            };
            let options = StoredValue::new(options);
            let selected_value = first.clone();
            view! {
                <select
                    id=id
                    name=name
                    aria-required=required.to_string()
                    aria-invalid=invalid
                    aria-describedby=described_by
                    prop:value=first.clone()
                    on:change=move |ev| set_one(event_target_value(&ev))
                    on:blur=touch
                >
                    <option value="">{crate::i18n::t("field-choose")}</option>
                    {move || {
                        let current = selected_value();
                        options.with_value(|o| o()).into_iter().map(|(value, label)| {
                            let selected = value == current;
                            view! { <option value=value selected=selected>{label}</option> }
                        }).collect_view()
                    }}
                </select>
            }
            .into_any()
        }
        FieldKind::MultiChoice => {
            let options: Vec<(String, String)> = field
                .options
                .iter()
                .map(|o| (o.clone(), field.option_label(o).to_string()))
                .collect();
            view! {
                <div class="choices">
                    {options.into_iter().enumerate().map(|(i, (option, label))| {
                        let key = key.clone();
                        let checked = {
                            let (key, option) = (key.clone(), option.clone());
                            move || state.values(&key).contains(&option)
                        };
                        let toggle = {
                            let option = option.clone();
                            move |ev| {
                                let on = event_target_checked(&ev);
                                let mut values = state.values(&key);
                                values.retain(|v| v != &option);
                                if on {
                                    values.push(option.clone());
                                }
                                state.set(&key, values);
                                state.touch(&key);
                            }
                        };
                        view! {
                            <label class="choice">
                                <input type="checkbox" name=name.clone() value=option.clone()
                                    id=format!("{id}-{i}")
                                    checked=checked.clone() prop:checked=checked on:change=toggle/>
                                <span>{label}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
        FieldKind::YesNo => view! {
            <div class="choices row">
                {[("yes", crate::i18n::t("field-yes")), ("no", crate::i18n::t("field-no"))].into_iter().map(|(value, label)| {
                    let checked = {
                        let first = first.clone();
                        move || first() == value
                    };
                    let set_one = set_one.clone();
                    let key = key.clone();
                    view! {
                        <label class="choice">
                            <input type="radio" name=name.clone() value=value id=format!("{id}-{value}")
                                checked=checked.clone() prop:checked=checked
                                on:change=move |_| { set_one(value.to_string()); state.touch(&key); }/>
                            <span>{label}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        }
        .into_any(),
        FieldKind::Attachment => view! { <AttachmentInput id name key state described_by/> }.into_any(),
        FieldKind::Impact | FieldKind::Urgency => {
            // Each level in words, with a line saying what it means: people pick their
            // situation, not a number.
            let levels: Vec<Level> = matrix.with_value(|m| {
                m.as_ref()
                    .map(|m| {
                        if field.kind == FieldKind::Impact {
                            m.impacts.clone()
                        } else {
                            m.urgencies.clone()
                        }
                    })
                    .unwrap_or_default()
            });
            view! {
                <div class="choices levels">
                    {levels.into_iter().map(|level| {
                        let value = level.key.clone();
                        let checked = {
                            let (first, value) = (first.clone(), value.clone());
                            move || first() == value
                        };
                        let set_one = set_one.clone();
                        let key = key.clone();
                        let pick = value.clone();
                        view! {
                            <label class="choice level">
                                <input type="radio" name=name.clone() value=value.clone()
                                    id=format!("{id}-{value}")
                                    checked=checked.clone() prop:checked=checked
                                    on:change=move |_| { set_one(pick.clone()); state.touch(&key); }/>
                                <span>
                                    <strong>{level.label}</strong>
                                    {(!level.help.is_empty()).then(|| view! { <small class="muted">{level.help}</small> })}
                                </span>
                            </label>
                        }
                    }).collect_view()}
                </div>
            }
            .into_any()
        }
    }
}

/// A file picker. With JavaScript the file uploads as soon as it is chosen and the answer becomes
/// its id; without, the file travels with the form.
#[component]
fn AttachmentInput(
    id: String,
    name: String,
    key: String,
    #[cfg_attr(not(feature = "hydrate"), allow(unused_variables))] state: FormState,
    described_by: impl Fn() -> String + Send + Sync + Clone + 'static,
) -> impl IntoView {
    let status = RwSignal::new(None::<String>);
    let on_change = {
        let key = key.clone();
        move |ev: leptos::ev::Event| {
            #[cfg(feature = "hydrate")]
            {
                use wasm_bindgen::JsCast;
                let Some(input) = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                else {
                    return;
                };
                let Some(file) = input.files().and_then(|f| f.get(0)) else {
                    state.set(&key, vec![]);
                    return;
                };
                let key = key.clone();
                let online = crate::offline::DeviceState::get().online;
                let i18n = crate::i18n::i18n();
                let about =
                    move |id: &str, name: String| Some(i18n.t_with(id, &[("file", name.into())]));
                leptos::task::spawn_local(async move {
                    status.try_set(about("upload-preparing", file.name()));
                    let file = crate::offline::photo::shrink(file).await;
                    let uploaded = if online.get_untracked() {
                        status.try_set(about("upload-sending", file.name()));
                        let form =
                            web_sys::FormData::new().expect("FormData is available in browsers");
                        let _ = form.append_with_blob_and_filename("file", &file, &file.name());
                        crate::api::attachments::upload_attachment(form.into()).await
                    } else {
                        Err(crate::model::AppError::transport("offline"))
                    };
                    match uploaded {
                        Ok(view) => {
                            status.try_set(about("upload-attached", view.file_name.clone()));
                            state.set(&key, vec![view.id.to_string()]);
                        }
                        // No network: the file waits on the device and the outbox uploads it
                        // before it sends the form.
                        Err(crate::model::AppError::Transport { .. }) => {
                            match keep_on_device(&file).await {
                                Ok(local) => {
                                    status.try_set(about("upload-kept", file.name()));
                                    state.set(&key, vec![local]);
                                }
                                Err(e) => {
                                    status.try_set(None);
                                    state.server_errors.update(|errors| {
                                        errors.insert(
                                            key.clone(),
                                            i18n.t_with(
                                                "upload-not-kept",
                                                &[("error", e.to_string().into())],
                                            ),
                                        );
                                    });
                                }
                            }
                        }
                        Err(e) => {
                            status.try_set(None);
                            state.set(&key, vec![]);
                            state.server_errors.update(|errors| {
                                let message = e
                                    .field_errors()
                                    .and_then(|f| f.values().next().cloned())
                                    .unwrap_or_else(|| e.to_string());
                                errors.insert(key.clone(), message);
                            });
                        }
                    }
                    state.touch(&key);
                });
            }
            #[cfg(not(feature = "hydrate"))]
            let _ = (ev, &key);
        }
    };
    view! {
        <input id=id name=name type="file" accept="image/*,application/pdf,text/plain"
            aria-describedby=described_by on:change=on_change/>
        {move || status.get().map(|s| view! { <p class="muted" role="status">{s}</p> })}
    }
}

/// Stores a chosen file in IndexedDB and returns the answer that names it.
#[cfg(feature = "hydrate")]
async fn keep_on_device(file: &web_sys::File) -> Result<String, String> {
    let id = format!(
        "{}{}",
        crate::domain::validation::DEVICE_FILE_PREFIX,
        crate::offline::device_key()
    );
    crate::idb::put_js(crate::idb::FILES, &id, file.clone().into()).await?;
    Ok(id)
}
