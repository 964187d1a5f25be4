//! E-mail notifications end to end: events on real tickets over real HTTP queue mails in the
//! database, and the sender delivers them over SMTP to a real server (`MailSink`). Each test
//! checks who got what, that nobody got a mail twice, and what happens when the mail server
//! refuses an address, is down, or two instances send at once.

use crate::common::*;
use chrono::{Duration, Utc};
use reqwest::Client;

const SAM: &str = "sam.store@deskfront.test";
const MO: &str = "mo.manager@deskfront.test";

/// An instance on a fresh demo database that sends its mail to `sink`.
async fn mailing(sink: &MailSink) -> (TestDb, TestApp) {
    let mut db = TestDb::new().await;
    db.config.mail = sink.settings();
    let app = db.spawn("one").await;
    (db, app)
}

/// An instance with no background work whose sender the test runs itself, at the times it
/// chooses; with the database's store and the sender.
async fn sending_by_hand(
    sink: &MailSink,
) -> (
    TestDb,
    TestApp,
    std::sync::Arc<dyn server::store::Housekeeping>,
    server::mail::Mailer,
) {
    let mut db = TestDb::new().await;
    db.config.mail = sink.settings();
    db.config.jobs.enabled = false;
    let app = db.spawn("one").await;
    let store = db.store().await;
    let mailer = server::mail::Mailer::new(&sink.settings(), Some(SHARED_ORIGIN))
        .unwrap()
        .unwrap();
    (db, app, store, mailer)
}

async fn act(app: &TestApp, who: &Client, number: &str, form: &[(&str, &str)]) {
    let mut all = vec![("number", number)];
    all.extend_from_slice(form);
    let res = app.call(who, "ticket_action", &all).await;
    assert!(
        res.status().is_success(),
        "{form:?}: {}",
        res.text().await.unwrap()
    );
}

#[tokio::test]
async fn an_approval_request_mails_the_line_manager_and_the_decision_mails_the_requester() {
    let sink = MailSink::start();
    let (_db, app) = mailing(&sink).await;
    let rita = app.signed_in(RITA).await;
    let order = app.order_laptop(&rita, "mail-approval-0001").await;
    let number = order["number"].as_str().unwrap();

    let mails = sink.wait_for(1).await;
    assert_eq!(mails.len(), 1, "{mails:#?}");
    let ask = &mails[0];
    assert_eq!(ask.to, vec![LENA]);
    assert!(
        ask.subject.starts_with(&format!("[{number}] Rita"))
            && ask.subject.ends_with("— approve or reject"),
        "{}",
        ask.subject
    );
    let link = format!("{SHARED_ORIGIN}/approvals#{number}");
    assert!(ask.text.contains(&link), "{}", ask.text);
    assert!(
        ask.html.contains(&format!("href=\"{link}\"")),
        "{}",
        ask.html
    );

    let lena = app.signed_in(LENA).await;
    let res = app
        .call(
            &lena,
            "decide",
            &[
                ("number", number),
                ("decision", "reject"),
                ("comment", "Take one from the pool instead."),
            ],
        )
        .await;
    assert!(res.status().is_success());
    let mails = sink.wait_for(2).await;
    assert_eq!(mails.len(), 2, "{mails:#?}");
    let decided = sink.to(RITA);
    assert_eq!(decided.len(), 1);
    assert!(
        decided[0].subject.contains("was rejected"),
        "{}",
        decided[0].subject
    );
    assert!(decided[0]
        .text
        .contains("> Take one from the pool instead."));
    assert!(decided[0]
        .text
        .contains(&format!("{SHARED_ORIGIN}/requests/{number}")));
}

