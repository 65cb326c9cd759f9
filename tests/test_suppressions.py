"""Suppression comments and per-file-ignores."""

from __future__ import annotations

from pathlib import Path

from presslint import check_text
from presslint.config import Config
from presslint.engine import check_document, load_checkers
from presslint.fix import apply_edits
from presslint.runner import check_files
from presslint.selection import select

from .conftest import document

MD = "release.md"


def codes(text: str, **config: object) -> list[tuple[str, int]]:
    found = check_text(text, path=MD, config=Config(**config))  # type: ignore[arg-type]
    return [(d.code, text.count("\n", 0, d.span.start) + 1) for d in found]


def test_disable_and_enable_a_range() -> None:
    text = ("One  two.\n<!-- presslint-disable W104 -->\nThree  four.\nFive  six.\n"
            "<!-- presslint-enable -->\nSeven  eight.\n")
    assert codes(text) == [("W104", 1), ("W104", 6)]


def test_disable_next_line_by_name_or_prefix() -> None:
    text = ("<!-- presslint-disable-next-line doubled-space -->\nOne  two.\n"
            "<!-- presslint-disable-next-line W1 -->\nA  b.\nC  d.\n")
    assert codes(text) == [("W104", 5)]


def test_disable_everything_to_the_end() -> None:
    assert codes("Fine.\n<!-- presslint-disable -->\nOne  two. \n") == []


def test_a_suppression_that_silences_nothing_is_reported_and_fixable() -> None:
    text = "Clean.\n<!-- presslint-disable-next-line W104 -->\nAlso clean.\n"
    found = check_text(text, path=MD)
    assert [(d.code, d.message) for d in found] == [
        ("P001", "this suppression (W104) silences nothing; remove it")]
    assert found[0].fix is not None
    edit = found[0].fix.edits[0]
    assert text[:edit.span.start] + text[edit.span.end:] == "Clean.\nAlso clean.\n"


def test_an_unused_disable_goes_with_its_enable_in_one_fix() -> None:
    text = ("Clean.\n<!-- presslint-disable W104 -->\nAlso clean.\n"
            "<!-- presslint-enable W104 -->\nEnd.\n")
    [found] = check_text(text, path=MD)
    assert found.code == "P001" and found.fix is not None
    assert found.fix.message == "remove the comment and the presslint-enable that ends its range"
    assert apply_edits(text, found.fix.edits)[0] == "Clean.\nAlso clean.\nEnd.\n"


def test_an_enable_that_ends_several_ranges_stays() -> None:
    # The used disable of W104 needs the enable that also ends the unused one of W101.
    text = ("<!-- presslint-disable W101 -->\n<!-- presslint-disable W104 -->\nOne  two.\n"
            "<!-- presslint-enable -->\nEnd.\n")
    [found] = check_text(text, path=MD)
    assert found.code == "P001" and found.fix is not None and found.fix.message == "remove the comment"
    assert apply_edits(text, found.fix.edits)[0] == text.replace("<!-- presslint-disable W101 -->\n", "")


def test_unused_suppression_of_a_rule_that_did_not_run_is_not_judged() -> None:
    text = "Clean.\n<!-- presslint-disable-next-line W104 -->\nAlso clean.\n"
    assert codes(text, select=("W101", "P001")) == []


def test_a_suppression_of_every_rule_that_silences_nothing_is_reported_even_alone() -> None:
    text = "Clean.\n<!-- presslint-disable -->\nAlso clean.\n"
    found = check_text(text, path=MD, config=Config(select=("P001",)))
    assert [(d.code, d.message) for d in found] == [
        ("P001", "this suppression (all rules) silences nothing; remove it")]
    assert codes("One  two.\n<!-- presslint-disable-next-line P001 -->\nClean.\n", select=("P001",)) == []


def test_a_suppression_is_judged_afresh_each_time_its_document_is_checked() -> None:
    doc = document("<!-- presslint-disable-next-line W1 -->\nOne  two.\n", MD)
    config = Config()
    checkers = select(load_checkers(config), config)
    for _ in range(2):
        assert [d.code for d in check_document(doc, checkers)] == []
    # Without W104 the comment silences nothing of the W1 rules that ran (it was used before).
    assert [d.code for d in check_document(doc, [c for c in checkers if c.rule.code != "W104"])] == ["P001"]


def test_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / "legal").mkdir()
    for name in ("a.txt", "legal/b.txt"):
        (tmp_path / name).write_text("One  two. \n", encoding="utf-8")
    config = Config(per_file_ignores={"legal/*": ("W104",), "*.txt": ("trailing-whitespace",)})
    rules = select(load_checkers(config), config)
    results = list(check_files(sorted(tmp_path.rglob("*.txt")), rules, config, jobs=1))
    assert [[d.code for d in r.diagnostics] for r in results] == [["W104"], []]


def test_a_suppression_shown_in_a_code_block_is_only_an_example() -> None:
    text = "Intro.\n\n```markdown\n<!-- presslint-disable W104 -->\n```\n\nOne  two.\n"
    assert codes(text) == [("W104", 7)]


def test_a_mistyped_directive_is_p002_and_silences_nothing() -> None:
    text = "<!-- presslint-disable-nextline W104 -->\nTwo  spaces.\nMore  spaces.\n"
    assert codes(text, select=("W104", "P")) == [("P002", 1), ("W104", 2), ("W104", 3)]
    text = "<!-- presslint-disabel W104 -->\nTwo  spaces.\n"
    found = check_text(text, path=MD, config=Config(select=("W104", "P")))
    assert [d.code for d in found] == ["P002", "W104"]
    assert "presslint-disabel" in found[0].message and "did you mean presslint-disable?" in found[0].message


def test_a_directive_with_a_bad_code_list_is_p002() -> None:
    text = "<!-- presslint-disable-next-line W104; T -->\nTwo  spaces.\n"
    assert codes(text, select=("W104", "P")) == [("P002", 1), ("W104", 2)]


def test_a_code_no_rule_has_is_p002_and_a_known_code_that_did_not_run_is_not() -> None:
    text = "<!-- presslint-disable-next-line W1O4 -->\nA line.\n<!-- presslint-disable-next-line C105 -->\nB.\n"
    found = check_text(text, path=MD, config=Config(select=("W", "P")))
    assert [(d.code, d.message) for d in found] == [
        ("P002", "this suppression names 'W1O4', which is no rule's code, prefix or name")]


def test_a_directive_shown_as_code_and_prose_about_presslint_are_left_alone() -> None:
    text = "Use `presslint` with `<!-- presslint-disable -->`.\n\n```\n<!-- presslint-disabel -->\n```\n"
    assert codes(text, select=("P",)) == []
