//! A catalog item in other languages (issue 21): its name, summary and description, and its
//! form's labels, help texts and option labels, written by the catalog's editors per language.
//! What a reader sees is the translation where there is one and the item's own words where
//! there is not, word by word, so a half-translated item still reads whole. The answers stay
//! the options' own values (the item's words): a ticket reads the same in every language and
//! reports do not split by language.

use super::form::{FieldKind, FormSchema};
use super::say::{say_with, Problems};
use crate::search::text::Language;
use crate::search::Document;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The longest translated text of a field (labels, help texts, option labels).
pub const MAX_FIELD_TEXT: usize = 500;
/// The longest translated name or summary.
pub const MAX_NAME: usize = 200;
/// The longest translated description.
pub const MAX_DESCRIPTION: usize = 20_000;

/// An item in one language. An empty text is "not translated".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemTranslation {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// By field key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, FieldTranslation>,
}

/// One field in one language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldTranslation {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub help: String,
    /// The option's label by its value (the option as the item's form names it).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub options: BTreeMap<String, String>,
}

/// An item's translations by language tag.
pub type Translations = BTreeMap<String, ItemTranslation>;

/// A catalog category in one language. An empty text is "not translated".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CategoryTranslation {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
}

/// A category's translations by language tag.
pub type CategoryTranslations = BTreeMap<String, CategoryTranslation>;

/// An item's translations with texts trimmed and empty languages dropped.
pub fn tidy_items(translations: Translations) -> Translations {
    translations
        .into_iter()
        .map(|(tag, words)| (tag, words.tidy()))
        .filter(|(_, words)| !words.is_empty())
        .collect()
}

/// A category's translations with texts trimmed and empty languages dropped.
pub fn tidy_categories(translations: CategoryTranslations) -> CategoryTranslations {
    translations
        .into_iter()
        .map(|(tag, words)| {
            let words = CategoryTranslation {
                name: words.name.trim().to_string(),
                description: words.description.trim().to_string(),
            };
            (tag, words)
        })
        .filter(|(_, words)| !(words.name.is_empty() && words.description.is_empty()))
        .collect()
}

/// What is wrong with a category's translations: a language the portal lacks or its own, a
/// text too long. Keys: `translations.<tag>.<what>`.
pub fn category_problems(
    translations: &CategoryTranslations,
    languages: &[&str],
    own: &str,
) -> Problems {
    let mut found = Problems::new();
    for (tag, words) in translations {
        let at = |what: &str| format!("translations.{tag}.{what}");
        if let Some(problem) = language_problem(tag, languages, own) {
            found.insert(at("language"), problem);
            continue;
        }
        for (key, text) in [("name", &words.name), ("description", &words.description)] {
            if text.chars().count() > MAX_NAME {
                found.insert(at(key), too_long(MAX_NAME));
            }
        }
    }
    found
}

impl ItemTranslation {
    /// Nothing is translated.
    pub fn is_empty(&self) -> bool {
        self.name.is_empty()
            && self.summary.is_empty()
            && self.description.is_empty()
            && self.fields.values().all(FieldTranslation::is_empty)
    }

    /// The same with empty texts dropped and texts trimmed, so what is kept is what shows.
    pub fn tidy(mut self) -> ItemTranslation {
        self.name = self.name.trim().to_string();
        self.summary = self.summary.trim().to_string();
        self.description = self.description.trim().to_string();
        for field in self.fields.values_mut() {
            field.label = field.label.trim().to_string();
            field.help = field.help.trim().to_string();
            field.options = std::mem::take(&mut field.options)
                .into_iter()
                .map(|(value, label)| (value, label.trim().to_string()))
                .filter(|(_, label)| !label.is_empty())
                .collect();
        }
        self.fields.retain(|_, field| !field.is_empty());
        self
    }
}

impl FieldTranslation {
    pub fn is_empty(&self) -> bool {
        self.label.is_empty() && self.help.is_empty() && self.options.is_empty()
    }
}

/// Picks `translated` when it says something, else the item's own `words`.
pub fn or_own(translated: &str, own: &str) -> String {
    if translated.trim().is_empty() {
        own.to_string()
    } else {
        translated.to_string()
    }
}

/// The search index's documents for an item (`own`, in the catalog's language) and its
/// translations: one per language, in the item's group, so a reader finds the item by the
/// words of their language and sees its name in them; the keywords are the item's own in
/// every version (editors do not translate them, and people type them as they are). The
/// versions share the item's key (its page); a search lists one of them, as each is in its
/// own language and only when none of the reader's matches are the others searched.
pub fn item_documents(own: Document, translations: &Translations) -> Vec<Document> {
    let mut documents = Vec::with_capacity(1 + translations.len());
    for (tag, words) in translations {
        let language = Language::of_locale(tag);
        if language == own.language {
            // No stemmer of its own: the version the index has would only repeat the item.
            continue;
        }
        documents.push(Document {
            title: or_own(&words.name, &own.title),
            summary: or_own(&words.summary, &own.summary),
            body: or_own(&words.description, &own.body),
            language,
            ..own.clone()
        });
    }
    documents.insert(0, own);
    documents
}

