//! Bytes to clean text: reading files, refusing what is not an article,
//! decoding UTF-8 and removing every control or escape sequence so that no
//! byte of the article can drive the terminal.

use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

/// Why an input could not be read as an article. Each message is one line
/// that names the input.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The path does not exist.
    #[error("{0}: no such file")]
    NotFound(PathBuf),
    /// The path is a directory.
    #[error("{0}: is a directory, not an article file")]
    IsDirectory(PathBuf),
    /// The file cannot be read by this user.
    #[error("{0}: permission denied")]
    PermissionDenied(PathBuf),
    /// Nothing in it.
    #[error("{0}: the file is empty")]
    Empty(PathBuf),
    /// Only whitespace in it.
    #[error("{0}: the file holds only whitespace, no article text")]
    Blank(PathBuf),
    /// NUL bytes and other binary content.
    #[error("{0}: looks like a binary file, not an article")]
    Binary(PathBuf),
    /// Any other I/O failure.
    #[error("{path}: {source}")]
    Io {
        /// The input.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
}

/// Clean text and what was noticed on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// Sanitised UTF-8 text.
    pub text: String,
    /// One-line warnings for the user (invalid UTF-8, removed controls).
    pub warnings: Vec<String>,
}

/// glibc's malloc gives an allocation over its mmap threshold (128 KiB at
/// first) a mapping of its own, and when such a mapping is freed it
/// raises the threshold to that size, up to 32 MiB (see mallopt(3)).
/// Freeing a 10 MB article's text would raise it to 10 MB, and the
/// analysis's vectors, all smaller, would then come from the heap, where
/// what they free stays resident and cannot be reused by anything larger
/// than the hole it leaves: 4 MB more at the peak. A buffer that holds
/// the whole text is therefore given room for more than 32 MiB: only
/// the pages written are memory (the rest is address space), and freeing
/// it leaves the threshold where it was. Short texts are left alone.
fn text_capacity(len: usize) -> usize {
    if len < MAPPED { len } else { len.max(PAST_MAX) }
}

/// glibc's first mmap threshold.
const MAPPED: usize = 128 << 10;

/// Past glibc's largest mmap threshold.
const PAST_MAX: usize = (32 << 20) + (64 << 10);

/// `text` with the capacity [`text_capacity`] asks for (a mapping is
/// grown in place, without a copy).
fn roomy(mut text: String) -> String {
    let want = text_capacity(text.capacity());
    text.reserve_exact(want - text.len());
    text
}

/// Reads a file and cleans it.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let owned = || path.to_path_buf();
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory(owned()));
    }
    let mut bytes = Vec::with_capacity(text_capacity(meta.len().min(1 << 30) as usize));
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| io_error(path, e))?;
    load_vec(path, bytes)
}

/// Reads everything from a reader (standard input) and cleans it.
pub fn load_reader(name: &Path, mut reader: impl Read) -> Result<Loaded, LoadError> {
    // The length is not known: room for a long text from the start.
    let mut bytes = Vec::with_capacity(text_capacity(MAPPED));
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(name, e))?;
    load_vec(name, bytes)
}

fn io_error(path: &Path, e: std::io::Error) -> LoadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(path.to_path_buf()),
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied(path.to_path_buf()),
        std::io::ErrorKind::IsADirectory => LoadError::IsDirectory(path.to_path_buf()),
        _ => LoadError::Io {
            path: path.to_path_buf(),
            source: e,
        },
    }
}

/// Checks, decodes and sanitises raw bytes. `name` is used in messages.
pub fn load_bytes(name: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    check(name, bytes)?;
    let mut warnings = Vec::new();
    let decoded = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => lossy(name, bytes, &mut warnings),
    };
    finish(name, decoded, warnings)
}

/// [`load_bytes`] for bytes it may keep: valid UTF-8 is decoded in place
/// and, when nothing needs removing, becomes the text without a copy, so
/// the article is held once, not as bytes and text together.
pub fn load_vec(name: &Path, bytes: Vec<u8>) -> Result<Loaded, LoadError> {
    check(name, &bytes)?;
    let mut warnings = Vec::new();
    let decoded = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => lossy(name, e.as_bytes(), &mut warnings),
    };
    finish(name, decoded, warnings)
}

fn check(name: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty(name.to_path_buf()));
    }
    if looks_binary(bytes) {
        return Err(LoadError::Binary(name.to_path_buf()));
    }
    Ok(())
}

fn lossy(name: &Path, bytes: &[u8], warnings: &mut Vec<String>) -> String {
    warnings.push(format!(
        "{}: not valid UTF-8; undecodable bytes are shown as \u{FFFD}",
        name.display()
    ));
    String::from_utf8_lossy(bytes).into_owned()
}

