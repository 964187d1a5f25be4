//! The service desk's server functions: the agent queue, actions on a ticket (for the desk and
//! for the requester), ratings and in-portal notifications. All of them also work as plain HTML
//! form posts.

#[cfg(feature = "ssr")]
use crate::i18n::{t, t_with, Arg};
use crate::model::{AppError, NotificationView, Page, QueueItem};
use leptos::prelude::*;

pub const QUEUE_PER_PAGE: u32 = 25;

pub const MAX_RATING_COMMENT: usize = 2_000;

/// One action on a ticket. `action` is one of: assign (to `assignee`, a user id, or to
/// nobody when empty), take (assign to me), reply, ask, note, resolve (with `code`), answer,
/// reopen.
#[server(endpoint = "ticket_action")]
pub async fn ticket_action(
    number: String,
    action: String,
    body: Option<String>,
    code: Option<String>,
    assignee: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::desk::Action;
    use crate::backend::{forms, session};
    let page = format!("/requests/{}", forms::encode(&number));
    let result = async {
        let user = session::require_user().await?;
        let body = body.unwrap_or_default();
        let action = match action.as_str() {
            "take" => Action::Assign { to: Some(user.id) },
            "assign" => {
                let to = match assignee.as_deref().map(str::trim).filter(|a| !a.is_empty()) {
                    None => None,
                    Some(id) => Some(id.parse::<i64>().map_err(|_| {
                        AppError::invalid_field("assignee", t("error-pick-from-list"))
                    })?),
                };
                Action::Assign { to }
            }
            "reply" => Action::Reply { body },
            "ask" => Action::Ask { body },
            "note" => Action::Note { body },
            "resolve" => Action::Resolve {
                code: code.unwrap_or_default(),
                body,
            },
            "answer" => Action::Answer { body },
            "reopen" => Action::Reopen { body },
            _ => {
                return Err(AppError::invalid_field(
                    "action",
                    t("error-not-a-ticket-action"),
                ))
            }
        };
        crate::backend::desk::act_now(&user, &number, action).await
    }
    .await;
    forms::finish(result, &page, &page)
}

/// The requester's rating of a resolved ticket: 1 to 5, with an optional comment. Once.
#[server(endpoint = "rate")]
pub async fn rate_ticket(
    number: String,
    rating: String,
    comment: Option<String>,
) -> Result<(), AppError> {
    use crate::backend::{desk, forms, internal, session, store};
    use crate::domain::TicketState;
    let page = format!("/requests/{}", forms::encode(&number));
    let result = async {
        let user = session::require_user().await?;
        let rating = rating
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|r| (1..=5).contains(r))
            .ok_or_else(|| AppError::invalid_field("rating", t("error-pick-stars")))?;
        let comment = comment.unwrap_or_default().trim().to_string();
        if comment.chars().count() > MAX_RATING_COMMENT {
            return Err(AppError::invalid_field(
                "comment",
                t_with(
                    "error-rating-comment-long",
                    &[("max", Arg::count(MAX_RATING_COMMENT))],
                ),
            ));
        }
        let store = store()?;
        let (ticket, relation) = desk::load(store.as_ref(), &user, &number).await?;
        if !relation.requester {
            return Err(AppError::forbidden(t("error-rate-not-yours")));
        }
        if !matches!(ticket.state, TicketState::Resolved | TicketState::Closed)
            || ticket.resolved_at.is_none()
        {
            return Err(AppError::conflict(t("error-rate-not-resolved")));
        }
        let rated = store
            .rate_ticket(ticket.id, user.id, rating, &comment, chrono::Utc::now())
            .await
            .map_err(internal)?;
        if rated {
            Ok(())
        } else {
            Err(AppError::conflict(t("error-rated-already")))
        }
    }
    .await;
    forms::finish(result, &page, &page)
}