#[tokio::test]
async fn each_recipient_reads_the_mail_in_their_own_language() {
    let sink = MailSink::start();
    let (_db, app) = mailing(&sink).await;
    // Lena reads the portal in German (her setting, so on every device and in her mail);
    // Rita has chosen nothing, and a mail has no browser to ask: the portal's default.
    let lena = app.signed_in(LENA).await;
    let res = app
        .call(&lena, "save_language", &[("language", "de")])
        .await;
    assert!(res.status().is_success());
    let rita = app.signed_in(RITA).await;
    let order = app.order_laptop(&rita, "mail-language-0001").await;
    let number = order["number"].as_str().unwrap();

    let ask = &sink.wait_for(1).await[0];
    assert_eq!(ask.to, vec![LENA]);
    assert!(
        ask.subject.starts_with(&format!("[{number}] Rita"))
            && ask.subject.ends_with("– genehmigen oder ablehnen"),
        "{}",
        ask.subject
    );
    assert!(
        ask.text.contains(&format!(
            "Genehmigen oder ablehnen: {SHARED_ORIGIN}/approvals#{number}"
        )),
        "{}",
        ask.text
    );
    assert!(
        ask.html.contains("Genehmigen oder ablehnen</a>"),
        "{}",
        ask.html
    );

    let res = app
        .call(
            &lena,
            "decide",
            &[
                ("number", number),
                ("decision", "reject"),
                ("comment", "Bitte eines aus dem Pool nehmen."),
            ],
        )
        .await;
    assert!(res.status().is_success());
    sink.wait_for(2).await;
    let decided = sink.to(RITA);
    assert_eq!(decided.len(), 1);
    assert!(
        decided[0].subject.ends_with("was rejected"),
        "{}",
        decided[0].subject
    );
    // What a person wrote is quoted as written, in whatever language they wrote it.
    assert!(decided[0]
        .text
        .contains("> Bitte eines aus dem Pool nehmen."));
}

#[tokio::test]
async fn the_desk_at_work_mails_the_requester_and_the_assignee_and_nobody_twice() {
    let sink = MailSink::start();
    let (_db, app) = mailing(&sink).await;
    let sam = app.signed_in(SAM).await;
    let number = app
        .report_card_reader(&sam, "mail-desk-00001", "one_device")
        .await;
    let (mo, ahmed) = (app.signed_in(MO).await, app.signed_in(AHMED).await);
    let ahmed_id = app.call_json(&ahmed, "me", &[]).await["id"].to_string();

    // The manager assigns it to Ahmed: Ahmed hears of it.
    act(
        &app,
        &mo,
        &number,
        &[("action", "assign"), ("assignee", &ahmed_id)],
    )
    .await;
    act(
        &app,
        &ahmed,
        &number,
        &[("action", "reply"), ("body", "Restart the reader, please.")],
    )
    .await;
    act(
        &app,
        &ahmed,
        &number,
        &[("action", "note"), ("body", "Firmware 2.1 again?")],
    )
    .await;
    act(
        &app,
        &ahmed,
        &number,
        &[("action", "ask"), ("body", "Which till shows it?")],
    )
    .await;
    let res = app
        .call(
            &sam,
            "comment",
            &[("number", &number), ("body", "Till 3, says E-041.")],
        )
        .await;
    assert!(res.status().is_success());
    act(
        &app,
        &ahmed,
        &number,
        &[
            ("action", "resolve"),
            ("code", "Fixed"),
            ("body", "Replaced the reader."),
        ],
    )
    .await;

    let mails = sink.wait_for(5).await;
    assert_eq!(mails.len(), 5, "{mails:#?}");
    let subjects =
        |to: &str| -> Vec<String> { sink.to(to).iter().map(|m| m.subject.clone()).collect() };
    let to_ahmed = subjects(AHMED);
    assert_eq!(to_ahmed.len(), 2, "{to_ahmed:?}");
    assert!(
        to_ahmed[0].starts_with(&format!("[{number}] Assigned to you")),
        "{to_ahmed:?}"
    );
    assert!(to_ahmed[1].contains("commented on"), "{to_ahmed:?}");
    let to_sam = sink.to(SAM);
    assert_eq!(to_sam.len(), 3, "{to_sam:#?}");
    assert!(to_sam[0].subject.contains("replied"));
    assert!(to_sam[0].text.contains("> Restart the reader, please."));
    assert!(to_sam[1].subject.contains("question"));
    assert!(to_sam[2]
        .subject
        .starts_with(&format!("[{number}] Resolved")));
    assert!(to_sam[2]
        .text
        .contains(&format!("{SHARED_ORIGIN}/requests/{number}#rate")));
    // The internal note reached nobody.
    assert!(mails.iter().all(|m| !m.text.contains("Firmware")));
    assert!(mails.iter().all(|m| m.to.len() == 1));
}

