//! The inner ranges of the quotes, by block, as `find_people` reads them
//! (to skip quoted work titles), and the raw quotes folded into them
//! while people are found: that is the analysis's peak, and a quote
//! within one block (nearly every quote) is its inner range there and
//! the lengths of its two marks.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::quotes::RawQuote;
use crate::article::{QuoteSpans, Span};

/// The inner ranges of every block's quotes, flat, in block order: one
/// allocation for the article, not one per block.
#[derive(Debug, Default)]
pub struct QuoteRanges {
    /// The block of each range, ascending.
    blocks: Vec<u32>,
    /// Start and end bytes, in step with `blocks`.
    ranges: Vec<(usize, usize)>,
}

/// What [`QuoteRanges::fold`] keeps of the raw quotes besides the ranges.
#[derive(Debug)]
pub struct Folded {
    /// The bytes of the opening and closing mark, in step with the
    /// ranges (zero for a range of a quote in `whole`).
    marks: Vec<[u8; 2]>,
    /// The ranges that belong to quotes in `whole`, ascending.
    parts: Vec<usize>,
    /// The quotes kept as they are (over several blocks, or not
    /// foldable), with their index, ascending.
    whole: Vec<(usize, RawQuote)>,
    /// Room for the quotes unfolded, taken while they were still held:
    /// so it is not their memory (which `find_people` reuses) and its
    /// pages are not touched until they are unfolded.
    room: Vec<RawQuote>,
}

impl QuoteRanges {
    /// From spans in document order per block (a quote running over blocks
    /// may put a later block's span before the next quote's).
    pub fn new(spans: impl Iterator<Item = Span>) -> Self {
        let mut all: Vec<Span> = spans.collect();
        all.sort_by_key(|s| s.block);
        QuoteRanges {
            blocks: all.iter().map(|s| s.block as u32).collect(),
            ranges: all.iter().map(|s| (s.start, s.end)).collect(),
        }
    }

    /// The ranges in block `b`, in order.
    pub fn of(&self, b: usize) -> &[(usize, usize)] {
        let from = self.blocks.partition_point(|&x| (x as usize) < b);
        let to = self.blocks.partition_point(|&x| (x as usize) <= b);
        &self.ranges[from..to]
    }

    /// The inner ranges of `raw` (as [`QuoteRanges::new`] of their inner
    /// spans), and the rest of the quotes, to be had back with
    /// [`QuoteRanges::unfold`].
    ///
    /// A quote in one block whose block is not before the last such
    /// quote's is folded: its range comes after those of the folded
    /// quotes before it, so the n-th folded range is the n-th folded
    /// quote. The other quotes' ranges wait in a heap for their place,
    /// rather than all ranges being sorted: no copy of them all is made.
    pub fn fold(raw: Vec<RawQuote>) -> (QuoteRanges, Folded) {
        let n: usize = raw.iter().map(|q| q.outer().len()).sum();
        let mut out = QuoteRanges {
            blocks: Vec::with_capacity(n),
            ranges: Vec::with_capacity(n),
        };
        let mut marks_of = Vec::with_capacity(n);
        let mut parts = Vec::new();
        let mut whole = Vec::new();
        // Ranges of whole quotes by (block, place in the flat order of
        // all inner spans), the order a stable sort by block gives.
        let mut waiting: BinaryHeap<Reverse<(usize, usize, usize, usize)>> = BinaryHeap::new();
        let mut push = |out: &mut QuoteRanges, s: Span, m: Option<[u8; 2]>| {
            out.blocks.push(s.block as u32);
            out.ranges.push((s.start, s.end));
            match m {
                Some(m) => marks_of.push(m),
                None => {
                    parts.push(out.ranges.len() - 1);
                    marks_of.push([0, 0]);
                }
            }
        };
        let room = Vec::with_capacity(raw.len());
        let (mut flat, mut last) = (0, 0);
        for (i, q) in raw.into_iter().enumerate() {
            match marks(&q).filter(|(s, _)| s.block >= last) {
                Some((inner, m)) => {
                    last = inner.block;
                    while waiting
                        .peek()
                        .is_some_and(|w| (w.0.0, w.0.1) < (inner.block, flat))
                    {
                        if let Some(Reverse((block, _, start, end))) = waiting.pop() {
                            push(&mut out, Span { block, start, end }, None);
                        }
                    }
                    push(&mut out, inner, Some(m));
                    flat += 1;
                }
                None => {
                    for s in q.inner() {
                        waiting.push(Reverse((s.block, flat, s.start, s.end)));
                        flat += 1;
                    }
                    whole.push((i, q));
                }
            }
        }
        while let Some(Reverse((block, _, start, end))) = waiting.pop() {
            push(&mut out, Span { block, start, end }, None);
        }
        let folded = Folded {
            marks: marks_of,
            parts,
            whole,
            room,
        };
        (out, folded)
    }

