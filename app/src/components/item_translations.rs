//! The catalog builder's translations of one item (issue 21): per language, its name, summary
//! and description, and each field's label, help text and option labels. An input left empty
//! shows the item's own words (its placeholder), so editors translate what matters first. Saved
//! and published with the item; the server checks them again (`domain::translation::problems`).

use crate::domain::translation::{FieldTranslation, ItemTranslation};
use crate::domain::{FieldKind, FormSchema};
use crate::i18n::{i18n, t, t_with, DEFAULT, LANGUAGES};
use crate::model::ItemRecord;
use leptos::prelude::*;

/// Which text of a translation an input edits.
#[derive(Clone, PartialEq)]
enum Part {
    Name,
    Summary,
    Description,
    Label(String),
    Help(String),
    Option(String, String),
}

impl Part {
    /// The key the server names its problem with (`translations.<tag>.<this>`).
    fn key(&self) -> String {
        match self {
            Part::Name => "name".into(),
            Part::Summary => "summary".into(),
            Part::Description => "description".into(),
            Part::Label(field) => format!("fields.{field}.label"),
            Part::Help(field) => format!("fields.{field}.help"),
            Part::Option(field, value) => format!("fields.{field}.options.{value}"),
        }
    }

    fn read(&self, words: &ItemTranslation) -> String {
        let field = |key: &str| words.fields.get(key);
        match self {
            Part::Name => words.name.clone(),
            Part::Summary => words.summary.clone(),
            Part::Description => words.description.clone(),
            Part::Label(key) => field(key).map(|f| f.label.clone()).unwrap_or_default(),
            Part::Help(key) => field(key).map(|f| f.help.clone()).unwrap_or_default(),
            Part::Option(key, value) => field(key)
                .and_then(|f| f.options.get(value).cloned())
                .unwrap_or_default(),
        }
    }

    fn write(&self, words: &mut ItemTranslation, text: String) {
        fn field<'a>(words: &'a mut ItemTranslation, key: &str) -> &'a mut FieldTranslation {
            words.fields.entry(key.to_string()).or_default()
        }
        match self {
            Part::Name => words.name = text,
            Part::Summary => words.summary = text,
            Part::Description => words.description = text,
            Part::Label(key) => field(words, key).label = text,
            Part::Help(key) => field(words, key).help = text,
            Part::Option(key, value) => {
                field(words, key).options.insert(value.clone(), text);
            }
        }
    }
}

/// The languages an item can be translated into: every one the portal has but its own.
pub fn target_languages() -> Vec<&'static str> {
    LANGUAGES
        .iter()
        .copied()
        .filter(|tag| *tag != DEFAULT)
        .collect()
}

#[component]
pub fn ItemTranslations(
    item: RwSignal<ItemRecord>,
    /// The form as the builder has it now: its fields are what can be translated.
    schema: Memo<FormSchema>,
    /// The server's problems by key (`translations.<tag>.…` among them).
    server_errors: RwSignal<crate::domain::validation::FieldErrors>,
    /// The language being translated; the preview reads it when `preview_translated` is on.
    language: RwSignal<String>,
    preview_translated: RwSignal<bool>,
) -> impl IntoView {
    let languages = target_languages();
    let input = move |part: Part, label: String, own: String, long: bool| {
        // An id holds no spaces; options are written words.
        let id: String = format!("translation-{}", part.key())
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let part_key = part.key();
        let error_key = move || format!("translations.{}.{part_key}", language.get());
        let error = {
            let error_key = error_key.clone();
            move || server_errors.with(|e| e.get(&error_key()).cloned())
        };
        let value = {
            let part = part.clone();
            move || {
                let tag = language.get();
                item.with(|i| {
                    i.translations
                        .get(&tag)
                        .map(|w| part.read(w))
                        .unwrap_or_default()
                })
            }
        };
        let on_input = move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            let tag = language.get_untracked();
            item.update(|i| part.write(i.translations.entry(tag).or_default(), text));
            let key = error_key();
            server_errors.update(|e| {
                e.remove(&key);
            });
        };
        let control = if long {
            view! { <textarea id=id.clone() rows="4" placeholder=own prop:value=value on:input=on_input></textarea> }.into_any()
        } else {
            view! { <input id=id.clone() type="text" placeholder=own prop:value=value on:input=on_input/> }.into_any()
        };
        view! {
            <div class="field">
                <label for=id>{label}</label>
                {control}
                {move || error().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            </div>
        }
    };
    let own = move |read: fn(&ItemRecord) -> String| item.with_untracked(read);
    // "Name in German": the item's own inputs above are "Name", "Summary", ….
    let in_language = move |id: &str| {
        t_with(
            id,
            &[("language", i18n().language_name(&language.get()).into())],
        )
    };
    view! {
        <section class="stack" data-testid="item-translations" aria-labelledby="translations-title">
            <h2 id="translations-title">{t("builder-translations")}</h2>
            <p class="help">{t("builder-translations-help")}</p>
            <div class="field">
                <label for="translation-language">{t("builder-language")}</label>
                <select id="translation-language" on:change=move |ev| language.set(event_target_value(&ev))>
                    {languages.into_iter().map(|tag| {
                        let selected = language.get_untracked() == tag;
                        view! { <option value=tag selected=selected>{i18n().language_name(tag)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class="field checkbox-field">
                <input id="translation-preview" type="checkbox" prop:checked=move || preview_translated.get()
                    on:change=move |ev| preview_translated.set(event_target_checked(&ev))/>
                <label for="translation-preview">{t("builder-preview-language")}</label>
            </div>
            // Drawn again for another language, so the labels name it.
            {move || view! {
                {input(Part::Name, in_language("admin-name-in"), own(|i| i.name.clone()), false)}
                {input(Part::Summary, in_language("admin-summary-in"), own(|i| i.summary.clone()), false)}
                {input(Part::Description, in_language("admin-description-in"), own(|i| i.description.clone()), true)}
            }}
            {move || schema.get().fields.into_iter().map(|field| {
                let key = field.key.clone();
                let options = matches!(field.kind, FieldKind::Choice | FieldKind::MultiChoice)
                    .then(|| field.options.clone())
                    .unwrap_or_default();
                view! {
                    <fieldset class="stack translation-field" data-field=key.clone()>
                        <legend>{t_with("builder-field", &[("label", field.label.as_str().into())])}</legend>
                        {input(Part::Label(key.clone()), t("builder-label"), field.label.clone(), false)}
                        {input(Part::Help(key.clone()), t("builder-help-text"), field.help.clone().unwrap_or_default(), false)}
                        {options.into_iter().map(|option| {
                            input(Part::Option(key.clone(), option.clone()), t_with("builder-option", &[("option", option.as_str().into())]), option.clone(), false)
                        }).collect_view()}
                    </fieldset>
                }
            }).collect_view()}
        </section>
    }
}
