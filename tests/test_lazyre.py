"""LazyPattern: compiled on first use, then the same answers as re's own pattern."""

from __future__ import annotations

import re

from presslint.lazyre import LazyPattern

TEXT = "Acme said it's ready; ACME ships on May 3, 2024 and May 4."


def test_not_compiled_until_used() -> None:
    lazy = LazyPattern(r"(", 0)  # an invalid pattern: compiling it would raise
    assert lazy.pattern == "("


def test_answers_as_re_does() -> None:
    source, flags = r"\bMay (\d+)", re.IGNORECASE
    lazy, eager = LazyPattern(source, flags), re.compile(source, flags)
    assert lazy.findall(TEXT) == eager.findall(TEXT) == ["3", "4"]
    assert [m.span() for m in lazy.finditer(TEXT, 10)] == [m.span() for m in eager.finditer(TEXT, 10)]
    assert lazy.search(TEXT, 0, 20) is None
    assert lazy.sub("X", TEXT) == eager.sub("X", TEXT)
    assert lazy.split(TEXT, 1) == eager.split(TEXT, 1)
    assert lazy.fullmatch("may 9") is not None and lazy.match("x") is None
    assert lazy.compiled is lazy.compiled


def test_compiling_once_binds_re_methods() -> None:
    lazy = LazyPattern(r"acme", re.IGNORECASE)
    lazy.search(TEXT)
    assert lazy.search == lazy.compiled.search  # later calls go straight to re
