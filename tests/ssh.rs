//! A real SSH connection: `sshd` on 127.0.0.1 with a throwaway host key
//! and authorized key, `ssh -tt` into it from a pseudo-terminal, byline
//! started on the far side; the screen is read through vt100. A second
//! run kills the ssh client mid-session, as a dropped link would, and
//! byline must be gone within 2 s. Skips (with a message) when sshd or
//! ssh is not installed; CI installs openssh-server.

mod support;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use support::pty::{Session, alive};

const SSHD: &str = "/usr/sbin/sshd";

struct Server {
    dir: PathBuf,
    port: u16,
    sshd: Child,
    user: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.sshd.kill();
        let _ = self.sshd.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Starts sshd, or says why not.
fn server(tag: &str) -> Option<Server> {
    if !Path::new(SSHD).exists() || !have("ssh") || !have("ssh-keygen") {
        eprintln!(
            "SKIPPED: sshd/ssh not installed (apt-get install openssh-server openssh-client)"
        );
        return None;
    }
    let dir = std::env::temp_dir().join(format!("byline-ssh-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    for key in ["host_key", "client_key"] {
        let ok = Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(dir.join(key))
            .status()
            .expect("ssh-keygen")
            .success();
        assert!(ok, "ssh-keygen failed");
    }
    std::fs::copy(dir.join("client_key.pub"), dir.join("authorized_keys"))
        .expect("authorized_keys");
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let user = String::from_utf8(Command::new("id").arg("-un").output().expect("id").stdout)
        .expect("user name")
        .trim()
        .to_string();
    let config = format!(
        "Port {port}\nListenAddress 127.0.0.1\nHostKey {d}/host_key\nPidFile {d}/sshd.pid\n\
         AuthorizedKeysFile {d}/authorized_keys\nPubkeyAuthentication yes\n\
         PasswordAuthentication no\nKbdInteractiveAuthentication no\n\
         PermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\nPrintMotd no\n\
         PrintLastLog no\nAllowUsers {user}\n",
        d = dir.display()
    );
    std::fs::write(dir.join("sshd_config"), config).expect("sshd_config");
    // sshd run by root wants its privilege-separation directory.
    if user == "root" {
        let _ = std::fs::create_dir_all("/run/sshd");
    }
    let log = std::fs::File::create(dir.join("sshd.log")).expect("log");
    let sshd = Command::new(SSHD)
        .args(["-D", "-e", "-f"])
        .arg(dir.join("sshd_config"))
        .stderr(log)
        .spawn()
        .expect("start sshd");
    let server = Server {
        dir,
        port,
        sshd,
        user,
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        let log = std::fs::read_to_string(server.dir.join("sshd.log")).unwrap_or_default();
        assert!(
            Instant::now() < deadline,
            "sshd did not listen; log:\n{log}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Some(server)
}

impl Server {
    /// `ssh -tt` into the server running byline on `article`.
    fn ssh(&self, article: &Path, cols: u16, rows: u16) -> Session {
        let key = self.dir.join("client_key");
        let port = self.port.to_string();
        let remote = format!(
            "cd '{}' && BYLINE_DATA_DIR='{}' BYLINE_CONFIG=/dev/null exec '{}' '{}'",
            env!("CARGO_MANIFEST_DIR"),
            self.data().display(),
            env!("CARGO_BIN_EXE_byline"),
            article.display()
        );
        let target = format!("{}@127.0.0.1", self.user);
        let args = [
            "-tt",
            "-i",
            key.to_str().expect("path"),
            "-p",
            &port,
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
            &target,
            &remote,
        ];
        Session::spawn("ssh", &args, cols, rows)
    }

    /// Where the byline on the server keeps reading positions.
    fn data(&self) -> PathBuf {
        let d = self.dir.join("data");
        let _ = std::fs::create_dir_all(&d);
        d
    }

    /// A private copy of the fixture, so its path names this run's byline.
    fn article(&self) -> PathBuf {
        let path = self.dir.join("harbour-over-ssh.txt");
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/harbour.txt"),
            &path,
        )
        .expect("copy article");
        path
    }
}

/// Live byline processes whose command line names `needle`.
fn processes_naming(needle: &str) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/cmdline")).is_ok_and(|c| {
                let c = String::from_utf8_lossy(&c);
                c.split('\0').next() == Some(env!("CARGO_BIN_EXE_byline")) && c.contains(needle)
            })
        })
        .filter(|&pid| alive(pid) && pid != std::process::id())
        .collect()
}

#[test]
fn read_scroll_filter_and_quit_over_ssh() {
    let Some(server) = server("read") else {
        return;
    };
    let article = server.article();
    let mut s = server.ssh(&article, 120, 32);
    s.wait_text("Port Selwyn opens its harbour bridge");
    assert!(s.parser.screen().alternate_screen());
    s.wait_text("0% ·");
    s.send("jjj");
    s.wait_for("the scroll", |sc| !sc.contents().contains(" 0% ·"));
    // Filter by the first person in the people list.
    s.send("3");
    s.send("\r");
    s.wait_text("filter: Ada Quist");
    s.send("q");
    let (status, _) = s.exit_within(Duration::from_secs(10));
    assert!(status.success(), "ssh exit {status:?}:\n{}", s.screen());
    assert!(!s.parser.screen().alternate_screen());
    assert!(!s.parser.screen().hide_cursor());
}

#[test]
fn a_dropped_link_ends_byline_within_two_seconds() {
    let Some(server) = server("drop") else {
        return;
    };
    let article = server.article();
    let needle = article.to_string_lossy().to_string();
    let mut s = server.ssh(&article, 100, 30);
    s.wait_text("Port Selwyn");
    s.send("jj");
    let byline = processes_naming(&needle);
    assert_eq!(byline.len(), 1, "one byline on the server: {byline:?}");
    // The link drops: the client dies without a word.
    let killed = Command::new("kill")
        .args(["-KILL", &s.pid().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let start = Instant::now();
    while !processes_naming(&needle).is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "byline still running {:?} after the link dropped",
            start.elapsed()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // Its command line empties while it exits (before it is a zombie):
    // give the last step the same two seconds.
    while alive(byline[0]) {
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "byline {} still alive {:?} after the link dropped",
            byline[0],
            start.elapsed()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        support::pty::position_saved(&server.data()),
        "the reading position was not saved when the link dropped"
    );
}
