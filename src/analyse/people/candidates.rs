//! Name candidates: each capitalised run of a block, with its titles, its
//! name words and the cues around it, after organisations, places, works,
//! teams and sentence openers are left out; and the whole-article
//! evidence (words seen in lower case or after `the`) they are judged by.

use super::words::*;
use super::*;

/// A capitalised run that may name a person.
#[derive(Debug, Clone)]
pub(super) struct Cand<'a> {
    /// Block and byte offsets as `u32` (see `block()`, `start()`, `end()`):
    /// a 10 MB article has 130,000 candidates, all alive at once.
    pub(super) block: u32,
    pub(super) start: u32,
    pub(super) end: u32,
    /// Title words before the name (`Mayor`, `Prime Minister`, `Duke`);
    /// most candidates have none, and then no allocation.
    pub(super) titles: Titles,
    /// The name itself, without titles or possessive (words of the
    /// article's text, not copies: a 10 MB article has 100,000s of these;
    /// up to two words inline).
    pub(super) core: Core<'a>,
    /// `of Sussex` after a territorial title (rare: a thin box, 8 bytes).
    #[allow(clippy::box_collection)]
    pub(super) territory: Option<Box<String>>,
    /// Where the name proper starts (after titles).
    pub(super) core_start: u32,
    /// Speech verb next to it, an age after it, or a `Name:` label.
    pub(super) evidence: bool,
    /// First word of a sentence with nothing else to go on.
    pub(super) sentence_start: bool,
    /// Named as a firm (`publisher X`, `X’s chief executive`).
    pub(super) org_cue: bool,
    /// Followed by an age (`X, 45,`): a person.
    pub(super) age: bool,
    /// Followed by `, who`: a person.
    pub(super) who: bool,
    /// After `born` or `née`: a birth name.
    pub(super) born: bool,
    /// A lone word after `at`, `in`, `on`…: a place unless someone named
    /// in full has it as a surname.
    pub(super) soft_place: bool,
    /// Bit 0: `her mother, Mrs Quinn`, a relative introduced by kinship,
    /// not the person whose surname they share. Bits 1–2: the gender a
    /// kinship word before the name gives (`her brother, Sami`). One byte,
    /// as a 10 MB article has 100,000s of these.
    pub(super) kin: u8,
}

/// Title words, read as a slice; none (the usual case) is a null pointer.
#[derive(Debug, Clone)]
pub(super) struct Titles(Option<Box<Box<[String]>>>);

impl From<Vec<String>> for Titles {
    fn from(v: Vec<String>) -> Self {
        Titles((!v.is_empty()).then(|| Box::new(v.into_boxed_slice())))
    }
}

impl std::ops::Deref for Titles {
    type Target = [String];

    fn deref(&self) -> &[String] {
        self.0.as_deref().map_or(&[], |t| t)
    }
}

