//! The one search engine of the portal: the server ranks with it, and the browser ranks with the
//! same code from a snapshot of the index kept in IndexedDB, so results agree and keep working
//! offline. Pure Rust, no I/O.

pub mod codes;
pub mod index;
pub mod learned;
pub mod results;
pub mod similar;
pub mod snippet;
pub mod synonyms;
pub mod text;

pub use index::{DocInfo, DocKind, Document, Hit, SearchIndex, SearchOptions};
pub use results::{category_label, ResultView, SearchResults};
pub use snippet::{snippet, Segment};
pub use synonyms::Synonyms;

#[cfg(test)]
mod tests;
