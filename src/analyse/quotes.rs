//! Quotes: pairing quote marks (curly, straight, nested, single-quoted in
//! captions, running over paragraphs) and attributing each quote to its
//! speaker by the speech verb around it.

use super::lexicon::{self as lx, Gender};
use super::people::People;
use super::tokens::{Token, tokenize};
use crate::article::{Article, Quote, QuoteSpans, Span};
use std::collections::HashSet;
use std::sync::Arc;

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

/// Where an attribution's subject stands, and how it was found.
#[derive(Debug, Clone, Copy)]
struct Subject {
    block: usize,
    start: usize,
    end: usize,
    /// `said X`: the speaker follows the verb.
    verb_first: bool,
}

fn speech_verb_at(tokens: &[Token], i: usize) -> bool {
    lx::is_attribution_verb(tokens[i].text)
}

/// `“…,” X said.` / `“…,” said X.` in the text after a quote.
fn after_subject(
    text: &str,
    from: usize,
    to: usize,
    closed_sentence: bool,
    punct_closed: bool,
) -> Option<(usize, usize, bool)> {
    let seg = &text[from..to];
    let tokens = tokenize(seg);
    // `… a “phrase”. A source said …`: the quote's sentence ended at the
    // mark, so what follows is another sentence, not its attribution.
    let lead = &seg[..tokens.first().map_or(seg.len(), |t| t.start)];
    if lead.contains(['.', '!', '?', ';']) {
        return None;
    }
    // `‘He let me win’: Noah, 10, plays …`, a caption's or headline's
    // quote handed to the name after its colon.
    let personal = {
        let inner = text[..from].trim_end_matches(['’', '”', '\'', '"']);
        let open = inner
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '‘' | '“' | '\'' | '"'))
            .map_or(0, |(p, c)| p + c.len_utf8());
        inner[open..].split_whitespace().any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphabetic()),
                "I" | "me"
                    | "my"
                    | "we"
                    | "us"
                    | "our"
                    | "you"
                    | "your"
                    | "We"
                    | "My"
                    | "Our"
                    | "You"
            )
        })
    };
    // (Or a headline's: `‘We chose growth’: Greaves sets out her plans`.)
    let speaks = (1..tokens.len().min(5))
        .any(|k| speech_verb_at(&tokens, k) || matches!(tokens[k].text, "sets" | "lays" | "hits"));
    if lead.trim() == ":"
        && (personal || speaks)
        && tokens.first().is_some_and(|t| t.is_capitalised())
    {
        let mut k = 1;
        while k < tokens.len()
            && k < 4
            && tokens[k].is_capitalised()
            && seg[tokens[k - 1].end..tokens[k].start].trim().is_empty()
        {
            k += 1;
        }
        return Some((from + tokens[0].start, from + tokens[k - 1].end, true));
    }
    // `“…,” X said` / `“…” – X said`: an attribution follows a quote that
    // its own punctuation (or a comma or dash after it) hands over. A quote
    // running on inside a sentence (`“laughed out loud” when her nurse
    // suggested …`) takes only a name or pronoun right before the verb.
    let handed_over = punct_closed || lead.contains([',', '—', '–', '-']);
    let limit = tokens.len().min(12);
    for i in 0..limit {
        // Stop at the end of the first sentence after the quote.
        if i > 0
            && tokens[i].sentence_start
            && !seg[tokens[i - 1].end..tokens[i].start].contains(',')
        {
            break;
        }
        if !speech_verb_at(&tokens, i) {
            continue;
        }
        // `“Eleven.” Kereama said the party would “go …”`: after a quote
        // that ended its sentence, a verb leading into the next quote
        // introduces that one.
        if closed_sentence && to < text.len() && !seg[tokens[i].end..].contains(['.', '!', '?']) {
            return None;
        }
        if i == 0 {
            // said X: up to the next comma, stop or clause.
            let mut j = 1;
            while j < tokens.len() && j < 14 {
                let gap = &seg[tokens[j - 1].end..tokens[j].start];
                if j > 1 && gap.contains([',', '.', ';', ':', '!', '?', '(', '—', '–', '“', '"'])
                {
                    break;
                }
                if j > 1
                    && (tokens[j].text == "who"
                        || tokens[j].text == "as"
                        || tokens[j].text == "after"
                        || lx::is_attribution_verb(tokens[j].text))
                {
                    break;
                }
                j += 1;
            }
            // `said one retired teacher, Margaret Hale, 71.`: the name in
            // apposition is the speaker (tidy keeps the part holding it).
            if j > 1 && j + 1 < tokens.len() && tokens[j].is_capitalised() {
                let gap = &seg[tokens[j - 1].end..tokens[j].start];
                let mut k = j;
                while k < tokens.len()
                    && k < j + 4
                    && tokens[k].is_capitalised()
                    && (k == j || seg[tokens[k - 1].end..tokens[k].start].trim().is_empty())
                {
                    k += 1;
                }
                let closes = k == tokens.len()
                    || seg[tokens[k - 1].end..tokens[k].start].contains([',', '.', ';']);
                if gap.trim() == "," && k > j && closes {
                    j = k;
                }
            }
            if j > 1 {
                return Some((from + tokens[1].start, from + tokens[j - 1].end, true));
            }
            return None;
        }
        let tight = i <= 3
            && tokens[..i]
                .iter()
                .all(|t| t.is_capitalised() || PRONOUNS.contains(&t.text));
        // `“…” at the bank, a spokeswoman said.`: a comma opens the
        // attribution and the verb closes the sentence.
        let comma_clause = seg[..tokens[i].start].contains(',')
            && seg[tokens[i].end..]
                .split(['.', '!', '?'])
                .next()
                .is_some_and(|rest| rest.split_whitespace().count() <= 3);
        if !handed_over && !tight && !comma_clause {
            return None;
        }
        return Some((from + tokens[0].start, from + tokens[i - 1].end, false));
    }
    // `according to X`
    let lower = seg.to_lowercase();
    if let Some(p) = lower.find("according to ") {
        let s = p + "according to ".len();
        let e = seg[s..]
            .find(['.', ',', ';', '“', '"'])
            .map_or(seg.len(), |x| s + x);
        // In the quote's own sentence: `“…” given its growth last year,
        // according to X.`
        let same_sentence = !seg[..p].contains(['.', '!', '?', ';']);
        if e > s && (p < 40 || same_sentence) {
            return Some((from + s, from + e, true));
        }
    }
    None
}

