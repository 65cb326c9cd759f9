"""The packs must ship inside the wheel and be found from an installed wheel, not only
from a checkout: build one, install it in a fresh virtual environment, run it there. The
wheel declares its licences and carries their notices (the word lists are not MIT)."""

from __future__ import annotations

import email.parser
import json
import os
import re
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


def test_wheel_carries_the_rule_pages_the_language_server_links(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    families = sorted(p.name for p in (ROOT / "docs" / "rules").glob("*.md"))
    assert families, "docs/rules is empty"
    assert [f"presslint/docs/rules/{page}" for page in families if f"presslint/docs/rules/{page}" not in names] == []


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


# The code's licence and those of the shipped word lists (licenses/NOTICE.md says which file
# is under which); changing it is a decision, so the test spells it out.
LICENSE_EXPRESSION = "MIT AND BSD-3-Clause AND CC-BY-SA-3.0 AND CC-BY-3.0 AND CC-BY-4.0"
NOTICE = ROOT / "licenses" / "NOTICE.md"


def test_wheel_declares_its_licences_and_carries_every_notice(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    (dist_info,) = {name.split("/")[0] for name in archive.namelist() if ".dist-info/" in name}
    metadata = email.parser.Parser().parsestr(archive.read(f"{dist_info}/METADATA").decode("utf-8"))
    assert metadata["License-Expression"] == LICENSE_EXPRESSION
    assert metadata["License"] is None, "a free-text License field would contradict the expression"
    expected = ["LICENSE", *sorted(f"licenses/{p.name}" for p in (ROOT / "licenses").iterdir())]
    assert len(expected) > 2, "the repository has no third-party notices"
    assert sorted(metadata.get_all("License-File") or []) == sorted(expected)
    for name in expected:
        assert archive.read(f"{dist_info}/licenses/{name}") == (ROOT / name).read_bytes()


def test_every_shipped_word_list_is_in_the_notice(wheel: Path) -> None:
    """A list added to the wheel without saying where it comes from would ship under no
    licence at all; every notice beside it must be one it links to."""
    notice = NOTICE.read_text(encoding="utf-8")
    shipped = [name for name in zipfile.ZipFile(wheel).namelist()
               if (name.startswith("presslint/data/") and not name.endswith("/SOURCES.md"))
               or (name.startswith("presslint/rules/") and name.endswith(".txt"))]
    assert len(shipped) >= 10
    for name in shipped:
        assert f"`{name}`" in notice, f"{name} ships without its sources and licence in licenses/NOTICE.md"
    # Its links are to the notices beside it: every one of them, and nothing else.
    linked = set(re.findall(r"\]\(([^)]+)\)", notice))
    assert linked == {p.name for p in NOTICE.parent.iterdir()} - {NOTICE.name}
    for licence in LICENSE_EXPRESSION.split(" AND "):
        assert licence in notice, f"licenses/NOTICE.md does not say what is under {licence}"
