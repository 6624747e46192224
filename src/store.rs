//! Reading positions and marks, one small JSON file per article in the
//! data directory, named by a hash of the article's text (so a moved or
//! renamed file keeps its place). Writes are atomic (temp file, then
//! rename) under a lock file, and re-read what is on disk first, so two
//! byline processes never lose each other's marks. A corrupt file is set
//! aside with a warning.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// A place in an article: a block and a byte offset in its text, with a
/// fingerprint of the block so an edited article can find it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spot {
    /// Block index, or `None` for row `offset` of the header.
    pub block: Option<usize>,
    /// Byte offset into the block's text (or header row).
    pub offset: usize,
    /// [`hash`] of the block's text.
    pub fingerprint: u64,
}

/// What byline remembers about one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Record {
    /// The path it was last opened from, to find it again once edited.
    pub path: Option<String>,
    /// Where the reader was.
    pub position: Option<Spot>,
    /// Marks by letter.
    pub marks: BTreeMap<char, Spot>,
    /// How far down the reader was, 0–100, as its status line said (the
    /// folder list shows it; older records lack it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<u8>,
    /// When it was saved (seconds since 1970).
    pub saved: u64,
}

/// A record found for an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The record.
    pub record: Record,
    /// True when it was saved for this very text; false when it was found
    /// by path for an earlier version of the file.
    pub exact: bool,
}

/// The directory of records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    dir: PathBuf,
}

/// FNV-1a, 64 bits: stable across runs and Rust versions, unlike std's
/// hasher, which is what a key on disk needs.
pub fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The key of an article's text.
pub fn content_key(text: &str) -> String {
    format!("{:016x}", hash(text.as_bytes()))
}

impl Store {
    /// A store in `dir` (created when first written).
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    /// `BYLINE_DATA_DIR`, else byline's data directory for the platform.
    pub fn from_env() -> Option<Store> {
        match std::env::var_os("BYLINE_DATA_DIR") {
            Some(d) if !d.is_empty() => Some(Store::new(d)),
            _ => directories::ProjectDirs::from("", "", "byline")
                .map(|d| Store::new(d.data_dir().join("articles"))),
        }
    }

    fn file(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// The record for `key`, else the newest record last opened from
    /// `path`. Warnings (a corrupt file set aside) go to `warn`.
    pub fn load(&self, key: &str, path: Option<&str>, warn: &mut Vec<String>) -> Option<Found> {
        if let Some(record) = self.read(&self.file(key), warn) {
            return Some(Found {
                record,
                exact: true,
            });
        }
        let path = path?;
        let entries = fs::read_dir(&self.dir).ok()?;
        entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter_map(|p| self.read(&p, warn))
            .filter(|r| r.path.as_deref() == Some(path))
            .max_by_key(|r| r.saved)
            .map(|record| Found {
                record,
                exact: false,
            })
    }

    /// Reads one record; a file that does not parse is renamed to
    /// `*.corrupt` and reported, so the next save starts afresh.
    fn read(&self, file: &Path, warn: &mut Vec<String>) -> Option<Record> {
        let text = fs::read_to_string(file).ok()?;
        match serde_json::from_str(&text) {
            Ok(r) => Some(r),
            Err(e) => {
                let aside = file.with_extension("json.corrupt");
                let moved = fs::rename(file, &aside).is_ok();
                warn.push(format!(
                    "reading state {}: {e}; {}",
                    file.display(),
                    if moved {
                        format!("set aside as {}, starting afresh", aside.display())
                    } else {
                        "ignored".to_string()
                    }
                ));
                None
            }
        }
    }

    /// Saves `record` for `key`: under the lock, marks already on disk
    /// that `record` lacks are kept (another byline may have set them);
    /// the position is `record`'s.
    pub fn save(&self, key: &str, record: &Record) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let _lock = Lock::take(&self.dir.join(format!("{key}.lock")))?;
        let file = self.file(key);
        let mut merged = record.clone();
        if let Some(old) = self.read(&file, &mut Vec::new()) {
            for (c, spot) in old.marks {
                merged.marks.entry(c).or_insert(spot);
            }
        }
        merged.saved = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let json = serde_json::to_vec_pretty(&merged).map_err(io::Error::other)?;
        let tmp = self.dir.join(format!(".{key}.{}.tmp", std::process::id()));
        let mut f = File::create(&tmp)?;
        f.write_all(&json)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, &file).inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
    }
}

