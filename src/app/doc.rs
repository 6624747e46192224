//! The article laid out for one measure (text width): title, meta line and
//! every block wrapped into lines of marked segments (quote, person name,
//! credit), so the view only styles and copies. Built once per measure and
//! cached by `App`; no terminal types here.

use std::ops::Range;

use crate::article::{Analysis, Article};

/// Columns the caption marker takes (`▌ `).
pub const CAPTION_INDENT: usize = 2;

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

/// One wrapped line of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte offset in the block's text where the line starts (used to keep
    /// the reading position across widths).
    pub start: usize,
    /// The line's segments, left to right.
    pub segs: Vec<Seg>,
}

/// A block's lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockLines {
    /// Captions are drawn with a marker and their own style.
    pub caption: bool,
    /// At least one line.
    pub lines: Vec<Line>,
}

/// The whole article at one measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    /// Text width in columns.
    pub measure: usize,
    /// The title's lines.
    pub title: Vec<String>,
    /// Date, author and source on one line.
    pub meta: Option<String>,
    /// One entry per article block.
    pub blocks: Vec<BlockLines>,
}

/// Quote and name spans of every block, indexed once per article.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    per_block: Vec<Vec<(Range<usize>, Mark)>>,
}

impl Marks {
    /// Collects the spans of `analysis` by block.
    pub fn new(article: &Article, analysis: &Analysis) -> Self {
        let mut per_block = vec![Vec::new(); article.blocks.len()];
        for (qi, q) in analysis.quotes.iter().enumerate() {
            for s in &q.spans {
                if let Some(v) = per_block.get_mut(s.block) {
                    let mark = Mark {
                        quote: Some(qi),
                        ..Mark::default()
                    };
                    v.push((s.start..s.end, mark));
                }
            }
        }
        for m in &analysis.mentions {
            if let Some(v) = per_block.get_mut(m.span.block) {
                let mark = Mark {
                    person: Some(m.person),
                    ..Mark::default()
                };
                v.push((m.span.start..m.span.end, mark));
            }
        }
        Marks { per_block }
    }

    fn of(&self, block: usize) -> &[(Range<usize>, Mark)] {
        self.per_block.get(block).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Lays out `article` at `measure` columns.
pub fn wrap(article: &Article, marks: &Marks, title: &str, measure: usize) -> Wrapped {
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
    let blocks = article
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            // The same text search looks in, so offsets agree.
            let text = super::search::block_text(b);
            let credit_at = b.text.len();
            let width = if b.is_caption() && measure > 2 * CAPTION_INDENT {
                measure - CAPTION_INDENT
            } else {
                measure
            };
            let lines = line_ranges(&text, width)
                .into_iter()
                .map(|r| Line {
                    start: r.start,
                    segs: segments(&text, r, marks.of(i), credit_at),
                })
                .collect();
            BlockLines {
                caption: b.is_caption(),
                lines,
            }
        })
        .collect();
    Wrapped {
        measure,
        title,
        meta,
        blocks,
    }
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
fn segments(
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

    fn text_of(l: &Line) -> String {
        l.segs.iter().map(|s| s.text.as_str()).collect()
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
                text: "we kept our promise".into(),
                speaker: Some("Ada Quist".into()),
                person: Some(0),
                spans: vec![Span {
                    block: 0,
                    start: qs,
                    end: qe,
                }],
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
        let w = wrap(&a, &Marks::new(&a, &analysis), "T", 20);
        let lines = &w.blocks[0].lines;
        assert_eq!(lines[0].segs[0].text, "Ada Quist");
        assert_eq!(lines[0].segs[0].mark.person, Some(0));
        let quoted: String = lines
            .iter()
            .flat_map(|l| &l.segs)
            .filter(|s| s.mark.quote == Some(0))
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(quoted, "“we kept our promise”");
        let all: Vec<String> = lines.iter().map(text_of).collect();
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
        let w = wrap(&a, &Marks::default(), "T", 20);
        let b = &w.blocks[0];
        assert!(b.caption);
        assert!(b.lines.iter().all(|l| text_of(l).width() <= 18));
        let last = b.lines.last().expect("a line");
        let credit = last.segs.last().expect("a seg");
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
        let w = wrap(&a, &Marks::default(), "t\u{7}", 40);
        assert!(!text_of(&w.blocks[0].lines[0]).contains('\u{1b}'));
        assert!(!w.title[0].contains('\u{7}'));
    }
}
