//! The terminal contract, end to end in a pseudo-terminal: signals
//! restore the terminal and end the reader within a second, Ctrl-z
//! suspends and a resume redraws, the mouse is opt-in, a split arrow key
//! is not Esc, `y` copies with OSC 52, and nothing is asked of the
//! terminal at start-up.

mod support;

use std::time::{Duration, Instant};

use support::pty::{Session, alive};

const ARTICLE: &str = "tests/fixtures/harbour.txt";

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
    s.send("\x1a");
    let deadline = Instant::now() + Duration::from_secs(3);
    while !stopped(pid) {
        assert!(Instant::now() < deadline, "Ctrl-z did not stop the process");
        std::thread::sleep(Duration::from_millis(20));
    }
    s.settle(Duration::from_millis(100));
    assert!(
        !s.parser.screen().alternate_screen(),
        "suspended on the alternate screen"
    );
    s.signal("CONT");
    s.wait_for("the redraw", |sc| {
        sc.alternate_screen() && sc.contents().contains("Port Selwyn")
    });
    s.send("q");
    assert!(s.exit_within(Duration::from_secs(2)).0.success());
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

#[test]
fn start_up_asks_the_terminal_nothing() {
    // The pty never answers; the reader must draw anyway, and must not
    // have sent a query (cursor position, device attributes, keyboard
    // enhancement flags).
    let mut s = started(&[ARTICLE], 100, 30);
    s.send("q");
    s.exit_within(Duration::from_secs(2));
    let raw = String::from_utf8_lossy(&s.raw);
    for query in ["\x1b[6n", "\x1b[c", "\x1b[>c", "\x1b[?u", "\x1b[>q"] {
        assert!(!raw.contains(query), "start-up query {query:?}");
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
