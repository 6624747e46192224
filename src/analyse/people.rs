//! People: name candidates from capitalised word runs, told apart from
//! organisations, places, works and sentence openers, then merged into one
//! cluster per person (full name, surname, first name, title forms, and
//! titles tied by apposition).

use std::collections::{HashMap, HashSet};

use super::QuoteRanges;
use super::lexicon::{self as lx, FastSet, Gender};
use super::tokens::{Token, tokenize};
use crate::article::{Article, Mention, Person, Span};

mod candidates;
mod words;

use candidates::*;
use words::{is_initial, plural_of_common};

impl People {
    /// The mentions in one block (mentions are in document order).
    pub fn in_block(&self, block: usize) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.span.block < block);
        let to = self.mentions.partition_point(|m| m.span.block <= block);
        &self.mentions[from..to]
    }
}

/// Clusters, their mentions, and what we know of each person.
#[derive(Debug, Default)]
pub struct People {
    /// People, most mentioned first.
    pub people: Vec<Person>,
    /// Every mention, in document order.
    pub mentions: Vec<Mention>,
    /// Gender of each person, when titles or given names tell.
    pub genders: Vec<Option<Gender>>,
}

/// Clusters by first and last name, kept in step as clusters are added
/// (their names never change), so short forms are matched in O(1).
#[derive(Debug, Default)]
struct NameIndex {
    by_first: HashMap<String, Vec<usize>>,
    by_last: HashMap<String, Vec<usize>>,
    upto: usize,
}

impl NameIndex {
    fn sync(&mut self, clusters: &[Cluster]) {
        for (k, c) in clusters.iter().enumerate().skip(self.upto) {
            if let Some(f) = &c.first {
                self.by_first.entry(f.clone()).or_default().push(k);
            }
            if let Some(l) = &c.last {
                self.by_last.entry(l.clone()).or_default().push(k);
            }
        }
        self.upto = clusters.len();
    }
    fn first(&self, w: &str) -> &[usize] {
        self.by_first.get(w).map_or(&[], Vec::as_slice)
    }
    fn last(&self, w: &str) -> &[usize] {
        self.by_last.get(w).map_or(&[], Vec::as_slice)
    }
}

#[derive(Debug, Default)]
struct Cluster {
    first: Option<String>,
    last: Option<String>,
    /// Longest core seen.
    name: Vec<String>,
    titles: HashSet<String>,
    territorial: HashSet<String>,
    gender: Option<Gender>,
    royal: bool,
}

