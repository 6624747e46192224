//! byline: a terminal reader for news articles.
//!
//! Data flows one way: `article::load` (bytes → clean text) →
//! `article::text` (text → `Article`) → `analyse` (`Article` → `Analysis`)
//! → the reader or `--json`.

pub mod analyse;
pub mod article;
pub mod print;

pub use article::{Analysis, Article, Block, BlockKind, Report};
