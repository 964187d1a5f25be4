pub mod error_notice;
pub mod field_control;
pub mod header;
pub mod request_form;
pub mod search_box;
pub mod state_badge;
pub mod suggestions;
