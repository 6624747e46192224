//! The config file from the command line: `--print-config`, `--config`,
//! `BYLINE_CONFIG`, and errors that name the file, line, key and value.

use std::path::PathBuf;
use std::process::{Command, Output};

const ARTICLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/harbour.txt");

fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("byline-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p
}

fn byline(args: &[&str], config: Option<&PathBuf>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_byline"));
    cmd.args(args);
    match config {
        Some(c) => cmd.env("BYLINE_CONFIG", c),
        None => cmd.env("BYLINE_CONFIG", scratch("empty.toml", "")),
    };
    cmd.output().expect("run byline")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn print_config_prints_the_commented_defaults() {
    let out = byline(&["--print-config"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text, include_str!("../assets/config.toml"));
    // What it prints is a config byline accepts.
    let file = scratch("printed.toml", &text);
    let out = byline(&["--json", ARTICLE], Some(&file));
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_bad_value_names_file_line_key_and_value() {
    let file = scratch(
        "bad.toml",
        "[theme]\nbody = \"default\"\nquote = \"yelow\"\n",
    );
    let out = byline(&["--json", ARTICLE], Some(&file));
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    for want in [
        &*file.to_string_lossy(),
        "line 3",
        "theme.quote",
        "\"yelow\"",
    ] {
        assert!(err.contains(want), "{want:?} in {err}");
    }
}

#[test]
fn an_unknown_key_is_an_error_not_ignored() {
    let file = scratch("unknown.toml", "[reader]\nmeasure = 70\njustfy = true\n");
    let out = byline(&["--json", ARTICLE], Some(&file));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    for want in ["line 3", "reader.justfy", "justfy"] {
        assert!(err.contains(want), "{want:?} in {err}");
    }
}

#[test]
fn the_flag_wins_over_the_environment_and_must_exist() {
    let good = scratch("good.toml", "[reader]\nmeasure = 70\n");
    let missing = good.with_file_name("missing.toml");
    let out = byline(
        &["--config", &good.to_string_lossy(), "--json", ARTICLE],
        Some(&missing),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = byline(&["--json", ARTICLE], Some(&missing));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("missing.toml"), "{}", stderr(&out));
}
