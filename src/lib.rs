//! byline: a terminal reader for news articles.
//!
//! Data flows one way: `article::load` (bytes → clean text) →
//! `article::parse_input` (text, Markdown, HTML or JSON → `Article`) →
//! `analyse` (`Article` → `Analysis`) → the reader, `--json` or `print`.
//! `library` lists a folder's articles for the picker (`byline DIR`).
//!
//! The reader is Elm-shaped: `term` reads keys, `keymap` turns them into
//! `action::Action`s, `app::App::update` changes state, and `ui` draws
//! `&App` as a widget into panes placed by `layout`. The domain modules
//! (`article`, `analyse`) never import the terminal crates.

pub mod action;
pub mod analyse;
pub mod app;
pub mod article;
pub mod config;
pub mod keymap;
pub mod layout;
pub mod lean;
pub mod library;
pub mod print;
pub mod store;
pub mod term;
pub mod ui;

pub use article::{Analysis, Article, Block, BlockKind, Report};
