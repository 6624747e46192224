//! Turning the chosen content elements into blocks: paragraphs, subheads,
//! figure captions with their credits, blockquotes as quoted text and list
//! items, leaving out teasers ("Read more: …") and link lists.

use ego_tree::NodeId;
use scraper::{ElementRef, Node};

use super::content::{MAX_DEPTH, Sizes, has_block_child, visible_len};
use super::hints::{is_block_tag, is_junk, tokens};
use crate::article::input::{clean, quote_open};
use crate::article::text::{make_block, split_credit};
use crate::article::{Block, BlockKind};

/// Collects blocks from content elements, in document order.
pub struct Extractor<'s> {
    sizes: &'s Sizes,
    /// The blocks found so far.
    pub blocks: Vec<Block>,
    /// Inside a blockquote: leave `cite` out, do not quote twice.
    in_quote: bool,
}

impl<'s> Extractor<'s> {
    /// An extractor that reads link density from `sizes`.
    pub fn new(sizes: &'s Sizes) -> Self {
        Extractor {
            sizes,
            blocks: Vec::new(),
            in_quote: false,
        }
    }

    /// Adds the blocks of `el` and everything in it.
    pub fn walk(&mut self, el: ElementRef, depth: usize) {
        if depth > MAX_DEPTH || is_junk(el.value()) {
            return;
        }
        match el.value().name() {
            "p" | "pre" | "dt" | "dd" => self.paragraph(el, depth),
            "h1" | "table" | "img" | "picture" | "hr" | "br" => {}
            "h2" | "h3" | "h4" | "h5" | "h6" => {
                let text = clean(&inline_text(el, None));
                if !text.is_empty() && !is_teaser(&text) && self.sizes.link_density(el) < 0.5 {
                    self.blocks.push(Block::paragraph(text));
                }
            }
            "figure" => self.figure(el),
            "figcaption" => self.caption(el, el),
            "blockquote" => self.blockquote(el, depth),
            "ul" | "ol" => self.list(el, depth),
            _ if has_block_child(el) => self.mixed(el, depth),
            _ => self.paragraph(el, depth),
        }
    }

    /// A container with both block children and loose inline text: the
    /// loose runs between blocks are paragraphs of their own.
    fn mixed(&mut self, el: ElementRef, depth: usize) {
        let mut loose = String::new();
        let mut link = 0;
        for child in el.children() {
            match child.value() {
                Node::Text(t) => loose.push_str(t),
                Node::Element(e) => {
                    let Some(c) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if self.in_quote && e.name() == "cite" {
                        continue;
                    }
                    if is_block_tag(e.name()) {
                        self.loose(&mut loose, &mut link);
                        self.walk(c, depth + 1);
                    } else if !is_junk(e) {
                        let text = inline_text(c, None);
                        link += (self.sizes.link_density(c) * visible_len(&text) as f64) as usize;
                        loose.push_str(&text);
                    }
                }
                _ => {}
            }
        }
        self.loose(&mut loose, &mut link);
    }

    /// A run of inline content between blocks, unless it is mostly links.
    fn loose(&mut self, loose: &mut String, link: &mut usize) {
        let text = clean(&std::mem::take(loose));
        let link_chars = std::mem::take(link);
        let len = visible_len(&text);
        if len > 1 && link_chars * 2 <= len && !is_teaser(&text) {
            self.blocks.push(make_block(&text));
        }
    }

    fn paragraph(&mut self, el: ElementRef, depth: usize) {
        if has_block_child(el) {
            // Invalid but seen: a `p` or `li` wrapping blocks.
            return self.mixed(el, depth);
        }
        let text = clean(&inline_text(el, None));
        if text.is_empty()
            || is_teaser(&text)
            || self.sizes.link_density(el) > 0.5
            || starts_with_author_link(el)
        {
            return;
        }
        self.blocks.push(make_block(&text));
    }

