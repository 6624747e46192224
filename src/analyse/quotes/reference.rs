//! Who a reference points to: pronouns, epithets and descriptions resolved
//! against the people named nearby, unnamed sources introduced without
//! quote marks, offices and organisations.

use super::words::*;
use super::*;

/// What a reference is resolved against: the article and its people, the
/// unnamed source who spoke last nearby, and the person who spoke the last
/// attributed quote (with the block it ended in).
#[derive(Clone, Copy)]
pub(super) struct Context<'a> {
    pub(super) article: &'a Article,
    pub(super) people: &'a People,
    pub(super) unnamed: Option<&'a Unnamed>,
    pub(super) last_speaker: Option<(usize, usize)>,
}

/// Where the last 2 KB before byte `end` of `text` start (on a character
/// boundary): how far back a look for a nearby name goes, so that a huge
/// block costs no more per quote than a paragraph.
pub(super) fn window_start(text: &str, end: usize) -> usize {
    let mut from = end.saturating_sub(2048);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    from
}

/// `Lindgren laughs and picks up her umbrella. “Go and see it.”`: a short
/// sentence about a person, right before a quote that opens a sentence,
/// hands the quote to them.
pub(super) fn action_beat(
    cx: Context,
    at: Span,
    prev_close: usize,
) -> Option<(Option<String>, Option<usize>)> {
    let Context {
        article, people, ..
    } = cx;
    let text = article.blocks[at.block].text.as_str();
    let before = text[prev_close..at.start].trim_end();
    if !before.ends_with(['.', '!', '?']) || prev_close > 0 {
        return None;
    }
    let body = &before[..before.len() - 1];
    let start = body.rfind(['.', '!', '?', '”', '"']).map_or(0, |p| {
        p + body[p..].chars().next().map_or(1, char::len_utf8)
    });
    let sentence = body[start..].trim_start();
    let s = prev_close + start + (body[start..].len() - sentence.len());
    if sentence.split_whitespace().count() > 25 {
        return None;
    }
    let first = sentence.split_whitespace().next().unwrap_or("");
    // The sentence's subject: a name among its first words (`Wallabies
    // coach Mick Dorrington was frustrated …`).
    if let Some(m) = people.in_block(at.block).iter().find(|m| {
        m.span.start >= s
            && text[s..m.span.start].split_whitespace().count() <= 3
            && !text[s..m.span.start].contains(',')
            && subject_like(text, s, m)
    }) {
        return Some((
            Some(text[m.span.start..m.span.end].to_string()),
            Some(m.person),
        ));
    }
    let gender = match first {
        "He" => Gender::Male,
        "She" => Gender::Female,
        _ => return None,
    };
    let t = pronoun_target(cx, at, Some(gender))?;
    Some(answer(people, t))
}

/// A mention that can head a subject starting at `from`: not possessive
/// (`Quist’s lawyer`) and not after a preposition (`a spokesman for the Duke`).
pub(super) fn subject_like(text: &str, from: usize, m: &crate::article::Mention) -> bool {
    let possessive = text[m.span.end..].starts_with(['’', '\'']);
    let after_preposition = text[from..m.span.start]
        .split_whitespace()
        .rev()
        .find(|w| *w != "the")
        .is_some_and(|w| {
            matches!(
                w,
                "for" | "of" | "to" | "at" | "with" | "from" | "by" | "about"
            )
        });
    !possessive && !after_preposition
}

/// An unnamed source that spoke a recent quote (`a woman who cannot be
/// named`): a later `she said` may be hers.
#[derive(Debug, Clone)]
pub(super) struct Unnamed {
    pub(super) at: Span,
    pub(super) desc: String,
    /// `None` when the description says nothing (`a neighbour`).
    pub(super) gender: Option<Gender>,
}

