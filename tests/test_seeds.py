"""The labelled seed releases in ../shared/seeds: what a good linter must find in them,
and that the professionally written one gets no finding at all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from presslint import check_text
from presslint.decoding import decode
from presslint.document import Document
from presslint.engine import check_document

from .conftest import CHECKERS, SEEDS

FAMILY_CODES = {"typo": "T", "capitalization": "C", "date": "D", "whitespace": "W", "grammar": "G"}
CLEAN = "000_7609e4628dd17c72.txt"


def _labels() -> list[Any]:
    path = SEEDS / "labels.yaml"
    if not path.is_file():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [pytest.param(name, label, id=f"{name[:3]}-{label['family']}-{label['line']}:{label['column']}")
            for name, labels in data.items() for label in labels or [] if label.get("required")]


def _document(name: str) -> Document:
    return Document.from_decoded(str(SEEDS / name), decode((SEEDS / name).read_bytes()))


@pytest.mark.parametrize(("name", "label"), _labels())
def test_required_label_is_reported(name: str, label: dict[str, Any]) -> None:
    family = FAMILY_CODES[label["family"]]
    family_rules = [c for c in CHECKERS.values() if c.rule.family == family and c.rule.default]
    if not family_rules:
        pytest.skip(f"no default {label['family']} rules yet")
    doc = _document(name)
    offset = doc.lines.starts[label["line"] - 1] + label["column"] - 1
    found = check_document(doc, family_rules)
    covering = [d for d in found if d.span.start <= offset <= max(d.span.end - 1, d.span.start)]
    assert covering, f"{label['note']}: nothing from {family} covers line {label['line']} column {label['column']}"


def test_clean_seed_gets_no_finding_at_all(shared_seeds: Path) -> None:
    text = (shared_seeds / CLEAN).read_text(encoding="utf-8")
    found = check_text(text, path=CLEAN)
    assert [f"{d.code} {d.message}" for d in found] == []
