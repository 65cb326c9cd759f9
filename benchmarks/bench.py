"""Speed and memory of `presslint check` as a whole process (a script, not a test).

    python benchmarks/bench.py [--repeat 5] [--scales 1 4 16] [--select ...] [CORPUS]

Prints the median wall time, throughput (MB/s) and peak memory (max RSS) of:
  - `python -c pass`, the floor for start-up;
  - one file (what a pre-commit hook pays per commit);
  - the whole corpus as one file (catches rules quadratic in a document's length);
  - the corpus, repeated 1x, 4x, 16x (a scaling curve), with --jobs 1 (one core) and with
    the default (one process per core).
Run it on a quiet machine; figures from a shared one vary by 10-20%.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _corpus

# As on a user's machine: Python caches compiled modules (some sandboxes turn that off).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(command: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in KiB (of the process and the workers it waited for), exit code."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"bench: {' '.join(command)} failed: {process.stderr.read().decode()[-500:]}")
    return elapsed, usage.ru_maxrss, process.returncode


def measure(label: str, command: list[str], repeat: int, size: int | None) -> float:
    run_once(command)  # warm up: compiled modules and the file system cache
    runs = [run_once(command) for _ in range(repeat)]
    wall = statistics.median(r[0] for r in runs)
    peak = max(r[1] for r in runs) / 1024
    rate = f"{size / wall / 1e6:8.2f} MB/s" if size else " " * 13
    print(f"{label:<34} {wall * 1000:9.1f} ms  {rate}  {peak:7.1f} MiB peak   (median of {repeat})")
    return wall


def main() -> int:
    parser = _corpus.parser(__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 4, 16])
    parser.add_argument("--select", default=None, help="rules to run (default: the default rule set)")
    args = parser.parse_args()

    corpus = Path(args.corpus)
    files = sorted(corpus.rglob("*.md")) if corpus.is_dir() else []
    if not files:
        print(f"bench: no corpus at {corpus}", file=sys.stderr)
        return 2
    size = sum(f.stat().st_size for f in files)
    one = files[len(files) // 2]
    base = [sys.executable, "-m", "presslint", "check", "--no-config", "--quiet",
            *(["--select", args.select] if args.select else [])]
    print(f"corpus: {len(files)} files, {size / 1e6:.2f} MB; one file: {one.name[:50]} ({one.stat().st_size} B)")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores\n")

    floor = measure("python -c pass", [sys.executable, "-c", "pass"], args.repeat, None)
    single = measure("check one file", [*base, str(one)], args.repeat, one.stat().st_size)
    print(f"{'':<34} start-up over the floor: {(single - floor) * 1000:.1f} ms\n")

    with tempfile.TemporaryDirectory() as scratch:
        # The whole corpus as one file: a rule that is quadratic in a document's length
        # shows here long before it shows on 1,000 small files.
        joined = Path(scratch) / "all-in-one.md"
        joined.write_text("\n\n".join(f.read_text(encoding="utf-8") for f in files), encoding="utf-8")
        measure("corpus as one file", [*base, str(joined)], max(1, args.repeat // 2), size)
        print()
        for scale in args.scales:
            roots = []
            for i in range(scale):
                link = Path(scratch) / f"copy{scale}-{i}"
                link.symlink_to(corpus.resolve(), target_is_directory=True)
                roots.append(str(link))
            repeat = args.repeat if scale <= 4 else max(1, args.repeat // 2)
            one_core = measure(f"corpus x{scale}, --jobs 1", [*base, "--jobs", "1", *roots], repeat, size * scale)
            every_core = measure(f"corpus x{scale}, all cores", [*base, *roots], repeat, size * scale)
            print(f"{'':<34} speed-up with {os.cpu_count()} cores: {one_core / every_core:.2f}x\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
