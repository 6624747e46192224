//! Colours and text styles, in one place. Sixteen-colour ANSI only, so it
//! reads the same over SSH and in any terminal theme.

use ratatui::style::{Color, Modifier, Style};

/// Every style the reader uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
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
