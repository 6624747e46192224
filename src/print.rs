//! Plain-text output: the article wrapped to a width, for pipes and for
//! `byline FILE` when standard output is not a terminal.

mod folder;
mod listing;

pub use folder::render_folder;

pub use listing::{
    PersonError, find_person, render_people, render_person, render_quotes, write_quotes,
};

use crate::article::Article;

/// Wraps one block's text to `width` columns. Very long blocks use the
/// linear first-fit algorithm so a 5 MB line stays fast.
pub fn wrap_block(text: &str, width: usize) -> Vec<String> {
    let algo = if text.len() > 20_000 {
        textwrap::WrapAlgorithm::FirstFit
    } else {
        textwrap::WrapAlgorithm::new_optimal_fit()
    };
    let opts = textwrap::Options::new(width.max(1)).wrap_algorithm(algo);
    textwrap::wrap(text, opts)
        .into_iter()
        .map(|l| l.into_owned())
        .collect()
}

/// The article as wrapped plain text: title, date, then blocks separated
/// by blank lines; captions are indented and carry their credit.
pub fn render(article: &Article, width: usize) -> String {
    let width = width.max(10);
    let mut out = String::new();
    if let Some(title) = article.title() {
        for line in wrap_block(&title, width) {
            out.push_str(&line);
            out.push('\n');
        }
        let mut sub = Vec::new();
        if let Some(d) = &article.meta.date {
            sub.push(d.clone());
        }
        if let Some(a) = &article.meta.author {
            sub.push(a.clone());
        }
        if let Some(s) = &article.meta.source {
            sub.push(s.clone());
        }
        if !sub.is_empty() {
            out.push_str(&sub.join(" · "));
            out.push('\n');
        }
        out.push('\n');
    }
    let all: Vec<usize> = (0..article.blocks.len()).collect();
    out.push_str(&render_blocks(article, &all, width));
    out
}

/// The blocks at `indices`, separated by blank lines; captions indented
/// with their credit.
pub fn render_blocks(article: &Article, indices: &[usize], width: usize) -> String {
    let width = width.max(10);
    let mut out = String::new();
    for (n, block) in indices
        .iter()
        .filter_map(|&i| article.blocks.get(i))
        .enumerate()
    {
        if n > 0 {
            out.push('\n');
        }
        if block.is_caption() {
            let mut text = block.text.clone();
            if let Some(c) = &block.credit {
                text.push_str(&format!(" — {c}"));
            }
            for line in wrap_block(&text, width.saturating_sub(4)) {
                out.push_str("  | ");
                out.push_str(&line);
                out.push('\n');
            }
        } else {
            for line in wrap_block(&block.text, width) {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::text::parse;

    #[test]
    fn lines_fit_the_width() {
        let a = parse(
            "title T\n\nThe quick brown fox jumps over the lazy dog again and again and again.\n\nA cap. Photo: AP",
        );
        let out = render(&a, 20);
        assert!(
            out.lines()
                .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 20),
            "{out}"
        );
        assert!(out.contains("  | A cap. — AP"), "{out}");
    }

    #[test]
    fn a_huge_word_is_broken() {
        let word = "x".repeat(100_000);
        let lines = wrap_block(&word, 80);
        assert_eq!(lines.len(), 1250);
    }
}
