//! Title, date and author of a web page's article: from `<meta>` tags
//! (Open Graph, `article:published_time`, `author`), JSON-LD, and the
//! page itself (`h1`, `time[datetime]`, `[rel=author]`, `.byline`).

use std::collections::HashMap;

use scraper::{ElementRef, Html};
use serde_json::Value;

use super::blocks::inline_text;
use super::hints::tokens;
use crate::article::Meta;
use crate::article::input::{clean, normalise_date};

/// What the page says about its article, before falling back to the body.
pub fn read(doc: &Html, article_root: Option<ElementRef>) -> Meta {
    let metas = meta_tags(doc);
    let ld = json_ld(doc);
    let tag = |k: &str| metas.get(k).cloned().filter(|v| !v.is_empty());
    let site = tag("og:site_name").or_else(|| tag("application-name"));

    let title = tag("og:title")
        .or_else(|| tag("twitter:title"))
        .map(|t| strip_site(&t, site.as_deref(), false))
        .or_else(|| ld_str(&ld, "headline"))
        .or_else(|| first_h1(doc, article_root))
        .or_else(|| page_title(doc).map(|t| strip_site(&t, site.as_deref(), true)))
        .filter(|t| !t.is_empty());

    // The article's own `time` first: it carries the local date the page
    // shows, where meta tags often hold the UTC instant.
    let date = [
        article_root.and_then(time_element),
        tag("article:published_time"),
        tag("datepublished"),
        ld_str(&ld, "datePublished"),
        tag("date"),
        tag("pubdate"),
        tag("publishdate"),
        tag("dc.date.issued"),
        tag("dc.date"),
        tag("parsely-pub-date"),
        tag("sailthru.date"),
        tag("og:published_time"),
    ]
    .into_iter()
    .flatten()
    .find_map(|d| normalise_date(&d));

    let not_site = |a: &String| Some(a) != site.as_ref() && !a.contains("://");
    let author = tag("author")
        .filter(not_site)
        .or_else(|| ld_author(&ld))
        .or_else(|| tag("article:author").filter(not_site))
        .or_else(|| byline_element(doc, article_root))
        .filter(|a| !a.is_empty());

    Meta {
        title,
        date,
        author,
        url: tag("og:url").or_else(|| link_canonical(doc)),
        source: site,
    }
}

/// `<meta>` contents by lower-case `name`, `property` or `itemprop`.
fn meta_tags(doc: &Html) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for el in doc.root_element().descendent_elements() {
        let e = el.value();
        if e.name() != "meta" {
            continue;
        }
        let Some(content) = e.attr("content") else {
            continue;
        };
        for key in ["name", "property", "itemprop"] {
            if let Some(k) = e.attr(key) {
                map.entry(k.to_ascii_lowercase())
                    .or_insert_with(|| clean(content));
            }
        }
    }
    map
}

/// The first JSON-LD object whose `@type` is an article (also inside
/// arrays and `@graph`).
fn json_ld(doc: &Html) -> Option<Value> {
    for el in doc.root_element().descendent_elements() {
        let e = el.value();
        if e.name() != "script" || e.attr("type") != Some("application/ld+json") {
            continue;
        }
        let text: String = el.text().collect();
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        if let Some(found) = find_article(&value, 0) {
            return Some(found.clone());
        }
    }
    None
}

fn find_article(v: &Value, depth: usize) -> Option<&Value> {
    if depth > 8 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(map) => {
            let is_article = match map.get("@type") {
                Some(Value::String(t)) => is_article_type(t),
                Some(Value::Array(ts)) => {
                    ts.iter().any(|t| t.as_str().is_some_and(is_article_type))
                }
                _ => false,
            };
            if is_article {
                return Some(v);
            }
            map.get("@graph").and_then(|g| find_article(g, depth + 1))
        }
        _ => None,
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t == "BlogPosting" || t == "Report"
}

fn ld_str(ld: &Option<Value>, key: &str) -> Option<String> {
    ld.as_ref()?
        .get(key)?
        .as_str()
        .map(clean)
        .filter(|s| !s.is_empty())
}

