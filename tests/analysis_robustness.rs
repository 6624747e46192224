//! Deterministic random articles built from the pieces the analysis cares
//! about (quote marks, apostrophes, titles, names, punctuation, multi-byte
//! characters): load → parse → analyse must never panic, and every span it
//! returns must lie on character boundaries of its block.

use byline::analyse::analyse;
use byline::article::{load, text};

const PIECES: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ",",
    ".",
    ":",
    ";",
    "!",
    "?",
    "—",
    "(",
    ")",
    "Mr",
    "Dr.",
    "Sir",
    "Prince",
    "Duke of",
    "the",
    "The",
    "said",
    "told",
    "he",
    "she",
    "according to",
    "Ada",
    "Quist",
    "Brel",
    "Tomas",
    "O’Neill",
    "de la",
    "Cruz",
    "J.C.",
    "Jr.",
    "Harry’s",
    "Charles’",
    "’90s",
    "rock ’n’ roll",
    "Photo / AP",
    "Photo:",
    "(Photo: X)",
    "日本",
    "👩\u{200D}💻",
    "e\u{301}",
    "Māori",
    "&",
    "Morgan Stanley",
    "date 2025-01-02",
    "title",
    "x",
    "who",
    "that",
    "by",
    "as",
    "called",
    "a source close to",
    "Te",
    "New Zealand",
    "-",
    "…",
    // Pieces the second-reference, firm and hand-over rules look for.
    "D-N.Y.,",
    "R-La.",
    "HMS",
    "(4-2-3-1)",
    "(4-3)",
    "the younger",
    "the elder",
    "Sr.",
    "the Swede",
    "the 34-year-old",
    "the firm",
    "the statement",
    "the letter",
    "they",
    "what",
    "put it",
    "in the words of",
    "DailyMail.com",
    "Gov.",
    "Her mother,",
    "Mrs",
    "Justice",
    "KC",
    "Brands",
    "whānau",
    "Stourport-on-Severn",
    "‘",
    "’:",
    "says",
    "citing",
    "with",
    "and",
];

fn article(seed: u64) -> String {
    let mut n = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = String::new();
    let len = 5 + (seed % 120) as usize;
    for _ in 0..len {
        n ^= n << 13;
        n ^= n >> 7;
        n ^= n << 17;
        out.push_str(PIECES[(n % PIECES.len() as u64) as usize]);
        if n % 3 == 0 {
            out.push(' ');
        }
    }
    out
}

#[test]
fn random_articles_never_panic_and_spans_are_valid() {
    for seed in 0..8_000u64 {
        let src = article(seed);
        let Ok(loaded) = load::load_bytes(std::path::Path::new("fuzz.txt"), src.as_bytes()) else {
            continue;
        };
        let a = text::parse(&loaded.text);
        let an = analyse(&a);
        for q in &an.quotes {
            assert!(
                q.block <= q.end_block && q.end_block < a.blocks.len(),
                "seed {seed}"
            );
            for s in &q.spans {
                let t = &a.blocks[s.block].text;
                assert!(
                    s.start <= s.end && t.is_char_boundary(s.start) && t.is_char_boundary(s.end),
                    "seed {seed}: {src:?}"
                );
            }
        }
        for m in &an.mentions {
            let t = &a.blocks[m.span.block].text;
            assert!(
                t.is_char_boundary(m.span.start) && t.is_char_boundary(m.span.end),
                "seed {seed}: {src:?}"
            );
            assert!(m.person < an.people.len());
        }
        for p in &an.people {
            assert!(
                p.blocks.iter().all(|&b| b < a.blocks.len()) && p.mentions > 0,
                "seed {seed}"
            );
        }
    }
}