/// The one person whose title is the office in `the judge`, `the prime
/// minister` (a form `Judge …`, `Prime Minister …` or `the Judge`).
pub(super) fn office_holder(people: &People, phrase: &str) -> Option<usize> {
    let rest = phrase
        .strip_prefix("the ")
        .or_else(|| phrase.strip_prefix("The "))?;
    // `the Democratic governor`, `the former premier`: the office itself.
    let rest = rest
        .split_once(' ')
        .filter(|(m, _)| {
            matches!(
                *m,
                "Democratic"
                    | "Republican"
                    | "Labour"
                    | "Labor"
                    | "Conservative"
                    | "Tory"
                    | "Liberal"
                    | "National"
                    | "Green"
                    | "former"
                    | "outgoing"
                    | "incoming"
                    | "new"
                    | "veteran"
                    | "embattled"
            )
        })
        .map_or(rest, |(_, r)| r);
    let words = rest.split_whitespace().count();
    if !(1..=3).contains(&words)
        || rest
            .chars()
            .any(|c| !(c.is_alphabetic() || c == ' ' || c == '-'))
    {
        return None;
    }
    let office = rest.to_lowercase();
    if !lx::is_office_word(&lx::title_case(&office)) {
        return None;
    }
    let titled = format!("{office} ");
    let inner = format!(" {office} ");
    let bare = format!("the {office}");
    // A British judge is styled `Mr Justice X`, `Mrs Justice X`, `HHJ X`.
    let judge = office == "judge";
    // `Gov. Deborah Ruckert` holds `the governor`.
    let short = match office.as_str() {
        "governor" => Some("gov"),
        "senator" => Some("sen"),
        "representative" | "congressman" | "congresswoman" => Some("rep"),
        "detective" => Some("det"),
        "inspector" => Some("insp"),
        "superintendent" => Some("supt"),
        "sergeant" => Some("sgt"),
        "professor" => Some("prof"),
        "councillor" => Some("cr"),
        "lieutenant" => Some("lt"),
        "captain" => Some("capt"),
        _ => None,
    };
    let mut holders = people.people.iter().filter(|p| {
        std::iter::once(&p.name).chain(&p.aliases).any(|a| {
            let a = a.to_lowercase();
            // `Carver Springs Police Chief Raymond Ortiz` holds `the chief`.
            a.starts_with(&titled)
                || a.contains(&inner)
                || a == bare
                || short.is_some_and(|x| {
                    a.starts_with(&format!("{x} ")) || a.starts_with(&format!("{x}. "))
                })
                || (judge
                    && [
                        "justice ",
                        "mr justice ",
                        "mrs justice ",
                        "ms justice ",
                        "lord justice ",
                        "lady justice ",
                        "hhj ",
                    ]
                    .iter()
                    .any(|t| a.starts_with(t)))
        })
    });
    let one = holders.next()?;
    holders.next().is_none().then_some(one.id)
}

/// The sentences of `block` whose subject is an unnamed source reporting
/// speech without quote marks (`A police spokeswoman says two people were
/// arrested.`), in order.
pub(super) fn reported_sources(article: &Article, block: usize) -> Vec<Unnamed> {
    let mut out = Vec::new();
    let Some(block_text) = article.blocks.get(block) else {
        return out;
    };
    if block_text.is_caption() {
        return out;
    }
    let text = block_text.text.as_str();
    let tokens = tokenize(text);
    let starts: Vec<usize> = (0..tokens.len())
        .filter(|&k| tokens[k].sentence_start)
        .collect();
    for &k in &starts {
        let first = tokens[k].text;
        if !matches!(first, "A" | "An" | "The" | "One" | "Another") {
            continue;
        }
        let sentence_end = starts
            .iter()
            .find(|&&s| s > k)
            .copied()
            .unwrap_or(tokens.len());
        let Some(v) =
            (k + 1..sentence_end.min(k + 30)).find(|&v| lx::is_speech_verb(tokens[v].text))
        else {
            continue;
        };
        let subject = &text[tokens[k].start..tokens[v - 1].end];
        if subject.contains(['“', '"']) {
            continue;
        }
        // `One neighbour, who did not want to be named, told the Post`,
        // `Another MP, speaking on condition of anonymity, said`: the head
        // before an aside closed right before the verb.
        let desc_end = match subject.find(',') {
            None if v <= k + 6 => tokens[v - 1].end,
            Some(c) if text[tokens[v - 1].end..tokens[v].start].contains(',') => {
                let head = &subject[..c];
                if head.split_whitespace().count() > 8 {
                    continue;
                }
                tokens[k].start + c
            }
            _ => continue,
        };
        let desc = &text[tokens[k].start..desc_end];
        // (The description's last word lies between the opener and the
        // verb: a bounded look, not a scan of the block.)
        let head_last = tokens[k..v].iter().rev().find(|t| t.end <= desc_end);
        // `A spokeswoman for the Alfred hospital said`: capitals inside are
        // fine; a capitalised head (`The Duke said`) is someone named.
        if !names_someone(desc) || head_last.is_none_or(|t| t.is_capitalised()) {
            continue;
        }
        let desc = desc[..1].to_lowercase() + &desc[1..];
        out.push(Unnamed {
            at: Span {
                block,
                start: tokens[k].start,
                end: desc_end,
            },
            gender: description_gender(&desc),
            desc,
        });
    }
    out
}

