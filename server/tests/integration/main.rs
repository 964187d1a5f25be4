//! Integration tests of the server: real HTTP against a server started in-process, on a real
//! SQLite file, and on PostgreSQL when `DESKFRONT_TEST_POSTGRES` is set.
//!
//! One test binary on purpose: each binary links the whole server (~100 MB), and eleven of them
//! cost CI minutes of linking and gigabytes of disk. Each module is one area of the portal.

mod common;

mod api;
mod approval_admin;
mod audit;
mod catalog_admin;
mod catalog_languages;
mod change_approvals;
mod change_calendar;
mod change_figures;
mod changes;
mod dashboard;
mod demo_history;
mod desk;
mod durability;
mod groups;
mod identity;
mod instances;
mod integrations;
mod kb_editor;
mod kb_feedback;
mod kb_languages;
mod knowledge;
mod languages;
mod learning;
mod least_privilege;
mod mail;
mod offline;
mod operators;
mod page_cache;
mod people;
mod places;
mod problems;
mod production_start;
mod records;
mod request_approvals;
mod search_quality;
mod security;
mod submissions;
mod synonyms;
