//! Wrapping on demand. A long article is not wrapped up front: shown
//! blocks that are not wrapped yet sit in the rows as one
//! [`Row::Unwrapped`] placeholder each run, and before the body is drawn
//! the rows from a screen above the top to two screens below it are made
//! real ([`App::settle`]), so a key costs at most a few screens of
//! wrapping wherever it lands. The rest is wrapped in idle moments
//! ([`App::idle`]) once the analysis has arrived, which makes the scroll
//! percentage exact; until then it is estimated from byte offsets.

use super::App;
use super::rows::{self, Anchor, Row, ix};

/// Rows wrapped per [`App::idle`] call: a few milliseconds of work, so a
/// key pressed meanwhile waits no longer than that.
const IDLE_ROWS: usize = 300;

impl App {
    /// Makes the rows near the top real, moving `top` by the rows put in
    /// above it so the same text stays at the top.
    pub(super) fn settle(&mut self) {
        let h = self.body_height().max(1);
        loop {
            let lo = self.top.saturating_sub(h);
            let hi = (self.top + 2 * h).min(self.rows.len());
            let Some(j) = (lo..hi).find(|&j| matches!(self.rows[j], Row::Unwrapped { .. })) else {
                break;
            };
            if j >= self.top {
                self.expand_front(j, hi - j);
            } else {
                self.expand_back(j, h - (self.top - j) + 1);
            }
        }
    }

    /// Makes the last two screens of rows real, so the bottom is where
    /// it will stay.
    pub(super) fn settle_bottom(&mut self) {
        let h = self.body_height().max(1);
        loop {
            let len = self.rows.len();
            let lo = len.saturating_sub(2 * h);
            let Some(j) = (lo..len)
                .rev()
                .find(|&j| matches!(self.rows[j], Row::Unwrapped { .. }))
            else {
                break;
            };
            self.expand_back(j, 2 * h - (len - j) + 1);
        }
    }

    /// Clamps `top` to the last full screen and makes the rows around it
    /// real. Placeholders count one row each, so whether `top` is past
    /// the last screen is known only once the rows below it are real.
    pub(super) fn clamp_top(&mut self) {
        self.settle();
        if self.top >= self.max_top() {
            self.settle_bottom();
            self.top = self.max_top();
            self.settle();
        }
    }

    /// The row showing `anchor`, after wrapping its block if need be.
    pub(super) fn reveal(&mut self, anchor: Anchor) -> usize {
        if let Anchor::Block { block, .. } = anchor {
            let run = self.rows.iter().position(|r| {
                matches!(*r, Row::Unwrapped { first, count }
                    if (first as usize) <= block && block < first as usize + count as usize)
            });
            if let Some(j) = run
                && let Some((first, count)) = unwrapped(self.rows[j])
            {
                let mut at = j;
                if block > first {
                    self.rows[j] = Row::Unwrapped {
                        first: ix(first),
                        count: ix(block - first),
                    };
                    let rest = Row::Unwrapped {
                        first: ix(block),
                        count: ix(first + count - block),
                    };
                    self.rows.insert(j + 1, rest);
                    self.moved_above(j, 1);
                    at = j + 1;
                }
                let h = self.body_height().max(1);
                self.expand_front(at, 2 * h);
            }
        }
        rows::row_of(&self.doc, &self.rows, anchor)
    }

    /// Wraps blocks from the front of the run at row `j` until `need`
    /// rows are made.
    fn expand_front(&mut self, j: usize, need: usize) {
        let Some((first, count)) = unwrapped(self.rows[j]) else {
            return;
        };
        let mut made = Vec::new();
        let mut k = 0;
        while k < count && made.len() < need {
            let b = first + k;
            let n = self.doc.wrap_block(&self.article, b);
            rows::push_block(&mut made, b, n);
            k += 1;
        }
        if k < count {
            made.push(Row::Unwrapped {
                first: ix(first + k),
                count: ix(count - k),
            });
        }
        let added = made.len() - 1;
        self.rows.splice(j..=j, made);
        self.moved_above(j, added);
    }