/// Finds and merges people. `quote_ranges[b]` are the inner ranges of the
/// quotes of block `b` (used to skip quoted work titles).
pub fn find_people(article: &Article, quote_ranges: &QuoteRanges) -> People {
    let ev = evidence(article);
    let lower = &ev.lower;
    let mut cands = Vec::new();
    // Names seen heading a firm's name (`Carver Hollis Bank`): alone
    // elsewhere they are the firm (`Carver Hollis, founded in 1911`).
    let mut org_named = FastSet::default();
    for (b, block) in article.blocks.iter().enumerate() {
        candidates(
            b,
            &block.text,
            quote_ranges.of(b),
            &ev,
            &mut cands,
            &mut org_named,
        );
    }

    // `The Duke and Duchess of Harrowby`: the first title shares the place.
    for w in 1..cands.len() {
        let (a, b) = (&cands[w - 1], &cands[w]);
        let coordinated = a.block == b.block
            && a.title_only()
            && a.territory.is_none()
            && b.title_only()
            && a.titles.last().is_some_and(|t| lx::is_territorial(t))
            && article.blocks[a.block()].text[a.end()..b.start()].trim() == "and";
        if coordinated && let Some(t) = b.territory.clone() {
            cands[w - 1].territory = Some(t);
        }
    }

    let mut clusters: Vec<Cluster> = Vec::new();
    let mut assign: Vec<Option<usize>> = vec![None; cands.len()];
    let mut by_key: HashMap<(String, String), usize> = HashMap::new();

    // 1. Full names.
    for (ci, c) in cands.iter().enumerate() {
        if c.core.len() < 2 || c.surname_only() || c.suffixed_surname().is_some() {
            continue;
        }
        let first = c.core[0];
        let last_i = c
            .core
            .iter()
            .rposition(|w| !lx::is_suffix(w))
            .unwrap_or(c.core.len() - 1);
        let last = c.core[last_i];
        let plausible = !c.titles.is_empty()
            || c.evidence
            || lx::is_given_name(first)
            || is_initial(first)
            || !(lower.contains(&first.to_lowercase()) || lower.contains(&last.to_lowercase()));
        if !plausible
            || (c.sentence_start
                && !lx::is_given_name(first)
                && c.titles.is_empty()
                && !c.evidence
                && lower.contains(&first.to_lowercase()))
        {
            continue;
        }
        // `Hayes Jr.` and `Hayes Sr.` are two people.
        let suffix = c.core[last_i + 1..]
            .iter()
            .filter(|w| matches!(**w, "Jr" | "Sr" | "II" | "III" | "IV"))
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        let key = (
            first.to_lowercase(),
            format!("{} {suffix}", last.to_lowercase()),
        );
        let id = *by_key.entry(key).or_insert_with(|| {
            clusters.push(Cluster {
                first: Some(first.to_string()),
                last: Some(last.to_string()),
                ..Cluster::default()
            });
            clusters.len() - 1
        });
        assign[ci] = Some(id);
        absorb(&mut clusters[id], c);
    }

    // Firms named like people (`Keller Sachs`) leave before the short
    // forms are matched, so `Sachs, who …` can find the real Sachs.
    let firm = firms(article, &cands, &assign, clusters.len(), &org_named);
    for a in assign.iter_mut() {
        if a.is_some_and(|id| firm[id]) {
            *a = None;
        }
    }
    for (k, cl) in clusters.iter_mut().enumerate() {
        if firm[k] {
            cl.first = None;
            cl.last = None;
        }
    }

    let mut idx = NameIndex::default();

    // 2. Apposition ties: `Prince Harry, Duke of Sussex`, `Mara, the Duchess of X`.
    let mut ties: HashMap<String, usize> = HashMap::new();
    let mut tie_pairs: Vec<(usize, usize)> = Vec::new(); // (title cand, name cand)
    let mut office_ties: Vec<(usize, usize)> = Vec::new();
    for w in 0..cands.len().saturating_sub(1) {
        let (a, b) = (&cands[w], &cands[w + 1]);
        if a.block != b.block {
            continue;
        }
        let gap = &article.blocks[a.block()].text[a.end()..b.start()];
        let gap = gap.trim_start_matches(['’', '\'']).trim_start_matches('s');
        let g = gap.trim();
        let g = g.strip_prefix(',').map(str::trim);
        let linked = g.is_some_and(|g| {
            matches!(
                g,
                "" | "the" | "The" | "the former" | "formerly" | "née" | "born" | "now"
            )
        });
        if !linked {
            continue;
        }
        if b.title_only() && b.territorial_key().is_some() && !a.title_only() {
            tie_pairs.push((w + 1, w));
        } else if a.title_only() && a.territorial_key().is_some() && !b.title_only() {
            tie_pairs.push((w, w + 1));
        } else if a.title_only() != b.title_only() && !listed_royals(a, b) {
            // `the Prime Minister, Sir Alistair Penrose`: an office held.
            office_ties.push(if a.title_only() {
                (w, w + 1)
            } else {
                (w + 1, w)
            });
        }
    }

    // 3. Titled single names and tied names.
    let tied_names: HashSet<usize> = tie_pairs.iter().map(|p| p.1).collect();
    for (ci, c) in cands.iter().enumerate() {
        if (c.core.len() != 1 && !c.surname_only()) || assign[ci].is_some() {
            continue;
        }
        if c.titles.is_empty() && !tied_names.contains(&ci) {
            continue;
        }
        let word = c.short_form();
        // `Her mother, Mrs Quinn`, and `Mrs Quinn` after it: one relative.
        let kin_key = (
            "kin".to_string(),
            format!("{} {}", c.titles.join(" "), word).to_lowercase(),
        );
        if c.is_kin() || by_key.contains_key(&kin_key) {
            let id = *by_key.entry(kin_key).or_insert_with(|| {
                clusters.push(Cluster {
                    last: None,
                    ..Cluster::default()
                });
                clusters.len() - 1
            });
            assign[ci] = Some(id);
            absorb(&mut clusters[id], c);
            continue;
        }
        let given_title = c.titles.iter().any(|t| lx::is_given_name_title(t))
            || (c.titles.is_empty() && tied_names.contains(&ci));
        let royal = c
            .titles
            .iter()
            .any(|t| matches!(t.as_str(), "Prince" | "Princess" | "King" | "Queen"));
        let found = if given_title {
            idx.sync(&clusters);
            let ms: Vec<usize> = idx
                .first(word)
                .iter()
                .copied()
                .filter(|&k| (!royal || clusters[k].royal) && clusters[k].last.is_some())
                .collect();
            let ms2: Vec<usize> = idx
                .first(word)
                .iter()
                .copied()
                .filter(|&k| clusters[k].royal == royal && clusters[k].last.is_none())
                .collect();
            pick(&ms, &clusters, c.gender(), !royal)
                .or_else(|| pick(&ms2, &clusters, c.gender(), false))
        } else {
            idx.sync(&clusters);
            let ms: Vec<usize> = idx.last(word).to_vec();
            let given: Vec<usize> = idx
                .first(word)
                .iter()
                .copied()
                .filter(|&k| clusters[k].last.is_some())
                .collect();
            // `Prof Shah` beside Dr Meera Shah and Prof Nikhil Shah: the one
            // who has carried that title.
            let titled: Vec<usize> = ms
                .iter()
                .copied()
                .filter(|&k| c.titles.iter().any(|t| clusters[k].titles.contains(t)))
                .collect();
            let by_title = (ms.len() > 1 && titled.len() == 1).then(|| titled[0]);
            // `Lady Isobel` after `Lady Isobel Lisle`: a given name.
            by_title
                .or_else(|| pick(&ms, &clusters, c.gender(), true))
                .or_else(|| {
                    ms.is_empty()
                        .then(|| pick(&given, &clusters, c.gender(), false))
                        .flatten()
                })
        };
        let id = match found {
            Some(id) => id,
            None => {
                let key = if given_title {
                    (
                        "given".to_string(),
                        format!(
                            "{}{}",
                            word.to_lowercase(),
                            if royal { "/royal" } else { "" }
                        ),
                    )
                } else {
                    ("sur".to_string(), word.to_lowercase())
                };
                *by_key.entry(key).or_insert_with(|| {
                    let (first, last) = if given_title {
                        (Some(word.to_string()), None)
                    } else {
                        (None, Some(word.to_string()))
                    };
                    clusters.push(Cluster {
                        first,
                        last,
                        royal,
                        ..Cluster::default()
                    });
                    clusters.len() - 1
                })
            }
        };
        assign[ci] = Some(id);
        absorb(&mut clusters[id], c);
    }
    for &(t, n) in &tie_pairs {
        if let (Some(id), Some(key)) = (assign[n], cands[t].territorial_key()) {
            ties.entry(key).or_insert(id);
        }
    }
    // Offices held: `Home Secretary Priya Lal` makes `the Home Secretary` hers.
    let mut office_holders: HashMap<String, HashSet<usize>> = HashMap::new();
    for (ci, c) in cands.iter().enumerate() {
        if let Some(id) = assign[ci] {
            for t in c.titles.iter() {
                // `King Silas` makes `the King` his when he is the one king.
                if !lx::is_honorific(t)
                    || lx::is_territorial(t)
                    || matches!(t.as_str(), "King" | "Queen")
                {
                    office_holders
                        .entry(t.to_lowercase())
                        .or_default()
                        .insert(id);
                }
            }
        }
    }
    // `The Duke, Prince Felix, …` where the article has one Duke (`the Duke
    // of Kelbrook`): the territorial title is his too.
    for &(t, n) in &office_ties {
        let (Some(id), Some(title)) = (assign[n], cands[t].titles.last()) else {
            continue;
        };
        if !lx::is_territorial(title) {
            continue;
        }
        let head = format!("{} of ", title.to_lowercase());
        let keys: HashSet<String> = cands
            .iter()
            .filter_map(Cand::territorial_key)
            .filter(|k| k.starts_with(&head))
            .collect();
        if keys.len() == 1
            && let Some(key) = keys.into_iter().next()
        {
            ties.entry(key).or_insert(id);
        }
    }
    for &(t, n) in &office_ties {
        if let (Some(id), Some(title)) = (assign[n], cands[t].titles.last()) {
            office_holders
                .entry(title.to_lowercase())
                .or_default()
                .insert(id);
        }
    }
    for (key, &id) in &ties {
        clusters[id].territorial.insert(key.clone());
        if let Some(head) = key.split(' ').next() {
            office_holders
                .entry(head.to_string())
                .or_default()
                .insert(id);
        }
    }

    // `Prince Laurence` and `the Prince of Wales` where the article names
    // one prince and one princedom: the same man (likewise a princess).
    let mut places_by_title: HashMap<String, HashSet<String>> = HashMap::new();
    for c in &cands {
        if let (Some(t), Some(key)) = (c.titles.last(), c.territorial_key())
            && c.title_only()
        {
            places_by_title.entry(t.clone()).or_default().insert(key);
        }
    }
    for (title, keys) in &places_by_title {
        if !matches!(title.as_str(), "Prince" | "Princess") || keys.len() != 1 {
            continue;
        }
        let Some(key) = keys.iter().next() else {
            continue;
        };
        if ties.contains_key(key) {
            continue;
        }
        let holders: Vec<usize> = (0..clusters.len())
            .filter(|&k| {
                clusters[k].titles.contains(title)
                    && clusters[k].first.is_some()
                    && clusters[k].territorial.is_empty()
                    && !firm.get(k).copied().unwrap_or(false)
            })
            .collect();
        if let [one] = holders.as_slice() {
            ties.insert(key.clone(), *one);
        }
    }

    // 4. Title-only forms.
    for (ci, c) in cands.iter().enumerate() {
        if !c.title_only() || assign[ci].is_some() {
            continue;
        }
        if let Some(key) = c.territorial_key() {
            let id = match ties.get(&key) {
                Some(&id) => id,
                None => *by_key
                    .entry(("terr".into(), key.clone()))
                    .or_insert_with(|| {
                        let title = c.titles.last().cloned().unwrap_or_default();
                        let mut name = vec![title.clone(), "of".into()];
                        name.extend(c.territory.iter().map(|t| t.to_string()));
                        clusters.push(Cluster {
                            name,
                            gender: lx::title_gender(&title),
                            ..Cluster::default()
                        });
                        clusters.len() - 1
                    }),
            };
            clusters[id].territorial.insert(key);
            assign[ci] = Some(id);
        } else if let Some(t) = c.titles.last() {
            // `the Duke`, `the Prime Minister`: only when one person holds it.
            let before = article.blocks[c.block()].text[..c.start()].trim_end();
            let the = before.ends_with("the") || before.ends_with("The");
            // `the MP` is any of the many members an article mentions, not
            // the one it happens to title `MP`.
            // (`The MP for Harrowfield` is the one member for that seat.)
            let seat = article.blocks[c.block()].text[c.end()..]
                .strip_prefix(" for ")
                .is_some_and(|r| r.starts_with(char::is_uppercase));
            let shared = matches!(t.as_str(), "MP" | "MSP" | "MEP" | "MLA" | "TD") && !seat;
            if let Some(holders) = office_holders
                .get(&t.to_lowercase())
                .filter(|h| h.len() == 1 && the && !shared)
            {
                assign[ci] = holders.iter().next().copied();
            }
        }
    }

    // `Lady Hendry` is how a Countess of Hendry is styled, `Lord Ashby`
    // an Earl of Ashby: one peer of that place of the right sex.
    let mut peers: HashMap<String, Vec<usize>> = HashMap::new();
    for (ci, c) in cands.iter().enumerate() {
        if let (Some(id), Some(t), Some(place)) = (assign[ci], c.titles.last(), &c.territory)
            && c.title_only()
        {
            let style = if lx::is_female_title(t) {
                "lady"
            } else {
                "lord"
            };
            let e = peers
                .entry(format!("{style} {}", place.to_lowercase()))
                .or_default();
            if !e.contains(&id) {
                e.push(id);
            }
        }
    }
    let mut restyle: HashMap<usize, usize> = HashMap::new();
    for (ci, c) in cands.iter().enumerate() {
        if let (Some(id), [t], [w]) = (assign[ci], &*c.titles, &*c.core)
            && matches!(t.as_str(), "Lady" | "Lord")
            && let Some([peer]) = peers
                .get(&format!("{} {}", t.to_lowercase(), w.to_lowercase()))
                .map(Vec::as_slice)
            && *peer != id
        {
            restyle.insert(id, *peer);
        }
    }
    for a in assign.iter_mut() {
        if let Some(to) = a.and_then(|id| restyle.get(&id)) {
            *a = Some(*to);
        }
    }

    // 5. Bare single names: surname first, then first name.
    // (`logistics group Brightwater` elsewhere: `Brightwater said` is the
    // firm speaking, not a person of that name.)
    let org_cued: FastSet<&str> = cands
        .iter()
        .filter(|c| c.org_cue && c.core.len() == 1 && c.titles.is_empty())
        .map(|c| c.core[0])
        .collect();
    for (ci, c) in cands.iter().enumerate() {
        let suffixed = c.suffixed_surname();
        if (c.core.len() != 1 && !c.surname_only() && suffixed.is_none())
            || assign[ci].is_some()
            || !c.titles.is_empty()
        {
            continue;
        }
        let word = c.short_form();
        idx.sync(&clusters);
        let sur: Vec<usize> = idx.last(word).to_vec();
        let giv: Vec<usize> = idx.first(word).to_vec();
        // `the younger Tamsin` between Dale Tamsin Sr. and Dale Tamsin Jr.
        let before = article.blocks[c.block()].text[..c.start()].trim_end();
        let generation = if let Some(g) = suffixed {
            Some(g)
        } else if before.ends_with("the younger") || before.ends_with("The younger") {
            Some("Jr")
        } else if ["the elder", "The elder", "the older", "The older"]
            .iter()
            .any(|p| before.ends_with(p))
        {
            Some("Sr")
        } else {
            None
        };
        let by_generation = generation.and_then(|g| {
            let m: Vec<usize> = sur
                .iter()
                .copied()
                .filter(|&k| {
                    clusters[k]
                        .name
                        .iter()
                        .any(|w| w.trim_end_matches('.') == g)
                })
                .collect();
            (m.len() == 1).then(|| m[0])
        });
        let found = if let Some(k) = by_generation {
            Some(k)
        } else if !sur.is_empty() {
            pick(&sur, &clusters, None, true)
        } else {
            pick(&giv, &clusters, None, false)
        };
        if c.soft_place && (sur.is_empty() || found.is_none()) {
            continue;
        }
        let ambiguous = !sur.is_empty() && found.is_none() || (sur.is_empty() && giv.len() > 1);
        let id = match found {
            Some(id) => id,
            None if c.evidence
                && !ambiguous
                && !org_cued.contains(word)
                && !lx::is_place(word)
                && !plural_of_common(word)
                && (!lx::is_common_word(word) || lx::is_surname(word))
                && !lower.contains(&word.to_lowercase()) =>
            {
                *by_key
                    .entry(("sur".into(), word.to_lowercase()))
                    .or_insert_with(|| {
                        clusters.push(Cluster {
                            last: Some(word.to_string()),
                            ..Cluster::default()
                        });
                        clusters.len() - 1
                    })
            }
            None => continue,
        };
        assign[ci] = Some(id);
        absorb(&mut clusters[id], c);
    }

    let full_named = full_names(&cands, &assign, clusters.len());
    for (ci, a) in assign.iter_mut().enumerate() {
        // A firm may carry its founder's surname (`Dalton, which is still
        // controlled by … Walter Dalton`): a cue on a bare surname of
        // someone also named in full marks that mention, not the person.
        if cands[ci].org_cue && cands[ci].core.len() < 2 && a.is_some_and(|id| full_named[id]) {
            *a = None;
        }
    }
    let firm = firms(article, &cands, &assign, clusters.len(), &org_named);
    for a in assign.iter_mut() {
        if a.is_some_and(|id| firm[id]) {
            *a = None;
        }
    }

    let former = birth_names(article, &cands, &mut assign, &clusters);
    let mut people = build(article, &cands, &assign, &clusters, &former);
    transcript_labels(article, &mut people);
    people
}

