//! A folder of articles, for the picker (`byline DIR`) and its plain
//! listing: which files are articles, their titles, dates, people and
//! reading progress, newest first. No terminal here.
//!
//! The folder is read one level deep (subfolders are not entered). Files
//! with an article extension (`.txt`, `.text`, `.md`, `.markdown`,
//! `.html`, `.htm`, `.json`) are candidates; other files are only
//! counted. A candidate that is binary, empty, unreadable or not a byline
//! JSON article is skipped with a note saying why.
//!
//! Listing is cheap first and thorough after: [`scan`] only reads the
//! folder; each file is then parsed for its title, date and block count
//! ([`read_meta`]) and, in a second pass, analysed for its people, on a
//! background thread ([`spawn`]) that sends [`Update`]s, or at once with
//! [`Listing::load_all`].

use std::cmp::Ordering;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use crate::analyse;
use crate::article::input::normalise_date;
use crate::article::load::{self, LoadError};
use crate::article::{Article, Format, detect, parse_input};
use crate::store::{self, Store};

/// How far into an article the reader got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// Not known yet (the file is still being read).
    Pending,
    /// Never opened: no position saved.
    New,
    /// How far down, 0–100: the reader's own percentage when saved,
    /// else the saved position's block over the block count.
    Read(u8),
}

impl Progress {
    /// From a saved position: `block` (0-based, `None` for the header)
    /// over `blocks`. The block at the top of the reader counts as read,
    /// as the status line's `5/13` does.
    pub fn from_position(block: Option<usize>, blocks: usize) -> Progress {
        let pct = match block {
            None => 0,
            Some(_) if blocks == 0 => 100,
            Some(b) => ((b + 1).min(blocks) * 100 / blocks) as u8,
        };
        Progress::Read(pct)
    }

    /// `new`, `45%` or `…`, for lists.
    pub fn label(self) -> String {
        match self {
            Progress::Pending => "…".to_string(),
            Progress::New => "new".to_string(),
            Progress::Read(p) => format!("{p}%"),
        }
    }
}

/// One article file of the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The file.
    pub path: PathBuf,
    /// Its file name, as shown until the title is known.
    pub name: String,
    /// Title, date and block count, once read.
    pub meta: Option<Meta>,
    /// How many people it names, once analysed.
    pub people: Option<usize>,
    /// Reading progress from the store.
    pub progress: Progress,
    /// Why it is not an article, when it is not.
    pub skipped: Option<String>,
}

impl Entry {
    /// The title, else the file name.
    pub fn title(&self) -> &str {
        self.meta
            .as_ref()
            .and_then(|m| m.title.as_deref())
            .unwrap_or(&self.name)
    }

    /// The date as `YYYY-MM-DD` when it reads as one, else as written.
    pub fn date(&self) -> Option<&str> {
        self.meta.as_ref().and_then(|m| m.date.as_deref())
    }
}

/// What a quick read of an article file tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// The title (header or derived, as the reader shows it).
    pub title: Option<String>,
    /// The date, normalised to `YYYY-MM-DD` when it can be.
    pub date: Option<String>,
    /// Number of blocks.
    pub blocks: usize,
}

/// News from the background reader, by entry index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Update {
    /// Title, date, blocks and progress of entry `.0`.
    Meta(usize, Meta, Progress),
    /// Entry `.0` is not an article, for reason `.1`.
    Skipped(usize, String),
    /// Entry `.0` names this many people.
    People(usize, usize),
}

/// A folder's article files, in the order read (see [`Listing::order`]
/// for the order shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The folder.
    pub dir: PathBuf,
    /// Candidate files, by file name.
    pub entries: Vec<Entry>,
    /// Files without an article extension, and subfolders, not listed.
    pub others: usize,
}

/// The file extensions read as articles.
pub const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "json"];

