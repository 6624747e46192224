//! The article laid out for one measure (text width): title, meta line and
//! each block's wrapped lines as byte ranges. Blocks are wrapped when they
//! come near the screen (or all at once for a short article), so opening
//! a 10 MB article wraps a screenful; the marked segments (quote, person
//! name, credit) of a line are cut when it is drawn ([`segments`]), so the
//! analysis can arrive after the text. No terminal types here.

use std::ops::Range;

use crate::article::{Analysis, Article};

/// Columns the caption marker takes (`▌ `).
pub const CAPTION_INDENT: usize = 2;

/// Articles up to this many bytes of text are wrapped whole when a measure
/// is first used (a few milliseconds); longer ones block by block.
pub const EAGER_BYTES: usize = 64 * 1024;

/// What a stretch of text is, for styling.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mark {
    /// Index into `Analysis::quotes` when the text is inside a quote.
    pub quote: Option<usize>,
    /// Index into `Analysis::people` when the text is a name.
    pub person: Option<usize>,
    /// The caption's credit.
    pub credit: bool,
}

/// A run of text with one mark. Control characters are already replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seg {
    /// Display text.
    pub text: String,
    /// What it is.
    pub mark: Mark,
}

/// One wrapped line of a block: a byte range of the block's text as the
/// body shows it ([`crate::app::search::block_text`]). Eight bytes: a 10 MB
/// article has a quarter of a million of these at each width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    start: u32,
    end: u32,
}

impl Line {
    /// The line `range` of its block's text.
    pub fn new(range: Range<usize>) -> Self {
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Line {
            start: at(range.start),
            end: at(range.end),
        }
    }

    /// Byte offset where the line starts (also what keeps the reading
    /// position across widths).
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// Byte offset where it ends.
    pub fn end(self) -> usize {
        self.end as usize
    }
}

/// Where a block's lines are in [`Wrapped`]'s one list of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Extent {
    /// Index of the first line; `u32::MAX` until the block is wrapped.
    first: u32,
    /// How many lines (at least one once wrapped).
    count: u32,
}

const UNWRAPPED: Extent = Extent {
    first: u32::MAX,
    count: 0,
};

/// Each block's [`Extent`]: a short sorted list while few blocks are
/// wrapped (the screens read before the analysis arrives, when memory
/// is at its peak), one entry per block once many are.
#[derive(Debug, Clone)]
struct Extents {
    /// How many blocks.
    len: usize,
    /// The wrapped blocks' extents by block, while `dense` is empty.
    sparse: Vec<(u32, Extent)>,
    /// Every block's extent, once a sixteenth of them are wrapped.
    dense: Vec<Extent>,
}

impl Extents {
    fn new(len: usize) -> Self {
        Extents {
            len,
            sparse: Vec::new(),
            dense: Vec::new(),
        }
    }

    fn get(&self, b: usize) -> Option<Extent> {
        if b >= self.len {
            return None;
        }
        if !self.dense.is_empty() {
            return self.dense.get(b).copied();
        }
        let at = self.sparse.binary_search_by_key(&b, |&(k, _)| k as usize);
        Some(at.map_or(UNWRAPPED, |i| self.sparse[i].1))
    }

    fn set(&mut self, b: usize, e: Extent) {
        if self.dense.is_empty() && self.sparse.len() >= self.len / 16 {
            self.dense = vec![UNWRAPPED; self.len];
            for (k, e) in std::mem::take(&mut self.sparse) {
                self.dense[k as usize] = e;
            }
        }
        if let Some(slot) = self.dense.get_mut(b) {
            *slot = e;
            return;
        }
        let key = u32::try_from(b).unwrap_or(u32::MAX);
        match self.sparse.binary_search_by_key(&key, |&(k, _)| k) {
            Ok(i) => self.sparse[i].1 = e,
            Err(i) => self.sparse.insert(i, (key, e)),
        }
    }
}

/// The article at one measure, wrapped as far as it has been needed. The
/// lines of every wrapped block are in one list, block after block in the
/// order they were wrapped, and each block knows where its run is: no
/// allocation per block.
#[derive(Debug, Clone)]
pub struct Wrapped {
    /// Text width in columns.
    pub measure: usize,
    /// The title's lines.
    pub title: Vec<String>,
    /// Date, author and source on one line.
    pub meta: Option<String>,
    /// Where each block's lines are.
    extents: Extents,
    /// The lines of the wrapped blocks.
    lines: Vec<Line>,
    /// Blocks not wrapped yet.
    unwrapped: usize,
}

