//! The jump list (`ctrl-o` back, `ctrl-i` forward) and marks (`m` and a
//! letter sets one, `'` and the letter jumps). A place is an anchor in
//! the text plus the filter, so going back undoes a filter change too.

use super::rows::{self, Anchor};
use super::{App, Match};
use crate::keymap::{Code, Key};

/// Where the reader was: the text at the top and the filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The place in the text.
    pub anchor: Anchor,
    /// People in the filter.
    pub filter: Vec<usize>,
    /// Any or all.
    pub matching: Match,
}

/// Places jumped from, oldest first; `at` is where `ctrl-o` / `ctrl-i`
/// stand (`list.len()`: the present, not yet in the list).
#[derive(Debug, Clone, Default)]
pub struct Jumps {
    list: Vec<Place>,
    at: usize,
}

/// How many places the list keeps.
const KEEP: usize = 100;

impl Jumps {
    /// A jump is leaving `here`: forget what was ahead and remember it.
    pub fn record(&mut self, here: Place) {
        self.list.truncate(self.at);
        if self.list.last() != Some(&here) {
            self.list.push(here);
        }
        if self.list.len() > KEEP {
            self.list.remove(0);
        }
        self.at = self.list.len();
    }

    /// The place before `here`, if any.
    pub fn back(&mut self, here: Place) -> Option<Place> {
        if self.at == 0 {
            return None;
        }
        if self.at == self.list.len() {
            self.list.push(here);
        } else {
            self.list[self.at] = here;
        }
        self.at -= 1;
        self.list.get(self.at).cloned()
    }

    /// The place after `here`, if `back` went past it.
    pub fn forward(&mut self, here: Place) -> Option<Place> {
        if self.at + 1 >= self.list.len() {
            return None;
        }
        self.list[self.at] = here;
        self.at += 1;
        self.list.get(self.at).cloned()
    }
}

impl App {
    /// The place shown now.
    pub(crate) fn place(&self) -> Place {
        Place {
            anchor: self.anchor(),
            filter: self.filter.clone(),
            matching: self.matching,
        }
    }

    /// The anchor of the body's top row.
    pub(crate) fn anchor(&self) -> Anchor {
        rows::anchor_of(&self.doc, &self.rows, self.top)
    }

    /// Shows `place`: its filter, then its text at the top.
    pub(super) fn go(&mut self, place: Place) {
        if place.filter != self.filter || place.matching != self.matching {
            self.filter = place.filter;
            self.matching = place.matching;
            self.refilter();
        }
        self.show_anchor(place.anchor);
    }

    /// Puts `anchor` at the top of the body.
    pub(super) fn show_anchor(&mut self, anchor: Anchor) {
        let row = self.reveal(anchor);
        self.scroll_to(row);
    }

    /// Remembers the place a jump is about to leave.
    pub(super) fn record_jump(&mut self) {
        let here = self.place();
        self.jumps.record(here);
    }

    pub(super) fn jump_back(&mut self) {
        let here = self.place();
        match self.jumps.back(here) {
            Some(p) => self.go(p),
            None => self.notice = Some("at the start of the jump list".into()),
        }
    }

    pub(super) fn jump_forward(&mut self) {
        let here = self.place();
        match self.jumps.forward(here) {
            Some(p) => self.go(p),
            None => self.notice = Some("at the end of the jump list".into()),
        }
    }

    /// The letter after `m` (`set`) or `'`.
    pub(super) fn mark_key(&mut self, key: &Key, set: bool) {
        let letter = match key.code {
            Code::Char(c) if c.is_alphanumeric() && !key.ctrl && !key.alt => c,
            _ => return,
        };
        if set {
            let anchor = self.anchor();
            self.bookmarks.insert(letter, anchor);
            self.notice = Some(format!("mark {letter} set"));
            // Marks are few and precious: keep them at once.
            if let Err(e) = self.save_state() {
                self.notice = Some(format!("mark {letter} set, not saved: {e}"));
            }
            return;
        }
        let Some(&anchor) = self.bookmarks.get(&letter) else {
            self.notice = Some(format!("no mark {letter}"));
            return;
        };
        self.record_jump();
        let hidden = match anchor {
            Anchor::Block { block, .. } => !self.shown_blocks().get(block).copied().unwrap_or(true),
            Anchor::Header(_) => false,
        };
        if hidden {
            // The filter hides the mark: showing what was asked for wins.
            self.filter.clear();
            self.refilter();
        }
        self.show_anchor(anchor);
    }

    /// The letters of the marks set.
    pub fn marks(&self) -> impl Iterator<Item = char> + '_ {
        self.bookmarks.keys().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(n: usize) -> Place {
        Place {
            anchor: Anchor::Header(n),
            filter: vec![],
            matching: Match::Any,
        }
    }

    #[test]
    fn back_and_forward_walk_the_list() {
        let mut j = Jumps::default();
        j.record(at(1));
        j.record(at(2));
        assert_eq!(j.back(at(3)), Some(at(2)));
        assert_eq!(j.back(at(2)), Some(at(1)));
        assert_eq!(j.back(at(1)), None);
        assert_eq!(j.forward(at(1)), Some(at(2)));
        assert_eq!(j.forward(at(2)), Some(at(3)));
        assert_eq!(j.forward(at(3)), None);
    }

    #[test]
    fn a_new_jump_drops_what_was_ahead() {
        let mut j = Jumps::default();
        j.record(at(1));
        j.record(at(2));
        assert_eq!(j.back(at(3)), Some(at(2)));
        j.record(at(5));
        assert_eq!(j.forward(at(6)), None);
        assert_eq!(j.back(at(6)), Some(at(5)));
        assert_eq!(j.back(at(5)), Some(at(1)));
    }
}