/// `X said: “…` / `X told reporters “…` / `According to X, “…` before a quote.
fn before_subject(text: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let seg = &text[from..to];
    let trimmed = seg.trim_end();
    if trimmed.is_empty() {
        return None;
    }
    let tokens = tokenize(seg);
    if tokens.is_empty() {
        return None;
    }
    // The verb is looked for in the quote's own sentence (at most 40 words
    // back), nearest first.
    let n = tokens.len();
    let lo = n.saturating_sub(40);
    let sentence_from = (0..n)
        .rev()
        .find(|&i| tokens[i].sentence_start)
        .unwrap_or(0);
    let lower = seg.to_lowercase();
    // `…, as one guest put it, “…”`, `in the words of one employee, “…”`:
    // the speaker named in an aside right before the quote.
    let aside_end = trimmed.trim_end_matches([',', ':', '—', '–']).trim_end();
    if trimmed.len() > aside_end.len() || trimmed.ends_with(',') {
        let tail = &lower[..aside_end.len()];
        if let Some(p) = tail.rfind(" as ").filter(|_| tail.ends_with(" put it")) {
            let s = p + " as ".len();
            let e = aside_end.len() - " put it".len();
            if e > s && !tail[s..e].contains(',') {
                return Some((from + s, from + e));
            }
        }
        if let Some(p) = tail.rfind("in the words of ") {
            let s = p + "in the words of ".len();
            if !tail[s..].contains(',') && s < aside_end.len() {
                return Some((from + s, from + aside_end.len()));
            }
        }
    }
    // `According to X, “…”` in the same sentence.
    if let Some(p) = lower
        .rfind("according to ")
        .filter(|&p| p >= tokens[sentence_from].start)
    {
        let s = p + "according to ".len();
        let e = seg[s..]
            .find([',', ':', '“', '"'])
            .map_or(seg.trim_end().len(), |x| s + x);
        // `According to an affidavit, Hoskins told investigators he had
        // “hit a sign”`: a speech verb after the source is nearer the quote.
        // (Not a verb of a relative clause on the source: `according to
        // X, an analyst, who called it “…”`.)
        let verb_after = tokens.iter().enumerate().any(|(k, t)| {
            t.start > e
                && speech_verb_at(&tokens, k)
                && !(k > 0 && matches!(tokens[k - 1].text, "who" | "which"))
        });
        if e > s && !verb_after {
            return Some((from + s, from + e));
        }
    }
    for i in (lo.max(sentence_from)..n).rev() {
        // `a warning from …`, `the call`: a noun, not a verb.
        let nominal = i > 0
            && matches!(
                tokens[i - 1].text,
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "this" | "that"
            );
        if !speech_verb_at(&tokens, i) || nominal {
            continue;
        }
        // Passive: `described by a palace spokeswoman as “…”`.
        if tokens.get(i + 1).is_some_and(|t| t.text == "by") {
            let agent: Vec<&Token> = tokens[i + 2..]
                .iter()
                .take_while(|t| !matches!(t.text, "as" | "that" | "in" | "on"))
                .collect();
            if let (Some(a), Some(b)) = (agent.first(), agent.last()) {
                return Some((from + a.start, from + b.end));
            }
        }
        // Subject: the clause before the verb, back to the sentence start
        // or to a relative clause (`a crowd that one officer put at`).
        if i == sentence_from {
            return None;
        }
        // `what prosecutors called “liquid forgeries”`, `what the judge
        // described as`: the subject between `what` and the verb.
        if let Some(w) = (i.saturating_sub(4).max(sentence_from)..i)
            .rev()
            .find(|&k| tokens[k].text == "what")
            && w + 1 < i
        {
            return Some((from + tokens[w + 1].start, from + tokens[i - 1].end));
        }
        // `… he told detectives`, `a scholarship she later described as`:
        // the pronoun right before the verb (past an adverb or two).
        let mut pk = i - 1;
        while pk > sentence_from && pk + 2 >= i && is_adverb(tokens[pk].text) {
            pk -= 1;
        }
        if PRONOUNS.contains(&tokens[pk].text) {
            return Some((from + tokens[pk].start, from + tokens[pk].end));
        }
        // `…, with a spokesman citing a “long-standing commitment”`: the
        // participle's subject follows `with`.
        if tokens[i].text.ends_with("ing")
            && let Some(w) = (sentence_from..i)
                .rev()
                .take(6)
                .find(|&k| tokens[k].text == "with")
            && w + 1 < i
        {
            return Some((from + tokens[w + 1].start, from + tokens[i - 1].end));
        }
        // Only a relative pronoun whose clause reaches the verb counts:
        // in `X, a consultant who was not involved, said` the comma closes it.
        let closed = seg[tokens[i - 1].end..tokens[i].start].contains(',');
        let rel = if closed {
            sentence_from
        } else {
            (sentence_from..i)
                .rev()
                .take_while(|&k| {
                    k + 1 >= i || !seg[tokens[k].end..tokens[k + 1].start].contains(',')
                })
                .find(|&k| {
                    matches!(tokens[k].text, "that" | "which" | "whom" | "who")
                        || (is_clause_openers(tokens[k].text)
                            && opens_clause_subject(&tokens[k + 1..i]))
                        // `…, and one resident called it “…”`: a comma and
                        // `and` join a clause with a subject of its own.
                        || (matches!(tokens[k].text, "and" | "or" | "yet")
                            && seg[if k > 0 { tokens[k - 1].end } else { 0 }..tokens[k].start]
                                .contains(',')
                            && opens_clause_subject(&tokens[k + 1..i]))
                })
                .map_or(sentence_from, |k| k + 1)
        };
        // `X, who has known her for years and who told …`: the antecedent
        // is before the first of the coordinated relative clauses.
        let mut rel = rel;
        if rel > sentence_from + 2
            && tokens[rel - 1].text == "who"
            && matches!(tokens[rel - 2].text, "and" | "but" | "or")
            && let Some(k) = (sentence_from..rel - 2)
                .rev()
                .find(|&k| tokens[k].text == "who")
        {
            rel = k + 1;
        }
        if rel > sentence_from + 1 && tokens[rel - 1].text == "who" {
            // `a colleague of Vance’s at Aorere Freight, who said`: a name
            // after a preposition is not what the clause hangs on; the
            // clause describes the noun phrase the appositive renames.
            let mut run_start = rel - 2;
            while run_start > sentence_from
                && tokens[run_start - 1].is_capitalised()
                && seg[tokens[run_start - 1].end..tokens[run_start].start]
                    .trim()
                    .is_empty()
            {
                run_start -= 1;
            }
            let after_preposition = run_start > sentence_from
                && matches!(
                    tokens[run_start - 1].text,
                    "at" | "of" | "for" | "from" | "in" | "with" | "by" | "on"
                );
            if tokens[rel - 2].is_capitalised() && after_preposition {
                if let Some(np) = described_noun_phrase(seg, &tokens, sentence_from, rel - 1) {
                    return Some((from + np.0, from + np.1));
                }
            }
        }
        if rel > sentence_from + 1 && tokens[rel - 1].text == "who" {
            // `Justice Miriam Okafor, who described it as “…”`: the speaker
            // is the capitalised name the relative clause hangs on.
            let mut k = rel - 2;
            while k > sentence_from
                && tokens[k - 1].is_capitalised()
                && seg[tokens[k - 1].end..tokens[k].start].trim().is_empty()
            {
                k -= 1;
            }
            if tokens[rel - 2].is_capitalised() {
                return Some((from + tokens[k].start, from + tokens[rel - 2].end));
            }
            // `A woman who lives across the street said`, `… the Duchess, a
            // nickname bestowed by a Las Vegas lounge manager who said`: the
            // noun phrase the clause hangs on, from its determiner (through
            // `of`: `a neighbour of the couple who`).
            let is_det = |m: usize| opens_noun_phrase(tokens[m].text);
            let mut det = (sentence_from..rel - 1).rev().find(|&m| is_det(m));
            while let Some(d) = det.filter(|&d| d > sentence_from + 1 && tokens[d - 1].text == "of")
            {
                det = (sentence_from..d - 1)
                    .rev()
                    .find(|&m| is_det(m))
                    .or(Some(d));
                if det == Some(d) {
                    break;
                }
            }
            // Only for a restrictive clause (no comma before `who`: `X, a
            // retired headteacher, who` names X) whose verb is the speech
            // verb's own (`the five members who voted yes and said` is the
            // sentence's subject speaking).
            let restrictive = !seg[tokens[rel - 2].end..tokens[rel - 1].start].contains(',');
            let coordinated = tokens[i - 1].text == "and";
            // (`Dr Sabine Vasko, a French authenticator who testified,
            // told jurors`: the phrase renames the name before its comma.)
            let renames = det.is_some_and(|d| {
                d > sentence_from && seg[tokens[d - 1].end..tokens[d].start].contains(',')
            });
            let start = det
                .filter(|_| !renames)
                .filter(|&d| !seg[tokens[d].start..tokens[rel - 2].end].contains(','))
                .filter(|_| restrictive && !coordinated)
                .unwrap_or(sentence_from);
            return Some((from + tokens[start].start, from + tokens[rel - 2].end));
        }
        if rel >= i {
            return None;
        }
        // `He says the company has asked to meet them “…”`: a speech verb
        // inside the subject means the quote belongs to that earlier verb.
        // (Not an aside: `One executive, she recalls, told her …`.)
        let aside = |k: usize| {
            k >= 2
                && PRONOUNS.contains(&tokens[k - 1].text)
                && seg[tokens[k - 2].end..tokens[k - 1].start].contains(',')
                && tokens
                    .get(k + 1)
                    .is_some_and(|n| seg[tokens[k].end..n.start].contains(','))
        };
        if (rel + 1..i)
            .any(|k| speech_verb_at(&tokens, k) && tokens[k - 1].text != "a" && !aside(k))
        {
            continue;
        }
        let s = tokens[rel].start;
        let e = tokens[i - 1].end;
        return Some((from + s, from + e));
    }
    // `a warning from the chair, Helen Tsakalos, for senators to “…”`: speech
    // named as a noun, its speaker after `from`.
    if let Some(k) = (sentence_from..n.saturating_sub(1))
        .rev()
        .find(|&k| tokens[k + 1].text == "from" && SPEECH_NOUNS.contains(&tokens[k].text))
    {
        let start = k + 2;
        if start < n {
            let end = (start..n)
                .take_while(|&m| {
                    m == start
                        || !matches!(
                            tokens[m].text,
                            "for" | "to" | "that" | "about" | "on" | "in" | "after"
                        )
                })
                .last()
                .unwrap_or(start);
            return Some((from + tokens[start].start, from + tokens[end].end));
        }
    }
    // `Delorme was blunt: “…”`, `…, she was characteristically brisk: “…”`,
    // `Alongside him, the former winger Jess Carver was less forgiving:`: a
    // sentence that hands over to the quote with a colon. Its subject is the
    // last clause (or the sentence) up to the predicate.
    if trimmed.ends_with(':') && n > sentence_from {
        let last_clause = (sentence_from..n)
            .rev()
            .find(|&k| k > sentence_from && seg[tokens[k - 1].end..tokens[k].start].contains(','))
            .unwrap_or(sentence_from);
        for k in [last_clause, sentence_from] {
            // `16:58 Crane: ‘…’`: a live blog's time stamp opens the line.
            let Some(k) =
                (k..n).find(|&m| !tokens[m].text.starts_with(|c: char| c.is_ascii_digit()))
            else {
                continue;
            };
            let t = &tokens[k];
            if PRONOUNS.contains(&t.text) {
                return Some((from + t.start, from + t.end));
            }
            let opens_subject = (t.is_capitalised() && !LEADING_JUNK.contains(&t.text))
                || DETERMINERS.contains(&t.text);
            if !opens_subject {
                continue;
            }
            let end = (k + 1..n)
                .find(|&m| {
                    is_predicate_heads(tokens[m].text)
                        || (m > k + 1 && tokens[m].text.ends_with("ed"))
                })
                .unwrap_or(n);
            if end - k > 16 {
                return None;
            }
            return Some((from + t.start, from + tokens[end - 1].end));
        }
    }
    None
}

