"""The house rules of DESIGN.md, enforced: Ruff clean, mypy strict on src/."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .conftest import ROOT


def test_ruff_finds_nothing() -> None:
    if shutil.which("ruff") is None and not _module("ruff"):
        pytest.skip("ruff is not installed (it is in the test extra)")
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks", "scripts"],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


# Every way to read the clock that DESIGN.md rules out, written as code would write it.
CLOCK_READS = [
    "import datetime\nx = datetime.date.today()\n",
    "from datetime import date\nx = date.today()\n",
    "from datetime import datetime\nx = datetime.now()\n",
    "from datetime import datetime as dt\nx = dt.today()\n",
    "import datetime\nx = datetime.datetime.utcnow()\n",
    "import time\nx = time.time()\n",
    "from time import time_ns\nx = time_ns()\n",
]


@pytest.mark.parametrize("code", CLOCK_READS)
def test_ruff_refuses_a_clock_read_anywhere_in_the_package(code: str) -> None:
    """The rule behind test_ruff_finds_nothing's silence: Ruff's banned-api (TID251), in
    every module of src/ (the kinds and the date modules first), and not in the tests."""
    if not _module("ruff"):
        pytest.skip("ruff is not installed (it is in the test extra)")
    for where, banned in (("src/presslint/kinds/date_claims.py", True), ("src/presslint/dates.py", True),
                          ("src/presslint/cli.py", True), ("tests/test_dates.py", False)):
        run = subprocess.run([sys.executable, "-m", "ruff", "check", "--select", "TID251", "--no-cache",
                              "--stdin-filename", where, "-"], cwd=ROOT, input=code, capture_output=True, text=True)
        assert ("TID251" in run.stdout) is banned, (where, code, run.stdout + run.stderr)


def test_mypy_strict_on_the_package() -> None:
    if not _module("mypy"):
        pytest.skip("mypy is not installed (it is in the test extra)")
    run = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def _module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None
