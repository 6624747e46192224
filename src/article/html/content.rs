//! Finding the article in a page, readability-style: paragraphs score their
//! ancestors (length, commas), candidates are weighted by tag and class
//! hints and discounted by link density, and the best one is taken with
//! the siblings that look like more of the same.

use std::collections::HashMap;

use ego_tree::NodeId;
use scraper::{ElementRef, Node};

use super::hints::{class_weight, is_block_tag, is_junk};

/// Deeper nesting than this is not followed (hostile pages nest millions
/// of elements; recursion must stay bounded).
pub const MAX_DEPTH: usize = 200;

/// Visible text and link text lengths of every element outside furniture.
#[derive(Default)]
pub struct Sizes {
    map: HashMap<NodeId, (usize, usize, usize)>,
}

impl Sizes {
    /// Measures the tree under `root`.
    pub fn measure(root: ElementRef) -> Self {
        let mut sizes = Sizes::default();
        sizes.visit(root, false, 0);
        sizes
    }

    fn visit(&mut self, el: ElementRef, in_link: bool, depth: usize) -> (usize, usize, usize) {
        if depth > MAX_DEPTH || is_junk(el.value()) {
            return (0, 0, 0);
        }
        let in_link = in_link || el.value().name() == "a";
        let (mut text, mut link, mut commas) = (0, 0, 0);
        for child in el.children() {
            match child.value() {
                Node::Text(t) => {
                    let n = visible_len(t);
                    text += n;
                    commas += t.matches([',', '，']).count();
                    if in_link {
                        link += n;
                    }
                }
                Node::Element(_) => {
                    if let Some(c) = ElementRef::wrap(child) {
                        let (t, l, k) = self.visit(c, in_link, depth + 1);
                        text += t;
                        link += l;
                        commas += k;
                    }
                }
                _ => {}
            }
        }
        self.map.insert(el.id(), (text, link, commas));
        (text, link, commas)
    }

    /// Characters of visible text (whitespace runs count once).
    pub fn text(&self, el: ElementRef) -> usize {
        self.map.get(&el.id()).map_or(0, |s| s.0)
    }

    /// Share of the text that sits inside links, 0.0 to 1.0.
    pub fn link_density(&self, el: ElementRef) -> f64 {
        match self.map.get(&el.id()) {
            Some(&(t, l, _)) if t > 0 => l as f64 / t as f64,
            _ => 0.0,
        }
    }

    fn commas(&self, el: ElementRef) -> usize {
        self.map.get(&el.id()).map_or(0, |s| s.2)
    }
}

/// Length of `s` with whitespace runs counted as one character.
pub fn visible_len(s: &str) -> usize {
    let mut n = 0;
    let mut space = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if !space {
                n += 1;
            }
            space = true;
        } else {
            n += 1;
            space = false;
        }
    }
    n
}

/// True when the element holds a block-level child element.
pub fn has_block_child(el: ElementRef) -> bool {
    el.children()
        .filter_map(ElementRef::wrap)
        .any(|c| is_block_tag(c.value().name()))
}

/// The elements that hold the article, in document order: the best
/// candidate and its qualifying siblings. Empty when nothing scores.
pub fn main_content<'a>(body: ElementRef<'a>, sizes: &Sizes) -> Vec<ElementRef<'a>> {
    let mut scores: HashMap<NodeId, (ElementRef<'a>, f64)> = HashMap::new();
    let mut paragraphs = Vec::new();
    collect_paragraphs(body, 0, &mut paragraphs);
    for p in paragraphs {
        let len = sizes.text(p);
        if len < 25 {
            continue;
        }
        let score = 1.0 + sizes.commas(p) as f64 + (len as f64 / 100.0).min(3.0);
        let mut node = p.parent().and_then(ElementRef::wrap);
        for level in 0..5 {
            let Some(anc) = node else { break };
            if anc.value().name() == "html" {
                break;
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            let entry = scores
                .entry(anc.id())
                .or_insert_with(|| (anc, initial_score(anc)));
            entry.1 += score / divider;
            node = anc.parent().and_then(ElementRef::wrap);
        }
    }
    let scored = |el: ElementRef| -> f64 {
        scores
            .get(&el.id())
            .map_or(0.0, |&(_, s)| s * (1.0 - sizes.link_density(el)))
    };
    let Some(mut top) = scores
        .values()
        .map(|&(el, _)| (el, scored(el)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(el, _)| el)
    else {
        return Vec::new();
    };
    // A lone child stands for its parent: move up so its siblings are seen.
    while let Some(parent) = top.parent().and_then(ElementRef::wrap) {
        let only_child = parent.children().filter_map(ElementRef::wrap).count() == 1;
        if !only_child || matches!(parent.value().name(), "body" | "html") {
            break;
        }
        top = parent;
    }
    let top_score = scored(top).max(scores.get(&top.id()).map_or(0.0, |s| s.1));
    let Some(parent) = top.parent().and_then(ElementRef::wrap) else {
        return vec![top];
    };
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = top.value().attr("class");
    parent
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|&sib| {
            if sib == top {
                return true;
            }
            if is_junk(sib.value()) {
                return false;
            }
            let mut bonus = 0.0;
            if top_class.is_some() && sib.value().attr("class") == top_class {
                bonus = top_score * 0.2;
            }
            // Siblings qualify by their paragraphs, not by class hints alone.
            let from_paragraphs = scores.get(&sib.id()).map_or(0.0, |&(_, s)| {
                (s - initial_score(sib)) * (1.0 - sizes.link_density(sib))
            });
            if from_paragraphs + bonus >= threshold {
                return true;
            }
            if sib.value().name() == "p" {
                let len = sizes.text(sib);
                let ld = sizes.link_density(sib);
                return (len > 80 && ld < 0.25) || (len > 0 && ld == 0.0 && ends_sentence(sib));
            }
            false
        })
        .collect()
}

fn ends_sentence(el: ElementRef) -> bool {
    let text: String = el.text().collect();
    text.trim_end().ends_with(['.', '!', '?', '”', '"'])
}

/// Paragraph-like elements: `p`, `pre`, and containers with only inline
/// content (sites that write paragraphs as bare `div`s).
fn collect_paragraphs<'a>(el: ElementRef<'a>, depth: usize, out: &mut Vec<ElementRef<'a>>) {
    if depth > MAX_DEPTH || is_junk(el.value()) {
        return;
    }
    let name = el.value().name();
    if matches!(name, "p" | "pre") {
        out.push(el);
        return;
    }
    if matches!(name, "div" | "section" | "article" | "td") && !has_block_child(el) {
        out.push(el);
        return;
    }
    for child in el.children().filter_map(ElementRef::wrap) {
        collect_paragraphs(child, depth + 1, out);
    }
}

fn initial_score(el: ElementRef) -> f64 {
    let tag = match el.value().name() {
        "article" => 10.0,
        "div" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag + class_weight(el.value())
}
