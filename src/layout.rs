//! Where the panes go for a terminal size: three panes from 120 columns,
//! body and one sidebar from 80, the body alone (sidebars as overlays)
//! below that or in reading mode. Shared by `App` (which needs the body's
//! size to wrap and page) and the view (which draws into the rectangles).

use ratatui::layout::{Constraint, Layout, Rect};

/// Widest text line the body uses by default, however wide the pane.
pub const MAX_MEASURE: u16 = 80;

/// A pane of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The article text.
    Body,
    /// Captions and quotes.
    Outline,
    /// People named in the article.
    People,
}

/// How many panes fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Body, outline and people side by side (120+ columns).
    Wide,
    /// Body and one sidebar (80–119 columns).
    Medium,
    /// Body alone; a sidebar opens as an overlay (under 80, reading mode).
    Narrow,
}

impl Mode {
    /// The mode for a terminal `width` columns wide.
    pub fn for_width(width: u16, reading: bool) -> Mode {
        match width {
            _ if reading => Mode::Narrow,
            120.. => Mode::Wide,
            80.. => Mode::Medium,
            _ => Mode::Narrow,
        }
    }
}

/// Which sidebars are out, decided by `App` from its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    /// The outline has a column.
    pub outline: bool,
    /// The people list has a column.
    pub people: bool,
    /// A sidebar drawn over the body.
    pub overlay: Option<Pane>,
    /// A lone sidebar goes on the right, whichever it is, so switching
    /// between them does not move the text (one-sidebar mode).
    pub lone_right: bool,
    /// Widest the text gets (the config's `measure`).
    pub measure: u16,
}

/// Pane rectangles for one frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// The body pane (the text is centred inside it).
    pub body: Rect,
    /// Where the body's text goes: at most `MAX_MEASURE` wide, centred.
    pub text: Rect,
    /// The outline, as a column or an overlay.
    pub outline: Option<Rect>,
    /// The people list, as a column or an overlay.
    pub people: Option<Rect>,
    /// The status line.
    pub status: Rect,
}

/// Splits `area` into panes.
pub fn panes(area: Rect, shown: Shown) -> Panes {
    let [main, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let w = main.width;
    // Side by side the two lists share the room; alone, one list gets a
    // steady width whichever it is, so switching does not re-wrap the body.
    let (outline_w, people_w) = match (shown.outline, shown.people) {
        (true, true) => ((w * 22 / 100).clamp(24, 40), (w * 20 / 100).clamp(22, 32)),
        (true, false) => ((w * 30 / 100).clamp(26, 36), 0),
        (false, true) => (0, (w * 30 / 100).clamp(26, 36)),
        (false, false) => (0, 0),
    };
    let [mut outline, body, people] = Layout::horizontal([
        Constraint::Length(outline_w),
        Constraint::Fill(1),
        Constraint::Length(people_w),
    ])
    .areas(main);
    let body = if shown.lone_right && shown.outline && !shown.people {
        let [body, right] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(outline_w)]).areas(main);
        outline = right;
        body
    } else {
        body
    };
    let mut p = Panes {
        body,
        text: text_area(body, shown.measure),
        outline: shown.outline.then_some(outline),
        people: shown.people.then_some(people),
        status,
    };
    match shown.overlay {
        Some(Pane::Outline) => p.outline = Some(overlay(main)),
        Some(Pane::People) => p.people = Some(overlay(main)),
        Some(Pane::Body) | None => {}
    }
    p
}

/// The text column inside the body: a margin of a column each side when
/// there is room, at most `max` wide, centred.
fn text_area(body: Rect, max: u16) -> Rect {
    let margin = if body.width >= 24 { 2 } else { 0 };
    let measure = body
        .width
        .saturating_sub(margin)
        .clamp(1.min(body.width), max.max(1));
    let x = body.x + (body.width - measure) / 2;
    Rect {
        x,
        width: measure,
        ..body
    }
}

/// A sidebar drawn over the body: most of the width, full height.
fn overlay(main: Rect) -> Rect {
    let width = if main.width > 44 {
        (main.width * 3 / 4).max(44)
    } else {
        main.width
    };
    let x = main.x + (main.width - width) / 2;
    Rect { x, width, ..main }
}

/// A centred box of at most `w`×`h` inside `area` (for help).
pub fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_by_width() {
        assert_eq!(Mode::for_width(160, false), Mode::Wide);
        assert_eq!(Mode::for_width(120, false), Mode::Wide);
        assert_eq!(Mode::for_width(119, false), Mode::Medium);
        assert_eq!(Mode::for_width(80, false), Mode::Medium);
        assert_eq!(Mode::for_width(79, false), Mode::Narrow);
        assert_eq!(Mode::for_width(200, true), Mode::Narrow);
    }

    #[test]
    fn text_is_at_most_the_measure_and_centred() {
        let all = Shown {
            outline: false,
            people: false,
            overlay: None,
            lone_right: false,
            measure: MAX_MEASURE,
        };
        let p = panes(Rect::new(0, 0, 200, 50), all);
        assert_eq!(p.text.width, MAX_MEASURE);
        assert_eq!(p.text.x, 60);
        assert_eq!(p.status.y, 49);
    }

    #[test]
    fn tiny_areas_do_not_underflow() {
        let shown = Shown {
            outline: true,
            people: true,
            overlay: Some(Pane::People),
            lone_right: false,
            measure: MAX_MEASURE,
        };
        for lone_right in [false, true] {
            let shown = Shown {
                lone_right,
                outline: true,
                people: false,
                ..shown
            };
            let p = panes(Rect::new(0, 0, 100, 30), shown);
            let outline = p.outline.expect("outline");
            assert_eq!(outline.x > p.body.x, lone_right, "{outline:?}");
        }
        for w in 0..30 {
            for h in 0..5 {
                let p = panes(Rect::new(0, 0, w, h), shown);
                assert!(p.text.width <= w && p.body.width <= w);
            }
        }
    }
}
