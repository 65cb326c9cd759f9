"""Case files: a release in ``tests/cases/`` beside the findings it must give.

Each case is a text file (``NAME.md``, ``NAME.html``, ``NAME.txt``) and ``NAME.expected``
beside it. The expected file lists one finding a line as ``LINE:COLUMN CODE`` (anything
after the code is a comment for the reader), and may start with settings:

    # select: T,C            the rules to run (codes, prefixes or names; default: all)
    # release-date: 2024-05-01

The findings of the selected rules must be exactly those listed: a case shows both what
must be flagged, at its column, and that the text around it stays quiet (Black's
``tests/data/cases``, Vale's fixtures).
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from presslint.config import Config
from presslint.engine import check_document, load_checkers
from presslint.selection import select

from .conftest import document

CASES = Path(__file__).with_name("cases")
TEXT_SUFFIXES = (".md", ".html", ".htm", ".txt")


def _cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.suffix in TEXT_SUFFIXES)


def _expected(path: Path) -> tuple[Config, list[str]]:
    settings: dict[str, str] = {}
    findings: list[str] = []
    for line in path.with_suffix(".expected").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            settings[key.strip()] = value.strip()
        elif line.strip():
            position, code = line.split()[:2]
            findings.append(f"{position} {code}")
    unknown = settings.keys() - {"select", "release-date"}
    assert not unknown, f"{path.name}: unknown settings {sorted(unknown)}"
    config = Config(
        select=tuple(settings["select"].split(",")) if "select" in settings else None,
        release_date=datetime.date.fromisoformat(settings["release-date"]) if "release-date" in settings else None,
    )
    return config, findings


@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.name)
def test_case_gives_exactly_its_findings(path: Path) -> None:
    config, expected = _expected(path)
    rules = select(load_checkers(config), config)
    doc = document(path.read_bytes(), path.name)
    found = []
    for diagnostic in check_document(doc, rules):
        line, column = doc.lines.position(diagnostic.span.start)
        found.append(f"{line}:{column} {diagnostic.code}")
    assert sorted(found, key=_order) == sorted(expected, key=_order)


def _order(finding: str) -> tuple[int, int, str]:
    position, code = finding.split()
    line, column = position.split(":")
    return int(line), int(column), code


def test_every_case_has_its_expected_file() -> None:
    for path in _cases():
        assert path.with_suffix(".expected").is_file(), f"{path.name} has no .expected file"


def test_every_expected_file_has_its_case() -> None:
    # An expected file whose release was renamed or removed would never be checked.
    cases = {path.with_suffix(".expected") for path in _cases()}
    orphans = sorted(path.name for path in CASES.glob("*.expected") if path not in cases)
    assert not orphans, f"expected files without a case: {orphans}"
