//! The IT service manager's change figures (issue 22), over the changes whose work ended in a
//! period: how many succeeded, how many were emergencies, how many may have caused incidents
//! (an incident raised on what they touched while their window was open, the rule the desk's
//! "possibly caused by" uses), and how long authorisation took for the changes approved in the
//! period. Rules only; the store reads the changes and incidents.

use super::change::{ChangeKind, ChangeOutcome};
use super::change_calendar::{possibly_caused_by, Booking};
use super::report::nearest_rank;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The changes behind a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeSet {
    /// Their work ended in the period (the outcome was recorded), whatever it was.
    Finished,
    /// Of those, failed or backed out.
    Unsuccessful,
    /// Of those, emergency changes.
    Emergency,
    /// Of those, with an incident raised on what they touched while their window was open.
    CausedIncidents,
    /// Their approval chain approved them in the period.
    Authorised,
}

impl ChangeSet {
    pub const ALL: [ChangeSet; 5] = [
        ChangeSet::Finished,
        ChangeSet::Unsuccessful,
        ChangeSet::Emergency,
        ChangeSet::CausedIncidents,
        ChangeSet::Authorised,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChangeSet::Finished => "finished",
            ChangeSet::Unsuccessful => "unsuccessful",
            ChangeSet::Emergency => "emergency",
            ChangeSet::CausedIncidents => "caused_incidents",
            ChangeSet::Authorised => "authorised",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|set| set.as_str() == s)
    }
}

/// A change whose work ended, as the figures read it.
#[derive(Clone, Debug, PartialEq)]
pub struct FinishedChange {
    pub booking: Booking,
    pub title: String,
    pub kind: ChangeKind,
    pub outcome: Option<ChangeOutcome>,
    pub finished_at: DateTime<Utc>,
}

/// An incident as the figures read it: when and where it was raised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RaisedIncident {
    pub number: String,
    pub raised_at: DateTime<Utc>,
    pub store: Option<String>,
    pub device: Option<String>,
}

/// For each change that may have caused incidents, their numbers (a change with none is left
/// out).
pub fn incidents_caused(
    changes: &[Booking],
    incidents: &[RaisedIncident],
) -> BTreeMap<String, Vec<String>> {
    let mut caused: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for incident in incidents {
        for number in possibly_caused_by(
            incident.raised_at,
            incident.store.as_deref(),
            incident.device.as_deref(),
            changes,
        ) {
            caused
                .entry(number.to_string())
                .or_default()
                .push(incident.number.clone());
        }
    }
    caused
}

/// Whether a finished change belongs to `set` (`Authorised` is read from approvals, not from
/// finished changes: never).
pub fn holds(
    set: ChangeSet,
    change: &FinishedChange,
    caused: &BTreeMap<String, Vec<String>>,
) -> bool {
    match set {
        ChangeSet::Finished => true,
        ChangeSet::Unsuccessful => change.outcome != Some(ChangeOutcome::Successful),
        ChangeSet::Emergency => change.kind == ChangeKind::Emergency,
        ChangeSet::CausedIncidents => caused.contains_key(&change.booking.number),
        ChangeSet::Authorised => false,
    }
}

/// The change figures of a period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeFigures {
    pub finished: u64,
    pub successful: u64,
    pub emergency: u64,
    pub caused_incidents: u64,
    pub authorised: u64,
    /// Wall-clock minutes from asking for authorisation to the approval: nearest-rank median
    /// and 90th percentile.
    pub lead_median: Option<i64>,
    pub lead_p90: Option<i64>,
}

/// The figures of the finished changes, the incidents they may have caused, and the lead
/// times (minutes) of the authorisations in the period.
pub fn figures(
    finished: &[FinishedChange],
    caused: &BTreeMap<String, Vec<String>>,
    lead_minutes: &[i64],
) -> ChangeFigures {
    let count = |set| finished.iter().filter(|c| holds(set, c, caused)).count() as u64;
    let mut leads = lead_minutes.to_vec();
    leads.sort_unstable();
    let rank =
        |percent| nearest_rank(leads.len() as u64, percent).map(|offset| leads[offset as usize]);
    ChangeFigures {
        finished: finished.len() as u64,
        successful: finished.len() as u64 - count(ChangeSet::Unsuccessful),
        emergency: count(ChangeSet::Emergency),
        caused_incidents: count(ChangeSet::CausedIncidents),
        authorised: leads.len() as u64,
        lead_median: rank(50),
        lead_p90: rank(90),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::change::Window;
    use chrono::Duration;

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    fn change(
        number: &str,
        kind: ChangeKind,
        outcome: ChangeOutcome,
        devices: &[&str],
    ) -> FinishedChange {
        let start = at("2026-11-10T20:00:00Z");
        FinishedChange {
            booking: Booking {
                number: number.into(),
                window: Window::new(start, start + Duration::hours(3)).unwrap(),
                stores: vec!["S012".into()],
                devices: devices.iter().map(|d| d.to_string()).collect(),
            },
            title: format!("{number} title"),
            kind,
            outcome: Some(outcome),
            finished_at: start + Duration::hours(3),
        }
    }

    fn incident(number: &str, raised_at: &str, device: Option<&str>) -> RaisedIncident {
        RaisedIncident {
            number: number.into(),
            raised_at: at(raised_at),
            store: Some("S012".into()),
            device: device.map(str::to_string),
        }
    }

    #[test]
    fn an_incident_on_a_touched_device_during_the_window_counts_against_the_change() {
        let changes = [
            change(
                "CHG1",
                ChangeKind::Normal,
                ChangeOutcome::Successful,
                &["S012-CRD-01"],
            ),
            change("CHG2", ChangeKind::Emergency, ChangeOutcome::BackedOut, &[]),
            change(
                "CHG3",
                ChangeKind::Normal,
                ChangeOutcome::Failed,
                &["S012-REG-01"],
            ),
        ];
        let bookings: Vec<Booking> = changes.iter().map(|c| c.booking.clone()).collect();
        let caused = incidents_caused(
            &bookings,
            &[
                // On CHG1's reader in its window; CHG2 names no device, so its store counts.
                incident("INC1", "2026-11-10T21:00:00Z", Some("s012-crd-01")),
                // After every window: nobody's.
                incident("INC2", "2026-11-11T09:00:00Z", Some("S012-CRD-01")),
                // The window ends at 23:00 exactly: not inside it.
                incident("INC3", "2026-11-10T23:00:00Z", Some("S012-REG-01")),
            ],
        );
        assert_eq!(caused["CHG1"], ["INC1"]);
        assert_eq!(caused["CHG2"], ["INC1"], "a store-wide change");
        assert!(!caused.contains_key("CHG3"));

        let f = figures(&changes, &caused, &[240, 30, 90, 60]);
        assert_eq!(
            f,
            ChangeFigures {
                finished: 3,
                successful: 1,
                emergency: 1,
                caused_incidents: 2,
                authorised: 4,
                lead_median: Some(60),
                lead_p90: Some(240),
            }
        );
        let unsuccessful: Vec<_> = changes
            .iter()
            .filter(|c| holds(ChangeSet::Unsuccessful, c, &caused))
            .map(|c| c.booking.number.as_str())
            .collect();
        assert_eq!(unsuccessful, ["CHG2", "CHG3"]);
    }

    #[test]
    fn nothing_finished_gives_no_medians() {
        let f = figures(&[], &BTreeMap::new(), &[]);
        assert_eq!(f, ChangeFigures::default());
        for set in ChangeSet::ALL {
            assert_eq!(ChangeSet::parse(set.as_str()), Some(set));
        }
    }
}
