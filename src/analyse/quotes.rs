//! Quotes: pairing quote marks (curly, straight, nested, single-quoted in
//! captions, running over paragraphs) and attributing each quote to its
//! speaker by the speech verb around it.

use super::lexicon::{self as lx, Gender};
use super::people::People;
use super::tokens::{Token, tokenize};
use crate::article::{Article, Quote, QuoteSpans, Span};
use std::collections::HashSet;
use std::sync::Arc;

mod reference;
mod subject;
mod words;

use reference::*;
use subject::*;
use words::*;

/// A quote's place in the text before attribution.
#[derive(Debug, Clone)]
pub struct RawQuote {
    /// Outer ranges (marks included) and inner ranges (marks excluded)
    /// per block, in order; inline for a quote within one block.
    pub spans: QuoteSpans,
}

impl RawQuote {
    /// Outer ranges (marks included) per block, in order.
    pub fn outer(&self) -> &[Span] {
        self.spans.outer()
    }

    /// Inner ranges (marks excluded) per block, in order.
    pub fn inner(&self) -> impl Iterator<Item = Span> + '_ {
        self.spans.inner()
    }
}

fn is_open_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace()
            || matches!(
                p,
                '(' | '[' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | ':'
            )
    })
}

fn is_close_context(next: Option<char>) -> bool {
    next.is_none_or(|n| {
        n.is_whitespace()
            || matches!(
                n,
                ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '—' | '–' | '-' | '”' | '"' | '…'
            )
    })
}

/// Contractions that start with an apostrophe (`'n'`, `'90s`, `'em`).
fn leading_apostrophe_word(rest: &str) -> bool {
    let w: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(
            w.as_str(),
            "n" | "em" | "til" | "cause" | "tis" | "twas" | "bout" | "round" | "ere"
        )
}