/// The name part of a transcript's speaker label opening `text`
/// (`ASHA PATEL, HOST: …`, `FISK: …`): its byte length, when the label is
/// in capitals.
fn caps_label(text: &str) -> Option<usize> {
    let mut head = 60.min(text.len());
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let colon = text[..head].find(": ")?;
    let label = &text[..colon];
    let name_len = label.find(',').unwrap_or(label.len());
    let name = label[..name_len].trim_end();
    let words: Vec<&str> = name.split_whitespace().collect();
    let caps = |w: &str| {
        w.chars().any(|c| c.is_alphabetic())
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '\'' | '’' | '-' | '.'))
    };
    ((1..=4).contains(&words.len())
        && words.iter().all(|w| caps(w))
        && words
            .iter()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        && label[name_len..].chars().all(|c| !c.is_lowercase()))
    .then_some(name.len())
}

/// `ASHA PATEL, HOST:` and `PATEL:` in an interview transcript name the
/// person the article names as Asha Patel: each label is a mention. Only
/// where several paragraphs open with such labels, and only for a label
/// that is one person's full name, surname or given name.
fn transcript_labels(article: &Article, people: &mut People) {
    let labels: Vec<(usize, usize)> = article
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.is_caption())
        .filter_map(|(i, b)| caps_label(&b.text).map(|n| (i, n)))
        .collect();
    if labels.len() < 3 {
        return;
    }
    // Lower-cased full names, surnames and given names → people (a form
    // two people share is no one's).
    let mut forms: HashMap<String, Option<usize>> = HashMap::new();
    for p in &people.people {
        let words: Vec<&str> = p.name.split_whitespace().collect();
        let mut keys = vec![p.name.to_lowercase()];
        if words.len() >= 2 {
            keys.push(words[words.len() - 1].to_lowercase());
            keys.push(words[0].to_lowercase());
        }
        for k in keys {
            forms
                .entry(k)
                .and_modify(|e| {
                    if *e != Some(p.id) {
                        *e = None
                    }
                })
                .or_insert(Some(p.id));
        }
    }
    let key_of = |b: usize, len: usize| {
        article.blocks[b].text[..len]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    // The speakers a full-name label introduces (`LEONARD FISK:`) own the
    // short labels (`FISK:`) even when a relative shares the surname.
    let speakers: Vec<usize> = labels
        .iter()
        .filter_map(|&(b, len)| {
            let key = key_of(b, len);
            key.contains(' ')
                .then(|| people.people.iter().find(|p| p.name.to_lowercase() == key))
                .flatten()
                .map(|p| p.id)
        })
        .collect();
    let mut added = false;
    for (b, len) in labels {
        let key = key_of(b, len);
        let mut by_speaker = speakers.iter().copied().filter(|&id| {
            let name = people.people[id].name.to_lowercase();
            name == key
                || name.ends_with(&format!(" {key}"))
                || name.starts_with(&format!("{key} "))
        });
        let id = match (by_speaker.next(), by_speaker.next()) {
            (Some(id), None) => id,
            _ => match forms.get(&key) {
                Some(&Some(id)) => id,
                _ => continue,
            },
        };
        if people.in_block(b).iter().any(|m| m.span.start == 0) {
            continue;
        }
        let at = people.mentions.partition_point(|m| m.span.block < b);
        people.mentions.insert(
            at,
            Mention {
                span: Span {
                    block: b,
                    start: 0,
                    end: len,
                },
                person: id,
            },
        );
        let p = &mut people.people[id];
        p.mentions += 1;
        if let Err(k) = p.blocks.binary_search(&b) {
            p.blocks.insert(k, b);
        }
        added = true;
    }
    if !added {
        return;
    }
    // Most mentioned first again.
    let mut order: Vec<usize> = (0..people.people.len()).collect();
    order.sort_by_key(|&k| {
        (
            std::cmp::Reverse(people.people[k].mentions),
            people.people[k].blocks.first().copied(),
            k,
        )
    });
    let mut new_id = vec![0; order.len()];
    for (i, &k) in order.iter().enumerate() {
        new_id[k] = i;
    }
    let mut old: Vec<Option<Person>> = std::mem::take(&mut people.people)
        .into_iter()
        .map(Some)
        .collect();
    let genders = std::mem::take(&mut people.genders);
    for &k in &order {
        let mut p = old[k].take().expect("each person once");
        p.id = new_id[k];
        people.people.push(p);
        people.genders.push(genders[k]);
    }
    for m in &mut people.mentions {
        m.person = new_id[m.person];
    }
}