/// `schema` as a reader of `translation` sees it: labels, help texts and option labels in
/// their language where translated. Option values are untouched: answers keep them.
pub fn translate_form(schema: &FormSchema, translation: &ItemTranslation) -> FormSchema {
    let mut schema = schema.clone();
    for field in &mut schema.fields {
        let Some(words) = translation.fields.get(&field.key) else {
            continue;
        };
        field.label = or_own(&words.label, &field.label);
        if !words.help.is_empty() {
            field.help = Some(words.help.clone());
        }
        for option in &field.options {
            if let Some(label) = words.options.get(option).filter(|l| !l.is_empty()) {
                field.option_labels.insert(option.clone(), label.clone());
            }
        }
    }
    schema
}

/// What is wrong with an item's translations, beside the editor's inputs: a language the
/// portal lacks or its own (`own`), a field or option the form does not have, a text too long.
/// Keys: `translations.<tag>.<what>`, `….fields.<field>.<what>`, `….options.<value>`.
pub fn problems(
    translations: &Translations,
    form: &FormSchema,
    languages: &[&str],
    own: &str,
) -> Problems {
    let mut found = Problems::new();
    for (tag, translation) in translations {
        let at = |what: &str| format!("translations.{tag}.{what}");
        if let Some(problem) = language_problem(tag, languages, own) {
            found.insert(at("language"), problem);
            continue;
        }
        for (key, text, max) in [
            ("name", &translation.name, MAX_NAME),
            ("summary", &translation.summary, MAX_NAME),
            ("description", &translation.description, MAX_DESCRIPTION),
        ] {
            if text.chars().count() > max {
                found.insert(at(key), too_long(max));
            }
        }
        for (key, words) in &translation.fields {
            let Some(field) = form.field(key) else {
                found.insert(
                    at(&format!("fields.{key}")),
                    say_with(
                        "catalog-translation-no-field",
                        [("field", key.as_str().into())],
                    ),
                );
                continue;
            };
            for (what, text) in [("label", &words.label), ("help", &words.help)] {
                if text.chars().count() > MAX_FIELD_TEXT {
                    found.insert(
                        at(&format!("fields.{key}.{what}")),
                        too_long(MAX_FIELD_TEXT),
                    );
                }
            }
            let has_options = matches!(field.kind, FieldKind::Choice | FieldKind::MultiChoice);
            for (value, label) in &words.options {
                let where_ = at(&format!("fields.{key}.options.{value}"));
                if !has_options || !field.options.contains(value) {
                    found.insert(
                        where_,
                        say_with(
                            "catalog-translation-no-option",
                            [("option", value.as_str().into())],
                        ),
                    );
                } else if label.chars().count() > MAX_FIELD_TEXT {
                    found.insert(where_, too_long(MAX_FIELD_TEXT));
                }
            }
        }
    }
    found
}

/// What stops a translation into `tag`: a language the portal lacks, or the catalog's `own`.
fn language_problem(tag: &str, languages: &[&str], own: &str) -> Option<super::say::Say> {
    (tag == own || !languages.contains(&tag))
        .then(|| say_with("catalog-translation-language", [("locale", tag.into())]))
}