/// Quote ranges of one block: `(open, close, closed)` byte positions of
/// the outer marks; an unclosed double quote runs to the end.
fn scan_block(text: &str, continuing: bool) -> Vec<(usize, usize, bool)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    // (start byte, is straight)
    let mut open: Option<(usize, bool)> = None;
    let mut single: Option<usize> = None;
    if continuing {
        // The paragraph reopens the quote with its first mark.
        if let Some(&(p, c)) = chars.first() {
            if c == '“' || c == '"' {
                open = Some((p, c == '"'));
            }
        }
    }
    let start_at = usize::from(open.is_some());
    for k in start_at..chars.len() {
        let (p, c) = chars[k];
        let prev = k.checked_sub(1).map(|i| chars[i].1);
        let next = chars.get(k + 1).map(|x| x.1);
        match c {
            '“' => {
                if let Some((s, _)) = open {
                    // A new opening before a close: the earlier one was unclosed.
                    out.push((s, p, false));
                }
                single = None;
                open = Some((p, false));
            }
            '”' => {
                if let Some((s, _)) = open.take() {
                    out.push((s, p + c.len_utf8(), true));
                }
            }
            '"' => match open {
                Some((s, _))
                    if !is_open_context(prev)
                        || is_close_context(next) && next.is_some_and(|n| !n.is_alphanumeric()) =>
                {
                    open = None;
                    out.push((s, p + 1, true));
                }
                Some((s, _)) => {
                    // An opening-looking mark while open: close there anyway
                    // when followed by a space (`"a" "b"` is rare).
                    open = None;
                    out.push((s, p + 1, true));
                }
                None if is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace()) => {
                    single = None;
                    open = Some((p, true));
                }
                None => {}
            },
            '‘' | '\'' if open.is_none() && single.is_none() => {
                let rest = &text[p + c.len_utf8()..];
                if is_open_context(prev)
                    && next.is_some_and(|n| n.is_alphanumeric() || n == '“')
                    && !leading_apostrophe_word(rest)
                {
                    single = Some(p);
                }
            }
            '’' | '\'' if open.is_none() => {
                if let Some(s) = single {
                    let apostrophe = prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric);
                    if !apostrophe
                        && is_close_context(next)
                        && prev.is_some_and(|p| !p.is_whitespace())
                    {
                        // `Charles’ car`: possessive, not a close.
                        let possessive = prev.is_some_and(|p| p == 's')
                            && next == Some(' ')
                            && chars.get(k + 2).is_some_and(|x| x.1.is_lowercase());
                        if !possessive {
                            out.push((s, p + c.len_utf8(), true));
                            single = None;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if let Some((s, _)) = open {
        out.push((s, text.len(), false));
    }
    out.sort_unstable();
    out
}

fn mark_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(0, char::len_utf8)
}

/// Finds every quote in document order, joining quotes that run over
/// several paragraphs.
pub fn find_quotes(article: &Article) -> Vec<RawQuote> {
    let mut out: Vec<RawQuote> = Vec::new();
    let mut running: Option<usize> = None; // index into out of an unclosed quote
    for (b, block) in article.blocks.iter().enumerate() {
        let text = &block.text;
        let starts_open = text.starts_with(['“', '"']);
        let continuing = running.is_some() && starts_open && !block.is_caption();
        if !continuing && !block.is_caption() {
            running = None;
        }
        let ranges = scan_block(text, continuing);
        for (n, &(s, e, closed)) in ranges.iter().enumerate() {
            let open_len = mark_len(text, s);
            let close_len = if closed {
                e.checked_sub(1).map_or(0, |_| {
                    text[..e].chars().next_back().map_or(0, char::len_utf8)
                })
            } else {
                0
            };
            let inner = Span {
                block: b,
                start: (s + open_len).min(e),
                end: e - close_len,
            };
            let outer = Span {
                block: b,
                start: s,
                end: e,
            };
            if n == 0 && continuing {
                if let Some(r) = running {
                    out[r].spans.push(outer, inner);
                    running = (!closed).then_some(r);
                    continue;
                }
            }
            out.push(RawQuote {
                spans: QuoteSpans::new(&[outer], &[inner]),
            });
            running = (!closed && !block.is_caption()).then_some(out.len() - 1);
        }
        if ranges.is_empty() && !block.is_caption() {
            running = None;
        }
    }
    out
}

/// Attributes speakers and builds the final quotes.
pub fn attribute(article: &Article, raw: &[RawQuote], people: &People) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::with_capacity(raw.len());
    let text_of = |b: usize| article.blocks[b].text.as_str();
    // Where the last quote of each block closes (0 when it has none).
    let mut last_close = vec![0; article.blocks.len()];
    for o in raw.iter().flat_map(|r| r.outer().iter()) {
        last_close[o.block] = last_close[o.block].max(o.end);
    }
    let before_in = |block: usize, from: usize, to: usize| {
        before_subject(text_of(block), from, to).map(|(s, e)| Subject {
            block,
            start: s,
            end: e,
            verb_first: false,
        })
    };
    let mut unnamed: Option<Unnamed> = None;
    // The person who spoke the last attributed quote, and where it ended.
    let mut last_speaker: Option<(usize, usize)> = None;
    // Unquoted sources of the last blocks looked at, found once each.
    let mut sources: Vec<(usize, Vec<Unnamed>)> = Vec::with_capacity(3);
    // One allocation per distinct speaker, shared by their quotes.
    let mut speakers: HashSet<Arc<str>> = HashSet::new();
    for (qi, q) in raw.iter().enumerate() {
        let (first, last) = (q.outer()[0], q.outer()[q.outer().len() - 1]);
        let text_of = |b: usize| article.blocks[b].text.as_str();
        // Limits: the neighbouring quotes in the same block.
        let next_open = raw
            .get(qi + 1)
            .map(|n| n.outer()[0])
            .filter(|n| n.block == last.block)
            .map_or(text_of(last.block).len(), |n| n.start);
        let prev_close = qi
            .checked_sub(1)
            .map(|p| raw[p].outer()[raw[p].outer().len() - 1])
            .filter(|p| p.block == first.block)
            .map_or(0, |p| p.end);
        let last_inner = q.inner().last().unwrap_or(last);
        let closed_sentence = text_of(last_inner.block)[last_inner.start..last_inner.end]
            .trim_end()
            .ends_with(['.', '!', '?']);
        let punct_closed = text_of(last_inner.block)[last_inner.start..last_inner.end]
            .trim_end()
            .ends_with([',', '.', '!', '?', '…', '—', '–', '-', ':', ';']);
        let mut subject = after_subject(
            text_of(last.block),
            last.end,
            next_open,
            closed_sentence,
            punct_closed,
        )
        .map(|(s, e, vf)| {
            (
                Subject {
                    block: last.block,
                    start: s,
                    end: e,
                    verb_first: vf,
                },
                false,
            )
        });
        if subject.is_none() {
            subject = before_in(first.block, prev_close, first.start).map(|sub| (sub, true));
        }
        // `Quist said:` closing the previous paragraph.
        if subject.is_none() && prev_close == 0 && first.start == 0 && first.block > 0 {
            let pb = first.block - 1;
            let pt = text_of(pb).trim_end();
            let from = last_close[pb];
            if pt.ends_with(':') && from < pt.len().saturating_sub(1) {
                subject = before_in(pb, from, pt.len()).map(|sub| (sub, true));
            }
        }
        // `A police spokeswoman says two people were arrested.` before a
        // quote that `she says`: a source can be introduced without a quote.
        let mut source_in = |b: usize, upto: usize| {
            let at = match sources.iter().position(|(k, _)| *k == b) {
                Some(i) => i,
                None => {
                    // Quotes come in order: only the last two blocks matter.
                    if sources.len() >= 2 {
                        sources.remove(0);
                    }
                    sources.push((b, reported_sources(article, b)));
                    sources.len() - 1
                }
            };
            sources[at]
                .1
                .iter()
                .rev()
                .find(|u| u.at.start < upto)
                .cloned()
        };
        let nearby = [
            unnamed.clone(),
            first
                .block
                .checked_sub(1)
                .and_then(|b| source_in(b, usize::MAX)),
            source_in(first.block, first.start),
        ]
        .into_iter()
        .flatten()
        .max_by_key(|u| (u.at.block, u.at.start));
        let cx = Context {
            article,
            people,
            unnamed: nearby.as_ref(),
            last_speaker,
        };
        // A subject found before the quote, resolved to who it names.
        let resolve_before = |sub: Subject| resolve(cx, sub, true, first);
        let (speaker, person) = subject
            .and_then(|(sub, before)| resolve(cx, sub, before, first))
            .or_else(|| {
                // The text after the quote held no valid subject: try before it.
                let sub = before_in(first.block, prev_close, first.start)?;
                resolve_before(sub)
            })
            .or_else(|| action_beat(cx, first, prev_close))
            .or_else(|| {
                // `Pōtaka says the hapū will go to court.` then a paragraph
                // that is all quote: the one reported speaking just before.
                // Likewise inside a paragraph: `The end, she says, was hard
                // to watch. “I’d ring and she’d say she was fine.”`
                let (pb, pt, floor) = if first.start > 0 {
                    let lead = text_of(first.block)[prev_close..first.start].trim_end();
                    (
                        first.block,
                        &text_of(first.block)[..prev_close + lead.len()],
                        prev_close,
                    )
                } else {
                    if first.block == 0 || prev_close > 0 {
                        return None;
                    }
                    let pb = first.block - 1;
                    if article.blocks[pb].is_caption() {
                        return None;
                    }
                    (pb, text_of(pb).trim_end(), last_close[pb])
                };
                if !pt.ends_with(['.', '!', '?']) {
                    return None;
                }
                // Only its last sentence can hand over (as `before_subject`
                // reads it): no need to tokenize the rest.
                let body = &pt[..pt.len() - 1];
                let last_sentence = body.rfind(['.', '!', '?']).map_or(0, |p| p + 1);
                let from = floor.max(last_sentence);
                if from >= pt.len() - 1 {
                    return None;
                }
                let sub = before_in(pb, from, pt.len() - 1)?;
                resolve_before(sub)
            })
            .unwrap_or((None, None));
        if let (Some(desc), None) = (&speaker, person)
            && !PRONOUNS.contains(&desc.as_str())
            && names_someone(desc)
        {
            unnamed = Some(Unnamed {
                at: first,
                desc: desc.clone(),
                gender: description_gender(desc),
            });
        }
        // Nicknames and titles (`"The Hammer"`) are quoted, not spoken.
        let inner_text: String = q
            .inner()
            .map(|s| &text_of(s.block)[s.start..s.end])
            .collect();
        let words = inner_text.split_whitespace().count();
        let between_names = text_of(first.block)[..first.start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.starts_with(char::is_uppercase));
        let title_like = words <= 4
            && (words >= 2 || between_names)
            && !inner_text.contains(['.', ',', '!', '?'])
            && inner_text
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase));
        // `a so-called “community room”`: the writer's distance, no speech.
        let so_called = text_of(first.block)[..first.start]
            .trim_end()
            .to_lowercase()
            .ends_with("so-called");
        let (speaker, person) = if title_like || so_called {
            (None, None)
        } else {
            (speaker, person)
        };
        if speaker.is_some() {
            last_speaker = person.map(|p| (last.block, p));
        }
        quotes.push(Quote {
            block: first.block,
            end_block: last.block,
            speaker: speaker.map(|s| intern(&mut speakers, s)),
            person,
            spans: q.spans.clone(),
        });
    }
    inherit(article, raw, &mut quotes);
    quotes
}

