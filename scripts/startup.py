#!/usr/bin/env python3
"""Start-up time, key latency and peak memory of the reader, in a pty.

For each article: starts byline in a pseudo-terminal of 160x48, times
from the spawn to the first complete frame (the status line's `help`
hint has been written), then presses keys (`j`, space, `G`, `g`) and times
each from the write to the end of the reply (the first moment 30 ms pass
with nothing new, minus those 30 ms), once the analysis has arrived and
the reader is idle. Peak RSS of the whole run comes from
`/usr/bin/time -f %M`. The median of --runs start-ups is reported.

    cargo build --release --example generate --bin byline
    python3 scripts/startup.py [--bin target/release/byline] [--runs 5]

Articles: assets/royal-visit.txt (3 KB) and generated 4 KB, 1 MB and
10 MB articles (examples/generate.rs, the benches' generator), written to
a temporary directory.
"""

import argparse
import fcntl
import os
import pathlib
import select
import statistics
import struct
import subprocess
import tempfile
import termios
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
QUIET = 0.03


class Pty:
    def __init__(self, argv, cols, rows, env):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env,
            start_new_session=True, cwd=ROOT,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)

    def until(self, needle, limit=30.0):
        """Seconds from spawn until `needle` has been written."""
        seen, end = b"", time.perf_counter() + limit
        while time.perf_counter() < end:
            r, _, _ = select.select([self.master], [], [], 0.5)
            if r:
                seen += os.read(self.master, 1 << 20)
                if needle in seen:
                    return time.perf_counter() - self.t0
        raise TimeoutError(f"no {needle!r} within {limit}s")

    def cpu(self):
        """CPU seconds used by byline (the child of /usr/bin/time)."""
        total = 0
        for task in pathlib.Path(f"/proc/{self.proc.pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                fields = pathlib.Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
                total += int(fields[11]) + int(fields[12])
        return total / os.sysconf("SC_CLK_TCK")

    def idle(self, limit=120.0):
        """Reads until byline has used no CPU for half a second (the
        analysis is in and the idle wrapping done)."""
        end, last = time.perf_counter() + limit, -1
        while time.perf_counter() < end:
            self.settle(0.5)
            now = self.cpu()
            if now == last:
                return
            last = now

    def settle(self, quiet=1.0, limit=60.0):
        """Reads until `quiet` seconds pass with nothing new."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            r, _, _ = select.select([self.master], [], [], quiet)
            if not r:
                return
            os.read(self.master, 1 << 20)

    def key(self, k):
        """Seconds from writing `k` to the end of the reply."""
        t = time.perf_counter()
        os.write(self.master, k)
        last = None
        while True:
            r, _, _ = select.select([self.master], [], [], QUIET if last else 2.0)
            if not r:
                break
            os.read(self.master, 1 << 20)
            last = time.perf_counter()
        return None if last is None else last - t

    def quit(self):
        os.write(self.master, b"q")
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        while True:
            r, _, _ = select.select([self.master], [], [], 0.1)
            if not r:
                break
            try:
                if not os.read(self.master, 1 << 20):
                    break
            except OSError:
                break
        os.close(self.master)


def measure(binary, path, runs, data):
    env = dict(os.environ, TERM="xterm-256color", BYLINE_DATA_DIR=data)
    starts, keys, rss = [], {}, []
    for _ in range(runs):
        out = pathlib.Path(data) / "rss"
        p = Pty(["/usr/bin/time", "-o", str(out), "-f", "%M", binary, "--from-start",
                 str(path)], 160, 48, env)
        starts.append(p.until(b"help"))
        # Let the analysis arrive and the idle wrapping finish first.
        p.idle()
        for k in [b"j", b" ", b"G", b"g"]:
            keys.setdefault(k, []).append(p.key(k))
            p.settle(0.3)
        p.quit()
        rss.append(int(out.read_text().split()[-1]))
    return starts, keys, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target/release/byline"))
    ap.add_argument("--gen", default=str(ROOT / "target/release/examples/generate"))
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = [ROOT / "assets/royal-visit.txt"]
        for n in [4 << 10, 1 << 20, 10 << 20]:
            f = pathlib.Path(tmp) / f"gen-{n}.txt"
            with open(f, "wb") as fh:
                subprocess.run([args.gen, str(n)], stdout=fh, check=True)
            files.append(f)
        print("| article | size | first frame (median) | j | space | G | g | peak RSS |")
        print("|---|---|---|---|---|---|---|---|")
        for f in files:
            starts, keys, rss = measure(args.bin, f, args.runs, tmp)
            def ms(xs):
                xs = [x for x in xs if x is not None]
                return f"{statistics.median(xs) * 1000:.1f} ms" if xs else "no change"
            size = f.stat().st_size
            print(f"| {f.name} | {size / 1024:.0f} KB | {ms(starts)} | "
                  + " | ".join(ms(keys[k]) for k in [b"j", b" ", b"G", b"g"])
                  + f" | {max(rss) / 1024:.0f} MB ({max(rss) * 1024 / size:.1f}x) |")


if __name__ == "__main__":
    main()
