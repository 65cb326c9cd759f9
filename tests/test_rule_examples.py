"""Every rule's documented examples are its first tests: each bad example must yield the
rule, each good one must not, and every fix must remove what it fixes."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslint.fix import FixMode
from presslint.runner import check_file

from .conftest import CHECKERS, RULES, run

BAD = [pytest.param(code, i, text, id=f"{code}-bad-{i}")
       for code, r in RULES.items() for i, text in enumerate(r.bad)]
GOOD = [pytest.param(code, i, text, id=f"{code}-good-{i}")
        for code, r in RULES.items() for i, text in enumerate(r.good)]


def test_every_rule_has_bad_and_good_examples() -> None:
    for rule in RULES.values():
        assert rule.bad and rule.good, f"{rule.code} needs bad and good examples"
        assert rule.docs, f"{rule.code} needs docs"


@pytest.mark.parametrize(("code", "index", "text"), BAD)
def test_bad_example_is_flagged(code: str, index: int, text: str | bytes) -> None:
    found = run(code, text)
    assert found, f"{code} does not flag its bad example {text!r}"
    assert all(d.code == code for d in found)


@pytest.mark.parametrize(("code", "index", "text"), GOOD)
def test_good_example_is_not_flagged(code: str, index: int, text: str | bytes) -> None:
    found = run(code, text)
    assert not found, f"{code} flags its good example {text!r}: {[d.message for d in found]}"


# Only the bad examples whose findings carry a fix (many rules rightly offer none).
FIXABLE = [pytest.param(code, i, text, id=f"{code}-bad-{i}") for code, r in RULES.items()
           for i, text in enumerate(r.bad) if any(d.fix for d in run(code, text))]


def test_fixable_examples_exist() -> None:
    assert {p.values[0] for p in FIXABLE} >= {"W101", "W104", "W111", "T101", "C103"}


@pytest.mark.parametrize(("code", "index", "text"), FIXABLE)
def test_fix_round_trip(code: str, index: int, text: str | bytes, tmp_path: Path) -> None:
    """Apply the rule's fixes to a real file, re-check: nothing left from the rule; a
    second --fix changes nothing."""
    rule = [CHECKERS[code]]
    path = tmp_path / "release.txt"
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    first = check_file(path, rule, fix=FixMode("write", unsafe=True))
    assert first.error is None and first.fixed >= 1
    after = path.read_bytes()
    assert after != (text.encode("utf-8") if isinstance(text, str) else text)
    assert check_file(path, rule).diagnostics == [], f"{code}: still flagged after --fix: {after!r}"
    second = check_file(path, rule, fix=FixMode("write", unsafe=True))
    assert second.fixed == 0 and path.read_bytes() == after