/// A name's words, read as a slice: up to two inline (nearly every
/// name), so that a candidate is not a heap allocation of its own.
#[derive(Debug, Clone)]
pub(super) enum Core<'a> {
    Inline([&'a str; 2], u8),
    Heap(Box<[&'a str]>),
}

impl<'a> From<Vec<&'a str>> for Core<'a> {
    fn from(v: Vec<&'a str>) -> Self {
        match *v {
            [] => Core::Inline(["", ""], 0),
            [a] => Core::Inline([a, ""], 1),
            [a, b] => Core::Inline([a, b], 2),
            _ => Core::Heap(v.into_boxed_slice()),
        }
    }
}

impl<'a> std::ops::Deref for Core<'a> {
    type Target = [&'a str];

    fn deref(&self) -> &[&'a str] {
        match self {
            Core::Inline(w, n) => &w[..*n as usize],
            Core::Heap(v) => v,
        }
    }
}

impl Cand<'_> {
    pub(super) fn block(&self) -> usize {
        self.block as usize
    }
    pub(super) fn start(&self) -> usize {
        self.start as usize
    }
    pub(super) fn end(&self) -> usize {
        self.end as usize
    }
    pub(super) fn core_start(&self) -> usize {
        self.core_start as usize
    }

    /// `Te Maiharoa`, `Van der Berg`, `De la Cruz`: a surname with a
    /// capitalised particle, not a given name and a surname.
    pub(super) fn surname_only(&self) -> bool {
        self.core.len() >= 2
            && matches!(
                self.core[0],
                "Te" | "Van"
                    | "Von"
                    | "De"
                    | "Di"
                    | "Da"
                    | "Du"
                    | "Le"
                    | "La"
                    | "Del"
                    | "Della"
                    | "Der"
                    | "Ter"
                    | "Ten"
                    | "Bin"
                    | "Al"
                    | "El"
                    | "Dos"
                    | "Das"
            )
            && self.core[1..self.core.len() - 1]
                .iter()
                .all(|w| lx::is_particle(w))
    }
    /// `Whitfield Jr.`: a surname with a generation, the short form of a
    /// full name with that suffix. (`George III` is a king's name, not a
    /// surname.)
    pub(super) fn suffixed_surname(&self) -> Option<&str> {
        (self.core.len() == 2 && lx::is_suffix(self.core[1]) && !lx::is_given_name(self.core[0]))
            .then(|| self.core[1].trim_end_matches('.'))
    }
    /// The word a short form is matched by: the name, or the surname of a
    /// particle surname.
    pub(super) fn short_form(&self) -> &str {
        if self.surname_only() {
            self.core[self.core.len() - 1]
        } else {
            self.core[0]
        }
    }
    pub(super) fn title_only(&self) -> bool {
        self.core.is_empty()
    }
    /// `duke of sussex`, lower case, for title-only forms with a territory.
    pub(super) fn territorial_key(&self) -> Option<String> {
        let t = self.titles.last()?;
        let terr = self.territory.as_ref()?;
        Some(format!("{} of {}", t, terr).to_lowercase())
    }
    pub(super) fn is_kin(&self) -> bool {
        self.kin & 1 != 0
    }
    pub(super) fn kin_gender(&self) -> Option<Gender> {
        match self.kin >> 1 {
            1 => Some(Gender::Male),
            2 => Some(Gender::Female),
            _ => None,
        }
    }
    pub(super) fn gender(&self) -> Option<Gender> {
        self.titles
            .iter()
            .find_map(|t| lx::title_gender(t))
            .or(self.kin_gender())
            .or_else(|| {
                self.core
                    .first()
                    .filter(|_| self.core.len() > 1)
                    .and_then(|f| lx::name_gender(f))
            })
    }
}

/// `Harold "Hal" Lanigan`: a one-word nickname in quotes between two
/// parts of a name.
fn is_quoted_nickname(gap: &str) -> bool {
    let Some(inner) = gap
        .strip_prefix(['"', '“', '‘', '\''])
        .and_then(|g| g.strip_suffix(['"', '”', '’', '\'']))
    else {
        return false;
    };
    !inner.is_empty()
        && inner.len() <= 16
        && inner.starts_with(char::is_uppercase)
        && inner
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '.')
}

/// Removes the nickname token of `Harold "Hal" Lanigan`, so that the name
/// runs across it.
fn drop_nicknames(tokens: &mut Vec<Token>, text: &str) {
    let mut k = 1;
    while k + 1 < tokens.len() {
        let (a, n, b) = (&tokens[k - 1], &tokens[k], &tokens[k + 1]);
        let gap = text[a.end..b.start].trim();
        if a.is_capitalised()
            && b.is_capitalised()
            && is_quoted_nickname(gap)
            && gap.contains(n.text)
        {
            tokens.remove(k);
        }
        k += 1;
    }
}

/// Byte ranges of work titles (`the memoir Finding Edmund`) in a block.
pub(super) fn work_spans(
    tokens: &[Token],
    quotes: &[(usize, usize)],
    text: &str,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !WORK_NOUNS.contains(&t.text) {
            continue;
        }
        let mut j = i + 1;
        // `the book, Finding Edmund,` or `the show Keeping Up with Clara`
        if j < tokens.len()
            && text[t.end..tokens[j].start]
                .trim()
                .trim_matches(',')
                .trim()
                .is_empty()
        {
            if !tokens[j].is_capitalised() {
                continue;
            }
            let start = tokens[j].start;
            let mut end = tokens[j].end;
            j += 1;
            while j < tokens.len() && text[tokens[j - 1].end..tokens[j].start].trim().is_empty() {
                let w = tokens[j].text;
                if tokens[j].is_capitalised() {
                    end = tokens[j].end;
                    j += 1;
                } else if TITLE_CONNECTORS.contains(&w)
                    && tokens.get(j + 1).is_some_and(|n| n.is_capitalised())
                {
                    j += 1;
                } else {
                    break;
                }
            }
            out.push((start, end));
        }
    }
    // `Albert and Mrs Lowe (1983)`: a title before the year in brackets, back
    // to a possessive or a lowercase word.
    for (i, t) in tokens.iter().enumerate() {
        let after = &text[t.end..];
        let year = after.strip_prefix(" (").is_some_and(|a| {
            let b = a.as_bytes();
            b.len() >= 5 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b')'
        });
        if !year || !t.is_capitalised() {
            continue;
        }
        let mut k = i;
        while k > 0 {
            let p = &tokens[k - 1];
            let gap = text[p.end..tokens[k].start].trim();
            let joins = p.is_capitalised() || TITLE_CONNECTORS.contains(&p.text);
            if !gap.is_empty()
                || !joins
                || p.is_possessive()
                || p.sentence_start && !p.is_capitalised()
            {
                break;
            }
            k -= 1;
            if tokens[k].sentence_start {
                break;
            }
        }
        while k < i && !tokens[k].is_capitalised() {
            k += 1;
        }
        out.push((tokens[k].start, t.end));
    }
    // Quoted titles: short quotes whose significant words are all capitalised.
    for &(s, e) in quotes {
        let inner = &text[s..e];
        let words: Vec<&str> = inner.split_whitespace().collect();
        if words.is_empty() || words.len() > 8 || inner.contains(['.', '!', '?', ',']) {
            continue;
        }
        let sig: Vec<&&str> = words
            .iter()
            .filter(|w| !TITLE_CONNECTORS.contains(&w.to_lowercase().as_str()))
            .collect();
        let all_caps = sig
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        let prev = text[..s]
            .trim_end()
            .trim_end_matches(['“', '"', '‘', '\''])
            .trim_end();
        let after_work = prev
            .rsplit(' ')
            .next()
            .is_some_and(|w| WORK_NOUNS.contains(&w));
        if all_caps && (sig.len() >= 2 || after_work) {
            out.push((s, e));
        }
    }
    out
}

