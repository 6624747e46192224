//! Bytes from the terminal to keys and mouse events. Read by hand rather
//! than by crossterm's reader so that a lone `ESC` waits a moment for the
//! rest of its sequence: over a slow link `ESC [ A` can arrive as `ESC`
//! then `[A`, and must still be one arrow key, not Esc (which would close
//! an overlay) followed by `[` and `A`.

use std::time::Duration;

use crate::keymap::{Code, Key};

/// How long a lone `ESC` waits for the rest of a sequence before it
/// counts as the Esc key. Longer than a slow link's gap between packets
/// of one key, short enough not to feel late.
pub const ESC_WAIT: Duration = Duration::from_millis(150);

/// A mouse event (only reported with `--mouse`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mouse {
    /// The wheel turned: lines, positive down, at (column, row).
    Wheel(i32, u16, u16),
    /// The left button was pressed at (column, row).
    Click(u16, u16),
}

/// What the decoder found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A key press.
    Key(Key),
    /// A mouse event.
    Mouse(Mouse),
    /// The terminal answered DECRQM for mode 69 (`CSI ? 69 ; Ps $ y`):
    /// whether it has left/right margins (DECLRMM set or reset: `Ps` 1,
    /// 2, or 3 for permanently set; 0 unknown and 4 permanently reset are
    /// no).
    Margins(bool),
}

/// Bytes waiting to become input.
#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
}

impl Decoder {
    /// Adds bytes and returns every complete input. An incomplete escape
    /// sequence stays pending (see [`Decoder::is_waiting`]).
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Input> {
        self.pending.extend_from_slice(bytes);
        let mut out = Vec::new();
        while let Parsed::Done(n, input) = parse(&self.pending) {
            self.pending.drain(..n);
            out.extend(input);
        }
        out
    }

    /// True while an escape sequence has started but not finished.
    pub fn is_waiting(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Nothing more came in time: what is pending is typed keys (a lone
    /// `ESC` is Esc; `ESC x` is alt-x; a cut sequence is dropped).
    pub fn timeout(&mut self) -> Vec<Input> {
        let pending = std::mem::take(&mut self.pending);
        match pending.as_slice() {
            [] => Vec::new(),
            [0x1b] => vec![key(Code::Esc)],
            [0x1b, rest @ ..] if rest.first() != Some(&b'[') && rest.first() != Some(&b'O') => {
                let mut d = Decoder::default();
                let mut out = d.feed(rest);
                out.extend(d.timeout());
                for i in out.iter_mut().take(1) {
                    if let Input::Key(k) = i {
                        k.alt = true;
                    }
                }
                out
            }
            _ => Vec::new(),
        }
    }
}

enum Parsed {
    Empty,
    Incomplete,
    /// Bytes used, and the input they made (if any).
    Done(usize, Option<Input>),
}

fn key(code: Code) -> Input {
    Input::Key(Key::new(code, false, false, false))
}

fn parse(b: &[u8]) -> Parsed {
    let Some(&first) = b.first() else {
        return Parsed::Empty;
    };
    let plain = |code| Parsed::Done(1, Some(key(code)));
    match first {
        0x1b => escape(b),
        b'\r' | b'\n' => plain(Code::Enter),
        b'\t' => plain(Code::Tab),
        0x7f | 0x08 => plain(Code::Backspace),
        0x00 => Parsed::Done(
            1,
            Some(Input::Key(Key::new(Code::Char(' '), true, false, false))),
        ),
        0x01..=0x1a => {
            let c = char::from(first - 1 + b'a');
            Parsed::Done(
                1,
                Some(Input::Key(Key::new(Code::Char(c), true, false, false))),
            )
        }
        0x1c..=0x1f => Parsed::Done(1, None),
        _ => utf8(b),
    }
}

fn utf8(b: &[u8]) -> Parsed {
    let len = match b[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return Parsed::Done(1, None),
    };
    if b.len() < len {
        return Parsed::Incomplete;
    }
    match std::str::from_utf8(&b[..len])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) if !c.is_control() => Parsed::Done(len, Some(key(Code::Char(c)))),
        _ => Parsed::Done(1, None),
    }
}

