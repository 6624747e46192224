//! The named methods `App::update` dispatches to: focus and panes,
//! scrolling, outline jumps and the people filter. Jumps and filter
//! changes are recorded in the jump list first.

use super::outline::{self, ItemKind};
use super::rows::{self, Anchor};
use super::{App, Match};
use crate::action::Action;
use crate::layout::{Mode, Pane};

const ORDER: [Pane; 3] = [Pane::Body, Pane::Outline, Pane::People];

impl App {
    /// While help is open, scroll keys scroll it, quit quits and any
    /// other action closes it. Returns true when the action was used.
    pub(super) fn help_key(&mut self, action: Action) -> bool {
        let scroll = self.help.unwrap_or(0);
        self.help = match action {
            Action::Quit => return false,
            Action::Down => Some(scroll + 1),
            Action::Up => Some(scroll.saturating_sub(1)),
            Action::PageDown | Action::HalfPageDown => Some(scroll + self.body_height() / 2),
            Action::PageUp | Action::HalfPageUp => {
                Some(scroll.saturating_sub(self.body_height() / 2))
            }
            Action::Top => Some(0),
            _ => None,
        };
        true
    }

    /// The one sidebar shown in medium mode, if any.
    pub(crate) fn medium_sidebar(&self) -> Option<Pane> {
        let shown = |p| match p {
            Pane::Outline => self.show_outline,
            Pane::People => self.show_people,
            Pane::Body => false,
        };
        let other = if self.sidebar == Pane::Outline {
            Pane::People
        } else {
            Pane::Outline
        };
        [self.sidebar, other].into_iter().find(|&p| shown(p))
    }

    /// Whether `pane` is on screen now.
    pub(crate) fn visible(&self, pane: Pane) -> bool {
        let shown = self.shown();
        match pane {
            Pane::Body => true,
            Pane::Outline => shown.outline || shown.overlay == Some(Pane::Outline),
            Pane::People => shown.people || shown.overlay == Some(Pane::People),
        }
    }

    /// Whether focusing `pane` is possible without un-hiding it: hidden
    /// columns are skipped by Tab, overlays can always open.
    fn reachable(&self, pane: Pane) -> bool {
        match (self.mode(), pane) {
            (_, Pane::Body) | (Mode::Narrow, _) => true,
            (Mode::Wide, Pane::Outline) | (Mode::Medium, Pane::Outline) => self.show_outline,
            (Mode::Wide, Pane::People) | (Mode::Medium, Pane::People) => self.show_people,
        }
    }

    pub(super) fn focus_step(&mut self, delta: isize) {
        let at = ORDER.iter().position(|&p| p == self.focus).unwrap_or(0);
        for i in 1..ORDER.len() as isize {
            let next = ORDER[(at as isize + delta * i).rem_euclid(3) as usize];
            if self.reachable(next) {
                return self.focus_pane(next);
            }
        }
    }

    /// Focuses `pane`, bringing it on screen.
    pub(super) fn focus_pane(&mut self, pane: Pane) {
        match pane {
            Pane::Outline => self.show_outline = true,
            Pane::People => self.show_people = true,
            Pane::Body => {}
        }
        if pane != Pane::Body {
            self.sidebar = pane;
        }
        self.focus = pane;
    }

    /// `o` / `p`: hide the pane when it is on screen, else show it.
    pub(super) fn toggle_pane(&mut self, pane: Pane) {
        if !self.visible(pane) {
            return self.bring_out(pane);
        }
        match (self.mode(), pane) {
            (Mode::Narrow, _) | (_, Pane::Body) => {}
            (_, Pane::Outline) => self.show_outline = false,
            (_, Pane::People) => self.show_people = false,
        }
        if self.focus == pane {
            self.focus = Pane::Body;
        }
    }

    /// `s`: put the other list where this one is (focus follows when a
    /// list had it).
    pub(super) fn switch_sidebar(&mut self) {
        let flip = |p| {
            if p == Pane::Outline {
                Pane::People
            } else {
                Pane::Outline
            }
        };
        match (self.focus, self.mode()) {
            (Pane::Body, Mode::Medium) => {
                let now = self.medium_sidebar().unwrap_or(Pane::People);
                self.bring_out(flip(now));
            }
            (Pane::Body, _) => {}
            (list, _) => self.focus_pane(flip(list)),
        }
    }

    /// Shows `pane`; focus moves to it only when the focused pane is no
    /// longer on screen (or it is an overlay, which is only open while
    /// focused).
    fn bring_out(&mut self, pane: Pane) {
        let before = self.focus;
        self.focus_pane(pane);
        if self.mode() != Mode::Narrow && before != pane && self.visible(before) {
            self.focus = before;
        }
    }

