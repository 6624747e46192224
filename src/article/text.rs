//! Plain-text articles (FORMAT.md §1): the header fields, blank-line blocks,
//! and photo captions recognised by their trailing credit.

use super::{Article, Block, Meta};

/// Parses clean text (see `load::sanitize`) into an `Article`.
pub fn parse(text: &str) -> Article {
    let mut meta = Meta::default();
    let mut lines = text.lines().peekable();
    let mut first_block_start: Option<String> = None;

    // Header: consecutive field lines at the top (blank lines between allowed).
    while let Some(line) = lines.peek() {
        let line = line.trim();
        if line.is_empty() {
            lines.next();
            continue;
        }
        let Some((key, rest)) = header_field(line) else {
            break;
        };
        lines.next();
        match key {
            "date" => {
                let (date, tail) = rest.split_at(10);
                meta.date = Some(date.to_string());
                let tail = tail.trim();
                if !tail.is_empty() {
                    first_block_start = Some(tail.to_string());
                    break;
                }
            }
            "title" => meta.title = Some(collapse(rest)),
            "author" => meta.author = Some(collapse(rest)),
            "source" => meta.source = Some(collapse(rest)),
            _ => meta.url = Some(collapse(rest)),
        }
    }

    let mut blocks = Vec::new();
    let mut current = String::new();
    if let Some(start) = first_block_start {
        current.push_str(&start);
    }
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            flush(&mut current, &mut blocks);
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    flush(&mut current, &mut blocks);
    Article { meta, blocks }
}

fn flush(current: &mut String, blocks: &mut Vec<Block>) {
    if current.trim().is_empty() {
        current.clear();
        return;
    }
    blocks.push(block_of(collapse(current)));
    current.clear();
}

/// A paragraph, or a caption when the text ends with a credit.
pub fn make_block(text: &str) -> Block {
    block_of(text.to_string())
}

/// [`make_block`] for a string the block can keep.
fn block_of(text: String) -> Block {
    match split_credit(&text) {
        Some((caption, credit)) => Block::caption(caption, Some(credit)),
        None => Block::paragraph(text),
    }
}

/// `date YYYY-MM-DD…`, `title …`, `author …`, `source …`, `url …`.
fn header_field(line: &str) -> Option<(&'static str, &str)> {
    for key in ["date", "title", "author", "source", "url"] {
        let Some(rest) = line.strip_prefix(key) else {
            continue;
        };
        if !rest.starts_with([' ', '\t']) {
            continue;
        }
        let rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        if key == "date" && !is_iso_date_prefix(rest) {
            return None;
        }
        return Some((key, rest));
    }
    None
}

fn is_iso_date_prefix(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && b.get(10).is_none_or(|c| c.is_ascii_whitespace())
}

/// Collapses runs of whitespace to one space and trims.
pub fn collapse(s: &str) -> String {
    if is_collapsed(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `collapse(s)` is `s`: no whitespace but single spaces between
/// words. Checked byte by byte; only a byte that may start a non-ASCII
/// whitespace character (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000)
/// is decoded.
fn is_collapsed(s: &str) -> bool {
    let b = s.as_bytes();
    let mut space = true;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b' ' if space => return false,
            b' ' => space = true,
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => return false,
            0xc2 | 0xe1..=0xe3 if s[i..].starts_with(char::is_whitespace) => return false,
            _ => space = false,
        }
    }
    !space || b.is_empty()
}

const CREDIT_WORDS: &[&str] = &[
    "Photo",
    "Photos",
    "Photograph",
    "Photographs",
    "Picture",
    "Pictures",
    "Pic",
    "Image",
    "Images",
    "Video",
    "Videos",
    "Illustration",
    "Illustrations",
    "Credit",
    "Graphic",
    "Footage",
];