fn escape(b: &[u8]) -> Parsed {
    match b.get(1) {
        None => Parsed::Incomplete,
        Some(b'[') => csi(b),
        Some(b'O') => match b.get(2) {
            None => Parsed::Incomplete,
            Some(&f) => Parsed::Done(3, final_key(f, 1).map(Input::Key)),
        },
        // ESC ESC: the first is Esc, the second starts again.
        Some(0x1b) => Parsed::Done(1, Some(key(Code::Esc))),
        Some(_) => match parse(&b[1..]) {
            Parsed::Done(n, Some(Input::Key(mut k))) => {
                k.alt = true;
                Parsed::Done(n + 1, Some(Input::Key(k)))
            }
            Parsed::Done(n, other) => Parsed::Done(n + 1, other),
            other => other,
        },
    }
}

/// `ESC [ params final`; a sequence longer than any key is dropped.
fn csi(b: &[u8]) -> Parsed {
    let Some(end) = b.iter().skip(2).position(|c| (0x40..=0x7e).contains(c)) else {
        return if b.len() > 32 {
            Parsed::Done(b.len(), None)
        } else {
            Parsed::Incomplete
        };
    };
    let end = end + 2;
    let params = String::from_utf8_lossy(&b[2..end]);
    let fin = b[end];
    let used = end + 1;
    if let Some(sgr) = params.strip_prefix('<') {
        return Parsed::Done(used, mouse(sgr, fin).map(Input::Mouse));
    }
    if let Some(private) = params.strip_prefix('?') {
        // A report about a DEC private mode or the device, never a key.
        return Parsed::Done(used, (fin == b'y').then(|| decrpm(private)).flatten());
    }
    let nums: Vec<u16> = params.split(';').map(|p| p.parse().unwrap_or(1)).collect();
    let modifier = nums.get(1).copied().unwrap_or(1);
    let k = if fin == b'~' {
        let code = match nums.first().copied().unwrap_or(0) {
            1 | 7 => Some(Code::Home),
            2 => Some(Code::Insert),
            3 => Some(Code::Delete),
            4 | 8 => Some(Code::End),
            5 => Some(Code::PageUp),
            6 => Some(Code::PageDown),
            n @ 11..=15 => Some(Code::F((n - 10) as u8)),
            n @ 17..=21 => Some(Code::F((n - 11) as u8)),
            n @ 23..=24 => Some(Code::F((n - 12) as u8)),
            _ => None,
        };
        code.map(|c| with_mods(c, modifier))
    } else if fin == b'Z' {
        Some(Key::new(Code::Tab, false, false, true))
    } else {
        final_key(fin, modifier)
    };
    Parsed::Done(used, k.map(Input::Key))
}

fn final_key(fin: u8, modifier: u16) -> Option<Key> {
    let code = match fin {
        b'A' => Code::Up,
        b'B' => Code::Down,
        b'C' => Code::Right,
        b'D' => Code::Left,
        b'H' => Code::Home,
        b'F' => Code::End,
        b'P'..=b'S' => Code::F(fin - b'P' + 1),
        _ => return None,
    };
    Some(with_mods(code, modifier))
}

/// xterm modifier parameter: 1 + shift(1) + alt(2) + ctrl(4).
fn with_mods(code: Code, m: u16) -> Key {
    let bits = m.saturating_sub(1);
    Key::new(code, bits & 4 != 0, bits & 2 != 0, bits & 1 != 0)
}

/// DECRPM for a DEC private mode, `mode;Ps$` (before the final `y`):
/// only mode 69 (left/right margins) is asked for.
fn decrpm(params: &str) -> Option<Input> {
    let mut it = params.strip_suffix('$')?.split(';');
    let (mode, ps) = (it.next()?, it.next()?);
    (mode == "69" && it.next().is_none()).then_some(Input::Margins(matches!(ps, "1" | "2" | "3")))
}

