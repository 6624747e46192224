//! `/` search: smart case (a capital letter makes it case-sensitive),
//! incremental (the body follows the first match as you type), only in
//! blocks the people filter shows; `n` / `N` step with wrap-around.
//! Matches are not kept: a one-letter search of a 10 MB article has
//! 100,000s of them (12 MB as a list). What is kept is how many come
//! before each block, and a block's matches are found again when they
//! are needed (drawing, stepping), a few hundred bytes of text each time.

use std::borrow::Cow;

use super::rows::Anchor;
use super::{App, Pending};
use crate::article::{Article, Block};
use crate::keymap::{Code, Key};

/// A match: a byte range of a block's text (with its credit, as wrapped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    /// Block index.
    pub block: u32,
    /// Start byte.
    pub start: u32,
    /// End byte.
    pub end: u32,
}

impl Hit {
    /// The block, as an index.
    pub fn block(&self) -> usize {
        self.block as usize
    }
}

/// The search state.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// What is searched for.
    pub query: String,
    /// The query is being typed.
    pub typing: bool,
    /// How many matches come before each block, and the total last
    /// (empty while there is no query): 4 bytes a block whatever the
    /// query.
    before: Vec<u32>,
    /// The current match, an index in document order.
    pub current: Option<usize>,
    /// Where typing started, to return to on Esc.
    origin: Option<Anchor>,
}

impl Search {
    /// How many matches there are.
    pub fn count(&self) -> usize {
        self.before.last().map_or(0, |&n| n as usize)
    }

    /// The index of block `b`'s first match and its matches (start and
    /// end bytes), in order.
    pub fn in_block(&self, article: &Article, b: usize) -> (usize, Vec<(usize, usize)>) {
        let (Some(&from), Some(&to)) = (self.before.get(b), self.before.get(b + 1)) else {
            return (self.count(), Vec::new());
        };
        if from == to {
            return (from as usize, Vec::new());
        }
        let found = find(&block_text(&article.blocks[b]), &self.query);
        (from as usize, found)
    }

    /// Match `i` (in document order).
    pub fn hit(&self, article: &Article, i: usize) -> Option<Hit> {
        if i >= self.count() {
            return None;
        }
        let b = self.before.partition_point(|&n| n as usize <= i) - 1;
        let (first, found) = self.in_block(article, b);
        let &(start, end) = found.get(i - first)?;
        Some(Hit {
            block: b as u32,
            start: start as u32,
            end: end as u32,
        })
    }

    /// How many matches end at or before byte `offset` of `block`.
    fn ending_by(&self, article: &Article, block: usize, offset: usize) -> usize {
        let (first, found) = self.in_block(article, block);
        first + found.partition_point(|&(_, e)| e <= offset)
    }
}

/// A block's text as the body shows it (captions end with their credit).
pub fn block_text(b: &Block) -> Cow<'_, str> {
    match b.credit.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => Cow::Owned(format!("{} — {c}", b.text)),
        None => Cow::Borrowed(&b.text),
    }
}

/// Non-overlapping matches of `query` in `hay`; case-insensitive unless
/// the query has a capital letter.
pub fn find(hay: &str, query: &str) -> Vec<(usize, usize)> {
    let needle: Vec<char> = query.chars().collect();
    let Some(&first) = needle.first() else {
        return Vec::new();
    };
    let fold = !needle.iter().any(|c| c.is_uppercase());
    let same = |a: char, b: char| a == b || fold && a.to_lowercase().eq(b.to_lowercase());
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in hay.char_indices() {
        if i < from || !same(c, first) {
            continue;
        }
        let mut chars = hay[i..].char_indices();
        let matched = needle
            .iter()
            .all(|&n| chars.next().is_some_and(|(_, c)| same(c, n)));
        if matched {
            let end = chars.next().map_or(hay.len(), |(j, _)| i + j);
            out.push((i, end));
            from = end;
        }
    }
    out
}

impl App {
    /// `/`: start typing a search from here.
    pub(super) fn start_search(&mut self) {
        self.search = Search {
            typing: true,
            origin: Some(self.anchor()),
            ..Search::default()
        };
        self.pending = Some(Pending::Search);
    }

    /// A key while typing: text, Backspace, Enter (keep), Esc (cancel).
    pub(super) fn search_key(&mut self, key: &Key) {
        match key.code {
            Code::Esc => return self.cancel_search(),
            Code::Enter => return self.commit_search(),
            Code::Backspace if self.search.query.is_empty() => return self.cancel_search(),
            Code::Backspace => {
                self.search.query.pop();
            }
            Code::Char('u') if key.ctrl => self.search.query.clear(),
            Code::Char(c) if !key.ctrl && !key.alt => self.search.query.push(c),
            _ => {}
        }
        self.pending = Some(Pending::Search);
        self.refresh_hits();
        self.search.current = self.first_hit_from_origin();
        match self.search.current {
            Some(i) => self.show_hit(i),
            None => {
                if let Some(origin) = self.search.origin {
                    self.show_anchor(origin);
                }
            }
        }
    }

    fn cancel_search(&mut self) {
        if let Some(origin) = self.search.origin {
            self.show_anchor(origin);
        }
        self.search = Search::default();
    }

