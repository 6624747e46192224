//! Article → Analysis: captions, quotes with speakers, people with merged
//! aliases. Pure functions; no I/O, no terminal.

use crate::article::{Analysis, Article, Caption};

/// Analyses an article.
pub fn analyse(article: &Article) -> Analysis {
    let captions = article
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_caption())
        .map(|(i, b)| Caption {
            block: i,
            text: b.text.clone(),
            credit: b.credit.clone(),
        })
        .collect();
    Analysis {
        captions,
        ..Analysis::default()
    }
}