/// The last organisation-like name (two or more capitalised words, no
/// person's mention) before byte `upto` of `block`, or in the paragraph
/// before it.
pub(super) fn last_org_named(
    article: &Article,
    people: &People,
    block: usize,
    upto: usize,
) -> Option<String> {
    for b in (block.saturating_sub(1)..=block).rev() {
        let full = article.blocks[b].text.as_str();
        let end = if b == block { upto } else { full.len() };
        // (A name more than 2 KB back is not what `the firm` means.)
        let from = window_start(full, end);
        let text = &full[from..end];
        let tokens = tokenize(text);
        let mut best: Option<(usize, usize)> = None;
        let mut k = 0;
        while k < tokens.len() {
            if !tokens[k].is_capitalised()
                || (tokens[k].sentence_start
                    && (DETERMINERS.contains(&tokens[k].text.to_lowercase().as_str())
                        || LEADING_JUNK.contains(&tokens[k].text)))
            {
                k += 1;
                continue;
            }
            let mut j = k + 1;
            while j < tokens.len()
                && (tokens[j].is_capitalised() || tokens[j].text == "&")
                && text[tokens[j - 1].end..tokens[j].start].trim().is_empty()
            {
                j += 1;
            }
            let (s, e) = (tokens[k].start, tokens[j - 1].end);
            let person = people
                .in_block(b)
                .iter()
                .any(|m| m.span.start < from + e && m.span.end > from + s);
            // As the subject of its clause: `Castellan Rowe has agreed`.
            let acts = tokens.get(j).is_some_and(|n| {
                text[e..n.start].trim().is_empty()
                    && matches!(
                        n.text,
                        "has"
                            | "have"
                            | "is"
                            | "was"
                            | "said"
                            | "says"
                            | "will"
                            | "would"
                            | "had"
                            | "agreed"
                            | "announced"
                            | "confirmed"
                            | "declined"
                            | "reported"
                            | "issued"
                            | "told"
                            | "added"
                    )
            });
            if j - k >= 2 && !person && acts {
                best = Some((s, e));
            }
            k = j;
        }
        if let Some((s, e)) = best {
            return Some(text[s..e].trim_end_matches(['’', '\'', 's']).to_string())
                .filter(|o| !o.is_empty());
        }
    }
    None
}

/// Whom a pronoun resolves to.
pub(super) enum Target {
    Person(usize),
    Source(String),
}

pub(super) fn answer(people: &People, t: Target) -> (Option<String>, Option<usize>) {
    match t {
        Target::Person(p) => (Some(people.people[p].name.clone()), Some(p)),
        Target::Source(d) => (Some(d), None),
    }
}