    fn commit_search(&mut self) {
        let origin = self.search.origin.take();
        self.search.typing = false;
        if self.search.query.is_empty() {
            self.search = Search::default();
            return;
        }
        match self.search.current {
            Some(i) => {
                if let Some(o) = origin {
                    // Record where the search started, not the preview.
                    let here = self.place();
                    self.show_anchor(o);
                    self.record_jump();
                    self.go(here);
                }
                self.show_hit(i);
            }
            None => self.notice = Some(format!("not found: {}", self.search.query)),
        }
    }

    /// `n` (`forward`) / `N`: the next or previous match, wrapping.
    pub(super) fn search_step(&mut self, forward: bool) {
        let n = self.search.count();
        if n == 0 {
            self.notice = Some(if self.search.query.is_empty() {
                "no search: / to search".into()
            } else {
                format!("not found: {}", self.search.query)
            });
            return;
        }
        let next = match (self.search.current, forward) {
            (None, _) => self.first_hit_from(self.anchor()),
            (Some(i), true) if i + 1 < n => Some(i + 1),
            (Some(_), true) => {
                self.notice = Some("search wrapped to the top".into());
                Some(0)
            }
            (Some(0), false) => {
                self.notice = Some("search wrapped to the bottom".into());
                Some(n - 1)
            }
            (Some(i), false) => Some(i - 1),
        };
        self.record_jump();
        self.search.current = next;
        if let Some(i) = next {
            self.show_hit(i);
        }
    }

    /// Finds the query again in the blocks shown (after typing or a
    /// filter change), keeping the current match when it is still there.
    pub(crate) fn refresh_hits(&mut self) {
        let old = self
            .search
            .current
            .and_then(|i| self.search.hit(&self.article, i));
        self.search.before = Vec::new();
        if self.search.query.is_empty() {
            self.search.current = None;
            return;
        }
        let shown = self.shown_blocks();
        let query = &self.search.query;
        let mut before = Vec::with_capacity(self.article.blocks.len() + 1);
        let mut total = 0u32;
        for (b, block) in self.article.blocks.iter().enumerate() {
            before.push(total);
            if shown.get(b).copied().unwrap_or(true) {
                let n = find(&block_text(block), query).len();
                total = total.saturating_add(u32::try_from(n).unwrap_or(u32::MAX));
            }
        }
        before.push(total);
        self.search.before = before;
        // The first match at or after the old one.
        self.search.current = old.and_then(|h| {
            let (first, found) = self.search.in_block(&self.article, h.block());
            let i = first + found.partition_point(|&r| r < (h.start as usize, h.end as usize));
            (i < self.search.count()).then_some(i)
        });
    }

    fn first_hit_from_origin(&self) -> Option<usize> {
        self.first_hit_from(self.search.origin.unwrap_or(Anchor::Header(0)))
    }

    /// The first match at or after `anchor`, else the first of all.
    fn first_hit_from(&self, anchor: Anchor) -> Option<usize> {
        let (block, offset) = match anchor {
            Anchor::Header(_) => (0, 0),
            Anchor::Block { block, offset } => (block, offset),
        };
        let n = self.search.count();
        let i = self.search.ending_by(&self.article, block, offset);
        (n > 0).then_some(if i < n { i } else { 0 })
    }

    /// Scrolls so match `i` is on screen, a third of the way down when
    /// it was not.
    fn show_hit(&mut self, i: usize) {
        let Some(h) = self.search.hit(&self.article, i) else {
            return;
        };
        let anchor = Anchor::Block {
            block: h.block(),
            offset: h.start as usize,
        };
        let row = self.reveal(anchor);
        let height = self.body_height();
        if row < self.top || row >= self.top + height {
            self.scroll_to(row.saturating_sub(height / 3));
        }
    }

    /// "3/17" for the status line, or "0/0" for a query with no match.
    pub(crate) fn search_count(&self) -> Option<String> {
        let s = &self.search;
        if s.query.is_empty() {
            return None;
        }
        Some(match s.current {
            Some(i) => format!("{}/{}", i + 1, s.count()),
            None => format!("-/{}", s.count()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case() {
        let hay = "Ada met ADA and ada.";
        assert_eq!(find(hay, "ada").len(), 3);
        assert_eq!(find(hay, "Ada"), vec![(0, 3)]);
        assert_eq!(find(hay, "ADA"), vec![(8, 11)]);
        assert!(find(hay, "").is_empty());
    }

    #[test]
    fn offsets_are_bytes_of_the_original_text() {
        let hay = "Straße, STRASSE, İstanbul straße";
        let hits = find(hay, "straße");
        assert_eq!(hits.len(), 2);
        for (s, e) in hits {
            assert_eq!(hay[s..e].to_lowercase(), "straße");
        }
        let hits = find(hay, "i̇stanbul");
        assert!(hits.len() <= 1);
        assert_eq!(find("aaaa", "aa"), vec![(0, 2), (2, 4)]);
    }

    #[test]
    fn captions_are_searched_with_their_credit() {
        let b = Block::caption("A bridge.", Some("Harbour Press".into()));
        assert_eq!(find(&block_text(&b), "press").len(), 1);
    }
}
