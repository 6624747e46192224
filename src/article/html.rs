//! HTML pages: the article, not the page. Metadata from `<meta>`, JSON-LD
//! and the markup; paragraphs from the main content found readability-style;
//! figure captions with credits; blockquotes as quoted text. Navigation,
//! scripts, ads, share bars, related links and comments are left out.

mod blocks;
mod content;
mod hints;
mod meta;
mod nesting;

use scraper::{ElementRef, Html};

use super::input::clean;
use super::{Article, Block};
use blocks::Extractor;
use content::{MAX_DEPTH, Sizes, main_content};
use hints::is_junk;

/// Parses a page (already sanitised; text is sanitised again after entity
/// decoding) into an `Article`.
pub fn parse(text: &str) -> Article {
    let doc = Html::parse_document(&nesting::tame(text));
    let body = doc
        .root_element()
        .child_elements()
        .find(|e| e.value().name() == "body")
        .unwrap_or_else(|| doc.root_element());
    let sizes = Sizes::measure(body);
    let content = main_content(body, &sizes);
    let root = content.first().map(|&el| article_root(el));
    let meta = meta::read(&doc, root);

    let mut ex = Extractor::new(&sizes);
    if let (Some(root), Some(&first)) = (root, content.first()) {
        let path: Vec<_> = first.ancestors().map(|a| a.id()).collect();
        lead_figures(root, first, &path, &mut ex, 0);
    }
    for el in &content {
        ex.walk(*el, 0);
    }
    let mut blocks = ex.blocks;
    if blocks.iter().all(Block::is_caption) {
        blocks.extend(json_ld_body(&doc));
    }
    Article { meta, blocks }
}

/// The nearest `article` or `main` around the content, else its
/// grandparent: where the headline, byline and lead photo live.
fn article_root(el: ElementRef) -> ElementRef {
    let mut node = Some(el);
    while let Some(n) = node {
        if matches!(n.value().name(), "article" | "main")
            || n.value()
                .attr("itemtype")
                .is_some_and(|t| t.contains("Article"))
        {
            return n;
        }
        node = n.parent().and_then(ElementRef::wrap);
    }
    el.parent()
        .and_then(ElementRef::wrap)
        .and_then(|p| p.parent().and_then(ElementRef::wrap))
        .unwrap_or(el)
}

/// Figures with captions between the article root and the first content
/// element (the lead photo above the body, also inside its `<header>`).
fn lead_figures(
    el: ElementRef,
    stop: ElementRef,
    path: &[ego_tree::NodeId],
    ex: &mut Extractor,
    depth: usize,
) -> bool {
    if el == stop {
        return true;
    }
    if depth > MAX_DEPTH {
        return false;
    }
    for child in el.child_elements() {
        if child == stop || path.contains(&child.id()) {
            return lead_figures(child, stop, path, ex, depth + 1);
        }
        let name = child.value().name();
        if name == "figure" {
            if !is_junk(child.value()) {
                ex.walk(child, 0);
            }
        } else if name == "header" || !is_junk(child.value()) {
            lead_figures(child, stop, path, ex, depth + 1);
        }
    }
    false
}

/// Paragraphs of JSON-LD `articleBody`, when the markup gave none.
fn json_ld_body(doc: &Html) -> Vec<Block> {
    for el in doc.root_element().descendent_elements() {
        if el.value().name() != "script" || el.value().attr("type") != Some("application/ld+json") {
            continue;
        }
        let text: String = el.text().collect();
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue;
        };
        let body = v
            .get("articleBody")
            .or_else(|| v.get(0).and_then(|a| a.get("articleBody")))
            .and_then(|b| b.as_str());
        if let Some(body) = body {
            return body
                .split("\n\n")
                .map(clean)
                .filter(|p| !p.is_empty())
                .map(Block::paragraph)
                .collect();
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;

    #[test]
    fn hostile_nesting_parses_quickly() {
        let page = format!(
            "<html><body>{}<p>Deep text, with commas, long enough to count here.</p>{}</body></html>",
            "<div>".repeat(50_000),
            "</div>".repeat(50_000)
        );
        let started = std::time::Instant::now();
        let a = parse(&page);
        assert!(started.elapsed().as_secs() < 10);
        assert_eq!(
            a.blocks,
            vec![Block::paragraph(
                "Deep text, with commas, long enough to count here."
            )]
        );
    }

    #[test]
    fn entities_cannot_smuggle_escapes_and_blockquotes_are_quoted() {
        let a = parse(
            "<html><head><title>T &#27;]0;x&#7; | Site</title></head><body><article>\
             <p>Red &#x1b;[31malert&#x1b;[0m, and a long enough paragraph to score well.</p>\
             <blockquote><p>First said.</p><p>Then “more”.</p><cite>Jo</cite></blockquote>\
             </article></body></html>",
        );
        assert_eq!(a.meta.title.as_deref(), Some("T"));
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Red alert, and a long enough paragraph to score well.",
                "“First said.",
                "“Then ‘more’.”",
            ]
        );
        assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    }

    #[test]
    fn json_ld_body_is_the_fallback() {
        let a = parse(
            r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleBody":"One.\n\nTwo."}</script></head><body><div id="app"></div></body></html>"#,
        );
        assert_eq!(a.meta.title.as_deref(), Some("H"));
        assert_eq!(
            a.blocks,
            vec![Block::paragraph("One."), Block::paragraph("Two.")]
        );
    }
}
