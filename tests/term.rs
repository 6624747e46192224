//! The terminal contract, end to end in a pseudo-terminal: signals
//! restore the terminal and end the reader within a second, Ctrl-z
//! saves the position and suspends and a resume redraws, the mouse is
//! opt-in, a split arrow key is not Esc, `y` copies with OSC 52, and the
//! one start-up query (whether the terminal has left/right margins) is
//! never waited for, its answer is never a key, and the margin mode it
//! turns on is undone on every way out.

mod support;

use std::time::{Duration, Instant};

use support::pty::{Session, alive};

const ARTICLE: &str = "tests/fixtures/harbour.txt";
const LONG: &str = "assets/royal-visit.txt";

fn started(args: &[&str], w: u16, h: u16) -> Session {
    let mut s = Session::byline(args, w, h);
    s.wait_text("Port Selwyn");
    s
}

/// The terminal is as it was: main screen, cursor shown, modes off.
fn assert_restored(s: &Session, what: &str) {
    let screen = s.parser.screen();
    assert!(
        !screen.alternate_screen(),
        "{what}: still on the alternate screen"
    );
    assert!(!screen.hide_cursor(), "{what}: cursor still hidden");
    let raw = String::from_utf8_lossy(&s.raw);
    let (show, leave) = (raw.rfind("\x1b[?25h"), raw.rfind("\x1b[?1049l"));
    assert!(
        show.is_some() && leave.is_some(),
        "{what}: restore sequences missing"
    );
    assert!(show < leave, "{what}: modes must be left in reverse order");
}

#[test]
fn hangup_term_and_interrupt_restore_and_exit_within_a_second() {
    for sig in ["HUP", "TERM", "INT"] {
        let mut s = started(&[ARTICLE], 100, 30);
        s.send("jj");
        let pid = s.pid();
        s.signal(sig);
        let (status, took) = s.exit_within(Duration::from_secs(1));
        assert!(status.success(), "SIG{sig}: {status:?}");
        assert!(took < Duration::from_secs(1), "SIG{sig} took {took:?}");
        assert_restored(&s, &format!("SIG{sig}"));
        assert!(!alive(pid), "SIG{sig}: process {pid} still alive");
        assert!(
            support::pty::position_saved(&s.data),
            "SIG{sig}: no reading position saved in {}",
            s.data.display()
        );
    }
}

#[test]
fn quitting_restores_in_reverse_order() {
    let mut s = started(&[ARTICLE, "--mouse"], 100, 30);
    s.send("q");
    let (status, _) = s.exit_within(Duration::from_secs(2));
    assert!(status.success());
    assert_restored(&s, "q");
    let raw = String::from_utf8_lossy(&s.raw);
    let mouse_off = raw.rfind("\x1b[?1000l").expect("mouse turned off");
    assert!(mouse_off < raw.rfind("\x1b[?25h").expect("cursor shown"));
}

#[test]
fn mouse_is_off_unless_asked_for() {
    let mut s = started(&[ARTICLE], 100, 30);
    s.send("q");
    s.exit_within(Duration::from_secs(2));
    assert!(
        !String::from_utf8_lossy(&s.raw).contains("\x1b[?1000h"),
        "mouse capture must be off by default so the terminal can select text"
    );

    let mut s = started(&[ARTICLE, "--mouse"], 100, 30);
    assert!(String::from_utf8_lossy(&s.raw).contains("\x1b[?1000h"));
    s.wait_text("0% ·");
    // Wheel down over the body.
    s.send("\x1b[<65;40;10M");
    s.wait_for("the wheel to scroll", |sc| !sc.contents().contains(" 0% ·"));
    s.send("q");
    s.exit_within(Duration::from_secs(2));
}

#[test]
fn a_split_arrow_is_not_esc_and_a_lone_esc_is() {
    let mut s = started(&[ARTICLE], 60, 16);
    s.send("2");
    s.wait_text("Outline");
    // ESC alone, then the rest of "down" after a gap shorter than the
    // wait: the overlay must stay open and the selection move.
    s.send_bytes(b"\x1b");
    s.send_bytes(b"[B");
    s.settle(Duration::from_millis(300));
    assert!(
        s.screen().contains("Outline"),
        "a split arrow closed the overlay:\n{}",
        s.screen()
    );
    // A real Esc closes it.
    s.send_bytes(b"\x1b");
    s.wait_for("Esc to close the overlay", |sc| {
        !sc.contents().contains("Outline")
    });
    s.send("q");
    s.exit_within(Duration::from_secs(2));
}