    /// The raw quotes [`QuoteRanges::fold`] was given, in their order.
    pub fn unfold(self, folded: Folded) -> Vec<RawQuote> {
        let Folded {
            marks,
            parts,
            whole,
            room: mut raw,
        } = folded;
        let mut parts = parts.into_iter().peekable();
        let mut ones = self
            .blocks
            .iter()
            .zip(&self.ranges)
            .zip(marks)
            .enumerate()
            .filter(|(r, _)| parts.next_if_eq(r).is_none())
            .map(|(_, ((&block, &(start, end)), [open, close]))| {
                let inner = Span {
                    block: block as usize,
                    start,
                    end,
                };
                let outer = Span {
                    start: start - usize::from(open),
                    end: end + usize::from(close),
                    ..inner
                };
                RawQuote {
                    spans: QuoteSpans::new(&[outer], &[inner]),
                }
            });
        let mut whole = whole.into_iter().peekable();
        for i in 0.. {
            match whole.next_if(|(at, _)| *at == i) {
                Some((_, q)) => raw.push(q),
                None => match ones.next() {
                    Some(q) => raw.push(q),
                    None => break,
                },
            }
        }
        raw
    }
}

/// The inner span of a quote in one block and its marks' bytes, when
/// its spans are made again from them exactly.
fn marks(q: &RawQuote) -> Option<(Span, [u8; 2])> {
    let ([outer], Some(inner)) = (q.outer(), q.inner().next()) else {
        return None;
    };
    let open = u8::try_from(inner.start.checked_sub(outer.start)?).ok()?;
    let close = u8::try_from(outer.end.checked_sub(inner.end)?).ok()?;
    u32::try_from(outer.block).ok()?;
    (QuoteSpans::new(&[*outer], &[inner]) == q.spans).then_some((inner, [open, close]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::quotes::find_quotes;
    use crate::article::text::parse;

    /// Folding and unfolding gives back the same quotes, and the ranges
    /// `new` makes.
    #[test]
    fn fold_and_unfold_give_the_quotes_back() {
        let a = parse(
            "“One,” she said. “Two.”\n\n\
             “Three runs on\n\n\
             “and on,” he said. “Four.”\n\n\
             A caption with ‘five’ in it. Photo: Reuters\n\n\
             “Six” and “seven”.",
        );
        let raw = find_quotes(&a);
        let spans: Vec<QuoteSpans> = raw.iter().map(|q| q.spans.clone()).collect();
        let expected = QuoteRanges::new(raw.iter().flat_map(|q| q.inner()));
        let (ranges, folded) = QuoteRanges::fold(raw);
        assert_eq!(ranges.blocks, expected.blocks);
        assert_eq!(ranges.ranges, expected.ranges);
        assert!(!folded.whole.is_empty(), "a quote over two blocks");
        let back: Vec<QuoteSpans> = ranges.unfold(folded).into_iter().map(|q| q.spans).collect();
        assert_eq!(back, spans);
    }
}
