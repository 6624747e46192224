//! The reader's state and `update(Action)`, the only place it changes.
//! No drawing here: `ui` reads this state. Wrapped text is cached per
//! measure and wrapped only as far as it has been seen (`lazy`), so a
//! keystroke never re-wraps the article and a long one opens at once.

pub mod doc;
mod files;
mod jumps;
mod lazy;
mod memory;
mod nav;
pub mod outline;
pub mod picker;
pub mod rows;
pub mod search;
mod ssh;

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use ratatui::layout::Rect;

use crate::action::Action;
use crate::article::{Analysis, Article};
use crate::config::Config;
use crate::config::style::Depth;
use crate::keymap::{Key, Keymap};
use crate::layout::{self, Mode, Pane, Panes, Shown};
use crate::ui::theme::Theme;
use doc::{Marks, Wrapped};
use jumps::Jumps;
use memory::Memory;
use picker::Picker;
use rows::{Anchor, Row};
use search::Search;

/// How the people filter combines several people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// Blocks that name any of them.
    Any,
    /// Blocks that name all of them.
    All,
}

/// The reader.
#[derive(Debug)]
pub struct App {
    pub(crate) article: Arc<Article>,
    pub(crate) analysis: Analysis,
    /// The analysis being made on another thread, until it arrives.
    pending_analysis: Option<Receiver<Prepared>>,
    /// Byte offset of every [`STARTS_EVERY`]th block in the article's
    /// text, and the total last (for the estimated percentage; see
    /// [`App::offset`]): a few kilobytes for 100,000 blocks.
    starts: Vec<usize>,
    pub(crate) keymap: Keymap,
    pub(crate) title: String,
    pub(crate) marks: Marks,
    /// Outline items: captions and quotes in document order.
    pub(crate) items: Vec<outline::Item>,
    /// Person indices, most mentioned first.
    pub(crate) people: Vec<usize>,

    pub(crate) focus: Pane,
    pub(crate) show_outline: bool,
    pub(crate) show_people: bool,
    /// The sidebar shown when there is room for only one.
    pub(crate) sidebar: Pane,
    pub(crate) reading: bool,
    pub(crate) help: Option<usize>,
    /// People in the filter, in the order they were added.
    pub(crate) filter: Vec<usize>,
    pub(crate) matching: Match,
    /// Outline item the body was last jumped to (highlighted).
    pub(crate) flash: Option<usize>,
    pub(crate) outline_sel: usize,
    pub(crate) people_sel: usize,

    pub(crate) area: Rect,
    pub(crate) panes: Panes,
    /// Wrapped text at other measures.
    cache: HashMap<usize, Wrapped>,
    pub(crate) doc: Wrapped,
    pub(crate) rows: Vec<Row>,
    /// Index of the body's top row.
    pub(crate) top: usize,
    /// Rows put in above the top by wrapping on demand (see
    /// [`App::visual_top`]).
    shift: usize,
    /// Where idle wrapping goes on (`None`: every shown block is wrapped).
    idle_from: Option<usize>,
    /// The place to keep across layout changes, set by the first resize
    /// after the reader scrolled, so that shrinking and growing back
    /// returns to exactly the same line (re-deriving it each time would
    /// creep backwards).
    sticky: Option<rows::Anchor>,
    quit: bool,

    pub(crate) theme: Theme,
    /// Widest body text.
    measure: u16,
    pub(crate) justify: bool,
    mouse: bool,
    /// A key that reads the next key itself (search text, mark letter).
    pending: Option<Pending>,
    pub(crate) search: Search,
    jumps: Jumps,
    /// Marks set with `m`, by letter.
    bookmarks: BTreeMap<char, Anchor>,
    /// A one-line message for the status line, until the next key.
    pub(crate) notice: Option<String>,
    memory: Option<Memory>,
    /// The other files open, in the order `]` reaches them.
    others: VecDeque<App>,
    /// This file's number (1-based) and how many are open.
    pub(crate) file_no: (usize, usize),
    /// Text for the terminal to copy (OSC 52), set by `y`.
    clipboard: Option<String>,
    /// The folder's list, when byline was given a folder.
    picker: Option<Box<Picker>>,
}

/// What the next key is for, when it is not an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    /// Typing a search.
    Search,
    /// The letter of a mark to set.
    SetMark,
    /// The letter of a mark to jump to.
    JumpMark,
    /// Typing the folder list's filter.
    Filter,
}

