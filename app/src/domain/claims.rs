//! What an identity provider's claims make of a person here: their role, assignment groups,
//! line manager and home store. Pure rules: the server reads the claims from a verified ID
//! token, runs them through this mapping at every sign-in, and stores the outcome (unless an
//! administrator pinned the role).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How one provider's groups become roles and assignment groups. In `deskfront.toml`, the
/// keys of an `[[oidc]]` entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClaimMapping {
    /// Provider groups whose members are service desk agents.
    pub agent_groups: Vec<String>,
    /// Provider groups whose members are IT service managers.
    pub manager_groups: Vec<String>,
    /// Provider groups whose members edit the catalog and the knowledge base.
    pub editor_groups: Vec<String>,
    /// Provider groups whose members administer the portal.
    pub admin_groups: Vec<String>,
    /// Provider group → Deskfront assignment group, for names that differ. A provider group
    /// not listed here joins the assignment group of the same name, if there is one.
    pub group_map: BTreeMap<String, String>,
}

/// The claims that matter here, as read from a verified ID token.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonClaims {
    pub name: String,
    pub email: String,
    pub groups: Vec<String>,
    pub manager_email: Option<String>,
    pub store: Option<String>,
}

/// The roles a provider's groups can grant (a subset of `model::Role`, which this layer may
/// not name), lowest first: the highest one a person's groups reach wins. A manager runs the
/// service and sees every queue; an editor only changes content, so a person in both groups
/// is a manager; an administrator can do everything.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MappedRole {
    Requester,
    Agent,
    Editor,
    Manager,
    Admin,
}

/// What the claims make of the person.
#[derive(Clone, Debug, PartialEq)]
pub struct MappedPerson {
    pub name: String,
    /// Lowercased.
    pub email: String,
    pub role: MappedRole,
    /// Deskfront assignment groups, sorted, without repeats.
    pub groups: Vec<String>,
    /// Provider groups that map to neither a role nor an assignment group that exists: worth a
    /// log line for the administrator, never a refusal for the person.
    pub unmapped_groups: Vec<String>,
    /// Lowercased.
    pub manager_email: Option<String>,
    pub store: Option<String>,
}

const RANKED: [MappedRole; 4] = [
    MappedRole::Agent,
    MappedRole::Editor,
    MappedRole::Manager,
    MappedRole::Admin,
];

impl ClaimMapping {
    fn groups_for(&self, role: MappedRole) -> &[String] {
        match role {
            MappedRole::Requester => &[],
            MappedRole::Agent => &self.agent_groups,
            MappedRole::Editor => &self.editor_groups,
            MappedRole::Manager => &self.manager_groups,
            MappedRole::Admin => &self.admin_groups,
        }
    }

    /// Maps `claims`, where `assignment_groups` are the assignment groups that exist. Group
    /// names compare exactly (providers treat them as identifiers); e-mail addresses compare
    /// in lower case, as everywhere in Deskfront.
    pub fn map(&self, claims: &PersonClaims, assignment_groups: &[String]) -> MappedPerson {
        let mut role = MappedRole::Requester;
        for candidate in RANKED {
            if claims
                .groups
                .iter()
                .any(|g| self.groups_for(candidate).contains(g))
            {
                role = candidate;
            }
        }
        let mut groups = Vec::new();
        let mut unmapped_groups = Vec::new();
        for group in &claims.groups {
            let target = self.group_map.get(group).unwrap_or(group);
            if assignment_groups.contains(target) {
                groups.push(target.clone());
            } else if !RANKED.iter().any(|r| self.groups_for(*r).contains(group)) {
                unmapped_groups.push(group.clone());
            }
        }
        groups.sort();
        groups.dedup();
        let clean = |s: &Option<String>| {
            s.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        MappedPerson {
            name: claims.name.trim().to_string(),
            email: claims.email.trim().to_lowercase(),
            role,
            groups,
            unmapped_groups,
            manager_email: clean(&claims.manager_email).map(|m| m.to_lowercase()),
            store: clean(&claims.store),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping() -> ClaimMapping {
        ClaimMapping {
            agent_groups: vec!["agents".into()],
            manager_groups: vec!["it-managers".into()],
            editor_groups: vec!["editors".into()],
            admin_groups: vec!["portal-admins".into()],
            group_map: [("sd-network".to_string(), "Network".to_string())].into(),
        }
    }

    fn claims(groups: &[&str]) -> PersonClaims {
        PersonClaims {
            name: " Rita Oidc ".into(),
            email: "Rita.OIDC@Example.com".into(),
            groups: groups.iter().map(|g| g.to_string()).collect(),
            manager_email: Some("Mira@Example.com".into()),
            store: Some("S012".into()),
        }
    }

    fn known() -> Vec<String> {
        vec!["Service Desk".into(), "Network".into()]
    }

    #[test]
    fn no_mapped_group_makes_a_requester() {
        let p = mapping().map(&claims(&["staff"]), &known());
        assert_eq!(p.role, MappedRole::Requester);
        assert_eq!(p.unmapped_groups, ["staff"]);
        assert_eq!(p.name, "Rita Oidc");
        assert_eq!(p.email, "rita.oidc@example.com");
    }

    #[test]
    fn the_highest_mapped_role_wins() {
        let m = mapping();
        assert_eq!(
            m.map(&claims(&["agents"]), &known()).role,
            MappedRole::Agent
        );
        assert_eq!(
            m.map(&claims(&["agents", "editors"]), &known()).role,
            MappedRole::Editor
        );
        assert_eq!(
            m.map(&claims(&["it-managers", "editors", "agents"]), &known())
                .role,
            MappedRole::Manager
        );
        assert_eq!(
            m.map(&claims(&["portal-admins", "agents"]), &known()).role,
            MappedRole::Admin
        );
        assert!(m
            .map(&claims(&["agents"]), &known())
            .unmapped_groups
            .is_empty());
    }

    #[test]
    fn groups_join_by_same_name_or_by_the_map() {
        let p = mapping().map(
            &claims(&["Service Desk", "sd-network", "Network", "agents"]),
            &known(),
        );
        assert_eq!(p.groups, ["Network", "Service Desk"]);
        assert!(p.unmapped_groups.is_empty());
    }

    #[test]
    fn unknown_groups_are_reported_not_joined() {
        let p = mapping().map(&claims(&["Ghost Team", "service desk"]), &known());
        assert!(p.groups.is_empty(), "names compare exactly");
        assert_eq!(p.unmapped_groups, ["Ghost Team", "service desk"]);
        let mut m = mapping();
        m.group_map.insert("ghosts".into(), "No Such Group".into());
        assert!(m.map(&claims(&["ghosts"]), &known()).groups.is_empty());
    }

    #[test]
    fn manager_and_store_are_cleaned_and_blanks_are_none() {
        let p = mapping().map(&claims(&[]), &known());
        assert_eq!(p.manager_email.as_deref(), Some("mira@example.com"));
        assert_eq!(p.store.as_deref(), Some("S012"));
        let blank = PersonClaims {
            manager_email: Some("  ".into()),
            store: None,
            ..claims(&[])
        };
        let p = mapping().map(&blank, &known());
        assert_eq!((p.manager_email, p.store), (None, None));
    }
}
