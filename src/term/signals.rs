//! Signals as flags the event loop reads on every wake (at most a tick
//! later): SIGHUP (the SSH link dropped), SIGTERM and SIGINT end the
//! reader cleanly, SIGTSTP suspends it, SIGCONT redraws, SIGWINCH
//! re-lays out. A second SIGHUP/SIGTERM/SIGINT while the first is still
//! being handled exits at once, so a stuck terminal cannot keep it alive.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use signal_hook::consts::signal::{SIGCONT, SIGHUP, SIGINT, SIGSTOP, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::flag;

/// Flags set by signal handlers.
#[derive(Debug)]
pub struct Signals {
    quit: Arc<AtomicBool>,
    suspend: Arc<AtomicBool>,
    resumed: Arc<AtomicBool>,
    resized: Arc<AtomicBool>,
}

impl Signals {
    /// Installs the handlers.
    pub fn register() -> io::Result<Signals> {
        let s = Signals {
            quit: Arc::default(),
            suspend: Arc::default(),
            resumed: Arc::default(),
            resized: Arc::default(),
        };
        for sig in [SIGHUP, SIGTERM, SIGINT] {
            // Order matters: the shutdown check runs before the flag is set.
            flag::register_conditional_shutdown(sig, 1, Arc::clone(&s.quit))?;
            flag::register(sig, Arc::clone(&s.quit))?;
        }
        flag::register(SIGTSTP, Arc::clone(&s.suspend))?;
        flag::register(SIGCONT, Arc::clone(&s.resumed))?;
        flag::register(SIGWINCH, Arc::clone(&s.resized))?;
        Ok(s)
    }

    /// A signal asked the reader to end.
    pub fn quit(&self) -> bool {
        self.quit.load(Ordering::SeqCst)
    }

    /// SIGTSTP came (and is now handled).
    pub fn take_suspend(&self) -> bool {
        self.suspend.swap(false, Ordering::SeqCst)
    }

    /// SIGCONT came: the screen may have been drawn over.
    pub fn take_resumed(&self) -> bool {
        self.resumed.swap(false, Ordering::SeqCst)
    }

    /// SIGWINCH came.
    pub fn take_resized(&self) -> bool {
        self.resized.swap(false, Ordering::SeqCst)
    }
}

/// Stops this process the way a shell's job control expects; returns
/// when it is continued.
pub fn stop() {
    let _ = signal_hook::low_level::raise(SIGSTOP);
}
