"""Does the parsed-YAML cache (yamlfile.py) still pay? (a script, not a test)

    python benchmarks/yaml_cache.py [--repeat 21]

Prints the median CPU time (user + system, of the child process) of `presslint check
--no-config` on a one-line file, with the cache warm and with PRESSLINT_NO_CACHE=1 (every
bundled pack parsed by PyYAML). CPU time rather than wall time: it is steadier on a shared
machine. Compiled modules are cached as on a user's machine.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cpu_ms(release: Path, env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "presslint", "check", "--no-config", str(release)], env=env,
                   capture_output=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=21)
    repeat = parser.parse_args().repeat
    with tempfile.TemporaryDirectory() as folder:
        release = Path(folder) / "release.txt"
        release.write_text("Example Corp announced results on Monday.\n", encoding="utf-8")
        cached = {**ENV, "PRESSLINT_CACHE_DIR": str(Path(folder) / "cache")}
        uncached = {**ENV, "PRESSLINT_NO_CACHE": "1"}
        cpu_ms(release, cached)  # fills the cache and the compiled modules
        rows = {"cache warm": cached, "no cache": uncached}
        times: dict[str, list[float]] = {name: [] for name in rows}
        for _ in range(repeat):  # interleaved, so that load on the machine falls on both
            for name, env in rows.items():
                times[name].append(cpu_ms(release, env))
    for name, values in times.items():
        print(f"{name:<11} {statistics.median(values):6.0f} ms CPU (median of {repeat})")


if __name__ == "__main__":
    main()
