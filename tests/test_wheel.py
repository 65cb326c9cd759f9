"""The packs must ship inside the wheel and be found from an installed wheel, not only
from a checkout: build one, install it in a fresh virtual environment, run it there."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
                           capture_output=True, text=True)
    if build.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{build.stderr[-2000:]}")
    (built,) = out.glob("presslint-*.whl")
    return built


def test_wheel_contains_every_pack(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    packs = sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
    assert packs, "the repository has no packs"
    for pack in packs:
        assert f"presslint/rules/{pack}" in names
    assert "presslint/py.typed" in names


def test_installed_wheel_finds_its_packs_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    install = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)],
                             capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-2000:]
    work = tmp_path / "elsewhere"
    work.mkdir()
    shutil.copy(ROOT / "examples" / "release.txt", work / "release.txt")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    rules = subprocess.run([str(bin_dir / "presslint"), "rules", "--no-config", "--output-format", "json"],
                           cwd=work, capture_output=True, text=True, env=env)
    assert rules.returncode == 0, rules.stderr
    codes = {row["code"] for row in json.loads(rules.stdout)}
    assert {"W101", "W106", "W114"} <= codes
    check = subprocess.run([str(bin_dir / "presslint"), "check", "--no-config", "--output-format", "json",
                            "release.txt"], cwd=work, capture_output=True, text=True, env=env)
    assert check.returncode == 1, check.stderr
    assert "W106" in {f["code"] for f in json.loads(check.stdout)}
    where = subprocess.run([str(bin_dir / "python"), "-c", "import presslint.packs as p; print(p.builtin_pack_dir())"],
                           cwd=work, capture_output=True, text=True, env=env)
    assert str(venv) in where.stdout, "the installed package must use its own packs"