/// `Peggy Dorn, born Margaret Ann Pruitt`, `She was born Margaret Ann
/// Pruitt`, `Born Ngaire Dunn in Whanganui`: a birth name is the person
/// named just before `, born`, else the story's principal (its most
/// mentioned person, when the sexes agree). Moves the birth name's
/// cluster there and returns which candidates are former names (never the
/// canonical one).
fn birth_names(
    article: &Article,
    cands: &[Cand],
    assign: &mut [Option<usize>],
    clusters: &[Cluster],
) -> Vec<bool> {
    let mut former = vec![false; cands.len()];
    let mut count = vec![0usize; clusters.len()];
    for a in assign.iter().flatten() {
        count[*a] += 1;
    }
    for ci in 0..cands.len() {
        let Some(from) = assign[ci] else { continue };
        if !cands[ci].born {
            continue;
        }
        let c = &cands[ci];
        let text = &article.blocks[c.block()].text;
        // `X, born Y` / `X (née Y)`: the name right before.
        let named = ci.checked_sub(1).and_then(|p| {
            let prev = &cands[p];
            let gap = text.get(prev.end()..c.start())?.trim();
            (prev.block == c.block
                && matches!(gap, ", born" | ", née" | "(née" | "(born" | ", nee"))
            .then_some(assign[p])
            .flatten()
        });
        let principal = (0..clusters.len())
            .filter(|&k| k != from)
            .max_by_key(|&k| count[k])
            .filter(|&k| count[k] >= 3);
        let Some(to) = named.or(principal) else {
            continue;
        };
        let agree = match (clusters[to].gender, clusters[from].gender) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        if to == from || !agree {
            continue;
        }
        for (k, a) in assign.iter_mut().enumerate() {
            if *a == Some(from) {
                *a = Some(to);
                former[k] = true;
            }
        }
    }
    former
}

