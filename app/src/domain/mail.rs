//! E-mail notifications as rules: which event on a ticket mails whom, what each mail says,
//! when a queued mail is due (approval requests wait briefly so a burst becomes one digest) and
//! when a mail the server could not take is tried again.
//!
//! No I/O: the store asks `planned` inside the transaction that records the event and queues
//! the answer; the sender renders with `render`/`render_digest` when the mail goes out.

use super::say::Arg;
use chrono::{DateTime, Duration, Utc};

/// A kind of mail. Its key is stored with each queued mail and with a person's opt-outs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MailKind {
    ApprovalNeeded,
    /// A step has waited for the approver longer than the reminder interval.
    ApprovalReminder,
    Approved,
    Rejected,
    Reply,
    Question,
    Resolved,
    Assigned,
    SlaWarning,
    SlaBreach,
    RequesterComment,
}

impl MailKind {
    pub const ALL: [MailKind; 11] = [
        MailKind::ApprovalNeeded,
        MailKind::ApprovalReminder,
        MailKind::Approved,
        MailKind::Rejected,
        MailKind::Reply,
        MailKind::Question,
        MailKind::Resolved,
        MailKind::Assigned,
        MailKind::SlaWarning,
        MailKind::SlaBreach,
        MailKind::RequesterComment,
    ];

    pub fn key(self) -> &'static str {
        match self {
            MailKind::ApprovalNeeded => "approval_needed",
            MailKind::ApprovalReminder => "approval_reminder",
            MailKind::Approved => "approved",
            MailKind::Rejected => "rejected",
            MailKind::Reply => "reply",
            MailKind::Question => "question",
            MailKind::Resolved => "resolved",
            MailKind::Assigned => "assigned",
            MailKind::SlaWarning => "sla_warning",
            MailKind::SlaBreach => "sla_breach",
            MailKind::RequesterComment => "requester_comment",
        }
    }

    pub fn from_key(key: &str) -> Option<MailKind> {
        MailKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// What the settings page calls it.
    pub fn label(self) -> &'static str {
        match self {
            MailKind::ApprovalNeeded => "A request waits for my approval",
            MailKind::ApprovalReminder => "A request still waits for my approval",
            MailKind::Approved => "My request was approved",
            MailKind::Rejected => "My request was rejected",
            MailKind::Reply => "The service desk replied to me",
            MailKind::Question => "The service desk asks me something",
            MailKind::Resolved => "My ticket was resolved",
            MailKind::Assigned => "A ticket was assigned to me",
            MailKind::SlaWarning => "A ticket I work on is close to its target",
            MailKind::SlaBreach => "A ticket I work on missed its target",
            MailKind::RequesterComment => "A requester commented on my ticket",
        }
    }

    /// Whether a person may turn it off. Approval requests stay on: a request nobody hears
    /// about waits for ever.
    pub fn optional(self) -> bool {
        !self.digested()
    }

    /// Mails of this kind to one person are sent together (see `digest_send_at`).
    pub fn digested(self) -> bool {
        self.digest_prefix().is_some()
    }

    /// What a digested mail's digest key starts with (the recipient's id follows). Requests
    /// for a decision and reminders of one share it, so an approver gets one list of what
    /// waits for them.
    pub fn digest_prefix(self) -> Option<&'static str> {
        matches!(self, MailKind::ApprovalNeeded | MailKind::ApprovalReminder)
            .then_some("approval_needed:")
    }
}

/// The events on a ticket that can cause a mail.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    ApprovalRequested,
    Approved,
    Rejected,
    Reply,
    Question,
    Resolved,
    Assigned,
    SlaWarning,
    SlaBreach,
    Comment,
}

/// The ticket as it stands after the event.
#[derive(Clone, Debug, PartialEq)]
pub struct TicketFacts {
    pub requester_id: i64,
    pub assignee_id: Option<i64>,
    pub approver_id: Option<i64>,
    pub group: String,
}

/// Who receives a mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Audience {
    Person(i64),
    /// Every member of an assignment group.
    Group(String),
}

