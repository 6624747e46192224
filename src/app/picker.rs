//! The folder picker (`byline DIR`): a list of the folder's articles in
//! front of the reader. `Enter` opens the selected one; `back`
//! (Backspace, `h`) saves the reading position and shows the list again
//! with that article's progress brought up to date; `]` / `[` in the
//! reader open the next / previous article of the list. `/` filters the
//! list by title as you type.
//!
//! The picker lives in the `App` on screen, as the other open files do:
//! while the list shows, that `App` is the last article read (kept, so
//! going back to it is instant) or, before any, an empty one.

use std::path::Path;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use super::{App, Pending};
use crate::action::Action;
use crate::analyse;
use crate::article::{Analysis, Article, detect, load, parse_input};
use crate::config::Config;
use crate::config::style::Depth;
use crate::keymap::{Code, Key};
use crate::library::{self, Listing, Progress, Update};
use crate::store::{self, Store};

use super::search::find;

/// What opening an article needs: the settings each reader gets, and
/// where reading positions are kept.
#[derive(Debug, Clone)]
pub struct Opener {
    /// The config (keys, theme, measure).
    pub config: Config,
    /// The terminal's colour depth.
    pub depth: Depth,
    /// Reading positions, if there is a data directory.
    pub store: Option<Store>,
    /// Open at the saved position (false with `--from-start`).
    pub restore: bool,
}

impl Opener {
    /// A reader for the article at `path`, at its saved position unless
    /// `restore` is off. `Err`
    /// is a one-line reason naming the file.
    pub fn open(&self, path: &Path) -> Result<App, String> {
        let loaded = load::load_path(path).map_err(|e| e.to_string())?;
        let (article, _) = parse_input(&loaded.text, detect::by_extension(path))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let analysis = analyse::analyse(&article);
        let mut app = App::new(article, analysis, self.config.keymap.clone());
        app.configure(&self.config, self.depth);
        if let Some(store) = &self.store {
            let key = store::content_key(&loaded.text);
            app.remember(
                store.clone(),
                key,
                Some(library::store_path(path)),
                self.restore,
            );
        }
        Ok(app)
    }
}

/// The list's state.
#[derive(Debug)]
pub struct Picker {
    /// The folder's files.
    pub(crate) listing: Listing,
    /// News from the background reader, until it is done.
    updates: Option<Receiver<Update>>,
    /// The entries shown, in order: sorted, then filtered.
    pub(crate) order: Vec<usize>,
    /// Index into `order` of the selected entry.
    pub(crate) sel: usize,
    /// The selection was moved by the user (else it stays on the first
    /// row while the list sorts itself).
    moved: bool,
    /// The title filter.
    pub(crate) query: String,
    /// The filter is being typed.
    pub(crate) typing: bool,
    /// The list is on screen (else the reader is).
    pub(crate) showing: bool,
    /// The entry the reader holds.
    opened: Option<usize>,
    opener: Opener,
}

impl Picker {
    /// A picker for `listing`; entries not read yet are read by
    /// [`Picker::start`].
    pub fn new(listing: Listing, opener: Opener) -> Picker {
        let mut p = Picker {
            listing,
            updates: None,
            order: Vec::new(),
            sel: 0,
            moved: false,
            query: String::new(),
            typing: false,
            showing: true,
            opened: None,
            opener,
        };
        p.refresh();
        p
    }

    /// Starts reading the entries on a background thread, then waits up
    /// to `first` for them, so a small folder shows sorted at once and a
    /// big one shows its file names at once and fills in.
    pub fn start(&mut self, first: Duration) {
        if self.listing.read() {
            return;
        }
        let store = self.opener.store.clone();
        self.updates = Some(library::spawn(self.listing.paths(), store));
        let deadline = Instant::now() + first;
        while !self.listing.read() {
            let left = deadline.saturating_duration_since(Instant::now());
            let Some(rx) = &self.updates else { break };
            match rx.recv_timeout(left) {
                Ok(u) => {
                    self.listing.apply(u);
                }
                Err(_) => break,
            }
        }
        self.refresh();
    }