impl PartialEq for Wrapped {
    /// The same header and the same lines for each block, whatever order
    /// the blocks were wrapped in.
    fn eq(&self, other: &Self) -> bool {
        self.measure == other.measure
            && self.title == other.title
            && self.meta == other.meta
            && self.len() == other.len()
            && (0..self.len()).all(|b| self.block(b) == other.block(b))
    }
}

impl Eq for Wrapped {}

impl Wrapped {
    /// The header of `article` at `measure`, no block wrapped yet.
    pub fn new(article: &Article, title: &str, measure: usize) -> Self {
        let measure = measure.max(1);
        let title = line_ranges(title, measure)
            .into_iter()
            .map(|r| clean(&title[r]))
            .collect();
        let meta = [
            &article.meta.date,
            &article.meta.author,
            &article.meta.source,
        ]
        .into_iter()
        .flatten()
        .map(|s| clean(s))
        .collect::<Vec<_>>();
        let meta = (!meta.is_empty()).then(|| meta.join(" · "));
        Wrapped {
            measure,
            title,
            meta,
            extents: Extents::new(article.blocks.len()),
            lines: Vec::new(),
            unwrapped: article.blocks.len(),
        }
    }

    /// How many blocks the article has.
    pub fn len(&self) -> usize {
        self.extents.len
    }

    /// Whether the article has no blocks.
    pub fn is_empty(&self) -> bool {
        self.extents.len == 0
    }

    /// Whether every block is wrapped.
    pub fn complete(&self) -> bool {
        self.unwrapped == 0
    }

    /// Block `b`'s lines (at least one), if it is wrapped.
    pub fn block(&self, b: usize) -> Option<&[Line]> {
        let e = self.extents.get(b).filter(|e| e.first != u32::MAX)?;
        let first = e.first as usize;
        self.lines.get(first..first + e.count as usize)
    }

    /// Line `line` of block `b`, if wrapped.
    pub fn line(&self, b: usize, line: usize) -> Option<Line> {
        self.block(b).and_then(|ls| ls.get(line)).copied()
    }

    /// Copies the lines into a new allocation of the calling thread (see
    /// [`App::rehome`](crate::app::App::rehome)).
    pub fn rehome(&mut self) {
        self.lines = self.lines.clone();
        self.extents.sparse = self.extents.sparse.clone();
    }

    /// Wraps block `b` of `article` (once) and returns its line count.
    pub fn wrap_block(&mut self, article: &Article, b: usize) -> usize {
        let measure = self.measure;
        let Some(extent) = self.extents.get(b) else {
            return 0;
        };
        if extent.first != u32::MAX {
            return extent.count as usize;
        }
        let block = &article.blocks[b];
        // The same text search looks in, so offsets agree.
        let text = super::search::block_text(block);
        let width = if block.is_caption() && measure > 2 * CAPTION_INDENT {
            measure - CAPTION_INDENT
        } else {
            measure
        };
        let first = self.lines.len();
        self.lines
            .extend(line_ranges(&text, width).into_iter().map(Line::new));
        let n = self.lines.len() - first;
        self.extents.set(
            b,
            Extent {
                first: u32::try_from(first).unwrap_or(u32::MAX - 1),
                count: u32::try_from(n).unwrap_or(u32::MAX),
            },
        );
        self.unwrapped -= 1;
        if self.unwrapped == 0 {
            self.lines.shrink_to_fit();
        }
        n
    }
}

/// Quote and name spans of every block, indexed once per analysis: one
/// array ordered by block (quotes, then names, each in analysis order), so
/// a long article costs 16 bytes a span rather than a vector per block.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// Where each block's spans start in `spans`, and the end last.
    starts: Vec<u32>,
    spans: Vec<Packed>,
}

/// A span and what it is: a quote index or a person index.
#[derive(Debug, Clone, Copy)]
struct Packed {
    start: u32,
    end: u32,
    /// Quote index, or person index with the top bit set.
    what: u32,
}

const PERSON: u32 = 1 << 31;