/// Adverbs that sit between a subject and its verb (`she later said`).
fn is_adverb(w: &str) -> bool {
    (w.ends_with("ly") && w.len() > 4 && w != "early")
        || matches!(
            w,
            "later"
                | "once"
                | "then"
                | "also"
                | "still"
                | "often"
                | "never"
                | "always"
                | "again"
                | "since"
                | "had"
                | "has"
                | "have"
                | "would"
                | "will"
                | "has since"
        )
}

/// Conjunctions that open a clause of their own: the subject of a verb
/// after one starts after it (`…, while a council spokeswoman said`).
fn is_clause_openers(w: &str) -> bool {
    matches!(
        w,
        "while"
            | "whereas"
            | "although"
            | "though"
            | "because"
            | "but"
            | "when"
            | "whenever"
            | "after"
            | "before"
            | "since"
            | "until"
            | "unless"
            | "once"
            | "whether"
    )
}

/// An article or `one` opening a noun phrase (`a woman`, `The owner`).
fn opens_noun_phrase(w: &str) -> bool {
    matches!(w, "a" | "an" | "the" | "one" | "A" | "An" | "The" | "One")
}

/// Whether the words between a conjunction and a speech verb are a bare
/// subject (`while a council spokeswoman`), not a clause with its own verb
/// (`because she feared for her safety`) or an object (`after her and`).
fn opens_clause_subject(words: &[Token]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let subject_start = first.is_capitalised()
        || DETERMINERS.contains(&first.text)
        || matches!(first.text, "he" | "she" | "they" | "we" | "i" | "it");
    subject_start
        && words.len() <= 8
        && !words.iter().any(|t| {
            let verb = t.text.ends_with("ed") && !t.is_capitalised();
            verb || is_predicate_heads(t.text) || matches!(t.text, "and" | "or")
        })
}

