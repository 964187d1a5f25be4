//! Who may see and act on a ticket. A requester sees their own tickets; the approver sees the
//! tickets waiting on them; agents see their assignment groups' tickets; managers and admins
//! see all (see `desk::relation`).

use super::internal;
use super::store::{Store, TicketAccess};
use crate::i18n::{t, t_with};
use crate::model::{AppError, AppResult, UserView};

/// The ticket `number` if `user` may see it. Someone else's ticket answers exactly like a
/// missing one: numbers are sequential and easy to guess.
pub async fn visible_ticket(
    store: &dyn Store,
    user: &UserView,
    number: &str,
) -> AppResult<TicketAccess> {
    let missing = || AppError::not_found(t_with("error-no-request", &[("number", number.into())]));
    let ticket = store
        .ticket_access(number)
        .await
        .map_err(internal)?
        .ok_or_else(missing)?;
    let relation = super::desk::relation_to(store, user, &ticket).await?;
    if relation.sees() {
        Ok(ticket)
    } else {
        Err(missing())
    }
}

/// Administration pages and functions (audit log, stores and devices, people): administrators
/// only. To anyone else they do not exist, so the answer is "not found", not "forbidden".
pub fn admin_only(user: &UserView) -> AppResult<()> {
    if user.role == crate::model::Role::Admin {
        Ok(())
    } else {
        Err(AppError::not_found(t("error-no-page")))
    }
}

/// Catalog administration (categories, items, forms): admins and editors, who may change the
/// catalog but not people. Anyone else gets "not found", as for the admin pages.
pub fn catalog_editors_only(user: &UserView) -> AppResult<()> {
    if user.role.edits_catalog() {
        Ok(())
    } else {
        Err(AppError::not_found(t("error-no-page")))
    }
}

/// The knowledge base's tools (articles, synonyms, what people searched for): editors and
/// admins. Readers know these exist (the menu names them to editors), so the answer is
/// "forbidden", with what to do.
pub fn knowledge_editors_only(user: &UserView) -> AppResult<()> {
    if user.role.edits_articles() {
        Ok(())
    } else {
        Err(AppError::forbidden(t("error-editors-only")))
    }
}

pub fn can_cancel(user: &UserView, ticket: &TicketAccess) -> bool {
    ticket.requester_id == user.id && ticket.state.can_cancel()
}

pub fn can_decide(user: &UserView, ticket: &TicketAccess) -> bool {
    ticket.approver_id == Some(user.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::TicketState;
    use crate::model::Role;

    fn user(id: i64, role: Role) -> UserView {
        UserView {
            id,
            email: format!("u{id}@x.test"),
            name: format!("U{id}"),
            role,
            approves: false,
            language: None,
            timezone: None,
            store: None,
        }
    }

    #[test]
    fn only_administrators_reach_administration() {
        assert!(matches!(
            admin_only(&user(1, Role::Editor)),
            Err(AppError::NotFound { .. })
        ));
        assert!(admin_only(&user(1, Role::Admin)).is_ok());
    }

    fn ticket(state: TicketState) -> TicketAccess {
        TicketAccess {
            id: 1,
            state,
            requester_id: 10,
            approver_id: Some(20),
            assignment_group: "Service desk".into(),
        }
    }

    #[test]
    fn only_the_named_approver_decides() {
        let t = ticket(TicketState::AwaitingApproval);
        assert!(can_decide(&user(20, Role::Approver), &t));
        assert!(!can_decide(&user(21, Role::Approver), &t));
        assert!(!can_decide(&user(30, Role::Admin), &t));
    }

    #[test]
    fn only_the_requester_cancels_an_open_ticket() {
        assert!(can_cancel(
            &user(10, Role::Requester),
            &ticket(TicketState::InProgress)
        ));
        assert!(!can_cancel(
            &user(10, Role::Requester),
            &ticket(TicketState::Rejected)
        ));
        assert!(!can_cancel(
            &user(20, Role::Approver),
            &ticket(TicketState::New)
        ));
    }
}
