//! HTTP routes that are not Leptos pages or server functions.

pub mod attachments;
pub mod audit_export;
pub mod auth_gate;
pub mod calendar_feed;
pub mod exports;
pub mod form_post;
pub mod incidents;
pub mod kb_search;
pub mod languages;
pub mod oidc;
pub mod page_cache;
