//! Keys as data: key strings such as `"ctrl-d"`, `"j"`, `"down"`,
//! `"shift-tab"` parse to a [`Key`] and print back the same way, and a
//! [`Keymap`] binds keys to [`Action`]s. The defaults are a table here
//! (kept equal to `assets/config.toml` by a test in `config`); a user's
//! config is merged over them.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use thiserror::Error;

use crate::action::Action;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// A printable character; its case carries the shift key.
    Char(char),
    /// Enter or Return.
    Enter,
    /// Escape.
    Esc,
    /// Tab (shift-tab is `Tab` with `shift`).
    Tab,
    /// Backspace.
    Backspace,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Insert.
    Insert,
    /// Delete.
    Delete,
    /// A function key, `F(1)` to `F(24)`.
    F(u8),
}

/// A key with its modifiers, normalised so that one physical key has one
/// value: shift is folded into a character's case and never set for
/// characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key.
    pub code: Code,
    /// Control held.
    pub ctrl: bool,
    /// Alt (Meta) held.
    pub alt: bool,
    /// Shift held (only for non-character keys).
    pub shift: bool,
}

/// A key string that is not a key.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "unknown key {0:?}: use names like \"j\", \"ctrl-d\", \"shift-tab\", \"pagedown\", \"space\""
)]
pub struct KeyParseError(pub String);

impl Key {
    /// A key from a code and modifiers, normalised.
    pub fn new(code: Code, ctrl: bool, alt: bool, shift: bool) -> Self {
        match code {
            Code::Char(c) => {
                let c = if shift {
                    c.to_uppercase().next().unwrap_or(c)
                } else {
                    c
                };
                Key {
                    code: Code::Char(c),
                    ctrl,
                    alt,
                    shift: false,
                }
            }
            _ => Key {
                code,
                ctrl,
                alt,
                shift,
            },
        }
    }

    /// Parses `"ctrl-d"`, `"G"`, `"shift-tab"`, `"space"`, `"f5"`, `"-"`.
    pub fn parse(s: &str) -> Result<Key, KeyParseError> {
        let err = || KeyParseError(s.to_string());
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        let mut rest = s.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            let strip = |p: &str| lower.starts_with(p) && rest.len() > p.len();
            if strip("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if strip("alt-") {
                alt = true;
                rest = &rest[4..];
            } else if strip("shift-") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => Code::Char(c),
            (None, _) => return Err(err()),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => Code::Enter,
                "esc" | "escape" => Code::Esc,
                "tab" => Code::Tab,
                "backtab" => {
                    shift = true;
                    Code::Tab
                }
                "backspace" => Code::Backspace,
                "up" => Code::Up,
                "down" => Code::Down,
                "left" => Code::Left,
                "right" => Code::Right,
                "home" => Code::Home,
                "end" => Code::End,
                "pageup" | "pgup" => Code::PageUp,
                "pagedown" | "pgdn" | "pgdown" => Code::PageDown,
                "space" => Code::Char(' '),
                "insert" | "ins" => Code::Insert,
                "delete" | "del" => Code::Delete,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=24) => Code::F(n),
                    _ => return Err(err()),
                },
                _ => return Err(err()),
            },
        };
        Ok(Key::new(code, ctrl, alt, shift))
    }

    /// The key a terminal event stands for, if byline can bind it.
    pub fn from_event(ev: &KeyEvent) -> Option<Key> {
        let m = ev.modifiers;
        let mut shift = m.contains(KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::Char(c) => Code::Char(c),
            KeyCode::Enter => Code::Enter,
            KeyCode::Esc => Code::Esc,
            KeyCode::Tab => Code::Tab,
            KeyCode::BackTab => {
                shift = true;
                Code::Tab
            }
            KeyCode::Backspace => Code::Backspace,
            KeyCode::Up => Code::Up,
            KeyCode::Down => Code::Down,
            KeyCode::Left => Code::Left,
            KeyCode::Right => Code::Right,
            KeyCode::Home => Code::Home,
            KeyCode::End => Code::End,
            KeyCode::PageUp => Code::PageUp,
            KeyCode::PageDown => Code::PageDown,
            KeyCode::Insert => Code::Insert,
            KeyCode::Delete => Code::Delete,
            KeyCode::F(n) => Code::F(n),
            _ => return None,
        };
        Some(Key::new(
            code,
            m.contains(KeyModifiers::CONTROL),
            m.contains(KeyModifiers::ALT),
            shift,
        ))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if self.shift {
            f.write_str("shift-")?;
        }
        match self.code {
            Code::Char(' ') => f.write_str("space"),
            Code::Char(c) => write!(f, "{c}"),
            Code::Enter => f.write_str("enter"),
            Code::Esc => f.write_str("esc"),
            Code::Tab => f.write_str("tab"),
            Code::Backspace => f.write_str("backspace"),
            Code::Up => f.write_str("up"),
            Code::Down => f.write_str("down"),
            Code::Left => f.write_str("left"),
            Code::Right => f.write_str("right"),
            Code::Home => f.write_str("home"),
            Code::End => f.write_str("end"),
            Code::PageUp => f.write_str("pageup"),
            Code::PageDown => f.write_str("pagedown"),
            Code::Insert => f.write_str("insert"),
            Code::Delete => f.write_str("delete"),
            Code::F(n) => write!(f, "f{n}"),
        }
    }
}