/// `author` as a string, an object with `name`, or a list of either.
fn ld_author(ld: &Option<Value>) -> Option<String> {
    fn name(v: &Value) -> Option<String> {
        match v {
            Value::String(s) => Some(clean(s)),
            Value::Object(m) => {
                let kind = m.get("@type").and_then(Value::as_str).unwrap_or("Person");
                if kind.contains("Organization") {
                    return None;
                }
                m.get("name").and_then(Value::as_str).map(clean)
            }
            _ => None,
        }
    }
    let names: Vec<String> = match ld.as_ref()?.get("author")? {
        Value::Array(items) => items.iter().filter_map(name).collect(),
        v => name(v).into_iter().collect(),
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    (!names.is_empty()).then(|| join_names(&names))
}

fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn first_h1(doc: &Html, root: Option<ElementRef>) -> Option<String> {
    let find = |scope: ElementRef| {
        scope
            .descendent_elements()
            .filter(|e| e.value().name() == "h1")
            .map(|e| clean(&inline_text(e, None)))
            .find(|t| !t.is_empty())
    };
    root.and_then(find).or_else(|| find(doc.root_element()))
}

fn page_title(doc: &Html) -> Option<String> {
    doc.root_element()
        .descendent_elements()
        .find(|e| e.value().name() == "title")
        .map(|e| clean(&e.text().collect::<String>()))
}

/// `Ferry strike ends | Harbour Times` → `Ferry strike ends`. Pipes always
/// split off a site name in `<title>`; dashes only when the tail is the
/// site's name or a short Title Case name.
fn strip_site(title: &str, site: Option<&str>, is_page_title: bool) -> String {
    let mut t = title.trim().to_string();
    for sep in [" | ", " — ", " – ", " - ", " :: ", " · "] {
        while let Some((head, tail)) = t.rsplit_once(sep) {
            let tail = tail.trim();
            let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail));
            let short_name = tail.split_whitespace().count() <= 3
                && tail
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()));
            let strip = is_site || (is_page_title && (sep == " | " || short_name));
            if !strip || head.trim().is_empty() {
                break;
            }
            t = head.trim().to_string();
        }
    }
    t
}

/// The publication time shown with the article.
fn time_element(scope: ElementRef) -> Option<String> {
    let times: Vec<ElementRef> = scope
        .descendent_elements()
        .filter(|e| e.value().name() == "time")
        .collect();
    let published = times.iter().find(|e| {
        e.value().attr("itemprop") == Some("datePublished")
            || e.value().attr("pubdate").is_some()
            || tokens(e.value()).iter().any(|t| t.starts_with("publish"))
    });
    published.or(times.first()).map(|e| {
        e.value()
            .attr("datetime")
            .map_or_else(|| e.text().collect(), str::to_string)
    })
}

/// `[rel=author]`, `[itemprop=author]` or a `.byline` element's names.
fn byline_element(doc: &Html, root: Option<ElementRef>) -> Option<String> {
    let scope = root.unwrap_or_else(|| doc.root_element());
    let mut names: Vec<String> = Vec::new();
    for el in scope.descendent_elements() {
        let e = el.value();
        let is_author = e.attr("rel") == Some("author")
            || (e.attr("itemprop") == Some("author") && e.name() != "meta");
        if is_author {
            let name = el
                .descendent_elements()
                .find(|c| c.value().attr("itemprop") == Some("name"))
                .map_or_else(|| el.text().collect::<String>(), |n| n.text().collect());
            let name = clean_byline(&name);
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        }
    }
    if !names.is_empty() {
        return Some(join_names(&names));
    }
    // Contributor or author elements, innermost first, then a byline.
    let is_author_el = |e: &ElementRef| {
        tokens(e.value())
            .iter()
            .any(|t| t.starts_with("contributor") || t == "author")
    };
    let is_byline_el = |e: &ElementRef| tokens(e.value()).iter().any(|t| t == "byline");
    for wanted in [&is_author_el as &dyn Fn(&ElementRef) -> bool, &is_byline_el] {
        let found = scope
            .descendent_elements()
            .filter(|e| wanted(e) && !e.descendent_elements().skip(1).any(|d| wanted(&d)))
            .map(|e| clean_byline(&e.text().collect::<String>()))
            .find(|n| is_name_like(n));
        if found.is_some() {
            return found;
        }
    }
    None
}

/// A byline that reads as names: short, no digits.
fn is_name_like(s: &str) -> bool {
    let words = s.split_whitespace().count();
    (1..=8).contains(&words) && s.chars().count() <= 80 && !s.chars().any(|c| c.is_ascii_digit())
}

/// `By Jo Bloggs | Harbour Times` → `Jo Bloggs`.
fn clean_byline(s: &str) -> String {
    let s = clean(s);
    let mut t = s.as_str();
    for prefix in ["By ", "by ", "BY ", "Words by ", "Written by "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest;
        }
    }
    let t = t.split(['|', '·', '\n']).next().unwrap_or(t);
    t.trim().trim_end_matches(',').trim().to_string()
}

fn link_canonical(doc: &Html) -> Option<String> {
    doc.root_element()
        .descendent_elements()
        .find(|e| e.value().name() == "link" && e.value().attr("rel") == Some("canonical"))
        .and_then(|e| e.value().attr("href"))
        .map(clean)
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_are_stripped() {
        assert_eq!(
            strip_site("Ferry strike ends | Harbour Times", None, true),
            "Ferry strike ends"
        );
        assert_eq!(
            strip_site("Ferry strike ends - Harbour Times", None, true),
            "Ferry strike ends"
        );
        assert_eq!(
            strip_site("Strike ends - what happens now", None, true),
            "Strike ends - what happens now"
        );
        assert_eq!(
            strip_site("Strike ends | HT", Some("HT"), false),
            "Strike ends"
        );
        assert_eq!(strip_site("A | B", None, false), "A | B");
    }

    #[test]
    fn bylines() {
        assert_eq!(clean_byline("  By Jo Bloggs | Harbour Times "), "Jo Bloggs");
        assert_eq!(clean_byline("Ana Ruiz,"), "Ana Ruiz");
    }
}
