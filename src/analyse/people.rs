//! People: name candidates from capitalised word runs, told apart from
//! organisations, places, works and sentence openers, then merged into one
//! cluster per person (full name, surname, first name, title forms, and
//! titles tied by apposition).

use std::collections::{HashMap, HashSet};

use super::QuoteRanges;
use super::lexicon::{self as lx, FastSet, Gender};
use super::tokens::{Token, tokenize};
use crate::article::{Article, Mention, Person, Span};

/// A capitalised run that may name a person.
#[derive(Debug, Clone)]
struct Cand<'a> {
    /// Block and byte offsets as `u32` (see `block()`, `start()`, `end()`):
    /// a 10 MB article has 130,000 candidates, all alive at once.
    block: u32,
    start: u32,
    end: u32,
    /// Title words before the name (`Mayor`, `Prime Minister`, `Duke`);
    /// most candidates have none, and then no allocation.
    titles: Titles,
    /// The name itself, without titles or possessive (words of the
    /// article's text, not copies: a 10 MB article has 100,000s of these;
    /// up to two words inline).
    core: Core<'a>,
    /// `of Sussex` after a territorial title (rare: a thin box, 8 bytes).
    #[allow(clippy::box_collection)]
    territory: Option<Box<String>>,
    /// Where the name proper starts (after titles).
    core_start: u32,
    /// Speech verb next to it, an age after it, or a `Name:` label.
    evidence: bool,
    /// First word of a sentence with nothing else to go on.
    sentence_start: bool,
    /// Named as a firm (`publisher X`, `X’s chief executive`).
    org_cue: bool,
    /// Followed by an age (`X, 45,`): a person.
    age: bool,
    /// Followed by `, who`: a person.
    who: bool,
    /// After `born` or `née`: a birth name.
    born: bool,
    /// A lone word after `at`, `in`, `on`…: a place unless someone named
    /// in full has it as a surname.
    soft_place: bool,
    /// `her mother, Mrs Quinn`: a relative introduced by kinship, not the
    /// person whose surname they share.
    kin: bool,
}

/// Title words, read as a slice; none (the usual case) is a null pointer.
#[derive(Debug, Clone)]
struct Titles(Option<Box<Box<[String]>>>);

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
enum Core<'a> {
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
    fn block(&self) -> usize {
        self.block as usize
    }
    fn start(&self) -> usize {
        self.start as usize
    }
    fn end(&self) -> usize {
        self.end as usize
    }
    fn core_start(&self) -> usize {
        self.core_start as usize
    }

    /// `Te Maiharoa`, `Van der Berg`, `De la Cruz`: a surname with a
    /// capitalised particle, not a given name and a surname.
    fn surname_only(&self) -> bool {
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
    /// The word a short form is matched by: the name, or the surname of a
    /// particle surname.
    fn short_form(&self) -> &str {
        if self.surname_only() {
            self.core[self.core.len() - 1]
        } else {
            self.core[0]
        }
    }
    fn title_only(&self) -> bool {
        self.core.is_empty()
    }
    /// `duke of sussex`, lower case, for title-only forms with a territory.
    fn territorial_key(&self) -> Option<String> {
        let t = self.titles.last()?;
        let terr = self.territory.as_ref()?;
        Some(format!("{} of {}", t, terr).to_lowercase())
    }
    fn gender(&self) -> Option<Gender> {
        self.titles
            .iter()
            .find_map(|t| lx::title_gender(t))
            .or_else(|| {
                self.core
                    .first()
                    .filter(|_| self.core.len() > 1)
                    .and_then(|f| lx::name_gender(f))
            })
    }
}

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

fn clean(w: &str) -> &str {
    w.trim_end_matches('.')
}

fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next()), (Some(a), Some('.')) if a.is_uppercase())
}

