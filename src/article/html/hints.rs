//! What an element's tag, class, id, role and data attributes say about
//! it: page furniture to drop (navigation, ads, share bars, comments,
//! cookie banners, related links) or article content to favour.

use scraper::node::Element;

/// Tags that never hold article text.
const DROP_TAGS: &[&str] = &[
    "nav", "header", "footer", "aside", "script", "style", "noscript", "form", "iframe", "svg",
    "button", "template", "select", "input", "textarea", "dialog", "object", "embed", "canvas",
    "video", "audio", "map", "link", "meta", "head", "title", "menu", "math",
];

/// Tokens that mark furniture whatever else the class says.
const HARD: &[&str] = &[
    "comment",
    "comments",
    "disqus",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "newsletter",
    "outbrain",
    "taboola",
    "related",
    "recirc",
    "recirculation",
    "share",
    "sharing",
    "sharebar",
    "social",
    "promo",
    "promotion",
    "promoted",
    "sponsor",
    "sponsored",
    "advert",
    "advertisement",
    "adslot",
    "adunit",
    "dfp",
    "subscribe",
    "subscription",
    "signup",
    "paywall",
    "embed",
    "tweet",
    "twitter",
    "instagram",
    "tiktok",
    "facebook",
    "byline",
    "dateline",
    "timestamp",
    "author",
    "authors",
    "bio",
    "tags",
    "taglist",
    "breadcrumb",
    "breadcrumbs",
    "trending",
    "recommended",
    "recommendations",
    "popular",
    "skip",
    "copyright",
    "credit",
    "meta",
    "submeta",
    "standfirst",
    "dek",
    "kicker",
    "eyebrow",
];

/// Tokens that mark furniture unless a content token is also present
/// (`article-body has-sidebar` is the body; `sidebar` alone is not).
const SOFT: &[&str] = &[
    "nav",
    "navigation",
    "menu",
    "footer",
    "header",
    "masthead",
    "sidebar",
    "rail",
    "widget",
    "banner",
    "hidden",
    "modal",
    "popup",
    "overlay",
    "toolbar",
    "ad",
    "ads",
    "more",
    "teaser",
    "extra",
    "supplemental",
    "pagination",
    "pager",
    "print",
    "topics",
    "card",
    "cards",
    "latest",
    "alert",
    "marketing",
];

/// Runs of tokens that mean furniture (`most-read`, `sr-only`).
const PHRASES: &[&str] = &[
    "mostread",
    "mostpopular",
    "mostviewed",
    "readmore",
    "readnext",
    "alsoread",
    "morefrom",
    "moreon",
    "morestories",
    "sronly",
    "visuallyhidden",
    "screenreader",
    "adsbygoogle",
];

/// Tokens that mark article content.
const CONTENT: &[&str] = &[
    "article", "body", "content", "story", "main", "entry", "post", "text", "prose", "richtext",
];

const DROP_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
];

/// The lower-case words of an element's class, id and data hints, split at
/// punctuation and camelCase (`articleBody` → `article`, `body`).
pub fn tokens(el: &Element) -> Vec<String> {
    let mut out = Vec::new();
    let sources = [
        "class",
        "id",
        "data-component",
        "data-testid",
        "data-gu-name",
        "data-module",
    ];
    for attr in sources {
        if let Some(v) = el.attr(attr) {
            split_words(v, &mut out);
        }
    }
    out
}

fn split_words(s: &str, out: &mut Vec<String>) {
    let mut word = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if !c.is_alphanumeric() {
            push(&mut word, out);
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower {
            push(&mut word, out);
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    push(&mut word, out);
}

fn push(word: &mut String, out: &mut Vec<String>) {
    if !word.is_empty() {
        out.push(std::mem::take(word));
    }
}

/// True when the element (and everything in it) is page furniture.
pub fn is_junk(el: &Element) -> bool {
    // Page-wide classes on the root (`wp-embed-responsive`) say nothing
    // about the article inside.
    if el.attr("itemprop") == Some("articleBody") || matches!(el.name(), "html" | "body" | "main") {
        return false;
    }
    if DROP_TAGS.contains(&el.name()) {
        return true;
    }
    if el.attr("hidden").is_some()
        || el.attr("aria-hidden") == Some("true")
        || el.attr("role").is_some_and(|r| DROP_ROLES.contains(&r))
    {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    junk_tokens(&tokens(el))
}

/// Stems of furniture words glued to others (`relatedposts`, `sharedaddy`).
const STEMS: &[&str] = &[
    "related",
    "comment",
    "share",
    "advert",
    "promo",
    "newsletter",
    "sponsor",
    "recommend",
    "outbrain",
    "taboola",
    "cookie",
    "subscri",
    "social",
];

fn junk_tokens(tokens: &[String]) -> bool {
    let has = |set: &[&str]| tokens.iter().any(|t| set.contains(&t.as_str()));
    if has(HARD) {
        return true;
    }
    let stem = |t: &String| t != "commentary" && STEMS.iter().any(|s| t.starts_with(s));
    if tokens.iter().any(stem) {
        return true;
    }
    let joined: String = tokens.concat();
    if PHRASES.iter().any(|p| joined.contains(p)) {
        return true;
    }
    has(SOFT) && !has(CONTENT)
}

/// +25 for content hints, −25 for furniture hints (both can apply).
pub fn class_weight(el: &Element) -> f64 {
    let t = tokens(el);
    let has = |set: &[&str]| t.iter().any(|w| set.contains(&w.as_str()));
    let mut w = 0.0;
    if has(CONTENT) {
        w += 25.0;
    }
    if has(HARD) || has(SOFT) {
        w -= 25.0;
    }
    if el.attr("itemprop") == Some("articleBody") {
        w += 50.0;
    }
    w
}

/// Elements that start a new block (the rest flow inline).
pub fn is_block_tag(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "details"
            | "dialog"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "tbody"
            | "thead"
            | "tr"
            | "td"
            | "th"
            | "ul"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        split_words(s, &mut out);
        out
    }

    #[test]
    fn tokens_split_at_punctuation_and_camel_case() {
        assert_eq!(words("articleBody"), ["article", "body"]);
        assert_eq!(
            words("StoryBodyCompanionColumn"),
            ["story", "body", "companion", "column"]
        );
        assert_eq!(
            words("ad-slot__top  js-x"),
            ["ad", "slot", "top", "js", "x"]
        );
        assert_eq!(
            words("ssrcss-1x2y-Copyright"),
            ["ssrcss", "1x2y", "copyright"]
        );
    }

    #[test]
    fn furniture_and_content() {
        let j = |s: &str| junk_tokens(&words(s));
        assert!(j("share-bar"));
        assert!(j("article-comments"));
        assert!(j("sidebar"));
        assert!(j("most-read"));
        assert!(j("sr-only"));
        assert!(!j("article-body has-sidebar"));
        assert!(!j("header-image-caption article"));
        assert!(!j("loaded shadow heading"));
        assert!(!j("story-body__inner"));
        assert!(j("jp-relatedposts"));
        assert!(j("sharedaddy sd-sharing-enabled"));
        assert!(!j("commentary article-body"));
    }
}