/// The agent queue: the caller's groups (managers and admins: every group), what breaches
/// first at the top. Filters are optional; `group` narrows to one assignment group (one of the
/// agent's own), `state` empty means every open state, `assignee` is "me", "none" or empty
/// (anyone).
#[server(endpoint = "queue")]
pub async fn agent_queue(
    group: Option<String>,
    state: Option<String>,
    priority: Option<String>,
    store: Option<String>,
    category: Option<String>,
    assignee: Option<String>,
    page: Option<u32>,
) -> Result<Page<QueueItem>, AppError> {
    use crate::backend::desk_store::{AssigneeFilter, QueueFilter};
    use crate::backend::{internal, session};
    use crate::domain::priority::Priority;
    use crate::domain::TicketState;
    use crate::model::Role;
    let user = session::require_user().await?;
    let backend = crate::backend::store()?;
    let groups = match user.role {
        Role::Manager | Role::Admin => None,
        Role::Agent => Some(backend.groups_of(user.id).await.map_err(internal)?),
        _ => return Err(AppError::forbidden(t("error-queue-desk-only"))),
    };
    let given = |v: Option<String>| v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let groups = match (given(group), groups) {
        (None, groups) => groups,
        (Some(g), Some(mine)) if !mine.contains(&g) => {
            return Err(AppError::invalid_field("group", t("error-not-your-group")))
        }
        (Some(g), _) => Some(vec![g]),
    };
    let states = match given(state) {
        None => Vec::new(),
        Some(s) => vec![TicketState::parse(&s)
            .ok_or_else(|| AppError::invalid_field("state", t("error-pick-state")))?],
    };
    let priority = match given(priority) {
        None => None,
        Some(p) => Some(
            Priority::parse(&p)
                .ok_or_else(|| AppError::invalid_field("priority", t("error-pick-priority")))?,
        ),
    };
    let assignee = match given(assignee).as_deref() {
        None => AssigneeFilter::Anyone,
        Some("me") => AssigneeFilter::User(user.id),
        Some("none") => AssigneeFilter::Unassigned,
        Some(_) => {
            return Err(AppError::invalid_field(
                "assignee",
                t("error-pick-assignee-filter"),
            ))
        }
    };
    let rows = backend
        .queue(&QueueFilter {
            groups,
            states,
            priority,
            store: given(store),
            category: given(category),
            assignee,
            page: page.unwrap_or(1).max(1),
            per_page: QUEUE_PER_PAGE,
        })
        .await
        .map_err(internal)?;
    Ok(Page {
        items: rows.items.into_iter().map(QueueItem::from).collect(),
        page: rows.page,
        per_page: rows.per_page,
        total: rows.total,
    })
}

/// The assignment groups whose queues the caller may open: an agent's own, every group for
/// managers and admins, none for everyone else.
#[server(endpoint = "my_groups")]
pub async fn my_groups() -> Result<Vec<String>, AppError> {
    use crate::backend::{internal, session, store};
    use crate::model::Role;
    let user = session::require_user().await?;
    let store = store()?;
    match user.role {
        Role::Manager | Role::Admin => store.all_groups().await.map_err(internal),
        Role::Agent => store.groups_of(user.id).await.map_err(internal),
        _ => Ok(Vec::new()),
    }
}

/// The caller's latest notifications, newest first. Reading changes nothing: the page renders
/// on a GET, and a GET must not change state (see `mark_notifications_read`).
#[server(endpoint = "notifications")]
pub async fn my_notifications() -> Result<Vec<NotificationView>, AppError> {
    use crate::backend::{internal, session, store};
    let user = session::require_user().await?;
    let rows = store()?
        .notifications(user.id, 50)
        .await
        .map_err(internal)?;
    Ok(rows
        .into_iter()
        .map(|n| NotificationView {
            number: n.number,
            body: n.body,
            at: n.created_at,
            read: n.read,
        })
        .collect())
}

/// "Mark all as read": a plain form post from the notifications page, with or without
/// JavaScript (the page reloads, and with it the header's badge).
#[server(endpoint = "mark_notifications_read")]
pub async fn mark_notifications_read() -> Result<(), AppError> {
    use crate::backend::{forms, internal, session, store};
    let result = async {
        let user = session::require_user().await?;
        store()?
            .mark_notifications_read(user.id, chrono::Utc::now())
            .await
            .map_err(internal)
    }
    .await;
    forms::finish(result, "/notifications", "/notifications")
}

/// How many notifications the caller has not read (the badge in the header).
#[server(endpoint = "unread")]
pub async fn unread_notifications() -> Result<i64, AppError> {
    use crate::backend::{internal, session, store};
    let user = session::require_user().await?;
    store()?
        .unread_notifications(user.id)
        .await
        .map_err(internal)
}