    /// Takes what the background reader sent; true when anything came.
    fn poll(&mut self) -> bool {
        let Some(rx) = &self.updates else {
            return false;
        };
        let mut any = false;
        loop {
            match rx.try_recv() {
                Ok(u) => any |= self.listing.apply(u),
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.updates = None;
                    break;
                }
            }
        }
        if any {
            self.refresh();
        }
        any
    }

    /// True while files are still being read or analysed.
    pub fn busy(&self) -> bool {
        self.updates.is_some()
    }

    /// The selected entry's index in the listing.
    pub fn selected(&self) -> Option<usize> {
        self.order.get(self.sel).copied()
    }

    /// The listing (for the view and tests).
    pub fn listing(&self) -> &Listing {
        &self.listing
    }

    /// Whether entry `i` passes the filter: its title as shown (the file
    /// name until it is read) holds the query, smart case as search.
    fn passes(&self, i: usize) -> bool {
        self.query.is_empty() || !find(self.listing.entries[i].title(), &self.query).is_empty()
    }

    /// Sorts and filters again, keeping the selected entry selected once
    /// the user has moved to it.
    fn refresh(&mut self) {
        let keep = self.selected().filter(|_| self.moved);
        let order: Vec<usize> = self.listing.order();
        self.order = order.into_iter().filter(|&i| self.passes(i)).collect();
        self.sel = keep
            .and_then(|id| self.order.iter().position(|&i| i == id))
            .unwrap_or(0);
    }

    fn step(&mut self, by: isize) {
        let last = self.order.len().saturating_sub(1);
        self.sel = self.sel.saturating_add_signed(by).min(last);
        self.moved = true;
    }
}

impl App {
    /// The picker for a folder: the list first, each article opened by
    /// `opener` when picked.
    pub fn with_picker(picker: Picker) -> App {
        let config = &picker.opener.config;
        let mut app = App::new(
            Article::default(),
            Analysis::default(),
            config.keymap.clone(),
        );
        app.configure(config, picker.opener.depth);
        app.picker = Some(Box::new(picker));
        app
    }

    /// The picker, when its list is on screen.
    pub(crate) fn list(&self) -> Option<&Picker> {
        self.picker.as_deref().filter(|p| p.showing)
    }

    /// True when byline was given a folder (the list is behind).
    pub(crate) fn in_folder(&self) -> bool {
        self.picker.is_some()
    }

    /// True when the folder's list is on screen (not an article).
    pub fn list_shown(&self) -> bool {
        self.list().is_some()
    }

    /// Takes in what the background reader found; true when the screen
    /// should be drawn again. The event loop calls it when idle.
    pub fn tick(&mut self) -> bool {
        match self.picker.as_deref_mut() {
            Some(p) => p.poll() && p.showing,
            None => false,
        }
    }

    /// Rows of the list on screen: all but the heading and status line.
    fn list_rows(&self) -> isize {
        self.area.height.saturating_sub(2).max(1) as isize
    }

    /// An action while the list shows.
    pub(super) fn list_update(&mut self, action: Action) {
        let page = self.list_rows();
        match action {
            Action::Down => self.list_move(1),
            Action::Up => self.list_move(-1),
            Action::PageDown => self.list_move(page),
            Action::PageUp => self.list_move(-page),
            Action::HalfPageDown => self.list_move((page / 2).max(1)),
            Action::HalfPageUp => self.list_move(-(page / 2).max(1)),
            Action::Top => self.list_move(isize::MIN / 2),
            Action::Bottom => self.list_move(isize::MAX / 2),
            Action::Select => self.open_selected(),
            Action::Search => self.start_filter(),
            Action::Clear => self.set_filter(""),
            Action::Help => self.help = Some(0),
            Action::Quit => self.quit(),
            // Reader actions mean nothing here.
            Action::FocusNext
            | Action::FocusPrev
            | Action::FocusBody
            | Action::FocusOutline
            | Action::FocusPeople
            | Action::ToggleMatch
            | Action::ToggleOutline
            | Action::TogglePeople
            | Action::SwitchSidebar
            | Action::ReadingMode
            | Action::SearchNext
            | Action::SearchPrev
            | Action::SetMark
            | Action::JumpMark
            | Action::JumpBack
            | Action::JumpForward
            | Action::NextFile
            | Action::PrevFile
            | Action::Copy
            | Action::Back => {}
        }
    }

    /// Moves the list's selection by `by` rows (the wheel too).
    pub(super) fn list_move(&mut self, by: isize) {
        if let Some(p) = self.picker.as_deref_mut() {
            p.step(by);
        }
    }

