"""Reporters: one module per output format. Each takes the results of a run and writes.

Reporters never look at a document's text beyond the snippets a result carries, and
never decide what is a problem: they only format.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic, Span
    from ..results import FileResult
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


def located(results: Iterable[FileResult]) -> Iterator[tuple[FileResult, Diagnostic, Position]]:
    """Every diagnostic of the run with its position, in the order of the results; one
    pass, so that streaming reporters hold one file's results at a time."""
    for result in results:
        for diagnostic in result.diagnostics:
            yield result, diagnostic, position(result, diagnostic.span)


# Formats that write each file's findings as they come and keep nothing: a run over
# thousands of files holds one file's results at a time. The others build one document.
STREAMING = frozenset({"text", "github", "json"})


class Reporter(Protocol):
    """``rules`` are the rules of the run, for formats that describe them (SARIF).
    ``results`` may be a one-pass iterator for the formats in :data:`STREAMING`."""

    def __call__(self, results: Iterable[FileResult], out: TextIO, *, statistics: bool = False,
                 quiet: bool = False, color: bool = False, rules: Sequence[Rule] | None = None) -> None: ...


def get(name: str) -> Reporter:
    module = import_module(f".{FORMATS[name]}", __name__)
    reporter: Reporter = module.report
    return reporter