impl Marks {
    /// Collects the spans of `analysis` by block (nothing for an
    /// analysis that has none, such as the empty one the reader opens
    /// with).
    pub fn new(article: &Article, analysis: &Analysis) -> Self {
        if analysis.quotes.is_empty() && analysis.mentions.is_empty() {
            return Marks::default();
        }
        let n = article.blocks.len();
        let quotes = analysis.quotes.iter().enumerate().flat_map(|(qi, q)| {
            q.spans
                .iter()
                .map(move |s| (s.block, s.start, s.end, qi as u32))
        });
        let names = analysis.mentions.iter().map(|m| {
            (
                m.span.block,
                m.span.start,
                m.span.end,
                m.person as u32 | PERSON,
            )
        });
        let all = || quotes.clone().chain(names.clone()).filter(|s| s.0 < n);
        // Counting sort by block keeps the order within each block.
        let mut starts = vec![0u32; n + 1];
        for (b, ..) in all() {
            starts[b + 1] += 1;
        }
        for b in 0..n {
            starts[b + 1] += starts[b];
        }
        let mut next = starts.clone();
        let mut spans = vec![
            Packed {
                start: 0,
                end: 0,
                what: 0
            };
            starts[n] as usize
        ];
        for (b, start, end, what) in all() {
            let at = &mut next[b];
            spans[*at as usize] = Packed {
                start: u32::try_from(start).unwrap_or(u32::MAX),
                end: u32::try_from(end).unwrap_or(u32::MAX),
                what,
            };
            *at += 1;
        }
        Marks { starts, spans }
    }

    /// Block `block`'s spans, quotes first, in analysis order.
    fn of(&self, block: usize) -> Vec<(Range<usize>, Mark)> {
        let (Some(&a), Some(&b)) = (self.starts.get(block), self.starts.get(block + 1)) else {
            return Vec::new();
        };
        self.spans[a as usize..b as usize]
            .iter()
            .map(|p| {
                let index = (p.what & !PERSON) as usize;
                let mark = if p.what & PERSON != 0 {
                    Mark {
                        person: Some(index),
                        ..Mark::default()
                    }
                } else {
                    Mark {
                        quote: Some(index),
                        ..Mark::default()
                    }
                };
                (p.start as usize..p.end as usize, mark)
            })
            .collect()
    }
}

/// Lays out all of `article` at `measure` columns.
pub fn wrap(article: &Article, title: &str, measure: usize) -> Wrapped {
    let mut doc = Wrapped::new(article, title, measure);
    for b in 0..doc.len() {
        doc.wrap_block(article, b);
    }
    doc
}

/// The marked segments of `line` of block `b`, for drawing.
pub fn segments(article: &Article, marks: &Marks, b: usize, line: Line) -> Vec<Seg> {
    let Some(block) = article.blocks.get(b) else {
        return Vec::new();
    };
    let text = super::search::block_text(block);
    let end = line.end().min(text.len());
    cut(
        &text,
        line.start().min(end)..end,
        &marks.of(b),
        block.text.len(),
    )
}

/// Byte ranges of `text` wrapped to `width` columns (at least one range).
/// textwrap returns slices of its input, so each line's offset is where its
/// slice starts; a line it had to copy is found by searching on.
pub fn line_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let algo = if text.len() > 20_000 {
        textwrap::WrapAlgorithm::FirstFit
    } else {
        textwrap::WrapAlgorithm::new_optimal_fit()
    };
    let opts = textwrap::Options::new(width.max(1)).wrap_algorithm(algo);
    let base = text.as_ptr() as usize;
    let mut cursor = 0;
    let mut out = Vec::new();
    for line in textwrap::wrap(text, opts) {
        let off = (line.as_ptr() as usize).wrapping_sub(base);
        let start = if text.get(off..off + line.len()) == Some(&*line) {
            off
        } else {
            text.get(cursor..)
                .and_then(|rest| rest.find(&*line))
                .map_or(cursor, |i| cursor + i)
        };
        let end = (start + line.len()).min(text.len());
        cursor = end;
        out.push(start..end);
    }
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

/// Splits `text[range]` where a quote, name or the credit starts or ends.
fn cut(
    text: &str,
    range: Range<usize>,
    marks: &[(Range<usize>, Mark)],
    credit_at: usize,
) -> Vec<Seg> {
    let mut cuts = vec![range.start, range.end];
    let inside = |p: usize| p > range.start && p < range.end && text.is_char_boundary(p);
    for (r, _) in marks {
        cuts.extend([r.start, r.end].into_iter().filter(|&p| inside(p)));
    }
    if inside(credit_at) {
        cuts.push(credit_at);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut segs: Vec<Seg> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut mark = Mark {
            credit: a >= credit_at,
            ..Mark::default()
        };
        for (r, m) in marks {
            if r.start <= a && b <= r.end {
                mark.quote = mark.quote.or(m.quote);
                mark.person = mark.person.or(m.person);
            }
        }
        let piece = clean(text.get(a..b).unwrap_or(""));
        match segs.last_mut() {
            Some(last) if last.mark == mark => last.text.push_str(&piece),
            _ => segs.push(Seg { text: piece, mark }),
        }
    }
    segs
}

