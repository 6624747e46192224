//! Styles as config strings (`"yellow"`, `"bold cyan"`, `"black on
//! cyan"`, `"#ffaa00 underline"`) and the colour depth of the terminal,
//! so the same setting reads right in truecolor, 256, 16 or no colour.

use std::fmt;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Deserializer};

/// A style from the config: optional colours and added text attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spec {
    /// Foreground colour.
    pub fg: Option<Color>,
    /// Background colour.
    pub bg: Option<Color>,
    /// Bold, italic, underline, reverse, dim.
    pub add: Modifier,
}

/// A style string that is not a style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadStyle(String);

impl fmt::Display for BadStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: write a colour (\"yellow\", \"lightcyan\", \"#ffaa00\", \"208\"), \
             \"on COLOUR\" for the background, and any of bold, dim, italic, underline, reverse",
            self.0
        )
    }
}

impl FromStr for Spec {
    type Err = BadStyle;

    fn from_str(s: &str) -> Result<Spec, BadStyle> {
        let mut spec = Spec::default();
        let mut words = s.split_whitespace();
        while let Some(w) = words.next() {
            let lower = w.to_ascii_lowercase();
            let modifier = match lower.as_str() {
                "bold" => Some(Modifier::BOLD),
                "dim" => Some(Modifier::DIM),
                "italic" => Some(Modifier::ITALIC),
                "underline" | "underlined" => Some(Modifier::UNDERLINED),
                "reverse" | "reversed" => Some(Modifier::REVERSED),
                _ => None,
            };
            if let Some(m) = modifier {
                spec.add |= m;
            } else if lower == "on" {
                let Some(c) = words.next() else {
                    return Err(BadStyle(format!("{s:?} has no colour after \"on\"")));
                };
                spec.bg = Some(colour(c).ok_or_else(|| unknown(c))?);
            } else if spec.fg.is_none() {
                spec.fg = Some(colour(w).ok_or_else(|| unknown(w))?);
            } else {
                return Err(BadStyle(format!("{s:?} names two colours")));
            }
        }
        Ok(spec)
    }
}

fn unknown(w: &str) -> BadStyle {
    BadStyle(format!("unknown colour or attribute {w:?}"))
}

/// A colour name, `#rrggbb` or an index 0–255; `default` is the
/// terminal's own colour.
fn colour(w: &str) -> Option<Color> {
    match w.to_ascii_lowercase().as_str() {
        "default" | "reset" | "none" => Some(Color::Reset),
        "grey" => Some(Color::Gray),
        "darkgrey" => Some(Color::DarkGray),
        _ => Color::from_str(w).ok(),
    }
}

impl<'de> Deserialize<'de> for Spec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Spec, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    /// No colour at all: attributes only (NO_COLOR, TERM=dumb, --color never).
    None,
    /// The 16 ANSI colours.
    Ansi16,
    /// The xterm 256-colour palette.
    Ansi256,
    /// 24-bit colour.
    True,
}

/// `--color`: auto (from the environment), always, never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour unless NO_COLOR is set or TERM is dumb.
    #[default]
    Auto,
    /// Colour even when the environment says no.
    Always,
    /// No colour.
    Never,
}

impl Depth {
    /// The depth for `choice` in an environment read through `env`.
    pub fn detect(choice: ColorChoice, env: impl Fn(&str) -> Option<String>) -> Depth {
        let term = env("TERM").unwrap_or_default();
        let set = |k: &str| env(k).is_some_and(|v| !v.is_empty());
        if choice == ColorChoice::Never
            || choice == ColorChoice::Auto && (set("NO_COLOR") || term == "dumb")
        {
            return Depth::None;
        }
        let ct = env("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        if ct == "truecolor" || ct == "24bit" || term.ends_with("-direct") {
            Depth::True
        } else if term.contains("256color") {
            Depth::Ansi256
        } else {
            Depth::Ansi16
        }
    }
}

impl Spec {
    /// The style at `depth`: colours brought down to what the terminal
    /// shows, dropped altogether without colour.
    pub fn style(self, depth: Depth) -> Style {
        let mut style = Style::new().add_modifier(self.add);
        if depth == Depth::None {
            return style;
        }
        if let Some(c) = self.fg {
            style = style.fg(fit(c, depth));
        }
        if let Some(c) = self.bg {
            style = style.bg(fit(c, depth));
        }
        style
    }
}

/// `c` as the nearest colour `depth` can show.
pub fn fit(c: Color, depth: Depth) -> Color {
    match (c, depth) {
        (Color::Rgb(r, g, b), Depth::Ansi256) => Color::Indexed(rgb_to_256(r, g, b)),
        (Color::Rgb(r, g, b), Depth::Ansi16) => nearest16(r, g, b),
        (Color::Indexed(i), Depth::Ansi16) => {
            let (r, g, b) = index_rgb(i);
            nearest16(r, g, b)
        }
        _ => c,
    }
}