/// Who `he` or `she` is: the most recent gender-compatible person in
/// subject position (opening a sentence or clause) in this paragraph or the
/// two before it; else the story's principal (its most mentioned person)
/// when compatible, else the most recent compatible mention. An unnamed
/// source who spoke more recently than that person was named wins.
pub(super) fn pronoun_target(cx: Context, at: Span, gender: Option<Gender>) -> Option<Target> {
    let Context {
        article,
        people,
        unnamed,
        last_speaker,
    } = cx;
    let end = people
        .mentions
        .partition_point(|m| (m.span.block, m.span.start) < (at.block, at.start));
    let fits = |p: usize| gender.is_none() || people.genders[p].is_none_or(|g| Some(g) == gender);
    let recent = people.mentions[..end]
        .iter()
        .rev()
        .take(500)
        .filter(|m| fits(m.person));
    let mut fallback: Option<&crate::article::Mention> = None;
    let mut found = None;
    // A name inside a quote (`“Yewande counted more than I did,” she
    // says`) is what was said, not who is saying it.
    // (Marks are counted over the last 2 KB only, so that a huge block
    // costs no more per mention than a paragraph.)
    let inside_quote = |m: &crate::article::Mention| {
        let text = article.blocks[m.span.block].text.as_str();
        let before = &text[window_start(text, m.span.start)..m.span.start];
        let curly = before.matches('“').count() > before.matches('”').count();
        let straight = before.matches('"').count() % 2 == 1;
        curly || straight
    };
    let recent = recent.filter(|m| !inside_quote(m));
    for m in recent {
        fallback.get_or_insert(m);
        if m.span.block + 2 < at.block {
            break;
        }
        let text = &article.blocks[m.span.block].text;
        let before = &text[..m.span.start];
        let clause_start = before
            .rfind(['.', '!', '?', ':', ';', '“', '"'])
            .map_or(0, |p| {
                p + before[p..].chars().next().map_or(1, char::len_utf8)
            });
        // `Ada Quist …`, `But Quist …`, `Wallabies coach Mick Dorrington …`,
        // and after an opening phrase: `Outside, Jennings …`, `According to
        // court records, Dempsey …`.
        let clause = &before[clause_start..];
        let after_comma = clause.contains(',');
        let lead = clause.rsplit(',').next().unwrap_or(clause);
        // `…, and Roenne is an investor`: a conjunction opens the clause.
        let words: Vec<&str> = lead
            .split_whitespace()
            .skip_while(|w| matches!(*w, "and" | "but" | "while" | "so" | "yet"))
            .collect();
        // `read by her daughter, Rachel Hollis-Tamihana, she described`: an
        // appositive before the clause's own subject.
        let next_subject = text[m.span.end..]
            .strip_prefix(',')
            .and_then(|r| r.split_whitespace().next())
            .is_some_and(|w| matches!(w, "he" | "she" | "they" | "I" | "we" | "it"));
        // `treated by the tournament doctor, Dr Ivo Perković, during…`: a
        // name between commas after a long phrase is an apposition, not the
        // clause's subject (`His mother, Michelle Cole, laughed` is; so are
        // `Outside, Jennings said` and `…, Dempsey, 45, said`).
        let appositive = after_comma
            && words.is_empty()
            && clause
                .trim_end()
                .trim_end_matches(',')
                .rsplit(',')
                .next()
                .is_some_and(|seg| {
                    // The name is the object of a preposition (`She was our
                    // mother’s sister, Violet Moran, and she…` is not).
                    seg.split_whitespace().count() > 4
                        && seg.split_whitespace().any(|w| {
                            matches!(
                                w,
                                "by" | "with" | "to" | "from" | "for" | "against" | "alongside"
                            )
                        })
                })
            && text[m.span.end..].strip_prefix(", ").is_some_and(|r| {
                !r.starts_with(|c: char| c.is_ascii_digit())
                    && !r.split_whitespace().next().is_some_and(lx::is_speech_verb)
            });
        let subject = words.len() <= 3
            && !appositive
            && !(after_comma && next_subject)
            && words.iter().all(|w| {
                // `11:15 Sir Gareth Pym has…`, `14.05 BST Crane …`: a live
                // blog's time stamp opens the entry.
                w.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(*w, "the" | "The" | "BST" | "GMT" | "NZT" | "AEST" | "ET")
                    // `The young Noor spent …`, `the late Ivy …`.
                    || matches!(*w, "young" | "younger" | "elder" | "older" | "late" | "then")
                    || w.starts_with(char::is_uppercase)
                    || lx::is_role_noun(w)
                    || lx::is_office_word(&lx::title_case(w))
            });
        if subject {
            found = Some(m);
            break;
        }
    }
    let found_subject = found.is_some();
    if found.is_none() {
        // Nobody in subject position nearby: the latest compatible mention
        // if it is recent, else the story's principal (its most mentioned
        // person) if the pronoun fits them.
        let near = fallback.filter(|m| m.span.block + 4 >= at.block);
        let principal = (!people.people.is_empty() && fits(0))
            .then(|| people.mentions[..end].iter().rev().find(|m| m.person == 0))
            .flatten();
        found = near.or(principal).or(fallback);
    }
    // A profile's `“…,” she says`: with its subject named three times as
    // often as anyone, a pronoun not anchored in this paragraph is hers.
    // (Not when the sentence right before the quote names them: `Madoc is
    // more cautious. “Never say never,” she says.`)
    let just_before = |m: &crate::article::Mention| {
        m.span.block + 1 == at.block && at.start == 0 && {
            let t = article.blocks[m.span.block].text.trim_end();
            let body = t.strip_suffix(['.', '!', '?']).unwrap_or(t);
            m.span.start >= body.rfind(['.', '!', '?']).map_or(0, |p| p + 1)
        }
    };
    if let Some(m) = found
        && m.span.block < at.block
        && !just_before(m)
        && m.person != 0
        && gender.is_some()
        && people.genders.first().copied().flatten() == gender
        && people.people[0].mentions >= 3 * people.people[m.person].mentions
        && article.blocks[at.block].text.contains(" says")
    {
        return Some(Target::Person(0));
    }
    // `“…,” he said.` a paragraph after his last quote, with only narrative
    // about others between: the speaker carries on.
    // (Not past an unnamed source who has spoken since: `One packer said
    // staff were told “nothing”. “…,” she said.`)
    let source_since = unnamed.is_some_and(|u| {
        last_speaker.is_some_and(|(b, _)| u.at.block >= b) && u.at.block + 1 >= at.block
    });
    if let (Some(m), Some((b, p))) = (found, last_speaker)
        && !source_since
        && b + 1 >= at.block
        && b <= at.block
        && (gender.is_none() || people.genders[p] == gender)
        && m.person != p
        && m.span.block < at.block
    {
        return Some(Target::Person(p));
    }
    if let Some(u) = unnamed {
        let fits_source = gender.is_none() || u.gender.is_none() || u.gender == gender;
        // (`One juror, a retired teacher, said the testimony of Ms Degrassi
        // mattered. “…,” she said.`: a source that is a subject beats a
        // later name that is not.)
        let later = found.is_none_or(|m| (m.span.block, m.span.start) < (u.at.block, u.at.start))
            || (!found_subject && u.at.block + 1 >= at.block);
        if fits_source && later && u.at.block + 2 >= at.block {
            return Some(Target::Source(u.desc.clone()));
        }
    }
    found.map(|m| Target::Person(m.person))
}

