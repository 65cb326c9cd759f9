"""The extension points' registries hold together: every kind, output format and backend
registered loads and is what it says, every rule runs on a kind that exists or is a grammar
backend's, and the families are the packs' own."""

from __future__ import annotations

import pytest

from presslint import backends, kinds, report
from presslint.options import validate_options
from presslint.packs import backend_rules, builtin_packs, load_packs, read_pack


@pytest.mark.parametrize("name", sorted(kinds.REGISTRY))
def test_every_registered_kind_loads_and_is_a_kind(name: str) -> None:
    cls = kinds.load(name)
    assert isinstance(cls, type) and issubclass(cls, kinds.Kind)
    if None not in cls.OPTIONS.values():  # no required option: the defaults are valid
        assert validate_options(cls, {}, name) == dict(cls.OPTIONS)
    assert set(cls.CHOICES) <= set(cls.OPTIONS), f"{name}: choices of undeclared options"


def test_every_rule_runs_on_a_kind_or_a_backend() -> None:
    for rule in load_packs(builtin_packs()):
        if rule.backend:
            assert rule.backend in backends.BACKENDS, f"{rule.code}: no backend {rule.backend!r}"
            assert rule.kind == "" and not rule.bad and not rule.good
        else:
            assert rule.kind in kinds.REGISTRY, f"{rule.code}: no kind {rule.kind!r}"


def test_a_kinds_module_is_named_as_the_kind_it_holds() -> None:
    # A module that holds one kind is named as it (kinds/typos/a_an.py is "a-an"); a module
    # of several (whitespace/lines.py, dates/checks.py) is named for what they share.
    modules: dict[str, list[str]] = {}
    for name, target in kinds.REGISTRY.items():
        modules.setdefault(target.split(":")[0], []).append(name)
    for module, names in modules.items():
        if len(names) == 1:
            assert module.rsplit(".", 1)[-1] == names[0].replace("-", "_"), f"kind {names[0]!r} lives in {module}"


@pytest.mark.parametrize("name", sorted(report.FORMATS))
def test_every_format_has_a_module_with_a_reporter(name: str) -> None:
    cls = report.get(name)
    assert isinstance(cls, type) and issubclass(cls, report.Reporter) and cls is not report.Reporter
    # A streaming format writes file by file; the others are given every result at once.
    assert report.FORMATS[name].streaming != issubclass(cls, report.DocumentReporter)
    assert report.FORMATS[name].suffix.startswith(".")


def test_every_pack_declares_its_own_family_and_every_code_starts_with_it() -> None:
    packs = [read_pack(path) for path in builtin_packs()]
    families = [pack.family for pack in packs]
    assert all(families) and len(set(families)) == len(families), families
    for pack in packs:
        assert pack.title and pack.description, pack.path
        assert pack.rules and all(rule.code.startswith(pack.family or "?") for rule in pack.rules), pack.path


@pytest.mark.parametrize("name", sorted(backends.BACKENDS))
def test_every_backend_declares_its_options(name: str) -> None:
    cls = backends.load(name)
    assert issubclass(cls, backends.Backend) and cls.name == name
    assert "enabled" in cls.OPTIONS and set(cls.CHOICES) <= set(cls.OPTIONS)
    assert all(isinstance(default, (str, bool, int, float, tuple)) for default in cls.OPTIONS.values())
    defaults = validate_options(cls, {}, cls.name, "backend")
    assert defaults == dict(cls.OPTIONS)
    with pytest.raises(ValueError, match=f"unknown option 'colour' for backend '{name}'"):
        cls.validate({"colour": "red"})


def test_the_grammar_pack_gives_each_backend_its_codes() -> None:
    # Each backend's categories have one code each, and one rule takes any other ("*").
    for name in backends.BACKENDS:
        declared = [rule for rule in backend_rules().values() if rule.backend == name]
        categories = [category for rule in declared for category in rule.finds]
        assert len(categories) == len(set(categories)) and categories.count("*") == 1, name
        found = backends.codes(name)
        assert found.other.finds[-1] == "*" and set(found.named.values()) | {found.other} == set(declared)
    assert backends.codes("languagetool").of("TYPOS").code == "G102"
    assert backends.codes("languagetool").of("SOMETHING_NEW").code == "G199"
    # Harper names its findings after the lint kind; the pack uses the same names.
    assert {f"harper-{backends.kebab(kind)}" for kind in backends.codes("harper").named} == {
        rule.name for rule in backend_rules().values() if rule.backend == "harper"}


def test_the_readme_names_every_output_format() -> None:
    # The README's lists of formats are prose, not generated: this keeps them whole.
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "|".join(report.FORMATS) in readme, "the options line lists the formats in FORMATS order"
    section = readme.split("### Output formats", 1)[1].split("\n## ", 1)[0]
    missing = [name for name in report.FORMATS if f"`{name}`" not in section]
    assert not missing, f"README's 'Output formats' does not describe {missing}"
