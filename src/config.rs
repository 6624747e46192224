//! Settings from `config.toml`: key bindings, theme, measure, justified
//! text, panes open at start, mouse, terminal margins. The defaults are the commented file
//! `assets/config.toml`, embedded; the user's file is merged over it key
//! by key. Unknown keys and bad values are errors that name the file,
//! the line, the key and the value.

mod error;
pub mod style;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

use crate::action::Action;
use crate::keymap::{Key, Keymap};
pub use error::ConfigError;
use error::locate;
use style::Spec;

/// The default configuration, as `byline --print-config` prints it.
pub const DEFAULT: &str = include_str!("../assets/config.toml");

/// Everything the config file sets, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The keymap: defaults with the user's bindings over them.
    pub keymap: Keymap,
    /// Styles by role.
    pub theme: ThemeSpec,
    /// Widest body text, in columns.
    pub measure: u16,
    /// Lines end flush at the measure.
    pub justify: bool,
    /// Mouse wheel scrolls.
    pub mouse: bool,
    /// Whether to ask the terminal for left/right margins.
    pub margins: Margins,
    /// The outline is open at start.
    pub outline: bool,
    /// The people list is open at start.
    pub people: bool,
}

/// Left/right margins (DECSLRM), for scrolling the body alone beside
/// the sidebars: asked of the terminal and used when it has them
/// (`auto`), or never asked (`off`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Margins {
    /// Ask at start-up, without waiting; use them once the terminal says yes.
    #[default]
    Auto,
    /// Never ask, never use.
    Off,
}

/// Styles by role, as written in `[theme]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ThemeSpec {
    /// Body text.
    pub body: Spec,
    /// Caption text.
    pub caption: Spec,
    /// Quoted text.
    pub quote: Spec,
    /// People's names.
    pub name: Spec,
    /// Names of people in the filter.
    pub name_filtered: Spec,
    /// The focused pane's border.
    pub focused_border: Spec,
    /// The status line.
    pub status: Spec,
    /// Search matches.
    pub search: Spec,
    /// The current search match.
    pub search_current: Spec,
}

/// One file's worth of settings; what it leaves out is `None`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct File {
    reader: ReaderFile,
    panes: PanesFile,
    theme: ThemeFile,
    keys: HashMap<Action, Vec<KeyName>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct ReaderFile {
    measure: Option<Measure>,
    justify: Option<bool>,
    mouse: Option<bool>,
    margins: Option<Margins>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct PanesFile {
    outline: Option<bool>,
    people: Option<bool>,
}

/// Declares `ThemeFile` (every role optional) and its merge and
/// resolution, from one list of roles.
macro_rules! theme_roles {
    ($($role:ident),*) => {
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields, default)]
        struct ThemeFile { $($role: Option<Spec>,)* }

        impl ThemeFile {
            fn over(self, base: ThemeFile) -> ThemeFile {
                ThemeFile { $($role: self.$role.or(base.$role),)* }
            }
            fn resolve(&self) -> ThemeSpec {
                ThemeSpec { $($role: self.$role.unwrap_or_default(),)* }
            }
        }
    };
}

theme_roles!(
    body,
    caption,
    quote,
    name,
    name_filtered,
    focused_border,
    status,
    search,
    search_current
);

/// A key string, checked when the file is read.
#[derive(Debug, Clone, Copy)]
struct KeyName(Key);

impl<'de> Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<KeyName, D::Error> {
        let s = String::deserialize(d)?;
        Key::parse(&s)
            .map(KeyName)
            .map_err(serde::de::Error::custom)
    }
}

/// A measure within reason.
#[derive(Debug, Clone, Copy)]
struct Measure(u16);

impl<'de> Deserialize<'de> for Measure {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Measure, D::Error> {
        let n = i64::deserialize(d)?;
        match u16::try_from(n) {
            Ok(m @ 20..=400) => Ok(Measure(m)),
            _ => Err(serde::de::Error::custom(format!(
                "measure {n} is out of range: use 20 to 400 columns"
            ))),
        }
    }
}

