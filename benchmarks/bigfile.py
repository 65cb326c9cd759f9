"""One huge release file: check time, ``--fix`` time and peak memory (a script, not a test).

    nice -n 10 python benchmarks/bigfile.py [--megabytes 50] [--repeat 1] [CORPUS]

Builds, in a temporary folder, one Markdown file of real releases back to back (the
corpus's files in name order, repeated until the file is ``--megabytes`` large), then runs
``presslint check --no-config`` on it and ``presslint check --no-config --fix`` on a copy,
each as its own process, and prints the median wall time and the peak RSS of each
(``ru_maxrss`` of the child). The bar (issue 18): peak memory under 10x the file's size,
and ``--fix`` within twice the time of a check.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _corpus

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
PRESSLINT = [sys.executable, "-m", "presslint"]


def build(corpus: Path, target: Path, size: int) -> None:
    """``target``: the corpus's releases back to back (a blank line between two), repeated
    until ``size`` bytes, cut at a release's end."""
    releases = [path.read_bytes().rstrip(b"\n") + b"\n\n" for path in sorted(corpus.glob("*.md"))]
    if not releases:
        raise SystemExit(f"bigfile: no .md files in {corpus}")
    written = 0
    with open(target, "wb") as out:
        while written < size:
            for release in releases:
                out.write(release)
                written += len(release)
                if written >= size:
                    break


def run_once(command: list[str]) -> tuple[float, int]:
    """Wall seconds and the child's peak RSS in bytes."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    assert process.stderr is not None
    error = process.stderr.read().decode(errors="replace")
    if code not in (0, 1):
        raise SystemExit(f"bigfile: {' '.join(command)} exited {code}: {error[-500:]}")
    return elapsed, usage.ru_maxrss * 1024


def main() -> None:
    parser = _corpus.parser(__doc__)
    parser.add_argument("--megabytes", type=float, default=50.0)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="presslint-bigfile-") as folder:
        big = Path(folder) / "big.md"
        build(Path(args.corpus), big, int(args.megabytes * 1_000_000))
        size = big.stat().st_size
        lines = big.read_bytes().count(b"\n")
        print(f"file: {size / 1e6:.1f} MB, {lines} lines", flush=True)
        rows = []
        for label, extra in (("check", []), ("fix", ["--fix"])):
            times, peaks = [], []
            for _ in range(args.repeat):
                target = big
                if extra:
                    target = Path(folder) / "fixed.md"
                    shutil.copyfile(big, target)
                elapsed, peak = run_once([*PRESSLINT, "check", "--no-config", *extra, str(target)])
                times.append(elapsed)
                peaks.append(peak)
            rows.append((label, statistics.median(times), max(peaks)))
            print(f"{label:6} {rows[-1][1]:7.1f} s  peak RSS {rows[-1][2] / 1e6:7.0f} MB "
                  f"({rows[-1][2] / size:4.1f}x the file)", flush=True)
        check, fix = rows[0][1], rows[1][1]
        print(f"fix / check: {fix / check:.2f} (bar: 2.0); peak / size: {max(r[2] for r in rows) / size:.1f} (bar: 10)")


if __name__ == "__main__":
    main()
