//! The terminal: a guard that enters raw mode and the alternate screen
//! and always leaves them (on quit, on error, and via ratatui's panic
//! hook on panic), and the event loop. Events become [`Msg`]s in one
//! place, so other sources (SIGHUP, SIGTERM) can be added as messages
//! without touching the loop.

use std::io;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use ratatui::crossterm::execute;

use crate::app::App;
use crate::keymap::Key;

/// What the loop reacts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    /// A key was pressed.
    Key(Key),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// The mouse wheel turned: lines down (negative: up).
    Wheel(isize),
    /// Stop now (a signal, later).
    Quit,
}

/// Owns the terminal while the reader runs; dropping it restores the
/// terminal, so every way out of `run` (including `?`) restores it.
struct Guard {
    terminal: DefaultTerminal,
    /// Mouse capture is on (the config's `mouse`), to be turned off.
    mouse: bool,
}

impl Guard {
    fn new() -> io::Result<Self> {
        // Installs a panic hook that restores the terminal before the
        // panic message is printed.
        let terminal = ratatui::try_init()?;
        Ok(Guard {
            terminal,
            mouse: false,
        })
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.mouse {
            let _ = execute!(io::stdout(), DisableMouseCapture);
        }
        ratatui::restore();
    }
}

/// Runs the reader until the user quits.
pub fn run(mut app: App) -> io::Result<()> {
    let mut guard = match Guard::new() {
        Ok(g) => g,
        Err(e) => {
            // Raw mode may be half on; leave the terminal as we found it.
            ratatui::restore();
            return Err(e);
        }
    };
    if app.mouse() {
        execute!(io::stdout(), EnableMouseCapture)?;
        guard.mouse = true;
    }
    let size = guard.terminal.size()?;
    app.resize(size.width, size.height);
    while !app.should_quit() {
        guard.terminal.draw(|f| f.render_widget(&app, f.area()))?;
        // Drain what is queued before drawing again, so a burst of keys
        // (or a key held down) costs one frame.
        let mut next = next_msg(None)?;
        while let Some(msg) = next {
            apply(&mut app, msg);
            next = next_msg(Some(Duration::ZERO))?;
        }
    }
    Ok(())
}

fn apply(app: &mut App, msg: Msg) {
    match msg {
        Msg::Key(key) => app.handle_key(&key),
        Msg::Resize(w, h) => app.resize(w, h),
        Msg::Wheel(n) => app.wheel(n),
        Msg::Quit => app.update(crate::action::Action::Quit),
    }
}

/// The next message; waits at most `timeout` (`None`: until one comes).
/// Only key presses count, not releases or repeats' releases.
fn next_msg(timeout: Option<Duration>) -> io::Result<Option<Msg>> {
    match timeout {
        Some(t) => {
            if !event::poll(t)? {
                return Ok(None);
            }
        }
        // Wake up now and then rather than block in `read`, so that a
        // signal flag (SIGHUP, SIGTERM) can be checked here and turned
        // into `Msg::Quit`.
        None => while !event::poll(TICK)? {},
    }
    Ok(match event::read()? {
        Event::Key(k) if k.kind == KeyEventKind::Press => Key::from_event(&k).map(Msg::Key),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Msg::Wheel(3)),
            MouseEventKind::ScrollUp => Some(Msg::Wheel(-3)),
            _ => None,
        },
        _ => None,
    })
}

/// How often an idle loop wakes.
const TICK: Duration = Duration::from_millis(250);
