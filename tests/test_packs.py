"""Pack and config validation: every mistake is one line naming the file and line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from presslint import config as config_module
from presslint.config import Config
from presslint.engine import load_checkers
from presslint.errors import ConfigError, PackError, SelectionError, UserError
from presslint.packs import builtin_packs, load_pack, load_packs
from presslint.selection import select

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
      bad: [{text: "Synergy drives us.", flagged: Synergy}]
      good: ["Teamwork drives us."]
"""


def write(tmp_path: Path, text: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_user_pack_adds_a_working_rule(tmp_path: Path) -> None:
    pack = write(tmp_path, GOOD_RULE)
    cfg = Config(rules=(pack,))
    rules = select(load_checkers(cfg), cfg)
    assert "P901" in {c.rule.code for c in rules}
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
        load_checkers(Config(rules=(pack,)))
    assert str(error.value).startswith(f"{pack}:2: ")
    assert message in str(error.value)


@pytest.mark.parametrize(("bad", "message"), [
    ('"Synergy drives us."', "a bad example is a mapping"),
    ('{text: "Synergy drives us."}', "needs 'flagged'"),
    ('{text: "Synergy drives us.", flagged: Teamwork}', "flagged text 'Teamwork' is not in the example"),
    ('{text: "Synergy, synergy.", flagged: ynergy}', "occurs more than once in the example: say which with 'after'"),
    ('{text: "Synergy.", flagged: {text: ynergy, before: S}}', "a string or a mapping {text: ..., after: ...}"),
    ('{text: "Synergy.", flagged: Synergy, fixed: [x]}', "'fixed' must be a string"),
    ('{text: "Synergy.", flagged: Synergy, fix: "x"}', "unknown key 'fix' in a bad example"),
    ('{text: "Synergy.", flagged: []}', "must name at least one finding"),
])
def test_bad_example_mistakes_name_the_example_line(tmp_path: Path, bad: str, message: str) -> None:
    pack = write(tmp_path, GOOD_RULE.replace('      bad: [{text: "Synergy drives us.", flagged: Synergy}]\n',
                                             f"      bad:\n        - dummy\n        - {bad}\n".replace(
                                                 "- dummy", '- {text: "Synergy.", flagged: Synergy}')))
    with pytest.raises(PackError) as error:
        load_pack(pack)
    line = 14 if bad.startswith("{") else 2  # the example's own line; a plain string has none: the rule's
    assert str(error.value).startswith(f"{pack}:{line}: "), str(error.value)
    assert message in str(error.value)


@pytest.mark.parametrize(("settings", "message"), [
    ("[release-date]", "'examples.settings' must be a mapping"),
    ("{select: [D]}", "'select' is not a setting examples may take"),
    ("{release-date: soon}", "examples.settings: 'release-date' must be a date, YYYY-MM-DD, not 'soon'"),
    ("{vocabulary: {refuse: [x]}}", "examples.settings: 'vocabulary' must be a mapping"),
    ("{facts: [{event: founded}]}", "examples.settings: fact 1: give either 'date'"),
])
def test_example_settings_are_checked_as_the_configuration_is(tmp_path: Path, settings: str, message: str) -> None:
    pack = write(tmp_path, GOOD_RULE.replace("    examples:\n", f"    examples:\n      settings: {settings}\n"))
    with pytest.raises(PackError) as error:
        # Keys and the fact sheet are the pack's to check; values the configuration's, which
        # the engine asks when it builds the rule: the same error, at the same line.
        load_checkers(Config(rules=(pack,)))
    # The settings' own line (a mapping knows it), else the rule's.
    line = 12 if settings.startswith("{") else 2
    assert str(error.value).startswith(f"{pack}:{line}: "), str(error.value)
    assert message in str(error.value)


def test_example_settings_are_kept_as_plain_data(tmp_path: Path) -> None:
    pack = write(tmp_path, GOOD_RULE.replace("    examples:\n", "    examples:\n      settings:\n"
                                             "        release-date: 2024-03-18\n"
                                             "        facts: [{event: founded, year: 1975}]\n"))
    [rule] = load_pack(pack)
    assert rule.example_settings == {"release-date": date(2024, 3, 18), "facts": [{"event": "founded", "year": 1975}]}
    assert type(rule.example_settings["facts"][0]) is dict  # no YAML line bookkeeping


def test_a_flagged_text_located_by_what_comes_before_it(tmp_path: Path) -> None:
    pack = write(tmp_path, GOOD_RULE.replace(
        'bad: [{text: "Synergy drives us.", flagged: Synergy}]',
        'bad: [{text: "Synergy, synergy.", flagged: [{text: synergy, after: ", "}], fixed: "x"}]'))
    [rule] = load_pack(pack)
    [flagged] = rule.bad[0].flagged
    assert flagged.span("Synergy, synergy.") == (9, 16) and rule.bad[0].fixed == "x"


@pytest.mark.parametrize(("line", "message"), [
    ('    since: "0.1"\n', "'since' must be a version like"),
    ("    since: 0.1\n", "'since' must be a non-empty string"),
    ("    link: www.example.com\n", "'link' must be an http(s) URL"),
    ("    summary: ''\n", "'summary' must be a non-empty string"),
])
def test_docs_fields_are_checked(tmp_path: Path, line: str, message: str) -> None:
    assert_refused(tmp_path, GOOD_RULE, ("    examples:\n", line + "    examples:\n"), message)


def test_docs_fields_are_read(tmp_path: Path) -> None:
    pack = write(tmp_path, GOOD_RULE.replace("    examples:\n", '    since: "1.2.0"\n    link: https://example.com/x\n'
                                                                  "    summary: no synergy\n    examples:\n"))
    [rule] = load_pack(pack)
    assert (rule.since, rule.link, rule.summary) == ("1.2.0", "https://example.com/x", "no synergy")


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    pack = write(tmp_path, "rules:\n  - code: P901\n    name: [unclosed\n")
    with pytest.raises(PackError, match=r"pack.yaml:\d+: invalid YAML"):
        load_pack(pack)


def test_duplicate_codes_and_names_are_refused(tmp_path: Path) -> None:
    first = write(tmp_path, GOOD_RULE, "a.yaml")
    second = write(tmp_path, GOOD_RULE.replace("no-synergy", "other-name"), "b.yaml")
    with pytest.raises(PackError, match=r"'P901' is already defined at .*a\.yaml:2"):
        load_packs([*builtin_packs(), first, second])
    third = write(tmp_path, GOOD_RULE.replace("P901", "P902"), "c.yaml")
    with pytest.raises(PackError, match="'no-synergy' is already defined"):
        load_packs([*builtin_packs(), first, third])


def test_duplicate_keys_in_yaml_are_refused(tmp_path: Path) -> None:
    pack = write(tmp_path, GOOD_RULE.replace("    docs: Jargon.\n", "    docs: Jargon.\n    docs: Again.\n"))
    with pytest.raises(PackError, match="duplicate key 'docs'"):
        load_pack(pack)


def test_yaml_tags_that_run_code_are_refused(tmp_path: Path) -> None:
    pack = write(tmp_path, "rules: !!python/object/apply:os.system ['echo pwned']\n")
    with pytest.raises(PackError, match="invalid YAML"):
        load_pack(pack)


def test_selection_by_code_prefix_name_and_ignore() -> None:
    rules = load_checkers(Config())
    codes = lambda cfg: {c.rule.code for c in select(rules, cfg)}  # noqa: E731
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
    with pytest.raises(ConfigError, match="rule-options names no rule: 'W999'"):
        load_checkers(Config(rule_options={"W999": {}}))
    with pytest.raises(ConfigError, match="must be one of one, two, any"):
        load_checkers(Config(rule_options={"sentence-spacing": {"sentence-spacing": "three"}}))



def test_config_mistakes_are_reported_at_the_keys_line(tmp_path: Path) -> None:
    path = write(tmp_path, "select: [W101]\n\nrelease-date: tomorrow\n", ".presslint.yaml")
    with pytest.raises(ConfigError, match=r"\.presslint\.yaml:3: 'release-date' must be a date"):
        config_module.load(path)
    path = write(tmp_path, "select: [W101]\ncolour: red\n", ".presslint.yaml")
    with pytest.raises(ConfigError, match=r"\.presslint\.yaml:2: unknown key 'colour'"):
        config_module.load(path)


def test_bad_rule_options_blame_the_config_at_their_line(tmp_path: Path) -> None:
    # The bundled pack is right; the user's value is not: the error names the user's file.
    path = write(tmp_path, "select: [W]\nrule-options:\n  W104: {}\n  W105: {sentence-spacing: three}\n",
                 ".presslint.yaml")
    with pytest.raises(ConfigError) as error:
        load_checkers(config_module.load(path))
    assert str(error.value).startswith(f"{path}:4: rule W105: option 'sentence-spacing' must be one of")
    path = write(tmp_path, "rule-options:\n  W105: {}\n  W999: {}\n", ".presslint.yaml")
    with pytest.raises(ConfigError, match=r"\.presslint\.yaml:3: rule-options names no rule: 'W999'"):
        load_checkers(config_module.load(path))
    # A user's pack that is wrong by itself is still the pack's fault, overrides or not.
    pack = write(tmp_path, GOOD_RULE.replace("ignore-case: true", "ignore-case: 3"))
    with pytest.raises(PackError, match=rf"^{pack}:2: rule P901: option 'ignore-case'"):
        load_checkers(Config(rules=(pack,), rule_options={"P901": {"pattern": "x"}}))


def test_every_user_facing_error_is_one_user_error_and_config_is_not_a_pack() -> None:
    from presslint.backends import BackendConfigError, BackendUnavailable
    from presslint.errors import SourceError, UserFileError
    from presslint.kinds.dates.fact_sheet import FactsError

    for error in (PackError, ConfigError, SelectionError, UserFileError, SourceError, FactsError,
                  BackendConfigError, BackendUnavailable):
        assert issubclass(error, UserError), error
    assert not issubclass(ConfigError, PackError)
    assert str(ConfigError("a.yaml", 3, "wrong")) == "a.yaml:3: wrong"
    assert str(ConfigError("a.yaml", None, "wrong")) == "a.yaml: wrong"
    assert str(SelectionError(None, None, "wrong")) == "wrong"


def test_each_config_key_is_declared_once_and_documented(tmp_path: Path) -> None:
    from dataclasses import fields

    from .conftest import ROOT

    names = [key.name for key in config_module.DECLARED]
    assert len(names) == len(set(names)) and list(config_module.KEYS) == names
    # Every Config field but the file's path, lines and where values came from is set by a
    # key of that name (the vocabulary's two lists by 'vocabulary').
    settable = {f.name for f in fields(Config)} - {"path", "lines", "given", "discovered"}
    assert settable == {n.replace("-", "_") for n in names if n != "vocabulary"} | {
        "vocabulary_accept", "vocabulary_reject"}
    reference = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert reference == config_module.reference(), "run: python -m presslint.config > docs/configuration.md"
    assert "docs/configuration.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_families_are_the_packs_own(tmp_path: Path) -> None:
    # A pack of a family of its own says so; its codes must start with that letter.
    house = write(tmp_path, "family: X\ntitle: House style\n" + GOOD_RULE.replace("P901", "X901"))
    assert "X901" in {c.rule.code for c in load_checkers(Config(rules=(house,)))}
    wrong = write(tmp_path, "family: W\n" + GOOD_RULE, "wrong.yaml")
    with pytest.raises(PackError, match=r"wrong\.yaml:3: code 'P901' must start with the pack's family letter 'W'"):
        load_pack(wrong)
    stray = write(tmp_path, GOOD_RULE.replace("P901", "X901"), "stray.yaml")
    with pytest.raises(PackError, match=r"stray\.yaml:2: code 'X901': no pack declares the family 'X'"):
        load_checkers(Config(rules=(stray,)))
    for bad, message in (("family: WT\n", "'family' must be one capital letter"),
                         ("runs-in: elsewhere\n", "'runs-in' must be presslint"),
                         ("reads: sideways\n", "'reads' must be words")):
        with pytest.raises(PackError, match=message):
            load_pack(write(tmp_path, bad + GOOD_RULE, "bad.yaml"))


def test_a_docs_only_pack_declares_rules_that_no_kind_runs(tmp_path: Path) -> None:
    pack = write(tmp_path, "family: G\nruns-in: backend\nrules:\n  - code: G901\n    name: house-grammar\n"
                           "    backend: harper\n    finds: [Style]\n    severity: info\n    docs: Found by Harper.\n")
    (rule,) = load_pack(pack)
    assert (rule.backend, rule.finds, rule.kind, rule.bad, rule.good) == ("harper", ("Style",), "", (), ())
    with pytest.raises(PackError, match="'finds' must be a non-empty list"):
        load_pack(write(tmp_path, pack.read_text().replace("finds: [Style]", "finds: Style"), "finds.yaml"))
    with pytest.raises(PackError, match="unknown key 'kind' in a docs-only pack"):
        load_pack(write(tmp_path, pack.read_text() + "    kind: pattern\n", "kind.yaml"))
    with pytest.raises(PackError, match="code 'G91' must be a capital letter"):  # the checks of any rule
        load_pack(write(tmp_path, pack.read_text().replace("G901", "G91"), "code.yaml"))


def test_kind_names_are_written_once() -> None:
    """A kind that serves one built-in rule is named as the rule, whose entry then needs
    no ``kind:``; only kinds that serve several rules (or a team's rules) are named apart."""
    from presslint.kinds import REGISTRY

    rules = [rule for rule in load_packs(builtin_packs()) if not rule.backend]  # no kind runs those
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
    examples:
      bad: [{text: "It rained.  Then it stopped.\\n", flagged: "  ", fixed: "It rained. Then it stopped.\\n"}]
      good: ["It rained. Then it stopped.\\n"]
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


def test_an_unknown_selector_in_the_config_is_reported_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "output-format: json\nignore: [W101, W9Z]\n", ".presslint.yaml")
    config = config_module.load(path)
    with pytest.raises(SelectionError) as error:
        select(load_checkers(config), config)
    assert str(error.value) == f"{path}:2: unknown rule code, prefix or name in 'ignore': 'W9Z'"
    # Given on the command line instead, the selector is no longer the file's.
    overridden = config.merged(ignore=("W9Y",))
    with pytest.raises(SelectionError) as error:
        select(load_checkers(overridden), overridden)
    assert str(error.value) == "unknown rule code, prefix or name: 'W9Y'"