/// The noun phrase a relative clause at `who` describes when the words
/// right before it are an appositive (`The court heard from a woman who
/// cannot be named, a former colleague of his, who said`): the first
/// determiner-led phrase of the comma part before the appositive.
fn described_noun_phrase(
    seg: &str,
    tokens: &[Token],
    sentence_from: usize,
    who: usize,
) -> Option<(usize, usize)> {
    // Comma boundaries between sentence_from and who.
    let commas: Vec<usize> = (sentence_from + 1..who)
        .filter(|&k| seg[tokens[k - 1].end..tokens[k].start].contains(','))
        .collect();
    let (&apposition, rest) = commas.split_last()?;
    let part_start = rest.last().copied().unwrap_or(sentence_from);
    let is_det = |k: usize| opens_noun_phrase(tokens[k].text);
    if !is_det(apposition) {
        return None;
    }
    // After the verb's preposition (`heard from a woman`), else the first.
    let after_prep = (part_start..apposition)
        .rev()
        .find(|&k| matches!(tokens[k].text, "from" | "to" | "by" | "with" | "for" | "on"))
        .map_or(part_start, |k| k + 1);
    let det = (after_prep..apposition)
        .find(|&k| is_det(k))
        .filter(|&k| k + 1 < apposition)?;
    Some((tokens[det].start, tokens[apposition - 1].end))
}

/// Words that end a subject and start its predicate (`X was blunt:`).
fn is_predicate_heads(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "is"
            | "were"
            | "are"
            | "had"
            | "has"
            | "have"
            | "did"
            | "does"
            | "seemed"
            | "seems"
            | "sounded"
            | "sounds"
            | "looked"
            | "looks"
            | "kept"
            | "keeps"
            | "put"
            | "puts"
            | "made"
            | "makes"
            | "gave"
            | "gives"
            | "offered"
            | "offers"
            | "remained"
            | "remains"
            | "became"
            | "got"
            | "gets"
            | "took"
            | "takes"
            | "went"
            | "goes"
            | "summed"
            | "sums"
            | "struck"
            | "strikes"
            | "could"
            | "would"
            | "will"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
    )
}