/// Never let a control character reach the terminal, whatever the loader
/// did: replace it with a visible placeholder.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, Mention, Span};
    use unicode_width::UnicodeWidthStr;

    fn text_of(segs: &[Seg]) -> String {
        segs.iter().map(|s| s.text.as_str()).collect()
    }

    /// Every line of block 0 of `a` at `measure`, as segments.
    fn lines(a: &Article, marks: &Marks, measure: usize) -> Vec<Vec<Seg>> {
        let w = wrap(a, "T", measure);
        let b = w.block(0).expect("wrapped");
        b.iter().map(|&l| segments(a, marks, 0, l)).collect()
    }

    #[test]
    fn blocks_wrap_on_demand() {
        let a = Article {
            blocks: vec![Block::paragraph("one two"), Block::paragraph("three")],
            ..Article::default()
        };
        let mut w = Wrapped::new(&a, "T", 20);
        assert!(w.block(0).is_none() && !w.complete());
        assert_eq!(w.wrap_block(&a, 1), 1);
        assert_eq!(w.wrap_block(&a, 1), 1);
        assert!(w.block(0).is_none() && w.block(1).is_some());
        w.wrap_block(&a, 0);
        assert!(w.complete());
        assert_eq!(w, wrap(&a, "T", 20));
    }

    #[test]
    fn ranges_cover_words_and_fit() {
        let t = "The quick brown fox jumps over the lazy dog and keeps on running far away.";
        let rs = line_ranges(t, 20);
        assert!(rs.len() > 1);
        for r in &rs {
            assert!(t[r.clone()].width() <= 20, "{:?}", &t[r.clone()]);
        }
        assert_eq!(rs[0].start, 0);
        assert_eq!(rs.last().map(|r| r.end), Some(t.len()));
    }

    #[test]
    fn cjk_and_emoji_wrap_by_display_width() {
        let t = "東京都の新しい橋が開通しました。市長は喜んでいます。🎉🎉🎉 おめでとう";
        for r in line_ranges(t, 10) {
            assert!(t[r.clone()].width() <= 10, "{:?}", &t[r]);
        }
    }

    #[test]
    fn segments_follow_marks_across_lines() {
        let text = "Ada Quist said “we kept our promise” to everyone there.";
        let a = Article {
            blocks: vec![Block::paragraph(text)],
            ..Article::default()
        };
        let qs = text.find('“').unwrap_or(0);
        let qe = text.find('”').map_or(0, |i| i + '”'.len_utf8());
        let analysis = Analysis {
            quotes: vec![crate::article::Quote {
                block: 0,
                end_block: 0,
                speaker: Some("Ada Quist".into()),
                person: Some(0),
                spans: crate::article::QuoteSpans::new(
                    &[Span {
                        block: 0,
                        start: qs,
                        end: qe,
                    }],
                    &[Span {
                        block: 0,
                        start: qs + '“'.len_utf8(),
                        end: qe - '”'.len_utf8(),
                    }],
                ),
            }],
            mentions: vec![Mention {
                span: Span {
                    block: 0,
                    start: 0,
                    end: 9,
                },
                person: 0,
            }],
            ..Analysis::default()
        };
        let lines = lines(&a, &Marks::new(&a, &analysis), 20);
        assert_eq!(lines[0][0].text, "Ada Quist");
        assert_eq!(lines[0][0].mark.person, Some(0));
        let quoted: String = lines
            .iter()
            .flatten()
            .filter(|s| s.mark.quote == Some(0))
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(quoted, "“we kept our promise”");
        let all: Vec<String> = lines.iter().map(|l| text_of(l)).collect();
        assert_eq!(all.join(" "), text);
    }

    #[test]
    fn caption_carries_credit_and_is_narrower() {
        let a = Article {
            blocks: vec![Block::caption(
                "A bridge opens over the harbour today.",
                Some("AP".into()),
            )],
            ..Article::default()
        };
        let lines = lines(&a, &Marks::default(), 20);
        assert!(lines.iter().all(|l| text_of(l).width() <= 18));
        let last = lines.last().expect("a line");
        let credit = last.last().expect("a seg");
        assert!(
            credit.mark.credit && credit.text.ends_with("AP"),
            "{last:?}"
        );
    }

    #[test]
    fn control_characters_never_survive() {
        let a = Article {
            blocks: vec![Block::paragraph("bad \u{1b}[31m red")],
            ..Article::default()
        };
        let w = wrap(&a, "t\u{7}", 40);
        assert!(!text_of(&lines(&a, &Marks::default(), 40)[0]).contains('\u{1b}'));
        assert!(!w.title[0].contains('\u{7}'));
    }
}