/// Matches the title at the start of `words` (honorifics, offices, with
/// modifiers, and `Recovery Minister`-style offices ending in a head word);
/// returns the title strings and how many words they used.
pub(super) fn leading_titles(words: &[&str]) -> (Vec<String>, usize) {
    let mut titles = Vec::new();
    let mut k = 0;
    // `Dane Rasmus Holm`, `Swede Thomas Lindqvist`: a nationality before a
    // full name describes them, as a title does.
    if words.len() >= 3 && lx::is_demonym(words[0]) && words[1].starts_with(char::is_uppercase) {
        titles.push(words[0].to_string());
        k = 1;
    }
    'outer: while k < words.len() {
        // `Then-Mayor`, `Ex-President`
        if let Some((pre, post)) = words[k].split_once('-') {
            let pre_ok =
                lx::is_office_modifier(pre) || pre.eq_ignore_ascii_case("then") || pre == "Ex";
            if pre_ok && (lx::is_office_word(post) || lx::is_honorific(post)) {
                titles.push(post.to_string());
                k += 1;
                continue;
            }
        }
        for len in (1..=4).rev() {
            if k + len > words.len() {
                continue;
            }
            let phrase = words[k..k + len].join(" ");
            // `Dean Slater`: an office that is also a given name, before a
            // lone surname, opens the name (`Dean Ann Hall` keeps it).
            let given_office = len == 1
                && k == 0
                && words.len() == 2
                && lx::is_given_name(&phrase)
                && !lx::is_honorific(&phrase)
                && !lx::is_territorial(&phrase);
            if (lx::is_honorific(&phrase) || lx::is_office_word(&phrase)) && !given_office {
                titles.push(phrase);
                k += len;
                continue 'outer;
            }
        }
        if lx::is_office_modifier(words[k]) && k + 1 < words.len() {
            k += 1;
            continue;
        }
        break;
    }
    // `Recovery Minister Duncan Marsh-Whitley`, `Ruamoa Mayor Helen
    // Parata-Wills`, `Millbrook Police Chief Dana Mercer`: an office, with
    // what it is of before it, ahead of a name of two words or more.
    let office_end = (k..words.len().saturating_sub(1))
        .rev()
        .find(|&p| lx::is_office_head(words[p]))
        .or_else(|| {
            (k + 1..words.len().saturating_sub(2)).rev().find(|&p| {
                (p.saturating_sub(3).max(k)..=p)
                    .any(|q| lx::is_office_word(&words[q..=p].join(" ")))
            })
        });
    if let Some(p) = office_end {
        titles.push(words[k..=p].join(" "));
        k = p + 1;
        // An honorific may follow the office (`Minister Dr Jane Roe`).
        while k + 1 < words.len() && lx::is_honorific(words[k]) {
            titles.push(words[k].to_string());
            k += 1;
        }
    }
    if titles.is_empty() {
        return (titles, 0);
    }
    (titles, k)
}

/// `the prime minister`, `the chancellor` in lower case at `tokens[i]`
/// (`the`): where the office's words end and the office title-cased, when
/// it is a national or civic office one person holds (not `the judge`,
/// `the minister`), and no name follows it.
pub(super) fn lower_office(text: &str, tokens: &[Token], i: usize) -> Option<(usize, String)> {
    if !matches!(tokens[i].text, "the" | "The")
        || !tokens
            .get(i + 1)
            .is_some_and(|n| lx::opens_office_lower(n.text))
    {
        return None;
    }
    for len in (1..=3).rev() {
        let end = i + 1 + len;
        if end > tokens.len() {
            continue;
        }
        let words = &tokens[i + 1..end];
        let tight = words.iter().enumerate().all(|(k, w)| {
            w.text
                .chars()
                .all(|c| c.is_lowercase() || c == '’' || c == '\'')
                && (k == 0 || text[words[k - 1].end..w.start].trim().is_empty())
        }) && text[tokens[i].end..words[0].start].trim().is_empty();
        if !tight {
            continue;
        }
        let phrase = words.iter().map(|w| w.bare()).collect::<Vec<_>>().join(" ");
        let single = matches!(
            phrase.as_str(),
            "chancellor" | "president" | "premier" | "taoiseach" | "treasurer" | "mayor"
        );
        let titled = lx::title_case(&phrase);
        if (len >= 2 || single) && lx::is_office_word(&titled) {
            let name_follows = tokens.get(end).is_some_and(|n| {
                n.is_capitalised() && text[words[len - 1].end..n.start].trim().is_empty()
            });
            return (!name_follows).then_some((end, titled));
        }
    }
    None
}

/// Not a name: all capitals (`UP NEXT`, `AP`), or a contraction (`I’d`).
pub(super) fn namey(t: &Token) -> bool {
    if !t.is_capitalised() {
        return false;
    }
    let w = t.bare();
    // `DailyMail`, `PlayStation`: a capital inside a word after a run of
    // lower case is a brand (`McDonald`, `MacLeod`, `DiCaprio` are names).
    let inner_cap = w.char_indices().skip(1).any(|(p, ch)| {
        ch.is_uppercase()
            && p >= 4
            && w[..p].chars().skip(1).all(char::is_lowercase)
            && !w.starts_with("Mac")
            && !w.starts_with("Fitz")
    });
    if inner_cap {
        return false;
    }
    // `D-N.Y.`, `R-Ariz.`: a US party and state, not a name.
    if let [b'D' | b'R' | b'I', b'-', c, ..] = w.as_bytes()
        && c.is_ascii_uppercase()
    {
        return false;
    }
    let mut letters = w.chars().filter(|c| c.is_alphabetic());
    let all_caps = letters.clone().nth(1).is_some() && letters.all(char::is_uppercase);
    if all_caps && !w.contains('.') {
        return lx::is_office_word(w) || lx::is_suffix(w);
    }
    // `MPs`, `CEOs`: plural acronyms.
    if let Some(stem) = w.strip_suffix('s')
        && stem.len() >= 2
        && stem.chars().all(|c| c.is_ascii_uppercase())
    {
        return false;
    }
    if let Some((_, tail)) = w.split_once(['’', '\'']) {
        if matches!(tail, "d" | "ll" | "m" | "ve" | "re" | "t" | "s") {
            return false;
        }
    }
    true
}

