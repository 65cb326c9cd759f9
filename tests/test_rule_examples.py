"""Every rule's documented examples are its first tests: each bad example must yield the
rule, each good one must not, and every fix must remove what it fixes."""

from __future__ import annotations

import pytest

from presslint.fix import apply_edits

from .conftest import RULES, run

BAD = [pytest.param(code, i, text, id=f"{code}-bad-{i}") for code, r in RULES.items() for i, text in enumerate(r.bad)]
GOOD = [pytest.param(code, i, text, id=f"{code}-good-{i}") for code, r in RULES.items() for i, text in enumerate(r.good)]


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


@pytest.mark.parametrize(("code", "index", "text"), BAD)
def test_fix_removes_the_finding(code: str, index: int, text: str | bytes) -> None:
    found = run(code, text)
    edits = [edit for d in found if d.fix for edit in d.fix.edits]
    if not edits:
        pytest.skip(f"{code} offers no fix here")
    assert isinstance(text, str)
    fixed, _ = apply_edits(text.replace("\r\n", "\n").replace("\r", "\n"), edits)
    if "\r" in fixed:
        return  # a line-ending fix: it only changes what is written back, see test_fix.py
    assert not run(code, fixed), f"{code}: fixing {text!r} gave {fixed!r}, still flagged"
    again, applied = apply_edits(fixed, [e for d in run(code, fixed) if d.fix for e in d.fix.edits])
    assert applied == 0 and again == fixed