/// A lock file made with `create_new`, removed on drop. One left behind
/// by a crash is broken after a few seconds.
struct Lock(PathBuf);

impl Lock {
    fn take(path: &Path) -> io::Result<Lock> {
        let start = SystemTime::now();
        loop {
            match File::create_new(path) {
                Ok(_) => return Ok(Lock(path.to_path_buf())),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let age = fs::metadata(path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok());
                    if age.is_some_and(|a| a > STALE) {
                        let _ = fs::remove_file(path);
                    } else if start.elapsed().is_ok_and(|w| w > STALE) {
                        return Err(io::Error::new(
                            io::ErrorKind::WouldBlock,
                            format!("{} is held by another byline", path.display()),
                        ));
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

const STALE: Duration = Duration::from_secs(3);

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("byline-store-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    fn spot(block: usize) -> Spot {
        Spot {
            block: Some(block),
            offset: 3,
            fingerprint: 7,
        }
    }

    #[test]
    fn hash_is_stable() {
        assert_eq!(hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_key("a"), "af63dc4c8601ec8c");
    }

    #[test]
    fn save_then_load_round_trips() {
        let dir = temp("round");
        let s = Store::new(&dir);
        let r = Record {
            path: Some("/a.txt".into()),
            position: Some(spot(4)),
            ..Record::default()
        };
        s.save("k1", &r).expect("save");
        let found = s.load("k1", None, &mut Vec::new()).expect("found");
        assert!(found.exact);
        assert_eq!(found.record.position, Some(spot(4)));
        // No temp or lock files are left behind.
        let names: Vec<_> = fs::read_dir(&dir).expect("dir").flatten().collect();
        assert_eq!(names.len(), 1);
        let _ = fs::remove_dir_all(dir);
    }

    #[test]
    fn an_edited_file_is_found_by_path() {
        let dir = temp("path");
        let s = Store::new(&dir);
        let r = Record {
            path: Some("/a.txt".into()),
            position: Some(spot(2)),
            ..Record::default()
        };
        s.save("old", &r).expect("save");
        let found = s
            .load("new", Some("/a.txt"), &mut Vec::new())
            .expect("by path");
        assert!(!found.exact);
        assert!(s.load("new", Some("/b.txt"), &mut Vec::new()).is_none());
        let _ = fs::remove_dir_all(dir);
    }

    #[test]
    fn a_corrupt_file_is_set_aside_with_a_warning() {
        let dir = temp("corrupt");
        fs::create_dir_all(&dir).expect("dir");
        fs::write(dir.join("k.json"), "{not json").expect("write");
        let s = Store::new(&dir);
        let mut warn = Vec::new();
        assert!(s.load("k", None, &mut warn).is_none());
        assert_eq!(warn.len(), 1, "{warn:?}");
        assert!(warn[0].contains("k.json"), "{warn:?}");
        assert!(dir.join("k.json.corrupt").exists());
        s.save("k", &Record::default()).expect("fresh save");
        assert!(s.load("k", None, &mut Vec::new()).is_some());
        let _ = fs::remove_dir_all(dir);
    }

    #[test]
    fn two_writers_keep_each_others_marks() {
        let dir = temp("merge");
        let s = Store::new(&dir);
        let threads: Vec<_> = ['a', 'b', 'c', 'd']
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                let s = s.clone();
                std::thread::spawn(move || {
                    let mut r = Record::default();
                    r.marks.insert(c, spot(i));
                    s.save("k", &r).expect("save");
                })
            })
            .collect();
        for t in threads {
            t.join().expect("thread");
        }
        let r = s.load("k", None, &mut Vec::new()).expect("found").record;
        assert_eq!(r.marks.len(), 4, "{r:?}");
        let _ = fs::remove_dir_all(dir);
    }

    #[test]
    fn a_stale_lock_is_broken() {
        let dir = temp("stale");
        fs::create_dir_all(&dir).expect("dir");
        let lock = dir.join("k.lock");
        File::create(&lock).expect("lock");
        let old = SystemTime::now() - Duration::from_secs(60);
        File::options()
            .write(true)
            .open(&lock)
            .and_then(|f| f.set_modified(old))
            .expect("age the lock");
        Store::new(&dir)
            .save("k", &Record::default())
            .expect("save");
        assert!(!lock.exists());
        let _ = fs::remove_dir_all(dir);
    }
}
