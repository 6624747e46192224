//! The body as a list of screen rows: the wrapped header and blocks, with
//! blocks the people filter hides folded into one marker row, and shown
//! blocks not wrapped yet folded into one placeholder row (`Unwrapped`)
//! that `App` expands before it comes on screen. Rebuilding rows is cheap
//! (no wrapping), so filter changes never re-wrap. An
//! [`Anchor`] names a place in the text independent of width and filter,
//! which is how resizes and filter changes keep the reader's place.

use super::doc::Wrapped;

/// One row of the body: twelve bytes (`u32` indices), as a 10 MB article
/// has a third of a million rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// Line `n` of the title.
    Title(u32),
    /// Date, author, source.
    Meta,
    /// A blank row after the header (`None`) or after a block.
    Gap(Option<u32>),
    /// Line `line` of block `block`.
    Text {
        /// Block index.
        block: u32,
        /// Line within the block.
        line: u32,
    },
    /// `count` blocks from `first` on are hidden by the filter.
    Hidden {
        /// First hidden block.
        first: u32,
        /// How many.
        count: u32,
    },
    /// The filter hides every block.
    NoMatch,
    /// `count` shown blocks from `first` on, not wrapped yet: a stand-in
    /// that is never on screen.
    Unwrapped {
        /// First block.
        first: u32,
        /// How many.
        count: u32,
    },
}

/// A block or line index as a row stores it.
pub fn ix(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A place in the article that survives re-wrapping and filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Row `n` of the header.
    Header(usize),
    /// The line of `block` holding byte `offset` (`usize::MAX`: the gap
    /// after the block).
    Block {
        /// Block index.
        block: usize,
        /// Byte offset into the block's text.
        offset: usize,
    },
}

/// Lays out rows; `shown[b]` says whether block `b` passes the filter.
pub fn build(doc: &Wrapped, shown: &[bool]) -> Vec<Row> {
    let mut rows: Vec<Row> = (0..doc.title.len()).map(|n| Row::Title(ix(n))).collect();
    if doc.meta.is_some() {
        rows.push(Row::Meta);
    }
    if !rows.is_empty() {
        rows.push(Row::Gap(None));
    }
    let is_shown = |b: usize| shown.get(b).copied().unwrap_or(true);
    let mut any = false;
    let mut b = 0;
    while b < doc.len() {
        if !is_shown(b) {
            let first = b;
            while b < doc.len() && !is_shown(b) {
                b += 1;
            }
            rows.push(Row::Hidden {
                first: ix(first),
                count: ix(b - first),
            });
            rows.push(Row::Gap(Some(ix(b - 1))));
            continue;
        }
        any = true;
        match doc.block(b) {
            Some(lines) => {
                push_block(&mut rows, b, lines.len());
                b += 1;
            }
            None => {
                let first = b;
                while b < doc.len() && is_shown(b) && doc.block(b).is_none() {
                    b += 1;
                }
                rows.push(Row::Unwrapped {
                    first: ix(first),
                    count: ix(b - first),
                });
            }
        }
    }
    if !any && !doc.is_empty() {
        rows.insert(rows.len().min(header_len(doc)), Row::NoMatch);
    }
    rows
}

/// The rows of block `b` with `lines` lines: its lines and the gap after.
pub fn push_block(rows: &mut Vec<Row>, b: usize, lines: usize) {
    let block = ix(b);
    rows.extend((0..lines).map(|line| Row::Text {
        block,
        line: ix(line),
    }));
    rows.push(Row::Gap(Some(block)));
}

fn header_len(doc: &Wrapped) -> usize {
    let n = doc.title.len() + usize::from(doc.meta.is_some());
    if n > 0 { n + 1 } else { 0 }
}

/// The place row `i` shows.
pub fn anchor_of(doc: &Wrapped, rows: &[Row], i: usize) -> Anchor {
    match rows.get(i) {
        None => Anchor::Header(0),
        Some(Row::Title(_) | Row::Meta | Row::Gap(None) | Row::NoMatch) => Anchor::Header(i),
        Some(&Row::Text { block, line }) => Anchor::Block {
            block: block as usize,
            offset: doc
                .line(block as usize, line as usize)
                .map_or(0, |l| l.start()),
        },
        Some(&Row::Gap(Some(b))) => Anchor::Block {
            block: b as usize,
            offset: usize::MAX,
        },
        Some(&(Row::Hidden { first, .. } | Row::Unwrapped { first, .. })) => Anchor::Block {
            block: first as usize,
            offset: 0,
        },
    }
}

