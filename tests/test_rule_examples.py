"""Every rule's documented examples are its first tests: each bad example must yield the
rule exactly where it says (its ``flagged`` text) and, where the rule offers a fix, give
its ``fixed`` text; each good one must not yield it; and every fix must remove what it
fixes. The same examples print in `presslint rule CODE` and docs/rules/."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

import pytest
import yaml

from presslint import config
from presslint.diagnostic import Diagnostic
from presslint.engine import check_document
from presslint.fix import FixMode
from presslint.kinds import Kind, build
from presslint.rule import BadExample
from presslint.runner import check_file

from .conftest import CHECKERS, RULES, document

# Examples that state what the rule's docs promise and the rule does not do yet: each is a
# bug to fix, not a behaviour to pin (strict: the test fails once the bug is fixed, so the
# entry goes).
KNOWN_BUGS: dict[tuple[str, int], str] = {}


@cache
def checker(code: str) -> Kind:
    """The rule's checker, built with the settings its examples run with (its pack's
    ``examples.settings``), read as a configuration file that says them would be; an
    inline fact sheet is written to a file of its own, which ``facts`` then names."""
    rule = RULES[code]
    if not rule.example_settings:
        return CHECKERS[code]
    settings = dict(rule.example_settings)
    folder = Path(tempfile.mkdtemp(prefix="presslint-example-settings-"))
    if "facts" in settings:
        (folder / "facts.yaml").write_text(yaml.safe_dump(settings["facts"]), encoding="utf-8")
        settings["facts"] = "facts.yaml"
    given = config.parse(settings, folder / ".presslint.yaml")
    return build(rule, CHECKERS[code].options, given.settings())


def run(code: str, text: str | bytes) -> list[Diagnostic]:
    """The findings of one rule on its example ``text``, with the example's settings."""
    return check_document(document(text), [checker(code)])


def _param(code: str, index: int, example: object, kind: str, bugs: dict[tuple[str, int], str]) -> object:
    bug = bugs.get((code, index))
    marks = [pytest.mark.xfail(reason=bug, strict=True)] if bug else []
    return pytest.param(code, index, example, id=f"{code}-{kind}-{index}", marks=marks)


BAD = [_param(code, i, example, "bad", {}) for code, r in RULES.items() for i, example in enumerate(r.bad)]
BAD_SPANS = [_param(code, i, example, "bad", KNOWN_BUGS)
             for code, r in RULES.items() for i, example in enumerate(r.bad)]
GOOD = [_param(code, i, text, "good", {}) for code, r in RULES.items() for i, text in enumerate(r.good)]


def test_every_rule_has_bad_and_good_examples() -> None:
    for rule in RULES.values():
        assert rule.bad and rule.good, f"{rule.code} needs bad and good examples"
        assert rule.docs, f"{rule.code} needs docs"


def test_every_builtin_rule_says_since_when_and_what_it_finds() -> None:
    # Not defaulted in the pack schema: a default would be the running version, which a
    # rule added in 0.1.0 would claim to be new in after every release.
    for rule in RULES.values():
        assert rule.since, f"{rule.code} needs 'since': the version it appeared in"
        assert rule.summary, f"{rule.code} needs 'summary': its line in the README's tables"


def test_known_bugs_name_real_examples() -> None:
    for code, index in KNOWN_BUGS:
        assert index < len(RULES[code].bad), f"KNOWN_BUGS names a missing example {code}-{index}"


@pytest.mark.parametrize(("code", "index", "example"), BAD)
def test_bad_example_is_flagged(code: str, index: int, example: BadExample) -> None:
    found = run(code, example.text)
    assert found, f"{code} does not flag its bad example {example.text!r}"
    assert all(d.code == code for d in found)


@pytest.mark.parametrize(("code", "index", "example"), BAD_SPANS)
def test_bad_example_is_flagged_where_it_says(code: str, index: int, example: BadExample) -> None:
    doc = document(example.text)
    found = run(code, example.text)
    expected = [flagged.span(doc.text) for flagged in example.flagged]
    assert None not in expected, f"{code}-{index}: a flagged text is not in the decoded example"
    spans = [(d.span.start, d.span.end) for d in found]
    assert spans == expected, (
        f"{code}-{index} flags {[doc.text[s:e] for s, e in spans]!r} at {spans}, "
        f"its example says {[f.text for f in example.flagged]!r} at {expected}")


@pytest.mark.parametrize(("code", "index", "example"), BAD)
def test_bad_example_states_its_fix(code: str, index: int, example: BadExample, tmp_path: Path) -> None:
    """A rule that offers a fix states what it gives, and that is what --fix writes (unsafe
    fixes included); a rule that offers none states none."""
    fixable = any(d.fix for d in run(code, example.text))
    if not fixable:
        assert example.fixed is None, f"{code}-{index} states a fix but the rule offers none"
        return
    assert example.fixed is not None, f"{code}-{index}: the rule offers a fix; state its result in 'fixed'"
    path = tmp_path / "release.txt"
    path.write_bytes(_bytes(example.text))
    check_file(path, [checker(code)], fix=FixMode("write", unsafe=True))
    assert path.read_bytes() == _bytes(example.fixed)


@pytest.mark.parametrize(("code", "index", "text"), GOOD)
def test_good_example_is_not_flagged(code: str, index: int, text: str | bytes) -> None:
    found = run(code, text)
    assert not found, f"{code} flags its good example {text!r}: {[d.message for d in found]}"


# Only the bad examples whose findings carry a fix (many rules rightly offer none).
FIXABLE = [pytest.param(code, i, example, id=f"{code}-bad-{i}") for code, r in RULES.items()
           for i, example in enumerate(r.bad) if example.fixed is not None]


def test_fixable_examples_exist() -> None:
    assert {p.values[0] for p in FIXABLE} >= {"W101", "W104", "W111", "T101", "C103"}


@pytest.mark.parametrize(("code", "index", "example"), FIXABLE)
def test_fix_round_trip(code: str, index: int, example: BadExample, tmp_path: Path) -> None:
    """Apply the rule's fixes to a real file, re-check: nothing left from the rule; a
    second --fix changes nothing."""
    rule = [checker(code)]
    path = tmp_path / "release.txt"
    path.write_bytes(_bytes(example.text))
    first = check_file(path, rule, fix=FixMode("write", unsafe=True))
    assert first.error is None and first.fixed >= 1
    after = path.read_bytes()
    assert after != _bytes(example.text)
    assert check_file(path, rule).diagnostics == [], f"{code}: still flagged after --fix: {after!r}"
    second = check_file(path, rule, fix=FixMode("write", unsafe=True))
    assert second.fixed == 0 and path.read_bytes() == after


def _bytes(text: str | bytes) -> bytes:
    return text.encode("utf-8") if isinstance(text, str) else text