/// The mails an event causes. Nobody is mailed about what they did themselves, and internal
/// entries never reach the requester.
pub fn planned(
    trigger: Trigger,
    author_id: i64,
    internal: bool,
    t: &TicketFacts,
) -> Vec<(MailKind, Audience)> {
    let to_requester = |kind| {
        (t.requester_id != author_id && !internal)
            .then_some((kind, Audience::Person(t.requester_id)))
    };
    let mail = match trigger {
        Trigger::ApprovalRequested => t
            .approver_id
            .map(|a| (MailKind::ApprovalNeeded, Audience::Person(a))),
        Trigger::Approved => to_requester(MailKind::Approved),
        Trigger::Rejected => to_requester(MailKind::Rejected),
        Trigger::Reply => to_requester(MailKind::Reply),
        Trigger::Question => to_requester(MailKind::Question),
        Trigger::Resolved => to_requester(MailKind::Resolved),
        Trigger::Assigned => t
            .assignee_id
            .filter(|a| *a != author_id)
            .map(|a| (MailKind::Assigned, Audience::Person(a))),
        Trigger::SlaWarning | Trigger::SlaBreach => {
            let kind = if trigger == Trigger::SlaBreach {
                MailKind::SlaBreach
            } else {
                MailKind::SlaWarning
            };
            Some(match t.assignee_id {
                Some(a) => (kind, Audience::Person(a)),
                None => (kind, Audience::Group(t.group.clone())),
            })
        }
        Trigger::Comment => (author_id == t.requester_id)
            .then_some(t.assignee_id)
            .flatten()
            .filter(|a| *a != author_id)
            .map(|a| (MailKind::RequesterComment, Audience::Person(a))),
    };
    mail.into_iter().collect()
}

