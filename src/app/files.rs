//! Several files at once: `byline a.txt b.txt` opens both and `]` / `[`
//! switch. Each file is a whole `App` with its own place, filter, search
//! and marks; the one on screen holds the others, in the order `]`
//! reaches them.

use super::App;

impl App {
    /// Adds `other` as the next file after the last one.
    pub fn add_file(&mut self, mut other: App) {
        other.others.clear();
        self.others.push_back(other);
        let total = self.others.len() + 1;
        self.file_no = (1, total);
        for (i, o) in self.others.iter_mut().enumerate() {
            o.file_no = (i + 2, total);
        }
    }

    /// `]` (`forward`) or `[`: show the next or previous file, at the
    /// same terminal size.
    pub(super) fn switch_file(&mut self, forward: bool) {
        // Opened from a folder's list: the list's neighbours.
        if self.others.is_empty() && self.open_neighbour(forward) {
            return;
        }
        let mut others = std::mem::take(&mut self.others);
        let next = if forward {
            others.pop_front()
        } else {
            others.pop_back()
        };
        let Some(mut next) = next else {
            self.notice = Some("only one file is open".into());
            return;
        };
        let area = self.area;
        std::mem::swap(self, &mut next);
        // `next` is now the file that was on screen.
        if forward {
            others.push_back(next);
        } else {
            others.push_front(next);
        }
        self.others = others;
        self.resize(area.width, area.height);
    }

    /// The article's title (for the status line and tests).
    pub fn title(&self) -> &str {
        &self.title
    }
}