/// Finds the person candidates of one block.
pub(super) fn candidates<'a>(
    block: usize,
    text: &'a str,
    quote_ranges: &[(usize, usize)],
    ev: &Evidence,
    out: &mut Vec<Cand<'a>>,
    org_named: &mut FastSet<String>,
) {
    let mut tokens = tokenize(text);
    drop_nicknames(&mut tokens, text);
    let works = work_spans(&tokens, quote_ranges, text);
    let in_work = |t: &Token| works.iter().any(|&(s, e)| t.start >= s && t.end <= e);
    let mut i = 0;
    // Where the last name-like run taken for a place ended: `in Brighton
    // and Hove`, `Carrick and Doon` list places with places.
    let mut place_end: Option<usize> = None;
    while i < tokens.len() {
        let t = tokens[i];
        if let Some((end, title)) = lower_office(text, &tokens, i) {
            // `the prime minister`, as the Guardian writes it: the office
            // alone, the person who holds it when the article says who.
            let (first, last) = (&tokens[i + 1], &tokens[end - 1]);
            out.push(Cand {
                block: block as u32,
                start: first.start as u32,
                end: (last.start + last.bare().len()) as u32,
                titles: vec![title].into(),
                core: Vec::new().into(),
                territory: None,
                core_start: first.start as u32,
                evidence: false,
                sentence_start: false,
                org_cue: false,
                age: false,
                who: false,
                born: false,
                soft_place: false,
                kin: 0,
            });
            i = end;
            continue;
        }
        if !namey(&t) || in_work(&t) {
            i += 1;
            continue;
        }
        // Grow the run.
        let mut j = i + 1;
        let mut amp = false;
        while j < tokens.len() && !tokens[j - 1].is_possessive() && !in_work(&tokens[j]) {
            let gap = &text[tokens[j - 1].end..tokens[j].start];
            let gap_t = gap.trim();
            if gap_t == "&" {
                amp = true;
            } else if !gap_t.is_empty() && !is_quoted_nickname(gap_t) {
                break;
            }
            let w = tokens[j].text;
            if namey(&tokens[j]) {
                j += 1;
            } else if lx::is_particle(w) || w == "of" {
                // `de la Cruz`, `van der Berg`, `Duke of Sussex`
                let mut m = j;
                while m < tokens.len() && (lx::is_particle(tokens[m].text) || (m == j && w == "of"))
                {
                    m += 1;
                }
                let joined = m < tokens.len()
                    && namey(&tokens[m])
                    && text[tokens[j - 1].end..tokens[m].start]
                        .chars()
                        .all(|c| c.is_alphabetic() || c == ' ');
                if !joined {
                    break;
                }
                j = m + 1;
            } else {
                break;
            }
        }
        let run = &tokens[i..j];
        i = j;
        if amp {
            continue;
        }
        let words: Vec<&str> = run.iter().map(|t| clean(t.bare())).collect();
        // The word right before the run, as written.
        let word_before = text[..run[0].start]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        // `Chester Vale (4-2-3-1) Kopecký; Nolan…`: a team's line-up.
        let formation = text[run[run.len() - 1].end..]
            .trim_start()
            .strip_prefix('(')
            .is_some_and(|a| {
                let b = a.as_bytes();
                // Three numbers or more (`4-2-3-1`); a pitcher's record
                // `(4-3)` is not a formation.
                b.len() >= 5
                    && b[0].is_ascii_digit()
                    && b[1] == b'-'
                    && b[2].is_ascii_digit()
                    && b[3] == b'-'
                    && b[4].is_ascii_digit()
            });
        if formation {
            org_named.insert(words.join(" "));
            continue;
        }
        // `for The Duchess of Malfi`: a capital `The` inside a sentence
        // opens the title of a work.
        if words[0] == "The" && !run[0].sentence_start && words.len() >= 2 {
            continue;
        }
        // `HMS Loch Fyne`, `the USS Nimitz`: a ship.
        if is_ship_prefix(word_before) || is_ship_prefix(words[0]) {
            continue;
        }
        // `George Watson’s College`, `St Mary’s Hospital`, `Lord’s Cricket
        // Ground`: a possessive naming a place or institution.
        if run[run.len() - 1].is_possessive() {
            let next = text[run[run.len() - 1].end..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches([',', '.', ';', ':']);
            if is_named_institution(next) {
                continue;
            }
        }
        // `who played Hedda`, `plays Martha Quayle`, `playing the dogged DCI
        // Tom Harker`, `wore Dior`: a part or a thing, not a person.
        if plays_part(&text[..run[0].start])
            || matches!(
                word_before,
                "read"
                    | "wore"
                    | "wearing"
                    | "wears"
                    | "donned"
                    | "reading"
                    | "reread"
                    | "voices"
                    | "voiced"
            )
        {
            continue;
        }
        // `Rima, her restaurant in Ancoats`: an apposition that says what
        // the name is.
        if !run[run.len() - 1].is_possessive() && apposes_thing(&text[run[run.len() - 1].end..]) {
            continue;
        }
        // `the former David Jones building`, `a Tōtara Creek T-shirt`: a
        // name used as a modifier of a thing.
        let thing_after = is_thing_nouns(words[words.len() - 1])
            || text[run[run.len() - 1].end..]
                .split_whitespace()
                .next()
                .is_some_and(|w| is_thing_nouns(w.trim_end_matches([',', '.', ';', ':'])));
        if thing_after && !run[run.len() - 1].is_possessive() {
            continue;
        }
        // `Martha Quayle Is Not Dead`: a capitalised verb or function word
        // inside the run makes it a title of a work, not a name.
        if words.len() >= 3
            && words[1..].iter().any(|w| {
                matches!(
                    *w,
                    "Is" | "Are" | "Was" | "Were" | "Not" | "And" | "With" | "My" | "Your" | "Our"
                )
            })
        {
            continue;
        }
        let joined = words.join(" ");
        let listed_with_place = place_end.is_some_and(|pe| {
            pe <= run[0].start && matches!(text[pe..run[0].start].trim(), "and" | "," | "or" | "&")
        }) && !lx::is_given_name(words[0]);
        if lx::is_place(&joined) || listed_with_place {
            place_end = Some(run[run.len() - 1].end);
            continue;
        }
        if lx::is_known_org(&joined) {
            continue;
        }
        // `Greater Bethel AME Church`: a run that an acronym or two joins
        // to an organisation word.
        let org_follows = text[run[run.len() - 1].end..]
            .split_whitespace()
            .take(3)
            .take_while(|w| w.starts_with(char::is_uppercase))
            .any(|w| lx::is_org_word(w.trim_end_matches([',', '.', ';', ':'])));
        if org_follows && !run[run.len() - 1].is_possessive() {
            continue;
        }
        // Drop openers, and a leading place or organisation used as an
        // adjective (`New Zealand Prime Minister …`, `Labour MP …`).
        let mut k = 0;
        while k < words.len() {
            let w = &words[k];
            if lx::is_honorific(w) || lx::is_office_word(w) {
                break;
            }
            // `Virginia Woolf`, `Georgia Mills`: a given name that is also a
            // place, before a surname, opens a name (`Georgia Governor …`
            // and `Georgia Tech` do not).
            let given_place = |n: usize| {
                n == 1
                    && lx::is_given_name(w)
                    && words.get(k + 1).is_some_and(|next| {
                        !lx::is_honorific(next)
                            && !lx::is_office_word(next)
                            && !lx::is_office_head(next)
                            && (lx::is_surname(next) || !lx::is_common_word(&next.to_lowercase()))
                    })
            };
            if let Some(n) = (2..=3).rev().chain(1..=1).find(|&n| {
                k + n < words.len() && !given_place(n) && {
                    let p = words[k..k + n].join(" ");
                    lx::is_place(&p) || lx::is_known_org(&p)
                }
            }) {
                k += n;
                continue;
            }
            let common = lx::is_common_word(w) || ev.lower.contains(&w.to_lowercase());
            // `Home Secretary Priya Lal`: a word that starts an office stays.
            let starts_office = (2..=4)
                .any(|n| k + n <= words.len() && lx::is_office_word(&words[k..k + n].join(" ")))
                || words.get(k + 1).is_some_and(|n| lx::is_office_head(n));
            // `Co-author Dr Wiremu Tapsell`: a name never precedes an honorific.
            let before_honorific =
                words.get(k + 1).is_some_and(|n| lx::is_honorific(n)) && !lx::is_given_name(w);
            // `Bassist Lou Haverty`: a role opening the sentence.
            let role_opener = run[k].sentence_start
                && k + 2 < words.len()
                && lx::is_role_noun(&w.to_lowercase())
                && !lx::is_given_name(w);
            let opener = role_opener
                || before_honorific
                || run[k].sentence_start
                    && k + 1 < words.len()
                    && common
                    && !lx::is_given_name(w)
                    && !starts_office;
            // `captain Will Ashby`: a modal or month that is also a given
            // name, inside a sentence and before another name, is a name.
            let given_not_name = lx::is_not_name(w)
                && lx::is_given_name(w)
                && !run[k].sentence_start
                && k + 1 < words.len()
                && !lx::is_common_word(&words[k + 1].to_lowercase());
            if (lx::is_not_name(w) && !given_not_name) || *w == "of" || lx::is_particle(w) || opener
            {
                k += 1;
            } else {
                break;
            }
        }
        if k == words.len() {
            continue;
        }
        let first_sentence_start = run[k].sentence_start;
        let words = &words[k..];
        let run = &run[k..];
        let (titles, nt) = leading_titles(words);
        let mut core: Vec<&str> = words[nt..].to_vec();
        let mut territory = None;
        if let Some(p) = core.iter().position(|w| *w == "of") {
            territory = Some(core[p + 1..].join(" "));
            core.truncate(p);
            if titles.is_empty() && core.is_empty() {
                continue;
            }
        }
        if territory.is_some()
            && titles.last().is_none_or(|t| !lx::is_territorial(t))
            && core.is_empty()
        {
            continue;
        }
        if titles.is_empty() && core.is_empty() {
            continue;
        }
        // `King Edward Park`, `Queen Adelaide Hall`, `Prince Albert Road`: a
        // royal has no surname, so a place word after the name is a place.
        if titles
            .last()
            .is_some_and(|t| matches!(t.as_str(), "King" | "Queen" | "Prince" | "Princess"))
            && core.len() == 2
            && matches!(
                core[1],
                "Park"
                    | "Hall"
                    | "Street"
                    | "Road"
                    | "Bridge"
                    | "Square"
                    | "Gardens"
                    | "Avenue"
                    | "Hospital"
                    | "Dock"
                    | "Docks"
                    | "Terrace"
                    | "Place"
                    | "Memorial"
                    | "Stadium"
                    | "Theatre"
                    | "Building"
                    | "House"
                    | "Barracks"
                    | "Pier"
                    | "Reserve"
                    | "Oval"
                    | "Island"
                    | "Sound"
                    | "Land"
                    | "Falls"
            )
        {
            continue;
        }
        // `Roosevelt High`, `Lincoln Elementary`: a school.
        if titles.is_empty()
            && core.len() >= 2
            && matches!(core[core.len() - 1], "High" | "Elementary" | "Intermediate")
        {
            continue;
        }
        // Organisations, places, teams and things.
        let untitled = titles.is_empty();
        let given_first = core.first().is_some_and(|f| lx::is_given_name(f));
        // `Housing Bill` is a thing, `Bill Anstey` a man: a given name
        // opening a longer name is not an organisation word.
        // `Gov. Linda Park`, `Linda Park said`, `Ann Hall, 52,`: a surname
        // that is also a place or firm word, after a given name, with a
        // title before or a person's cue after.
        // (Computed only for a two-word name closing on a surname.)
        let personal_cue = || {
            !untitled || {
                let after = text[run[run.len() - 1].end..].trim_start();
                let next = after.split_whitespace().next().unwrap_or("");
                lx::is_speech_verb(next.trim_end_matches([',', '.', ':', ';']))
                    || lx::is_speech_verb(word_before)
                    // `captain Ryan Castle`, `keeper Tom Hill`
                    || (word_before.starts_with(char::is_lowercase)
                        && lx::is_role_noun(word_before))
                    // `Ruth Lane, a film producer,`
                    || after.strip_prefix(',').is_some_and(|a| {
                        let mut ws = a.split_whitespace();
                        ws.next().is_some_and(|d| matches!(d, "a" | "an" | "the"))
                            && ws.take(3).any(|w| {
                                lx::is_role_noun(w.trim_end_matches([',', '.', ';', ':']))
                            })
                    })
                    || after
                        .strip_prefix(',')
                        .is_some_and(|a| a.trim_start().starts_with(|c: char| c.is_ascii_digit()))
            }
        };
        let surname_at = |n: usize, w: &str| {
            core.len() == 2 && n == 1 && given_first && lx::is_surname(w) && personal_cue()
        };
        let thingy = core.iter().enumerate().any(|(n, w)| {
            let given_opening = n == 0 && core.len() >= 2 && lx::is_given_name(w);
            lx::is_org_word(w) && !lx::is_suffix(w) && !given_opening && !surname_at(n, w)
        }) || lx::is_known_org(&core.join(" "))
            || (core.len() == 1 && lx::is_place(core[0]) && untitled)
            || (!core.is_empty()
                && core.iter().all(|w| lx::is_not_name(w))
                // `Mrs May said`: a title makes a surname of it.
                && (untitled || !core.iter().all(|w| lx::is_surname(w) || lx::is_given_name(w))))
            || (untitled
                && core.len() >= 2
                && lx::is_place(core[0])
                && !(given_first && !lx::is_org_word(core[1]) && lx::is_surname(core[1])))
            || (untitled
                && !given_first
                && core.len() >= 2
                && core.last().is_some_and(|l| ev.after_the.contains(*l)));
        // `Hibbert said:` where `the Hibbert` (the ground) is also written:
        // kept as a possible surname of someone named in full, founding no
        // person of its own.
        let after_the_word = untitled && core.len() == 1 && ev.after_the.contains(core[0]);
        let demonym = untitled
            && core.len() >= 2
            && !given_first
            && core
                .last()
                .is_some_and(|l| (l.ends_with("ers") || l.ends_with("ans")) && !lx::is_surname(l));
        let te_place = untitled
            && core.len() >= 2
            && core[0] == "Te"
            && !given_first
            && !(core.len() >= 3 && personal_cue());
        // `Te Hīko says`: `Te X` may be a surname of someone named in full
        // (`Shane Te Hīko`); kept, founding no person (`Te Puke` stays a town).
        let te_soft = te_place && core.len() == 2;
        let te_place = te_place && !te_soft;
        // `Ngāti Kōtare`, `Ngāi Tahu`: an iwi, not a person.
        let iwi = matches!(core.first(), Some(&("Ngāti" | "Ngati" | "Ngāi" | "Ngai")));
        // `Oak Hill`, `Greenwich Village`, `Rame Head`: a place word closing
        // a name that no given name opens.
        let place_named = untitled
            && core.len() >= 2
            && !given_first
            && core.last().is_some_and(|l| is_place_heads(l));
        if place_named {
            place_end = Some(run[run.len() - 1].end);
            continue;
        }
        // `Breathe Together`, `Finding Margot`: programmes and works named
        // with ordinary words or led by a gerund.
        let common_only = untitled
            && core
                .iter()
                .all(|w| lx::is_common_word(w) && !lx::is_given_name(w) && !lx::is_surname(w));
        let gerund =
            untitled && core.len() >= 2 && core[0].ends_with("ing") && lx::is_common_word(core[0]);
        // `Parks Victoria`, `Sport England`: an agency, a plural or common
        // noun before a place.
        let agency = untitled
            && core.len() == 2
            && lx::is_place(core[1])
            && !lx::is_given_name(core[0])
            && lx::is_common_word(&core[0].to_lowercase());
        // `the former Conservative Welsh secretary`, `a Tory MP`: a party or
        // nation qualifying an office.
        let office_after = || {
            text[run[run.len() - 1].end..]
                .split_whitespace()
                .next()
                .is_some_and(|w| {
                    let w = w.trim_end_matches([',', '.', ';', ':']);
                    w.starts_with(char::is_lowercase)
                        && (lx::is_role_noun(w) || lx::is_office_word(&lx::title_case(w)))
                })
        };
        let qualifier = untitled
            && !given_first
            && matches!(
                word_before,
                "the" | "The" | "former" | "a" | "an" | "A" | "An"
            )
            && office_after();
        if agency || qualifier {
            continue;
        }
        // `Marchetti Carousel Restoration`: a long run closing on an
        // ordinary word that is nobody's surname.
        let trade_name = untitled
            && core.len() >= 3
            && core.last().is_some_and(|l| {
                lx::is_common_word(&l.to_lowercase()) && !lx::is_surname(l) && !lx::is_suffix(l)
            });
        // `Pueblo West`, `Auckland Central`, `Scottsdale`, `Knoxville`.
        let compass = untitled
            && core.len() >= 2
            && !given_first
            && core.last().is_some_and(|l| {
                matches!(
                    *l,
                    "North" | "South" | "East" | "West" | "Central" | "Upper" | "Lower"
                )
            });
        let town = untitled
            && core.len() == 1
            && !lx::is_given_name(core[0])
            && ["ville", "burg", "borough", "boro", "dale", "polis"]
                .iter()
                .any(|x| core[0].len() > x.len() + 2 && core[0].ends_with(x));
        if thingy && untitled && core.len() >= 2 {
            if let Some(p) = core
                .iter()
                .position(|w| lx::is_org_word(w))
                .filter(|&p| p >= 1 && !is_named_for(core[p]))
            {
                org_named.insert(core[..p].join(" "));
            }
        }
        // `Stourport-on-Severn`, `Chester-le-Street`, `Weston-super-Mare`.
        let hyphen_place = core.iter().any(|w| {
            [
                "-on-", "-upon-", "-le-", "-under-", "-super-", "-by-the-", "-in-",
            ]
            .iter()
            .any(|x| w.contains(x))
        });
        if compass || town || hyphen_place {
            place_end = Some(run[run.len() - 1].end);
            continue;
        }
        if (thingy || demonym || te_place || common_only || gerund || iwi || trade_name)
            && !core.is_empty()
        {
            if thingy && untitled && core.iter().any(|w| lx::is_place(w)) || te_place {
                place_end = Some(run[run.len() - 1].end);
            }
            continue;
        }
        // `Abbott R-40`, `T20 Blast`, `X-rays`: codes and things.
        let coded = core.iter().any(|w| {
            w.chars().any(|c| c.is_ascii_digit())
                || (w.len() > 2
                    && w.as_bytes()[1] == b'-'
                    && w[2..].starts_with(char::is_lowercase))
        });
        // `Johnny Came Home Early`: a title made of ordinary words.
        let plain_words = core
            .iter()
            .skip(1)
            .filter(|w| {
                w.starts_with(char::is_uppercase)
                    && lx::is_common_word(&w.to_lowercase())
                    && !lx::is_given_name(w)
                    && !lx::is_surname(w)
            })
            .count();
        if coded || (untitled && core.len() >= 3 && plain_words >= 2) {
            continue;
        }
        // `Grade II`, `Key Stage III`: a grade, not a king.
        let numbered = untitled
            && core.len() >= 2
            && is_roman_numeral(core[core.len() - 1])
            && !lx::is_given_name(core[0])
            && lx::is_common_word(&core[0].to_lowercase());
        // `Reeves, of Balby,`, `Ann Hall, 52, of Mesa`: where someone is from.
        let of_place = untitled && word_before == "of" && {
            let b = text[..run[0].start].trim_end();
            let b = b[..b.len() - 2].trim_end();
            b.ends_with(',')
        };
        if numbered || of_place {
            place_end = Some(run[run.len() - 1].end);
            continue;
        }
        // `Dame Companion of …`: a title before a common word is no name.
        if core.len() == 1
            && !untitled
            && lx::is_common_word(core[0])
            && !lx::is_surname(core[0])
            && !lx::is_given_name(core[0])
        {
            continue;
        }
        let before = text[..run[0].start].trim_end();
        let the_before = before.ends_with(" the")
            || before == "the"
            || before.ends_with(" The")
            || before == "The";
        if the_before && untitled {
            continue;
        }
        let mut prev_words = before
            .rsplit(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty());
        let prev_word = prev_words.next().unwrap_or("");
        let prev_word2 = prev_words.next().unwrap_or("");
        // Places after a locative preposition (`in nearby Manteo`); bylines
        // in a sign-off. `in` takes no person even with a given name
        // (`in Santa Fe`, `in Nova Scotia`), unless possessive.
        let (loc, loc2) = if is_place_adjectives(prev_word) {
            (prev_word2, "")
        } else {
            (prev_word, prev_word2)
        };
        let possessive = run[run.len() - 1].is_possessive();
        // A lone word there (`a late tackle on Mas`) may still be someone
        // named in full elsewhere: kept, but it founds no person itself.
        let mut soft_place = after_the_word || te_soft;
        if untitled && (LOCATIVE.contains(&loc) && !given_first || loc == "in" && !possessive) {
            place_end = Some(run[run.len() - 1].end);
            if core.len() != 1 {
                continue;
            }
            soft_place = true;
        }
        // `a Las Vegas lounge manager`, `a Greenwich Village club`: a name
        // used as a modifier after `a` is a place or a firm.
        let modifier = matches!(prev_word, "a" | "an" | "A" | "An")
            && text[run[run.len() - 1].end..]
                .trim_start()
                .starts_with(|c: char| c.is_lowercase())
            && !possessive;
        let modifier = untitled && modifier;
        if prev_word == "for" && matches!(loc2, "MP" | "Member" | "member") {
            place_end = Some(run[run.len() - 1].end);
            continue;
        }
        if prev_word == "by"
            && matches!(
                prev_word2.trim_start_matches('('),
                "Reporting" | "reporting" | "Editing" | "editing" | "Writing" | "writing"
            )
        {
            continue;
        }
        let end = run.last().map_or(run[0].end, |t| t.start + t.bare().len());
        let after = &text[end..];
        // `Craigie Dunn senior economist Mei Lin Foster`: an employer.
        if untitled {
            let mut rest = after
                .trim_start_matches(['’', '\'', 's'])
                .split_whitespace();
            let (r1, r2, r3) = (
                rest.next().unwrap_or(""),
                rest.next().unwrap_or(""),
                rest.next().unwrap_or(""),
            );
            let role = (lx::is_role_noun(r1) && r2.starts_with(char::is_uppercase))
                || (lx::is_role_noun(r1)
                    && lx::is_role_noun(r2)
                    && r3.starts_with(char::is_uppercase));
            if role {
                continue;
            }
        }
        let after_t = after.trim_start_matches(['’', '\'', 's']).trim_start();
        let prev_clean = prev_word.trim_end_matches(',');
        let next_word = after
            .trim_start_matches([',', ' '])
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let age = after_t
            .strip_prefix(',')
            .is_some_and(|a| a.trim_start().starts_with(|c: char| c.is_ascii_digit()));
        let label = before.is_empty() && after.starts_with(':');
        // `his grandfather, Ted,`, `My son Joaquín`, `whose husband Geoff`:
        // a given name introduced as someone's relative is a person.
        let kin_named = core.len() == 1
            && titles.is_empty()
            && (lx::is_given_name(core[0]) || !lx::is_common_word(&core[0].to_lowercase()))
            && kin_noun_before(before)
            // (`her sister, Jean, played by …`, `Harry (Owen Trethewey)`: a
            // character and the actor who plays them.)
            && !after.starts_with(" (")
            && !after.starts_with(", played by");
        let evidence = lx::is_speech_verb(next_word)
            || lx::is_speech_verb(prev_clean)
            || age
            || label
            || kin_named;
        // Cues that the name is a firm's: `publisher Harland Briggs`,
        // `the label Aurelie Voss`, `Ashby Lowe's chief executive`.
        let possessed = after
            .strip_prefix("’s ")
            .or_else(|| after.strip_prefix("'s "))
            .map(|a| a.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        // `an analyst at X`, `chief executive of X`, `shares of X`: a
        // workplace or a listed company, not a person.
        let workplace = matches!(prev_clean, "at" | "of" | "in")
            && is_org_members(prev_word2.trim_end_matches(',').to_lowercase().as_str())
            // `worked at Harris Scarfe`, `a job at X`, `shopping at X`.
            || prev_clean == "at"
                && matches!(
                    prev_word2,
                    "worked" | "works" | "working" | "work" | "job" | "jobs" | "shift"
                        | "shifts" | "employed" | "shopping" | "shopped" | "interned"
                );
        // `A Keller Sachs spokeswoman`, `X shareholders`, `X fell 3%`.
        let mut next_words = after.split_whitespace();
        let (n1, n2) = (
            next_words.next().unwrap_or(""),
            next_words.next().unwrap_or(""),
        );
        let attributive = !after.starts_with(['’', '\'', ',', '.'])
            && is_attributive_org(n1.trim_end_matches([',', '.']));
        let price_move = is_price_verbs(n1)
            && n2.starts_with(|c: char| c.is_ascii_digit() || c == '$' || c == '£' || c == '€');
        // (`the fund founded by Conrad Hartwell, which …`: the clause is
        // the fund's, not the founder's.)
        let which = (after.starts_with(", which") || after.starts_with(", in which"))
            && !matches!(prev_clean, "by" | "of" | "from" | "with");
        // `Hartwell, a former Goldman Sachs banker,`: described as a person.
        let appos_role = after
            .strip_prefix(", ")
            .filter(|a| a.starts_with("a ") || a.starts_with("an ") || a.starts_with("the "))
            .is_some_and(|a| {
                a.split([',', '.', ';'])
                    .next()
                    .unwrap_or("")
                    .split_whitespace()
                    .take(6)
                    .any(|w| {
                        lx::is_role_noun(w)
                            && !matches!(
                                w,
                                "head"
                                    | "senior"
                                    | "junior"
                                    | "former"
                                    | "acting"
                                    | "interim"
                                    | "deputy"
                            )
                    })
            });
        // (`who` marks a person unless a cue has already made a firm of it.)
        let who = after.starts_with(", who") || appos_role;
        let org_cue = ORG_NOUNS.contains(&prev_clean.to_lowercase().as_str())
            || POSSESSED_BY_ORGS.iter().any(|p| possessed.starts_with(p))
            || workplace
            || attributive
            || price_move
            || which
            || modifier;
        let core_start = if core.is_empty() {
            run[0].start
        } else {
            run[nt.min(run.len() - 1)].start
        };
        let kin = !titles.is_empty() && core.len() == 1 && kin_before(before);
        out.push(Cand {
            block: block as u32,
            start: run[0].start as u32,
            end: end as u32,
            titles: titles.into(),
            core: core.into(),
            territory: territory.map(Box::new),
            core_start: core_start as u32,
            evidence,
            org_cue,
            age,
            who,
            soft_place,
            kin: u8::from(kin)
                | match kin_gender_before(before) {
                    Some(Gender::Male) => 2,
                    Some(Gender::Female) => 4,
                    None => 0,
                },
            born: matches!(
                prev_word.trim_start_matches('(').to_lowercase().as_str(),
                "born" | "née" | "nee"
            ),
            sentence_start: first_sentence_start,
        });
    }
}

/// Whole-article evidence: words seen in lower case, and capitalised words
/// seen right after `the` (teams and institutions: `the Ravens`).
pub(super) struct Evidence {
    pub(super) lower: FastSet<String>,
    pub(super) after_the: FastSet<String>,
}

pub(super) fn evidence(article: &Article) -> Evidence {
    let mut lower = FastSet::default();
    let mut after_the = FastSet::default();
    // `the Tūhiwai whānau`, `the Smith family`, `the Dunmore brothers`: a
    // surname used of a family is no evidence of a team or institution.
    let family_after = |tokens: &[Token], i: usize| {
        tokens.get(i + 1).is_some_and(|n| {
            matches!(
                n.text,
                "family"
                    | "family’s"
                    | "family's"
                    | "families"
                    | "whānau"
                    | "whanau"
                    | "household"
                    | "couple"
                    | "brothers"
                    | "sisters"
                    | "twins"
                    | "siblings"
                    | "children"
                    | "boys"
                    | "girls"
                    | "clan"
                    | "case"
                    | "trial"
                    | "inquest"
                    | "murder"
                    | "killing"
                    | "era"
                    | "years"
            )
        })
    };
    for b in &article.blocks {
        let tokens = tokenize(&b.text);
        for (i, t) in tokens.iter().enumerate() {
            if family_after(&tokens, i) && !t.text.starts_with(char::is_lowercase) {
                continue;
            }
            if t.text.chars().next().is_some_and(char::is_lowercase) {
                if !lower.contains(t.text) {
                    lower.insert(t.text.to_string());
                }
            } else if i > 0
                && tokens[i - 1].text == "the"
                && !lx::is_honorific(t.bare())
                && !lx::is_office_word(t.bare())
            {
                // Only the last word of a `the X Y` run counts.
                let next_cap = tokens.get(i + 1).is_some_and(|n| {
                    n.is_capitalised() && b.text[t.end..n.start].trim().is_empty()
                });
                if !next_cap && !after_the.contains(t.bare()) {
                    after_the.insert(t.bare().to_string());
                }
            } else if i > 1
                && tokens[i - 2].text == "the"
                && tokens[i - 1].is_capitalised()
                && b.text[tokens[i - 1].end..t.start].trim().is_empty()
                && !lx::is_honorific(tokens[i - 1].bare())
                && !lx::is_office_word(tokens[i - 1].bare())
            {
                let next_cap = tokens.get(i + 1).is_some_and(|n| {
                    n.is_capitalised() && b.text[t.end..n.start].trim().is_empty()
                });
                if !next_cap && !after_the.contains(t.bare()) {
                    after_the.insert(t.bare().to_string());
                }
            }
        }
    }
    Evidence { lower, after_the }
}

#[cfg(test)]
mod size {
    /// A 10 MB article has 100,000s of candidates alive at once: a new
    /// field that grows them shows in the reader's peak memory.
    #[test]
    fn a_candidate_stays_80_bytes() {
        assert!(std::mem::size_of::<super::Cand>() <= 80);
    }
}