/// The shared copy of `s`.
fn intern(set: &mut HashSet<Arc<str>>, s: String) -> Arc<str> {
    if let Some(a) = set.get(s.as_str()) {
        return a.clone();
    }
    let a: Arc<str> = s.into();
    set.insert(a.clone());
    a
}

/// Split quotes and continuation paragraphs keep the speaker of the quote
/// next to them.
fn inherit(article: &Article, raw: &[RawQuote], quotes: &mut [Quote]) {
    // `In a statement, the club said: “…”` … `“…,” the statement said.`:
    // the document speaks for whoever issued it.
    for i in 1..quotes.len() {
        let document = |q: &Quote| q.speaker.as_deref().and_then(document_phrase).is_some();
        if !document(&quotes[i]) {
            continue;
        }
        let b = quotes[i].block;
        if let Some(j) = (0..i)
            .rev()
            .take_while(|&j| quotes[j].end_block + 2 >= b)
            .find(|&j| quotes[j].speaker.is_some() && !document(&quotes[j]))
        {
            quotes[i].speaker = quotes[j].speaker.clone();
            quotes[i].person = quotes[j].person;
        }
    }
    for i in 0..quotes.len() {
        if quotes[i].speaker.is_some() {
            continue;
        }
        let b = quotes[i].block;
        // Same paragraph: nearest earlier attributed quote, else the next.
        let same_prev = (0..i)
            .rev()
            .take_while(|&j| quotes[j].end_block == b)
            .find(|&j| quotes[j].speaker.is_some());
        let same_next = (i + 1..quotes.len())
            .take_while(|&j| quotes[j].block == b)
            .find(|&j| quotes[j].speaker.is_some());
        let text = quotes[i].text(article);
        // Short scare quotes inside running text are not speech.
        let words = text.split_whitespace().count();
        // `“Not any more.”`: a whole sentence, however short, is speech.
        let sentence =
            text.starts_with(char::is_uppercase) && text.trim_end().ends_with(['.', '!', '?']);
        let starts_para = raw[i].outer()[0].start == 0;
        let speechlike = words >= 4 || starts_para || sentence;
        // `X said it was “committed to …” and would “look closely”`: a
        // second partial quote in the same sentence as an attributed one.
        let same_sentence = same_prev.filter(|&j| {
            let p = raw[j].outer()[raw[j].outer().len() - 1];
            let here = raw[i].outer()[0];
            p.block == here.block
                && !article.blocks[b].text[p.end..here.start].contains(['.', '!', '?', ';'])
        });
        let from = if let Some(j) = same_prev.filter(|_| speechlike).or(same_sentence) {
            Some(j)
        } else if let Some(j) = same_next.filter(|_| speechlike) {
            Some(j)
        } else if starts_para && i > 0 && words >= 3 {
            // Continuation: the previous paragraph (captions skipped) ended
            // with a quote of a known speaker.
            let prev_para = (0..b).rev().find(|&p| !article.blocks[p].is_caption());
            let j = i - 1;
            // (Also past a short beat naming nobody: `She held up a thumb
            // and finger a few millimetres apart.`)
            let beat = prev_para.filter(|&p| {
                let t = article.blocks[p].text.as_str();
                let words = t.split_whitespace().count();
                quotes[j].end_block < p
                    && words <= 25
                    && !t.contains(['“', '"', '‘'])
                    && t.split_whitespace()
                        .skip(1)
                        .all(|w| !w.starts_with(char::is_uppercase))
                    && t.split_whitespace()
                        .next()
                        .is_some_and(|w| matches!(w, "She" | "He" | "They"))
            });
            let before_beat =
                beat.and_then(|p| (0..p).rev().find(|&k| !article.blocks[k].is_caption()));
            ((Some(quotes[j].end_block) == prev_para
                || (before_beat.is_some() && Some(quotes[j].end_block) == before_beat))
                && quotes[j].speaker.is_some())
            .then_some(j)
        } else {
            None
        };
        if let Some(j) = from {
            quotes[i].speaker = quotes[j].speaker.clone();
            quotes[i].person = quotes[j].person;
        }
    }
}