impl File {
    fn parse(text: &str, path: &Path) -> Result<File, ConfigError> {
        toml::from_str(text).map_err(|e| locate(text, path, e.span(), e.message()))
    }

    /// `self` over `base`: what `self` sets wins, key by key.
    fn over(self, base: File) -> File {
        let mut keys = base.keys;
        keys.extend(self.keys);
        File {
            reader: ReaderFile {
                measure: self.reader.measure.or(base.reader.measure),
                justify: self.reader.justify.or(base.reader.justify),
                mouse: self.reader.mouse.or(base.reader.mouse),
                margins: self.reader.margins.or(base.reader.margins),
            },
            panes: PanesFile {
                outline: self.panes.outline.or(base.panes.outline),
                people: self.panes.people.or(base.panes.people),
            },
            theme: self.theme.over(base.theme),
            keys,
        }
    }
}

impl Config {
    /// The built-in defaults.
    pub fn defaults() -> Config {
        Config::from_toml("", Path::new("(none)")).unwrap_or_else(|_| Config::fallback())
    }

    /// Only reached if the embedded file were broken, which a unit test
    /// rules out.
    fn fallback() -> Config {
        Config {
            keymap: Keymap::default(),
            theme: ThemeSpec::default(),
            measure: crate::layout::MAX_MEASURE,
            justify: false,
            mouse: false,
            margins: Margins::Auto,
            outline: true,
            people: true,
        }
    }

    /// `text` (the file at `path`) merged over the defaults.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let base = File::parse(DEFAULT, Path::new("(built-in defaults)"))?;
        let user = File::parse(text, path)?;
        let user_keys: Vec<Action> = user.keys.keys().copied().collect();
        let file = user.over(base);
        // Defaults first, then the user's lists, so a key the user gives
        // to one action is taken from the action it had by default.
        let mut keymap = Keymap::empty();
        let (mine, theirs): (Vec<Action>, Vec<Action>) =
            Action::ALL.iter().partition(|a| user_keys.contains(a));
        for a in theirs.into_iter().chain(mine) {
            for k in file.keys.get(&a).into_iter().flatten() {
                keymap.bind_key(k.0, a);
            }
        }
        let fb = Config::fallback();
        Ok(Config {
            keymap,
            theme: file.theme.resolve(),
            measure: file.reader.measure.map_or(fb.measure, |m| m.0),
            justify: file.reader.justify.unwrap_or(fb.justify),
            mouse: file.reader.mouse.unwrap_or(fb.mouse),
            margins: file.reader.margins.unwrap_or(fb.margins),
            outline: file.panes.outline.unwrap_or(fb.outline),
            people: file.panes.people.unwrap_or(fb.people),
        })
    }

    /// Reads the config: `explicit` (from `--config`) or else
    /// `BYLINE_CONFIG` must exist; the default location may be missing.
    pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
        let (path, must) = match (explicit, std::env::var_os("BYLINE_CONFIG")) {
            (Some(p), _) => (p.to_path_buf(), true),
            (None, Some(p)) if !p.is_empty() => (PathBuf::from(p), true),
            _ => match default_path() {
                Some(p) => (p, false),
                None => return Ok(Config::defaults()),
            },
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::from_toml(&text, &path),
            Err(e) if !must && e.kind() == std::io::ErrorKind::NotFound => Ok(Config::defaults()),
            Err(e) => Err(ConfigError {
                path,
                line: None,
                key: None,
                message: format!("cannot read it: {e}"),
                text: None,
            }),
        }
    }
}