/// Speech named as a noun (`a warning from X`).
const SPEECH_NOUNS: &[&str] = &[
    "warning",
    "statement",
    "plea",
    "message",
    "call",
    "appeal",
    "reminder",
    "response",
    "reply",
    "comment",
    "comments",
    "remark",
    "remarks",
    "tweet",
    "post",
    "letter",
    "memo",
    "email",
    "note",
    "rebuke",
    "promise",
    "pledge",
    "question",
    "answer",
    "apology",
    "memo",
    "speech",
    "words",
    "memoir",
    "diary",
    "column",
    "verdict",
    "view",
    "petition",
    "complaint",
    "lawsuit",
    "claim",
    "filing",
    "submission",
    "evidence",
    "testimony",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "He", "She", "They", "It", "We", "I",
];
const LEADING_JUNK: &[&str] = &[
    "But",
    "And",
    "So",
    "Yet",
    "Then",
    "Later",
    "Earlier",
    "Now",
    "Still",
    "Also",
    "However",
    "Meanwhile",
    "Instead",
    "Asked",
    "Today",
    "Yesterday",
    "Afterwards",
    "Separately",
    "Elsewhere",
    "Finally",
    "In",
    "On",
    "At",
    "when",
    "When",
    "as",
    "As",
    "Speaking",
    "which",
    "who",
];

