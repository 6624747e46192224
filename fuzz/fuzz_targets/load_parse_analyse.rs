//! Fuzz target: arbitrary bytes through load → parse → analyse, and the
//! invariants the reader relies on (clean text, spans inside blocks).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(loaded) = byline::article::load::load_bytes(std::path::Path::new("fuzz"), data) else {
        return;
    };
    // Sanitising leaves nothing that can drive a terminal.
    assert!(
        !loaded
            .text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{1b}'),
        "control character survived loading"
    );
    let article = byline::article::text::parse(&loaded.text);
    let analysis = byline::analyse::analyse(&article);
    for m in &analysis.mentions {
        let block = &article.blocks[m.span.block].text;
        assert!(block.get(m.span.start..m.span.end).is_some(), "mention span off a char boundary");
    }
    for q in &analysis.quotes {
        assert!(q.block <= q.end_block && q.end_block < article.blocks.len());
    }
});
