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


def test_mypy_strict_on_the_package() -> None:
    if not _module("mypy"):
        pytest.skip("mypy is not installed (it is in the test extra)")
    run = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def _module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None
