//! The terminal: entering and always leaving raw mode, the alternate
//! screen, the hidden cursor, mouse reporting and left/right margin mode
//! (in reverse order, on quit, error, panic, SIGHUP, SIGTERM and SIGINT),
//! suspending on Ctrl-z, and the event loop, built for SSH: the one
//! start-up query (has the terminal left/right margins?) is never waited
//! for, keys are decoded by hand so a slow link cannot split an arrow
//! into Esc (`input`), and frames are written by the lean writer
//! (`crate::lean`).

mod clip;
pub mod input;
mod signals;

use std::io::{self, Read, Write};
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::crossterm::terminal;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::app::App;
use crate::keymap::{Code, Key};
use crate::lean::{Screen, Scroll};
use input::{Decoder, ESC_WAIT, Input, Mouse};
use signals::Signals;

pub use clip::osc52;

/// How the reader uses the terminal.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Report the mouse (wheel, clicks). Off by default so that the
    /// terminal's own selection and copy keep working.
    pub mouse: bool,
    /// Ask the terminal whether it has left/right margins (DECRQM mode
    /// 69, not waited for) and scroll the body alone with them once it
    /// says yes. Off: nothing is asked.
    pub margins: bool,
}

/// What was turned on, in order; [`restore`] undoes it in reverse.
#[derive(Debug, Clone, Copy)]
enum Mode {
    Raw,
    AltScreen,
    HiddenCursor,
    Mouse,
    /// DECLRMM (`CSI ? 69 h`): `CSI l;r s` sets left/right margins.
    Margins,
}

/// Asks whether the terminal has left/right margins (DECRQM for DEC
/// mode 69). The answer, `CSI ? 69 ; Ps $ y`, comes with the keys, or
/// never.
const ASK_MARGINS: &[u8] = b"\x1b[?69$p";

static ACTIVE: Mutex<Vec<Mode>> = Mutex::new(Vec::new());

/// How often an idle loop wakes to look at signal flags.
const TICK: Duration = Duration::from_millis(100);

/// How often it looks for the analysis while it is being made.
const ANALYSIS_TICK: Duration = Duration::from_millis(20);

/// Turns the reader's terminal modes on; `margins` when the terminal
/// said it has left/right margins (on a resume).
fn enter(opts: Options, margins: bool) -> io::Result<()> {
    let mut steps = vec![Mode::Raw, Mode::AltScreen, Mode::HiddenCursor];
    if opts.mouse {
        steps.push(Mode::Mouse);
    }
    if margins {
        steps.push(Mode::Margins);
    }
    for step in steps {
        turn_on(step)?;
    }
    Ok(())
}

/// Turns one mode on and records it for [`restore`].
fn turn_on(step: Mode) -> io::Result<()> {
    let mut out = io::stdout();
    match step {
        Mode::Raw => terminal::enable_raw_mode()?,
        Mode::AltScreen => out.write_all(b"\x1b[?1049h")?,
        Mode::HiddenCursor => out.write_all(b"\x1b[?25l")?,
        // Clicks and the wheel, SGR-encoded (no motion reports).
        Mode::Mouse => out.write_all(b"\x1b[?1000h\x1b[?1006h")?,
        Mode::Margins => out.write_all(b"\x1b[?69h")?,
    }
    active().push(step);
    out.flush()
}

fn active() -> std::sync::MutexGuard<'static, Vec<Mode>> {
    ACTIVE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Leaves every mode [`enter`] turned on, last first. Safe to call more
/// than once and from the panic hook; errors (a hung-up terminal) are
/// ignored, since there is nothing left to tell.
pub fn restore() {
    let steps: Vec<Mode> = std::mem::take(&mut *active());
    if steps.is_empty() {
        return;
    }
    let mut out = io::stdout();
    // Default colours and the whole screen as the scrolling region.
    let _ = out.write_all(b"\x1b[m\x1b[r");
    for step in steps.into_iter().rev() {
        let _ = match step {
            // Also puts the left/right margins back to the full width.
            Mode::Margins => out.write_all(b"\x1b[?69l"),
            Mode::Mouse => out.write_all(b"\x1b[?1006l\x1b[?1000l"),
            Mode::HiddenCursor => out.write_all(b"\x1b[?25h"),
            Mode::AltScreen => out.write_all(b"\x1b[?1049l"),
            Mode::Raw => {
                let _ = out.flush();
                terminal::disable_raw_mode()
            }
        };
    }
    let _ = out.flush();
}

/// Restores the terminal when dropped, whatever the way out.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Restores the terminal before the panic message is printed.
fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Runs the reader until the user quits or a signal ends it; the reading
/// position is saved ([`App::save_position`]) on every way out,
/// including a panic.
pub fn run(mut app: App, opts: Options) -> io::Result<()> {
    install_panic_hook();
    let signals = Signals::register()?;
    let guard = Guard;
    enter(opts, false)?;
    let result = catch_unwind(AssertUnwindSafe(|| event_loop(&mut app, &signals, opts)));
    app.save_position();
    drop(guard);
    match result {
        Ok(r) => r,
        Err(panic) => resume_unwind(panic),
    }
}

/// Reads standard input on a thread; `None` means it closed (hang-up).
fn spawn_reader() -> Receiver<Option<Vec<u8>>> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut stdin = io::stdin();
        let mut buf = [0u8; 4096];
        loop {
            match stdin.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    if tx.send(Some(buf[..n].to_vec())).is_err() {
                        return;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
        let _ = tx.send(None);
    });
    rx
}