#[test]
fn y_copies_through_osc52() {
    let mut s = started(&[ARTICLE], 100, 30);
    s.send("y");
    s.settle(Duration::from_millis(200));
    let raw = String::from_utf8_lossy(&s.raw).to_string();
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + 7;
    let end = start + raw[start..].find('\x07').expect("BEL-terminated");
    let text = decode64(&raw[start..end]);
    assert!(text.contains("Mayor Ada Quist"), "copied {text:?}");
    s.send("q");
    s.exit_within(Duration::from_secs(2));
}

fn decode64(s: &str) -> String {
    const ABC: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for c in s.chars().filter(|&c| c != '=') {
        bits = (bits << 6) | ABC.find(c).expect("base64") as u32;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
        }
    }
    String::from_utf8(out).expect("utf8")
}

#[test]
fn ctrl_z_suspends_and_resume_redraws() {
    let mut s = started(&[ARTICLE], 100, 30);
    let pid = s.pid();
    suspend(&mut s, pid);
    assert!(
        !s.parser.screen().alternate_screen(),
        "suspended on the alternate screen"
    );
    assert!(
        support::pty::position_saved(&s.data),
        "no reading position saved on Ctrl-z"
    );
    s.signal("CONT");
    s.wait_for("the redraw", |sc| {
        sc.alternate_screen() && sc.contents().contains("Port Selwyn")
    });
    s.send("q");
    assert!(s.exit_within(Duration::from_secs(2)).0.success());
}

/// Sends Ctrl-z and waits until the process has stopped.
fn suspend(s: &mut Session, pid: u32) {
    s.send("\x1a");
    let deadline = Instant::now() + Duration::from_secs(3);
    while !stopped(pid) {
        assert!(Instant::now() < deadline, "Ctrl-z did not stop the process");
        std::thread::sleep(Duration::from_millis(20));
    }
    s.settle(Duration::from_millis(100));
}

fn stopped(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|st| {
            st.rsplit(')')
                .next()
                .unwrap_or("")
                .trim_start()
                .starts_with('T')
        })
        .unwrap_or(false)
}

/// The query for left/right margins (DECRQM for DEC mode 69).
const ASK_MARGINS: &str = "\x1b[?69$p";

/// Every CSI sequence in `raw` that asks the terminal something.
fn queries(raw: &[u8]) -> Vec<String> {
    support::pty::escape_sequences(raw)
        .into_iter()
        .map(|q| String::from_utf8_lossy(&q).into_owned())
        .filter(|q| {
            [
                "\x1b[6n", "\x1b[5n", "\x1b[c", "\x1b[>c", "\x1b[=c", "\x1b[?u", "\x1b[>q",
            ]
            .contains(&q.as_str())
                || q.ends_with("$p")
                || q.starts_with("\x1b]") && q.contains('?')
        })
        .collect()
}

/// DECSLRM sequences other than the reset to the full `width`.
fn band_margins(raw: &str, width: u16) -> usize {
    let full = format!("\x1b[1;{width}s");
    support::pty::escape_sequences(raw.as_bytes())
        .into_iter()
        .map(|q| String::from_utf8_lossy(&q).into_owned())
        .filter(|q| q.ends_with('s') && q.contains(';') && *q != full)
        .count()
}

#[test]
fn start_up_asks_only_for_margins_and_does_not_wait_for_the_answer() {
    // The pty never answers: the first frame must come at once, and the
    // only query is the margins one, sent once.
    let start = Instant::now();
    let mut s = Session::byline(&[LONG], 160, 24);
    s.wait_text("Kilburnie");
    let first = start.elapsed();
    assert!(
        first < Duration::from_secs(3),
        "first frame took {first:?} with an unanswered query"
    );
    s.send("jjjk");
    s.wait_for("j to scroll", |sc| !sc.contents().contains(" 0% ·"));
    s.send("q");
    s.exit_within(Duration::from_secs(2));
    assert_eq!(queries(&s.raw), [ASK_MARGINS]);
    let raw = String::from_utf8_lossy(&s.raw);
    // No answer: margins are never turned on or used.
    assert!(!raw.contains("\x1b[?69h"), "margin mode without an answer");
    assert_eq!(band_margins(&raw, 160), 0, "margins set without an answer");
}

