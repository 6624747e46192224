//! End to end: the real binary in a pseudo-terminal, keys typed into it,
//! the screen read back with a terminal emulator (vt100). Every wait is
//! bounded, so a hang fails the test instead of hanging CI.

mod support;

use std::time::Duration;

use portable_pty::{CommandBuilder, native_pty_system};

const WAIT: Duration = Duration::from_secs(10);

/// The shared pty session, plus a scratch home removed with it.
struct Session {
    inner: support::pty::Session,
    /// A scratch home made for this session alone, removed with it.
    own: Option<Home>,
}

impl std::ops::Deref for Session {
    type Target = support::pty::Session;
    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}

impl std::ops::DerefMut for Session {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.inner
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.inner.child.kill();
        if let Some(home) = &self.own {
            let _ = std::fs::remove_dir_all(&home.0);
        }
    }
}

/// A scratch directory standing in for the user's config and data
/// directories, so tests never touch the real ones.
#[derive(Clone)]
struct Home(std::path::PathBuf);

impl Home {
    fn new(name: &str) -> Home {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("byline-pty-{}-{name}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        let home = Home(dir);
        home.write_config("");
        home
    }

    fn data(&self) -> std::path::PathBuf {
        self.0.join("data")
    }

    fn config(&self) -> std::path::PathBuf {
        self.0.join("config.toml")
    }

    fn write_config(&self, text: &str) {
        std::fs::write(self.config(), text).expect("write config");
    }
}

impl Session {
    fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_in(None, &[], args, cols, rows)
    }

    fn start_in(
        home: Option<&Home>,
        env: &[(&str, &str)],
        args: &[&str],
        cols: u16,
        rows: u16,
    ) -> Session {
        let pair = native_pty_system()
            .openpty(support::pty::pty_size(cols, rows))
            .expect("open pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_byline"));
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        // Never the real user's state or config.
        let own = home.is_none().then(|| Home::new("session"));
        let home = home.or(own.as_ref()).expect("a home");
        cmd.env("BYLINE_DATA_DIR", home.data());
        cmd.env("BYLINE_CONFIG", home.config());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let inner = support::pty::Session::with_command(pair, cmd, cols, rows, home.data());
        Session { inner, own }
    }

    /// The body's first row (the line under the title bar at the top).
    fn row(&self, n: u16) -> String {
        let cols = self.parser.screen().size().1.get();
        self.parser.screen().contents_between(n, 0, n, cols)
    }

    /// Reads output until none comes for a while (bounded), so that the
    /// screen shows the last frame.
    fn settle(&mut self) {
        self.inner.settle(Duration::from_millis(300));
    }

    /// Waits for the process to end; kills it and fails if it does not.
    fn exit_code(&mut self) -> u32 {
        self.exit_within(WAIT).0.exit_code()
    }
}

#[test]
fn read_navigate_filter_resize_and_quit() {
    let mut s = Session::start(&["tests/fixtures/harbour.txt"], 100, 30);
    s.wait_text("Port Selwyn opens its harbour bridge");
    assert!(
        s.parser.screen().alternate_screen(),
        "the reader uses the alternate screen"
    );
    assert!(s.screen().contains("Outline"), "{}", s.screen());

    s.send("?");
    s.wait_text("Focus the next pane");
    s.send("\x1b");
    s.wait_for("help to close", |sc| {
        !sc.contents().contains("Focus the next pane")
    });

    s.send("G");
    s.wait_text("lights off");
    s.wait_text("100%");

    s.send("g");
    s.wait_text("0% ·");

    // Narrow: the sidebars go; the place is kept.
    s.resize(50, 16);
    s.wait_for("the narrow layout", |sc| !sc.contents().contains("Outline"));
    s.wait_text("Port Selwyn");

    s.send("2");
    s.wait_text("Outline");
    s.send("\x1b");
    s.wait_for("the overlay to close", |sc| {
        !sc.contents().contains("Outline")
    });

    s.send("q");
    assert_eq!(s.exit_code(), 0, "screen:\n{}", s.screen());
    assert!(
        !s.parser.screen().alternate_screen(),
        "quitting leaves the alternate screen"
    );
}

#[test]
fn ctrl_c_quits_cleanly() {
    let mut s = Session::start(&["tests/fixtures/harbour.txt"], 80, 24);
    s.wait_text("Port Selwyn");
    s.send("\x03");
    assert_eq!(s.exit_code(), 0);
    assert!(!s.parser.screen().alternate_screen());
}

