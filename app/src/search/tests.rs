//! The engine's behaviour on a small knowledge base shaped like the real one.

use super::text::Language;
use super::*;

fn doc(
    key: &str,
    kind: DocKind,
    title: &str,
    tags: &[&str],
    summary: &str,
    body: &str,
) -> Document {
    Document {
        key: key.into(),
        kind,
        title: title.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        summary: summary.into(),
        body: body.into(),
        category: if kind == DocKind::Item {
            "catalog"
        } else {
            "kb"
        }
        .into(),
        learned: Vec::new(),
        language: Language::English,
        group: key.into(),
    }
}

fn corpus() -> SearchIndex {
    use DocKind::*;
    SearchIndex::build(&[
        doc("receipt-printer", Article, "Receipt printer not printing", &["printer", "receipt", "till"],
            "The till's receipt printer feeds no paper or prints blank receipts.",
            "Open the cover, check the paper roll faces the right way, and press the feed button. If the light blinks red, turn the printer off and on."),
        doc("office-printer", Article, "Add an office printer to your laptop", &["printer", "print", "office"],
            "Find and add the floor printer at head office.",
            "Open Settings, then Printers and scanners, and choose Add device."),
        doc("reset-password", Article, "Reset your password", &["password", "login", "locked out"],
            "Change a forgotten password yourself in two minutes.",
            "Go to the sign-in page and choose Forgotten password. You need your Authenticator app."),
        doc("vpn-connect", Article, "VPN won't connect", &["vpn", "remote", "home working"],
            "What to check when the VPN client stops at Connecting.",
            "Check your internet connection first. Restart the VPN client and sign in again."),
        doc("outlook-sync", Article, "Outlook not syncing email", &["outlook", "email", "sync"],
            "New messages do not arrive in Outlook on your laptop.",
            "Check the status bar says Connected. Restart Outlook; if it still does not update, repair the profile."),
        doc("mailbox-full", Article, "Mailbox full", &["email", "quota", "storage"],
            "Your mailbox has reached its size limit and mail bounces.",
            "Empty Deleted Items and archive old folders."),
        doc("shared-mail-box", Article, "Shared mail box not showing in Outlook", &["shared", "outlook"],
            "A shared mail box you were given does not appear.",
            "Restart Outlook after access is granted; it can take an hour to appear."),
        doc("cafe-wifi", Article, "Using café and hotel Wi-Fi safely", &["wifi", "public", "hotel"],
            "Connect on public networks without risk.",
            "Always start the VPN before you open company apps on a café network."),
        doc("scanner-beep", Article, "Barcode scanner not beeping", &["scanner", "barcode"],
            "The till scanner reads nothing and makes no sound.",
            "Check the cable and scan the reset barcode in the manual."),
        doc("till-frozen", Article, "Till frozen or not responding", &["till", "pos", "frozen"],
            "The register screen does not react to touches.",
            "Hold the power button for ten seconds. A scanner that keeps beeping can also freeze the till."),
        doc("receipt-printer-fault", Item, "Receipt printer fault", &["printer", "receipt"],
            "Report a receipt printer that does not work.", "Tell us which register."),
        doc("vpn-access", Item, "VPN access", &["vpn", "remote"],
            "Ask for access to the company VPN.", "For people who work from home."),
    ])
}

fn keys(index: &SearchIndex, query: &str, options: &SearchOptions) -> Vec<String> {
    index
        .search(query, options)
        .iter()
        .map(|h| index.doc(h.doc).key.clone())
        .collect()
}

fn top(index: &SearchIndex, query: &str, n: usize) -> Vec<String> {
    let mut k = keys(index, query, &SearchOptions::default());
    k.truncate(n);
    k
}

#[test]
fn a_misspelt_question_finds_its_article_in_the_first_three() {
    let index = corpus();
    let found = top(&index, "pritner wont print", 3);
    assert!(found.contains(&"receipt-printer".to_string()), "{found:?}");
    assert_eq!(top(&index, "pasword", 1), ["reset-password"]);
    assert_eq!(top(&index, "outlok", 2)[0], "outlook-sync");
}

#[test]
fn short_words_are_not_fuzzed() {
    let index = corpus();
    assert!(top(&index, "vpm", 5).is_empty());
}

#[test]
fn case_accents_and_word_forms_do_not_matter() {
    let index = corpus();
    assert_eq!(top(&index, "CAFE wifi", 1), ["cafe-wifi"]);
    assert_eq!(top(&index, "Outlóok SYNCED", 1), ["outlook-sync"]);
    assert_eq!(top(&index, "connecting vpn", 1)[0], "vpn-connect");
}