/// What a queued mail says, as stored in the outbox.
#[derive(Clone, Debug, PartialEq)]
pub struct MailFacts {
    pub kind: MailKind,
    pub ticket_number: String,
    pub ticket_title: String,
    pub requester_name: String,
    /// The event's text: the reply, the question, the reason for a rejection, the SLA note.
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The page that needs the recipient, as a path below the portal's public URL.
pub fn link_path(f: &MailFacts) -> String {
    let n = &f.ticket_number;
    match f.kind {
        MailKind::ApprovalNeeded | MailKind::ApprovalReminder => format!("/approvals#{n}"),
        MailKind::Resolved => format!("/requests/{n}#rate"),
        _ => format!("/requests/{n}"),
    }
}

/// How a mail's words are looked up: the message `id` with its variables, in the recipient's
/// language (the sender passes its catalog's `text`). The rules name messages; they hold no
/// words of any language.
pub type Words<'a> = &'a dyn Fn(&str, &[(&str, Arg)]) -> String;

/// The messages of one kind of mail: its subject, its first line and its link's text.
fn messages(kind: MailKind) -> [&'static str; 3] {
    match kind {
        MailKind::ApprovalNeeded => [
            "mail-approval-needed-subject",
            "mail-approval-needed-lead",
            "mail-approval-needed-action",
        ],
        MailKind::ApprovalReminder => [
            "mail-approval-reminder-subject",
            "mail-approval-reminder-lead",
            "mail-approval-needed-action",
        ],
        MailKind::Approved => [
            "mail-approved-subject",
            "mail-approved-lead",
            "mail-see-request",
        ],
        MailKind::Rejected => [
            "mail-rejected-subject",
            "mail-rejected-lead",
            "mail-see-request",
        ],
        MailKind::Reply => ["mail-reply-subject", "mail-reply-lead", "mail-reply-action"],
        MailKind::Question => [
            "mail-question-subject",
            "mail-question-lead",
            "mail-question-action",
        ],
        MailKind::Resolved => [
            "mail-resolved-subject",
            "mail-resolved-lead",
            "mail-resolved-action",
        ],
        MailKind::Assigned => [
            "mail-assigned-subject",
            "mail-assigned-lead",
            "mail-open-ticket",
        ],
        MailKind::SlaWarning => [
            "mail-sla-warning-subject",
            "mail-sla-warning-lead",
            "mail-open-ticket",
        ],
        MailKind::SlaBreach => [
            "mail-sla-breach-subject",
            "mail-sla-breach-lead",
            "mail-open-ticket",
        ],
        MailKind::RequesterComment => [
            "mail-comment-subject",
            "mail-comment-lead",
            "mail-comment-action",
        ],
    }
}

/// The messages of a digest of approval requests.
pub const DIGEST_MESSAGES: [&str; 5] = [
    "mail-digest-subject",
    "mail-digest-intro",
    "mail-digest-line",
    "mail-approval-needed-action",
    "mail-footer",
];

/// One mail in the recipient's `words`: the ticket number in the subject, a plain text and an
/// HTML part with a link straight to the page that needs the recipient.
pub fn render(f: &MailFacts, base_url: &str, words: Words) -> Rendered {
    let args: [(&str, Arg); 2] = [
        ("title", f.ticket_title.as_str().into()),
        ("who", f.requester_name.as_str().into()),
    ];
    let [subject, lead, action] = messages(f.kind).map(|id| words(id, &args));
    let footer = words("mail-footer", &[]);
    let link = format!("{}{}", base_url.trim_end_matches('/'), link_path(f));
    let detail = f.detail.trim();
    let mut text = format!("{lead}\n\n");
    let mut html = format!("<p>{}</p>\n", escape(&lead));
    if !detail.is_empty() {
        text.push_str(&quoted(detail));
        text.push('\n');
        html.push_str(&format!(
            "<blockquote style=\"white-space:pre-wrap\">{}</blockquote>\n",
            escape(detail)
        ));
    }
    text.push_str(&format!("{action}: {link}\n\n{footer}\n"));
    html.push_str(&format!(
        "<p><a href=\"{}\">{}</a></p>\n<p style=\"color:#555\">{}</p>\n",
        escape(&link),
        escape(&action),
        escape(&footer)
    ));
    Rendered {
        subject: format!("[{}] {subject}", f.ticket_number),
        text,
        html,
    }
}

/// Several mails of one digested kind to one person, as one mail listing them.
pub fn render_digest(items: &[MailFacts], base_url: &str, words: Words) -> Rendered {
    if let [one] = items {
        return render(one, base_url, words);
    }
    let base = base_url.trim_end_matches('/');
    let count = [("count", Arg::count(items.len()))];
    let intro = words("mail-digest-intro", &count);
    let action = words("mail-approval-needed-action", &[]);
    let footer = words("mail-footer", &[]);
    let mut text = format!("{intro}\n\n");
    let mut html = format!("<p>{}</p>\n<ul>\n", escape(&intro));
    for f in items {
        let line = words(
            "mail-digest-line",
            &[
                ("number", f.ticket_number.as_str().into()),
                ("who", f.requester_name.as_str().into()),
                ("title", f.ticket_title.as_str().into()),
            ],
        );
        let link = format!("{base}{}", link_path(f));
        text.push_str(&format!("- {line}\n  {link}\n"));
        html.push_str(&format!(
            "<li><a href=\"{}\">{}</a></li>\n",
            escape(&link),
            escape(&line)
        ));
    }
    text.push_str(&format!("\n{action}: {base}/approvals\n\n{footer}\n"));
    html.push_str(&format!(
        "</ul>\n<p><a href=\"{}\">{}</a></p>\n<p style=\"color:#555\">{}</p>\n",
        escape(&format!("{base}/approvals")),
        escape(&action),
        escape(&footer)
    ));
    Rendered {
        subject: words("mail-digest-subject", &count),
        text,
        html,
    }
}

/// The messages of every kind of mail, for the test that renders each in every language.
pub fn all_messages() -> Vec<&'static str> {
    let mut ids: Vec<&str> = MailKind::ALL.iter().flat_map(|&k| messages(k)).collect();
    ids.extend(DIGEST_MESSAGES);
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn quoted(text: &str) -> String {
    text.lines().map(|l| format!("> {l}\n")).collect()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// How long the first approval request waits for others to the same person, and how long
/// after one digest the next may go. Ten requests in a burst make one mail, sent within a
/// minute of the first; a steady trickle makes at most one mail per spacing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DigestRule {
    pub hold: Duration,
    pub spacing: Duration,
}

impl Default for DigestRule {
    fn default() -> Self {
        DigestRule {
            hold: Duration::seconds(30),
            spacing: Duration::minutes(5),
        }
    }
}

impl DigestRule {
    /// When the digest of the mails pending since `first_pending` may go, given when the last
    /// one to the same person went.
    pub fn send_at(
        &self,
        first_pending: DateTime<Utc>,
        last_sent: Option<DateTime<Utc>>,
    ) -> DateTime<Utc> {
        let held = first_pending + self.hold;
        match last_sent {
            Some(sent) => held.max(sent + self.spacing),
            None => held,
        }
    }
}

/// When to try a mail again after the server did not take it (down, or a temporary refusal):
/// 30 s doubling up to 15 minutes, so a server that is back is used within minutes; `None`
/// after two days, when the mail is marked failed and shows on the admin page.
pub fn retry_at(
    attempts: u32,
    created_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    if now - created_at > Duration::days(2) {
        return None;
    }
    let secs = 30i64.saturating_mul(1i64 << attempts.saturating_sub(1).min(10));
    Some(now + Duration::seconds(secs.min(15 * 60)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RITA: i64 = 1;
    const AGENT: i64 = 2;
    const MANAGER: i64 = 3;

    fn ticket(assignee: Option<i64>) -> TicketFacts {
        TicketFacts {
            requester_id: RITA,
            assignee_id: assignee,
            approver_id: Some(MANAGER),
            group: "Service Desk".into(),
        }
    }

    fn facts(kind: MailKind) -> MailFacts {
        MailFacts {
            kind,
            ticket_number: "REQ0001042".into(),
            ticket_title: "Laptop".into(),
            requester_name: "Rita Requester".into(),
            detail: String::new(),
        }
    }

    #[test]
    fn each_event_mails_the_right_person() {
        let t = ticket(Some(AGENT));
        let person = |k, p| vec![(k, Audience::Person(p))];
        assert_eq!(
            planned(Trigger::ApprovalRequested, MANAGER, false, &t),
            person(MailKind::ApprovalNeeded, MANAGER)
        );
        assert_eq!(
            planned(Trigger::Approved, MANAGER, false, &t),
            person(MailKind::Approved, RITA)
        );
        assert_eq!(
            planned(Trigger::Rejected, MANAGER, false, &t),
            person(MailKind::Rejected, RITA)
        );
        for (trigger, kind) in [
            (Trigger::Reply, MailKind::Reply),
            (Trigger::Question, MailKind::Question),
            (Trigger::Resolved, MailKind::Resolved),
        ] {
            assert_eq!(planned(trigger, AGENT, false, &t), person(kind, RITA));
        }
        assert_eq!(
            planned(Trigger::Assigned, MANAGER, false, &t),
            person(MailKind::Assigned, AGENT)
        );
        assert_eq!(
            planned(Trigger::Comment, RITA, false, &t),
            person(MailKind::RequesterComment, AGENT)
        );
        assert_eq!(
            planned(Trigger::SlaBreach, 99, true, &t),
            person(MailKind::SlaBreach, AGENT)
        );
    }

    #[test]
    fn nobody_is_mailed_about_what_they_did_themselves() {
        let t = ticket(Some(AGENT));
        assert!(planned(Trigger::Assigned, AGENT, false, &t).is_empty());
        // The requester resolving or commenting on their own ticket as the desk would.
        assert!(planned(Trigger::Reply, RITA, false, &t).is_empty());
        // A comment by the desk is not a requester's comment.
        assert!(planned(Trigger::Comment, AGENT, false, &t).is_empty());
        // Back to the queue: no assignee, nobody to tell.
        assert!(planned(Trigger::Assigned, AGENT, false, &ticket(None)).is_empty());
        // A requester's comment with nobody assigned waits for the queue.
        assert!(planned(Trigger::Comment, RITA, false, &ticket(None)).is_empty());
    }

    #[test]
    fn internal_entries_never_reach_the_requester() {
        let t = ticket(Some(AGENT));
        assert!(planned(Trigger::Reply, AGENT, true, &t).is_empty());
        assert!(planned(Trigger::Resolved, AGENT, true, &t).is_empty());
    }

    #[test]
    fn an_unassigned_ticket_alerts_its_group() {
        assert_eq!(
            planned(Trigger::SlaWarning, 99, true, &ticket(None)),
            vec![(MailKind::SlaWarning, Audience::Group("Service Desk".into()))]
        );
    }

    /// Words that name the message and its variables, so the rules' choices show.
    fn ids(id: &str, args: &[(&str, Arg)]) -> String {
        let args: Vec<String> = args
            .iter()
            .map(|(name, value)| match value {
                Arg::Text(t) => format!("{name}={t}"),
                Arg::Number(n) => format!("{name}={n}"),
            })
            .collect();
        format!("{id}({})", args.join(","))
    }

    #[test]
    fn every_kind_has_a_subject_with_the_number_and_a_link_to_its_page() {
        for kind in MailKind::ALL {
            let mail = render(&facts(kind), "https://it.example.com/", &ids);
            assert!(
                mail.subject.starts_with("[REQ0001042] mail-"),
                "{kind:?}: {}",
                mail.subject
            );
            assert!(
                mail.subject.contains("title=Laptop,who=Rita Requester"),
                "{kind:?}: {}",
                mail.subject
            );
            let link = format!("https://it.example.com{}", link_path(&facts(kind)));
            assert!(mail.text.contains(&link), "{kind:?}: {}", mail.text);
            assert!(mail.html.contains(&format!("href=\"{link}\"")), "{kind:?}");
            assert!(mail.text.contains("mail-footer()"), "{kind:?}");
            assert_eq!(MailKind::from_key(kind.key()), Some(kind));
        }
        assert!(all_messages().len() >= 20);
    }

    #[test]
    fn the_approval_mail_names_its_messages_and_links_to_the_approval() {
        let mail = render(&facts(MailKind::ApprovalNeeded), "http://portal", &ids);
        assert_eq!(
            mail.subject,
            "[REQ0001042] mail-approval-needed-subject(title=Laptop,who=Rita Requester)"
        );
        assert!(mail.text.contains(
            "mail-approval-needed-action(title=Laptop,who=Rita Requester): http://portal/approvals#REQ0001042"
        ));
    }

    #[test]
    fn resolution_links_to_the_rating_and_replies_quote_the_desk() {
        let resolved = render(&facts(MailKind::Resolved), "http://portal", &ids);
        assert!(resolved
            .text
            .contains("http://portal/requests/REQ0001042#rate"));
        assert!(resolved.text.starts_with("mail-resolved-lead("));
        let mut reply = facts(MailKind::Reply);
        reply.detail = "Restart it, please.\nThen tell me.".into();
        let mail = render(&reply, "http://portal", &ids);
        assert!(mail
            .text
            .contains("> Restart it, please.\n> Then tell me.\n"));
        assert!(mail.html.contains("<blockquote"));
    }

    #[test]
    fn what_people_wrote_cannot_become_markup() {
        let mut f = facts(MailKind::Rejected);
        f.ticket_title = "<b>Laptop</b>".into();
        f.detail = "<script>alert(1)</script>".into();
        let mail = render(&f, "http://portal", &ids);
        assert!(!mail.html.contains("<script>"));
        assert!(!mail.html.contains("<b>"));
        assert!(mail.html.contains("&lt;script&gt;"));
    }

    #[test]
    fn a_digest_lists_every_request_once() {
        let mut second = facts(MailKind::ApprovalNeeded);
        second.ticket_number = "REQ0001043".into();
        second.ticket_title = "Monitor".into();
        let items = [facts(MailKind::ApprovalNeeded), second];
        let mail = render_digest(&items, "http://portal", &ids);
        assert_eq!(mail.subject, "mail-digest-subject(count=2)");
        assert!(mail
            .text
            .contains("mail-digest-line(number=REQ0001042,who=Rita Requester,title=Laptop)"));
        assert!(mail
            .text
            .contains("mail-digest-line(number=REQ0001043,who=Rita Requester,title=Monitor)"));
        assert!(mail.html.contains("http://portal/approvals#REQ0001043"));
        // One item is just that mail.
        assert_eq!(
            render_digest(&items[..1], "http://portal", &ids),
            render(&items[0], "http://portal", &ids)
        );
    }

    #[test]
    fn a_burst_waits_for_the_hold_and_a_trickle_for_the_spacing() {
        let rule = DigestRule::default();
        let t0 = DateTime::parse_from_rfc3339("2026-12-03T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(rule.send_at(t0, None), t0 + Duration::seconds(30));
        // The last digest went a minute ago: the next waits until five minutes after it.
        assert_eq!(
            rule.send_at(t0, Some(t0 - Duration::minutes(1))),
            t0 + Duration::minutes(4)
        );
        // Long ago: only the hold counts.
        assert_eq!(
            rule.send_at(t0, Some(t0 - Duration::hours(1))),
            t0 + Duration::seconds(30)
        );
        let asks = [MailKind::ApprovalNeeded, MailKind::ApprovalReminder];
        for kind in asks {
            assert!(kind.digested() && !kind.optional(), "{kind:?}");
            assert_eq!(kind.digest_prefix(), Some("approval_needed:"), "one digest");
        }
        assert!(MailKind::ALL
            .iter()
            .filter(|k| !asks.contains(k))
            .all(|k| k.optional() && !k.digested()));
    }

    #[test]
    fn retries_back_off_and_give_up_after_two_days() {
        let t0 = DateTime::parse_from_rfc3339("2026-12-03T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(retry_at(1, t0, t0), Some(t0 + Duration::seconds(30)));
        assert_eq!(retry_at(2, t0, t0), Some(t0 + Duration::seconds(60)));
        assert_eq!(retry_at(40, t0, t0), Some(t0 + Duration::minutes(15)));
        // An hour down: still tried within a quarter of an hour of coming back.
        let later = t0 + Duration::hours(1);
        assert!(retry_at(9, t0, later).unwrap() <= later + Duration::minutes(15));
        assert_eq!(retry_at(3, t0, t0 + Duration::days(3)), None);
    }
}