/// Scrolls, quits, opens again: the same line is at the top; then marks.
#[test]
fn the_place_and_marks_survive_a_restart() {
    let home = Home::new("restart");
    let open = || Session::start_in(Some(&home), &[], &["tests/fixtures/harbour.txt"], 80, 24);
    let mut s = open();
    s.wait_text("Port Selwyn");
    s.send("jjjjjjj");
    s.settle();
    let top = s.row(0);
    assert!(!top.contains("Port Selwyn"), "scrolled: {top:?}");
    s.send("ma");
    s.wait_text("mark a set");
    s.send("G");
    s.wait_text("100%");
    let bottom = s.row(0);
    s.send("q");
    assert_eq!(s.exit_code(), 0);

    let mut s = open();
    s.wait_text("100%");
    s.settle();
    assert_eq!(s.row(0), bottom, "reopens where it was left");
    s.send("'a");
    s.settle();
    assert_eq!(s.row(0), top, "mark a is where it was set");
    s.send("q");
    assert_eq!(s.exit_code(), 0);

    let mut s = Session::start_in(
        Some(&home),
        &[],
        &["--from-start", "tests/fixtures/harbour.txt"],
        80,
        24,
    );
    s.wait_text("0% ·");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    let _ = std::fs::remove_dir_all(&home.0);
}

#[test]
fn a_rebound_key_changes_behaviour_and_help() {
    let home = Home::new("rebind");
    home.write_config("[keys]\nquit = [\"x\"]\nhelp = [\"h\"]\n");
    let mut s = Session::start_in(Some(&home), &[], &["tests/fixtures/harbour.txt"], 100, 40);
    s.wait_text("Port Selwyn");
    // The hints come from the live keymap.
    s.wait_text("h help");
    s.send("?");
    s.send("h");
    s.wait_text("Show or hide this help");
    let help = s.screen();
    let quit = help.lines().find(|l| l.contains("Quit")).unwrap_or("");
    assert!(quit.contains(" x "), "help shows the new key: {quit:?}");
    assert!(
        !quit.contains("ctrl-c"),
        "quit = [\"x\"] replaced the defaults: {quit:?}"
    );
    s.send("\x1b");
    s.send("q");
    s.send("x");
    assert_eq!(s.exit_code(), 0);
    let _ = std::fs::remove_dir_all(&home.0);
}

/// SGR parameters that set a colour: 30-38, 40-48, 90-97, 100-107.
fn colour_params(raw: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(raw);
    let mut found = Vec::new();
    for part in text.split("\x1b[").skip(1) {
        let Some(end) = part.find(|c: char| c.is_ascii_alphabetic()) else {
            continue;
        };
        if !part[end..].starts_with('m') {
            continue;
        }
        let params = &part[..end];
        let colour = params.split([';', ':']).any(|p| {
            matches!(
                p.parse::<u32>(),
                Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
            )
        });
        if colour {
            found.push(params.to_string());
        }
    }
    found
}

#[test]
fn no_color_output_has_no_colour_codes() {
    let mut s = Session::start_in(
        None,
        &[("NO_COLOR", "1")],
        &["tests/fixtures/harbour.txt"],
        120,
        30,
    );
    s.wait_text("Port Selwyn");
    s.send("2");
    s.send("\t");
    s.send("?");
    s.wait_text("Focus the next pane");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert_eq!(colour_params(&s.raw), Vec::<String>::new());
    // Bold and reverse are still there to tell things apart.
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(raw.contains("\x1b[1m") && raw.contains("\x1b[7m"));

    // The check does see colour when there is some.
    let mut s = Session::start(&["tests/fixtures/harbour.txt"], 120, 30);
    s.wait_text("Port Selwyn");
    s.send("q");
    assert_eq!(s.exit_code(), 0);
    assert!(!colour_params(&s.raw).is_empty());
}

#[test]
fn a_broken_config_is_an_error_before_the_reader_opens() {
    let home = Home::new("broken");
    home.write_config("[theme]\nquote = \"yelow\"\n");
    let mut s = Session::start_in(Some(&home), &[], &["tests/fixtures/harbour.txt"], 100, 30);
    assert_eq!(s.exit_code(), 1);
    let screen = s.screen();
    for want in ["config.toml", "line 2", "theme.quote", "yelow"] {
        assert!(screen.contains(want), "{want:?} in:\n{screen}");
    }
    assert!(!screen.contains("Port Selwyn"), "the reader never opened");
    let _ = std::fs::remove_dir_all(&home.0);
}
