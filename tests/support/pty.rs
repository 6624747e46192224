// A pseudo-terminal session with the real binary, for the terminal,
// hostile-content and SSH tests: every byte the program writes is kept
// (`raw`) and fed to a vt100 emulator (`parser`); every wait is bounded.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const WAIT: Duration = Duration::from_secs(10);

pub struct Session {
    pub master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    output: Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
    /// This session's own data directory (`BYLINE_DATA_DIR`): reading
    /// positions land here, never in the real user's directories.
    pub data: std::path::PathBuf,
}

/// A fresh scratch directory with an empty config file and a data dir.
pub fn scratch() -> (std::path::PathBuf, std::path::PathBuf) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "byline-session-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let data = dir.join("data");
    std::fs::create_dir_all(&data).expect("scratch dir");
    let config = dir.join("config.toml");
    std::fs::write(&config, "").expect("empty config");
    (data, config)
}

/// True when a reading position was saved in `data`.
pub fn position_saved(data: &std::path::Path) -> bool {
    std::fs::read_dir(data)
        .into_iter()
        .flatten()
        .flatten()
        .any(|e| std::fs::read_to_string(e.path()).is_ok_and(|s| s.contains("\"position\"")))
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("non-zero size")
}

pub fn pty_size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

/// The ends of a started pty session: the master (to resize), a writer
/// for keys, the child, and every byte it writes, read on a thread.
pub type Opened = (
    Box<dyn MasterPty + Send>,
    Box<dyn Write + Send>,
    Box<dyn Child + Send + Sync>,
    Receiver<Vec<u8>>,
);

/// Starts `cmd` on the slave side of `pair` and reads its output on a
/// thread, so a wait can be bounded.
pub fn open(pair: portable_pty::PtyPair, cmd: CommandBuilder) -> Opened {
    let child = pair.slave.spawn_command(cmd).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let (tx, output) = channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let writer = pair.master.take_writer().expect("writer");
    (pair.master, writer, child, output)
}

impl Session {
    /// Runs `program args` in a `cols`×`rows` pty.
    pub fn spawn(program: &str, args: &[&str], cols: u16, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(pty_size(cols, rows))
            .expect("open pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        let (data, config) = scratch();
        cmd.env("BYLINE_DATA_DIR", &data);
        cmd.env("BYLINE_CONFIG", &config);
        Session::with_command(pair, cmd, cols, rows, data)
    }

    /// Runs a prepared command (its environment already set, `data` its
    /// data directory) in `pair`, a `cols`×`rows` pty.
    pub fn with_command(
        pair: portable_pty::PtyPair,
        cmd: CommandBuilder,
        cols: u16,
        rows: u16,
        data: std::path::PathBuf,
    ) -> Session {
        let (master, writer, child, output) = open(pair, cmd);
        Session {
            master,
            writer,
            child,
            output,
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            raw: Vec::new(),
            data,
        }
    }

    /// Runs byline with `args`.
    pub fn byline(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::spawn(env!("CARGO_BIN_EXE_byline"), args, cols, rows)
    }

    /// The terminal is now `cols`×`rows`.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master.resize(pty_size(cols, rows)).expect("resize");
        self.parser.set_size(nz(rows), nz(cols));
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    fn take(&mut self, bytes: Vec<u8>) {
        self.parser.process(&bytes);
        self.raw.extend_from_slice(&bytes);
    }

    /// Feeds output until `pred` holds on the screen.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + WAIT;
        while !pred(self.parser.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what}; screen:\n{}",
                self.screen()
            );
            if let Ok(bytes) = self
                .output
                .recv_timeout(left.min(Duration::from_millis(100)))
            {
                self.take(bytes);
            }
        }
    }

    pub fn wait_text(&mut self, text: &str) {
        let t = text.to_string();
        self.wait_for(text, move |s| s.contents().contains(&t));
    }

    /// Reads output until none has come for `quiet`.
    pub fn settle(&mut self, quiet: Duration) {
        let deadline = Instant::now() + WAIT;
        while let Ok(bytes) = self.output.recv_timeout(quiet) {
            self.take(bytes);
            if Instant::now() > deadline {
                break;
            }
        }
    }

    /// Types raw bytes, then leaves a gap so keys are read apart.
    pub fn send_bytes(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("type");
        self.writer.flush().expect("flush");
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn send(&mut self, keys: &str) {
        self.send_bytes(keys.as_bytes());
    }

    /// Sends a signal by name (`HUP`, `TERM`, ...) with kill(1).
    pub fn signal(&self, name: &str) {
        let ok = std::process::Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .expect("kill")
            .success();
        assert!(ok, "kill -{name} failed");
    }

    /// Waits for the process to end within `limit`; kills it and fails
    /// the test otherwise. Returns the exit status and how long it took.
    pub fn exit_within(&mut self, limit: Duration) -> (portable_pty::ExitStatus, Duration) {
        let start = Instant::now();
        loop {
            while let Ok(bytes) = self.output.try_recv() {
                self.take(bytes);
            }
            if let Some(status) = self.child.try_wait().expect("wait") {
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
                    self.take(bytes);
                }
                return (status, start.elapsed());
            }
            if start.elapsed() > limit {
                let _ = self.child.kill();
                panic!(
                    "process did not exit within {limit:?}; screen:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Every escape sequence in `raw` (CSI, OSC, DCS and other strings, and
/// two-byte ones), as written.
pub fn escape_sequences(raw: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] != 0x1b {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        match raw.get(i) {
            Some(b'[') => {
                i += 1;
                while i < raw.len() && !(0x40..=0x7e).contains(&raw[i]) {
                    i += 1;
                }
                i += 1;
            }
            Some(b']' | b'P' | b'X' | b'^' | b'_') => {
                while i < raw.len()
                    && raw[i] != 0x07
                    && !(raw[i] == 0x1b && raw.get(i + 1) == Some(&b'\\'))
                {
                    i += 1;
                }
                i += 1;
            }
            Some(_) => i += 1,
            None => {}
        }
        out.push(raw[start..i.min(raw.len())].to_vec());
    }
    out
}

/// Whether `/proc` still lists a live (not zombie) process `pid`.
pub fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| {
            let state = s.rsplit(')').next().unwrap_or("").trim_start();
            !state.starts_with('Z') && !state.starts_with('X')
        })
        .unwrap_or(false)
}