/// Whose statement, letter or message speaks as `it`: `X’s statement` or
/// `his statement` before the quote, in its paragraph or the one before.
pub(super) fn document_owner(cx: Context, at: Span) -> Option<(Option<String>, Option<usize>)> {
    let Context {
        article, people, ..
    } = cx;
    for b in (at.block.saturating_sub(1)..=at.block).rev() {
        let text = article.blocks[b].text.as_str();
        let end = if b == at.block { at.start } else { text.len() };
        let words: Vec<(usize, &str)> = text[window_start(text, end)..end]
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        for k in (1..words.len()).rev() {
            let noun = words[k].1.trim_end_matches([',', '.', ';', ':']);
            if !DOCUMENT_NOUNS.contains(&noun) && noun != "message" {
                continue;
            }
            let (pos, owner) = words[k - 1];
            let gender = possessive_gender(owner);
            if gender.is_some() {
                let at = Span {
                    block: b,
                    start: pos,
                    end: pos,
                };
                let t = pronoun_target(cx, at, gender)?;
                return Some(answer(people, t));
            }
            if owner.ends_with("’s") || owner.ends_with("'s") {
                let m = people
                    .in_block(b)
                    .iter()
                    .find(|m| m.span.start <= pos && m.span.end >= pos)?;
                return Some((
                    Some(text[m.span.start..m.span.end].to_string()),
                    Some(m.person),
                ));
            }
        }
    }
    None
}

/// The person named with a document before the quote in its paragraph:
/// `a letter Halcombe had written`, `the statement Quist issued`,
/// `Halcombe’s letter`.
pub(super) fn writer_named_with(
    cx: Context,
    at: Span,
    noun: &str,
) -> Option<(Option<String>, Option<usize>)> {
    let text = cx.article.blocks[at.block].text.as_str();
    let m = cx.people.in_block(at.block).iter().find(|m| {
        m.span.end <= at.start && {
            let before = text[..m.span.start].trim_end();
            let after = &text[m.span.end..];
            before.ends_with(&format!("a {noun}"))
                || before.ends_with(&format!("the {noun}"))
                || after.starts_with(&format!("’s {noun}"))
                || after.starts_with(&format!("'s {noun}"))
        }
    })?;
    Some((
        Some(text[m.span.start..m.span.end].to_string()),
        Some(m.person),
    ))
}