    fn list(&mut self, el: ElementRef, depth: usize) {
        if self.sizes.link_density(el) > 0.5 {
            return;
        }
        for item in el.children().filter_map(ElementRef::wrap) {
            if item.value().name() == "li" {
                self.paragraph(item, depth + 1);
            } else {
                self.walk(item, depth + 1);
            }
        }
    }

    /// Paragraphs of a blockquote, opened with `“` and the last closed, as
    /// in the Markdown parser; a `cite` (the attribution) is left out.
    fn blockquote(&mut self, el: ElementRef, depth: usize) {
        let start = self.blocks.len();
        let was = std::mem::replace(&mut self.in_quote, true);
        if has_block_child(el) {
            self.mixed(el, depth);
        } else {
            let cite = el
                .children()
                .filter_map(ElementRef::wrap)
                .find(|c| c.value().name() == "cite");
            let text = clean(&inline_text(el, cite.map(|c| c.id())));
            if !text.is_empty() {
                self.blocks.push(Block::paragraph(text));
            }
        }
        self.in_quote = was;
        if was {
            return;
        }
        let mut last = None;
        for (i, block) in self.blocks.iter_mut().enumerate().skip(start) {
            if block.kind == BlockKind::Paragraph
                && let Some(q) = quote_open(&block.text)
            {
                block.text = q;
                last = Some(i);
            }
        }
        if let Some(block) = last.and_then(|i| self.blocks.get_mut(i)) {
            block.text.push('”');
        }
    }

    fn figure(&mut self, el: ElementRef) {
        let caption = el
            .descendent_elements()
            .find(|c| c.value().name() == "figcaption");
        if let Some(c) = caption {
            self.caption(c, el);
        }
    }

    /// A caption from `figcaption`, its credit from a credit element in
    /// the figure (`.credit`, `small`, a copyright line) or split off the
    /// end of the text.
    fn caption(&mut self, figcaption: ElementRef, figure: ElementRef) {
        let credit_el = figure.descendent_elements().find(|c| is_credit_element(*c));
        let text = clean(&inline_text(figcaption, credit_el.map(|c| c.id())));
        let credit = credit_el
            .map(|c| credit_text(&clean(&c.text().collect::<String>())))
            .filter(|c| !c.is_empty());
        let block = match (split_credit(&text), credit) {
            (Some((t, found)), None) => Block::caption(t, Some(found)),
            (Some((t, _)), Some(c)) => Block::caption(t, Some(c)),
            (None, credit) => Block::caption(text, credit),
        };
        if !block.text.is_empty() {
            self.blocks.push(block);
        }
    }
}

/// The text of an element with inline children, furniture skipped; `skip`
/// leaves out one subtree (a credit inside a caption).
pub fn inline_text(el: ElementRef, skip: Option<NodeId>) -> String {
    let mut out = String::new();
    push_inline(el, skip, &mut out, 0);
    out
}

fn push_inline(el: ElementRef, skip: Option<NodeId>, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                if Some(child.id()) == skip || is_junk(e) {
                    continue;
                }
                let Some(c) = ElementRef::wrap(child) else {
                    continue;
                };
                match e.name() {
                    "br" => out.push(' '),
                    name if is_block_tag(name) => {
                        out.push(' ');
                        push_inline(c, skip, out, depth + 1);
                        out.push(' ');
                    }
                    _ => push_inline(c, skip, out, depth + 1),
                }
            }
            _ => {}
        }
    }
}

/// A contributor note (`<a href="/by/jo">Jo</a> covers transport.`):
/// a paragraph that opens with a link to an author page.
fn starts_with_author_link(el: ElementRef) -> bool {
    let first = el.children().find(|c| match c.value() {
        Node::Text(t) => !t.trim().is_empty(),
        Node::Element(_) => true,
        _ => false,
    });
    let Some(a) = first.and_then(ElementRef::wrap) else {
        return false;
    };
    let href = a.value().attr("href").unwrap_or("");
    a.value().name() == "a"
        && [
            "/by/",
            "/author/",
            "/authors/",
            "/profile/",
            "/people/",
            "/staff/",
            "/journalists/",
        ]
        .iter()
        .any(|p| href.contains(p))
}

