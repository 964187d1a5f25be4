//! Pages in the language the request asks for (issue 21): German for a browser that wants it,
//! English for one that wants a language the portal lacks or sends a garbled header, a language
//! file the page names and the service worker keeps, and a kept page never served to a reader
//! of another language.

use crate::common::*;
use reqwest::{Client, StatusCode};

const RITA: &str = "rita.requester@deskfront.test";
const GERMAN: &str = "de-DE,de;q=0.9";

async fn page_in(app: &TestApp, client: &Client, path: &str, languages: &str) -> (String, String) {
    let res = client
        .get(format!("{}{path}", app.base))
        .header("accept-language", languages)
        .send()
        .await
        .unwrap();
    let vary = res
        .headers()
        .get_all("vary")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    (res.text().await.unwrap(), vary)
}

/// The `content` of the page's `deskfront-catalog` meta tag.
fn catalog_address(html: &str) -> String {
    let at = html
        .find(r#"name="deskfront-catalog" content=""#)
        .expect("the page names its language file");
    let rest = &html[at + r#"name="deskfront-catalog" content=""#.len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

#[tokio::test]
async fn a_browser_asking_for_german_gets_the_page_in_german() {
    let app = spawn().await;
    let client = app.signed_in(RITA).await;
    let (html, vary) = page_in(&app, &client, "/", "de-DE,de;q=0.9,en;q=0.5").await;
    assert!(html.contains(r#"<html lang="de""#), "{}", &html[..200]);
    assert!(html.contains("Was brauchen Sie?"));
    assert!(html.contains("Meine Anfragen"));
    assert!(vary.contains("Accept-Language"), "vary: {vary}");
    // The file the page names is German, with English for what German lacks, kept for good.
    let address = catalog_address(&html);
    assert!(
        address.starts_with("/i18n/") && address.ends_with("/de.ftl"),
        "{address}"
    );
    let res = client
        .get(format!("{}{address}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()["cache-control"]
        .to_str()
        .unwrap()
        .contains("immutable"));
    let text = res.text().await.unwrap();
    assert!(text.contains("catalog-heading = Was brauchen Sie?"));
    // The service worker keeps every language's file for offline starts.
    let worker = app.html(&client, "/sw.js").await;
    assert!(worker.contains(&address), "the worker stores {address}");
    assert!(worker.contains("/en.ftl"));
}

#[tokio::test]
async fn a_language_the_portal_lacks_or_a_garbled_header_gets_english() {
    let app = spawn().await;
    let client = app.signed_in(RITA).await;
    for header in [
        "fr-FR,fr;q=0.9",
        "",
        ";;;,q=abc,*;q=x",
        &"xx;q=0.5,".repeat(3000),
    ] {
        let (html, _) = page_in(&app, &client, "/", header).await;
        assert!(html.contains(r#"<html lang="en""#), "{header:.40}");
        assert!(html.contains("What do you need?"), "{header:.40}");
    }
    // A region gets its language; the weights decide between two.
    let (html, _) = page_in(&app, &client, "/", "de-AT").await;
    assert!(html.contains("Was brauchen Sie?"));
    let (html, _) = page_in(&app, &client, "/", "de;q=0.2, en;q=0.9").await;
    assert!(html.contains("What do you need?"));
}

#[tokio::test]
async fn a_kept_page_is_not_served_to_a_reader_of_another_language() {
    let app = spawn().await;
    let client = app.signed_in(RITA).await;
    // Twice each way: the second of each may come from the page cache.
    for _ in 0..2 {
        let (english, _) = page_in(&app, &client, "/", "en").await;
        assert!(english.contains("What do you need?"));
        let (german, _) = page_in(&app, &client, "/", "de").await;
        assert!(german.contains("Was brauchen Sie?"));
    }
}

#[tokio::test]
async fn an_unknown_language_file_is_not_found() {
    let app = spawn().await;
    let client = app.client();
    for path in [
        "/i18n/000000000000/de.ftl",
        "/i18n/abc/de.ftl.bak",
        "/i18n/abc/xx.ftl",
    ] {
        let res = client
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn a_chosen_language_beats_the_browser_and_follows_the_person() {
    let app = spawn().await;
    let client = app.signed_in(RITA).await;
    let res = app
        .call(&client, "save_language", &[("language", "de")])
        .await;
    assert!(res.status().is_success(), "{}", res.status());
    let (html, _) = page_in(&app, &client, "/", "en-GB,en;q=0.9").await;
    assert!(html.contains(r#"<html lang="de""#));
    assert!(html.contains("Was brauchen Sie?"));
    // Another device of the same person: a new session, the same language.
    let other = app.signed_in(RITA).await;
    let (html, _) = page_in(&app, &other, "/", "en").await;
    assert!(
        html.contains("Was brauchen Sie?"),
        "the setting is the person's"
    );
    // Back to "as my browser says".
    let res = app
        .call(&client, "save_language", &[("language", "")])
        .await;
    assert!(res.status().is_success());
    let (html, _) = page_in(&app, &client, "/", "en").await;
    assert!(html.contains("What do you need?"));
}

#[tokio::test]
async fn a_language_the_portal_lacks_is_refused_next_to_the_menu() {
    let app = spawn().await;
    let client = app.signed_in(RITA).await;
    for bad in ["fr", "de-DE'; DROP TABLE users;--", &"x".repeat(5000)] {
        let res = app
            .call(&client, "save_language", &[("language", bad)])
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{bad:.20}");
        let body = res.text().await.unwrap();
        assert!(
            body.contains("language"),
            "the error names the field: {body}"
        );
    }
    // Nothing was stored: the browser still decides.
    let (html, _) = page_in(&app, &client, "/", "en").await;
    assert!(html.contains("What do you need?"));
    // Someone not signed in cannot set one.
    let res = app
        .call(&app.client(), "save_language", &[("language", "de")])
        .await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_store_worker_reporting_a_fault_in_german_reads_german() {
    let app = spawn().await;
    let client = app.signed_in("sam.store@deskfront.test").await;
    let report = "/report?store=S012&asset=S012-REG-01";
    let (html, _) = page_in(&app, &client, report, "de-DE,de;q=0.9").await;
    assert!(html.contains("<h1 class=\"page-title\">Störung melden</h1>"));
    assert!(html.contains("Was ist kaputt?"), "the place line is German");
    assert!(!html.contains("What is wrong?"));
    // The same page for an English reader is as before.
    let (html, _) = page_in(&app, &client, report, "en-GB").await;
    assert!(html.contains("What is wrong?"));
}

#[tokio::test]
async fn a_refused_answer_is_explained_in_the_readers_language_with_and_without_scripts() {
    let app = spawn().await;
    let client = app.signed_in(RITA).await;
    // Through the server function: the "Other" model makes the justification required.
    let mut order = laptop_order("german-refusal-0001");
    order["answers"]["justification"] = serde_json::json!(["zu kurz"]);
    let res = client
        .post(format!("{}/api/submit_request", app.base))
        .header("accept-language", "de-DE,de;q=0.9")
        .json(&order)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        body["fields"]["justification"], "Schreiben Sie mindestens 20 Zeichen (jetzt 7).",
        "{body}"
    );
    // The same answer from an English browser reads English.
    let res = client
        .post(format!("{}/api/submit_request", app.base))
        .header("accept-language", "en")
        .json(&order)
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        body["fields"]["justification"], "Write at least 20 characters (now 7).",
        "{body}"
    );
    // A plain form post (no JavaScript) comes back as the page, in German, answers kept.
    let form = reqwest::multipart::Form::new()
        .text("idempotency_key", "german-refusal-0002")
        .text("form_version", "1")
        .text("f.model", "Other")
        .text("f.justification", "zu kurz")
        .text("f.needed_by", "2027-01-15")
        .text("f.for_someone_else", "no");
    let res = client
        .post(format!("{}/catalog/laptop", app.base))
        .header("accept", "text/html")
        .header("accept-language", "de")
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = res.text().await.unwrap();
    assert!(html.contains("Schreiben Sie mindestens 20 Zeichen (jetzt 7)."));
    assert!(
        html.contains("Anfrage senden"),
        "the form's button is German"
    );
    assert!(html.contains("zu kurz"), "the answer is kept");
    // Nothing was filed.
    let mine = app
        .call_json(&client, "my_requests", &[("page", "1")])
        .await;
    assert_eq!(mine["total"], 0);
}

#[tokio::test]
async fn my_requests_read_german_with_german_times() {
    let app = spawn().await;
    let client = app.signed_in(RITA).await;
    app.order_laptop(&client, "german-list-0001").await;
    let (html, _) = page_in(&app, &client, "/requests", "de").await;
    assert!(html.contains("<h1 class=\"page-title\">Meine Anfragen</h1>"));
    // "Aktualisiert 6. Dez. 2026, 14:02 UTC": the day with a point, German month names.
    let at = html
        .find("Aktualisiert ")
        .expect("the row says when it changed");
    let when: String = html[at..].chars().take(40).collect();
    assert!(
        when.split(' ').nth(1).is_some_and(|day| day.ends_with('.')),
        "{when}"
    );
    let (html, _) = page_in(&app, &client, "/requests", "en").await;
    assert!(html.contains("Updated "), "English reads as before");
}

/// A refusal's words come from the server, so they follow the same choice as the page: the
/// browser's language before sign-in, the person's setting after it, and the notice a plain
/// form post is sent back with.
#[tokio::test]
async fn refusals_read_in_the_readers_language() {
    let app = spawn().await;
    let client = app.client();
    let sign_in = |languages: &'static str| {
        client
            .post(format!("{}/api/login", app.base))
            .header("accept-language", languages)
            .form(&[("email", RITA), ("password", "nope")])
            .send()
    };
    let body: serde_json::Value = sign_in("de-DE,de;q=0.9")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        body["fields"]["_form"], "Diese E-Mail-Adresse und dieses Passwort passen zu keinem Konto.",
        "{body}"
    );
    let body: serde_json::Value = sign_in("en-GB").await.unwrap().json().await.unwrap();
    assert_eq!(
        body["fields"]["_form"],
        "That email and password do not match an account."
    );

    // Without JavaScript the sign-in page brings the notice back, in the reader's language.
    let res = client
        .get(format!("{}/login?error=sign_in_failed", app.base))
        .header("accept-language", "de")
        .send()
        .await
        .unwrap();
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Diese E-Mail-Adresse und dieses Passwort passen zu keinem Konto."),
        "the notice is German"
    );

    // Signed in with German chosen, an English browser still reads German refusals.
    let rita = app.signed_in(RITA).await;
    let res = app
        .call(&rita, "save_language", &[("language", "de")])
        .await;
    assert!(res.status().is_success());
    let res = rita
        .post(format!("{}/api/request", app.base))
        .header("accept-language", "en")
        .form(&[("number", "REQ0999999")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        body["message"], "Es gibt kein Ticket REQ0999999, das Sie sehen können.",
        "{body}"
    );
    // A comment refused for its length names the limit in German.
    let receipt = app.order_laptop(&rita, "german-refusal-0003").await;
    let number = receipt["number"].as_str().unwrap();
    let res = app
        .call(&rita, "comment", &[("number", number), ("body", "   ")])
        .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(
        body["fields"]["body"],
        "Schreiben Sie zuerst einen Kommentar."
    );
}

/// Times read in the reader's store's zone (issue 21): a store moved to Kolkata (UTC+5:30 all
/// year, so the test does not depend on the season) shows its worker the wall-clock time there,
/// without "UTC"; someone without a store reads the portal's zone (UTC here), labelled.
#[tokio::test]
async fn times_read_in_the_store_workers_own_zone() {
    let app = spawn().await;
    let ada = app.signed_in("ada.admin@deskfront.test").await;
    let s012 = app
        .call_json(&ada, "admin_store", &[("code", "S012")])
        .await;
    let store = &s012["store"];
    let revision = store["revision"].to_string();
    let saved = app
        .call_json(
            &ada,
            "save_store",
            &[
                ("code", "S012"),
                ("name", store["name"].as_str().unwrap()),
                ("region", store["region"].as_str().unwrap()),
                ("timezone", "Asia/Kolkata"),
                ("calendar", store["calendar"].as_str().unwrap_or("")),
                ("revision", revision.as_str()),
            ],
        )
        .await;
    assert!(saved.is_number(), "{saved}");

    let sam = app.signed_in("sam.store@deskfront.test").await;
    let number = app
        .report_card_reader(&sam, "zone-0001", "one_device")
        .await;
    let detail = app.call_json(&sam, "request", &[("number", &number)]).await;
    let raised: chrono::DateTime<chrono::Utc> =
        serde_json::from_value(detail["summary"]["created_at"].clone()).unwrap();
    let english = app::i18n::I18n(app::i18n::catalog("en"));
    let in_kolkata =
        english.date_time_with_year(&(raised + chrono::Duration::minutes(5 * 60 + 30)).naive_utc());
    let in_utc = english.date_time_with_year(&raised.naive_utc());

    let html = app.html(&sam, &format!("/requests/{number}")).await;
    assert!(
        html.contains(&format!("<dd>{in_kolkata}</dd>")),
        "raised at {in_kolkata} in the store's zone"
    );
    assert!(html.contains(r#"<meta name="deskfront-zone" content="Asia/Kolkata""#));
    assert!(!html.contains(&format!("{in_utc} UTC")));

    // The agent has no store: the portal's zone, which is UTC, and says so.
    let ahmed = app.signed_in("ahmed.agent@deskfront.test").await;
    let html = app.html(&ahmed, &format!("/requests/{number}")).await;
    assert!(
        html.contains(&format!("{in_utc} UTC")),
        "the agent reads {in_utc} UTC"
    );
}

/// The desk in its reader's language too (issue 21): an agent whose browser asks for German
/// reads the queue and the desk's refusals in German, and the requester reads what the desk
/// did in their own language, whatever language the agent works in.
#[tokio::test]
async fn the_desk_and_what_it_tells_requesters_read_in_each_readers_language() {
    let app = spawn().await;
    let sam = app.signed_in("sam.store@deskfront.test").await;
    let ahmed = app.signed_in("ahmed.agent@deskfront.test").await;
    let number = app
        .report_card_reader(&sam, "german-desk-0001", "one_device")
        .await;

    let (queue, _) = page_in(&app, &ahmed, "/desk", GERMAN).await;
    assert!(queue.contains("<h1 class=\"page-title\">Warteschlange</h1>"));
    assert!(
        queue.contains("Zeit bis zur Überschreitung"),
        "the table's headers"
    );
    assert!(queue.contains(&number));

    // An empty reply, refused beside its field in German; an English agent hears English.
    let act = |languages: &'static str, body: &'static str| {
        ahmed
            .post(format!("{}/api/ticket_action", app.base))
            .header("accept-language", languages)
            .form(&[
                ("number", number.as_str()),
                ("action", "reply"),
                ("body", body),
            ])
            .send()
    };
    let refused: serde_json::Value = act(GERMAN, " ").await.unwrap().json().await.unwrap();
    assert_eq!(
        refused["fields"]["body"],
        "Schreiben Sie zuerst die Antwort."
    );
    let refused: serde_json::Value = act("en", " ").await.unwrap().json().await.unwrap();
    assert_eq!(refused["fields"]["body"], "Write the reply first.");
    // A problem without a title, refused in German.
    let refused = app
        .call_json_in(
            &ahmed,
            "open_problem",
            &[("incident", number.as_str()), ("title", " ")],
            GERMAN,
        )
        .await;
    assert!(
        refused["fields"]["title"]
            .as_str()
            .unwrap()
            .starts_with("Geben Sie dem Problem einen Titel"),
        "{refused}"
    );

    // The English agent's reply reaches the store worker in German, and in English for a
    // reader of English: the notification is words said when it is read.
    assert!(act("en", "A new reader is on its way.")
        .await
        .unwrap()
        .status()
        .is_success());
    let (notifications, _) = page_in(&app, &sam, "/notifications", GERMAN).await;
    assert!(
        notifications.contains("Der Service-Desk hat geantwortet."),
        "{notifications}"
    );
    let (notifications, _) = page_in(&app, &sam, "/notifications", "en").await;
    assert!(notifications.contains("The service desk replied."));
}

/// The manager's dashboard in German: its page, its figures, its charts' words and its
/// refusals; the tickets behind a figure and the daily report too.
#[tokio::test]
async fn the_dashboard_reads_in_german_for_a_german_manager() {
    let app = spawn().await;
    let mo = app.signed_in("mo.manager@deskfront.test").await;
    let (html, _) = page_in(
        &app,
        &mo,
        "/dashboard?from=2026-11-16&to=2026-11-18",
        GERMAN,
    )
    .await;
    for words in [
        "Rückstand nach Alter",
        "Wie diese Zahlen gezählt werden",
        "Eröffnete und gelöste Tickets",
        "16. Nov. 2026 – 18. Nov. 2026",
        "Letzte 30 Tage",
        "Wiedereröffnungsquote",
    ] {
        assert!(html.contains(words), "{words}");
    }
    let (html, _) = page_in(&app, &mo, "/dashboard/tickets?set=backlog-1-3d", GERMAN).await;
    assert!(html.contains("Rückstand im Alter von 1–3 Tagen"));
    let (html, _) = page_in(&app, &mo, "/dashboard/daily?date=2026-12-03", GERMAN).await;
    assert!(html.contains("Do., 3. Dez. 2026 (UTC)"));

    let refused = app
        .call_json_in(
            &mo,
            "dashboard",
            &[("filters", "from=2026-11-20&to=2026-11-01")],
            GERMAN,
        )
        .await;
    assert_eq!(
        refused["fields"]["from"], "Der Zeitraum beginnt nach seinem Ende.",
        "{refused}"
    );
    let sam = app.signed_in("sam.store@deskfront.test").await;
    let refused = app
        .call_json_in(&sam, "dashboard", &[("filters", "")], GERMAN)
        .await;
    assert_eq!(
        refused["message"],
        "Das Dashboard ist für den Service-Desk und seine Leitung."
    );
}

/// Administration in German too: the pages, the import's findings, and the refusals beside
/// the administrator's inputs.
#[tokio::test]
async fn administration_reads_in_german_for_a_german_administrator() {
    let app = spawn().await;
    let ada = app.signed_in("ada.admin@deskfront.test").await;
    for (path, words) in [
        (
            "/admin/people",
            ["Aus CSV importieren", "Eine Person suchen"],
        ),
        ("/admin/catalog", ["Neuer Eintrag", "Neue Kategorie"]),
        ("/admin/stores/S012", ["Geräte (", "QR-Aufkleber drucken"]),
        ("/admin/audit", ["Audit-Protokoll", "Wer oder was"]),
        ("/admin/groups", ["Zuweisungsgruppen", "Neue Gruppe"]),
    ] {
        let (html, _) = page_in(&app, &ada, path, GERMAN).await;
        for w in words {
            assert!(html.contains(w), "{path}: {w}");
        }
    }
    // An import's findings, line by line, in German.
    // A check of a stores file, as a German browser asks for it.
    let check_stores = |csv: &'static str| {
        ada.post(format!("{}/api/import_csv", app.base))
            .header("accept-language", GERMAN)
            .json(&serde_json::json!({ "file": "stores", "csv": csv, "apply": false }))
            .send()
    };
    let report: serde_json::Value = check_stores(
        "code,name,region,timezone\nS951,Erfurt,Ost,Europe/Berlin\n\
         S951,Erfurt,Ost,Europe/Berlin\nS953,Jena,Ost,Mars/Olympus\n",
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let reasons: Vec<&str> = report["refused"]
        .as_array()
        .unwrap_or_else(|| panic!("{report}"))
        .iter()
        .map(|r| r["reason"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            "Filiale S951 steht schon in Zeile 2.",
            "„Mars/Olympus“ ist keine Zeitzone; schreiben Sie sie als Europe/Berlin."
        ]
    );
    // A file without a column it needs.
    let refused: serde_json::Value = check_stores("code,name\nS952,Gera\n")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        refused["fields"]["file"]
            .as_str()
            .unwrap_or_default()
            .starts_with("Der ersten Zeile fehlen die Spalten region, timezone."),
        "{refused}"
    );
    // Nobody deactivates themselves, in German.
    let refused = app
        .call_json_in(
            &ada,
            "set_person_active",
            &[("email", "ada.admin@deskfront.test"), ("active", "false")],
            GERMAN,
        )
        .await;
    assert_eq!(
        refused["message"],
        "Sie können sich nicht selbst deaktivieren. Bitten Sie eine andere Person aus der Administration.",
        "{refused}"
    );
}
