// A hand-built `Analysis` for the test fixtures, so the reader can be
// tested before (and independently of) the real analysis: people and
// their name forms are listed by hand, mentions and quotes are found by
// plain string search.

// Included with `include!` into a module that has imported
// `byline::article::*` (or `crate::article::*`), hence no `use` here.

/// (canonical name, name forms longest first) of the fixture's people.
pub const PEOPLE: &[(&str, &[&str])] = &[
    ("Ada Quist", &["Mayor Ada Quist", "Ada Quist", "Quist"]),
    ("Tomas Brel", &["Councillor Brel", "Tomas Brel", "Brel"]),
    ("Lena Okafor", &["Engineer Lena Okafor", "Lena Okafor", "Okafor"]),
    ("Piet Vann", &["Piet Vann", "Vann"]),
];

/// Who speaks the quotes in a block, by canonical name.
const SPEAKERS: &[(usize, &str)] = &[(1, "Tomas Brel"), (2, "Ada Quist"), (4, "Tomas Brel"), (6, "Lena Okafor"), (8, "Piet Vann"), (9, "Ada Quist")];

/// Builds the analysis of `article` from the tables above.
pub fn hand_analysis(article: &Article) -> Analysis {
    // Mentions per canonical person, in document order.
    let mut found: Vec<Vec<Span>> = vec![Vec::new(); PEOPLE.len()];
    for (b, block) in article.blocks.iter().enumerate() {
        let text = &block.text;
        let mut taken: Vec<(usize, usize)> = Vec::new();
        for (p, (_, forms)) in PEOPLE.iter().enumerate() {
            for form in *forms {
                for (start, _) in text.match_indices(form) {
                    let end = start + form.len();
                    let word_end = text[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
                    let overlaps = taken.iter().any(|&(s, e)| start < e && s < end);
                    if word_end && !overlaps {
                        taken.push((start, end));
                        found[p].push(Span { block: b, start, end });
                    }
                }
            }
        }
    }
    // Most mentioned first; ids are indices.
    let mut order: Vec<usize> = (0..PEOPLE.len()).filter(|&p| !found[p].is_empty()).collect();
    order.sort_by_key(|&p| std::cmp::Reverse(found[p].len()));
    let mut people = Vec::new();
    let mut mentions = Vec::new();
    for (id, &p) in order.iter().enumerate() {
        let mut blocks: Vec<usize> = found[p].iter().map(|s| s.block).collect();
        blocks.dedup();
        let (name, forms) = PEOPLE[p];
        people.push(Person {
            id,
            name: name.to_string(),
            aliases: forms.iter().filter(|f| **f != name).map(|f| f.to_string()).collect(),
            mentions: found[p].len(),
            blocks,
        });
        mentions.extend(found[p].iter().map(|&span| Mention { span, person: id }));
    }
    mentions.sort_by_key(|m| (m.span.block, m.span.start));
    let id_of = |name: &str| people.iter().position(|p: &Person| p.name == name);
    let mut quotes = Vec::new();
    for (b, block) in article.blocks.iter().enumerate() {
        let text = &block.text;
        let mut from = 0;
        while let Some(open) = text[from..].find('“').map(|i| i + from) {
            let inner = open + '“'.len_utf8();
            let Some(close) = text[inner..].find('”').map(|i| i + inner) else { break };
            let end = close + '”'.len_utf8();
            let speaker = SPEAKERS.iter().find(|(sb, _)| *sb == b).map(|(_, n)| *n);
            quotes.push(Quote {
                block: b,
                end_block: b,
                speaker: speaker.map(Into::into),
                person: speaker.and_then(id_of),
                spans: QuoteSpans::new(&[Span { block: b, start: open, end }], &[Span { block: b, start: inner, end: close }]),
            });
            from = end;
        }
    }
    let captions = article
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_caption())
        .map(|(i, _)| Caption { block: i })
        .collect();
    Analysis { captions, quotes, people, mentions }
}
