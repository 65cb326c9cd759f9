"""Pack and config validation: every mistake is one line naming the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslint import config as config_module
from presslint.config import Config, ConfigError
from presslint.engine import SelectionError, load_rules, select
from presslint.packs import PackError, builtin_packs, load_pack, load_packs

GOOD_RULE = """\
rules:
  - code: P901
    name: no-synergy
    kind: pattern
    severity: warning
    message: "'{found}' is jargon"
    docs: Jargon.
    options:
      pattern: "\\\\bsynerg(?:y|ies)\\\\b"
      ignore-case: true
    examples:
      bad: ["Synergy drives us."]
      good: ["Teamwork drives us."]
"""


def write(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_pack_adds_a_working_rule(tmp_path: Path) -> None:
    pack = write(tmp_path, GOOD_RULE)
    cfg = Config(rules=(pack,))
    rules = select(load_rules(cfg), cfg)
    assert "P901" in {r.code for r in rules}
    from presslint import check_text

    found = check_text("Our synergies are real.\n", config=Config(rules=(pack,), select=("P901",)))
    assert [(d.code, d.message) for d in found] == [("P901", "'synergies' is jargon")]


@pytest.mark.parametrize(("change", "message"), [
    (("    kind: pattern\n", "    kind: patern\n"), "unknown kind 'patern'"),
    (("    severity: warning\n", "    severity: fatal\n"), "severity must be one of"),
    (("- code: P901\n", "- code: X12\n"), "code 'X12' must be"),
    (("    name: no-synergy\n", "    name: No_Synergy\n"), "must be kebab-case"),
    (("    docs: Jargon.\n", "    docs: Jargon.\n    colour: red\n"), "unknown key 'colour'"),
    (("      good: [\"Teamwork drives us.\"]\n", "      good: []\n"), "'examples.good' must be a non-empty list"),
    (("\\\\bsynerg(?:y|ies)\\\\b", "(unclosed"), "pattern does not compile"),
    (("      ignore-case: true\n", "      ignore-case: yes please\n"), "'ignore-case' must be true or false"),
    (("      ignore-case: true\n", "      ignore_case: true\n"), "unknown option 'ignore_case'"),
    (("'{found}' is jargon", "'{word}' is jargon"), "'word' in a template"),
    (("    kind: pattern\n", ""), "no 'kind', and its name is not one: unknown kind 'no-synergy'"),
    (("synerg(?:y|ies)", "(?P<title>synerg(?:y|ies))"), "the group name 'title' is taken"),
])
def test_pack_mistakes_are_reported_with_file_and_line(tmp_path: Path, change: tuple[str, str],
                                                        message: str) -> None:
    assert_refused(tmp_path, GOOD_RULE, change, message)


def assert_refused(tmp_path: Path, pack_text: str, change: tuple[str, str], message: str) -> None:
    """``pack_text`` with ``change`` made is refused with ``message``, at its rule's line."""
    assert change[0] in pack_text
    pack = write(tmp_path, pack_text.replace(*change))
    with pytest.raises(PackError) as error:
        load_rules(Config(rules=(pack,)))
    assert str(error.value).startswith(f"{pack}:2: ")
    assert message in str(error.value)


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    pack = write(tmp_path, "rules:\n  - code: P901\n    name: [unclosed\n")
    with pytest.raises(PackError, match=r"pack.yaml:\d+: invalid YAML"):
        load_pack(pack)


def test_duplicate_codes_and_names_are_refused(tmp_path: Path) -> None:
    first = write(tmp_path, GOOD_RULE, "a.yaml")
    second = write(tmp_path, GOOD_RULE.replace("no-synergy", "other-name"), "b.yaml")
    with pytest.raises(PackError, match=r"'P901' is already defined at .*a\.yaml:2"):
        load_packs([first, second])
    third = write(tmp_path, GOOD_RULE.replace("P901", "P902"), "c.yaml")
    with pytest.raises(PackError, match="'no-synergy' is already defined"):
        load_packs([first, third])


def test_duplicate_keys_in_yaml_are_refused(tmp_path: Path) -> None:
    pack = write(tmp_path, GOOD_RULE.replace("    docs: Jargon.\n", "    docs: Jargon.\n    docs: Again.\n"))
    with pytest.raises(PackError, match="duplicate key 'docs'"):
        load_pack(pack)


def test_yaml_tags_that_run_code_are_refused(tmp_path: Path) -> None:
    pack = write(tmp_path, "rules: !!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(PackError, match="invalid YAML"):
        load_pack(pack)


def test_selection_by_code_prefix_name_and_ignore() -> None:
    rules = load_rules(Config())
    codes = lambda cfg: {r.code for r in select(rules, cfg)}  # noqa: E731
    assert codes(Config(select=("W101",))) == {"W101"}
    assert codes(Config(select=("trailing-whitespace", "W11"))) >= {"W101", "W110", "W111"}
    assert "W101" not in codes(Config(ignore=("W101",)))
    assert codes(Config(select=("W1",), ignore=("W10",))) == {c for c in codes(Config()) if c.startswith("W11")}
    with pytest.raises(SelectionError, match="unknown rule code, prefix or name: 'W999'"):
        select(rules, Config(select=("W999",)))


def test_config_is_found_upwards_and_validated(tmp_path: Path) -> None:
    (tmp_path / ".presslint.yaml").write_text("select: [W101]\nrule-options:\n  W105: {sentence-spacing: two}\n")
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    found = config_module.discover(nested)
    assert found.select == ("W101",) and found.rule_options == {"W105": {"sentence-spacing": "two"}}


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.presslint]\nignore = ["W105"]\nrelease-date = 2024-03-18\n')
    found = config_module.discover(tmp_path)
    assert found.ignore == ("W105",) and str(found.release_date) == "2024-03-18"


