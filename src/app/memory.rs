//! The reader's memory of an article: where it was and its marks, kept
//! in a [`Store`] under the hash of the article's text. Restored on open
//! (found by path, to the nearest block, when the file was edited) and
//! saved on quit, when a mark is set, and by [`App::save_state`] (for
//! signals and suspend).

use std::io;

use super::App;
use super::rows::Anchor;
use super::search::block_text;
use crate::store::{self, Found, Record, Spot, Store};

/// Where this article's state lives.
#[derive(Debug, Clone)]
pub(super) struct Memory {
    store: Store,
    key: String,
    path: Option<String>,
}

impl App {
    /// Remembers this article in `store` under `key` (see
    /// [`store::content_key`]), opened from `path`. With `restore`, goes
    /// back to the saved position; marks are restored always. Returns
    /// warnings for the user (a corrupt state file set aside).
    pub fn remember(
        &mut self,
        store: Store,
        key: String,
        path: Option<String>,
        restore: bool,
    ) -> Vec<String> {
        let mut warnings = Vec::new();
        if let Some(Found { record, exact }) = store.load(&key, path.as_deref(), &mut warnings) {
            for (c, spot) in &record.marks {
                let anchor = self.anchor_for(spot, exact);
                self.bookmarks.insert(*c, anchor);
            }
            if let Some(spot) = record.position.filter(|_| restore) {
                let anchor = self.anchor_for(&spot, exact);
                self.show_anchor(anchor);
                // Keep exactly this line through the first resizes.
                self.sticky = Some(anchor);
            }
        }
        self.memory = Some(Memory { store, key, path });
        // Printed warnings vanish behind the reader; show the first.
        self.notice = warnings.first().map(|w| format!("warning: {w}"));
        warnings
    }

    /// Saves the position and marks of every open file now (called on
    /// quit; the signal and suspend handlers call it too).
    pub fn save_state(&self) -> io::Result<()> {
        let mut result = self.save_one();
        for other in &self.others {
            result = result.and(other.save_one());
        }
        result
    }

    fn save_one(&self) -> io::Result<()> {
        let Some(m) = &self.memory else {
            return Ok(());
        };
        let record = Record {
            path: m.path.clone(),
            position: Some(self.spot(self.sticky.unwrap_or_else(|| self.anchor()))),
            marks: self
                .bookmarks
                .iter()
                .map(|(c, a)| (*c, self.spot(*a)))
                .collect(),
            percent: Some(self.percent().min(100) as u8),
            saved: 0,
        };
        m.store.save(&m.key, &record)
    }

    /// `q`: save, then stop.
    pub(super) fn quit(&mut self) {
        // Nowhere to show an error once the reader is gone; a failed
        // save loses only the position.
        let _ = self.save_state();
        self.quit = true;
    }

    fn spot(&self, anchor: Anchor) -> Spot {
        match anchor {
            Anchor::Header(n) => Spot {
                block: None,
                offset: n,
                fingerprint: 0,
            },
            Anchor::Block { block, offset } => Spot {
                block: Some(block),
                offset,
                fingerprint: self.fingerprint(block),
            },
        }
    }

    fn fingerprint(&self, block: usize) -> u64 {
        self.article
            .blocks
            .get(block)
            .map_or(0, |b| store::hash(block_text(b).as_bytes()))
    }

    /// The anchor for a saved spot. For an edited article (`exact`
    /// false) the block with the same text nearest the old index, else
    /// the start of the block now at that index.
    fn anchor_for(&self, spot: &Spot, exact: bool) -> Anchor {
        let Some(block) = spot.block else {
            return Anchor::Header(spot.offset);
        };
        let n = self.article.blocks.len();
        if n == 0 {
            return Anchor::Header(0);
        }
        if exact && block < n {
            return Anchor::Block {
                block,
                offset: spot.offset,
            };
        }
        let same = (0..n)
            .filter(|&b| self.fingerprint(b) == spot.fingerprint)
            .min_by_key(|&b| b.abs_diff(block));
        match same {
            Some(b) => Anchor::Block {
                block: b,
                offset: spot.offset,
            },
            None => Anchor::Block {
                block: block.min(n - 1),
                offset: 0,
            },
        }
    }
}
