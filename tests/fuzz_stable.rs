//! A deterministic stand-in for `cargo fuzz` that runs on stable in CI:
//! seeded random articles built from hostile pieces (escapes, C1, bidi,
//! NUL, broken UTF-8, quotes, names, captions, long words, CJK, emoji),
//! through load → parse → analyse and one frame at a few sizes. Crashes
//! the real fuzzer found are kept as files in fuzz/regressions/ and run
//! here too.

use std::path::Path;

use byline::app::App;
use byline::article::{load, text};
use byline::keymap::Keymap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

/// xorshift64*: small, seeded, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&[u8]] = &[
    b"Ada Quist",
    b"Mayor Ada Quist",
    b"Quist",
    b"Tomas Brel",
    b" said ",
    b" says ",
    "“".as_bytes(),
    "”".as_bytes(),
    b"\"",
    b"'",
    "‘".as_bytes(),
    "’".as_bytes(),
    b"\n\n",
    b"\n",
    b". ",
    b", ",
    b"Photo / AP",
    b"Photo: Reuters",
    b"(Photo: X)",
    b"title ",
    b"date 2025-01-02 ",
    b"author ",
    b"\x1b[31m",
    b"\x1b]52;c;QQ==\x07",
    b"\x1b]8;;x\x1b\\",
    b"\x1b",
    b"\xc2\x9b",
    b"\xc2\x9d0;t\x07",
    b"\x00",
    b"\xff",
    b"\xe2\x82",
    b"\xc0\x9b",
    "\u{202e}".as_bytes(),
    "\u{200d}".as_bytes(),
    "東京の橋".as_bytes(),
    "👨\u{200d}👩\u{200d}👧".as_bytes(),
    "e\u{301}".as_bytes(),
    "\u{301}".as_bytes(),
    b"Minister",
    b"Duke of Carrick",
    b"he",
    b"she",
    b"they",
    b"The",
    b"Council",
    b"\t",
    b"\r\n",
    b" ",
    b"-",
    "—".as_bytes(),
    b"...",
];

fn article(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.below(120) + 1 {
        match rng.below(40) {
            0 => out.extend(std::iter::repeat_n(b'w', rng.below(3000))),
            1 => out.push(rng.below(256) as u8),
            _ => out.extend_from_slice(PIECES[rng.below(PIECES.len())]),
        }
    }
    out
}

fn check(bytes: &[u8]) {
    let Ok(loaded) = load::load_bytes(Path::new("gen"), bytes) else {
        return;
    };
    assert!(!loaded.text.contains('\u{1b}'));
    let article = text::parse(&loaded.text);
    let analysis = byline::analyse::analyse(&article);
    for m in &analysis.mentions {
        let block = &article.blocks[m.span.block].text;
        assert!(block.get(m.span.start..m.span.end).is_some());
    }
    let mut app = App::new(article, analysis, Keymap::default());
    for (w, h) in [(160, 48), (50, 10)] {
        app.resize(w, h);
        for key in ["G", "3", "enter", "2", "enter"] {
            app.press(key);
        }
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        (&app).render(area, &mut buf);
    }
}

#[test]
fn thousands_of_generated_articles() {
    let cases: usize = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000);
    let mut rng = Rng(0x5eed_b711_e000_0001);
    for case in 0..cases {
        let bytes = article(&mut rng);
        let result = std::panic::catch_unwind(|| check(&bytes));
        assert!(result.is_ok(), "case {case} panicked; input: {bytes:?}");
    }
}

#[test]
fn fuzzer_regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries
        .flatten()
        .filter(|e| e.path().extension().is_none_or(|x| x != "md"))
    {
        check(&std::fs::read(e.path()).expect("read"));
    }
}
