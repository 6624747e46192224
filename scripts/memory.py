#!/usr/bin/env python3
"""Peak memory (peak RSS) of byline on a generated article.

Generates an article of --bytes (default 10 MB; examples/generate.rs, the
benches' generator) and reports the peak resident set size of:

  --json      `byline --json FILE > /dev/null`
  --people    `byline --people FILE > /dev/null`
  --quotes    `byline --quotes FILE > /dev/null`
  reader      byline in a 160x48 pseudo-terminal, read once it is idle
              (first frame drawn, analysis arrived, idle wrapping done),
              then after `G` (end), `/` search for a common word and `o`
              (outline) have been handled

The peak of a finished command comes from the kernel's accounting of the
child (`ru_maxrss` of wait4, the figure `/usr/bin/time -f %M` prints); the
reader's from `VmHWM` in /proc/PID/status while it runs. Each figure is
also given as a multiple of the file size. --runs repeats and reports
the largest.

    cargo build --release --example generate --bin byline
    python3 scripts/memory.py [--bytes 10485760] [--runs 1] [--max-ratio 5]

With --max-ratio R the script exits 1 when any peak is R times the file
or more (a check to run by hand or in CI; peaks vary little from run to
run, being allocation sizes rather than timings).
"""

import argparse
import os
import pathlib
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # importing startup.py leaves no __pycache__
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from startup import Pty  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent


def command_peak(binary, args, path):
    """Peak RSS in bytes of `binary ARGS PATH > /dev/null`."""
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen([binary, *args, str(path)], stdout=null, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"byline {' '.join(args)} failed")
    return usage.ru_maxrss * 1024


def hwm(pid):
    """VmHWM (peak RSS) of a running process, in bytes."""
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM")


def reader_peaks(binary, path, data):
    """Peak RSS of the reader once idle, and after a few keys."""
    env = dict(os.environ, TERM="xterm-256color", BYLINE_DATA_DIR=data)
    p = Pty([binary, "--from-start", str(path)], 160, 48, env)
    try:
        p.until(b"help")
        idle(p)
        at_idle = hwm(p.proc.pid)
        for k in [b"G", b"/", b"said\r", b"o", b"g"]:
            os.write(p.master, k)
            p.settle(0.3)
        idle(p)
        after_keys = hwm(p.proc.pid)
    finally:
        p.quit()
    return at_idle, after_keys


def idle(p, limit=120.0):
    """Waits until byline itself has used no CPU for half a second."""
    end, last = time.perf_counter() + limit, -1
    stat = pathlib.Path(f"/proc/{p.proc.pid}/stat")
    while time.perf_counter() < end:
        p.settle(0.5)
        fields = stat.read_text().rsplit(")", 1)[1].split()
        now = int(fields[11]) + int(fields[12])
        if now == last:
            return
        last = now
    raise TimeoutError("byline never went idle")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target/release/byline"))
    ap.add_argument("--gen", default=str(ROOT / "target/release/examples/generate"))
    ap.add_argument("--bytes", type=int, default=10 << 20)
    ap.add_argument("--file", help="measure this article instead of a generated one")
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--max-ratio", type=float)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.file:
            path = pathlib.Path(args.file)
        else:
            path = pathlib.Path(tmp) / f"gen-{args.bytes}.txt"
            with open(path, "wb") as fh:
                subprocess.run([args.gen, str(args.bytes)], stdout=fh, check=True)
        size = path.stat().st_size
        peaks = {}
        for _ in range(args.runs):
            for mode in ["--json", "--people", "--quotes"]:
                peak = command_peak(args.bin, [mode], path)
                peaks[mode] = max(peaks.get(mode, 0), peak)
            at_idle, after_keys = reader_peaks(args.bin, path, tmp)
            peaks["reader, idle"] = max(peaks.get("reader, idle", 0), at_idle)
            peaks["reader, after keys"] = max(peaks.get("reader, after keys", 0), after_keys)
        print(f"{path.name}: {size / 2**20:.1f} MB")
        print("| run | peak RSS | × file |")
        print("|---|---|---|")
        worst = 0.0
        for mode, peak in peaks.items():
            ratio = peak / size
            worst = max(worst, ratio)
            print(f"| {mode} | {peak / 2**20:.1f} MB | {ratio:.1f}× |")
        if args.max_ratio is not None and worst >= args.max_ratio:
            print(f"peak {worst:.1f}× the file, limit {args.max_ratio}×", file=sys.stderr)
            sys.exit(1)


if __name__ == "__main__":
    main()
