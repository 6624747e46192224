//! Article → Analysis: captions, quotes with speakers, people with merged
//! aliases. Pure functions; no I/O, no terminal.

pub mod lexicon;
pub mod people;
mod quote_ranges;
pub mod quotes;
pub mod tokens;

pub use quote_ranges::QuoteRanges;

use crate::article::{Analysis, Article, Caption};

/// Analyses an article: quote marks first (so quoted work titles are not
/// mined for names), then people, then who said each quote.
pub fn analyse(article: &Article) -> Analysis {
    let raw = quotes::find_quotes(article);
    // `find_people` is the analysis's peak (its name candidates): the
    // raw quotes wait through it folded into the ranges it reads, 2
    // bytes a quote rather than 32 (3 MB less at the peak on 10 MB).
    // Attribution, which sizes its output once, stays below that peak
    // with them back.
    let (inner, folded) = QuoteRanges::fold(raw);
    let mut found = people::find_people(article, &inner);
    found.mentions.shrink_to_fit();
    let raw = inner.unfold(folded);
    let mut quotes = quotes::attribute(article, &raw, &found);
    drop(raw);
    let (mut people, mut mentions) = (found.people, found.mentions);
    let captions = article
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_caption())
        .map(|(i, _)| Caption { block: i })
        .collect();
    quotes.shrink_to_fit();
    people.shrink_to_fit();
    mentions.shrink_to_fit();
    Analysis {
        captions,
        quotes,
        people,
        mentions,
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
            .map(|q| {
                let text = q.text(&a).chars().take(12).collect();
                (text, q.speaker.map(|s| s.to_string()))
            })
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
    #[test]
    fn firms_named_like_people_are_not_people() {
        let got = people(
            "Ruth Okonedo, an economist at Fennimore Blake, expects a cut.\n\n\
             Fennimore Blake shares fell 4% after Tarrant Lowe and Fennimore Blake \
             reported.\n\n\
             A Tarrant Lowe spokesman declined to comment.\n\n\
             Bill Carver, the founder, said he was proud.",
        );
        let names: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, vec!["Ruth Okonedo", "Bill Carver"], "{got:?}");
    }

    #[test]
    fn places_named_like_people_are_not_people() {
        let got = people(
            "Dara Finn grew up in Santa Rosa and later in nearby Petaluma.\n\n\
             A Silver Lake gallery owner, who lives near Cedar Springs, \
             represents her, as does a Mill Valley dealer.\n\n\
             She has shown in Truro and Penzance.",
        );
        let names: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, vec!["Dara Finn"], "{got:?}");
    }

    #[test]
    fn unnamed_and_clause_subjects() {
        let got = speakers(
            "Senator Ivo Brandt praised the deal, while a union official said it was \"a start\".\n\n\
             The inquiry heard from a nurse who cannot be named, a former colleague of Brandt’s \
             at Westgate Clinic, who said he was \"always kind\".\n\n\
             Alongside him, the veteran organiser Nell Parry was blunt: \"We want more.\"",
        );
        let s = |i: usize| got[i].1.as_deref();
        assert_eq!(s(0), Some("a union official"));
        assert!(s(1).is_some_and(|x| x.starts_with("a nurse")), "{got:?}");
        assert_eq!(s(2), Some("Nell Parry"));
    }
    #[test]
    fn peers_are_known_by_their_styles() {
        let got = people(
            "The Earl of Brora opened the hall. The Marchioness of Lisk sent flowers.\n\n\
             The Earl, Sir Hugo Dane, cut the ribbon.\n\n\
             Lady Lisk could not attend. Lord Brora stayed late.",
        );
        let hugo = got.iter().find(|p| p.0 == "Hugo Dane").expect("Hugo Dane");
        assert_eq!(hugo.1, vec![0, 1, 2], "{got:?}");
        let lisk = got.iter().find(|p| p.0.contains("Lisk")).expect("Lisk");
        assert_eq!(lisk.1, vec![0, 2], "{got:?}");
        assert_eq!(got.len(), 2, "{got:?}");
    }
    #[test]
    fn pronouns_offices_and_reported_clauses() {
        let a = parse(
            "Judge Anna Corbett heard the case. Tomas Reid gave evidence.\n\n\
             “The law is clear,” the judge said.\n\n\
             According to the court file, Reid was paid twice. A note filed later \
             says he told officers he \"never saw the money.\"\n\n\
             She says the council has asked the family for \"more patience\".",
        );
        let r = analyse(&a);
        let id = |name: &str| r.people.iter().find(|p| p.name == name).map(|p| p.id);
        let got: Vec<(Option<&str>, Option<usize>)> = r
            .quotes
            .iter()
            .map(|q| (q.speaker.as_deref(), q.person))
            .collect();
        assert_eq!(got[0], (Some("the judge"), id("Anna Corbett")), "{got:?}");
        assert_eq!(got[1].1, id("Tomas Reid"), "{got:?}");
        assert_eq!(got[2].1, id("Anna Corbett"), "{got:?}");
    }
    #[test]
    fn birth_names_are_aliases_of_the_person() {
        let got = people(
            "Dolly Tremaine, the singer, has died at 88. Tremaine sang for 60 years.\n\n\
             She was born Dorothy Mae Kessel in Ohio. Dorothy Kessel became Dolly Tremaine in 1958.\n\n\
             Tremaine is survived by her son, Arlo Vance, born Arlo Tremaine.",
        );
        let dolly = got.iter().find(|p| p.0 == "Dolly Tremaine").expect("Dolly");
        assert_eq!(dolly.1, vec![0, 1, 2], "{got:?}");
        let arlo = got.iter().find(|p| p.0 == "Arlo Vance").expect("Arlo");
        assert_eq!(arlo.1, vec![2], "{got:?}");
        assert_eq!(got.len(), 2, "{got:?}");
    }
    #[test]
    fn a_surname_after_a_preposition_is_still_the_person() {
        let got = people(
            "Tom Arnaud scored twice for Hartley.\n\n\
             Dunn slid in late on Arnaud and was sent off at Pellow.\n\n\
             The club built a so-called \"fan zone\" in Marske.",
        );
        let tom = got
            .iter()
            .find(|p| p.0 == "Tom Arnaud")
            .expect("Tom Arnaud");
        assert_eq!(tom.1, vec![0, 1], "{got:?}");
        assert!(
            !got.iter().any(|p| p.0 == "Pellow" || p.0 == "Marske"),
            "{got:?}"
        );
        let quotes = speakers(
            "Mayor Ida Kell said the hall would have a so-called \"quiet room\" for visitors.",
        );
        assert_eq!(quotes[0].1, None);
    }
    #[test]
    fn lower_case_offices_name_their_one_holder() {
        let got = people(
            "The prime minister, Ruth Penhale, flew to Oslo.\n\n\
             Aides said the prime minister was tired.\n\n\
             The judge, Omar Fell, and the judge in the second case were not named.",
        );
        let ruth = got.iter().find(|p| p.0 == "Ruth Penhale").expect("Ruth");
        assert_eq!(ruth.1, vec![0, 1], "{got:?}");
        let omar = got.iter().find(|p| p.0 == "Omar Fell").expect("Omar");
        assert_eq!(omar.1, vec![2], "{got:?}");
    }
    #[test]
    fn titles_of_works_with_verbs_are_not_people() {
        let got = people(
            "Anna Reyes Was Here opened the festival.\n\n\
             Critics preferred Tom Hale And The Sea, a documentary by Rosa Diaz.",
        );
        let names: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, vec!["Rosa Diaz"], "{got:?}");
    }
}