    /// A click on row `y` of the list: select that article and open it.
    pub(super) fn list_click(&mut self, y: u16) {
        let rows = self.list_rows() as usize;
        let top = if self.area.height >= 3 { 1 } else { 0 };
        let Some(p) = self.picker.as_deref_mut() else {
            return;
        };
        if y < top || usize::from(y - top) >= rows {
            return;
        }
        // The same offset the view draws from (skipped files count).
        let skipped = if p.query.is_empty() {
            p.listing.skipped().len()
        } else {
            0
        };
        let first = crate::ui::list_offset(p.sel, rows, p.order.len() + skipped);
        let i = first + usize::from(y - top);
        if i < p.order.len() {
            p.sel = i;
            p.moved = true;
            self.open_selected();
        }
    }

    fn start_filter(&mut self) {
        if let Some(p) = self.picker.as_deref_mut() {
            p.typing = true;
            self.pending = Some(Pending::Filter);
        }
    }

    fn set_filter(&mut self, query: &str) {
        if let Some(p) = self.picker.as_deref_mut() {
            p.query = query.to_string();
            p.refresh();
        }
    }

    /// A key while typing the filter: text, Backspace, Enter (keep),
    /// Esc (clear), and the arrows still move.
    pub(super) fn filter_key(&mut self, key: &Key) {
        let Some(p) = self.picker.as_deref_mut() else {
            return;
        };
        let mut query = p.query.clone();
        match key.code {
            Code::Esc => {
                p.typing = false;
                return self.set_filter("");
            }
            Code::Enter => {
                p.typing = false;
                return;
            }
            Code::Backspace if query.is_empty() => {
                p.typing = false;
                return;
            }
            Code::Backspace => {
                query.pop();
            }
            Code::Down => p.step(1),
            Code::Up => p.step(-1),
            Code::Char('u') if key.ctrl => query.clear(),
            Code::Char(c) if !key.ctrl && !key.alt => query.push(c),
            _ => {}
        }
        self.pending = Some(Pending::Filter);
        self.set_filter(&query);
    }

    /// `Enter` on the list: read the selected article (the one already
    /// open comes back as it was).
    fn open_selected(&mut self) {
        let Some(p) = self.picker.as_deref_mut() else {
            return;
        };
        let Some(id) = p.selected() else {
            return;
        };
        let file_no = (p.sel + 1, p.order.len());
        if p.opened == Some(id) {
            p.showing = false;
            self.file_no = file_no;
            return;
        }
        let entry = &p.listing.entries[id];
        match p.opener.open(&entry.path) {
            Err(why) => self.notice = Some(why),
            Ok(mut reader) => {
                reader.resize(self.area.width, self.area.height);
                let mut picker = self.picker.take();
                if let Some(p) = picker.as_deref_mut() {
                    p.opened = Some(id);
                    p.showing = false;
                    // From now on the selection is this article, wherever
                    // sorting moves it.
                    p.moved = true;
                }
                // The article read before was saved when the list came
                // back; the one on screen now is this one.
                *self = reader;
                self.picker = picker;
                self.file_no = file_no;
            }
        }
    }

    /// `back`: save the place, show the list with this article's
    /// progress as it is now.
    pub(super) fn back(&mut self) {
        if self.picker.is_none() {
            self.notice = Some("no list to go back to: `byline DIR` lists a folder".into());
            return;
        }
        // Nowhere to report a failed save; it costs only the position.
        let _ = self.save_state();
        let progress = Progress::Read(self.percent().min(100) as u8);
        if let Some(p) = self.picker.as_deref_mut() {
            if let Some(e) = p.opened.and_then(|i| p.listing.entries.get_mut(i)) {
                e.progress = progress;
            }
            p.showing = true;
            p.refresh();
        }
    }

    /// `]` / `[` in an article opened from the list: the next or
    /// previous article of the list. False when there is no list.
    pub(super) fn open_neighbour(&mut self, forward: bool) -> bool {
        let Some(p) = self.picker.as_deref() else {
            return false;
        };
        let next = if forward {
            p.sel + 1
        } else {
            p.sel.wrapping_sub(1)
        };
        if next >= p.order.len() {
            self.notice = Some(if forward {
                "this is the last article of the list".into()
            } else {
                "this is the first article of the list".into()
            });
            return true;
        }
        self.back();
        if let Some(p) = self.picker.as_deref_mut() {
            p.sel = next;
            p.moved = true;
        }
        self.open_selected();
        true
    }
}

#[cfg(test)]
mod tests;
