//! Colours and text styles, in one place. The default is sixteen-colour
//! ANSI, so it reads the same over SSH and in any terminal theme; the
//! config's `[theme]` changes the main roles, brought to the terminal's
//! colour depth. Without colour every role keeps an attribute (bold,
//! underline, reverse), so names, quotes, captions and focus stay apart.

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeSpec;
use crate::config::style::Depth;

/// Every style the reader uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Body text.
    pub body: Style,
    /// A search match.
    pub search: Style,
    /// The current search match.
    pub search_current: Style,
    /// The article title.
    pub title: Style,
    /// Date, author, source; hidden-block markers.
    pub meta: Style,
    /// Caption text.
    pub caption: Style,
    /// The bar before caption lines.
    pub caption_marker: Style,
    /// A caption's credit.
    pub credit: Style,
    /// Text inside a quote.
    pub quote: Style,
    /// A person's name.
    pub name: Style,
    /// A name of someone in the people filter.
    pub name_filtered: Style,
    /// The caption or quote last jumped to from the outline.
    pub flash: Style,
    /// Pane borders.
    pub border: Style,
    /// The focused pane's border and title.
    pub border_focused: Style,
    /// The selected list item in a focused list.
    pub selected: Style,
    /// The selected list item when the list is not focused.
    pub current: Style,
    /// Secondary text in lists.
    pub dim: Style,
    /// The status line.
    pub status: Style,
    /// Keys in hints and help.
    pub key: Style,
}

impl Default for Theme {
    fn default() -> Self {
        let fg = |c| Style::new().fg(c);
        Theme {
            body: fg(Color::Reset),
            search: Style::new().fg(Color::Black).bg(Color::Yellow),
            search_current: Style::new()
                .fg(Color::Black)
                .bg(Color::LightGreen)
                .add_modifier(Modifier::BOLD),
            title: Style::new().add_modifier(Modifier::BOLD),
            meta: fg(Color::Gray).add_modifier(Modifier::DIM),
            caption: Style::new().add_modifier(Modifier::ITALIC),
            caption_marker: fg(Color::Cyan),
            credit: fg(Color::Gray).add_modifier(Modifier::DIM),
            quote: fg(Color::Yellow),
            name: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            name_filtered: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            flash: Style::new().add_modifier(Modifier::REVERSED),
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: Style::new().fg(Color::Black).bg(Color::Cyan),
            current: fg(Color::Cyan).add_modifier(Modifier::BOLD),
            dim: fg(Color::Gray).add_modifier(Modifier::DIM),
            status: Style::new().fg(Color::White).bg(Color::DarkGray),
            key: fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }
}

impl Theme {
    /// No colour: attributes only, each role still told apart.
    pub fn mono() -> Theme {
        let m = |m| Style::new().add_modifier(m);
        Theme {
            body: Style::new(),
            search: m(Modifier::REVERSED),
            search_current: m(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
            title: m(Modifier::BOLD),
            meta: m(Modifier::DIM),
            caption: m(Modifier::ITALIC),
            caption_marker: m(Modifier::BOLD),
            credit: m(Modifier::DIM),
            quote: m(Modifier::UNDERLINED),
            name: m(Modifier::BOLD),
            name_filtered: m(Modifier::BOLD | Modifier::REVERSED),
            flash: m(Modifier::REVERSED),
            border: m(Modifier::DIM),
            border_focused: m(Modifier::BOLD),
            selected: m(Modifier::REVERSED),
            current: m(Modifier::BOLD),
            dim: m(Modifier::DIM),
            status: m(Modifier::REVERSED),
            key: m(Modifier::BOLD),
        }
    }

    /// The theme for the config's roles at `depth`. In colour a role is
    /// what the config says; without, the mono style plus the config's
    /// attributes.
    pub fn from_config(spec: &ThemeSpec, depth: Depth) -> Theme {
        let mono = depth == Depth::None;
        let mut t = if mono {
            Theme::mono()
        } else {
            Theme::default()
        };
        let roles = [
            (&mut t.body, spec.body),
            (&mut t.caption, spec.caption),
            (&mut t.quote, spec.quote),
            (&mut t.name, spec.name),
            (&mut t.name_filtered, spec.name_filtered),
            (&mut t.border_focused, spec.focused_border),
            (&mut t.status, spec.status),
            (&mut t.search, spec.search),
            (&mut t.search_current, spec.search_current),
        ];
        for (style, spec) in roles {
            *style = if mono {
                style.patch(spec.style(depth))
            } else {
                spec.style(depth)
            };
        }
        t
    }

    /// Every style, for tests that check a property of all of them.
    pub fn all(&self) -> [Style; 19] {
        [
            self.body,
            self.search,
            self.search_current,
            self.title,
            self.meta,
            self.caption,
            self.caption_marker,
            self.credit,
            self.quote,
            self.name,
            self.name_filtered,
            self.flash,
            self.border,
            self.border_focused,
            self.selected,
            self.current,
            self.dim,
            self.status,
            self.key,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn the_default_config_is_the_default_theme() {
        let t = Theme::from_config(&Config::defaults().theme, Depth::Ansi16);
        assert_eq!(t, Theme::default());
    }

    #[test]
    fn mono_has_no_colour_and_keeps_roles_apart() {
        let t = Theme::from_config(&Config::defaults().theme, Depth::None);
        for s in t.all() {
            assert_eq!((s.fg, s.bg), (None, None), "{s:?}");
        }
        let roles = [t.name, t.quote, t.caption, t.name_filtered, t.search];
        for (i, a) in roles.iter().enumerate() {
            assert_ne!(*a, Style::new(), "role {i} has no attribute");
            for b in &roles[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_ne!(t.border, t.border_focused);
    }
}