    /// Wraps blocks from the back of the run at row `j` until `need` rows
    /// are made.
    fn expand_back(&mut self, j: usize, need: usize) {
        let Some((first, count)) = unwrapped(self.rows[j]) else {
            return;
        };
        let (mut k, mut made) = (0, 0);
        while k < count && made < need {
            made += self.doc.wrap_block(&self.article, first + count - 1 - k) + 1;
            k += 1;
        }
        let mut rows = Vec::with_capacity(made + 1);
        if k < count {
            rows.push(Row::Unwrapped {
                first: ix(first),
                count: ix(count - k),
            });
        }
        for b in first + count - k..first + count {
            let n = self.doc.block(b).map_or(1, <[_]>::len);
            rows::push_block(&mut rows, b, n);
        }
        let added = rows.len() - 1;
        self.rows.splice(j..=j, rows);
        self.moved_above(j, added);
    }

    /// `added` rows were put in at row `j`: when that is above the top,
    /// the top moves down with its text.
    fn moved_above(&mut self, j: usize, added: usize) {
        if j < self.top {
            self.top += added;
            self.shift += added;
        }
    }

    /// Whether some shown text may not be wrapped yet and wrapping it
    /// may go on. Not while the analysis is being made: its peak and the
    /// wrapped lines would add up (and the memory the analysis thread
    /// frees stays with that thread's allocator arena, not reused here).
    pub fn has_idle_work(&self) -> bool {
        self.idle_from.is_some() && !self.analysing()
    }

    /// Wraps a little more of the article (a millisecond or two); true
    /// when it did something. The terminal calls this while no key waits.
    pub fn idle(&mut self) -> bool {
        let Some(from) = self.idle_from.filter(|_| !self.analysing()) else {
            return false;
        };
        let is_run = |r: &Row| matches!(r, Row::Unwrapped { .. });
        // Usually the run last worked on; a run split in two by a jump
        // may have left part of it earlier.
        let from = from.min(self.rows.len());
        let found = (self.rows[from..].iter().position(is_run).map(|j| from + j))
            .or_else(|| self.rows[..from].iter().position(is_run));
        let Some(j) = found else {
            self.idle_from = None;
            return false;
        };
        self.expand_front(j, IDLE_ROWS);
        self.idle_from = Some(j);
        true
    }

    /// Copies what grows as the rest of the article is wrapped (the rows,
    /// the wrapped lines) into new allocations made by the calling
    /// thread. A vector grows in the malloc arena where it was first
    /// allocated (`realloc` keeps to it), so after the reader's loop has
    /// moved to another thread (see [`crate::term::offer`]) this makes
    /// that growth come from the new thread's arena. The copies are of a
    /// few screens, made once.
    pub fn rehome(&mut self) {
        self.rows = self.rows.clone();
        self.doc.rehome();
    }

    /// The top row in a frame of reference that rows put in above it do
    /// not move, so the difference between two frames is what scrolled.
    pub fn visual_top(&self) -> i64 {
        self.top as i64 - self.shift as i64
    }

    /// How far down the body is, 0–100: exact once every shown block is
    /// wrapped, estimated from byte offsets until then.
    pub fn percent(&self) -> usize {
        let max = self.max_top();
        if self.top >= max {
            return 100;
        }
        let exact = self.idle_from.is_none()
            || !self.rows.iter().any(|r| matches!(r, Row::Unwrapped { .. }));
        if exact {
            return self.top * 100 / max;
        }
        let total = self.text_len().max(1);
        match rows::anchor_of(&self.doc, &self.rows, self.top) {
            Anchor::Header(_) => 0,
            Anchor::Block { block, offset } => {
                let at = self.offset(block);
                let len = self.offset(block + 1).saturating_sub(at);
                ((at + offset.min(len)) * 100 / total).min(99)
            }
        }
    }
}

/// The first block and count of an [`Row::Unwrapped`] run.
fn unwrapped(row: Row) -> Option<(usize, usize)> {
    match row {
        Row::Unwrapped { first, count } => Some((first as usize, count as usize)),
        _ => None,
    }
}