fn too_long(max: usize) -> super::say::Say {
    say_with(
        "catalog-translation-too-long",
        [("max", (max as i64).into())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::form::{Field, FieldKind};

    fn form() -> FormSchema {
        FormSchema {
            fields: vec![
                Field {
                    options: vec!["Declining all cards".into(), "Screen blank".into()],
                    help: Some("What the reader shows.".into()),
                    ..Field::new("symptom", "What is happening?", FieldKind::Choice)
                },
                Field::new("description", "Describe the problem", FieldKind::LongText),
            ],
        }
    }

    fn german() -> ItemTranslation {
        ItemTranslation {
            name: "Kartenleser defekt".into(),
            fields: [(
                "symptom".to_string(),
                FieldTranslation {
                    label: "Was passiert?".into(),
                    options: [(
                        "Declining all cards".to_string(),
                        "Lehnt alle Karten ab".to_string(),
                    )]
                    .into(),
                    ..Default::default()
                },
            )]
            .into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_translated_form_reads_translated_words_and_keeps_the_answers_values() {
        let shown = translate_form(&form(), &german());
        let symptom = &shown.fields[0];
        assert_eq!(symptom.label, "Was passiert?");
        assert_eq!(symptom.options, form().fields[0].options, "the values stay");
        assert_eq!(
            symptom.option_label("Declining all cards"),
            "Lehnt alle Karten ab"
        );
        // Not translated: the item's own words.
        assert_eq!(symptom.option_label("Screen blank"), "Screen blank");
        assert_eq!(symptom.help.as_deref(), Some("What the reader shows."));
        assert_eq!(shown.fields[1].label, "Describe the problem");
    }

    #[test]
    fn an_empty_translation_is_the_item_as_written() {
        assert_eq!(translate_form(&form(), &ItemTranslation::default()), form());
        assert!(ItemTranslation::default().is_empty());
        let blank = ItemTranslation {
            name: "  ".into(),
            fields: [("symptom".to_string(), FieldTranslation::default())].into(),
            ..Default::default()
        };
        assert!(blank.tidy().is_empty());
        assert_eq!(or_own(" ", "Card reader fault"), "Card reader fault");
    }

    #[test]
    fn a_category_translates_into_the_portals_other_languages_only() {
        let german = CategoryTranslation {
            name: " Kassen & Zahlungen ".into(),
            description: String::new(),
        };
        let blank = CategoryTranslation::default();
        let tidy = tidy_categories([("de".to_string(), german), ("fr".to_string(), blank)].into());
        assert_eq!(tidy.len(), 1, "an empty language is dropped");
        assert_eq!(tidy["de"].name, "Kassen & Zahlungen");
        assert!(category_problems(&tidy, &["en", "de"], "en").is_empty());
        let mut bad = tidy.clone();
        bad.insert(
            "xx".into(),
            CategoryTranslation {
                name: "?".into(),
                description: String::new(),
            },
        );
        if let Some(de) = bad.get_mut("de") {
            de.description = "x".repeat(MAX_NAME + 1);
        }
        let found = category_problems(&bad, &["en", "de"], "en");
        let keys: Vec<&str> = found.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["translations.de.description", "translations.xx.language"]
        );
    }

    #[test]
    fn translations_name_only_languages_fields_and_options_there_are() {
        let languages = ["en", "de"];
        let ok: Translations = [("de".to_string(), german())].into();
        assert!(problems(&ok, &form(), &languages, "en").is_empty());

        let mut wrong = german();
        wrong.fields.insert(
            "colour".into(),
            FieldTranslation {
                label: "Farbe".into(),
                ..Default::default()
            },
        );
        if let Some(symptom) = wrong.fields.get_mut("symptom") {
            symptom.options.insert("Smoke".into(), "Rauch".into());
            symptom.label = "x".repeat(MAX_FIELD_TEXT + 1);
        }
        wrong.name = "x".repeat(MAX_NAME + 1);
        let bad: Translations = [
            ("de".to_string(), wrong),
            ("fr".to_string(), german()),
            ("en".to_string(), german()),
        ]
        .into();
        let found = problems(&bad, &form(), &languages, "en");
        let ids: BTreeMap<&str, Option<&str>> = found
            .iter()
            .map(|(k, say)| (k.as_str(), say.id()))
            .collect();
        assert_eq!(
            ids,
            [
                (
                    "translations.de.fields.colour",
                    Some("catalog-translation-no-field")
                ),
                (
                    "translations.de.fields.symptom.label",
                    Some("catalog-translation-too-long")
                ),
                (
                    "translations.de.fields.symptom.options.Smoke",
                    Some("catalog-translation-no-option")
                ),
                ("translations.de.name", Some("catalog-translation-too-long")),
                (
                    "translations.en.language",
                    Some("catalog-translation-language")
                ),
                (
                    "translations.fr.language",
                    Some("catalog-translation-language")
                ),
            ]
            .into()
        );
    }

    #[test]
    fn an_item_is_indexed_once_per_language_with_its_own_words_where_untranslated() {
        use crate::search::DocKind;
        let own = Document {
            key: "card-reader-fault".into(),
            kind: DocKind::Item,
            title: "Card reader fault".into(),
            tags: vec!["card".into()],
            summary: "Report a card reader.".into(),
            body: "Check the cable.".into(),
            category: "tills".into(),
            learned: Vec::new(),
            language: Language::English,
            group: "card-reader-fault".into(),
        };
        let translations: Translations = [
            ("de".to_string(), german()),
            // No stemmer of its own: searched as the catalog's language, so not indexed again.
            (
                "fr".to_string(),
                ItemTranslation {
                    name: "Lecteur".into(),
                    ..Default::default()
                },
            ),
        ]
        .into();
        let documents = item_documents(own.clone(), &translations);
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0], own);
        let de = &documents[1];
        assert_eq!(de.language, Language::German);
        assert_eq!(de.title, "Kartenleser defekt");
        assert_eq!(
            de.summary, "Report a card reader.",
            "not translated: its own words"
        );
        assert_eq!(
            (de.key.as_str(), de.group.as_str()),
            ("card-reader-fault", "card-reader-fault")
        );
        assert_eq!(de.tags, own.tags);
    }
}
