//! Word lists the attribution reads: pronouns, determiners, speech nouns,
//! epithets for a person just named, and nouns that describe an unnamed
//! source or an organisation.

use super::*;

/// Speech named as a noun (`a warning from X`).
pub(super) const SPEECH_NOUNS: &[&str] = &[
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

/// A speaker's own words named as a noun (`Her closing line:`, `Aisha
/// Gill's verdict:`): whose they are is who speaks.
pub(super) const OWN_WORDS: &[&str] = &[
    "line",
    "words",
    "reply",
    "answer",
    "response",
    "verdict",
    "retort",
    "message",
    "statement",
];

pub(super) const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "He", "She", "They", "It", "We", "I",
];

pub(super) const LEADING_JUNK: &[&str] = &[
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

pub(super) const DETERMINERS: &[&str] = &[
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

/// An epithet that stands for a person named nearby, as writers vary a
/// second reference: `the Swede`, `the Dutchman`, `the 34-year-old`, `the
/// former striker`. Returns the gender it implies (outer `None`: not an
/// epithet). Sources (`the spokesman`, `the resident`) are not epithets:
/// they are described, not named.
pub(super) fn epithet(phrase: &str) -> Option<Option<Gender>> {
    let mut words: Vec<&str> = phrase.split_whitespace().collect();
    // `The Boro head coach also defended …`: an adverb after the head.
    if words.len() > 2 && words.last().is_some_and(|w| super::subject::is_adverb(w)) {
        words.pop();
    }
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
                "former"
                    | "veteran"
                    | "young"
                    | "new"
                    | "star"
                    | "retired"
                    | "experienced"
                    | "head"
                    | "assistant"
                    | "interim"
                    | "caretaker"
                    | "opposition"
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
pub(super) fn is_epithet_nouns(w: &str) -> bool {
    matches!(
        w,
        "striker"
            | "leader"
            | "coach"
            | "manager"
            | "boss"
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
pub(super) fn is_org_anaphor(phrase: &str) -> bool {
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

/// `the insider` → `insider`: the noun of a two-word definite description.
pub(super) fn lower_phrase_head(phrase: &str) -> Option<&str> {
    let (det, noun) = phrase.split_once(' ')?;
    // (`the MP`, `the MSP`: an all-capitals office is a common noun too.)
    let common = noun.starts_with(char::is_lowercase)
        || (noun.len() >= 2 && noun.chars().all(|c| c.is_ascii_uppercase()));
    (matches!(det, "the" | "The") && !noun.contains(' ') && common).then_some(noun)
}

/// Whether a description names someone (`a woman who …`, `one council
/// officer`, `a source close to …`), not a thing (`a nickname bestowed …`).
pub(super) fn names_someone(desc: &str) -> bool {
    // `One packer, who has worked there 31 years`, `another juror`: one of
    // a group of people, whatever the noun.
    let mut ws = desc.split_whitespace();
    let one = ws
        .next()
        .is_some_and(|w| matches!(w, "One" | "one" | "Another" | "another"));
    if one
        && ws.next().is_some_and(|w| {
            let w = w.trim_end_matches(',');
            w.len() > 3
                && w.chars().all(|c| c.is_lowercase() || c == '-')
                && !matches!(
                    w,
                    "study" | "report" | "survey" | "analysis" | "document" | "letter"
                )
        })
    {
        return true;
    }
    desc.split_whitespace()
        .take(5)
        .take_while(|w| !matches!(*w, "who" | "that" | "which" | "of" | "from" | "at" | "in"))
        .any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
            lx::is_role_noun(&w)
                || matches!(w.as_str(), "mp" | "msp" | "mep" | "mla" | "td")
                || is_female_nouns(w.as_str())
                || is_male_nouns(w.as_str())
                || is_person_nouns(w.as_str())
        })
}

/// People described by what they are to the story.
pub(super) fn is_person_nouns(w: &str) -> bool {
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

pub(super) fn description_gender(desc: &str) -> Option<Gender> {
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

pub(super) fn is_female_nouns(w: &str) -> bool {
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

pub(super) fn is_male_nouns(w: &str) -> bool {
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

/// What a statement or letter is called when it `says` something.
pub(super) const DOCUMENT_NOUNS: [&str; 5] = ["statement", "letter", "email", "note", "post"];

/// `the statement`, `The letter` → its noun: a document speaking.
pub(super) fn document_phrase(phrase: &str) -> Option<&'static str> {
    let lower = phrase.to_lowercase();
    let noun = lower.strip_prefix("the ")?;
    DOCUMENT_NOUNS.iter().copied().find(|d| *d == noun)
}

/// `his` → male, `Her` → female: whose a possessive says it is.
pub(super) fn possessive_gender(word: &str) -> Option<Gender> {
    match word {
        "his" | "His" => Some(Gender::Male),
        "her" | "Her" => Some(Gender::Female),
        _ => None,
    }
}