/// `Credit...`, `Photo:`: a label that introduces a credit.
fn is_credit_label(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches(['.', '…', ':', ' '])
        .to_lowercase();
    matches!(
        t.as_str(),
        "credit" | "photo" | "photograph" | "picture" | "image" | "image source" | "photo credit"
    )
}

fn is_credit_element(el: ElementRef) -> bool {
    let e = el.value();
    let labelled = el
        .child_elements()
        .next()
        .is_some_and(|first| is_credit_label(&first.text().collect::<String>()));
    if labelled && el.child_elements().count() >= 2 {
        return true;
    }
    if e.name() == "small" {
        return true;
    }
    if matches!(
        e.attr("itemprop"),
        Some("copyrightHolder" | "creditText" | "author" | "creator")
    ) {
        return true;
    }
    tokens(e).iter().any(|t| {
        matches!(
            t.as_str(),
            "credit" | "copyright" | "photographer" | "source"
        )
    })
}

/// A credit element's text without its label: `Photo: AP` → `AP`,
/// `Image source, Getty Images` → `Getty Images`, `© Reuters` → `Reuters`.
fn credit_text(text: &str) -> String {
    if let Some((rest, credit)) = split_credit(text)
        && rest.is_empty()
    {
        return credit;
    }
    let mut t = text.trim();
    for label in [
        "Image source,",
        "Image source:",
        "Source:",
        "Credit...",
        "Credit…",
        "Credit:",
        "Copyright",
        "©",
        "(c)",
    ] {
        if let Some(rest) = t.strip_prefix(label) {
            t = rest.trim_start();
        }
    }
    t.trim_end_matches('.').trim().to_string()
}

/// Teasers and labels that are not article text.
fn is_teaser(text: &str) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim_end_matches([':', '.', ' ']);
    const EXACT: &[&str] = &[
        "advertisement",
        "ad",
        "share",
        "share this article",
        "continue reading",
        "story continues below",
        "article continues below",
        "story continues below advertisement",
        "related",
        "related stories",
        "related articles",
        "related topics",
        "more on this story",
        "top stories",
        "more on this story",
        "comments",
        "loading",
        "listen to this article",
    ];
    if EXACT.contains(&lower) {
        return true;
    }
    const PREFIXES: &[&str] = &[
        "read more:",
        "explore more",
        "read more ",
        "related:",
        "related story:",
        "related article:",
        "also read:",
        "see also:",
        "more:",
        "watch:",
        "listen:",
        "sign up ",
        "sign up:",
        "subscribe ",
        "subscribe:",
        "share this",
        "follow us ",
        "click here to ",
        "download the app",
        "advertise with",
        "we use cookies",
        "this article was first published",
        "a version of this article appears in print",
        "get the latest",
    ];
    text.chars().count() < 300 && PREFIXES.iter().any(|p| lower.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credit_labels_are_removed() {
        assert_eq!(credit_text("Photo: AP"), "AP");
        assert_eq!(
            credit_text("Photograph: Jo Bloggs/Getty Images"),
            "Jo Bloggs/Getty Images"
        );
        assert_eq!(credit_text("Image source, Getty Images"), "Getty Images");
        assert_eq!(credit_text("© Reuters"), "Reuters");
        assert_eq!(credit_text("Harbour Times"), "Harbour Times");
        assert_eq!(
            credit_text("Credit...Jo Bloggs for The Courier"),
            "Jo Bloggs for The Courier"
        );
    }

    #[test]
    fn teasers() {
        assert!(is_teaser("Read more: Ferry fares to rise"));
        assert!(is_teaser("ADVERTISEMENT"));
        assert!(is_teaser("Advertise with NZME."));
        assert!(!is_teaser("Read the fine print, she said."));
        assert!(!is_teaser("More than 300 people came."));
    }
}