/// Trims a subject to the speaker as written: drops clause openers, ages
/// and appositives (`Dorothy Pike, 67,` → `Dorothy Pike`).
fn tidy(
    text: &str,
    s: usize,
    e: usize,
    people: &People,
    block: usize,
    before: bool,
) -> (usize, usize) {
    let seg = &text[s..e];
    // Comma-separated parts; keep the one holding a name, else the last
    // (before the quote) or first (after it).
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    for piece in seg.split(',') {
        let ps = at + (piece.len() - piece.trim_start().len());
        let pe = at + piece.trim_end().len();
        if pe > ps {
            parts.push((s + ps, s + pe));
        }
        at += piece.len() + 1;
    }
    let has_mention = |(a, b): (usize, usize)| {
        // `In a statement read by Mr Hale, the woman said`: an adverbial
        // opening the sentence is not its subject.
        let rel = text[a..b].split_whitespace().next().is_some_and(|w| {
            matches!(
                w,
                "who"
                    | "whose"
                    | "which"
                    | "now"
                    | "In"
                    | "At"
                    | "On"
                    | "After"
                    | "During"
                    | "Under"
                    | "Speaking"
                    | "Asked"
                    | "Following"
            )
        });
        !rel && people
            .in_block(block)
            .iter()
            .any(|m| m.span.start >= a && m.span.end <= b && subject_like(text, a, m))
    };
    // `who spoke on condition of anonymity` describes; it never names.
    let is_relative = |(a, b): (usize, usize)| {
        text[a..b]
            .split_whitespace()
            .next()
            .is_some_and(|w| matches!(w, "who" | "whose" | "which" | "whom"))
    };
    // `One executive, she recalls, told her`: a reporting aside.
    let is_aside = |(a, b): (usize, usize)| {
        let words: Vec<&str> = text[a..b].split_whitespace().collect();
        words.len() == 2 && PRONOUNS.contains(&words[0]) && lx::is_attribution_verb(words[1])
    };
    let parts: Vec<(usize, usize)> = if parts.len() > 1 {
        parts.into_iter().filter(|&p| !is_aside(p)).collect()
    } else {
        parts
    };
    let is_age = |(a, b): (usize, usize)| {
        text[a..b]
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace())
    };
    // `Central Cascade Power, the local utility, said`: a proper name
    // heading the subject, with only appositives and relative clauses
    // after it, is the speaker.
    let opens_np = |(a, b): (usize, usize)| {
        text[a..b].split_whitespace().next().is_some_and(|w| {
            matches!(w, "the" | "a" | "an" | "which" | "who" | "whose" | "now")
                || w.starts_with(|c: char| c.is_ascii_digit())
        })
    };
    let proper_head = before
        && parts.len() >= 2
        && !parts.iter().any(|&p| has_mention(p))
        && {
            let head: Vec<&str> = text[parts[0].0..parts[0].1].split_whitespace().collect();
            let first = head.first().copied().unwrap_or("");
            first.starts_with(char::is_uppercase)
                && !LEADING_JUNK.contains(&first)
                && !DETERMINERS.contains(&first.to_lowercase().as_str())
                && (head.len() >= 2 || !lx::is_common_word(&first.to_lowercase()))
                // A proper name: every word capitalised (`of`, `&` aside).
                && head
                    .iter()
                    .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "of" | "&" | "and" | "the"))
        }
        && parts[1..].iter().all(|&p| opens_np(p));
    // `Her petition, lodged at the High Court, claims …`: speech named by
    // whose it is heads the subject.
    let owned_speech = before && parts.len() >= 2 && {
        let w: Vec<&str> = text[parts[0].0..parts[0].1].split_whitespace().collect();
        w.len() == 2
            && matches!(w[0], "Her" | "His" | "Their" | "her" | "his" | "their")
            && SPEECH_NOUNS.contains(&w[1])
    };
    let pick = if proper_head || owned_speech {
        Some(parts[0])
    } else if before {
        parts
            .iter()
            .rev()
            .copied()
            .find(|&p| has_mention(p))
            .or_else(|| {
                parts
                    .iter()
                    .rev()
                    .copied()
                    .find(|&p| !is_age(p) && !is_relative(p))
            })
    } else {
        parts
            .iter()
            .copied()
            .find(|&p| has_mention(p))
            .or_else(|| parts.iter().copied().find(|&p| !is_age(p)))
    };
    let (mut a, b) = pick.unwrap_or((s, e));
    // Drop leading clause words.
    loop {
        let rest = &text[a..b];
        let word = rest.split_whitespace().next().unwrap_or("");
        if LEADING_JUNK.contains(&word) && rest.len() > word.len() {
            a += word.len();
            a += text[a..b].len() - text[a..b].trim_start().len();
        } else {
            break;
        }
    }
    (a, b)
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
        // A subject found before the quote, resolved to who it names.
        let resolve_before = |sub: Subject| {
            resolve(
                article,
                people,
                sub,
                true,
                first,
                nearby.as_ref(),
                last_speaker,
            )
        };
        let (speaker, person) = subject
            .and_then(|(sub, before)| {
                resolve(
                    article,
                    people,
                    sub,
                    before,
                    first,
                    nearby.as_ref(),
                    last_speaker,
                )
            })
            .or_else(|| {
                // The text after the quote held no valid subject: try before it.
                let sub = before_in(first.block, prev_close, first.start)?;
                resolve_before(sub)
            })
            .or_else(|| {
                action_beat(
                    article,
                    people,
                    first,
                    prev_close,
                    nearby.as_ref(),
                    last_speaker,
                )
            })
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
        let document = quotes[i].speaker.as_deref().is_some_and(|s| {
            matches!(
                s.to_lowercase().as_str(),
                "the statement" | "the letter" | "the email" | "the post" | "the note"
            )
        });
        if !document {
            continue;
        }
        let b = quotes[i].block;
        if let Some(j) = (0..i)
            .rev()
            .take_while(|&j| quotes[j].end_block + 2 >= b)
            .find(|&j| {
                quotes[j].speaker.is_some()
                    && !quotes[j]
                        .speaker
                        .as_deref()
                        .is_some_and(|s| s.to_lowercase().starts_with("the statement"))
            })
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
            (Some(quotes[j].end_block) == prev_para && quotes[j].speaker.is_some()).then_some(j)
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
    article: &Article,
    people: &People,
    sub: Subject,
    before: bool,
    quote_at: Span,
    unnamed: Option<&Unnamed>,
    last_speaker: Option<(usize, usize)>,
) -> Option<(Option<String>, Option<usize>)> {
    let text = article.blocks[sub.block].text.as_str();
    let (s, e) = tidy(text, sub.start, sub.end, people, sub.block, !sub.verb_first);
    let phrase = text[s..e].trim().trim_end_matches([',', ':', '.']).trim();
    if phrase.is_empty() {
        return None;
    }
    // A person named in the subject (but not `Quist’s lawyer`): the one
    // next to the verb, or the one opening the clause.
    // `Okafor’s memo`, `Her answer`: speech named by whose it is.
    let mut words = phrase.split_whitespace();
    if let (Some(owner), Some(noun), None) = (words.next(), words.next(), words.next())
        && SPEECH_NOUNS.contains(&noun)
    {
        let gender = match owner {
            "His" | "his" => Some(Gender::Male),
            "Her" | "her" => Some(Gender::Female),
            _ => None,
        };
        if gender.is_some() {
            if let Some(t) =
                pronoun_target(article, people, quote_at, gender, unnamed, last_speaker)
            {
                return Some(answer(people, t));
            }
        } else if let Some(m) = people
            .in_block(sub.block)
            .iter()
            .find(|m| m.span.start == s && text[m.span.end..].starts_with(['’', '\'']))
        {
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
    let first_word = phrase.split_whitespace().next().unwrap_or("");
    let n_words = phrase.split_whitespace().count();
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
            _ => return Some((None, None)),
        };
        return Some(
            match pronoun_target(article, people, quote_at, gender, unnamed, last_speaker) {
                Some(t) => answer(people, t),
                None => (Some(first_word.to_lowercase()), None),
            },
        );
    }
    // `the judge said`, `the prime minister told MPs`: an office that one
    // person in the article holds by title (`Judge Sarah Whitcombe`).
    if let Some(p) = office_holder(people, phrase) {
        return Some((Some(phrase.to_string()), Some(p)));
    }
    // `the Swede told reporters`, `the 34-year-old said`, `the striker
    // added`: an epithet for someone just named, resolved like a pronoun.
    if let Some(gender) = epithet(phrase)
        && let Some(t) = pronoun_target(article, people, quote_at, gender, None, last_speaker)
    {
        return Some(answer(people, t));
    }
    // `She read from a letter Halcombe had written. “…,” the letter said`:
    // the writer named with the document in this paragraph.
    if matches!(
        phrase.to_lowercase().as_str(),
        "the letter" | "the statement" | "the email" | "the note" | "the post"
    ) {
        let qtext = article.blocks[quote_at.block].text.as_str();
        let noun = phrase.split_whitespace().nth(1).unwrap_or("");
        let writer = people.in_block(quote_at.block).iter().find(|m| {
            m.span.end <= quote_at.start && {
                let before = qtext[..m.span.start].trim_end();
                let after = &qtext[m.span.end..];
                before.ends_with(&format!("a {noun}"))
                    || before.ends_with(&format!("the {noun}"))
                    || after.starts_with(&format!("’s {noun}"))
                    || after.starts_with(&format!("'s {noun}"))
            }
        });
        if let Some(m) = writer {
            return Some((
                Some(qtext[m.span.start..m.span.end].to_string()),
                Some(m.person),
            ));
        }
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
    if let Some(u) = unnamed
        && u.at.block + 2 >= quote_at.block
        && let Some(head) = lower_phrase_head(phrase)
        && u.desc.split_whitespace().any(|w| {
            w.trim_matches(|c: char| !c.is_alphabetic())
                .eq_ignore_ascii_case(head)
        })
    {
        return Some((Some(u.desc.clone()), None));
    }
    // `the coach said`, `the manager added`: the one just named, unless an
    // unnamed source spoke since.
    let lower_phrase = phrase.to_lowercase();
    if matches!(
        lower_phrase.as_str(),
        "the coach" | "the head coach" | "the manager" | "the boss" | "the skipper"
    ) && let Some(t) = pronoun_target(article, people, quote_at, None, unnamed, last_speaker)
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

const DETERMINERS: &[&str] = &[
    "a",
    "an",
    "the",
    "one",
    "another",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "some",
    "two",
    "three",
    "four",
    "several",
    "many",
    "both",
    "each",
    "every",
    "no",
    "this",
    "that",
    "these",
    "those",
    "officials",
    "police",
    "residents",
    "people",
    "experts",
    "analysts",
    "sources",
    "critics",
    "witnesses",
    "staff",
    "neighbours",
    "neighbors",
    "locals",
    "friends",
];

/// `Lindgren laughs and picks up her umbrella. “Go and see it.”`: a short
/// sentence about a person, right before a quote that opens a sentence,
/// hands the quote to them.
fn action_beat(
    article: &Article,
    people: &People,
    at: Span,
    prev_close: usize,
    unnamed: Option<&Unnamed>,
    last_speaker: Option<(usize, usize)>,
) -> Option<(Option<String>, Option<usize>)> {
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
    let t = pronoun_target(article, people, at, Some(gender), unnamed, last_speaker)?;
    Some(answer(people, t))
}

/// A mention that can head a subject starting at `from`: not possessive
/// (`Quist’s lawyer`) and not after a preposition (`a spokesman for the Duke`).
fn subject_like(text: &str, from: usize, m: &crate::article::Mention) -> bool {
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
struct Unnamed {
    at: Span,
    desc: String,
    /// `None` when the description says nothing (`a neighbour`).
    gender: Option<Gender>,
}

/// The one person whose title is the office in `the judge`, `the prime
/// minister` (a form `Judge …`, `Prime Minister …` or `the Judge`).
fn office_holder(people: &People, phrase: &str) -> Option<usize> {
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
            a.starts_with(&titled)
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
fn reported_sources(article: &Article, block: usize) -> Vec<Unnamed> {
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
        if !matches!(first, "A" | "An" | "The" | "One") {
            continue;
        }
        let Some(v) =
            (k + 1..tokens.len().min(k + 7)).find(|&v| lx::is_speech_verb(tokens[v].text))
        else {
            continue;
        };
        if text[tokens[k].start..tokens[v - 1].end].contains([',', '“', '"']) {
            continue;
        }
        let desc = &text[tokens[k].start..tokens[v - 1].end];
        // `A spokeswoman for the Alfred hospital said`: capitals inside are
        // fine; a capitalised head (`The Duke said`) is someone named.
        if !names_someone(desc) || tokens[v - 1].is_capitalised() {
            continue;
        }
        let desc = desc[..1].to_lowercase() + &desc[1..];
        out.push(Unnamed {
            at: Span {
                block,
                start: tokens[k].start,
                end: tokens[v - 1].end,
            },
            gender: description_gender(&desc),
            desc,
        });
    }
    out
}

/// An epithet that stands for a person named nearby, as writers vary a
/// second reference: `the Swede`, `the Dutchman`, `the 34-year-old`, `the
/// former striker`. Returns the gender it implies (outer `None`: not an
/// epithet). Sources (`the spokesman`, `the resident`) are not epithets:
/// they are described, not named.
fn epithet(phrase: &str) -> Option<Option<Gender>> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.len() < 2 || words.len() > 4 || !matches!(words[0], "the" | "The") {
        return None;
    }
    let head = words[words.len() - 1].trim_end_matches([',', '.']);
    // Everything between `the` and the head is a modifier (`former`,
    // `veteran`, `Irish`, `England`), not a clause.
    let modifiers_ok = words[1..words.len() - 1].iter().all(|w| {
        w.starts_with(char::is_uppercase)
            || matches!(
                *w,
                "former" | "veteran" | "young" | "new" | "star" | "retired" | "experienced"
            )
    });
    if !modifiers_ok {
        return None;
    }
    if let Some(age) = head.strip_suffix("-year-old")
        && age.chars().all(|c| c.is_ascii_digit())
        && !age.is_empty()
    {
        return Some(None);
    }
    if lx::is_demonym(head) {
        return Some(lx::demonym_gender(head));
    }
    let lower = head.to_lowercase();
    if is_epithet_nouns(&lower) {
        return Some(if is_female_nouns(&lower) {
            Some(Gender::Female)
        } else if is_male_nouns(&lower) {
            Some(Gender::Male)
        } else {
            None
        });
    }
    None
}

/// Nouns for what a named person does, used as a second reference to them
/// (`the striker said`), as against nouns that describe an unnamed source.
fn is_epithet_nouns(w: &str) -> bool {
    matches!(
        w,
        "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "keeper"
            | "winger"
            | "forward"
            | "full-back"
            | "fullback"
            | "centre-back"
            | "playmaker"
            | "skipper"
            | "captain"
            | "batsman"
            | "batter"
            | "bowler"
            | "all-rounder"
            | "opener"
            | "spinner"
            | "paceman"
            | "fly-half"
            | "first-five"
            | "halfback"
            | "flanker"
            | "hooker"
            | "lock"
            | "prop"
            | "quarterback"
            | "pitcher"
            | "outfielder"
            | "infielder"
            | "shortstop"
            | "receiver"
            | "linebacker"
            | "rookie"
            | "veteran"
            | "youngster"
            | "teenager"
            | "golfer"
            | "jockey"
            | "boxer"
            | "sprinter"
            | "swimmer"
            | "cyclist"
            | "netballer"
            | "footballer"
            | "cricketer"
            | "champion"
            | "actor"
            | "actress"
            | "singer"
            | "rapper"
            | "songwriter"
            | "comedian"
            | "novelist"
            | "playwright"
            | "poet"
            | "author"
            | "writer"
            | "artist"
            | "photographer"
            | "designer"
            | "architect"
            | "filmmaker"
            | "director"
            | "star"
            | "billionaire"
            | "tycoon"
            | "entrepreneur"
            | "businessman"
            | "businesswoman"
            | "lawmaker"
            | "congressman"
            | "congresswoman"
            | "senator"
            | "democrat"
            | "republican"
            | "tory"
            | "frontbencher"
            | "backbencher"
            | "octogenarian"
            | "nonagenarian"
            | "grandmother"
            | "grandfather"
            | "mother-of-two"
            | "father-of-two"
            | "mother-of-three"
            | "father-of-three"
    )
}

/// `the firm`, `The company`: a definite description of an organisation.
fn is_org_anaphor(phrase: &str) -> bool {
    let Some((det, noun)) = phrase.split_once(' ') else {
        return false;
    };
    matches!(det, "the" | "The")
        && matches!(
            noun,
            "firm"
                | "company"
                | "bank"
                | "group"
                | "club"
                | "fund"
                | "charity"
                | "union"
                | "retailer"
                | "airline"
                | "insurer"
                | "lender"
                | "developer"
                | "utility"
                | "broadcaster"
                | "publisher"
                | "carmaker"
                | "supermarket"
                | "chain"
                | "brewer"
                | "startup"
                | "conglomerate"
        )
}

/// The last organisation-like name (two or more capitalised words, no
/// person's mention) before byte `upto` of `block`, or in the paragraph
/// before it.
fn last_org_named(article: &Article, people: &People, block: usize, upto: usize) -> Option<String> {
    for b in (block.saturating_sub(1)..=block).rev() {
        let full = article.blocks[b].text.as_str();
        let end = if b == block { upto } else { full.len() };
        // The last 2 KB: a name that far back is not what `the firm` means,
        // and a huge block costs no more than a paragraph.
        let mut from = end.saturating_sub(2048);
        while !full.is_char_boundary(from) {
            from -= 1;
        }
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

/// `the insider` → `insider`: the noun of a two-word definite description.
fn lower_phrase_head(phrase: &str) -> Option<&str> {
    let (det, noun) = phrase.split_once(' ')?;
    (matches!(det, "the" | "The") && !noun.contains(' ') && noun.starts_with(char::is_lowercase))
        .then_some(noun)
}

/// Whether a description names someone (`a woman who …`, `one council
/// officer`, `a source close to …`), not a thing (`a nickname bestowed …`).
fn names_someone(desc: &str) -> bool {
    desc.split_whitespace()
        .take(5)
        .take_while(|w| !matches!(*w, "who" | "that" | "which" | "of" | "from" | "at" | "in"))
        .any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
            lx::is_role_noun(&w)
                || is_female_nouns(w.as_str())
                || is_male_nouns(w.as_str())
                || is_person_nouns(w.as_str())
        })
}

/// People described by what they are to the story.
fn is_person_nouns(w: &str) -> bool {
    matches!(
        w,
        "source"
            | "sources"
            | "neighbour"
            | "neighbor"
            | "neighbours"
            | "neighbors"
            | "friend"
            | "friends"
            | "resident"
            | "residents"
            | "witness"
            | "witnesses"
            | "official"
            | "officials"
            | "colleague"
            | "relative"
            | "relatives"
            | "insider"
            | "aide"
            | "employee"
            | "worker"
            | "victim"
            | "parent"
            | "student"
            | "teacher"
            | "nurse"
            | "doctor"
            | "driver"
            | "owner"
            | "customer"
            | "passenger"
            | "fan"
            | "fans"
            | "person"
            | "people"
            | "member"
            | "spokesperson"
    )
}

fn description_gender(desc: &str) -> Option<Gender> {
    desc.split_whitespace().take(6).find_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        if is_female_nouns(w.as_str()) {
            Some(Gender::Female)
        } else if is_male_nouns(w.as_str()) {
            Some(Gender::Male)
        } else {
            None
        }
    })
}