/// Whether `path` names a file byline lists: an article extension.
pub fn is_candidate(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads the folder `dir` (not its subfolders): the candidate files,
/// sorted by name, nothing parsed yet.
pub fn scan(dir: &Path) -> std::io::Result<Listing> {
    let mut entries = Vec::new();
    let mut others = 0;
    for item in std::fs::read_dir(dir)? {
        let item = item?;
        let path = item.path();
        let name = item.file_name().to_string_lossy().into_owned();
        // Hidden files (editor swap files, .DS_Store) are not articles.
        if name.starts_with('.') {
            continue;
        }
        // Follows symlinks, so a linked article is listed.
        let is_file = std::fs::metadata(&path).is_ok_and(|m| m.is_file());
        if !is_file || !is_candidate(&path) {
            others += 1;
            continue;
        }
        entries.push(Entry {
            path,
            name,
            meta: None,
            people: None,
            progress: Progress::Pending,
            skipped: None,
        });
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(Listing {
        dir: dir.to_path_buf(),
        entries,
        others,
    })
}

/// The path a reading position is saved under (as `main` gives it).
pub fn store_path(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// A short reason a file is not an article (the listing names the file).
fn reason(e: &LoadError) -> String {
    match e {
        LoadError::NotFound(_) => "gone".into(),
        LoadError::IsDirectory(_) => "a folder".into(),
        LoadError::PermissionDenied(_) => "unreadable (permission denied)".into(),
        LoadError::Empty(_) => "empty".into(),
        LoadError::Blank(_) => "only whitespace".into(),
        LoadError::Binary(_) => "binary".into(),
        LoadError::Io { source, .. } => format!("unreadable ({source})"),
    }
}

/// Loads and parses one file: its metadata, its progress in `store`, and
/// the article (for counting people later). `Err` is a short reason.
pub fn read_meta(path: &Path, store: Option<&Store>) -> Result<(Meta, Progress, Article), String> {
    let loaded = load::load_path(path).map_err(|e| reason(&e))?;
    let hint = detect::by_extension(path);
    let (article, _) = parse_input(&loaded.text, hint).map_err(|_| match hint {
        Some(Format::Json) => "not a byline JSON article".to_string(),
        _ => "does not parse".to_string(),
    })?;
    let date = article
        .meta
        .date
        .as_deref()
        .map(|d| normalise_date(d).unwrap_or_else(|| d.trim().to_string()))
        .filter(|d| !d.is_empty());
    let meta = Meta {
        title: article.title(),
        date,
        blocks: article.blocks.len(),
    };
    let progress = match store {
        None => Progress::New,
        Some(store) => {
            let key = store::content_key(&loaded.text);
            let found = store.load(&key, Some(&store_path(path)), &mut Vec::new());
            match found.map(|f| (f.exact, f.record.position, f.record.percent)) {
                None | Some((_, None, _)) => Progress::New,
                // What the reader's status line said, for this very text.
                Some((true, Some(_), Some(pct))) => Progress::Read(pct.min(100)),
                Some((_, Some(spot), _)) => Progress::from_position(spot.block, meta.blocks),
            }
        }
    };
    Ok((meta, progress, article))
}

/// Reads every file of `paths` on a background thread: first each one's
/// metadata and progress (so the list can be sorted soon), then each
/// one's people. The thread stops when the receiver is dropped.
pub fn spawn(paths: Vec<PathBuf>, store: Option<Store>) -> Receiver<Update> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut articles = Vec::with_capacity(paths.len());
        for (i, path) in paths.iter().enumerate() {
            let update = match read_meta(path, store.as_ref()) {
                Ok((meta, progress, article)) => {
                    articles.push((i, article));
                    Update::Meta(i, meta, progress)
                }
                Err(why) => Update::Skipped(i, why),
            };
            if tx.send(update).is_err() {
                return;
            }
        }
        for (i, article) in articles {
            let people = analyse::analyse(&article).people.len();
            if tx.send(Update::People(i, people)).is_err() {
                return;
            }
        }
    });
    rx
}

impl Listing {
    /// Takes in one update; false when it names no entry.
    pub fn apply(&mut self, update: Update) -> bool {
        match update {
            Update::Meta(i, meta, progress) => self.entries.get_mut(i).is_some_and(|e| {
                e.meta = Some(meta);
                // The reader may have set it already (opened meanwhile).
                if e.progress == Progress::Pending {
                    e.progress = progress;
                }
                true
            }),
            Update::Skipped(i, why) => self.entries.get_mut(i).is_some_and(|e| {
                e.skipped = Some(why);
                true
            }),
            Update::People(i, n) => self.entries.get_mut(i).is_some_and(|e| {
                e.people = Some(n);
                true
            }),
        }
    }

    /// Reads every entry now, on this thread (for the plain listing and
    /// tests).
    pub fn load_all(&mut self, store: Option<&Store>) {
        for i in 0..self.entries.len() {
            self.entries[i].progress = Progress::Pending;
            let update = match read_meta(&self.entries[i].path, store) {
                Ok((meta, progress, article)) => {
                    let people = analyse::analyse(&article).people.len();
                    self.apply(Update::People(i, people));
                    Update::Meta(i, meta, progress)
                }
                Err(why) => Update::Skipped(i, why),
            };
            self.apply(update);
        }
    }

    /// The paths of the entries, in index order (for [`spawn`]).
    pub fn paths(&self) -> Vec<PathBuf> {
        self.entries.iter().map(|e| e.path.clone()).collect()
    }

    /// Indices of the articles (not skipped), newest first, then by file
    /// name; files not read yet come last, by name.
    pub fn order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.entries.len())
            .filter(|&i| self.entries[i].skipped.is_none())
            .collect();
        order.sort_by(|&a, &b| compare(&self.entries[a], &self.entries[b]));
        order
    }

    /// Indices of the skipped files, by name.
    pub fn skipped(&self) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| self.entries[i].skipped.is_some())
            .collect()
    }

    /// True once every entry has been read (people may still be counted).
    pub fn read(&self) -> bool {
        self.entries
            .iter()
            .all(|e| e.meta.is_some() || e.skipped.is_some())
    }
}

/// Newest first (dated before undated), then by file name; unread last.
fn compare(a: &Entry, b: &Entry) -> Ordering {
    let key = |e: &Entry| (e.meta.is_none(), e.date().is_none());
    key(a)
        .cmp(&key(b))
        .then_with(|| b.date().cmp(&a.date()))
        .then_with(|| a.name.cmp(&b.name))
}

#[cfg(test)]
mod tests;
