"""The Press-release conventions rules P101-P106 (placeholders, quotation marks and
apostrophes, unattributed quotations, jargon) at their edges, and the presets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslint import check_text
from presslint.cli import cli
from presslint.config import Config, parse
from presslint.diagnostic import Diagnostic
from presslint.errors import ConfigError
from presslint.presets import PRESETS, apply, table

ROOT = Path(__file__).resolve().parents[1]


def found(code: str, text: str, path: str = "release.txt", **options: object) -> list[Diagnostic]:
    config = Config(select=(code,), rule_options={code: dict(options)} if options else {})
    return [d for d in check_text(text, path, config) if d.code == code]


def flagged(code: str, text: str, path: str = "release.txt", **options: object) -> list[str]:
    return [text[d.span.start:d.span.end] for d in found(code, text, path, **options)]


# -- P101 placeholder ---------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Revenue grew TKTK percent.\n", ["TKTK"]),
    ("[INSERT BOILERPLATE HERE]\n", ["[INSERT BOILERPLATE HERE]"]),
    ("[Insert quote from partner]\n", ["[Insert quote from partner]"]),
    ("Contact [Your Name] at [Phone Number].\n", ["[Your Name]", "[Phone Number]"]),
    ("AUSTIN, [City, State] -- Acme grew.\n", ["[City, State]"]),
    ("[SPOKESPERSON NAME] said the plant opens.\n", ["[SPOKESPERSON NAME]"]),
    ("Shares (NYSE: XXX) rose XX percent to $XX.X billion in 20XX.\n", ["XXX", "XX", "$XX.X", "20XX"]),
    ("Hello {{ customer.name }}, welcome.\n", ["{{ customer.name }}"]),
    ("Launch date: ?? (check with Sam).\n", ["??"]),
    ("INSERT QUOTE HERE\n", ["INSERT QUOTE HERE"]),
])
def test_placeholders_are_found(text: str, expected: list[str]) -> None:
    assert flagged("P101", text) == expected


@pytest.mark.parametrize("text", [
    "TKO Boxing and UTK students met in Knoxville.\n",  # inside a word
    "Teekay Corporation (NYSE: TK) and Nasdaq: TK.\n",  # a ticker
    "Offerings include PreK, TK, kindergarten and after-school care.\n",  # transitional kindergarten
    "TK Maxx opened a store; TBC Corporation and TBC’s council met.\n",  # names
    "Test drives include BMW (model TBA) and the venue is TBD.\n",  # meant
    "Read [Company Name](https://example.com) and [Media Contact][1].\n",  # link text
    "Super Bowl XX and XXL shirts.\n",  # Roman numerals, sizes
    "Why?? Because we could.\n",  # punctuation after a word
    "In code, `@@` and `TK` are fine.\n",
])
def test_look_alikes_are_left_alone(text: str) -> None:
    path = "release.md" if "](" in text or "`" in text else "release.txt"
    assert flagged("P101", text, path) == []


def test_placeholder_in_markdown_code_is_not_prose() -> None:
    assert flagged("P101", "Use `[INSERT QUOTE]` in the template:\n\n```\nTK TBD\n```\n", "release.md") == []


# -- P102 unbalanced-quotes ------------------------------------------------------------------

def test_quotation_marks_in_code_and_attributes_are_not_read() -> None:
    assert found("P102", 'Set `title="x` in the tag.\n', "release.md") == []
    assert found("P102", '<p title="a">Sales rose <b class="x">5%</b>.</p>\n', "release.html") == []


def test_an_entity_quote_is_found_where_it_is_written() -> None:
    text = "<p>&ldquo;We grew, said Jane Doe.</p>\n"
    assert flagged("P102", text, "release.html") == ["&ldquo;"]


def test_a_quotation_going_on_into_the_next_paragraph_is_not_flagged_but_one_that_stops_is() -> None:
    going_on = "“First part of a long quotation.\n\n“Second part,” said Jane Doe.\n"
    assert found("P102", going_on) == []
    stopping = "“First part of a long quotation.\n\nThe plant opens in May.\n"
    assert flagged("P102", stopping) == ["“"]


def test_a_quotation_broken_by_a_paragraph_break_in_mid_sentence_is_read_on() -> None:
    assert found("P102", "“What I love about D1\n\nTraining is that it brings families together.”\n") == []


def test_paragraphs_joined_by_two_spaces_on_one_line() -> None:
    text = '"We grew," said Jane Doe. "We will hire.  "We will also build," she added.\n'
    assert found("P102", text) == []
    text = '"We grew," said Jane Doe. "We will hire. Then we build," she added. "More\n'
    assert flagged("P102", text) == ['"']


def test_nested_curly_quotations_and_inch_signs() -> None:
    assert found("P102", "“Boulder “shows up” for each other,” said Scott. The 55” screens work.\n") == []


def test_mark_typed_after_its_space_is_one_finding() -> None:
    text = 'Miller stated," I am looking forward to racing." The season starts.\n'
    assert found("P102", text) == []  # an even number of straight marks pairs up
    text = 'Miller stated,” I am looking forward to racing.” The season starts.\n'
    assert [d.message for d in found("P102", text)] == ["'”' closes a quotation that never opened"]


def test_closing_mark_before_a_word_is_the_wrong_shape_and_opens() -> None:
    text = "“We are ready,” said Whalen.”This matters for the first time.”\n"
    assert [d.message for d in found("P102", text)] == ["'”' is the wrong way round here: '“' belongs"]


@pytest.mark.parametrize("text", [
    "Join ‘Ohana Rewards at Bad Ass Coffee of Hawaii.\n",  # the ʻokina
    "Fort Worth Inc.‘s Best Companies list.\n",  # a wrong apostrophe (T's, not a quotation)
    "‘UNDETERMINED:’ the examiners said.\n",
    "The ‘90s and rock ‘n’ roll.\n",
])
def test_single_curly_marks_that_are_no_open_quotation(text: str) -> None:
    assert found("P102", text) == []


# -- P103 mixed-apostrophes, P104 mixed-quotation-marks ------------------------------------

def test_apostrophes_majority_decides_and_a_tie_goes_curly() -> None:
    assert flagged("P103", "Acme's plant and Acme's staff; it’s new.\n") == ["’"]
    tie = found("P103", "Acme's plant; it’s new.\n")
    assert [d.fix.edits[0].replacement for d in tie if d.fix] == ["’"]
    assert "(’, 1 time)" in tie[0].message.replace("'", "")


def test_apostrophes_in_code_or_at_word_edges_do_not_count() -> None:
    assert found("P103", "It’s new: `don't` is code.\n", "release.md") == []
    assert found("P103", "Partners' plans: it’s new.\n") == []


def test_quotation_marks_fix_follows_each_marks_place() -> None:
    text = "“A,” she said. “B,” he said. \"C\" and the 12\" pipe.\n"
    fixes = [d.fix.edits[0].replacement for d in found("P104", text) if d.fix]
    assert fixes == ["“", "”"]  # the inch sign is no quotation mark
    assert found("P104", '"A," she said. "B," he said. “C”\n')[0].fix.edits[0].replacement == '"'  # type: ignore[union-attr]


# -- P105 unattributed-quote ---------------------------------------------------------------

QUOTE = "“We are thrilled to bring these jobs to the valley and its families.”"


def test_attribution_by_verb_colon_dash_or_the_previous_paragraph() -> None:
    assert found("P105", f"Acme grew.\n\n{QUOTE}\n")
    assert not found("P105", f"{QUOTE} according to Jane Doe.\n")
    assert not found("P105", f"Jane Doe: {QUOTE}\n")
    assert not found("P105", f"{QUOTE} — Jane Doe, CEO\n")
    assert not found("P105", f"Jane Doe, CEO, put it this way:\n\n{QUOTE}\n")


def test_titles_fragments_and_short_quotes_are_no_quotations() -> None:
    assert not found("P105", "The session is titled “How Small Teams Win Big Deals in Crowded Markets.”\n\nMore.\n")
    assert not found("P105", "Acme grew.\n\nIt was “the gift you hope they will never need but will be glad of.”\n")
    assert not found("P105", "Acme grew.\n\n“We grew.”\n")
    assert not found("P105", f"Acme grew.\n\n# {QUOTE}\n\nMore.\n", "release.md")  # a heading
    assert found("P105", f"Acme grew.\n\n{QUOTE}\n\nMore.\n", "release.md")


def test_verbs_options() -> None:
    text = f"Acme grew.\n\n{QUOTE} Jane Doe enthused.\n"
    assert found("P105", text)
    assert not found("P105", text, **{"extend-verbs": ["enthused"]})
    assert found("P105", f"{QUOTE} said Jane Doe.\n", verbs=["whispered"])
    with pytest.raises(ConfigError, match="min-words"):
        found("P105", text, **{"min-words": 0})


# -- P106 jargon ----------------------------------------------------------------------------

def test_jargon_words_phrases_and_extension() -> None:
    text = "A Next Generation, best in class platform; innovatively built. Our secret sauce.\n"
    assert flagged("P106", text) == ["Next Generation", "best in class"]
    assert flagged("P106", text, **{"extend-words": ["secret sauce"]})[-1] == "secret sauce"
    assert flagged("P106", text, words=["platform"]) == ["platform"]
    with pytest.raises(ConfigError, match="at least one word"):
        found("P106", text, words=[" "])


def test_jargon_is_counted_per_rule_with_statistics(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".presslint.yaml").write_text("preset: press\n", encoding="utf-8")
    (tmp_path / "r.txt").write_text("Innovative, robust and seamless.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "r.txt", "--statistics"])
    assert re.search(r"^\s+3\s+P106\s+jargon$", result.stdout, re.M), result.stdout


# -- presets ---------------------------------------------------------------------------------

def test_presets_select_rules_beneath_the_files_keys(tmp_path: Path) -> None:
    where = tmp_path / ".presslint.yaml"
    assert parse({}, where).extend_select == ()
    config = parse({"preset": "press", "extend-select": ["W104"], "rule-options": {"P106": {"words": ["x"]}}}, where)
    assert config.preset == "press"
    assert config.extend_select == (*PRESETS["press"]["extend-select"], "W104")
    assert {"jargon", "unattributed-quote"} <= set(config.extend_select)
    assert config.rule_options == {"P106": {"words": ["x"]}}
    with pytest.raises(ConfigError, match="'preset' must be one of default, press, ap"):
        parse({"preset": "loud"}, where)


def test_apply_merges_rule_options_per_option() -> None:
    PRESETS["test-only"] = {"rule-options": {"P105": {"min-words": 5, "verbs": ["said"]}}, "fail-on": "error"}
    try:
        merged = apply("test-only", {"preset": "test-only", "rule-options": {"P105": {"min-words": 9}},
                                     "fail-on": "warning"})
    finally:
        del PRESETS["test-only"]
    assert merged == {"rule-options": {"P105": {"min-words": 9, "verbs": ["said"]}}, "fail-on": "warning"}


def test_every_preset_names_real_rules_and_the_readme_shows_them() -> None:
    from presslint.engine import load_checkers

    names = {c.rule.name for c in load_checkers(Config())} | {c.rule.code for c in load_checkers(Config())}
    for preset in PRESETS.values():
        assert set(preset.get("extend-select", ())) <= names
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert table() in readme, "README's presets table is stale: python -m presslint.presets"


def test_the_example_release_triggers_each_rule() -> None:
    text = (ROOT / "examples" / "conventions-release.md").read_text(encoding="utf-8")
    codes = {d.code for d in check_text(text, "conventions-release.md", Config(select=("P1",),
                                                                               extend_select=("P105", "P106")))}
    assert {"P101", "P102", "P103", "P104", "P105", "P106"} <= codes


def test_the_ap_preset_sets_ap_datelines_and_numerals(tmp_path: Path) -> None:
    config = parse({"preset": "ap"}, tmp_path / ".presslint.yaml")
    assert config.dateline_style == "ap"
    assert {"ap-numerals", "missing-end-mark", "jargon"} <= set(config.extend_select)
    assert parse({"preset": "ap", "dateline-style": "wire"}, tmp_path / ".presslint.yaml").dateline_style == "wire"