/// The one person the article introduced in the role `phrase` names:
/// `Lord Trevaskis, who was Labour’s chief whip,` then `the former chief
/// whip said`; `the area coroner, Helen Marchbank,` then `the coroner
/// said`; `Tom Hale, a spokesman for the club,` then `the spokesman said`.
/// An unnamed one introduced since (`Another analyst, who asked not to be
/// named`) is not them. Looks back over the last 40 blocks, so a long
/// article costs no more per quote than a short one.
pub(super) fn role_holder(cx: Context, phrase: &str, at: Span) -> Option<usize> {
    let rest = phrase
        .strip_prefix("the ")
        .or_else(|| phrase.strip_prefix("The "))?;
    let rest = rest
        .split_once(' ')
        .filter(|(m, _)| matches!(*m, "former" | "then" | "outgoing" | "current" | "new"))
        .map_or(rest, |(_, r)| r);
    let n = rest.split_whitespace().count();
    if !(1..=3).contains(&n)
        || !rest
            .chars()
            .all(|c| c.is_lowercase() || c == ' ' || c == '-')
        || matches!(rest, "source" | "sources" | "person" | "people")
    {
        return None;
    }
    let role = rest;
    // Where `role` stands in `seg` as a whole word or phrase (not `whip`
    // inside `whipped`).
    let role_at = |seg: &str| -> Vec<usize> {
        seg.match_indices(role)
            .filter(|(i, _)| {
                let before = seg[..*i].chars().next_back();
                let after = seg[i + role.len()..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .map(|(i, _)| i)
            .collect()
    };
    // The role closes its noun phrase: `chief whip at the time`, not `the
    // woman said she had moved`.
    let closes = |tail: &str| {
        let tail = tail.trim_start();
        tail.is_empty()
            || ["at ", "of ", "for ", "in ", "to ", "with ", "on "]
                .iter()
                .any(|p| tail.starts_with(p))
    };
    let mut found: Option<usize> = None;
    for b in (at.block.saturating_sub(40)..=at.block).rev() {
        let text = cx.article.blocks[b].text.as_str();
        let upto = if b == at.block { at.start } else { text.len() };
        if !text[..upto].contains(role) {
            continue;
        }
        // Named holders in this block, with where their apposition ends.
        let mut named: Vec<(usize, usize, usize)> = Vec::new();
        for m in cx.people.in_block(b) {
            if m.span.start >= upto {
                continue;
            }
            // `X, who was Labour’s chief whip at the time,` / `X, the
            // coroner,`: the clause after the name, to its comma.
            let after = text[m.span.end..].strip_prefix(", ").and_then(|r| {
                let mut end = r.find([',', '.', ';', '(']).unwrap_or(r.len()).min(120);
                while !r.is_char_boundary(end) {
                    end -= 1;
                }
                let seg = &r[..end];
                let w = seg.split_whitespace().next().unwrap_or("");
                let np = matches!(
                    w,
                    "who" | "the" | "a" | "an" | "its" | "his" | "her" | "their"
                ) || w.ends_with("’s")
                    || w.ends_with("'s");
                (np && role_at(seg).iter().any(|&i| closes(&seg[i + role.len()..])))
                    .then_some(m.span.end + 2 + end)
            });
            // `the area coroner, Helen Marchbank` / `chief whip Tom Hale`.
            let lead = text[..m.span.start].trim_end_matches(", ");
            let lead = &lead[lead.char_indices().rev().nth(40).map_or(0, |(i, _)| i)..];
            let before = lead.ends_with(role)
                && !lead[..lead.len() - role.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
            if let Some(end) = after {
                named.push((m.span.start, end, m.person));
            } else if before {
                named.push((m.span.start, m.span.end, m.person));
            }
        }
        // `Another analyst, who asked not to be named`: an unnamed holder
        // outside any named one's apposition.
        let unnamed_at = role_at(&text[..upto])
            .into_iter()
            .filter(|&i| {
                let det = text[..i].split_whitespace().next_back().unwrap_or("");
                ["a", "an", "another", "one"]
                    .iter()
                    .any(|d| det.eq_ignore_ascii_case(d))
            })
            .filter(|&i| !named.iter().any(|&(s, e, _)| (s..e).contains(&i)))
            .max();
        let last_named = named.iter().map(|&(s, _, _)| s).max();
        if found.is_none()
            && let Some(u) = unnamed_at
            && last_named.is_none_or(|n| u > n)
        {
            return None;
        }
        for &(_, _, p) in &named {
            match found {
                Some(q) if q != p => return None,
                _ => found = Some(p),
            }
        }
    }
    found
}