fn finish(name: &Path, decoded: String, mut warnings: Vec<String>) -> Result<Loaded, LoadError> {
    let (text, removed) = sanitize_owned(decoded);
    let text = roomy(text);
    if removed > 0 {
        warnings.push(format!(
            "{}: removed {removed} control or escape sequence{}",
            name.display(),
            if removed == 1 { "" } else { "s" }
        ));
    }
    if text.trim().is_empty() {
        return Err(LoadError::Blank(name.to_path_buf()));
    }
    Ok(Loaded { text, warnings })
}

/// A file is binary when NUL bytes or other C0 controls are frequent in its
/// first 64 KiB. A stray NUL in a text article is removed, not refused.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let nul = sample.iter().filter(|&&b| b == 0).count();
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    nul * 100 > sample.len() || controls * 10 > sample.len()
}

/// Normalises line ends (CRLF, CR to LF), drops a BOM, and removes every
/// terminal control: C0 controls except LF and tab (tab becomes a space),
/// DEL, C1 controls, ESC sequences (CSI, OSC, DCS and friends, also in their
/// 8-bit C1 forms) and bidirectional overrides. Returns the text and the
/// number of removals.
pub fn sanitize(input: &str) -> (String, usize) {
    let mut out = String::with_capacity(text_capacity(input.len()));
    let mut removed = 0;
    let mut rest = input;
    loop {
        // Printable ASCII and LF, nearly all of an article, are copied in
        // runs; every other character goes through the rules below.
        let run = rest
            .bytes()
            .position(|b| b != b'\n' && !(b' '..=b'~').contains(&b))
            .unwrap_or(rest.len());
        out.push_str(&rest[..run]);
        rest = &rest[run..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        let next = &rest[c.len_utf8()..];
        rest = next;
        match c {
            '\r' => {
                out.push('\n');
                rest = next.strip_prefix('\n').unwrap_or(next);
            }
            '\t' => out.push(' '),
            '\u{FEFF}' => {}
            // Escape sequences (rare): the character-by-character rules
            // for the rest of the text.
            '\u{1b}' | '\u{9b}' | '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => {
                let (tail, n) = sanitize_chars(rest_from(input, next, c));
                out.push_str(&tail);
                removed += n;
                break;
            }
            c if is_unsafe(c) => removed += 1,
            c => out.push(c),
        }
    }
    (out, removed)
}

/// [`sanitize`] of a string it may keep: returned as it is when nothing
/// in it needs changing (the usual case), else copied from the first
/// character that does.
pub fn sanitize_owned(input: String) -> (String, usize) {
    let Some(at) = first_change(&input) else {
        return (input, 0);
    };
    let (rest, removed) = sanitize(&input[at..]);
    let mut out = input;
    out.truncate(at);
    out.push_str(&rest);
    (out, removed)
}

/// Where [`sanitize`] first changes `input`: the first character that is
/// not copied through as it is.
fn first_change(input: &str) -> Option<usize> {
    let mut at = 0;
    loop {
        let rest = &input[at..];
        at += rest
            .bytes()
            .position(|b| b != b'\n' && !(b' '..=b'~').contains(&b))
            .unwrap_or(rest.len());
        let c = input[at..].chars().next()?;
        if matches!(c, '\r' | '\t' | '\u{FEFF}') || is_unsafe(c) {
            return Some(at);
        }
        at += c.len_utf8();
    }
}

/// `next` with the character `c` that came before it in `input` put back.
fn rest_from<'a>(input: &'a str, next: &'a str, c: char) -> &'a str {
    let at = input.len() - next.len() - c.len_utf8();
    &input[at..]
}

/// [`sanitize`] one character at a time.
fn sanitize_chars(input: &str) -> (String, usize) {
    let mut out = String::with_capacity(text_capacity(input.len()));
    let mut removed = 0;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\t' => out.push(' '),
            '\u{FEFF}' => {}
            '\u{1b}' => {
                removed += 1;
                skip_escape(&mut chars);
            }
            // 8-bit CSI, OSC, DCS, SOS, PM, APC: drop the whole sequence.
            '\u{9b}' => {
                removed += 1;
                skip_csi(&mut chars);
            }
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => {
                removed += 1;
                skip_string(&mut chars);
            }
            c if is_unsafe(c) => removed += 1,
            c => out.push(c),
        }
    }
    (out, removed)
}

