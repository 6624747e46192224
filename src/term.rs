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
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
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
/// including a panic. With `helper`, the loop moves to the first thread
/// that [`offer`]s itself there (see [`offer`] for why).
pub fn run(mut app: App, opts: Options, helper: Option<Receiver<Helper>>) -> io::Result<()> {
    install_panic_hook();
    let signals = Signals::register()?;
    let guard = Guard;
    enter(opts, false)?;
    let mut state = None;
    let result = catch_unwind(AssertUnwindSafe(|| {
        let state = state.insert(Loop::start(&mut app, opts)?);
        state.run(&mut app, &signals, opts, helper.as_ref())
    }));
    let (app, result) = match (result, state) {
        (Ok(Ok(Flow::Move(to))), Some(state)) => to.take(app, state, signals, opts),
        (result, _) => (app, result.map(|r| r.map(|_| ()))),
    };
    app.save_position();
    drop(guard);
    match result {
        Ok(r) => r,
        Err(panic) => resume_unwind(panic),
    }
}

/// A thread that offers to run the rest of the reader's loop.
#[derive(Debug)]
pub struct Helper(Sender<Moved>);

/// The reader's loop on its way to a [`Helper`], and where to send the
/// app and the result when it ends.
struct Moved {
    app: App,
    state: Loop,
    signals: Signals,
    opts: Options,
    back: Sender<Ended>,
}

/// How a run of the loop ended, and the app it ran.
type Ended = (App, std::thread::Result<io::Result<()>>);

impl Helper {
    /// Runs the rest of the loop on the helper's thread and waits for it
    /// to end (on this thread, if the helper has gone).
    fn take(self, app: App, state: Loop, signals: Signals, opts: Options) -> Ended {
        let (back, ended) = channel();
        let moved = Moved {
            app,
            state,
            signals,
            opts,
            back,
        };
        match self.0.send(moved) {
            // The helper always answers: it catches a panic of the loop.
            Ok(()) => ended.recv().expect("the reader's thread answers"),
            Err(unsent) => {
                let Moved {
                    app,
                    state,
                    signals,
                    opts,
                    ..
                } = unsent.0;
                finish(app, state, &signals, opts)
            }
        }
    }
}

/// Runs the loop to its end.
fn finish(mut app: App, mut state: Loop, signals: &Signals, opts: Options) -> Ended {
    let result = catch_unwind(AssertUnwindSafe(|| {
        state.run(&mut app, signals, opts, None).map(|_| ())
    }));
    (app, result)
}

/// Offers the calling thread to the reader (through `to`) and, when the
/// reader takes it, runs the rest of the reader's loop here; returns
/// when the loop ends or the reader has no use for it.
///
/// The thread that made a long article's analysis calls this once it
/// has sent the analysis. Each thread allocates from its own malloc
/// arena, and memory it frees stays with that arena: the analysis frees
/// most of what it made (its name candidates), and the reader's loop,
/// moved here, wraps the rest of the article and searches in that
/// memory rather than growing the first thread's arena by as much.
pub fn offer(to: &Sender<Helper>) {
    let (tx, rx) = channel::<Moved>();
    if to.send(Helper(tx)).is_err() {
        return;
    }
    let Ok(moved) = rx.recv() else {
        return;
    };
    let Moved {
        mut app,
        state,
        signals,
        opts,
        back,
    } = moved;
    app.rehome();
    // Nobody to tell only if the reader's first thread has gone.
    let _ = back.send(finish(app, state, &signals, opts));
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

/// How a run of the loop ended.
enum Flow {
    /// The reader is done.
    Done,
    /// The loop goes on on this thread.
    Move(Helper),
}

/// The event loop's state, which moves with it to a [`Helper`].
struct Loop {
    screen: Screen<io::Stdout>,
    input: Receiver<Option<Vec<u8>>>,
    decoder: Decoder,
    painter: Painter,
    dirty: bool,
}

impl Loop {
    /// Lays the app out for the terminal and starts reading keys.
    fn start(app: &mut App, opts: Options) -> io::Result<Loop> {
        let mut screen = Screen::new(io::stdout());
        if opts.margins {
            // Not waited for: until an answer comes (if ever), scrolls use
            // whole rows.
            screen.raw(ASK_MARGINS)?;
        }
        let (w, h) = size();
        app.resize(w, h);
        Ok(Loop {
            screen,
            input: spawn_reader(),
            decoder: Decoder::default(),
            painter: Painter::default(),
            dirty: true,
        })
    }

    /// Draws and handles input until the reader is done or, with
    /// `helper`, a helper offers itself.
    fn run(
        &mut self,
        app: &mut App,
        signals: &Signals,
        opts: Options,
        helper: Option<&Receiver<Helper>>,
    ) -> io::Result<Flow> {
        let Loop {
            screen,
            input,
            decoder,
            painter,
            dirty,
        } = self;
        while !app.should_quit() {
            if *dirty {
                let (frame, scroll) = painter.frame(app);
                screen.draw(&frame, scroll)?;
                if let Some(text) = app.take_clipboard() {
                    screen.raw(osc52(&text).as_bytes())?;
                }
                *dirty = false;
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
                Ok(None) | Err(RecvTimeoutError::Disconnected) => return Ok(Flow::Done),
                Err(RecvTimeoutError::Timeout) if decoder.is_waiting() => {
                    inputs = decoder.timeout();
                }
                Err(RecvTimeoutError::Timeout) => {
                    // Redraw when the last of it is done: the percentage is
                    // exact from then on.
                    if idle && app.idle() && !app.has_idle_work() {
                        *dirty = true;
                    }
                }
            }
            if app.poll() {
                *dirty = true;
            }
            for i in inputs {
                if let Input::Margins(has) = i {
                    if has && opts.margins && !screen.margins() {
                        turn_on(Mode::Margins)?;
                        screen.set_margins(true);
                    }
                    continue;
                }
                *dirty = true;
                match i {
                    Input::Key(k) if k == Key::new(Code::Char('z'), true, false, false) => {
                        suspend(screen, app, opts)?;
                        painter.forget();
                    }
                    Input::Key(k) => app.handle_key(&k),
                    Input::Mouse(Mouse::Wheel(lines, x, y)) => app.wheel(x, y, lines),
                    Input::Mouse(Mouse::Click(x, y)) => app.click(x, y),
                    Input::Margins(_) => {}
                }
                if app.should_quit() {
                    return Ok(Flow::Done);
                }
            }
            // Background work (the folder list being read) that came in.
            if app.tick() {
                *dirty = true;
            }
            if signals.quit() {
                return Ok(Flow::Done);
            }
            if signals.take_suspend() {
                suspend(screen, app, opts)?;
                painter.forget();
                *dirty = true;
            }
            if signals.take_resumed() {
                screen.invalidate();
                painter.forget();
                *dirty = true;
            }
            if signals.take_resized() {
                let (w, h) = size();
                app.resize(w, h);
                painter.forget();
                *dirty = true;
            }
            if let Some(to) = helper.and_then(|h| h.try_recv().ok()) {
                return Ok(Flow::Move(to));
            }
        }
        Ok(Flow::Done)
    }
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