/// Splits a trailing photo credit off a block: `… Photo / AP`,
/// `… Photo: Reuters`, `… Photo by X`, `… (Photo: X)`, `… Credit: X`, and the
/// same with Video, Illustration, Picture(s), Image, Photograph. Returns the
/// caption text and the credit alone, or `None` for a paragraph.
pub fn split_credit(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    // Candidate keyword positions: the start, or after whitespace or `(`.
    let mut best = None;
    for (pos, _) in text.char_indices().filter(|&(i, c)| {
        // The first letters of CREDIT_WORDS.
        matches!(c, 'C' | 'F' | 'G' | 'I' | 'P' | 'V')
            && (i == 0 || text[..i].ends_with(|p: char| p.is_whitespace() || p == '(' || p == '['))
    }) {
        let rest = &text[pos..];
        let Some(word) = CREDIT_WORDS.iter().find(|w| {
            rest.starts_with(**w) && !rest[w.len()..].starts_with(|c: char| c.is_alphanumeric())
        }) else {
            continue;
        };
        let after = &rest[word.len()..];
        let credit = if let Some(r) = after
            .strip_prefix(':')
            .or_else(|| after.trim_start().strip_prefix('/'))
        {
            r
        } else if let Some(r) = after
            .strip_prefix(" by ")
            .or_else(|| after.strip_prefix(" courtesy of "))
        {
            r
        } else {
            continue;
        };
        let opened = text[..pos].ends_with(['(', '[']);
        let mut credit = credit.trim();
        if opened {
            match credit.strip_suffix([')', ']']) {
                Some(c) => credit = c.trim(),
                None => continue,
            }
        }
        let credit = credit.trim_end_matches('.').trim();
        if is_credit(credit) {
            let caption = text[..pos].trim_end_matches(['(', '[']).trim_end();
            let caption = caption.trim_end_matches(['-', '–', '—', '|']).trim_end();
            best = Some((caption.to_string(), credit.to_string()));
            break;
        }
    }
    best
}

/// A credit is short: a name, an agency or `X / Y`, with no sentence in it.
fn is_credit(credit: &str) -> bool {
    if credit.is_empty() || credit.chars().count() > 60 {
        return false;
    }
    let words = credit.split_whitespace().filter(|w| *w != "/").count();
    if words > 8 {
        return false;
    }
    // No sentence punctuation inside (initials like `A.P.` or `Ross D.
    // Franklin` are fine).
    let sentence_stop = credit.match_indices(". ").any(|(at, _)| {
        let before: Vec<char> = credit[..at].chars().rev().take(2).collect();
        let initial = before.first().is_some_and(|c| c.is_uppercase())
            && before.get(1).is_none_or(|c| c.is_whitespace() || *c == '.');
        !initial
    });
    if credit.contains(['“', '”', '"', '?', '!', ';']) || sentence_stop {
        return false;
    }
    // Starts like a name or agency, not a lower-case sentence.
    credit
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    #[test]
    fn collapse_fast_path_agrees_with_the_rule() {
        let slow = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a b",
            "a b ",
            "a\tb",
            "a\nb",
            "a\u{a0}b",
            "a\u{2003}b",
            "a\u{3000}b",
            "“quoted” — dash ’s",
            "a\u{85}b",
            "Ünïcödé wörds here",
        ] {
            assert_eq!(collapse(s), slow(s), "{s:?}");
        }
    }

    use super::*;
    use crate::article::BlockKind;

    const SEED: &str =
        " date 2025-06-14 Mayor Ada Quist opens the new harbour bridge. Photo / Reuters

Mayor Ada Quist cut the ribbon on Saturday, ending six years of delays
that her predecessor, Tomas Brel, once called “a monument to committee work”.

“We kept our promise,” Quist told reporters. “Late, but we kept it.”

Councillor Brel, speaking from the crowd, was less generous. Photo: AP

