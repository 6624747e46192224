//! Article → Analysis: captions, quotes with speakers, people with merged
//! aliases. Pure functions; no I/O, no terminal.

pub mod lexicon;
pub mod people;
pub mod quotes;
pub mod tokens;

use crate::article::{Analysis, Article, Caption};

/// Analyses an article: quote marks first (so quoted work titles are not
/// mined for names), then people, then who said each quote.
pub fn analyse(article: &Article) -> Analysis {
    let captions = article
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_caption())
        .map(|(i, b)| Caption {
            block: i,
            text: b.text.clone(),
            credit: b.credit.clone(),
        })
        .collect();
    let raw = quotes::find_quotes(article);
    let mut inner = vec![Vec::new(); article.blocks.len()];
    for q in &raw {
        for s in &q.inner {
            inner[s.block].push((s.start, s.end));
        }
    }
    let found = people::find_people(article, &inner);
    let quotes = quotes::attribute(article, &raw, &found);
    Analysis {
        captions,
        quotes,
        people: found.people,
        mentions: found.mentions,
    }
}