impl App {
    /// A reader for `article`, laid out for an 80×24 terminal until
    /// [`App::resize`] says otherwise.
    pub fn new(article: impl Into<Arc<Article>>, analysis: Analysis, keymap: Keymap) -> Self {
        let article = article.into();
        let title = article.title().unwrap_or_else(|| "Untitled".to_string());
        let mut starts = Vec::with_capacity(article.blocks.len() / STARTS_EVERY + 2);
        let mut at = 0;
        for (i, b) in article.blocks.iter().enumerate() {
            if i % STARTS_EVERY == 0 {
                starts.push(at);
            }
            at += block_len(b);
        }
        starts.push(at);
        let doc = Wrapped::new(&article, &title, 1);
        let mut app = App {
            article,
            analysis: Analysis::default(),
            pending_analysis: None,
            starts,
            keymap,
            title,
            marks: Marks::default(),
            items: Vec::new(),
            people: Vec::new(),
            focus: Pane::Body,
            show_outline: true,
            show_people: true,
            sidebar: Pane::Outline,
            reading: false,
            help: None,
            filter: Vec::new(),
            matching: Match::Any,
            flash: None,
            outline_sel: 0,
            people_sel: 0,
            area: Rect::default(),
            panes: Panes::default(),
            cache: HashMap::new(),
            doc,
            rows: Vec::new(),
            top: 0,
            shift: 0,
            idle_from: None,
            sticky: None,
            quit: false,
            theme: Theme::default(),
            measure: layout::MAX_MEASURE,
            justify: false,
            mouse: false,
            pending: None,
            search: Search::default(),
            jumps: Jumps::default(),
            bookmarks: BTreeMap::new(),
            notice: None,
            memory: None,
            others: VecDeque::new(),
            file_no: (1, 1),
            clipboard: None,
            picker: None,
        };
        app.set_analysis(analysis);
        app.resize(80, 24);
        app
    }

    /// Takes in the analysis: marks, outline and people fill in; the text
    /// stays put.
    pub fn set_analysis(&mut self, analysis: Analysis) {
        let prepared = Prepared::new(&self.article, analysis);
        self.set_prepared(prepared);
    }

    /// Takes in an analysis and its indexes (made after the reader opened,
    /// on another thread).
    fn set_prepared(&mut self, prepared: Prepared) {
        let Prepared {
            analysis,
            marks,
            items,
        } = prepared;
        self.marks = marks;
        self.items = items;
        let mut people: Vec<usize> = (0..analysis.people.len()).collect();
        people.sort_by_key(|&p| std::cmp::Reverse(analysis.people[p].mentions));
        self.people = people;
        self.analysis = analysis;
        self.pending_analysis = None;
        self.sync_outline();
    }

    /// Shows the article now and the analysis when `rx` delivers it
    /// (see [`App::poll`]).
    pub fn analyse_later(&mut self, rx: Receiver<Prepared>) {
        self.pending_analysis = Some(rx);
    }

    /// Whether the analysis of the article shown is still being made.
    pub fn analysing(&self) -> bool {
        self.pending_analysis.is_some()
    }

    /// Takes in any analysis that has arrived, for every open file; true
    /// when the screen changes.
    pub fn poll(&mut self) -> bool {
        let mut changed = false;
        if let Some(rx) = &self.pending_analysis {
            match rx.try_recv() {
                Ok(prepared) => {
                    self.set_prepared(prepared);
                    changed = true;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
                // The thread died (a panic it printed): read on without.
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.pending_analysis = None;
                    changed = true;
                }
            }
        }
        for other in &mut self.others {
            other.poll();
        }
        changed
    }

    /// True once the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// The keymap in use.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// Applies the settings of `config`, styles brought to `depth`.
    pub fn configure(&mut self, config: &Config, depth: Depth) {
        self.keymap = config.keymap.clone();
        self.theme = Theme::from_config(&config.theme, depth);
        self.measure = config.measure;
        self.justify = config.justify;
        self.mouse = config.mouse;
        self.show_outline = config.outline;
        self.show_people = config.people;
        self.relayout();
    }

    /// Whether the mouse wheel should scroll (the config's `mouse`).
    pub fn mouse(&self) -> bool {
        self.mouse
    }