#[test]
fn margins_off_in_the_config_asks_nothing() {
    let dir = std::env::temp_dir().join(format!("byline-term-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let config = dir.join("margins-off.toml");
    std::fs::write(&config, "[reader]\nmargins = \"off\"\n").expect("config");
    let config = config.to_string_lossy().into_owned();
    let mut s = started(&[ARTICLE, "--config", &config], 100, 30);
    s.send("q");
    s.exit_within(Duration::from_secs(2));
    assert!(queries(&s.raw).is_empty(), "asked {:?}", queries(&s.raw));
}

/// Waits until the pty has seen the query, then answers it with `reply`.
fn answer(s: &mut Session, reply: &str) {
    s.wait_for("the margins query", |_| true);
    assert!(
        String::from_utf8_lossy(&s.raw).contains(ASK_MARGINS),
        "no margins query"
    );
    s.send(reply);
}

#[test]
fn a_terminal_with_margins_gets_them_and_they_are_undone_on_every_way_out() {
    for (exit, reply) in [("q", "\x1b[?69;2$y"), ("TERM", "\x1b[?69;1$y")] {
        // Three panes, and an article longer than the body.
        let mut s = Session::byline(&[LONG], 160, 24);
        s.wait_text("Kilburnie");
        let pid = s.pid();
        answer(&mut s, reply);
        s.send("jjj");
        s.settle(Duration::from_millis(200));
        let raw = String::from_utf8_lossy(&s.raw).into_owned();
        assert!(
            raw.contains("\x1b[?69h"),
            "{reply:?}: margin mode not turned on"
        );
        assert!(
            band_margins(&raw, 160) > 0,
            "{reply:?}: no scroll used margins:\n{}",
            s.screen()
        );
        // The answer's bytes were no keys (its `y` would have copied).
        assert!(
            !raw.contains("\x1b]52;"),
            "{reply:?}: the answer was read as keys"
        );

        // Ctrl-z gives the terminal back without margins; fg turns them on again.
        suspend(&mut s, pid);
        let raw = String::from_utf8_lossy(&s.raw).into_owned();
        let (on, off) = (raw.rfind("\x1b[?69h"), raw.rfind("\x1b[?69l"));
        assert!(off > on, "suspended with margin mode on");
        assert!(
            off < raw.rfind("\x1b[?25h"),
            "margins must go before the cursor returns"
        );
        s.signal("CONT");
        s.wait_for("the redraw", |sc| sc.alternate_screen());
        s.settle(Duration::from_millis(200));
        let raw = String::from_utf8_lossy(&s.raw).into_owned();
        assert!(
            raw.rfind("\x1b[?69h") > raw.rfind("\x1b[?69l"),
            "not on again after fg"
        );

        if exit == "q" {
            s.send("q");
        } else {
            s.signal(exit);
        }
        assert!(s.exit_within(Duration::from_secs(2)).0.success(), "{exit}");
        assert_restored(&s, exit);
        let raw = String::from_utf8_lossy(&s.raw).into_owned();
        let (on, off) = (raw.rfind("\x1b[?69h"), raw.rfind("\x1b[?69l"));
        assert!(off > on, "{exit}: left with margin mode on");
        assert!(off < raw.rfind("\x1b[?25h"), "{exit}: not in reverse order");
        assert_eq!(queries(&s.raw), [ASK_MARGINS], "asked again after fg");
    }
}

#[test]
fn a_terminal_without_margins_is_not_sent_them() {
    for reply in ["\x1b[?69;0$y", "\x1b[?69;4$y"] {
        let mut s = Session::byline(&[LONG], 160, 24);
        s.wait_text("Kilburnie");
        answer(&mut s, reply);
        s.send("jjjk");
        s.settle(Duration::from_millis(200));
        s.send("q");
        s.exit_within(Duration::from_secs(2));
        let raw = String::from_utf8_lossy(&s.raw);
        assert!(
            !raw.contains("\x1b[?69h"),
            "{reply:?}: margin mode turned on"
        );
        assert_eq!(band_margins(&raw, 160), 0, "{reply:?}: margins used");
        assert!(
            !raw.contains("\x1b]52;"),
            "{reply:?}: the answer was read as keys"
        );
    }
}

#[test]
fn resize_lays_out_again() {
    let mut s = started(&[ARTICLE], 160, 40);
    s.wait_text("People");
    s.master
        .resize(portable_pty::PtySize {
            rows: 20,
            cols: 60,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("resize");
    let nz = |n| std::num::NonZeroU16::new(n).expect("size");
    s.parser.screen_mut().set_size(nz(20), nz(60));
    s.wait_for("the narrow layout", |sc| !sc.contents().contains("People"));
    s.send("q");
    s.exit_within(Duration::from_secs(2));
}