fn is_female_nouns(w: &str) -> bool {
    matches!(
        w,
        "woman"
            | "women"
            | "mother"
            | "wife"
            | "girl"
            | "daughter"
            | "sister"
            | "spokeswoman"
            | "grandmother"
            | "widow"
            | "actress"
            | "businesswoman"
            | "chairwoman"
            | "aunt"
            | "niece"
            | "lady"
            | "mum"
            | "mom"
            | "policewoman"
            | "girlfriend"
            | "granddaughter"
            | "congresswoman"
    )
}
fn is_male_nouns(w: &str) -> bool {
    matches!(
        w,
        "man"
            | "men"
            | "father"
            | "husband"
            | "boy"
            | "son"
            | "brother"
            | "spokesman"
            | "grandfather"
            | "widower"
            | "businessman"
            | "chairman"
            | "uncle"
            | "nephew"
            | "gentleman"
            | "dad"
            | "policeman"
            | "boyfriend"
            | "grandson"
            | "congressman"
    )
}

/// Whom a pronoun resolves to.
enum Target {
    Person(usize),
    Source(String),
}

fn answer(people: &People, t: Target) -> (Option<String>, Option<usize>) {
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
fn pronoun_target(
    article: &Article,
    people: &People,
    at: Span,
    gender: Option<Gender>,
    unnamed: Option<&Unnamed>,
    last_speaker: Option<(usize, usize)>,
) -> Option<Target> {
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
        let mut from = m.span.start.saturating_sub(2048);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let before = &text[from..m.span.start];
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
        let lead = &before[clause_start..];
        let after_comma = lead.contains(',');
        let lead = lead.rsplit(',').next().unwrap_or(lead);
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
        let subject = words.len() <= 3
            && !(after_comma && next_subject)
            && words.iter().all(|w| {
                // `11:15 Sir Gareth Pym has…`, `14.05 BST Crane …`: a live
                // blog's time stamp opens the entry.
                w.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(*w, "the" | "The" | "BST" | "GMT" | "NZT" | "AEST" | "ET")
                    || w.starts_with(char::is_uppercase)
                    || lx::is_role_noun(w)
                    || lx::is_office_word(&lx::title_case(w))
            });
        if subject {
            found = Some(m);
            break;
        }
    }
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
    if let (Some(m), Some((b, p))) = (found, last_speaker)
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
        let later = found.is_none_or(|m| (m.span.block, m.span.start) < (u.at.block, u.at.start));
        if fits_source && later && u.at.block + 2 >= at.block {
            return Some(Target::Source(u.desc.clone()));
        }
    }
    found.map(|m| Target::Person(m.person))
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