/// Which clusters have a full (two-word or longer) name among their mentions.
fn full_names(cands: &[Cand], assign: &[Option<usize>], n: usize) -> Vec<bool> {
    let mut full = vec![false; n];
    for (ci, c) in cands.iter().enumerate() {
        if let Some(id) = assign[ci] {
            full[id] |= c.core.len() >= 2;
        }
    }
    full
}

/// Clusters named as a firm somewhere (`publisher X`, `an analyst at X`,
/// `X shareholders`, `X, which`), or listed with one (`X and Y report`),
/// and never with a personal title, an age or `, who`: firms named like
/// people (`Pemberton Grant`).
fn firms(
    article: &Article,
    cands: &[Cand],
    assign: &[Option<usize>],
    n: usize,
    org_named: &FastSet<String>,
) -> Vec<bool> {
    let mut org = vec![false; n];
    let mut personal = vec![false; n];
    // First words of the firms' names, to test a name without building it.
    let org_firsts: FastSet<&str> = org_named
        .iter()
        .filter_map(|o| o.split(' ').next())
        .collect();
    // `Tolliver said`, where `Tolliver Brands` is the firm and no one is
    // named Tolliver in full.
    let mut full = vec![false; n];
    for (ci, c) in cands.iter().enumerate() {
        if let Some(id) = assign[ci] {
            full[id] |= c.core.len() >= 2;
        }
    }
    for (ci, c) in cands.iter().enumerate() {
        if let Some(id) = assign[ci]
            && c.core.len() == 1
            && !full[id]
            && org_named.contains(c.core[0])
        {
            org[id] = true;
        }
    }
    for (ci, c) in cands.iter().enumerate() {
        if let Some(id) = assign[ci] {
            org[id] |= c.org_cue
                || (c.core.len() >= 2
                    && org_firsts.contains(c.core[0])
                    && org_named.contains(&c.core.join(" ")));
            // (`the law firm Marlowe Fitch, who represents her`: the `who`
            // clause is the lawyer's, not the firm's.)
            personal[id] |=
                c.age || (c.who && !c.org_cue) || c.titles.iter().any(|t| lx::is_honorific(t));
        }
    }
    // `Morgan Hale and Pryor Lindqvist report their results`.
    loop {
        let mut changed = false;
        for w in 0..cands.len().saturating_sub(1) {
            let (a, b) = (&cands[w], &cands[w + 1]);
            let (Some(ia), Some(ib)) = (assign[w], assign[w + 1]) else {
                continue;
            };
            if a.block != b.block || ia == ib {
                continue;
            }
            let gap = article.blocks[a.block()].text[a.end()..b.start()].trim();
            if !matches!(gap, "and" | "or") {
                continue;
            }
            for (x, y) in [(ia, ib), (ib, ia)] {
                if org[x] && !personal[x] && !org[y] && !personal[y] {
                    org[y] = true;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    (0..n).map(|k| org[k] && !personal[k]).collect()
}

/// Picks the cluster a short form refers to. Clusters whose gender
/// contradicts the form's title are out. One left wins; of several, the
/// person introduced first wins when `main_subject` is set (news style keeps
/// a bare surname for the story's principal bearer of it), otherwise the
/// form is ambiguous and not guessed.
/// `the Queen, Princess Marguerite and her husband`: a title that takes a
/// name of its own (King, Queen, Prince, Sir…) next to a name with another
/// such title is a list of two people, not an apposition (`The Duke,
/// Prince Felix` is one: a dukedom is held by someone with a name).
fn listed_royals(a: &Cand, b: &Cand) -> bool {
    let (t, n) = if a.title_only() { (a, b) } else { (b, a) };
    let Some(title) = t.titles.last() else {
        return false;
    };
    lx::is_given_name_title(title)
        && !n.titles.is_empty()
        && n.titles.iter().all(|x| x != title)
        && n.titles.iter().any(|x| lx::is_given_name_title(x))
}

fn pick(
    ms: &[usize],
    clusters: &[Cluster],
    gender: Option<Gender>,
    main_subject: bool,
) -> Option<usize> {
    let fit: Vec<usize> = ms
        .iter()
        .copied()
        .filter(|&k| {
            gender.is_none() || clusters[k].gender.is_none() || clusters[k].gender == gender
        })
        .collect();
    // `Mr Vane` beside Clemency Vane and Rory Vane: the one known to be a man.
    if gender.is_some() && fit.len() > 1 {
        let exact: Vec<usize> = fit
            .iter()
            .copied()
            .filter(|&k| clusters[k].gender == gender)
            .collect();
        if let [one] = exact.as_slice() {
            return Some(*one);
        }
    }
    match fit.as_slice() {
        [one] => Some(*one),
        [] => None,
        many if main_subject => many.iter().copied().min(),
        _ => None,
    }
}

fn absorb(cl: &mut Cluster, c: &Cand) {
    if c.core.len() > cl.name.len() {
        cl.name = c.core.iter().map(|w| w.to_string()).collect();
    }
    for t in c.titles.iter() {
        cl.titles.insert(t.clone());
        if matches!(t.as_str(), "Prince" | "Princess" | "King" | "Queen") {
            cl.royal = true;
        }
    }
    if cl.gender.is_none() {
        cl.gender = c.gender();
    }
}

fn build(
    article: &Article,
    cands: &[Cand],
    assign: &[Option<usize>],
    clusters: &[Cluster],
    former: &[bool],
) -> People {
    struct Acc {
        forms: Vec<String>,
        mentions: usize,
        blocks: Vec<usize>,
        first_seen: usize,
        canonical: Option<String>,
        canonical_rank: (usize, bool, usize),
    }
    let mut acc: Vec<Acc> = (0..clusters.len())
        .map(|_| Acc {
            forms: Vec::new(),
            mentions: 0,
            blocks: Vec::new(),
            first_seen: usize::MAX,
            canonical: None,
            canonical_rank: (0, false, 0),
        })
        .collect();
    for (ci, c) in cands.iter().enumerate() {
        let Some(id) = assign[ci] else { continue };
        let a = &mut acc[id];
        let form = article.blocks[c.block()].text[c.start()..c.end()].to_string();
        if !a.forms.contains(&form) {
            a.forms.push(form);
        }
        a.mentions += 1;
        if a.blocks.last() != Some(&c.block()) {
            a.blocks.push(c.block());
        }
        a.first_seen = a.first_seen.min(ci);
        // The fullest name without office titles; a lone surname or given
        // name keeps its honorific (`Lord Ashby`, `Princess Catherine`).
        let honorific = c.titles.iter().any(|t| lx::is_honorific(t));
        let (text, rank) = if c.core.len() >= 2 || (c.core.len() == 1 && !honorific) {
            let t = &article.blocks[c.block()].text[c.core_start()..c.end()];
            let t = if c.territory.is_some() {
                t.split(" of ").next().unwrap_or(t)
            } else {
                t
            };
            // `Richard Vane KC`, `Dame Ann Lowe DBE`: honours after a name
            // are not part of it (`Jr`, `III` are).
            let mut t = t;
            while let Some((head, last)) = t.rsplit_once(' ') {
                let honour = matches!(
                    last.trim_end_matches('.'),
                    "KC" | "QC"
                        | "MP"
                        | "OBE"
                        | "MBE"
                        | "CBE"
                        | "KBE"
                        | "DBE"
                        | "ONZM"
                        | "CNZM"
                        | "KNZM"
                        | "DNZM"
                        | "QSM"
                        | "MSP"
                        | "MLA"
                        | "MS"
                        | "PhD"
                );
                if !honour || !head.contains(' ') && head.len() < 2 {
                    break;
                }
                t = head.trim_end_matches(',');
            }
            (t.to_string(), (c.core.len(), true, t.len()))
        } else {
            // Title-only forms (`Duke of Carrick`) name a person only when
            // nothing better does.
            let t = &article.blocks[c.block()].text[c.start()..c.end()];
            // `The Duke and Duchess of X`: the Duke's place is after `and`.
            let t = match &c.territory {
                Some(place) if !t.contains(" of ") => format!("{t} of {place}"),
                _ => t.to_string(),
            };
            let len = t.len();
            (t, (c.core.len(), honorific, len))
        };
        // A birth name is an alias, never the name the reader knows.
        let rank = if former[ci] { (0, false, 0) } else { rank };
        if rank > a.canonical_rank || a.canonical.is_none() {
            a.canonical_rank = rank;
            a.canonical = Some(text);
        }
    }
    let mut order: Vec<usize> = (0..clusters.len())
        .filter(|&k| acc[k].mentions > 0)
        .collect();
    order.sort_by_key(|&k| (std::cmp::Reverse(acc[k].mentions), acc[k].first_seen));
    let mut new_id = vec![usize::MAX; clusters.len()];
    let mut people = Vec::new();
    let mut genders = Vec::new();
    for (i, &k) in order.iter().enumerate() {
        new_id[k] = i;
        let name = acc[k]
            .canonical
            .clone()
            .unwrap_or_else(|| acc[k].forms[0].clone());
        let aliases = acc[k]
            .forms
            .iter()
            .filter(|f| **f != name)
            .cloned()
            .collect();
        let mut blocks = acc[k].blocks.clone();
        blocks.sort_unstable();
        blocks.dedup();
        people.push(Person {
            id: i,
            name,
            aliases,
            mentions: acc[k].mentions,
            blocks,
        });
        genders.push(clusters[k].gender);
    }
    let mentions = cands
        .iter()
        .zip(assign)
        .filter_map(|(c, a)| {
            a.map(|id| Mention {
                span: Span {
                    block: c.block(),
                    start: c.start(),
                    end: c.end(),
                },
                person: new_id[id],
            })
        })
        .collect();
    People {
        people,
        mentions,
        genders,
    }
}
