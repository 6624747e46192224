//! JSON articles: the `--json` shape of FORMAT.md §3 read back (title,
//! date, author, url, blocks), so `--json` output round-trips.

use serde::Deserialize;

use super::input::clean;
use super::{Article, Block, BlockKind, Meta};

/// The fields of a `--json` report that make an article; the analysis
/// fields (`captions`, `quotes`, `people`) are ignored and recomputed.
/// `source` is not read: in a report it is the path that was given.
#[derive(Debug, Deserialize)]
struct JsonArticle {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    url: Option<String>,
    blocks: Vec<JsonBlock>,
}

#[derive(Debug, Deserialize)]
struct JsonBlock {
    #[serde(default = "paragraph")]
    kind: BlockKind,
    text: String,
    #[serde(default)]
    credit: Option<String>,
}

fn paragraph() -> BlockKind {
    BlockKind::Paragraph
}

/// Parses a JSON article. Strings are sanitised again, since JSON escapes
/// (`\u001b`) can spell controls that loading could not see.
pub fn parse(text: &str) -> Result<Article, serde_json::Error> {
    let input: JsonArticle = serde_json::from_str(text)?;
    let field = |s: Option<String>| s.map(|s| clean(&s)).filter(|s| !s.is_empty());
    let meta = Meta {
        title: field(input.title),
        date: field(input.date),
        author: field(input.author),
        url: field(input.url),
        source: None,
    };
    let blocks = input
        .blocks
        .into_iter()
        .filter_map(|b| {
            let text = clean(&b.text);
            let credit = field(b.credit);
            match b.kind {
                _ if text.is_empty() && credit.is_none() => None,
                BlockKind::Caption => Some(Block::caption(text, credit)),
                BlockKind::Paragraph => Some(Block::paragraph(text)),
            }
        })
        .collect();
    Ok(Article { meta, blocks })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_shape_is_read() {
        let a = parse(
            r#"{"source":"x.txt","title":"T","date":"2025-06-14",
               "blocks":[{"kind":"caption","text":"Cap.","credit":"AP"},
                         {"kind":"paragraph","text":"Para \u001b[31mred"},
                         {"text":"No kind."}],
               "captions":[],"quotes":[],"people":[]}"#,
        )
        .expect("json");
        assert_eq!(a.meta.title.as_deref(), Some("T"));
        assert_eq!(a.meta.date.as_deref(), Some("2025-06-14"));
        assert_eq!(a.meta.source, None);
        assert_eq!(
            a.blocks,
            vec![
                Block::caption("Cap.", Some("AP".into())),
                Block::paragraph("Para red"),
                Block::paragraph("No kind."),
            ]
        );
    }

    #[test]
    fn wrong_shapes_are_errors() {
        assert!(parse(r#"{"title":"T"}"#).is_err());
        assert!(parse(r#"{"blocks":[{"kind":"table","text":"x"}]}"#).is_err());
        assert!(parse("[1,2]").is_err());
    }
}