const LEVELS: [u8; 6] = [0, 95, 135, 175, 215, 255];

fn rgb_to_256(r: u8, g: u8, b: u8) -> u8 {
    let level = |v: u8| {
        (0..6)
            .min_by_key(|&i| (i32::from(LEVELS[i]) - i32::from(v)).abs())
            .unwrap_or(0) as u8
    };
    let cube = 16 + 36 * level(r) + 6 * level(g) + level(b);
    let avg = (u16::from(r) + u16::from(g) + u16::from(b)) / 3;
    let grey = 232 + (avg.saturating_sub(3) / 10).min(23) as u8;
    if dist(index_rgb(grey), (r, g, b)) < dist(index_rgb(cube), (r, g, b)) {
        grey
    } else {
        cube
    }
}

/// The usual xterm values of the 16 ANSI colours, in index order.
const ANSI: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

fn index_rgb(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI[usize::from(i)].1,
        16..=231 => {
            let n = i - 16;
            (
                LEVELS[usize::from(n / 36)],
                LEVELS[usize::from(n / 6 % 6)],
                LEVELS[usize::from(n % 6)],
            )
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
    }
}

fn dist(a: (u8, u8, u8), b: (u8, u8, u8)) -> i32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).pow(2);
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

fn nearest16(r: u8, g: u8, b: u8) -> Color {
    ANSI.iter()
        .min_by_key(|(_, rgb)| dist(*rgb, (r, g, b)))
        .map_or(Color::Reset, |(c, _)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(s: &str) -> Spec {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn styles_parse_colours_backgrounds_and_attributes() {
        let s = spec("bold black on cyan");
        assert_eq!(s.fg, Some(Color::Black));
        assert_eq!(s.bg, Some(Color::Cyan));
        assert!(s.add.contains(Modifier::BOLD));
        assert_eq!(spec("#ffaa00").fg, Some(Color::Rgb(255, 170, 0)));
        assert_eq!(spec("208 underline").fg, Some(Color::Indexed(208)));
        assert_eq!(spec("default").fg, Some(Color::Reset));
        assert_eq!(spec("darkgrey").fg, Some(Color::DarkGray));
        assert_eq!(spec(""), Spec::default());
    }

    #[test]
    fn bad_styles_quote_the_word() {
        for (s, bad) in [
            ("yelow", "yelow"),
            ("red blue", "two colours"),
            ("on", "after"),
        ] {
            let e = s.parse::<Spec>().expect_err(s).to_string();
            assert!(e.contains(bad), "{e}");
        }
    }

    #[test]
    fn colours_come_down_to_the_depth() {
        let s = spec("#ff0000 on 196 bold");
        assert_eq!(s.style(Depth::True).fg, Some(Color::Rgb(255, 0, 0)));
        assert_eq!(s.style(Depth::Ansi256).fg, Some(Color::Indexed(196)));
        assert_eq!(s.style(Depth::Ansi16).fg, Some(Color::LightRed));
        assert_eq!(s.style(Depth::Ansi16).bg, Some(Color::LightRed));
        let none = s.style(Depth::None);
        assert_eq!((none.fg, none.bg), (None, None));
        assert!(none.add_modifier.contains(Modifier::BOLD));
        assert_eq!(
            fit(Color::Rgb(128, 128, 128), Depth::Ansi256),
            Color::Indexed(244)
        );
    }

    #[test]
    fn depth_follows_the_environment() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                vars.iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let auto = ColorChoice::Auto;
        assert_eq!(
            Depth::detect(auto, env(&[("TERM", "xterm")])),
            Depth::Ansi16
        );
        assert_eq!(
            Depth::detect(auto, env(&[("TERM", "xterm-256color")])),
            Depth::Ansi256
        );
        assert_eq!(
            Depth::detect(auto, env(&[("TERM", "xterm"), ("COLORTERM", "truecolor")])),
            Depth::True
        );
        let no = env(&[("TERM", "xterm-256color"), ("NO_COLOR", "1")]);
        assert_eq!(Depth::detect(auto, no), Depth::None);
        assert_eq!(Depth::detect(ColorChoice::Always, no), Depth::Ansi256);
        assert_eq!(Depth::detect(auto, env(&[("TERM", "dumb")])), Depth::None);
        assert_eq!(
            Depth::detect(ColorChoice::Never, env(&[("TERM", "xterm")])),
            Depth::None
        );
        // NO_COLOR set but empty does not count (no-color.org).
        assert_eq!(
            Depth::detect(auto, env(&[("TERM", "xterm"), ("NO_COLOR", "")])),
            Depth::Ansi16
        );
    }
}
