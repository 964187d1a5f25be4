//! What crosses the wire between the browser and the server: the views server functions send,
//! the error they answer with, and the small shared values both sides read. Plain data with no
//! Leptos and no I/O, compiled into both builds and below every layer that uses it: pages and
//! components show these types, `api` sends them, and `backend` and the `Store` traits build them.
//! One file per concept; everything is re-exported here, so `crate::model::UserView` is the name.

pub mod approval_admin;
pub mod approval_runs;
pub mod audit;
pub mod catalog;
pub mod catalog_admin;
pub mod change_calendar;
pub mod changes;
pub mod dashboard;
pub mod desk;
pub mod error;
pub mod groups;
pub mod import;
pub mod integrations;
pub mod knowledge;
pub mod mail;
pub mod notice;
pub mod offline;
pub mod people;
pub mod places;
pub mod problems;
pub mod release;
pub mod synonyms;
pub mod tickets;
pub mod users;

pub use approval_admin::*;
pub use approval_runs::*;
pub use audit::*;
pub use catalog::*;
pub use catalog_admin::*;
pub use change_calendar::*;
pub use changes::*;
pub use dashboard::*;
pub use desk::*;
pub use error::*;
pub use groups::*;
pub use import::*;
pub use integrations::*;
pub use knowledge::*;
pub use mail::*;
pub use offline::*;
pub use people::*;
pub use places::*;
pub use problems::*;
pub use release::*;
pub use synonyms::*;
pub use tickets::*;
pub use users::*;