/// The default bindings, in the order help lists keys for an action.
pub const DEFAULTS: &[(&str, Action)] = &[
    ("tab", Action::FocusNext),
    ("shift-tab", Action::FocusPrev),
    ("1", Action::FocusBody),
    ("2", Action::FocusOutline),
    ("3", Action::FocusPeople),
    ("j", Action::Down),
    ("down", Action::Down),
    ("k", Action::Up),
    ("up", Action::Up),
    ("space", Action::PageDown),
    ("pagedown", Action::PageDown),
    ("ctrl-f", Action::PageDown),
    ("b", Action::PageUp),
    ("pageup", Action::PageUp),
    ("ctrl-b", Action::PageUp),
    ("ctrl-d", Action::HalfPageDown),
    ("ctrl-u", Action::HalfPageUp),
    ("y", Action::Copy),
    ("g", Action::Top),
    ("home", Action::Top),
    ("G", Action::Bottom),
    ("end", Action::Bottom),
    ("enter", Action::Select),
    ("a", Action::ToggleMatch),
    ("esc", Action::Clear),
    ("o", Action::ToggleOutline),
    ("p", Action::TogglePeople),
    ("s", Action::SwitchSidebar),
    ("z", Action::ReadingMode),
    ("/", Action::Search),
    ("n", Action::SearchNext),
    ("N", Action::SearchPrev),
    ("m", Action::SetMark),
    ("'", Action::JumpMark),
    ("ctrl-o", Action::JumpBack),
    // Most terminals send ctrl-i as Tab, which stays pane focus; a
    // terminal that tells them apart gets both.
    ("ctrl-i", Action::JumpForward),
    ("]", Action::NextFile),
    ("[", Action::PrevFile),
    // From an article opened from a folder's list, back to the list:
    // Backspace as in a browser, h and Left as in vim file managers.
    ("backspace", Action::Back),
    ("h", Action::Back),
    ("left", Action::Back),
    ("?", Action::Help),
    ("q", Action::Quit),
    ("ctrl-c", Action::Quit),
];

/// Key bindings: each key maps to at most one action; an action may have
/// several keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    /// The bindings of [`DEFAULTS`].
    fn default() -> Self {
        let mut map = Keymap::empty();
        for (k, a) in DEFAULTS {
            // The table is checked by a unit test, so a bad entry can't ship.
            if let Ok(key) = Key::parse(k) {
                map.bindings.push((key, *a));
            }
        }
        map
    }
}

impl Keymap {
    /// A keymap with no bindings.
    pub fn empty() -> Self {
        Keymap {
            bindings: Vec::new(),
        }
    }