#[test]
fn words_in_any_order_and_apart_still_match() {
    let index = corpus();
    assert_eq!(top(&index, "email syncing outlook", 1), ["outlook-sync"]);
    assert_eq!(top(&index, "responding till", 1), ["till-frozen"]);
}

#[test]
fn the_last_word_is_a_prefix_while_typing() {
    let index = corpus();
    let typing = SearchOptions {
        typing: true,
        ..SearchOptions::default()
    };
    assert_eq!(keys(&index, "reset passw", &typing)[0], "reset-password");
    // Not while searching a finished query: "passw" is not a word.
    assert!(
        !keys(&index, "passw", &SearchOptions::default()).contains(&"reset-password".to_string())
    );
    // A trailing space ends the word.
    assert!(keys(&index, "passw ", &typing).is_empty());
}

#[test]
fn split_and_joined_words_meet() {
    let index = corpus();
    // "mail box" in the query, "mailbox" in the document, and the other way round.
    assert_eq!(top(&index, "mail box full", 1), ["mailbox-full"]);
    assert_eq!(top(&index, "shared mailbox", 1), ["shared-mail-box"]);
}

#[test]
fn stop_words_do_not_drown_the_question() {
    let index = corpus();
    assert_eq!(
        top(&index, "how do I reset my password", 1),
        ["reset-password"]
    );
}

#[test]
fn title_and_tags_outrank_the_body() {
    let index = corpus();
    // "scanner" is in one title and in another article's body.
    let found = top(&index, "scanner", 2);
    assert_eq!(found[0], "scanner-beep");
}

#[test]
fn catalog_items_come_back_too_and_can_be_filtered() {
    let index = corpus();
    let all = top(&index, "receipt printer", 3);
    assert!(
        all.contains(&"receipt-printer-fault".to_string()),
        "{all:?}"
    );
    let articles = SearchOptions {
        kind: Some(DocKind::Article),
        ..SearchOptions::default()
    };
    assert!(
        !keys(&index, "receipt printer", &articles).contains(&"receipt-printer-fault".to_string())
    );
    let catalog = SearchOptions {
        category: Some("catalog".into()),
        ..SearchOptions::default()
    };
    assert_eq!(keys(&index, "vpn", &catalog), ["vpn-access"]);
}

#[test]
fn an_empty_or_unknown_query_finds_nothing() {
    let index = corpus();
    assert!(top(&index, "", 5).is_empty());
    assert!(top(&index, "  ,; ", 5).is_empty());
    assert!(top(&index, "xylophone", 5).is_empty());
}

#[test]
fn snippets_mark_the_matched_words_around_the_densest_part() {
    let index = corpus();
    let hit = &index.search("paper roll", &SearchOptions::default())[0];
    let body =
        "Open the cover, check the paper roll faces the right way, and press the feed button.";
    let segments = snippet(body, &hit.matched, 8, Language::English);
    let marked: Vec<&str> = segments
        .iter()
        .filter(|s| s.hit)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(marked, ["paper roll"]);
    let text: String = segments.iter().map(|s| s.text.as_str()).collect();
    assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
    assert!(text.contains("check the paper roll faces"), "{text}");
}

#[test]
fn a_snapshot_round_trip_ranks_the_same() {
    let index = corpus();
    let json = serde_json::to_string(&index).unwrap();
    let back: SearchIndex = serde_json::from_str(&json).unwrap();
    assert_eq!(back, index);
    assert_eq!(
        top(&back, "pritner wont print", 3),
        top(&index, "pritner wont print", 3)
    );
}

fn with_codes() -> SearchIndex {
    use DocKind::*;
    SearchIndex::build(&[
        doc(
            "chip-error",
            Article,
            "Chip card error",
            &["card reader"],
            "The reader says Chip read failed.",
            "| E-27 | Chip read failed |\n| E-31 | Card removed too early |",
        ),
        doc(
            "pin-pad-offline",
            Article,
            "PIN pad offline",
            &["card reader"],
            "The reader shows E-72 or No comms.",
            "Reconnect the cable; step 27 of the manual.",
        ),
        doc(
            "update-error",
            Article,
            "Windows update failed",
            &["windows"],
            "Update fails with error 0x80070057.",
            "Run the troubleshooter.",
        ),
    ])
}

