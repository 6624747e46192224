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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::text::parse;

    /// (quote text start, speaker) pairs for an article.
    fn speakers(src: &str) -> Vec<(String, Option<String>)> {
        let a = parse(src);
        analyse(&a)
            .quotes
            .into_iter()
            .map(|q| (q.text.chars().take(12).collect(), q.speaker))
            .collect()
    }

    fn people(src: &str) -> Vec<(String, Vec<usize>)> {
        let a = parse(src);
        analyse(&a)
            .people
            .into_iter()
            .map(|p| (p.name, p.blocks))
            .collect()
    }

    #[test]
    fn attribution_styles() {
        let got = speakers(
            "Mary Jones has lived on the street since 1990.\n\n\
             \"We're not going anywhere,\" said Jones, 61.\n\n\
             Jones said: \"It's over.\"\n\n\
             \"It's over,\" she said, adding: \"We tried.\"\n\n\
             In a statement, the company said: \"We regret the closure.\"\n\n\
             \"Nobody asked us,\" said resident Tom Reed.\n\n\
             According to Reed, the \"consultation\" lasted an hour.",
        );
        let s = |i: usize| got[i].1.as_deref();
        assert_eq!(s(0), Some("Jones"));
        assert_eq!(s(1), Some("Jones"));
        assert_eq!(
            s(2),
            Some("Mary Jones"),
            "pronoun resolves to the person: {got:?}"
        );
        assert_eq!(s(3), Some("Mary Jones"));
        assert_eq!(s(4), Some("the company"));
        assert_eq!(s(5), Some("Tom Reed"));
        assert_eq!(s(6), Some("Reed"));
    }

    #[test]
    fn continuation_paragraph_keeps_the_speaker() {
        let got = speakers(
            "“The first part is easy,” Ada Quist said.\n\n“The second part is where it gets hard, and we knew it.”\n\nThe meeting ended.",
        );
        assert_eq!(got[1].1.as_deref(), Some("Ada Quist"));
    }

    #[test]
    fn aliases_merge_and_namesakes_do_not() {
        let got = people(
            "Prince Edmund, Duke of Carrick, arrived on Friday.\n\n\
             The Duke of Carrick waved. Edmund smiled.\n\n\
             Tom Reyes scored twice and Tom Whitcombe once.\n\n\
             Reyes said the Duke was a fan.",
        );
        let edmund = got.iter().find(|p| p.0 == "Prince Edmund").expect("Edmund");
        assert_eq!(edmund.1, vec![0, 1, 3]);
        let reyes = got.iter().find(|p| p.0 == "Tom Reyes").expect("Reyes");
        assert_eq!(reyes.1, vec![2, 3]);
        assert!(got.iter().any(|p| p.0 == "Tom Whitcombe"));
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn organisations_places_and_openers_are_not_people() {
        let got = people(
            "Elsewhere, Morgan Stanley analysts cut their forecast.\n\n\
             Despite the rain, fans at Eden Park cheered the Wellington Phoenix.\n\n\
             The book Finding Edmund sold well in New Zealand.",
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
