//! Scores `byline --json` against the hand-written gold files in
//! `tests/gold/` and prints a table: blocks and captions must be exact;
//! people precision/recall/F1, per-person block-set F1, quote recall and
//! speaker accuracy must stay at or above the floors below.
//!
//! Run `cargo test --test gold -- --nocapture` to see the table;
//! `GOLD_VERBOSE=1` lists every miss, `GOLD_BIN=path` scores another build.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Floors for the totals across all gold files. Raise them as the analysis
/// improves; never lower them to make a change pass. (Reset on 2026-12-04,
/// second session, when the set grew from 92 to 110 articles: the twelve
/// read holdout articles and a fresh batch of six joined it, and the floors
/// sit just under what the rules score on the larger set.)
const FLOOR_PEOPLE_F1: f64 = 0.965;
const FLOOR_BLOCK_F1: f64 = 0.965;
const FLOOR_QUOTE_RECALL: f64 = 0.99;
const FLOOR_SPEAKER_ACC: f64 = 0.94;
/// Floors for the holdout set (people F1, block F1, quote recall, speaker).
/// The holdout was replaced again on 2026-12-04 (second session) by twenty
/// articles written by helpers who had not seen the rules: twelve scored
/// once after most of that session's rules (0.919, 0.925, 1.000, 0.865),
/// eight once after all of them (0.955, 0.978, 1.000, 0.881); together
/// 0.932, 0.944, 1.000, 0.872, and these floors sit just under that.
const HOLDOUT_FLOORS: [f64; 4] = [0.925, 0.94, 0.99, 0.865];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn norm(s: &str) -> String {
    let s = s.replace(['’', '‘'], "'");
    let s = s
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    s.to_lowercase()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '\'' {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches("'s")
        .to_string()
}

fn words(s: &str) -> Vec<String> {
    norm(s)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn names_of(p: &Value) -> HashSet<String> {
    let mut set: HashSet<String> = p["aliases"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(norm)
        .collect();
    if let Some(n) = p["name"].as_str() {
        set.insert(norm(n));
    }
    set
}

fn blocks_of(p: &Value) -> BTreeSet<u64> {
    p["blocks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_u64)
        .collect()
}

fn f1(a: &BTreeSet<u64>, b: &BTreeSet<u64>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.intersection(b).count() as f64;
    2.0 * inter / (a.len() + b.len()) as f64
}

#[derive(Default, Debug, Clone, Copy)]
struct Score {
    gold_people: usize,
    pred_people: usize,
    matched_people: usize,
    block_f1_sum: f64,
    gold_quotes: usize,
    pred_quotes: usize,
    matched_quotes: usize,
    right_speakers: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.gold_people += o.gold_people;
        self.pred_people += o.pred_people;
        self.matched_people += o.matched_people;
        self.block_f1_sum += o.block_f1_sum;
        self.gold_quotes += o.gold_quotes;
        self.pred_quotes += o.pred_quotes;
        self.matched_quotes += o.matched_quotes;
        self.right_speakers += o.right_speakers;
    }
    fn ratio(n: usize, d: usize) -> f64 {
        if d == 0 { 1.0 } else { n as f64 / d as f64 }
    }
    fn people_p(&self) -> f64 {
        Self::ratio(self.matched_people, self.pred_people)
    }
    fn people_r(&self) -> f64 {
        Self::ratio(self.matched_people, self.gold_people)
    }
    fn people_f1(&self) -> f64 {
        let (p, r) = (self.people_p(), self.people_r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn block_f1(&self) -> f64 {
        if self.gold_people == 0 {
            1.0
        } else {
            self.block_f1_sum / self.gold_people as f64
        }
    }
    fn quote_recall(&self) -> f64 {
        Self::ratio(self.matched_quotes, self.gold_quotes)
    }
    fn quote_precision(&self) -> f64 {
        Self::ratio(self.matched_quotes, self.pred_quotes)
    }
    fn speaker_acc(&self) -> f64 {
        Self::ratio(self.right_speakers, self.matched_quotes)
    }
}

/// One-to-one matching of predicted people to gold people: pairs that share
/// a name form, best block-set agreement first. Returns (gold, pred) pairs.
fn match_people(gold: &[Value], pred: &[Value]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let gn = names_of(g);
        for (pi, p) in pred.iter().enumerate() {
            let pn = names_of(p);
            let shared = gn.intersection(&pn).count();
            // The predicted canonical name must be one of the gold forms, or
            // they must share at least two forms: one shared surname is not
            // enough to call two clusters the same person.
            let name_ok = p["name"].as_str().is_some_and(|n| gn.contains(&norm(n)));
            if shared > 0 && (name_ok || shared >= 2) {
                let w = f1(&blocks_of(g), &blocks_of(p))
                    + shared as f64 * 0.01
                    + if name_ok { 0.5 } else { 0.0 };
                pairs.push((w, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut gu, mut pu, mut out) = (HashSet::new(), HashSet::new(), Vec::new());
    for (_, gi, pi) in pairs {
        if gu.insert(gi) && pu.insert(pi) {
            out.push((gi, pi));
        }
    }
    out
}

fn quote_matches(g: &Value, p: &Value) -> bool {
    if g["block"] != p["block"] {
        return false;
    }
    let (gw, pw) = (
        words(g["text"].as_str().unwrap_or("")),
        words(p["text"].as_str().unwrap_or("")),
    );
    if gw.is_empty() || pw.is_empty() {
        return gw == pw;
    }
    let n = gw.len().min(pw.len()).min(6);
    if gw[..n] == pw[..n] {
        return true;
    }
    let gs: HashSet<_> = gw.iter().collect();
    let ps: HashSet<_> = pw.iter().collect();
    gs.intersection(&ps).count() as f64 / gs.union(&ps).count() as f64 >= 0.6
}

fn speaker_right(
    g: &Value,
    p: &Value,
    gold_people: &[Value],
    pred_people: &[Value],
    pairs: &[(usize, usize)],
) -> bool {
    let Some(gs) = g["speaker"].as_str() else {
        return p["speaker"].is_null();
    };
    let gperson = gold_people
        .iter()
        .position(|gp| gp["name"].as_str() == Some(gs));
    match gperson {
        Some(gi) => {
            let gnames = names_of(&gold_people[gi]);
            if let Some(pid) = p["person"].as_u64() {
                let pi = pred_people
                    .iter()
                    .position(|pp| pp["id"].as_u64() == Some(pid));
                return pi.is_some_and(|pi| pairs.contains(&(gi, pi)));
            }
            p["speaker"]
                .as_str()
                .is_some_and(|s| gnames.contains(&norm(s)))
        }
        None => {
            let Some(ps) = p["speaker"].as_str() else {
                return false;
            };
            let (gn, pn) = (norm(gs), norm(ps));
            p["person"].is_null() && !pn.is_empty() && (gn.contains(&pn) || pn.contains(&gn))
        }
    }
}

fn score(gold: &Value, out: &Value, name: &str) -> Score {
    // Blocks and captions are exact.
    assert_eq!(
        out["blocks"], gold["blocks"],
        "{name}: blocks differ from gold"
    );
    let captions: Vec<Value> = gold["blocks"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
        .filter(|(_, b)| b["kind"] == "caption")
        .map(|(i, b)| serde_json::json!({"block": i, "text": b["text"], "credit": b["credit"]}))
        .collect();
    assert_eq!(
        out["captions"],
        Value::Array(captions),
        "{name}: captions differ"
    );
    for key in ["title", "date"] {
        if let Some(v) = gold.get(key).filter(|v| !v.is_null()) {
            assert_eq!(&out[key], v, "{name}: {key}");
        }
    }

    let empty = Vec::new();
    let gp = gold["people"].as_array().unwrap_or(&empty);
    let pp = out["people"].as_array().unwrap_or(&empty);
    let pairs = match_people(gp, pp);
    let mut s = Score {
        gold_people: gp.len(),
        pred_people: pp.len(),
        matched_people: pairs.len(),
        ..Score::default()
    };
    for &(gi, pi) in &pairs {
        s.block_f1_sum += f1(&blocks_of(&gp[gi]), &blocks_of(&pp[pi]));
    }
    let gq = gold["quotes"].as_array().unwrap_or(&empty);
    let pq = out["quotes"].as_array().unwrap_or(&empty);
    s.gold_quotes = gq.len();
    s.pred_quotes = pq.len();
    let mut used = HashSet::new();
    let verbose = std::env::var_os("GOLD_VERBOSE").is_some();
    for g in gq {
        match (0..pq.len()).find(|&i| !used.contains(&i) && quote_matches(g, &pq[i])) {
            Some(i) => {
                used.insert(i);
                s.matched_quotes += 1;
                if speaker_right(g, &pq[i], gp, pp, &pairs) {
                    s.right_speakers += 1;
                } else if verbose {
                    eprintln!(
                        "  {name}: speaker of {:?}: gold {} got {} (person {})",
                        g["text"]
                            .as_str()
                            .unwrap_or("")
                            .chars()
                            .take(40)
                            .collect::<String>(),
                        g["speaker"],
                        pq[i]["speaker"],
                        pq[i]["person"]
                    );
                }
            }
            None if verbose => eprintln!(
                "  {name}: missed quote in block {}: {:?}",
                g["block"],
                g["text"]
                    .as_str()
                    .unwrap_or("")
                    .chars()
                    .take(50)
                    .collect::<String>()
            ),
            None => {}
        }
    }
    if verbose {
        let matched_g: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
        let matched_p: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
        for (i, g) in gp
            .iter()
            .enumerate()
            .filter(|(i, _)| !matched_g.contains(i))
        {
            let _ = i;
            eprintln!("  {name}: missed person {}", g["name"]);
        }
        for (i, p) in pp
            .iter()
            .enumerate()
            .filter(|(i, _)| !matched_p.contains(i))
        {
            let _ = i;
            eprintln!("  {name}: extra person {} {:?}", p["name"], p["aliases"]);
        }
        for &(gi, pi) in &pairs {
            let (gb, pb) = (blocks_of(&gp[gi]), blocks_of(&pp[pi]));
            if gb != pb {
                eprintln!(
                    "  {name}: blocks of {}: missing {:?} extra {:?}",
                    gp[gi]["name"],
                    gb.difference(&pb).collect::<Vec<_>>(),
                    pb.difference(&gb).collect::<Vec<_>>()
                );
            }
        }
    }
    s
}

fn gold_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .expect("gold directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn run_json(article: &Path) -> Value {
    // `GOLD_BIN=path/to/byline` scores another build (an earlier commit's,
    // to compare a rule change on the same gold files).
    let bin = std::env::var_os("GOLD_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_byline")),
        PathBuf::from,
    );
    let out = Command::new(bin)
        .arg("--json")
        .arg(article)
        .output()
        .expect("run byline");
    assert!(
        out.status.success(),
        "{}: {}",
        article.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// Scores every gold file in `dir`, prints the table and returns the total.
fn score_dir(dir: &str) -> Score {
    let files = gold_files(dir);
    let mut total = Score::default();
    let mut rows = Vec::new();
    for file in &files {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(file).expect("read gold"))
            .expect("gold JSON");
        let article = root().join(gold["article"].as_str().expect("gold has article"));
        let name = file
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        let s = score(&gold, &run_json(&article), &name);
        total.add(&s);
        rows.push((name, s));
    }
    rows.push((format!("TOTAL ({} files)", files.len()), total));
    println!("\n{dir}");
    println!(
        "{:<28} {:>6} {:>6} {:>6} {:>8} {:>7} {:>7} {:>8}",
        "article", "ppl P", "ppl R", "ppl F1", "block F1", "q rec", "q prec", "speaker"
    );
    for (name, s) in &rows {
        println!(
            "{:<28} {:>6.3} {:>6.3} {:>6.3} {:>8.3} {:>7.3} {:>7.3} {:>8.3}",
            name,
            s.people_p(),
            s.people_r(),
            s.people_f1(),
            s.block_f1(),
            s.quote_recall(),
            s.quote_precision(),
            s.speaker_acc()
        );
    }
    total
}

fn assert_floors(total: &Score, floors: [f64; 4]) {
    let got = [
        total.people_f1(),
        total.block_f1(),
        total.quote_recall(),
        total.speaker_acc(),
    ];
    for (name, (g, f)) in ["people F1", "block F1", "quote recall", "speaker accuracy"]
        .iter()
        .zip(got.iter().zip(floors))
    {
        assert!(*g >= f, "{name} {g:.3} < floor {f}");
    }
}

/// The articles the rules were developed against.
#[test]
fn gold_scores() {
    assert!(
        gold_files("tests/gold").len() >= 110,
        "expected the 110 gold files"
    );
    let total = score_dir("tests/gold");
    assert_floors(
        &total,
        [
            FLOOR_PEOPLE_F1,
            FLOOR_BLOCK_F1,
            FLOOR_QUOTE_RECALL,
            FLOOR_SPEAKER_ACC,
        ],
    );
}

/// Articles written after the rules, never used to tune them: the honest
/// measure of how the analysis does on text it has not seen. Its floors
/// only guard against regressions; improve the rules on `tests/gold`.
#[test]
fn holdout_scores() {
    assert!(
        gold_files("tests/holdout/gold").len() >= 20,
        "expected the 20 holdout files"
    );
    let total = score_dir("tests/holdout/gold");
    assert_floors(&total, HOLDOUT_FLOORS);
}

#[test]
fn scorer_rewards_a_perfect_answer_and_punishes_a_split() {
    let gold = serde_json::json!({
        "blocks": [], "quotes": [{"block": 0, "text": "We kept it", "speaker": "Ada Quist"}],
        "people": [{"name": "Ada Quist", "aliases": ["Quist"], "blocks": [0, 2]}]
    });
    let good = serde_json::json!({
        "blocks": [], "captions": [],
        "quotes": [{"block": 0, "text": "We kept it,", "speaker": "Quist", "person": 0}],
        "people": [{"id": 0, "name": "Ada Quist", "aliases": ["Quist"], "blocks": [0, 2]}]
    });
    let s = score(&gold, &good, "good");
    assert_eq!(
        (
            s.people_f1(),
            s.block_f1(),
            s.quote_recall(),
            s.speaker_acc()
        ),
        (1.0, 1.0, 1.0, 1.0)
    );
    let split = serde_json::json!({
        "blocks": [], "captions": [],
        "quotes": [{"block": 0, "text": "We kept it,", "speaker": "Quist", "person": 1}],
        "people": [{"id": 0, "name": "Ada Quist", "aliases": [], "blocks": [0]},
                   {"id": 1, "name": "Quist", "aliases": [], "blocks": [2]}]
    });
    let s = score(&gold, &split, "split");
    assert!(
        s.people_f1() < 0.7 && s.block_f1() < 0.7 && s.speaker_acc() == 0.0,
        "{s:?}"
    );
}