#[test]
fn an_error_code_is_found_however_it_is_written() {
    let index = with_codes();
    for typed in [
        "e27",
        "E-27",
        "E 27",
        "e-027",
        "error 27",
        "ERR 27",
        "card reader e27",
    ] {
        assert_eq!(top(&index, typed, 1), ["chip-error"], "{typed}");
    }
    for typed in ["0x80070057", "0X80070057", "update error 80070057"] {
        assert_eq!(top(&index, typed, 1), ["update-error"], "{typed}");
    }
    assert_eq!(top(&index, "e72", 1), ["pin-pad-offline"]);
    // The code is highlighted where the text writes it.
    let hit = &index.search("error 72", &SearchOptions::default())[0];
    let summary = "The reader shows E-72 or No comms.";
    let marked: Vec<String> = snippet(summary, &hit.matched, 10, Language::English)
        .into_iter()
        .filter(|s| s.hit)
        .map(|s| s.text)
        .collect();
    assert_eq!(marked, ["E-72"]);
}

fn till_words() -> SearchIndex {
    use DocKind::*;
    let mut index = SearchIndex::build(&[
        doc(
            "register-drawer",
            Article,
            "Register drawer won't open",
            &[],
            "",
            "",
        ),
        doc(
            "till-drawer",
            Article,
            "Till drawer won't open",
            &[],
            "",
            "",
        ),
        doc(
            "till-dead",
            Article,
            "Till won't start",
            &[],
            "No lights, black screen.",
            "",
        ),
        doc(
            "laptop-battery",
            Article,
            "Laptop battery flat",
            &[],
            "",
            "Charge it overnight.",
        ),
    ]);
    index.set_synonyms(Synonyms::compile(&[
        vec!["till", "register", "POS"],
        vec!["won't start", "dead", "no power"],
    ]));
    index
}

#[test]
fn a_synonym_finds_the_article_in_other_words_but_the_typed_word_ranks_first() {
    let index = till_words();
    assert_eq!(
        top(&index, "register drawer won't open", 2),
        ["register-drawer", "till-drawer"]
    );
    assert_eq!(
        top(&index, "pos drawer", 2),
        ["register-drawer", "till-drawer"]
    );
    assert_eq!(top(&index, "pos is dead", 1), ["till-dead"]);
    // A typo still reaches the group: "regster" is one edit from "register".
    assert_eq!(top(&index, "regster dead", 1), ["till-dead"]);
}

#[test]
fn a_synonym_phrase_counts_only_as_much_as_its_weakest_word() {
    let index = till_words();
    // "won't start": "won't" is in both drawer titles, "start" in neither.
    let hits = index.search("dead", &SearchOptions::default());
    let found: Vec<&str> = hits.iter().map(|h| index.doc(h.doc).key.as_str()).collect();
    assert_eq!(found, ["till-dead"]);
}

#[test]
fn groups_other_than_the_index_own_can_be_tried() {
    let index = till_words();
    let none = Synonyms::default();
    assert!(index
        .search_with("pos", &SearchOptions::default(), &none)
        .is_empty());
    assert_eq!(top(&index, "pos", 3).len(), 3);
    let json = serde_json::to_string(&index).unwrap();
    let back: SearchIndex = serde_json::from_str(&json).unwrap();
    assert_eq!(back.synonyms(), index.synonyms());
    assert_eq!(top(&back, "pos is dead", 1), ["till-dead"]);
}

/// A knowledge base where two articles have German versions and one is English only.
fn two_languages() -> SearchIndex {
    use DocKind::Article;
    let german =
        |key: &str, original: &str, title: &str, tags: &[&str], summary: &str, body: &str| {
            Document {
                language: Language::German,
                group: original.into(),
                ..doc(key, Article, title, tags, summary, body)
            }
        };
    SearchIndex::build(&[
        doc("receipt-printer", Article, "Receipt printer not printing", &["printer", "receipt", "till"],
            "The till's receipt printer feeds no paper or prints blank receipts.",
            "Open the cover, check the paper roll faces the right way, and press the feed button."),
        german("bondrucker-druckt-nicht", "receipt-printer", "Bondrucker druckt nicht",
            &["Drucker", "Bon", "Kasse"],
            "Der Bondrucker an der Kasse zieht kein Papier ein oder druckt leere Bons.",
            "Öffnen Sie die Abdeckung, legen Sie die Rolle richtig herum ein und drücken Sie die Vorschubtaste."),
        doc("cash-drawer", Article, "Cash drawer won't open", &["drawer", "till"],
            "The till's cash drawer stays shut after a sale.",
            "Check the drawer's cable to the receipt printer, then use the key."),
        german("kassenschublade-offnet-nicht", "cash-drawer", "Kassenschublade öffnet nicht",
            &["Schublade", "Kasse"],
            "Die Geldschublade der Kasse bleibt nach einem Verkauf zu.",
            "Prüfen Sie das Kabel der Schublade zum Bondrucker und öffnen Sie sie mit dem Schlüssel."),
        doc("scanner-beep", Article, "Barcode scanner not beeping", &["scanner", "barcode"],
            "The till scanner reads nothing and makes no sound.",
            "Check the cable and scan the reset barcode in the manual."),
    ])
}