#[tokio::test]
async fn a_person_who_turned_a_kind_off_does_not_get_it_but_approvals_stay_on() {
    let sink = MailSink::start();
    let (_db, app) = mailing(&sink).await;
    let sam = app.signed_in(SAM).await;
    // Sam keeps only resolutions; the approval box cannot be unticked (it is not even sent).
    let res = app
        .call(&sam, "save_mail_settings", &[("resolved", "on")])
        .await;
    assert!(res.status().is_success());
    let settings = app.call_json(&sam, "mail_settings", &[]).await;
    let on = |key: &str| {
        settings["choices"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["key"] == key)
            .unwrap()["on"]
            .as_bool()
            .unwrap()
    };
    assert!(!on("reply") && on("resolved") && on("approval_needed"));
    let number = app
        .report_card_reader(&sam, "mail-prefs-00001", "one_device")
        .await;
    let ahmed = app.signed_in(AHMED).await;
    act(&app, &ahmed, &number, &[("action", "take")]).await;
    act(
        &app,
        &ahmed,
        &number,
        &[("action", "reply"), ("body", "On it.")],
    )
    .await;
    act(
        &app,
        &ahmed,
        &number,
        &[("action", "resolve"), ("code", "Fixed"), ("body", "Done.")],
    )
    .await;
    let mails = sink.wait_for(1).await;
    assert_eq!(mails.len(), 1, "{mails:#?}");
    assert!(mails[0].subject.contains("Resolved"));

    // Lena cannot turn approval requests off: the request still reaches her.
    let lena = app.signed_in(LENA).await;
    assert!(app
        .call(&lena, "save_mail_settings", &[])
        .await
        .status()
        .is_success());
    let rita = app.signed_in(RITA).await;
    app.order_laptop(&rita, "mail-prefs-00002").await;
    sink.wait_for(2).await;
    assert_eq!(sink.to(LENA).len(), 1);
}

