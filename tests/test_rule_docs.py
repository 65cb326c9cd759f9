"""docs/rules/ and the README's tables of rules are generated from the packs: they must say
exactly what the packs say."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslint import check_text
from presslint.packs import load_pack
from presslint.rule import BadExample, Flagged
from presslint.rule_docs import example_notes, pages, visible, with_tables

from .conftest import ROOT, RULES

REGENERATE = "run: python -m presslint.rule_docs docs/rules"


def test_docs_pages_match_the_packs() -> None:
    folder = ROOT / "docs" / "rules"
    expected = pages()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.md")}
    assert sorted(on_disk) == sorted(expected), REGENERATE
    for name, text in expected.items():
        assert on_disk[name] == text, f"docs/rules/{name} is stale: {REGENERATE}"


def test_readme_tables_match_the_packs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert with_tables(readme) == readme, f"README.md's tables of rules are stale: {REGENERATE}"


def test_every_rule_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code, rule in RULES.items():
        assert f"| {code} | {rule.name} | {rule.summary.replace('|', chr(92) + '|')} |" in readme


def test_a_readme_without_a_family_table_is_refused() -> None:
    with pytest.raises(ValueError, match=r"README\.md has no table of the C rules"):
        with_tables("# README\n")


def test_every_rule_has_its_section_and_the_pages_lint_clean() -> None:
    rendered = pages()
    for code, rule in RULES.items():
        assert f"## {code} {rule.name}" in rendered[f"{rule.family}.md"]
        if rule.link:
            assert f"More: <{rule.link}>" in rendered[f"{rule.family}.md"]
    for name, text in rendered.items():
        assert check_text(text, path=name) == [], name


@pytest.mark.parametrize(("text", "shown"), [
    ("widgets.", "widgets."),
    ("widgets.\n", "widgets.⏎"),  # W103's flagged and allowed texts differ on the page
    ("a b", "a b"),
    ("a  b", "a··b"),
    ("today. \nNext", "today.·⏎Next"),
    ("  indented", "··indented"),
    ("tab\there\r\n", "tab→here␍⏎"),
    ("no\u00a0break, zero\u200bwidth, \u202eflip", "no⟨U+00A0⟩break, zero⟨U+200B⟩width, ⟨U+202E⟩flip"),
    ("café ’quote’", "café ’quote’"),
])
def test_invisible_characters_are_shown(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_every_flagged_and_allowed_example_differs_on_the_page() -> None:
    for code, rule in RULES.items():
        shown_good = {visible(t) for t in rule.good if isinstance(t, str)}
        for example in rule.bad:
            if isinstance(example.text, str):
                assert visible(example.text) not in shown_good, f"{code}: a flagged example looks allowed"
            if isinstance(example.fixed, str) and isinstance(example.text, str):
                assert visible(example.fixed) != visible(example.text), f"{code}: the fix looks like no change"


def test_example_notes_say_where_and_what_the_fix_gives() -> None:
    example = BadExample("a  b.\nc", (Flagged("  "), Flagged("", "c")), "a b.\nc\n")
    assert example_notes(example, repr) == ["flags '  ', the place after 'c'", "fixed: 'a b.\\nc\\n'"]
    assert example_notes(BadExample(b"\xe9", (Flagged(""),)), repr) == ["flags the whole file"]


def test_the_readme_example_pack_loads(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pack = tmp_path / "house.yaml"
    pack.write_text(readme.split("# style/house.yaml\n", 1)[1].split("```", 1)[0], encoding="utf-8")
    [rule] = load_pack(pack)
    assert rule.code == "P901" and rule.bad[0].flagged[0].text == "Synergy"


def test_the_settings_examples_run_with_are_shown() -> None:
    from click.testing import CliRunner

    from presslint.cli import cli

    result = CliRunner().invoke(cli, ["rule", "--no-config", "D109"])
    assert "The examples run with these settings in the configuration:\n  release-date: 2024-03-18\n" in result.stdout
    result = CliRunner().invoke(cli, ["rule", "--no-config", "D106"])
    assert "  facts: a file holding [{event: restructured agreement, date: 2025-10-28, " in result.stdout
    page = (ROOT / "docs" / "rules" / "T.md").read_text(encoding="utf-8")
    assert "The examples run with `vocabulary: {reject: [utilize, synergy]}` in the configuration." in page


def test_presslint_rule_shows_what_each_example_flags_and_its_fix() -> None:
    from click.testing import CliRunner

    from presslint.cli import cli

    result = CliRunner().invoke(cli, ["rule", "--no-config", "W103"])
    assert result.exit_code == 0
    assert "(warning, since 0.1.0)" in result.stdout and "More: https://en.wikipedia.org/wiki/Newline" in result.stdout
    assert "    flags the place after 'widgets.'\n" in result.stdout
    assert "    fixed: 'About Example Corp. Example Corp makes widgets.\\n'\n" in result.stdout
    result = CliRunner().invoke(cli, ["rule", "--no-config", "C103"])
    assert "    flags 'Youtube', 'Linkedin'\n" in result.stdout