    pub(super) fn toggle_reading(&mut self) {
        self.reading = !self.reading;
        self.focus = Pane::Body;
    }

    /// `j`/`k`, `g`/`G`: a line in the body, an item in a list.
    pub(super) fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::Body => self.scroll_to(self.top.saturating_add_signed(delta)),
            Pane::Outline => {
                self.outline_sel = step(self.outline_sel, delta, self.items.len());
            }
            Pane::People => self.people_sel = step(self.people_sel, delta, self.people.len()),
        }
    }

    /// A page (keeping two rows of context) or half a page in `dir`.
    pub(super) fn page(&mut self, dir: isize, half: bool) {
        let height = match self.focus {
            Pane::Body => self.body_height(),
            // Outline items take two rows, people one, inside a border.
            Pane::Outline => usize::from(self.list_height(Pane::Outline)) / 2,
            Pane::People => usize::from(self.list_height(Pane::People)),
        };
        let step = match (half, self.focus) {
            (true, _) => height / 2,
            (false, Pane::Body) => height.saturating_sub(2),
            (false, _) => height,
        };
        self.move_by(dir * step.max(1) as isize);
    }

    fn list_height(&self, pane: Pane) -> u16 {
        let rect = match pane {
            Pane::Outline => self.panes.outline,
            Pane::People => self.panes.people,
            Pane::Body => None,
        };
        rect.map_or(0, |r| r.height.saturating_sub(2))
    }

    /// `g` / `G`: in the body a jump (recorded), in a list an item.
    pub(super) fn top_or_bottom(&mut self, delta: isize) {
        if self.focus == Pane::Body {
            self.record_jump();
        }
        self.move_by(delta);
    }

    /// Puts row `row` at the top of the body and lets the outline follow.
    pub(super) fn scroll_to(&mut self, row: usize) {
        self.top = row;
        self.sticky = None;
        self.clamp_top();
        self.sync_outline();
    }

    /// Selects the outline item for the block at the top of the body.
    pub(super) fn sync_outline(&mut self) {
        if let Some(b) = rows::block_at(&self.rows, self.top) {
            self.outline_sel = outline::current(&self.items, b).unwrap_or(0);
        }
    }

    /// Enter: jump to the outline item, or toggle the person.
    pub(super) fn select(&mut self) {
        match self.focus {
            Pane::Body => {}
            Pane::Outline => self.jump(self.outline_sel),
            Pane::People => {
                if let Some(&p) = self.people.get(self.people_sel) {
                    self.toggle_person(p);
                }
            }
        }
    }

    /// Scrolls the body to outline item `i` and highlights it.
    fn jump(&mut self, i: usize) {
        let Some(item) = self.items.get(i) else {
            return;
        };
        let (block, kind) = (item.block(), item.kind());
        self.record_jump();
        if !self.shown_blocks().get(block).copied().unwrap_or(true) {
            // The filter hides it: showing what was asked for wins.
            self.filter.clear();
            self.refilter();
        }
        let offset = match kind {
            ItemKind::Quote(q) => self.analysis.quotes[q]
                .spans
                .iter()
                .find(|s| s.block == block)
                .map_or(0, |s| s.start),
            ItemKind::Caption => 0,
        };
        self.top = self.reveal(Anchor::Block { block, offset });
        self.clamp_top();
        self.sticky = None;
        self.flash = Some(i);
        self.outline_sel = i;
        if self.mode() == Mode::Narrow {
            self.focus = Pane::Body;
        }
    }

    fn toggle_person(&mut self, p: usize) {
        self.record_jump();
        match self.filter.iter().position(|&q| q == p) {
            Some(i) => {
                self.filter.remove(i);
            }
            None => self.filter.push(p),
        }
        self.refilter();
    }

    /// `a`: any ⇄ all.
    pub(super) fn toggle_match(&mut self) {
        self.record_jump();
        self.matching = match self.matching {
            Match::Any => Match::All,
            Match::All => Match::Any,
        };
        self.refilter();
    }

    /// Esc: close an overlay if one is open, else clear filter and
    /// highlight.
    pub(super) fn clear(&mut self) {
        if self.mode() == Mode::Narrow && self.focus != Pane::Body {
            self.focus = Pane::Body;
            return;
        }
        self.flash = None;
        if !self.filter.is_empty() {
            self.record_jump();
            self.filter.clear();
            self.refilter();
        }
    }
}

/// `at` moved by `delta` within `0..len`.
fn step(at: usize, delta: isize, len: usize) -> usize {
    at.saturating_add_signed(delta).min(len.saturating_sub(1))
}