fn in_language(language: Language) -> SearchOptions {
    SearchOptions {
        language,
        ..SearchOptions::default()
    }
}

#[test]
fn a_reader_finds_their_language_version_with_its_word_forms() {
    let index = two_languages();
    let german = in_language(Language::German);
    // "Druckern" and "Drucker" meet at one German stem; the English original is not listed
    // beside its German version.
    let found = keys(&index, "Bondruckern druckt nicht", &german);
    assert_eq!(found[0], "bondrucker-druckt-nicht", "{found:?}");
    assert!(!found.contains(&"receipt-printer".to_string()), "{found:?}");
    // Written apart, a German compound still finds it; "öffnet" typed without the umlaut too.
    assert_eq!(
        keys(&index, "Kassen Schublade offnet nicht", &german)[0],
        "kassenschublade-offnet-nicht"
    );
    // An English reader is shown the English originals.
    let english = in_language(Language::English);
    assert_eq!(
        keys(&index, "receipt printer", &english),
        ["receipt-printer", "cash-drawer"]
    );
}

#[test]
fn an_article_without_a_version_in_the_readers_language_is_still_found() {
    let index = two_languages();
    let german = in_language(Language::German);
    // No German version: the English article is the German reader's too.
    assert_eq!(keys(&index, "Scanner", &german), ["scanner-beep"]);
}

#[test]
fn when_nothing_matches_in_the_readers_versions_every_language_is_searched() {
    let index = two_languages();
    // Only the English original speaks of a "feed button"; its German version is the German
    // reader's, and it does not match, so the search falls back to every language.
    let german = in_language(Language::German);
    assert_eq!(keys(&index, "feed button", &german), ["receipt-printer"]);
    // An English reader typing German finds the German version the same way.
    let english = in_language(Language::English);
    assert_eq!(
        keys(&index, "Geldschublade", &english),
        ["kassenschublade-offnet-nicht"]
    );
}

#[test]
fn an_old_snapshot_without_languages_reads_as_english() {
    let index = corpus();
    let mut json: serde_json::Value = serde_json::to_value(&index).unwrap();
    for doc in json["docs"].as_array_mut().unwrap() {
        let doc = doc.as_object_mut().unwrap();
        doc.remove("language");
        doc.remove("versions");
    }
    let back: SearchIndex = serde_json::from_value(json).unwrap();
    assert_eq!(back.doc(0).language, Language::English);
    // Every document is English and has no other version: a German reader sees them all.
    assert_eq!(
        keys(&back, "receipt printer", &in_language(Language::German)),
        keys(&index, "receipt printer", &in_language(Language::English))
    );
}

/// A catalog with one item translated into German (its versions share its key) and one not.
fn catalog_in_two_languages() -> SearchIndex {
    let own = doc(
        "receipt-printer-fault",
        DocKind::Item,
        "Receipt printer fault",
        &["receipt", "printer", "till roll"],
        "Report a till receipt printer that won't print.",
        "Check the paper roll first.",
    );
    let german = Document {
        title: "Bondrucker defekt".into(),
        summary: "Melden Sie einen Bondrucker, der nicht druckt.".into(),
        language: Language::German,
        ..own.clone()
    };
    let untranslated = doc(
        "new-laptop",
        DocKind::Item,
        "New laptop",
        &["laptop"],
        "Order a laptop.",
        "",
    );
    SearchIndex::build(&[own, german, untranslated])
}

fn titles(index: &SearchIndex, query: &str, options: &SearchOptions) -> Vec<String> {
    index
        .search(query, options)
        .iter()
        .map(|h| index.doc(h.doc).title.clone())
        .collect()
}

#[test]
fn a_translated_item_is_found_by_its_readers_words_and_listed_once() {
    let index = catalog_in_two_languages();
    let german = in_language(Language::German);
    let english = in_language(Language::English);
    // German word forms find the German version ("Bondruckers" → "Bondrucker").
    assert_eq!(
        titles(&index, "Bondruckers", &german),
        ["Bondrucker defekt"]
    );
    // An English reader's search never shows the German version …
    assert_eq!(
        titles(&index, "receipt printer", &english),
        ["Receipt printer fault"]
    );
    // … and a German reader typing the item's English keyword gets the German version, which
    // keeps the item's keywords.
    assert_eq!(titles(&index, "till roll", &german), ["Bondrucker defekt"]);
    // When only the other language's words match, that version is found, with the item's
    // key (its page).
    assert_eq!(
        keys(&index, "Bondrucker", &english),
        ["receipt-printer-fault"]
    );
    // An item with no German words is the German reader's too.
    assert_eq!(titles(&index, "laptop", &german), ["New laptop"]);
}