fn resolve(
    cx: Context,
    sub: Subject,
    before: bool,
    quote_at: Span,
) -> Option<(Option<String>, Option<usize>)> {
    let Context {
        article,
        people,
        unnamed,
        ..
    } = cx;
    let text = article.blocks[sub.block].text.as_str();
    let (s, e) = tidy(text, sub.start, sub.end, people, sub.block, !sub.verb_first);
    let phrase = text[s..e].trim().trim_end_matches([',', ':', '.']).trim();
    if phrase.is_empty() {
        return None;
    }
    // A person named in the subject (but not `Quist’s lawyer`): the one
    // next to the verb, or the one opening the clause.
    // `Okafor’s memo`, `Her answer`: speech named by whose it is.
    let words: Vec<&str> = phrase.split_whitespace().collect();
    // `Aisha Gill's verdict`: a possessive name of several words.
    if words.len() >= 3
        && words.len() <= 5
        && SPEECH_NOUNS.contains(&words[words.len() - 1])
        && let Some(m) = people.in_block(sub.block).iter().find(|m| {
            m.span.start >= s
                && m.span.end < e
                && text[m.span.end..e]
                    .strip_prefix(['’', '\''])
                    .and_then(|r| r.strip_prefix('s'))
                    .is_some_and(|r| r.trim() == words[words.len() - 1])
        })
    {
        let written = &text[m.span.start..m.span.end];
        return Some((Some(written.to_string()), Some(m.person)));
    }
    let mut words = words.into_iter();
    if let (Some(owner), Some(noun), None) = (words.next(), words.next(), words.next())
        && SPEECH_NOUNS.contains(&noun)
    {
        let gender = possessive_gender(owner);
        if gender.is_some() {
            if let Some(t) = pronoun_target(cx, quote_at, gender) {
                return Some(answer(people, t));
            }
        } else if let Some(m) = people.in_block(sub.block).iter().find(|m| {
            m.span.start == s
                && (text[m.span.end..].starts_with(['’', '\''])
                    || text[..m.span.end].ends_with(['’', '\'', 's']))
                && m.span.end <= s + owner.len()
        }) {
            let written = &text[m.span.start..m.span.end];
            return Some((Some(written.to_string()), Some(m.person)));
        }
    }
    let inside: Vec<_> = people
        .in_block(sub.block)
        .iter()
        .filter(|m| m.span.start >= s && m.span.end <= e)
        .filter(|m| subject_like(text, s, m))
        .collect();
    let trailing =
        |m: &&crate::article::Mention| text[m.span.end..e].split_whitespace().count() <= 3;
    let leading =
        |m: &&crate::article::Mention| text[s..m.span.start].split_whitespace().count() <= 3;
    let chosen = if before {
        inside
            .iter()
            .find(|m| leading(m))
            .or_else(|| inside.iter().rev().find(|m| trailing(m)))
    } else {
        inside
            .iter()
            .rev()
            .find(|m| trailing(m))
            .or_else(|| inside.iter().find(|m| leading(m)))
    };
    if let Some(m) = chosen {
        let written = &text[m.span.start..m.span.end];
        return Some((Some(written.to_string()), Some(m.person)));
    }
    let mut first_word = phrase.split_whitespace().next().unwrap_or("");
    let mut n_words = phrase.split_whitespace().count();
    // `Her closing line: “…”`, `His reply was short`: her own words, so the
    // pronoun's person speaks.
    if (2..=3).contains(&n_words)
        && phrase
            .split_whitespace()
            .last()
            .is_some_and(|w| OWN_WORDS.contains(&w))
    {
        first_word = match first_word {
            "Her" | "her" => "she",
            "His" | "his" => "he",
            w => w,
        };
        if matches!(first_word, "she" | "he") {
            n_words = 1;
        }
    }
    // `He rang me at six in the morning and said`, `She used to say`: a
    // pronoun opening the clause is its subject, however long the predicate.
    let pronoun_led = matches!(first_word, "He" | "he" | "She" | "she")
        && n_words <= 12
        && !phrase.contains([',', ';']);
    if PRONOUNS.contains(&first_word) && (n_words <= 2 || pronoun_led) {
        let gender = match first_word.to_lowercase().as_str() {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            // `Tess: … and I said, “…”`: in a transcript, `I` is the
            // speaker whose label opens the paragraph.
            "i" | "we" => {
                let label = people.in_block(sub.block).first().filter(|m| {
                    text[..m.span.start].trim().is_empty() && text[m.span.end..].starts_with(':')
                });
                return Some(match label {
                    Some(m) => (
                        Some(text[m.span.start..m.span.end].to_string()),
                        Some(m.person),
                    ),
                    None => (None, None),
                });
            }
            // `The family said in a statement …` then `“…,” they said`: the
            // group that spoke last, if it spoke nearby.
            "they" => {
                return Some(match unnamed.filter(|u| u.at.block + 2 >= quote_at.block) {
                    Some(u) => (Some(u.desc.clone()), None),
                    None => (None, None),
                });
            }
            // `His statement was read by Saunoa. “…,” it said.`: the
            // document's owner, named or by pronoun, in this paragraph or
            // the one before.
            "it" => {
                return Some(document_owner(cx, quote_at).unwrap_or((None, None)));
            }
            _ => return Some((None, None)),
        };
        return Some(match pronoun_target(cx, quote_at, gender) {
            Some(t) => answer(people, t),
            None => (Some(first_word.to_lowercase()), None),
        });
    }
    // The unnamed source who spoke within `blocks` before, when the phrase
    // is `the` and a word of its description (`the insider`, `the MP`).
    let same_source = |blocks: usize| {
        let u = unnamed.filter(|u| u.at.block + blocks >= quote_at.block)?;
        let head = lower_phrase_head(phrase)?;
        u.desc
            .split_whitespace()
            .any(|w| {
                w.trim_matches(|c: char| !c.is_alphabetic())
                    .eq_ignore_ascii_case(head)
            })
            .then(|| (Some(u.desc.clone()), None))
    };
    // `Another Labour MP, speaking on condition of anonymity, said …`
    // then `“…,” the MP said`: the source just introduced, before anyone
    // holding the office by title.
    if let Some(found) = same_source(1) {
        return Some(found);
    }
    // `the judge said`, `the prime minister told MPs`: an office that one
    // person in the article holds by title (`Judge Sarah Whitcombe`).
    if let Some(p) = office_holder(people, phrase) {
        return Some((Some(phrase.to_string()), Some(p)));
    }
    // `the Swede told reporters`, `the 34-year-old said`, `the striker
    // added`: an epithet for someone just named, resolved like a pronoun.
    if let Some(gender) = epithet(phrase)
        && let Some(t) = pronoun_target(
            Context {
                unnamed: None,
                ..cx
            },
            quote_at,
            gender,
        )
    {
        return Some(answer(people, t));
    }
    // `She read from a letter Halcombe had written. “…,” the letter said`:
    // the writer named with the document in this paragraph.
    if let Some(noun) = document_phrase(phrase)
        && let Some(found) = writer_named_with(cx, quote_at, noun)
    {
        return Some(found);
    }
    // `Castellan Rowe has agreed to wait. The firm said it remained
    // “fully committed”`: the organisation named just before.
    if is_org_anaphor(phrase)
        && let Some(org) = last_org_named(article, people, sub.block, s)
    {
        return Some((Some(org), None));
    }
    // `An insider close to the couple told …` then `“…,” the insider
    // said`: the same source, described as before.
    if let Some(found) = same_source(2) {
        return Some(found);
    }
    // `the former chief whip said` after `Lord Trevaskis, who was chief
    // whip`: the one person introduced in that role.
    if let Some(p) = role_holder(cx, phrase, quote_at) {
        return Some((Some(phrase.to_string()), Some(p)));
    }
    // `the coach said`, `the manager added`: the one just named, unless an
    // unnamed source spoke since.
    let lower_phrase = phrase.to_lowercase();
    if matches!(
        lower_phrase.as_str(),
        "the coach" | "the head coach" | "the manager" | "the boss" | "the skipper"
    ) && let Some(t) = pronoun_target(cx, quote_at, None)
    {
        return Some(answer(people, t));
    }
    // An unnamed source starts like a noun phrase (`a source close to …`,
    // `the council`, `Ashby Lowe`); `during the` or `and` is not a subject.
    // (`what prosecutors called`, `police said`: a bare plural group.)
    let group = n_words <= 2
        && matches!(
            phrase.split_whitespace().next_back().unwrap_or(""),
            "prosecutors"
                | "police"
                | "officials"
                | "investigators"
                | "critics"
                | "analysts"
                | "experts"
                | "researchers"
                | "residents"
                | "neighbours"
                | "neighbors"
                | "witnesses"
                | "doctors"
                | "scientists"
                | "campaigners"
                | "protesters"
                | "organisers"
                | "organizers"
                | "authorities"
                | "detectives"
                | "officers"
                | "lawyers"
                | "economists"
                | "supporters"
                | "opponents"
                | "fans"
                | "locals"
        );
    let starts_ok =
        first_word.starts_with(char::is_uppercase) || DETERMINERS.contains(&first_word) || group;
    if !starts_ok || phrase.split_whitespace().count() > 12 {
        return None;
    }
    // Descriptions end at a relative clause or a comma; `and` ends one
    // unless the phrase closes on who the speaker is (`a Department of
    // Health and Social Care spokesperson`).
    let last_word = phrase
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    let one_np =
        !phrase.contains(',') && (lx::is_role_noun(&last_word) || is_person_nouns(&last_word));
    let cut = [
        ", who",
        " who ",
        ", which",
        ",",
        if one_np { ", and " } else { " and " },
    ]
    .iter()
    .filter_map(|p| phrase.find(p))
    .min()
    .unwrap_or(phrase.len());
    Some((Some(phrase[..cut].trim().to_string()), None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::text::parse;

    fn quotes(src: &str) -> Vec<String> {
        let a = parse(src);
        find_quotes(&a)
            .iter()
            .map(|q| {
                q.inner()
                    .map(|s| &a.blocks[s.block].text[s.start..s.end])
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect()
    }

    #[test]
    fn curly_straight_and_nested() {
        assert_eq!(
            quotes("“We kept our promise,” Quist said. “Late.”"),
            ["We kept our promise,", "Late."]
        );
        assert_eq!(
            quotes("\"It is fine,\" he said. \"Twice the price.\""),
            ["It is fine,", "Twice the price."]
        );
        assert_eq!(
            quotes("“He said ‘never’ to me,” she said."),
            ["He said ‘never’ to me,"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quotes("It’s Charles’ car from the ’90s, rock ’n’ roll and 'n' all.").is_empty());
        assert!(quotes("It's the '90s and Jones' dog.").is_empty());
    }

    #[test]
    fn single_quotes_as_outer_in_captions() {
        assert_eq!(
            quotes("‘It’s a fairytale’, said one well-wisher. Photo / PA"),
            ["It’s a fairytale"]
        );
        assert_eq!(
            quotes("'We are thrilled', said the Princess."),
            ["We are thrilled"]
        );
    }

    #[test]
    fn multi_paragraph_quote() {
        let q = quotes("“First part,\n\n“second part,\n\n“third part,” she said.\n\nAfter.");
        assert_eq!(q, ["First part, | second part, | third part,"]);
        let q = quotes("\"First part.\n\n\"Second part,\" she said.");
        assert_eq!(q, ["First part. | Second part,"]);
    }

    #[test]
    fn unclosed_quote_not_followed_by_a_quote_ends_there() {
        assert_eq!(
            quotes("“Open and never closed.\n\nPlain text."),
            ["Open and never closed."]
        );
    }
}
