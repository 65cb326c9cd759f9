"""Reporters: one module per output format. Each takes the results of a run and writes.

Reporters never look at a document's text beyond the snippets a result carries, and
never decide what is a problem: they only format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic, Span
    from ..engine import FileResult
    from ..rule import Rule

FORMATS = {
    "text": "text",
    "json": "json",
    "github": "github",
    "sarif": "sarif",
    "gitlab": "gitlab",
    "junit": "junit",
    "rdjson": "rdjson",
}


@dataclass(frozen=True, slots=True)
class Position:
    line: int
    column: int
    end_line: int
    end_column: int


def position(result: FileResult, span: Span) -> Position:
    assert result.index is not None
    line, column = result.index.position(span.start)
    end_line, end_column = result.index.position(span.end)
    return Position(line, column, end_line, end_column)


def located(results: Sequence[FileResult]) -> list[tuple[FileResult, Diagnostic, Position]]:
    """Every diagnostic of the run with its position, in the order of the results."""
    return [(r, d, position(r, d.span)) for r in results for d in r.diagnostics]


class Reporter(Protocol):
    """``rules`` are the rules of the run, for formats that describe them (SARIF)."""

    def __call__(self, results: Sequence[FileResult], out: TextIO, *, statistics: bool = False,
                 quiet: bool = False, color: bool = False, rules: Sequence[Rule] | None = None) -> None: ...


def get(name: str) -> Reporter:
    module = import_module(f".{FORMATS[name]}", __name__)
    reporter: Reporter = module.report
    return reporter
