"""Case files: a release in ``tests/cases/`` beside the findings it must give.

Each case is a text file (``NAME.md``, ``NAME.html``, ``NAME.txt``) and ``NAME.json`` beside
it: the settings of the run and the findings, each with the json reporter's fields that say
what a finding is (line, column, end_line, end_column, code, message, and the fix's message
and edits) and an optional ``note`` for the reader::

    {"settings": {"select": ["T", "C"], "release-date": "2024-05-01"},
     "findings": [{"line": 3, "column": 9, ..., "note": "your ready for"}]}

The findings of the selected rules (default: all) must be exactly those listed: a case
shows both what must be flagged, where and how it is fixed, and that the text around it
stays quiet (Black's ``tests/data/cases``, Vale's fixtures). After a change that moves
findings on purpose, rewrite the files and review the diff like code:

    PRESSLINT_UPDATE_CASES=1 pytest tests/test_cases.py

That keeps each file's settings and the notes of the findings still found (a new case
needs only its text file: its JSON file is written with all rules selected).
"""

from __future__ import annotations

import datetime
import json
import os
from pathlib import Path
from typing import Any

import pytest

from presslint.config import Config
from presslint.engine import load_checkers, result_of
from presslint.packs import builtin_packs, read_pack
from presslint.report.json import diagnostic_object
from presslint.selection import select

from .conftest import document

CASES = Path(__file__).with_name("cases")
TEXT_SUFFIXES = (".md", ".html", ".htm", ".txt")
UPDATE = bool(os.environ.get("PRESSLINT_UPDATE_CASES"))
SETTINGS = {"select", "release-date", "dateline-style", "now"}
# What a finding is; path, rule name and severity follow from the case and the code.
FIELDS = ("line", "column", "end_line", "end_column", "code", "message", "fix")


def _cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.suffix in TEXT_SUFFIXES)


def _config(settings: dict[str, Any]) -> Config:
    unknown = settings.keys() - SETTINGS
    assert not unknown, f"unknown settings {sorted(unknown)}"
    return Config(
        select=tuple(settings["select"]) if "select" in settings else None,
        release_date=datetime.date.fromisoformat(settings["release-date"]) if "release-date" in settings else None,
        dateline_style=settings.get("dateline-style", "any"),
        now=datetime.datetime.fromisoformat(settings["now"]) if "now" in settings else None,
    )


def _found(path: Path, config: Config) -> list[dict[str, Any]]:
    checkers = select(load_checkers(config), config)
    result = result_of(document(path.read_bytes(), path.name), checkers)
    assert result.error is None, result.error
    findings = []
    for diagnostic in result.diagnostics:
        reported = diagnostic_object(result, diagnostic)
        findings.append({key: reported[key] for key in FIELDS})
    return findings


def _without_notes(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{key: value for key, value in finding.items() if key != "note"} for finding in findings]


def _rewrite(expected_file: Path, settings: dict[str, Any], old: list[dict[str, Any]],
             found: list[dict[str, Any]]) -> None:
    notes = {(f["line"], f["column"], f["code"]): f["note"] for f in old if "note" in f}
    for finding in found:
        note = notes.get((finding["line"], finding["column"], finding["code"]))
        if note:
            finding["note"] = note
    expected_file.write_text(_dumps(settings, found), encoding="utf-8")


def _dumps(settings: dict[str, Any], findings: list[dict[str, Any]]) -> str:
    """JSON with one finding a paragraph: its place and code on the first line, then its
    message, fix and note, one a line, so that a diff shows what moved."""
    def value(item: object) -> str:
        return json.dumps(item, ensure_ascii=False)

    paragraphs = []
    for finding in findings:
        place = ", ".join(f'"{key}": {value(finding[key])}' for key in FIELDS[:5])
        rest = [f'"{key}": {value(finding[key])}' for key in ("message", "fix", "note") if key in finding]
        paragraphs.append("    {" + ",\n     ".join([place, *rest]) + "}")
    body = ",\n".join(paragraphs)
    return f'{{\n  "settings": {value(settings)},\n  "findings": [\n{body}\n  ]\n}}\n' if findings else (
        f'{{\n  "settings": {value(settings)},\n  "findings": []\n}}\n')


@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.name)
def test_case_gives_exactly_its_findings(path: Path) -> None:
    expected_file = path.with_suffix(".json")
    case = json.loads(expected_file.read_text(encoding="utf-8")) if expected_file.is_file() else {"settings": {}}
    settings, expected = case["settings"], case.get("findings", [])
    found = _found(path, _config(settings))
    if UPDATE and (_without_notes(expected) != found or not expected_file.is_file()):
        _rewrite(expected_file, settings, expected, found)
        pytest.skip(f"rewrote {expected_file.name}: review its diff")
    assert found == _without_notes(expected), f"{path.name}: PRESSLINT_UPDATE_CASES=1 rewrites it; review the diff"


def test_every_case_has_its_expected_file() -> None:
    for path in _cases():
        assert path.with_suffix(".json").is_file(), f"{path.name} has no .json file"


def test_every_expected_file_has_its_case() -> None:
    # An expected file whose release was renamed or removed would never be checked.
    cases = {path.with_suffix(".json") for path in _cases()}
    orphans = sorted(path.name for path in CASES.glob("*.json") if path not in cases)
    assert not orphans, f"expected files without a case: {orphans}"
    assert not list(CASES.glob("*.expected")), "the old .expected files are replaced by .json"


def test_every_family_has_a_case_with_findings() -> None:
    # Every family a built-in pack declares, but the grammar backends' (no backend runs here).
    wanted = {p.family for p in map(read_pack, builtin_packs()) if p.family and not any(r.backend for r in p.rules)}
    families = set()
    for path in _cases():
        case = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        families |= {finding["code"][0] for finding in case["findings"]}
    assert families >= wanted, f"no case finds a rule of {sorted(wanted - families)}"


def test_a_rewrite_is_json_and_keeps_the_notes_of_findings_still_found(tmp_path: Path) -> None:
    old = [{"line": 1, "column": 5, "code": "W104", "note": "kept"},
           {"line": 2, "column": 1, "code": "W101", "note": "gone"}]
    found = [{"line": 1, "column": 5, "end_line": 1, "end_column": 7, "code": "W104",
              "message": "2 spaces between words", "fix": {"message": "use one space", "edits": []}},
             {"line": 3, "column": 1, "end_line": 3, "end_column": 2, "code": "W101",
              "message": "trailing whitespace", "fix": None}]
    target = tmp_path / "case.json"
    _rewrite(target, {"select": ["W"]}, old, [dict(f) for f in found])
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["settings"] == {"select": ["W"]}
    assert _without_notes(written["findings"]) == found
    assert [f.get("note") for f in written["findings"]] == ["kept", None]
    _rewrite(target, {}, [], [])
    assert json.loads(target.read_text(encoding="utf-8")) == {"settings": {}, "findings": []}
