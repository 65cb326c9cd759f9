from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The YAML cache of the tests goes to a folder of their own, not the user's.
os.environ.setdefault("PRESSLINT_CACHE_DIR", tempfile.mkdtemp(prefix="presslint-test-cache-"))

from presslint.config import Config
from presslint.decoding import decode
from presslint.diagnostic import Diagnostic
from presslint.document import Document
from presslint.engine import check_document, load_checkers
from presslint.kinds import Kind
from presslint.rule import Rule

# Hypothesis (tests/test_fuzz*.py). "ci", the default: few examples per property, chosen
# from a fixed seed (derandomize), so a CI run is reproducible and the whole fuzz suite adds
# seconds, not minutes; no example database is written. "long", for a local run
# (`pytest tests/test_fuzz.py --hypothesis-profile long`, ~10 minutes): 2,000 random examples per
# property, failures kept in .hypothesis/ to replay. deadline=None in both: the machine is
# shared, and a slow example is a benchmark's business (benchmarks/), not a flaky failure.
_FUZZ_CHECKS = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True, database=None,
                          suppress_health_check=_FUZZ_CHECKS, print_blob=True)
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=_FUZZ_CHECKS,
                          print_blob=True)
settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "press-releases"

_ALL_CHECKERS = load_checkers(Config())
# Each rule's checker (its kind, built with the default settings), and the rules by code.
CHECKERS: dict[str, Kind] = {c.rule.code: c for c in _ALL_CHECKERS}
RULES: dict[str, Rule] = {code: c.rule for code, c in CHECKERS.items()}


def document(text: str | bytes, path: str = "example.txt") -> Document:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return Document.from_decoded(path, decode(data))


def run(code: str, text: str | bytes, path: str = "example.txt") -> list[Diagnostic]:
    """The findings of one rule on ``text``."""
    return check_document(document(text, path), [CHECKERS[code]])


def spans(code: str, text: str, path: str = "example.txt") -> list[str]:
    """The text each finding of ``code`` covers."""
    doc = document(text, path)
    return [doc.text[d.span.start:d.span.end] for d in check_document(doc, [CHECKERS[code]])]


@pytest.fixture
def shared_seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return SEEDS