/// SGR mouse report `b;x;y` ending in `M` (press) or `m` (release).
fn mouse(params: &str, fin: u8) -> Option<Mouse> {
    let mut it = params.split(';').map(|p| p.parse::<u16>().ok());
    let (b, x, y) = (it.next()??, it.next()??, it.next()??);
    let (x, y) = (x.saturating_sub(1), y.saturating_sub(1));
    match (b, fin) {
        (64, b'M') => Some(Mouse::Wheel(-3, x, y)),
        (65, b'M') => Some(Mouse::Wheel(3, x, y)),
        (0, b'M') => Some(Mouse::Click(x, y)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(d: &mut Decoder, bytes: &[u8]) -> Vec<String> {
        d.feed(bytes)
            .into_iter()
            .map(|i| match i {
                Input::Key(k) => k.to_string(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn plain_keys_and_controls() {
        let mut d = Decoder::default();
        assert_eq!(
            keys(&mut d, b"jG \r\t\x04\x7f"),
            ["j", "G", "space", "enter", "tab", "ctrl-d", "backspace"]
        );
        assert_eq!(keys(&mut d, "é".as_bytes()), ["é"]);
        assert!(!d.is_waiting());
    }

    #[test]
    fn an_arrow_split_after_esc_is_still_one_arrow() {
        let mut d = Decoder::default();
        assert!(keys(&mut d, b"\x1b").is_empty());
        assert!(d.is_waiting());
        assert_eq!(keys(&mut d, b"[B"), ["down"]);
        assert!(keys(&mut d, b"\x1b[").is_empty());
        assert_eq!(keys(&mut d, b"6~"), ["pagedown"]);
        assert_eq!(
            keys(&mut d, b"\x1bOA\x1b[1;5C\x1b[Z"),
            ["up", "ctrl-right", "shift-tab"]
        );
    }

    #[test]
    fn a_lone_esc_is_esc_only_after_the_wait() {
        let mut d = Decoder::default();
        assert!(keys(&mut d, b"\x1b").is_empty());
        let got: Vec<String> = d
            .timeout()
            .into_iter()
            .filter_map(|i| match i {
                Input::Key(k) => Some(k.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(got, ["esc"]);
        assert_eq!(keys(&mut d, b"\x1b\x1b"), ["esc"]);
        assert_eq!(keys(&mut d, b"j"), ["alt-j"]);
    }

    #[test]
    fn mouse_reports() {
        let mut d = Decoder::default();
        assert_eq!(
            d.feed(b"\x1b[<65;10;5M\x1b[<0;3;4M\x1b[<0;3;4m"),
            [
                Input::Mouse(Mouse::Wheel(3, 9, 4)),
                Input::Mouse(Mouse::Click(2, 3)),
            ]
        );
    }

    #[test]
    fn the_margins_report_is_a_capability_never_a_key() {
        let mut d = Decoder::default();
        assert_eq!(
            keys(&mut d, b"j\x1b[?69;2$yk\x1b[?69;1$y"),
            ["j", "Margins(true)", "k", "Margins(true)"]
        );
        assert_eq!(
            keys(&mut d, b"\x1b[?69;0$y\x1b[?69;4$y"),
            ["Margins(false)", "Margins(false)"]
        );
        // Split by a slow link, it is still one report.
        assert!(keys(&mut d, b"\x1b[?69").is_empty());
        assert_eq!(keys(&mut d, b";2$y"), ["Margins(true)"]);
        // Other reports (another mode, device attributes) are dropped,
        // none of their bytes a key.
        assert!(keys(&mut d, b"\x1b[?2026;2$y\x1b[?1;2c\x1b[?64;1;2;6;22c").is_empty());
        assert!(!d.is_waiting());
    }

    #[test]
    fn junk_never_panics() {
        let mut d = Decoder::default();
        for i in 0..=255u8 {
            d.feed(&[i, 0x1b, b'[', i, 0xff, b';', i]);
        }
        d.feed(&[0x1b, b'['].repeat(40));
        d.timeout();
        assert!(!d.is_waiting());
    }
}
