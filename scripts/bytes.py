#!/usr/bin/env python3
"""Bytes written to the terminal per keystroke: byline against `less`.

Runs each program in a pseudo-terminal of the given size on the same long
article (every sample article of the project, one after another), sends a
key, and counts what the program writes until it has been quiet for a
moment. Each figure is the mean of many presses from the top. Prints a Markdown
table (the one in docs/ssh.md).

byline asks the terminal at start-up whether it has left/right margins
(DECRQM `CSI ? 69 $ p`). The pty answers as xterm does (`CSI ? 69 ; 2 $ y`)
on the rows marked "margins", and never on the others, as tmux or a
terminal without them would.

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
ASK_MARGINS = b"\x1b[?69$p"
XTERM_ANSWER = b"\x1b[?69;2$y"


def long_article(path):
    parts = ["title A long day in the news"]
    for f in sorted(ROOT.glob("assets/*.txt")) + sorted(ROOT.glob("tests/corpus/*.txt")):
        text = f.read_text(encoding="utf-8")
        # Header lines of the later articles would be body text; drop them.
        lines = [l for l in text.splitlines() if not l.split(" ", 1)[0] in ("title", "author", "source", "url")]
        parts.append("\n".join(lines))
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")


class Pty:
    def __init__(self, argv, cols, rows, answer=False):
        self.answer, self.tail, self.asked = answer, b"", 0
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        # A fresh data directory each run, so no saved reading position
        # moves the start, and the default config.
        self.data = tempfile.TemporaryDirectory()
        env = dict(os.environ, TERM="xterm-256color", LESS="", LESSHISTFILE="-",
                   BYLINE_DATA_DIR=self.data.name, BYLINE_CONFIG=os.devnull)
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
            seen = self.tail + data
            if ASK_MARGINS in seen:
                self.asked += 1
                if self.answer:
                    os.write(self.master, XTERM_ANSWER)
            self.tail = seen[-(len(ASK_MARGINS) - 1):]
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
        self.data.cleanup()


def measure(argv, cols, rows, setup, key, presses, answer=False):
    p = Pty(argv, cols, rows, answer)
    try:
        p.drain(quiet=0.8)
        for k in setup:
            p.key(k)
        mean = statistics.mean(p.key(key) for _ in range(presses))
        assert p.asked <= 1, "asked about margins more than once"
        return mean
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
        # (size, keystroke, key, byline view, byline setup, answer, less setup, target)
        said = ["/", "s", "a", "i", "d", "\r"]
        thing = ["/", "t", "h", "i", "n", "g", "\r"]
        rows = [
            ((80, 24), "one-line scroll (`j`)", "j", "reading (`z`)", ["z"], False, [], "≤ 2×"),
            ((80, 24), "one-line scroll (`j`)", "j", "panes", [], False, [], ""),
            ((80, 24), "one-line scroll (`j`)", "j", "panes, margins", [], True, [], ""),
            ((80, 24), "page down (`space`)", " ", "reading (`z`)", ["z"], False, [], "≤ 1.5×"),
            ((160, 48), "one-line scroll (`j`)", "j", "reading (`z`)", ["z"], False, [], "≤ 2×"),
            ((160, 48), "one-line scroll (`j`)", "j", "three panes, no answer", [], False, [], ""),
            ((160, 48), "one-line scroll (`j`)", "j", "three panes, margins", [], True, [], "≤ 10×"),
            ((160, 48), "page down (`space`)", " ", "reading (`z`)", ["z"], False, [], "≤ 1.5×"),
            ((160, 48), "page down (`space`)", " ", "three panes, no answer", [], False, [], ""),
            ((160, 48), "page down (`space`)", " ", "three panes, margins", [], True, [], ""),
            ((80, 24), "search jump (`n`, /said)", "n", "reading (`z`)", ["z"] + said, False, ["/said\r"], "≤ 1.5×"),
            ((80, 24), "search jump (`n`, /thing)", "n", "reading (`z`)", ["z"] + thing, False, ["/thing\r"], "≤ 1.5×"),
            ((160, 48), "search jump (`n`, /said)", "n", "reading (`z`)", ["z"] + said, False, ["/said\r"], "≤ 1.5×"),
            ((160, 48), "search jump (`n`, /said)", "n", "three panes, margins", said, True, ["/said\r"], ""),
        ]
        for (cols, lines), what, key, view, setup, answer, less_setup, target in rows:
            b = measure(byline, cols, lines, setup, key, args.presses, answer)
            l = measure(less, cols, lines, less_setup, key, args.presses)
            ratio = b / l if l else float("inf")
            print(f"| {cols}x{lines} | {what} | {view} | {b:.0f} | {l:.0f} | {ratio:.2f}× | {target} |")


if __name__ == "__main__":
    main()