#[tokio::test]
async fn an_address_the_server_refuses_fails_that_mail_and_the_others_go_out() {
    let sink = MailSink::start();
    let (db, app) = mailing(&sink).await;
    db.execute(
        "UPDATE users SET email = $1 WHERE email = $2",
        &["refuse.sam@deskfront.test", SAM],
    )
    .await;
    let sam = app.signed_in("refuse.sam@deskfront.test").await;
    let number = app
        .report_card_reader(&sam, "mail-refused-001", "one_device")
        .await;
    let (mo, ahmed) = (app.signed_in(MO).await, app.signed_in(AHMED).await);
    let ahmed_id = app.call_json(&ahmed, "me", &[]).await["id"].to_string();
    act(
        &app,
        &mo,
        &number,
        &[("action", "assign"), ("assignee", &ahmed_id)],
    )
    .await;
    act(
        &app,
        &ahmed,
        &number,
        &[("action", "reply"), ("body", "Hello?")],
    )
    .await;

    let mails = sink.wait_for(1).await;
    assert_eq!(
        mails.len(),
        1,
        "only Ahmed's assignment arrives: {mails:#?}"
    );
    assert_eq!(mails[0].to, vec![AHMED]);
    // The refused one is failed for good, with the server's words, on the admins' log.
    let store = db.store().await;
    let mut failed = Vec::new();
    for _ in 0..50 {
        failed = store
            .mail_log(app::model::MailLogFilter::Problems, 1, 50)
            .await
            .unwrap()
            .items;
        if !failed.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(failed.len(), 1, "{failed:#?}");
    assert_eq!(failed[0].state, "failed");
    assert!(failed[0]
        .last_error
        .as_deref()
        .unwrap_or_default()
        .contains("550"));
    let ada = app.signed_in("ada.admin@deskfront.test").await;
    let log = app
        .call_json(&ada, "mail_log", &[("filter", "problems")])
        .await;
    assert_eq!(log["items"][0]["recipient"], "refuse.sam@deskfront.test");
    // Not an admin: no log.
    let log = app.call_json(&ahmed, "mail_log", &[]).await;
    assert!(log["error"].is_string(), "{log}");
}

#[tokio::test]
async fn a_mail_server_down_for_an_hour_loses_nothing_and_doubles_nothing() {
    let mut sink = MailSink::stopped();
    let (_db, app, store, mailer) = sending_by_hand(&sink).await;

    let rita = app.signed_in(RITA).await;
    app.order_laptop(&rita, "mail-down-000001").await;
    let sam = app.signed_in(SAM).await;
    let number = app
        .report_card_reader(&sam, "mail-down-000002", "one_device")
        .await;
    let ahmed = app.signed_in(AHMED).await;
    act(&app, &ahmed, &number, &[("action", "take")]).await;
    act(
        &app,
        &ahmed,
        &number,
        &[("action", "reply"), ("body", "Looking.")],
    )
    .await;

    // The server is down: every send fails and is put back for later.
    let now = Utc::now() + Duration::seconds(5);
    let round = server::mail::send_due(&*store, &mailer, "one", now)
        .await
        .unwrap();
    assert_eq!((round.sent, round.retried), (0, 2), "{round:?}");
    // Tried again through the hour it stays down: still nothing lost.
    for minutes in [1, 5, 20, 45] {
        let at = now + Duration::minutes(minutes);
        let round = server::mail::send_due(&*store, &mailer, "one", at)
            .await
            .unwrap();
        assert_eq!(round.sent, 0);
    }
    assert!(sink.received().is_empty());

    sink.resume();
    let later = now + Duration::minutes(80);
    let round = server::mail::send_due(&*store, &mailer, "one", later)
        .await
        .unwrap();
    assert_eq!(round.sent, 2, "{round:?}");
    // Nothing is left to send, then or ever.
    let round = server::mail::send_due(&*store, &mailer, "one", later + Duration::hours(3))
        .await
        .unwrap();
    assert_eq!(round, server::mail::Round::default());
    let mails = sink.received();
    assert_eq!(mails.len(), 2, "{mails:#?}");
    assert_eq!(sink.to(LENA).len(), 1);
    assert_eq!(sink.to(SAM).len(), 1);
}

#[tokio::test]
async fn two_instances_send_each_mail_once_and_ten_requests_make_one_digest() {
    let sink = MailSink::start();
    let mut db = TestDb::new().await;
    db.config.mail = sink.settings();
    // Long enough for all ten to be queued before the first one's hold ends, on a slow machine.
    db.config.mail.digest_hold_secs = 8;
    let (one, two) = (db.spawn("one").await, db.spawn("two").await);

    // Ten requests for Lena within a few seconds, half through each instance.
    let rita = one.signed_in(RITA).await;
    for i in 0..10 {
        let app = if i % 2 == 0 { &one } else { &two };
        app.order_laptop(&rita, &format!("mail-digest-{i:05}"))
            .await;
    }
    // And five replies to Sam, each its own mail.
    let sam = one.signed_in(SAM).await;
    let number = one
        .report_card_reader(&sam, "mail-two-000001", "one_device")
        .await;
    let ahmed = two.signed_in(AHMED).await;
    act(&two, &ahmed, &number, &[("action", "take")]).await;
    for i in 0..5 {
        act(
            &two,
            &ahmed,
            &number,
            &[("action", "reply"), ("body", &format!("Reply {i}"))],
        )
        .await;
    }

    let mails = sink.wait_for(6).await;
    assert_eq!(mails.len(), 6, "{mails:#?}");
    let to_lena = sink.to(LENA);
    assert_eq!(to_lena.len(), 1, "{to_lena:#?}");
    assert_eq!(to_lena[0].subject, "10 requests wait for your approval");
    for n in 1..=10 {
        assert!(
            to_lena[0].text.contains(&format!("REQ{n:07} — Rita")),
            "REQ{n:07} missing: {}",
            to_lena[0].text
        );
    }
    let replies: Vec<String> = sink.to(SAM).iter().map(|m| m.text.clone()).collect();
    for i in 0..5 {
        assert_eq!(
            replies
                .iter()
                .filter(|t| t.contains(&format!("> Reply {i}\n")))
                .count(),
            1,
            "{replies:#?}"
        );
    }
    let mut ids: Vec<&str> = mails.iter().map(|m| m.message_id.as_str()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 6);
}

#[tokio::test]
async fn an_sla_warning_on_an_unassigned_ticket_mails_its_group() {
    let sink = MailSink::start();
    // The SLA job and the sender run here, a day from now.
    let (_db, app, store, mailer) = sending_by_hand(&sink).await;
    let sam = app.signed_in(SAM).await;
    let number = app
        .report_card_reader(&sam, "mail-sla-000001", "whole_store")
        .await;
    // A day later every clock of the ticket is overdue: two warnings and two breaches, each
    // to the members of Store systems (Ahmed) because nobody took the ticket.
    let later = Utc::now() + Duration::days(1);
    let raised = server::jobs::sla_alerts(&*store, later).await.unwrap();
    assert_eq!(raised, 4);
    let round = server::mail::send_due(&*store, &mailer, "one", later)
        .await
        .unwrap();
    assert_eq!(round.sent, 4, "{round:?}");
    let mails = sink.received();
    assert_eq!(mails.len(), 4, "{mails:#?}");
    assert!(mails.iter().all(|m| m.to == vec![AHMED.to_string()]));
    assert_eq!(
        mails
            .iter()
            .filter(|m| m.subject.contains("Target missed"))
            .count(),
        2
    );
    assert!(mails
        .iter()
        .all(|m| m.subject.starts_with(&format!("[{number}]"))));
}

#[tokio::test]
async fn a_mail_whose_sender_stopped_mid_send_is_never_sent_again_and_shows_as_uncertain() {
    let sink = MailSink::start();
    let (_db, app, store, mailer) = sending_by_hand(&sink).await;
    let rita = app.signed_in(RITA).await;
    app.order_laptop(&rita, "mail-crash-000001").await;

    // An instance claims the approval mail, hands it to the server and dies before it can
    // record the answer: the row stays claimed.
    let now = Utc::now() + Duration::minutes(1);
    let due = store.due_mails(now, 10).await.unwrap();
    assert_eq!(due.len(), 1);
    let key = due[0].digest_key.as_deref();
    let claimed = store
        .claim_mails(due[0].id, key, "dead-sender", "gone", now)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    // A second claim of the same mail gets nothing.
    assert!(store
        .claim_mails(due[0].id, key, "other", "two", now)
        .await
        .unwrap()
        .is_empty());

    // The instances left go on: the claimed mail is not theirs to send, and once its claim is
    // stale it becomes uncertain — shown to admins, never sent again by itself.
    for minutes in [5, 11, 60] {
        let round =
            server::mail::send_due(&*store, &mailer, "two", now + Duration::minutes(minutes))
                .await
                .unwrap();
        assert_eq!(round, server::mail::Round::default());
    }
    assert!(sink.received().is_empty());
    let log = store
        .mail_log(app::model::MailLogFilter::Problems, 1, 50)
        .await
        .unwrap();
    assert_eq!(log.items.len(), 1);
    assert_eq!(log.items[0].state, "uncertain");
    assert_eq!(log.items[0].recipient, LENA);
}

#[tokio::test]
async fn a_two_step_approval_mails_each_steps_approvers_when_their_turn_comes() {
    const PRIYA: &str = "priya.approver@deskfront.test";
    const EVE: &str = "eve.editor@deskfront.test";
    let sink = MailSink::start();
    let (_db, app) = mailing(&sink).await;
    let rita = app.signed_in(RITA).await;
    // The software licence's chain: Rita's line manager, then one of the software owners.
    let (number, state) =
        crate::request_approvals::order(&app, &rita, "mail-chain-000001", "Adobe Creative Cloud")
            .await;
    assert_eq!(state, "awaiting_approval");

    let first = sink.wait_for(1).await;
    assert_eq!(first.len(), 1, "{first:#?}");
    assert_eq!(first[0].to, vec![LENA]);
    assert!(
        first[0].subject.starts_with(&format!("[{number}]")),
        "{}",
        first[0].subject
    );
    // The owners' turn has not come: nothing is even queued for them.
    assert!(sink.to(PRIYA).is_empty() && sink.to(EVE).is_empty());

    let lena = app.signed_in(LENA).await;
    let res = app
        .call(
            &lena,
            "decide",
            &[
                ("number", &number),
                ("decision", "approve"),
                ("comment", ""),
            ],
        )
        .await;
    assert!(res.status().is_success(), "{}", res.text().await.unwrap());
    let mails = sink.wait_for(3).await;
    assert_eq!(mails.len(), 3, "{mails:#?}");
    for owner in [PRIYA, EVE] {
        let theirs = sink.to(owner);
        assert_eq!(theirs.len(), 1, "{owner}: {mails:#?}");
        assert!(
            theirs[0]
                .text
                .contains(&format!("{SHARED_ORIGIN}/approvals#{number}")),
            "{}",
            theirs[0].text
        );
    }

    // One owner decides; the chain ends and the requester hears of it. Nobody got anything twice.
    let priya = app.signed_in(PRIYA).await;
    let res = app
        .call(
            &priya,
            "decide",
            &[
                ("number", &number),
                ("decision", "approve"),
                ("comment", ""),
            ],
        )
        .await;
    assert!(res.status().is_success(), "{}", res.text().await.unwrap());
    let mails = sink.wait_for(4).await;
    assert_eq!(mails.len(), 4, "{mails:#?}");
    let told = sink.to(RITA);
    assert_eq!(told.len(), 1);
    assert!(
        told[0].subject.contains("was approved"),
        "{}",
        told[0].subject
    );
    assert_eq!(sink.to(LENA).len(), 1);
    assert_eq!(sink.to(EVE).len(), 1);
}

#[tokio::test]
async fn a_change_asking_the_cab_mails_its_members_and_reminds_the_undecided_once_a_day() {
    const PRIYA: &str = "priya.approver@deskfront.test";
    const EVE: &str = "eve.editor@deskfront.test";
    let sink = MailSink::start();
    let (_db, app, store, mailer) = sending_by_hand(&sink).await;
    // Lena is away this week: Eve decides in her place, so Eve hears of it too.
    let lena = app.signed_in(LENA).await;
    let today = Utc::now().date_naive();
    let away = app
        .call(
            &lena,
            "delegate",
            &[
                ("to", EVE),
                ("first_day", &today.to_string()),
                ("last_day", &(today + Duration::days(3)).to_string()),
            ],
        )
        .await;
    assert!(away.status().is_success(), "{}", away.text().await.unwrap());
    let number = crate::change_approvals::awaiting_authorisation(
        &app,
        "mail-change-0001",
        &crate::changes::HIGH_RISK,
    )
    .await;
    let send = |at| {
        let (store, mailer) = (&store, &mailer);
        async move {
            server::mail::send_due(&**store, mailer, "one", at)
                .await
                .unwrap()
                .sent
        }
    };

    // The three CAB members are asked, each with a link to the change on their Approvals page,
    // and Lena's stand-in.
    let asked_at = Utc::now() + Duration::minutes(1);
    assert_eq!(send(asked_at).await, 4);
    for member in [LENA, MO, PRIYA, EVE] {
        let theirs = sink.to(member);
        assert_eq!(theirs.len(), 1, "{member}");
        assert!(
            theirs[0].subject.starts_with(&format!("[{number}]")),
            "{}",
            theirs[0].subject
        );
        assert!(
            theirs[0]
                .text
                .contains(&format!("{SHARED_ORIGIN}/approvals#{number}")),
            "{}",
            theirs[0].text
        );
    }

    // Lena approves; two of three are needed, so Mo and Priya are still waited for.
    let decided = app
        .call(
            &lena,
            "decide_change",
            &[
                ("number", &number),
                ("decision", "approve"),
                ("comment", ""),
            ],
        )
        .await;
    assert!(
        decided.status().is_success(),
        "{}",
        decided.text().await.unwrap()
    );

    // Within the day nobody is reminded; after it the undecided are, once, whatever runs.
    let settings = server::config::JobSettings::default();
    let remind = |at| {
        let (store, settings) = (&store, &settings);
        async move {
            server::jobs::remind_approvers(&**store, settings, at)
                .await
                .unwrap()
        }
    };
    assert_eq!(remind(Utc::now() + Duration::hours(23)).await, 0);
    let next_day = Utc::now() + Duration::hours(25);
    assert_eq!(remind(next_day).await, 2);
    assert_eq!(remind(next_day + Duration::hours(1)).await, 0, "once a day");
    assert_eq!(send(next_day + Duration::minutes(1)).await, 2);
    for member in [MO, PRIYA] {
        let theirs = sink.to(member);
        assert_eq!(theirs.len(), 2, "{member}");
        assert!(
            theirs[1]
                .subject
                .contains("Still waiting for your decision"),
            "{}",
            theirs[1].subject
        );
        assert!(theirs[1].text.contains(&format!("/approvals#{number}")));
    }
    assert_eq!(sink.to(LENA).len(), 1, "Lena decided: no reminder");
    assert_eq!(sink.to(EVE).len(), 1, "nor her stand-in");
    assert_eq!(
        remind(next_day + Duration::hours(25)).await,
        2,
        "and the day after"
    );

    // Reminders can be turned off.
    let off = server::config::JobSettings {
        approval_reminder_hours: 0,
        ..Default::default()
    };
    let later = next_day + Duration::days(3);
    assert_eq!(
        server::jobs::remind_approvers(&*store, &off, later)
            .await
            .unwrap(),
        0
    );
}