    /// Handles a key press; keys bound to nothing are ignored. After `/`,
    /// `m` or `'` the key is text or a letter instead.
    pub fn handle_key(&mut self, key: &Key) {
        self.notice = None;
        match self.pending.take() {
            Some(Pending::Search) => self.search_key(key),
            Some(Pending::SetMark) => self.mark_key(key, true),
            Some(Pending::JumpMark) => self.mark_key(key, false),
            Some(Pending::Filter) => self.filter_key(key),
            None => {
                if let Some(action) = self.keymap.action(key) {
                    self.update(action);
                }
            }
        }
        self.relayout();
    }

    /// Handles a key given as a key string (`"ctrl-d"`); for scripted
    /// input and tests. Unknown strings are ignored.
    pub fn press(&mut self, key: &str) {
        if let Ok(k) = Key::parse(key) {
            self.handle_key(&k);
        }
    }

    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        if self.help.is_some() && self.help_key(action) {
            return;
        }
        if self.list_shown() {
            return self.list_update(action);
        }
        match action {
            Action::FocusNext => self.focus_step(1),
            Action::FocusPrev => self.focus_step(-1),
            Action::FocusBody => self.focus_pane(Pane::Body),
            Action::FocusOutline => self.focus_pane(Pane::Outline),
            Action::FocusPeople => self.focus_pane(Pane::People),
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.page(1, false),
            Action::PageUp => self.page(-1, false),
            Action::HalfPageDown => self.page(1, true),
            Action::HalfPageUp => self.page(-1, true),
            Action::Top => self.top_or_bottom(isize::MIN / 2),
            Action::Bottom => self.top_or_bottom(isize::MAX / 2),
            Action::Select => self.select(),
            Action::ToggleMatch => self.toggle_match(),
            Action::Clear => self.clear(),
            Action::ToggleOutline => self.toggle_pane(Pane::Outline),
            Action::TogglePeople => self.toggle_pane(Pane::People),
            Action::SwitchSidebar => self.switch_sidebar(),
            Action::ReadingMode => self.toggle_reading(),
            Action::Search => self.start_search(),
            Action::SearchNext => self.search_step(true),
            Action::SearchPrev => self.search_step(false),
            Action::SetMark => self.pending = Some(Pending::SetMark),
            Action::JumpMark => self.pending = Some(Pending::JumpMark),
            Action::JumpBack => self.jump_back(),
            Action::JumpForward => self.jump_forward(),
            Action::NextFile => self.switch_file(true),
            Action::PrevFile => self.switch_file(false),
            Action::Back => self.back(),
            Action::Help => self.help = Some(0),
            Action::Copy => self.copy(),
            Action::Quit => self.quit(),
        }
        self.relayout();
    }

    /// The terminal is now `width`×`height`: lay out again, keeping the
    /// block and line at the top of the body.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
        self.relayout();
    }

    /// How many panes fit now.
    pub(crate) fn mode(&self) -> Mode {
        Mode::for_width(self.area.width, self.reading)
    }

    /// Which sidebars are out, for the layout.
    pub(crate) fn shown(&self) -> Shown {
        let measure = self.measure;
        match self.mode() {
            Mode::Wide => Shown {
                outline: self.show_outline,
                people: self.show_people,
                overlay: None,
                lone_right: false,
                measure,
            },
            Mode::Medium => {
                let side = self.medium_sidebar();
                Shown {
                    outline: side == Some(Pane::Outline),
                    people: side == Some(Pane::People),
                    overlay: None,
                    lone_right: true,
                    measure,
                }
            }
            Mode::Narrow => Shown {
                outline: false,
                people: false,
                overlay: (self.focus != Pane::Body).then_some(self.focus),
                lone_right: false,
                measure,
            },
        }
    }

    /// Recomputes pane rectangles and, when the measure changed, swaps in
    /// the wrapped text for the new measure (cached) at the same place.
    fn relayout(&mut self) {
        self.panes = layout::panes(self.area, self.shown());
        let measure = usize::from(self.panes.text.width).max(1);
        if measure != self.doc.measure || self.rows.is_empty() {
            let anchor = self
                .sticky
                .unwrap_or_else(|| rows::anchor_of(&self.doc, &self.rows, self.top));
            self.sticky = Some(anchor);
            if self.cache.len() > 16 {
                self.cache.clear();
            }
            let next = match self.cache.remove(&measure) {
                Some(doc) => doc,
                None if self.starts.last().is_some_and(|&n| n <= doc::EAGER_BYTES) => {
                    doc::wrap(&self.article, &self.title, measure)
                }
                None => Wrapped::new(&self.article, &self.title, measure),
            };
            let old = std::mem::replace(&mut self.doc, next);
            // Only a doc wrapped whole is worth keeping: a partly wrapped
            // one (the 80-column layout before the terminal's size is
            // known, or a width left while idle wrapping went on) costs 8
            // bytes a block to keep, and its first screens are quick to
            // wrap again.
            if !self.rows.is_empty() && old.complete() {
                self.cache.insert(old.measure, old);
            }
            self.rebuild_rows();
            self.shift = 0;
        }
        if let Some(anchor) = self.sticky {
            self.top = self.reveal(anchor);
        }
        self.clamp_top();
    }

    /// Rebuilds the rows after the filter changed, keeping the place.
    fn refilter(&mut self) {
        let anchor = rows::anchor_of(&self.doc, &self.rows, self.top);
        self.rebuild_rows();
        self.top = self.reveal(anchor);
        self.clamp_top();
        self.sticky = None;
        self.sync_outline();
        self.refresh_hits();
    }

    /// Lays out the rows again from the wrapped text and the filter.
    fn rebuild_rows(&mut self) {
        self.rows = rows::build(&self.doc, &self.shown_blocks());
        self.idle_from = (!self.doc.complete()).then_some(0);
    }

    /// Whether each block passes the people filter.
    pub(crate) fn shown_blocks(&self) -> Vec<bool> {
        let names = |p: usize, b: usize| {
            self.analysis
                .people
                .get(p)
                .is_some_and(|person| person.blocks.binary_search(&b).is_ok())
        };
        (0..self.article.blocks.len())
            .map(|b| match self.matching {
                _ if self.filter.is_empty() => true,
                Match::Any => self.filter.iter().any(|&p| names(p, b)),
                Match::All => self.filter.iter().all(|&p| names(p, b)),
            })
            .collect()
    }

    /// Rows the body shows at once.
    pub(crate) fn body_height(&self) -> usize {
        usize::from(self.panes.body.height)
    }

    fn max_top(&self) -> usize {
        self.rows.len().saturating_sub(self.body_height())
    }

    /// The block at the top of the body (0-based) and the block count.
    pub fn position(&self) -> (Option<usize>, usize) {
        (
            rows::block_at(&self.rows, self.top),
            self.article.blocks.len(),
        )
    }

    /// The body's top row.
    pub fn top_row(&self) -> Option<Row> {
        self.rows.get(self.top).copied()
    }

    /// Byte offset of block `b` in the article's text (the total for
    /// `b` past the end).
    fn offset(&self, b: usize) -> usize {
        let total = self.starts.last().copied().unwrap_or(0);
        let Some(&at) = self.starts.get(b / STARTS_EVERY) else {
            return total;
        };
        let from = b - b % STARTS_EVERY;
        let to = b.min(self.article.blocks.len());
        at + self.article.blocks[from.min(to)..to]
            .iter()
            .map(block_len)
            .sum::<usize>()
    }

    /// The article's text in bytes.
    fn text_len(&self) -> usize {
        self.starts.last().copied().unwrap_or(0)
    }
}

