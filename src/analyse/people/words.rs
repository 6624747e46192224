//! Word lists the people analysis reads: nouns of works, organisations
//! and places, what firms are said to do, places and institutions named for
//! someone, kinship.

use super::*;

pub(super) fn clean(w: &str) -> &str {
    w.trim_end_matches('.')
}

pub(super) fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next()), (Some(a), Some('.')) if a.is_uppercase())
}

pub(super) const WORK_NOUNS: &[&str] = &[
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

pub(super) const TITLE_CONNECTORS: &[&str] = &[
    "with", "to", "of", "the", "and", "a", "an", "in", "on", "for", "from", "at", "up", "&",
];

/// Nouns that put a firm's name after them (`publisher Harland Briggs`).
pub(super) const ORG_NOUNS: &[&str] = &[
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
    // `the journal Lancet Neurology`, `The shopworkers’ union Usdaw`, `the
    // indie band Low Parish`.
    "journal",
    "union",
    "band",
    "charity",
    "orchestra",
    "choir",
    // `a partner at administrators Hallett Vine`: firms hired as a trade.
    "administrators",
    "auditors",
    "accountants",
    "liquidators",
    "receivers",
    "consultants",
];

/// Who works at or for a firm (`an analyst at X`, `chief executive of X`),
/// and what a listed firm has (`shares of X`).
pub(super) fn is_org_members(w: &str) -> bool {
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
pub(super) fn is_attributive_org(w: &str) -> bool {
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
pub(super) fn is_price_verbs(w: &str) -> bool {
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
pub(super) const POSSESSED_BY_ORGS: &[&str] = &[
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
pub(super) fn plural_of_common(w: &str) -> bool {
    let lower = w.to_lowercase();
    (lx::is_common_word(&lower) || lower.ends_with("ists") || lower.ends_with("ers"))
        && [lower.strip_suffix("es"), lower.strip_suffix('s')]
            .into_iter()
            .flatten()
            .any(|stem| stem.len() >= 3 && (lx::is_common_word(stem) || lx::is_role_noun(stem)))
}

/// The last two words before a name (`her`, `mother`) and whether a comma
/// closes them (`her mother, Rima`).
fn kin_word_before(before: &str) -> Option<(&str, &str, bool)> {
    let rest = before.trim_end();
    let (rest, comma) = match rest.strip_suffix(',') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let mut words = rest.split_whitespace().rev();
    let kin = words.next()?;
    let owner = words.next()?;
    Some((owner, kin, comma))
}

/// Text before a name ending in a relative owned by someone: `his
/// grandfather,`, `My son`, `whose husband`, `the children,`, `their
/// granddaughter`.
pub(super) fn kin_noun_before(before: &str) -> bool {
    let Some((owner, kin, _)) = kin_word_before(before) else {
        return false;
    };
    let owner = owner.trim_start_matches(['“', '"', '‘', '\'', '(']);
    let owned = matches!(
        owner,
        "her"
            | "his"
            | "their"
            | "my"
            | "our"
            | "whose"
            | "the"
            | "Her"
            | "His"
            | "Their"
            | "My"
            | "Our"
    ) || owner.ends_with("’s")
        || owner.ends_with("'s");
    owned
        && (kin_word_gender(kin).is_some()
            || matches!(
                kin,
                "children"
                    | "kids"
                    | "twins"
                    | "grandchildren"
                    | "grandson"
                    | "granddaughter"
                    | "partner"
                    | "fiancée"
                    | "fiancé"
                    | "stepson"
                    | "stepdaughter"
                    | "child"
                    | "baby"
                    | "cousin"
                    | "sons"
                    | "daughters"
            ))
}

/// Text before a name ending `her mother,` / `his father, the late`.
pub(super) fn kin_before(before: &str) -> bool {
    let Some((owner, kin, true)) = kin_word_before(before) else {
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
pub(super) fn is_named_institution(w: &str) -> bool {
    matches!(
        w,
        "College"
            | "Bazaar"
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
pub(super) fn is_thing_nouns(w: &str) -> bool {
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
pub(super) fn is_place_heads(w: &str) -> bool {
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
pub(super) fn is_place_adjectives(w: &str) -> bool {
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

pub(super) const LOCATIVE: &[&str] = &[
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

/// What stands before a ship's name (`HMS Loch Fyne`, `the USS Nimitz`).
pub(super) fn is_ship_prefix(w: &str) -> bool {
    matches!(
        w,
        "HMS" | "HMNZS" | "HMAS" | "HMCS" | "USS" | "RMS" | "MV" | "SS" | "USNS" | "RV"
    )
}

/// Things named in someone's honour (`the Harlan Pike Act`, `the Ada Quist
/// Medal`): the name before them is still a person's, not a firm's.
pub(super) fn is_named_for(w: &str) -> bool {
    matches!(
        w,
        "Act"
            | "Bill"
            | "Law"
            | "Prize"
            | "Award"
            | "Awards"
            | "Medal"
            | "Trophy"
            | "Cup"
            | "Shield"
            | "Memorial"
            | "Lecture"
            | "Fellowship"
            | "Scholarship"
            | "Stadium"
            | "Oval"
            | "Park"
            | "Hall"
            | "Centre"
            | "Center"
            | "Wing"
            | "Building"
            | "Library"
            | "Bridge"
            | "Hospital"
            | "School"
            | "College"
            | "Foundation"
            | "Trust"
            | "Fund"
            | "Institute"
            | "Rule"
            | "Doctrine"
    )
}

/// `II`, `IV`, `XIV`: a regnal or grade numeral.
pub(super) fn is_roman_numeral(w: &str) -> bool {
    !w.is_empty() && w.len() <= 5 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// `played`, `portrays`: the verbs that take a part, not a person.
fn is_play_verb(w: &str) -> bool {
    matches!(
        w,
        "plays" | "played" | "playing" | "portrays" | "portrayed" | "portraying"
    )
}

/// Whether the text before a name ends on a verb that takes a part (`who
/// played`, `playing the dogged DCI`), past up to three articles, titles
/// and describing words; a preposition, a speech verb or a role stops the
/// look back (`played alongside Tom Hill` names a person).
pub(super) fn plays_part(before: &str) -> bool {
    let mut ws = before.split_whitespace().rev();
    let mut w = ws.next().unwrap_or("");
    for _ in 0..3 {
        if is_play_verb(w) {
            break;
        }
        let skip = matches!(w, "the" | "a" | "an")
            || lx::is_honorific(w)
            || lx::is_office_word(w)
            || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()))
            || (w.starts_with(char::is_lowercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !is_part_stops(w)
                && !lx::is_speech_verb(w)
                && !lx::is_role_noun(w));
        if !skip {
            break;
        }
        match ws.next() {
            Some(n) => w = n,
            None => break,
        }
    }
    is_play_verb(w)
}

/// Prepositions and conjunctions between a verb and a name: the name is
/// the verb's company, not its part.
fn is_part_stops(w: &str) -> bool {
    matches!(
        w,
        "as" | "and"
            | "by"
            | "with"
            | "to"
            | "for"
            | "alongside"
            | "against"
            | "opposite"
            | "under"
            | "beside"
            | "at"
            | "in"
            | "on"
            | "behind"
            | "before"
            | "after"
            | "from"
            | "off"
            | "over"
            | "into"
            | "between"
            | "up"
            | "down"
            | "like"
    )
}

/// Whether the text after a name opens an apposition that says it is a
/// thing (`, her restaurant in Ancoats`, `, the 40-foot yacht they
/// sailed`). The thing noun must head the phrase: `, a film producer` is
/// a person.
pub(super) fn apposes_thing(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(", ") else {
        return false;
    };
    let mut ws = rest.split_whitespace();
    let determined = ws.next().is_some_and(|d| {
        matches!(
            d,
            "her" | "his" | "their" | "the" | "a" | "an" | "its" | "our" | "my"
        )
    });
    if !determined {
        return false;
    }
    let ws: Vec<&str> = ws.take(4).collect();
    (0..ws.len().min(3)).any(|k| {
        let w = ws[k];
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        let ends = bare.len() < w.len()
            || ws.get(k + 1).is_none_or(|n| {
                matches!(
                    *n,
                    "in" | "on"
                        | "at"
                        | "of"
                        | "that"
                        | "which"
                        | "she"
                        | "he"
                        | "they"
                        | "we"
                        | "I"
                        | "near"
                        | "named"
                        | "called"
                )
            });
        let modifiers = ws[..k].iter().all(|m| {
            m.starts_with(char::is_lowercase) || m.starts_with(|c: char| c.is_ascii_digit())
        });
        modifiers && is_apposed_thing(bare) && ends
    })
}

/// `her brother, Sami`, `his wife Ann`, `and sister, Mia`: the gender of the
/// kinship word right before a name.
pub(super) fn kin_gender_before(before: &str) -> Option<Gender> {
    let (owner, kin, _) = kin_word_before(before)?;
    let owned = matches!(
        owner,
        "her" | "his" | "their" | "Her" | "His" | "Their" | "and" | "whose" | "a" | "the"
    ) || owner.ends_with("’s")
        || owner.ends_with("'s");
    if !owned {
        return None;
    }
    kin_word_gender(kin)
}

/// The gender a kinship word gives (`sister`, `grandson`).
fn kin_word_gender(kin: &str) -> Option<Gender> {
    match kin {
        "mother" | "mum" | "wife" | "daughter" | "sister" | "grandmother" | "aunt" | "widow"
        | "niece" | "girlfriend" | "granddaughter" | "stepmother" | "stepdaughter" => {
            Some(Gender::Female)
        }
        "father" | "dad" | "husband" | "son" | "brother" | "grandfather" | "uncle" | "widower"
        | "nephew" | "boyfriend" | "grandson" | "stepfather" | "stepson" => Some(Gender::Male),
        _ => None,
    }
}

/// What an apposition can say a name is when it is not a person's
/// (`Rima, her restaurant`, `Juniper, the yacht`).
pub(super) fn is_apposed_thing(w: &str) -> bool {
    matches!(
        w,
        "restaurant"
            | "bar"
            | "café"
            | "cafe"
            | "pub"
            | "bistro"
            | "bakery"
            | "shop"
            | "boutique"
            | "gallery"
            | "hotel"
            | "label"
            | "brand"
            | "band"
            | "album"
            | "novel"
            | "memoir"
            | "film"
            | "play"
            | "song"
            | "single"
            | "horse"
            | "dog"
            | "cat"
            | "boat"
            | "yacht"
            | "ship"
            | "vessel"
            | "farm"
            | "vineyard"
            | "winery"
            | "estate"
            | "charity"
            | "podcast"
            | "series"
            | "musical"
            | "opera"
            | "painting"
            | "portrait"
            | "racehorse"
            | "colt"
            | "filly"
            | "mare"
            | "gelding"
    )
}
