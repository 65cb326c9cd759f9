"""The result cache as a user meets it (a script, not a test).

    python benchmarks/cache_bench.py [--repeat 5] [--one-file-repeat 10] [CORPUS]

Prints medians of:
  - `presslint check` on the corpus with an empty cache (the first run: it fills it),
    and again with the cache filled (the re-run), in the text and the JSON format, with
    the speed-up; and checks that each re-run's output is byte for byte the first run's
    and a --no-cache run's (exits 1 if not);
  - `presslint check --no-cache` on one file (what a pre-commit hook pays with no cache),
    and the same file with a filled cache.
Wall time and CPU time (user + system, the worker processes' included). Each first run
gets a cache folder of its own, in a temporary folder; nothing is written elsewhere.
Run it with `nice` on a shared machine; figures vary by 10-20% there.
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
ENV = {k: v for k, v in os.environ.items()
       if k not in ("PYTHONDONTWRITEBYTECODE", "PRESSLINT_NO_CACHE", "PRESSLINT_CACHE_DIR")}


def timed(command: list[str]) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (the process's and its workers', from the kernel's account),
    standard output."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, env=ENV)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        process.returncode = code
        if code not in (0, 1):
            err.seek(0)
            raise SystemExit(f"cache_bench: {' '.join(command)} failed: {err.read().decode()[-500:]}")
        out.seek(0)
        return wall, usage.ru_utime + usage.ru_stime, out.read()


def line(label: str, runs: list[tuple[float, float, bytes]]) -> tuple[float, float]:
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    print(f"{label:<40} {wall * 1000:9.1f} ms wall {cpu * 1000:9.1f} ms CPU   (median of {len(runs)})")
    return wall, cpu


def main() -> int:
    parser = _corpus.parser(__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--one-file-repeat", type=int, default=10)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    files = _corpus.releases(args.corpus, "cache_bench")
    print(f"corpus: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.2f} MB; "
          f"python {sys.version.split()[0]}, {os.cpu_count()} cores\n")
    base = [sys.executable, "-m", "presslint", "check", "--no-config"]
    identical = True
    with tempfile.TemporaryDirectory() as scratch:
        for output in ("text", "json"):
            command = [*base, "--output-format", output, str(corpus)]
            reference = timed([*command, "--no-cache"])[2]
            first, again = [], []
            for i in range(args.repeat):
                folder = str(Path(scratch) / f"{output}-{i}")
                first.append(timed([*command, "--cache-dir", folder]))
                again.append(timed([*command, "--cache-dir", folder]))
            same = all(r[2] == reference for r in first + again)
            identical = identical and same
            cold = line(f"corpus, {output}, first run (empty cache)", first)
            warm = line(f"corpus, {output}, re-run (cache filled)", again)
            print(f"{'':<40} speed-up: {cold[0] / warm[0]:.1f}x wall, {cold[1] / warm[1]:.1f}x CPU; "
                  f"output {'byte-identical' if same else 'DIFFERENT'} (to --no-cache's too)\n")
        one = str(files[len(files) // 2])
        timed([*base, "--no-cache", one])  # warm up: compiled modules, the file system cache
        line("one file, --no-cache", [timed([*base, "--no-cache", one]) for _ in range(args.one_file_repeat)])
        folder = str(Path(scratch) / "one")
        timed([*base, "--cache-dir", folder, one])
        line("one file, cache filled", [timed([*base, "--cache-dir", folder, one])
                                        for _ in range(args.one_file_repeat)])
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
