//! The edges around the access rules: where a state-changing request may come from, the
//! response headers every answer carries, who is calling, and how fast some calls may repeat.

pub mod client;
pub mod headers;
pub mod origin;
pub mod rate;