/// The terminal size, never zero.
fn size() -> (u16, u16) {
    terminal::size().map_or((80, 24), |(w, h)| (w.max(1), h.max(1)))
}

/// Turns the app into frames and tells the writer when a frame is the
/// last one with the body scrolled (same panes, another top row), so it
/// can let the terminal scroll.
#[derive(Debug, Default)]
pub struct Painter {
    /// Body pane, text column and top row (see [`App::visual_top`]) of
    /// the last frame.
    last: Option<(Rect, Rect, i64)>,
}

impl Painter {
    /// The next frame and, when only the body moved, the scroll.
    pub fn frame(&mut self, app: &App) -> (Buffer, Option<Scroll>) {
        let area = app.area;
        let mut buf = Buffer::empty(area);
        app.render(area, &mut buf);
        let now = (app.panes.body, app.panes.text, app.visual_top());
        let scroll = self
            .last
            .filter(|l| (l.0, l.1) == (now.0, now.1) && l.2 != now.2)
            .map(|l| Scroll {
                rows: now.0.y..now.0.bottom(),
                cols: now.0.x..now.0.right(),
                lines: i32::try_from(now.2 - l.2).unwrap_or(i32::MAX),
            });
        self.last = Some(now);
        (buf, scroll)
    }

    /// Forget the last frame (the screen was redrawn or resized).
    pub fn forget(&mut self) {
        self.last = None;
    }
}

fn event_loop(app: &mut App, signals: &Signals, opts: Options) -> io::Result<()> {
    let mut screen = Screen::new(io::stdout());
    if opts.margins {
        // Not waited for: until an answer comes (if ever), scrolls use
        // whole rows.
        screen.raw(ASK_MARGINS)?;
    }
    let (w, h) = size();
    app.resize(w, h);
    let input = spawn_reader();
    let mut decoder = Decoder::default();
    let mut painter = Painter::default();
    let mut dirty = true;
    while !app.should_quit() {
        if dirty {
            let (frame, scroll) = painter.frame(app);
            screen.draw(&frame, scroll)?;
            if let Some(text) = app.take_clipboard() {
                screen.raw(osc52(&text).as_bytes())?;
            }
            dirty = false;
        }
        // Wrapping the rest of a long article goes on between keys, a
        // few milliseconds at a time.
        let idle = app.has_idle_work();
        let wait = match () {
            _ if decoder.is_waiting() => ESC_WAIT,
            _ if idle => Duration::ZERO,
            _ if app.analysing() => ANALYSIS_TICK,
            _ => TICK,
        };
        let mut inputs = Vec::new();
        match input.recv_timeout(wait) {
            Ok(Some(bytes)) => {
                inputs = decoder.feed(&bytes);
                // Take what else is queued, so a burst costs one frame.
                while let Ok(Some(more)) = input.try_recv() {
                    inputs.extend(decoder.feed(&more));
                }
            }
            Ok(None) | Err(RecvTimeoutError::Disconnected) => return Ok(()),
            Err(RecvTimeoutError::Timeout) if decoder.is_waiting() => inputs = decoder.timeout(),
            Err(RecvTimeoutError::Timeout) => {
                // Redraw when the last of it is done: the percentage is
                // exact from then on.
                if idle && app.idle() && !app.has_idle_work() {
                    dirty = true;
                }
            }
        }
        if app.poll() {
            dirty = true;
        }
        for i in inputs {
            if let Input::Margins(has) = i {
                if has && opts.margins && !screen.margins() {
                    turn_on(Mode::Margins)?;
                    screen.set_margins(true);
                }
                continue;
            }
            dirty = true;
            match i {
                Input::Key(k) if k == Key::new(Code::Char('z'), true, false, false) => {
                    suspend(&mut screen, app, opts)?;
                    painter.forget();
                }
                Input::Key(k) => app.handle_key(&k),
                Input::Mouse(Mouse::Wheel(lines, x, y)) => app.wheel(x, y, lines),
                Input::Mouse(Mouse::Click(x, y)) => app.click(x, y),
                Input::Margins(_) => {}
            }
            if app.should_quit() {
                return Ok(());
            }
        }
        // Background work (the folder list being read) that came in.
        if app.tick() {
            dirty = true;
        }
        if signals.quit() {
            return Ok(());
        }
        if signals.take_suspend() {
            suspend(&mut screen, app, opts)?;
            painter.forget();
            dirty = true;
        }
        if signals.take_resumed() {
            screen.invalidate();
            painter.forget();
            dirty = true;
        }
        if signals.take_resized() {
            let (w, h) = size();
            app.resize(w, h);
            painter.forget();
            dirty = true;
        }
    }
    Ok(())
}

/// Ctrl-z: give the terminal back, stop, and on resume take it again and
/// redraw everything (the shell drew over the screen meanwhile).
fn suspend(screen: &mut Screen<io::Stdout>, app: &mut App, opts: Options) -> io::Result<()> {
    // A stopped reader may never be continued (killed, or the link drops).
    app.save_position();
    restore();
    signals::stop();
    enter(opts, screen.margins())?;
    screen.invalidate();
    let (w, h) = size();
    app.resize(w, h);
    Ok(())
}