/// Blocks between two kept offsets in [`App::starts`].
const STARTS_EVERY: usize = 64;

/// A block's bytes, for the estimated percentage.
fn block_len(b: &crate::article::Block) -> usize {
    b.text.len() + b.credit.as_deref().map_or(0, str::len)
}

/// An analysis with the reader's indexes of it (highlight marks, outline
/// items), made on the analysis thread: allocated there after the
/// analysis has freed its working memory, which the reader's thread could
/// not reuse (each thread allocates from its own malloc arena), and off
/// the reader's thread when it arrives.
#[derive(Debug)]
pub struct Prepared {
    analysis: Analysis,
    marks: Marks,
    items: Vec<outline::Item>,
}

impl Prepared {
    /// Indexes `analysis` of `article`. The mentions are let go once the
    /// marks hold them: the reader reads names through the marks (and
    /// each person's blocks), and a 10 MB article has 86,000 mentions at
    /// 32 bytes.
    pub fn new(article: &Article, mut analysis: Analysis) -> Self {
        let marks = Marks::new(article, &analysis);
        analysis.mentions = Vec::new();
        Prepared {
            marks,
            items: outline::items(article, &analysis),
            analysis,
        }
    }
}

#[cfg(test)]
mod memory_tests;
#[cfg(test)]
mod tests;