@pytest.mark.parametrize(("text", "message"), [
    ("selct: [W101]\n", "unknown key 'selct'"),
    ("select: W101\n", "'select' must be a list"),
    ("output-format: xml\n", "'output-format' must be"),
    ("release-date: tomorrow\n", "'release-date' must be a date"),
    ("- just\n- a list\n", "must be a mapping"),
])
def test_config_mistakes_name_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text, ".presslint.yaml")
    with pytest.raises(ConfigError) as error:
        config_module.load(path)
    assert str(error.value).startswith(str(path)) and message in str(error.value)


def test_rule_options_must_name_a_rule_and_valid_options() -> None:
    with pytest.raises(PackError, match="rule-options names no rule: 'W999'"):
        load_rules(Config(rule_options={"W999": {}}))
    with pytest.raises(PackError, match="must be one of one, two, any"):
        load_rules(Config(rule_options={"sentence-spacing": {"sentence-spacing": "three"}}))


def test_kind_names_are_written_once() -> None:
    """A kind that serves one built-in rule is named as the rule, whose entry then needs
    no ``kind:``; only kinds that serve several rules (or a team's rules) are named apart."""
    from presslint.kinds import REGISTRY

    rules = load_packs(builtin_packs())
    served: dict[str, list[str]] = {}
    for rule in rules:
        served.setdefault(rule.kind, []).append(rule.name)
    assert set(served) <= set(REGISTRY)
    generic = {"pattern", "term"}  # written for teams' rules too
    named_apart = {kind for kind, names in served.items() if names != [kind]}
    assert named_apart - generic == {"homophone", "special-character"}
    assert set(REGISTRY) - set(served) == set()


HOUSE_SPACING = """\
rules:
  - code: W901
    name: house-sentence-spacing
    kind: sentence-spacing
    severity: warning
    message: "{count} {count|space|spaces} after a full stop; we use one"
    messages: {two-spaces: "one space after a full stop; we use two"}
    fix: {title: one space, titles: {two-spaces: two spaces}, safety: safe}
    docs: Our spacing after a sentence.
    examples: {bad: ["It rained.  Then it stopped.\\n"], good: ["It rained. Then it stopped.\\n"]}
"""


def test_a_team_pack_words_a_built_in_kind_its_own_way(tmp_path: Path) -> None:
    from presslint import check_text

    pack = write(tmp_path, HOUSE_SPACING)
    found = check_text("It rained.  Then it stopped.\n", config=Config(rules=(pack,), select=("W901",)))
    assert [(d.code, d.message) for d in found] == [("W901", "2 spaces after a full stop; we use one")]
    assert found[0].fix is not None and (found[0].fix.message, found[0].fix.safe) == ("one space", True)
    two = Config(rules=(pack,), select=("W901",), rule_options={"W901": {"sentence-spacing": "two"}})
    found = check_text("It rained. Then it stopped.\n", config=two)
    assert [d.message for d in found] == ["one space after a full stop; we use two"]
    assert found[0].fix is not None and found[0].fix.message == "two spaces"


@pytest.mark.parametrize(("change", "message"), [
    (("    messages: {two-spaces: \"one space after a full stop; we use two\"}\n", ""),
     "kind 'sentence-spacing' prints messages.two-spaces, which the rule lacks"),
    (("{two-spaces: \"one", "{two-space: \"one"),
     "messages.two-space: kind 'sentence-spacing' never prints it (its messages: two-spaces)"),
    (("titles: {two-spaces: two spaces}, ", ""), "prints fix.titles.two-spaces, which the rule lacks"),
    (("    fix: {title: one space, titles: {two-spaces: two spaces}, safety: safe}\n", ""),
     "kind 'sentence-spacing' fixes what it finds: the rule needs 'fix: {title: ..., safety: safe or unsafe}'"),
    (("safety: safe}", "safety: maybe}"), "'fix.safety' must be safe or unsafe, not 'maybe'"),
    (("safety: safe}", "safe: true}"), "'fix' must be a mapping with 'title', 'safety'"),
    (("{count|space|spaces}", "{count|spaces}"), "message is not a valid template: '{count|spaces}' must be"),
    (("{count} {count", "{count {count"), "message is not a valid template"),
    (("    kind: sentence-spacing\n", "    kind: not-utf8\n"), "kind 'not-utf8' has no fix"),
])
def test_a_rule_has_the_messages_and_fix_its_kind_prints(tmp_path: Path, change: tuple[str, str],
                                                          message: str) -> None:
    assert_refused(tmp_path, HOUSE_SPACING, change, message)


def test_a_template_picks_the_noun_that_agrees_with_its_count() -> None:
    from presslint.rule import Template

    template = Template.parse("{n} {n|line|lines} left, {n!r}")
    assert template.fields == {"n"}
    assert [template.format({"n": n}) for n in (0, 1, 2)] == ["0 lines left, 0", "1 line left, 1", "2 lines left, 2"]
