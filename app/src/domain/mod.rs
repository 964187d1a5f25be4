//! Rules that must hold the same way in the browser and on the server.
//!
//! Nothing in here knows about Leptos, HTTP or a database: the browser runs these functions for
//! instant feedback, and the server runs them again on everything it is sent.

pub mod approval_chain;
pub mod article;
pub mod calendar;
pub mod calendar_grid;
pub mod change;
pub mod change_calendar;
pub mod change_figures;
pub mod change_risk;
pub mod claims;
pub mod form;
pub mod locale;
pub mod mail;
pub mod priority;
pub mod problem;
pub mod report;
pub mod say;
pub mod sla;
pub mod synonyms;
pub mod throttle;
pub mod ticket;
pub mod ticket_sla;
pub mod translation;
pub mod validation;
pub mod visibility;

pub use form::{Answers, Condition, Field, FieldKind, FormSchema, Join, Operator, Visibility};
pub use ticket::{Actor, TicketKind, TicketState};
pub use validation::{validate_answers, FieldErrors, LookupLists, ValidAnswer, ValidAnswers};
pub use visibility::is_visible;