    /// Binds `key` to `action`, replacing what the key did before.
    pub fn bind(&mut self, key: &str, action: Action) -> Result<(), KeyParseError> {
        let key = Key::parse(key)?;
        self.bindings.retain(|(k, _)| *k != key);
        self.bindings.push((key, action));
        Ok(())
    }

    /// Binds a parsed `key` to `action`, replacing what it did before.
    pub fn bind_key(&mut self, key: Key, action: Action) {
        self.bindings.retain(|(k, _)| *k != key);
        self.bindings.push((key, action));
    }

    /// Removes every binding of `key`.
    pub fn unbind(&mut self, key: &str) -> Result<(), KeyParseError> {
        let key = Key::parse(key)?;
        self.bindings.retain(|(k, _)| *k != key);
        Ok(())
    }

    /// The action bound to `key`.
    pub fn action(&self, key: &Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, a)| *a)
    }

    /// The keys bound to `action`, in binding order.
    pub fn keys(&self, action: Action) -> impl Iterator<Item = Key> + '_ {
        self.bindings
            .iter()
            .filter(move |(_, a)| *a == action)
            .map(|(k, _)| *k)
    }

    /// The first key bound to `action`, as text (for hints).
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.keys(action).next().map(|k| k.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_table_parses_and_has_no_duplicate_keys() {
        for (k, _) in DEFAULTS {
            Key::parse(k).unwrap_or_else(|e| panic!("{e}"));
        }
        let map = Keymap::default();
        assert_eq!(map.bindings.len(), DEFAULTS.len(), "a key is bound twice");
    }

    #[test]
    fn every_action_has_a_default_key() {
        let map = Keymap::default();
        for a in Action::ALL {
            assert!(map.first_key(*a).is_some(), "{a:?} has no key");
        }
    }

    #[test]
    fn key_strings_round_trip() {
        for s in [
            "j",
            "G",
            "ctrl-d",
            "shift-tab",
            "space",
            "pagedown",
            "enter",
            "esc",
            "?",
            "-",
            "alt-x",
            "f5",
            "ctrl-alt-home",
        ] {
            let k = Key::parse(s).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(k.to_string(), s);
        }
    }

    #[test]
    fn aliases_normalise() {
        let p = |s| Key::parse(s).expect("parses");
        assert_eq!(p("shift-g"), p("G"));
        assert_eq!(p("backtab"), p("shift-tab"));
        assert_eq!(p("CTRL-d"), p("ctrl-d"));
        assert_eq!(p("ctrl-D"), p("ctrl-shift-d"));
        assert_eq!(p("PgDn"), p("pagedown"));
        assert_eq!(p("return"), p("enter"));
    }

    #[test]
    fn bad_keys_are_errors_that_quote_the_key() {
        for s in ["", "ctrl-", "banana", "f99", "f0"] {
            let e = Key::parse(s).expect_err(s);
            assert!(e.to_string().contains(&format!("{s:?}")), "{e}");
        }
    }

    #[test]
    fn terminal_events_map_to_default_actions() {
        let map = Keymap::default();
        let ev = |code, m| Key::from_event(&KeyEvent::new(code, m)).expect("bindable");
        let act = |code, m| map.action(&ev(code, m));
        assert_eq!(
            act(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            act(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Bottom)
        );
        assert_eq!(
            act(KeyCode::BackTab, KeyModifiers::SHIFT),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            act(KeyCode::Char('?'), KeyModifiers::SHIFT),
            Some(Action::Help)
        );
        assert_eq!(
            act(KeyCode::Char(' '), KeyModifiers::NONE),
            Some(Action::PageDown)
        );
        assert_eq!(act(KeyCode::Char('x'), KeyModifiers::NONE), None);
    }

    #[test]
    fn bind_replaces_and_unbind_removes() {
        let mut map = Keymap::default();
        map.bind("j", Action::Quit).expect("bind");
        assert_eq!(
            map.action(&Key::parse("j").expect("key")),
            Some(Action::Quit)
        );
        map.unbind("q").expect("unbind");
        assert_eq!(map.action(&Key::parse("q").expect("key")), None);
        assert!(map.bind("nope", Action::Quit).is_err());
    }
}