/// The row that shows `anchor` (or the nearest after it).
pub fn row_of(doc: &Wrapped, rows: &[Row], anchor: Anchor) -> usize {
    let (block, offset) = match anchor {
        Anchor::Header(n) => return n.min(header_len(doc).saturating_sub(1)),
        Anchor::Block { block, offset } => (block, offset),
    };
    let Ok(block) = u32::try_from(block) else {
        return rows.len().saturating_sub(1);
    };
    let mut best = None;
    for (i, row) in rows.iter().enumerate() {
        match *row {
            Row::Text { block: b, line } if b == block => {
                let start = doc.line(b as usize, line as usize).map_or(0, |l| l.start());
                if start <= offset || best.is_none() {
                    best = Some(i);
                }
            }
            Row::Gap(Some(b)) if b == block && offset == usize::MAX => return i,
            Row::Text { block: b, .. } if b > block => return best.unwrap_or(i),
            Row::Hidden { first, count } | Row::Unwrapped { first, count }
                if first + count > block =>
            {
                return best.unwrap_or(i);
            }
            _ => {}
        }
    }
    best.unwrap_or(rows.len().saturating_sub(1))
}

/// The block row `i` belongs to, or the next block below it.
pub fn block_at(rows: &[Row], i: usize) -> Option<usize> {
    rows.iter().skip(i).find_map(|r| match *r {
        Row::Text { block, .. } => Some(block as usize),
        Row::Hidden { first, .. } | Row::Unwrapped { first, .. } => Some(first as usize),
        _ => None,
    })
}

/// The first row of `block`, if it is shown.
pub fn first_row(rows: &[Row], block: usize) -> Option<usize> {
    let block = u32::try_from(block).ok()?;
    rows.iter()
        .position(|r| matches!(*r, Row::Text { block: b, line: 0 } if b == block))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::doc::wrap;
    use crate::article::{Article, Block};

    fn article() -> Article {
        let para = "word ".repeat(30);
        Article {
            blocks: (0..5).map(|_| Block::paragraph(para.trim())).collect(),
            ..Article::default()
        }
    }

    #[test]
    fn hidden_blocks_fold_into_one_marker() {
        let a = article();
        let doc = wrap(&a, "Title", 40);
        let rows = build(&doc, &[true, false, false, true, false]);
        let hidden: Vec<_> = rows
            .iter()
            .filter(|r| matches!(r, Row::Hidden { .. }))
            .collect();
        assert_eq!(
            hidden,
            [
                &Row::Hidden { first: 1, count: 2 },
                &Row::Hidden { first: 4, count: 1 }
            ]
        );
    }

    #[test]
    fn anchors_survive_rewrapping() {
        let a = article();
        let wide = wrap(&a, "Title", 60);
        let narrow = wrap(&a, "Title", 20);
        let all = vec![true; 5];
        let (rw, rn) = (build(&wide, &all), build(&narrow, &all));
        let i = rw
            .iter()
            .position(|r| *r == Row::Text { block: 2, line: 1 })
            .expect("row");
        let anchor = anchor_of(&wide, &rw, i);
        let j = row_of(&narrow, &rn, anchor);
        let Row::Text { block, line } = rn[j] else {
            panic!("{:?}", rn[j])
        };
        assert_eq!(block, 2);
        let start = narrow.line(2, line as usize).expect("line").start();
        let Anchor::Block { offset, .. } = anchor else {
            panic!()
        };
        assert!(
            start <= offset
                && narrow
                    .line(2, line as usize + 1)
                    .is_none_or(|l| l.start() > offset)
        );
    }

    #[test]
    fn a_hidden_anchor_lands_on_its_marker() {
        let a = article();
        let doc = wrap(&a, "Title", 40);
        let rows = build(&doc, &[true, false, false, true, true]);
        let j = row_of(
            &doc,
            &rows,
            Anchor::Block {
                block: 2,
                offset: 10,
            },
        );
        assert_eq!(rows[j], Row::Hidden { first: 1, count: 2 });
    }

    #[test]
    fn nothing_shown_says_so() {
        let a = article();
        let doc = wrap(&a, "Title", 40);
        let rows = build(&doc, &[false; 5]);
        assert!(rows.contains(&Row::NoMatch));
    }
}
