//! The `byline` binary on good and bad input: exit codes, one-line errors
//! naming the file, nothing on stdout when it fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn byline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        // Never the user's own config.
        .env("BYLINE_CONFIG", tmp("empty.toml", b""))
        .output()
        .expect("run byline")
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("byline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

/// Fails with one line on stderr naming `path` and containing `what`.
fn assert_fails(out: &Output, path: &Path, what: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "should fail: {err}");
    assert!(
        out.stdout.is_empty(),
        "stdout must be empty: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(
        err.contains(&*path.to_string_lossy()),
        "names the file: {err}"
    );
    assert!(err.contains(what), "says {what:?}: {err}");
}

#[test]
fn help_and_version() {
    let out = byline(&["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.contains("--json"), "{help}");
    let out = byline(&["--version"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("byline "));
}

#[test]
fn missing_file() {
    let p = Path::new("/nonexistent/dir/article.txt");
    assert_fails(
        &byline(&["--json", "/nonexistent/dir/article.txt"]),
        p,
        "no such file",
    );
}

/// A fresh folder `name` under this run's temp directory.
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("byline-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    dir
}

#[test]
fn the_one_article_modes_refuse_a_folder_in_one_line() {
    let dir = std::env::temp_dir();
    let d = dir.to_string_lossy();
    for args in [
        vec!["--json", &*d],
        vec!["--people", &*d],
        vec!["--quotes", &*d],
        vec!["--person", "Quist", &*d],
        vec!["--format", "text", &*d],
    ] {
        let out = byline(&args);
        assert_fails(&out, &dir, "is a folder");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(args[0]),
            "names the flag: {args:?}"
        );
    }
    let article = tmp("one.txt", b"title One\n\nText.\n");
    assert_fails(
        &byline(&[&d, &article.to_string_lossy()]),
        &dir,
        "give it alone",
    );
}

#[test]
fn an_empty_folder_says_what_it_looked_for() {
    let dir = folder("empty");
    std::fs::write(dir.join("photo.jpg"), b"\xff\xd8").expect("write");
    let out = byline(&[&dir.to_string_lossy()]);
    assert_fails(&out, &dir, "no articles here");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(".md") && err.contains("1 other"), "{err}");
    // A folder whose only candidate is binary says which and why.
    std::fs::write(dir.join("a.txt"), b"\x00\x00\x01\x02\x00").expect("write");
    let out = byline(&[&dir.to_string_lossy()]);
    assert_fails(&out, &dir, "a.txt (binary)");
}

#[test]
fn a_folder_printed_is_a_listing_newest_first() {
    let dir = folder("listing");
    std::fs::write(
        dir.join("old.txt"),
        "date 2024-02-01\ntitle The old one\n\nAda Quist spoke.\n",
    )
    .expect("write");
    std::fs::write(
        dir.join("new.md"),
        "---\ntitle: The new one\ndate: 2025-05-05\n---\n\nText.\n",
    )
    .expect("write");
    std::fs::write(dir.join("bad.json"), "{\"name\": 1}").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg(&dir)
        .env("BYLINE_CONFIG", tmp("empty.toml", b""))
        .env("BYLINE_DATA_DIR", dir.join("state"))
        .output()
        .expect("run byline");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("DATE"), "{text}");
    assert!(
        lines[1].starts_with("2025-05-05")
            && lines[1].contains(" new.md ")
            && lines[1].ends_with("The new one"),
        "{text}"
    );
    assert!(
        lines[2].contains("old.txt") && lines[2].contains(" new "),
        "{text}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.json: skipped: not a byline JSON article"),
        "{err}"
    );
}

#[test]
fn empty_and_whitespace_only() {
    let p = tmp("empty.txt", b"");
    assert_fails(&byline(&["--json", &p.to_string_lossy()]), &p, "empty");
    let p = tmp("blank.txt", b"  \n\n\t \r\n");
    assert_fails(
        &byline(&["--json", &p.to_string_lossy()]),
        &p,
        "only whitespace",
    );
}

#[test]
fn binary_file() {
    let mut bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    bytes.extend(std::iter::repeat_n(0u8, 200));
    let p = tmp("prog.bin", &bytes);
    assert_fails(
        &byline(&["--json", &p.to_string_lossy()]),
        &p,
        "looks like a binary file",
    );
}

#[test]
fn permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let p = tmp("secret.txt", b"Hidden text.");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&p).is_ok() {
        // Running as root: permissions are not enforced, so the error cannot
        // be provoked here; the mapping is unit-tested in article::load.
        eprintln!("skipped: running with privileges that ignore file modes");
        return;
    }
    assert_fails(
        &byline(&["--json", &p.to_string_lossy()]),
        &p,
        "permission denied",
    );
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let p = tmp(
        "latin1.txt",
        b"Caf\xe9 owner Ana Ruiz spoke.\n\nSecond paragraph.",
    );
    let out = byline(&["--json", &p.to_string_lossy()]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not valid UTF-8") && err.contains(&*p.to_string_lossy()),
        "{err}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        json["blocks"][0]["text"],
        "Caf\u{FFFD} owner Ana Ruiz spoke."
    );
}

#[test]
fn escape_sequences_never_reach_the_output() {
    let p = tmp("hostile.txt", "title Evil \u{1b}]0;pwned\u{7}title\n\nRed \u{1b}[31malert\u{1b}[0m and \u{9b}2J clear. \u{202E}gnp.exe\n".as_bytes());
    for args in [vec!["--json"], vec![]] {
        let mut all = args.clone();
        let path = p.to_string_lossy().to_string();
        all.push(&path);
        let out = byline(&all);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).expect("utf8");
        assert!(
            !text.contains(['\u{1b}', '\u{9b}', '\u{7}', '\u{202E}']),
            "{text:?}"
        );
        assert!(text.contains("Red alert"), "{text}");
    }
}

#[test]
fn a_five_megabyte_line() {
    let line = "word ".repeat(1_000_000);
    let p = tmp("long-line.txt", line.as_bytes());
    let out = byline(&["--json", &p.to_string_lossy()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["blocks"].as_array().map(Vec::len), Some(1));
    let out = byline(&[&p.to_string_lossy()]);
    assert!(out.status.success());
    assert!(out.stdout.len() > 5_000_000);
}

#[test]
fn json_has_every_contract_field() {
    let p = tmp("seed.txt", " date 2025-06-14 Mayor Ada Quist opens the bridge. Photo / Reuters\n\nMayor Ada Quist cut the ribbon.\n".as_bytes());
    let out = byline(&["--json", &p.to_string_lossy()]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    for field in [
        "source", "title", "date", "blocks", "captions", "quotes", "people",
    ] {
        assert!(json.get(field).is_some(), "missing {field}");
    }
    assert_eq!(json["source"], *p.to_string_lossy());
    assert_eq!(json["captions"][0]["block"], 0);
    assert_eq!(json["captions"][0]["credit"], "Reuters");
    assert_eq!(json["title"], "Mayor Ada Quist opens the bridge");
}

#[test]
fn plain_print_wraps_to_width() {
    let p = tmp(
        "wrap.txt",
        "title T\n\nalpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu\n"
            .as_bytes(),
    );
    let out = byline(&["--width", "20", &p.to_string_lossy()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().all(|l| l.chars().count() <= 20), "{text}");
    assert!(text.lines().count() >= 4);
}