/// `config.toml` in the platform's config directory for byline.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "byline").map(|d| d.config_dir().join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::from_toml(text, Path::new("/tmp/c.toml"))
    }

    #[test]
    fn embedded_defaults_parse_and_set_everything() {
        let base = File::parse(DEFAULT, Path::new("d")).unwrap_or_else(|e| panic!("{e}"));
        let r = &base.reader;
        assert!(
            r.measure.is_some() && r.justify.is_some() && r.mouse.is_some() && r.margins.is_some()
        );
        assert!(base.panes.outline.is_some() && base.panes.people.is_some());
        let t = &base.theme;
        for role in [&t.body, &t.caption, &t.quote, &t.name, &t.name_filtered] {
            assert!(role.is_some());
        }
        for role in [&t.focused_border, &t.status, &t.search, &t.search_current] {
            assert!(role.is_some());
        }
        for a in Action::ALL {
            assert!(
                base.keys.contains_key(a),
                "{a:?} missing from assets/config.toml"
            );
        }
    }

    #[test]
    fn embedded_keys_equal_the_keymap_defaults() {
        let from_file = Config::defaults().keymap;
        let table = Keymap::default();
        for a in Action::ALL {
            let f: Vec<Key> = from_file.keys(*a).collect();
            let t: Vec<Key> = table.keys(*a).collect();
            assert_eq!(f, t, "{a:?}");
        }
    }

    #[test]
    fn every_action_is_documented_in_the_file() {
        for a in Action::ALL {
            let name = serde_json::to_string(a).unwrap_or_default();
            let name = name.trim_matches('"');
            let doc = format!("# {}\n{name} = ", a.doc());
            assert!(DEFAULT.contains(&doc), "{name}: expected {doc:?}");
        }
    }

    #[test]
    fn user_file_merges_key_by_key() {
        let c = parse("[reader]\njustify = true\n[theme]\nquote = \"#ff0000\"\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(c.justify);
        assert_eq!(c.measure, 80);
        assert_eq!(c.theme.quote.fg, Some(Color::Rgb(255, 0, 0)));
        assert_eq!(c.theme.caption, Config::defaults().theme.caption);
    }

    #[test]
    fn rebinding_takes_the_key_and_replaces_the_list() {
        let c = parse("[keys]\ndown = [\"x\"]\nquit = [\"j\"]\nhelp = []\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let key = |s| Key::parse(s).expect("key");
        assert_eq!(c.keymap.action(&key("x")), Some(Action::Down));
        assert_eq!(c.keymap.action(&key("j")), Some(Action::Quit));
        assert_eq!(c.keymap.action(&key("down")), None);
        assert_eq!(c.keymap.action(&key("q")), None);
        assert_eq!(c.keymap.first_key(Action::Help), None);
        assert_eq!(c.keymap.action(&key("k")), Some(Action::Up));
    }

    #[test]
    fn errors_name_file_line_key_and_value() {
        let cases = [
            (
                "[theme]\nbody = \"default\"\nquote = \"yelow\"\n",
                3,
                "theme.quote",
                "yelow",
            ),
            ("[reader]\nmeasure = 5\n", 2, "reader.measure", "5"),
            ("[reader]\njustfy = true\n", 2, "reader.justfy", "justfy"),
            // A bad list item is placed on the key's line.
            (
                "[keys]\ndown = [\n  \"j\",\n  \"dwn\",\n]\n",
                2,
                "keys.down",
                "dwn",
            ),
            ("[keys]\ndwon = [\"j\"]\n", 2, "keys.dwon", "dwon"),
            ("[reader]\nmouse = \"yes\"\n", 2, "reader.mouse", "yes"),
            ("[reader]\nmargins = \"on\"\n", 2, "reader.margins", "on"),
            ("[colours]\nx = 1\n", 1, "colours", "colours"),
        ];
        for (text, line, key, value) in cases {
            let e = parse(text).expect_err(text);
            assert_eq!(e.line, Some(line), "{e}");
            assert_eq!(e.key.as_deref(), Some(key), "{e}");
            let shown = e.to_string();
            assert!(shown.contains("/tmp/c.toml"), "{shown}");
            assert!(e.message.contains(value), "{shown}");
        }
    }

    #[test]
    fn syntax_errors_are_placed_too() {
        let e = parse("[reader]\nmeasure = = 3\n").expect_err("syntax");
        assert_eq!(e.line, Some(2), "{e}");
    }
}
