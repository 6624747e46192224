//! Word tokens with byte offsets and sentence starts: the one tokenizer the
//! people and quote finders share.

/// A word of a block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written (possessive included, trailing stop excluded
    /// unless it is an initial or abbreviation).
    pub text: &'a str,
    /// Start byte in the block.
    pub start: usize,
    /// End byte in the block.
    pub end: usize,
    /// First word of a sentence (or of a quote, or after a colon).
    pub sentence_start: bool,
}

impl<'a> Token<'a> {
    /// Starts with an upper-case letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word without a possessive (`Harry’s` → `Harry`, `Charles’` →
    /// `Charles`) and without a trailing full stop of an abbreviation.
    pub fn bare(&self) -> &'a str {
        strip_possessive(self.text)
    }

    /// True when the word ends in a possessive.
    pub fn is_possessive(&self) -> bool {
        strip_possessive(self.text).len() != self.text.len()
    }
}

/// `Harry’s` → `Harry`, `Jones's` → `Jones`, `Charles’` → `Charles`.
pub fn strip_possessive(w: &str) -> &str {
    for suffix in ["’s", "'s", "’S", "'S"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if !s.is_empty() {
                return s;
            }
        }
    }
    for suffix in ["’", "'"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.ends_with(['s', 'S', 'z']) {
                return s;
            }
        }
    }
    w
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\u{301}' || c == '\u{304}' || c == '\u{308}'
}

/// Splits text into words. Apostrophes and hyphens inside a word and a
/// possessive at its end belong to it; a full stop belongs to initials and
/// known abbreviations (`J.`, `J.C.`, `Dr.`, `Jr.`).
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // About one token in six bytes of prose.
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 6 + 4);
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let mut i = 0;
    let mut sentence_start = true;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if !is_word_char(c) {
            match c {
                // `7.30`, `$2.3m`, `3:15pm`: punctuation inside a number
                // ends nothing.
                // `R-La., called`: a stop before a comma ends an abbreviation.
                '.' | '!' | '?' | ':' | ';'
                    // `DailyMail.com`: a stop inside a word ends nothing.
                    if !chars.get(i + 1).is_some_and(|n| {
                        n.1.is_ascii_digit() || (c == '.' && (n.1 == ',' || n.1.is_alphabetic()))
                    }) =>
                {
                    sentence_start = true
                }
                // A quote opens a clause that may start with a capital.
                '“' | '"' | '‘' => sentence_start = true,
                _ => {}
            }
            i += 1;
            continue;
        }
        let start = pos;
        let mut j = i;
        let mut seg = i;
        loop {
            while j < chars.len() && is_word_char(chars[j].1) {
                j += 1;
            }
            // Internal apostrophe or hyphen followed by a letter continues.
            if j + 1 < chars.len()
                && matches!(chars[j].1, '\'' | '’' | '-' | '‐')
                && is_word_char(chars[j + 1].1)
            {
                // `D-N.Y.`: initials may follow a hyphen.
                let hyphen = matches!(chars[j].1, '-' | '‐');
                j += 1;
                if hyphen {
                    seg = j;
                }
                continue;
            }
            // Initials: `J.C.` — a single capital then a full stop, then
            // another capital directly.
            if j < chars.len()
                && chars[j].1 == '.'
                && j + 1 < chars.len()
                && chars[j + 1].1.is_uppercase()
                && j - seg == 1
            {
                j += 1;
                seg = j;
                continue;
            }
            break;
        }
        let mut end = chars.get(j).map_or(text.len(), |p| p.0);
        // Possessive apostrophe at the end (`Charles’`).
        if j < chars.len()
            && matches!(chars[j].1, '\'' | '’')
            && text[start..end].ends_with(['s', 'S', 'z'])
        {
            let next = chars.get(j + 1).map(|p| p.1);
            if next.is_none_or(|n| {
                n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | '!' | '?' | ')')
            }) {
                j += 1;
                end = chars.get(j).map_or(text.len(), |p| p.0);
            }
        }
        // A full stop after an initial or abbreviation belongs to the word.
        let word = &text[start..end];
        if j < chars.len()
            && chars[j].1 == '.'
            && (crate::article::is_abbreviation(word) || word.contains('.'))
        {
            j += 1;
            end = chars.get(j).map_or(text.len(), |p| p.0);
        }
        out.push(Token {
            text: &text[start..end],
            start,
            end,
            sentence_start,
        });
        sentence_start = false;
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_initials() {
        assert_eq!(
            words("J.C. Chandor met O’Neill-Smith."),
            ["J.C.", "Chandor", "met", "O’Neill-Smith"]
        );
        assert_eq!(
            words("Harry’s and Charles’ cars; Jones's too"),
            ["Harry’s", "and", "Charles’", "cars", "Jones's", "too"]
        );
        assert_eq!(
            words("Dr. Ada Quist Jr. said"),
            ["Dr.", "Ada", "Quist", "Jr.", "said"]
        );
        assert_eq!(words("it’s the ’90s"), ["it’s", "the", "90s"]);
    }

    #[test]
    fn sentence_starts_are_marked() {
        let t = tokenize("He left. Mr. Brown stayed: Then “Go” he said");
        let starts: Vec<&str> = t
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| t.text)
            .collect();
        assert_eq!(starts, ["He", "Mr.", "Then", "Go"]);
    }

    #[test]
    fn possessives_strip() {
        assert_eq!(strip_possessive("Harry’s"), "Harry");
        assert_eq!(strip_possessive("Charles’"), "Charles");
        assert_eq!(strip_possessive("Jones's"), "Jones");
        assert_eq!(strip_possessive("Quist"), "Quist");
    }
}
