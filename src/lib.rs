//! byline: a terminal reader for news articles.
//!
//! Data flows one way: `article::load` (bytes → clean text) →
//! `article::parse_input` (text, Markdown, HTML or JSON → `Article`) →
//! `analyse` (`Article` → `Analysis`) → the reader, `--json` or `print`.

pub mod analyse;
pub mod article;
pub mod print;

pub use article::{Analysis, Article, Block, BlockKind, Report};
