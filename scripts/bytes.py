#!/usr/bin/env python3
"""Bytes written to the terminal per keystroke: byline against `less`.

Runs each program in a pseudo-terminal of the given size on the same long
article (every sample article of the project, one after another), sends a
key, and counts what the program writes until it has been quiet for a
moment. Each figure is the mean of many presses from the top. Prints a Markdown
table (the one in docs/ssh.md).

    cargo build --release && python3 scripts/bytes.py [--bin target/release/byline]
"""

import argparse
import fcntl
import os
import pathlib
import select
import signal
import statistics
import struct
import subprocess
import tempfile
import termios
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
QUIET = 0.25  # seconds without output that end a keystroke's reply


def long_article(path):
    parts = ["title A long day in the news"]
    for f in sorted(ROOT.glob("assets/*.txt")) + sorted(ROOT.glob("tests/corpus/*.txt")):
        text = f.read_text(encoding="utf-8")
        # Header lines of the later articles would be body text; drop them.
        lines = [l for l in text.splitlines() if not l.split(" ", 1)[0] in ("title", "author", "source", "url")]
        parts.append("\n".join(lines))
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")


class Pty:
    def __init__(self, argv, cols, rows):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", LESS="", LESSHISTFILE="-")
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env,
            start_new_session=True, cwd=ROOT,
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)

    def drain(self, quiet=QUIET, limit=5.0):
        """Bytes read until `quiet` seconds pass with nothing new."""
        total, end = 0, time.time() + limit
        while time.time() < end:
            r, _, _ = select.select([self.master], [], [], quiet)
            if not r:
                break
            try:
                data = os.read(self.master, 65536)
            except OSError:
                break
            if not data:
                break
            total += len(data)
        return total

    def key(self, k):
        os.write(self.master, k.encode())
        return self.drain()

    def close(self):
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=5)
        os.close(self.master)


def measure(argv, cols, rows, setup, key, presses):
    p = Pty(argv, cols, rows)
    try:
        p.drain(quiet=0.8)
        for k in setup:
            p.key(k)
        return statistics.mean(p.key(key) for _ in range(presses))
    finally:
        p.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(ROOT / "target/release/byline"))
    ap.add_argument("--presses", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        article = pathlib.Path(tmp) / "long.txt"
        long_article(article)
        byline, less = [args.bin, str(article)], ["less", str(article)]
        print("| size | keystroke | byline view | byline bytes | less bytes | ratio | target |")
        print("|---|---|---|---|---|---|---|")
        rows = [
            ((80, 24), "one-line scroll (`j`)", "j", "reading (`z`)", ["z"], "≤ 2×"),
            ((80, 24), "one-line scroll (`j`)", "j", "panes", [], ""),
            ((80, 24), "page down (`space`)", " ", "reading (`z`)", ["z"], "≤ 1.5×"),
            ((160, 48), "one-line scroll (`j`)", "j", "reading (`z`)", ["z"], "≤ 2×"),
            ((160, 48), "one-line scroll (`j`)", "j", "three panes", [], "≤ 10×"),
            ((160, 48), "page down (`space`)", " ", "reading (`z`)", ["z"], "≤ 1.5×"),
            ((160, 48), "page down (`space`)", " ", "three panes", [], ""),
        ]
        for (cols, lines), what, key, view, setup, target in rows:
            b = measure(byline, cols, lines, setup, key, args.presses)
            l = measure(less, cols, lines, [], key, args.presses)
            ratio = b / l if l else float("inf")
            print(f"| {cols}x{lines} | {what} | {view} | {b:.0f} | {l:.0f} | {ratio:.2f}× | {target} |")
        print("| any | search jump | | TODO (search not on this branch) | | | ≤ 1.5× |")


if __name__ == "__main__":
    main()