const WORK_NOUNS: &[&str] = &[
    "book",
    "memoir",
    "memoirs",
    "novel",
    "biography",
    "autobiography",
    "film",
    "movie",
    "documentary",
    "series",
    "show",
    "programme",
    "program",
    "podcast",
    "album",
    "song",
    "play",
    "musical",
    "sitcom",
    "drama",
    "titled",
    "entitled",
    "column",
    "exhibition",
    "opera",
    "poem",
    "single",
    "EP",
    "bestseller",
    "thriller",
    "comedy",
    "docuseries",
    "miniseries",
];
const TITLE_CONNECTORS: &[&str] = &[
    "with", "to", "of", "the", "and", "a", "an", "in", "on", "for", "from", "at", "up", "&",
];

/// Byte ranges of work titles (`the memoir Finding Edmund`) in a block.
fn work_spans(tokens: &[Token], quotes: &[(usize, usize)], text: &str) -> Vec<(usize, usize)> {
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
fn leading_titles(words: &[&str]) -> (Vec<String>, usize) {
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
            if lx::is_honorific(&phrase) || lx::is_office_word(&phrase) {
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
fn lower_office(text: &str, tokens: &[Token], i: usize) -> Option<(usize, String)> {
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
fn namey(t: &Token) -> bool {
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

/// Nouns that put a firm's name after them (`publisher Harland Briggs`).
const ORG_NOUNS: &[&str] = &[
    "publisher",
    "firm",
    "company",
    "bank",
    "label",
    "brand",
    "retailer",
    "insurer",
    "lender",
    "broker",
    "consultancy",
    "agency",
    "chain",
    "startup",
    "start-up",
    "airline",
    "studio",
    "developer",
    "manufacturer",
    "supplier",
    "carmaker",
    "automaker",
    "conglomerate",
    "group",
    "operator",
    "utility",
    "distributor",
    "outfitter",
    "boutique",
    "house",
    "imprint",
    "practice",
    "partnership",
    "lab",
    "laboratory",
    "network",
    "broadcaster",
    "newspaper",
    "magazine",
];

/// Who works at or for a firm (`an analyst at X`, `chief executive of X`),
/// and what a listed firm has (`shares of X`).
fn is_org_members(w: &str) -> bool {
    matches!(
        w,
        "analyst"
            | "analysts"
            | "economist"
            | "economists"
            | "strategist"
            | "strategists"
            | "partner"
            | "partners"
            | "executive"
            | "executives"
            | "director"
            | "directors"
            | "chairman"
            | "chairwoman"
            | "founder"
            | "co-founder"
            | "employee"
            | "employees"
            | "banker"
            | "bankers"
            | "trader"
            | "traders"
            | "researcher"
            | "researchers"
            | "engineer"
            | "engineers"
            | "shares"
            | "stake"
            | "shareholders"
            | "shareholder"
            | "subsidiary"
            | "unit"
            | "division"
    )
}

/// Nouns after a name used as a modifier that only a firm takes
/// (`A Keller Sachs spokeswoman`, `Pemberton Grant shareholders`).
fn is_attributive_org(w: &str) -> bool {
    matches!(
        w,
        "spokeswoman"
            | "spokesman"
            | "spokesperson"
            | "shareholders"
            | "shares"
            | "stock"
            | "analysts"
            | "analyst"
            | "economists"
            | "economist"
            | "strategist"
            | "strategists"
            | "executives"
            | "bankers"
            | "employees"
            | "staff"
            | "workers"
            | "customers"
            | "clients"
            | "subsidiary"
            | "stores"
            | "branch"
            | "branches"
            | "headquarters"
            | "brand"
            | "products"
    )
}

/// Price moves (`X fell 3.2%`, `X jumped 27 per cent`).
fn is_price_verbs(w: &str) -> bool {
    matches!(
        w,
        "rose"
            | "fell"
            | "jumped"
            | "slipped"
            | "climbed"
            | "gained"
            | "dropped"
            | "plunged"
            | "soared"
            | "tumbled"
            | "slid"
            | "surged"
            | "sank"
            | "rallied"
            | "shed"
            | "added"
            | "lost"
    )
}

/// What only a firm has (`Ashby Lowe’s chief executive`, `X’s shares`).
const POSSESSED_BY_ORGS: &[&str] = &[
    "chief executive",
    "chief financial",
    "chief operating",
    "ceo",
    "board",
    "shares",
    "shareholders",
    "staff",
    "employees",
    "workforce",
    "customers",
    "clients",
    "revenue",
    "profit",
    "profits",
    "earnings",
    "headquarters",
    "network",
    "website",
    "stores",
    "offices",
    "subsidiary",
    "parent",
    "brand",
    "products",
    "stock",
    "share price",
    "executives",
    "management",
    "chairman",
    "chairwoman",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "founder",
    "co-founder",
    "managing director",
    "annual",
    "quarterly",
    "balance sheet",
];

/// `Neighbors said`, `Officials warned`: a plural of an ordinary noun
/// opening a sentence is a group, even where the census has it as a surname.
fn plural_of_common(w: &str) -> bool {
    let lower = w.to_lowercase();
    (lx::is_common_word(&lower) || lower.ends_with("ists") || lower.ends_with("ers"))
        && [lower.strip_suffix("es"), lower.strip_suffix('s')]
            .into_iter()
            .flatten()
            .any(|stem| stem.len() >= 3 && (lx::is_common_word(stem) || lx::is_role_noun(stem)))
}

/// Text before a name ending `her mother,` / `his father, the late`.
fn kin_before(before: &str) -> bool {
    let Some(rest) = before.trim_end().strip_suffix(',') else {
        return false;
    };
    let mut words = rest.split_whitespace().rev();
    let (Some(kin), Some(owner)) = (words.next(), words.next()) else {
        return false;
    };
    matches!(owner, "her" | "his" | "their" | "Her" | "His" | "Their")
        && matches!(
            kin,
            "mother"
                | "father"
                | "mum"
                | "dad"
                | "wife"
                | "husband"
                | "son"
                | "daughter"
                | "brother"
                | "sister"
                | "grandmother"
                | "grandfather"
                | "aunt"
                | "uncle"
                | "widow"
                | "widower"
                | "mother-in-law"
                | "father-in-law"
        )
}

/// Places and institutions named for someone with a possessive
/// (`George Watson’s College`).
fn is_named_institution(w: &str) -> bool {
    matches!(
        w,
        "College"
            | "School"
            | "Academy"
            | "Hospital"
            | "Infirmary"
            | "Hospice"
            | "Church"
            | "Cathedral"
            | "Chapel"
            | "Abbey"
            | "Park"
            | "Street"
            | "Road"
            | "Lane"
            | "Square"
            | "Bridge"
            | "Wharf"
            | "Quay"
            | "Gardens"
            | "Green"
            | "Island"
            | "Bay"
            | "Point"
            | "Inn"
            | "Arms"
            | "Tavern"
            | "Cross"
            | "Wood"
            | "Field"
            | "Hill"
            | "Court"
            | "Yard"
            | "Theatre"
            | "Hall"
            | "Cricket"
            | "Stadium"
            | "Ground"
    )
}

/// Lower-case things a name can qualify (`the David Jones building`).
fn is_thing_nouns(w: &str) -> bool {
    matches!(
        w,
        "building"
            | "buildings"
            | "store"
            | "stores"
            | "shop"
            | "shops"
            | "site"
            | "hotel"
            | "restaurant"
            | "factory"
            | "plant"
            | "mall"
            | "T-shirt"
            | "t-shirt"
            | "shirt"
            | "shirts"
            | "jersey"
            | "jerseys"
            | "brand"
            | "label"
            | "chain"
            | "franchise"
            | "estate"
            | "stand"
            | "bypass"
            | "motorway"
            | "interchange"
            | "tunnel"
            | "line"
            | "branch"
            | "outlet"
            | "dealership"
            | "warehouse"
            | "campus"
    )
}

/// Words that close a place's name (`Oak Hill`, `Rame Head`).
fn is_place_heads(w: &str) -> bool {
    matches!(
        w,
        "Village"
            | "Valley"
            | "Heights"
            | "Springs"
            | "Falls"
            | "Creek"
            | "Bay"
            | "Point"
            | "Head"
            | "Hill"
            | "Hills"
            | "Harbour"
            | "Harbor"
            | "Beach"
            | "Island"
            | "Islands"
            | "Lake"
            | "River"
            | "Grove"
            | "Gardens"
            | "Downs"
            | "Vale"
            | "Woods"
            | "Canyon"
            | "Peninsula"
            | "Sound"
            | "Estuary"
            | "Cove"
    )
}

/// Adjectives between a locative preposition and a place (`in nearby X`).
fn is_place_adjectives(w: &str) -> bool {
    matches!(
        w,
        "nearby"
            | "neighbouring"
            | "neighboring"
            | "rural"
            | "central"
            | "downtown"
            | "suburban"
            | "coastal"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "inner-city"
            | "remote"
    )
}

const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "throughout",
    "via",
    "on",
    "into",
    "towards",
    "toward",
];

/// Finds the person candidates of one block.
fn candidates<'a>(
    block: usize,
    text: &'a str,
    quote_ranges: &[(usize, usize)],
    ev: &Evidence,
    out: &mut Vec<Cand<'a>>,
    org_named: &mut FastSet<String>,
) {
    let tokens = tokenize(text);
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
                kin: false,
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
            } else if !gap_t.is_empty() {
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
        let ship_before = text[..run[0].start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| matches!(w, "HMS" | "HMNZS" | "HMAS" | "HMCS" | "USS" | "RMS" | "MV"));
        // `HMS Loch Fyne`, `the USS Nimitz`: a ship.
        if ship_before
            || matches!(
                words[0],
                "HMS" | "HMNZS" | "HMAS" | "HMCS" | "USS" | "RMS" | "MV" | "SS" | "USNS" | "RV"
            )
        {
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
        // `who played Hedda`, `plays Martha Quayle`: a part, not a person.
        let prev = text[..run[0].start]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        if matches!(
            prev,
            "read"
                | "wore"
                | "wearing"
                | "wears"
                | "donned"
                | "reading"
                | "reread"
                | "plays"
                | "played"
                | "playing"
                | "portrays"
                | "portrayed"
                | "portraying"
                | "voices"
                | "voiced"
        ) {
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
            if let Some(n) = (2..=3).rev().chain(1..=1).find(|&n| {
                k + n < words.len() && {
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
            let opener = before_honorific
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
                lx::is_speech_verb(next.trim_end_matches([',', '.']))
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
            || (untitled && core.len() >= 2 && lx::is_place(core[0]))
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
        let te_place = untitled && core.len() >= 2 && core[0] == "Te" && !given_first;
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
                text[..run[0].start]
                    .split_whitespace()
                    .next_back()
                    .unwrap_or(""),
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
                .filter(|&p| p >= 1)
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
        let evidence =
            lx::is_speech_verb(next_word) || lx::is_speech_verb(prev_clean) || age || label;
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
            kin,
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
struct Evidence {
    lower: FastSet<String>,
    after_the: FastSet<String>,
}

fn evidence(article: &Article) -> Evidence {
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
        if c.core.len() < 2 || c.surname_only() {
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
        if c.kin || by_key.contains_key(&kin_key) {
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
            if let Some(holders) = office_holders
                .get(&t.to_lowercase())
                .filter(|h| h.len() == 1 && the)
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
    for (ci, c) in cands.iter().enumerate() {
        if (c.core.len() != 1 && !c.surname_only()) || assign[ci].is_some() || !c.titles.is_empty()
        {
            continue;
        }
        let word = c.short_form();
        idx.sync(&clusters);
        let sur: Vec<usize> = idx.last(word).to_vec();
        let giv: Vec<usize> = idx.first(word).to_vec();
        // `the younger Tamsin` between Dale Tamsin Sr. and Dale Tamsin Jr.
        let before = article.blocks[c.block()].text[..c.start()].trim_end();
        let generation = if before.ends_with("the younger") || before.ends_with("The younger") {
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
    build(article, &cands, &assign, &clusters, &former)
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
