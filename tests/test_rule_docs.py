"""docs/rules/ is generated from the packs: it must say exactly what the packs say."""

from __future__ import annotations

from presslint import check_text
from presslint.rule_docs import pages

from .conftest import ROOT, RULES


def test_docs_pages_match_the_packs() -> None:
    folder = ROOT / "docs" / "rules"
    expected = pages()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.md")}
    assert sorted(on_disk) == sorted(expected), "run: python -m presslint.rule_docs docs/rules"
    for name, text in expected.items():
        assert on_disk[name] == text, f"docs/rules/{name} is stale: run python -m presslint.rule_docs docs/rules"


def test_every_rule_has_its_section_and_the_pages_lint_clean() -> None:
    rendered = pages()
    for code, rule in RULES.items():
        assert f"## {code} {rule.name}" in rendered[f"{rule.family}.md"]
    for name, text in rendered.items():
        assert check_text(text, path=name) == [], name