/// Controls and invisible format characters that must never be printed.
fn is_unsafe(c: char) -> bool {
    c.is_control() // C0, DEL, C1
        || matches!(c,
            '\u{200E}' | '\u{200F}'           // LRM, RLM
            | '\u{202A}'..='\u{202E}'         // embeddings and overrides
            | '\u{2066}'..='\u{2069}'         // isolates
            | '\u{061C}'                      // Arabic letter mark
            | '\u{FFF9}'..='\u{FFFB}'         // interlinear annotations
        )
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: consume the rest of the sequence.
fn skip_escape(chars: &mut Chars) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string(chars);
        }
        // nF sequences: intermediates then one final byte.
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            while chars
                .next_if(|c| ('\u{20}'..='\u{2f}').contains(c))
                .is_some()
            {}
            chars.next();
        }
        Some(c) if ('\u{30}'..='\u{7e}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// CSI parameters and intermediates, then the final byte; stops early at a
/// line end so a broken sequence cannot swallow the article.
fn skip_csi(chars: &mut Chars) {
    while let Some(&c) = chars.peek() {
        if ('\u{30}'..='\u{3f}').contains(&c) || ('\u{20}'..='\u{2f}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// OSC/DCS-style strings end at BEL, ST (ESC \ or U+009C), or, defensively,
/// at a line end or after 4096 characters.
fn skip_string(chars: &mut Chars) {
    let mut n = 0;
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\u{1b}' => {
                chars.next();
                chars.next_if_eq(&'\\');
                return;
            }
            '\n' | '\r' => return,
            _ if n >= 4096 => return,
            _ => {
                chars.next();
                n += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fast_path_agrees_with_the_character_rules() {
        for s in [
            "plain text\nlines\r\nand\rcr",
            "tab\there \u{feff}bom “curly” \u{202e}rlo\u{7f}del",
            "before \u{1b}[31mred\u{1b}[0m after\r\n\ttab",
            "c1 \u{9b}31m csi \u{9d}osc\u{7}bel \u{85}nel",
            "\r",
            "",
            "ends in esc \u{1b}",
            "\u{0}nul \u{1}soh ünï",
            "nothing to change, “curly” ünï 日本\n",
            "changes only at the end\t",
        ] {
            assert_eq!(sanitize(s), sanitize_chars(s), "{s:?}");
            assert_eq!(sanitize_owned(s.to_string()), sanitize(s), "{s:?}");
        }
    }

    use super::*;

    fn clean(s: &str) -> String {
        sanitize(s).0
    }

    #[test]
    fn line_ends_and_bom_are_normalised() {
        assert_eq!(clean("\u{FEFF}a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(clean("a\tb"), "a b");
    }

    #[test]
    fn csi_and_osc_sequences_are_removed() {
        assert_eq!(clean("red \u{1b}[31mtext\u{1b}[0m end"), "red text end");
        assert_eq!(clean("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(
            clean("a\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\b"),
            "alinkb"
        );
        assert_eq!(clean("a\u{1b}]52;c;aGk=\u{7}b"), "ab");
        assert_eq!(clean("x\u{1b}(0y"), "xy");
        assert_eq!(clean("x\u{1b}cy"), "xy");
    }

    #[test]
    fn c1_controls_and_bidi_are_removed() {
        assert_eq!(clean("a\u{9b}31mb"), "ab");
        assert_eq!(clean("a\u{9d}0;t\u{9c}b"), "ab");
        assert_eq!(clean("a\u{85}b\u{202E}c\u{2066}d"), "abcd");
        assert_eq!(clean("nul\0here\u{7f}"), "nulhere");
    }

    #[test]
    fn emoji_zwj_and_combining_marks_survive() {
        let s = "👩\u{200D}💻 cafe\u{301} 日本";
        assert_eq!(clean(s), s);
    }

    #[test]
    fn nothing_escaping_survives_any_input() {
        let nasty = "\u{1b}[2J\u{1b}]52;c;x\u{7}\u{9b}H\u{1b}P+q\u{1b}\\\u{1b}";
        let out = clean(nasty);
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        assert_eq!(clean("a\u{1b}]0;never ends\nnext line"), "a\nnext line");
    }

    #[test]
    fn binary_is_refused_and_stray_nul_is_not() {
        let p = Path::new("x");
        assert!(matches!(
            load_bytes(p, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0"),
            Err(LoadError::Binary(_))
        ));
        let long = format!("{}\0{}", "word ".repeat(100), "more ".repeat(100));
        assert!(load_bytes(p, long.as_bytes()).is_ok());
    }

    #[test]
    fn empty_blank_and_invalid_utf8() {
        let p = Path::new("x.txt");
        assert!(matches!(load_bytes(p, b""), Err(LoadError::Empty(_))));
        assert!(matches!(
            load_bytes(p, b" \n\t\r\n "),
            Err(LoadError::Blank(_))
        ));
        let l = load_bytes(p, b"caf\xe9 au lait").expect("lossy");
        assert_eq!(l.text, "caf\u{FFFD} au lait");
        assert!(l.warnings[0].contains("not valid UTF-8"));
    }

    #[test]
    fn io_errors_map_to_one_line_messages() {
        let p = Path::new("a.txt");
        let denied = io_error(
            p,
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        );
        assert_eq!(denied.to_string(), "a.txt: permission denied");
        let missing = io_error(p, std::io::Error::from(std::io::ErrorKind::NotFound));
        assert_eq!(missing.to_string(), "a.txt: no such file");
    }
}
