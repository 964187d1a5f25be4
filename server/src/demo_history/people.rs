//! The colleagues who raise the history's tickets. A dozen demo accounts raising thousands of
//! tickets each would look odd on their own "My requests" pages, so the history brings its own
//! office staff and shop-floor staff for every store. They cannot sign in (their password hash
//! is not a hash, like the system user's), and their line managers are the demo approvers, so
//! approvals in the history go to people who exist.

use super::reference::Reference;

const FIRST: [&str; 24] = [
    "Aisha", "Ben", "Chloe", "Dev", "Ella", "Femi", "Grace", "Harry", "Imran", "Jade", "Kofi",
    "Laura", "Marek", "Niamh", "Oscar", "Poppy", "Raj", "Sofia", "Tariq", "Una", "Viktor", "Wendy",
    "Yusuf", "Zara",
];
const LAST: [&str; 20] = [
    "Ahmed", "Baker", "Campbell", "Davies", "Edwards", "Fraser", "Green", "Hughes", "Iqbal",
    "Jones", "Kaur", "Lewis", "Murray", "Novak", "O'Brien", "Price", "Reid", "Singh", "Taylor",
    "Walsh",
];
const OFFICE_STAFF: usize = 48;
/// Their mail domain: it tells the history's people from the demo accounts.
const DOMAIN: &str = "@staff.deskfront.test";
const STAFF_PER_STORE: usize = 12;

#[derive(Clone, Debug, PartialEq)]
pub struct NewPerson {
    pub email: String,
    pub name: String,
    pub role: &'static str,
    pub store_code: Option<String>,
    pub manager_id: Option<i64>,
}

pub fn is_colleague(email: &str) -> bool {
    email.ends_with(DOMAIN)
}

/// The same people for every seed and every run: names come from their position, so running
/// the generator twice adds nobody the second time.
pub fn colleagues(reference: &Reference) -> Vec<NewPerson> {
    let managers: Vec<i64> = ["approver", "manager"]
        .iter()
        .map(|role| {
            reference
                .users
                .iter()
                .filter(|u| u.role == *role)
                .map(|u| u.id)
                .collect::<Vec<_>>()
        })
        .find(|ids| !ids.is_empty())
        .unwrap_or_default();
    let places = std::iter::repeat_n(None, OFFICE_STAFF).chain(
        reference
            .stores
            .iter()
            .flat_map(|s| std::iter::repeat_n(Some(s.code.clone()), STAFF_PER_STORE)),
    );
    places
        .enumerate()
        .map(|(n, store_code)| {
            // Walks the name grid diagonally, so neighbours differ in both names.
            let first = FIRST[n % FIRST.len()];
            let last = LAST[(n + n / FIRST.len()) % LAST.len()];
            let local: String = format!("{first}.{last}")
                .to_lowercase()
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
                .collect();
            NewPerson {
                email: format!("{local}.{n:03}{DOMAIN}"),
                name: format!("{first} {last}"),
                role: if store_code.is_some() {
                    "store_staff"
                } else {
                    "requester"
                },
                store_code,
                manager_id: (!managers.is_empty()).then(|| managers[n % managers.len()]),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo_history::reference::{StoreRef, UserRef};
    use app::domain::priority::StoreHours;

    #[test]
    fn colleagues_are_unique_stable_and_report_to_approvers() {
        let user = |id, role: &str| UserRef {
            id,
            email: format!("{id}@x.test"),
            name: String::new(),
            role: role.into(),
            manager_id: None,
            store_code: None,
        };
        let store = |code: &str| StoreRef {
            code: code.into(),
            hours: StoreHours {
                timezone: "Europe/London".into(),
                calendar: None,
            },
        };
        let reference = Reference {
            users: vec![user(1, "agent"), user(2, "approver"), user(3, "approver")],
            stores: vec![store("S1"), store("S2")],
            ..Reference::default()
        };
        let people = colleagues(&reference);
        assert_eq!(people.len(), OFFICE_STAFF + 2 * STAFF_PER_STORE);
        let emails: std::collections::HashSet<_> = people.iter().map(|p| &p.email).collect();
        assert_eq!(emails.len(), people.len());
        assert!(people
            .iter()
            .all(|p| matches!(p.manager_id, Some(2) | Some(3))));
        assert_eq!(
            people
                .iter()
                .filter(|p| p.store_code.as_deref() == Some("S2"))
                .count(),
            STAFF_PER_STORE
        );
        assert_eq!(people, colleagues(&reference));
        assert!(people.iter().all(|p| is_colleague(&p.email)));
    }
}