“It is a fine bridge,” he said. “It is also twice the price.”
";

    #[test]
    fn seed_article_parses_as_format_md_says() {
        let a = parse(SEED);
        assert_eq!(a.meta.date.as_deref(), Some("2025-06-14"));
        assert_eq!(a.blocks.len(), 5);
        assert_eq!(
            a.blocks[0],
            Block::caption(
                "Mayor Ada Quist opens the new harbour bridge.",
                Some("Reuters".into())
            )
        );
        assert!(a.blocks[1].text.starts_with(
            "Mayor Ada Quist cut the ribbon on Saturday, ending six years of delays that her"
        ));
        assert_eq!(
            a.blocks[3],
            Block::caption(
                "Councillor Brel, speaking from the crowd, was less generous.",
                Some("AP".into())
            )
        );
        assert_eq!(a.blocks[4].kind, BlockKind::Paragraph);
    }

    #[test]
    fn header_fields_take_the_rest_of_their_line() {
        let a = parse(
            "title  A  bridge at last\nauthor Jo Bloggs\nsource The Harbour Times\nurl https://example.com/a\ndate 2024-01-02\n\nBody text.\n",
        );
        assert_eq!(a.meta.title.as_deref(), Some("A bridge at last"));
        assert_eq!(a.meta.author.as_deref(), Some("Jo Bloggs"));
        assert_eq!(a.meta.source.as_deref(), Some("The Harbour Times"));
        assert_eq!(a.meta.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(a.meta.date.as_deref(), Some("2024-01-02"));
        assert_eq!(a.blocks, vec![Block::paragraph("Body text.")]);
    }

    #[test]
    fn date_glued_to_text_continues_on_the_next_lines() {
        let a = parse("date 2024-01-02 The first\nparagraph goes on.\n\nSecond.");
        assert_eq!(a.blocks[0].text, "The first paragraph goes on.");
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn other_date_forms_stay_text() {
        let a = parse("date night at the harbour was busy.\n\nMore.");
        assert_eq!(a.meta.date, None);
        assert_eq!(a.blocks[0].text, "date night at the harbour was busy.");
        let a = parse("Date 2024-01-02 is not a header.");
        assert_eq!(a.meta.date, None);
        let a = parse("date 2024-1-2 half a date");
        assert_eq!(a.meta.date, None);
    }

    #[test]
    fn header_only_at_the_top() {
        let a = parse("First.\n\ntitle of the piece was long.");
        assert_eq!(a.meta.title, None);
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn whitespace_is_normalised_and_blank_lines_with_spaces_split() {
        let a = parse("one   two\n   three\n   \nfour");
        assert_eq!(
            a.blocks,
            vec![Block::paragraph("one two three"), Block::paragraph("four")]
        );
    }

    #[test]
    fn every_credit_form_is_recognised() {
        let cases = [
            ("A. Photo / AP", "A.", "AP"),
            ("A. Photo / Getty Images", "A.", "Getty Images"),
            ("A. Photo: Reuters", "A.", "Reuters"),
            (
                "A. Photograph: Jane Doe/Guardian",
                "A.",
                "Jane Doe/Guardian",
            ),
            ("A. Picture: Supplied", "A.", "Supplied"),
            ("A and B. Pictures: Sam Lee", "A and B.", "Sam Lee"),
            ("A. Image: Getty Images", "A.", "Getty Images"),
            ("A. Photo by Mark Mitchell", "A.", "Mark Mitchell"),
            ("A. (Photo: AFP)", "A.", "AFP"),
            ("A. Credit: NASA", "A.", "NASA"),
            ("A. Video / TVNZ", "A.", "TVNZ"),
            ("A. Illustration: Ana Ruiz", "A.", "Ana Ruiz"),
            ("A. Photo / Jane Doe / NZME", "A.", "Jane Doe / NZME"),
            ("Photo / AP", "", "AP"),
            (
                "A. Photo by Ross D. Franklin/AP",
                "A.",
                "Ross D. Franklin/AP",
            ),
            ("A. Photo: J. R. Okoro", "A.", "J. R. Okoro"),
        ];
        for (block, text, credit) in cases {
            assert_eq!(
                split_credit(block),
                Some((text.to_string(), credit.to_string())),
                "{block}"
            );
        }
    }

    #[test]
    fn sentences_about_photos_are_not_captions() {
        for text in [
            "He showed the photo: it was blurred, he said, and nobody could tell who stood there.",
            "The picture: a mess.",
            "She took the Photo / and ran off with it to the paper, which printed it the next day.",
            "Photos were taken.",
            "“Image: that is all that matters,” he said.",
            "The credit: card debt of the family rose.",
            "The credit: Mrs Lee. She paid it all back.",
        ] {
            assert_eq!(split_credit(text), None, "{text}");
        }
    }
}
