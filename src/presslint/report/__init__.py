"""Reporters: one module per output format. Each takes the results of a run and writes.

Reporters never look at a document's text beyond the snippets a result carries, and
never decide what is a problem: they only format.

Adding a format: write ``report/<module>.py`` with a :class:`Reporter` subclass (a
:class:`DocumentReporter` if it writes one document for the whole run) and add one line to
:data:`FORMATS`; the command line, the configuration and the docs read that table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic, Span
    from ..results import FileResult
    from ..rule import Rule


class Format(NamedTuple):
    """An output format: its reporter class (``"module:Class"`` in this package), the
    usual suffix of a file of its output, and whether it streams: writes each file's
    findings as they come and keeps nothing, so a run over thousands of files holds one
    file's results at a time (the others build one document, and are given a list)."""

    reporter: str
    suffix: str
    streaming: bool = False


FORMATS: dict[str, Format] = {
    "text": Format("text:TextReporter", ".txt", streaming=True),
    "json": Format("json:JsonReporter", ".json", streaming=True),
    "github": Format("github:GithubReporter", ".txt", streaming=True),
    "sarif": Format("sarif:SarifReporter", ".sarif"),
    "gitlab": Format("gitlab:GitlabReporter", ".json"),
    "junit": Format("junit:JunitReporter", ".xml"),
    "rdjson": Format("rdjson:RdjsonReporter", ".json"),
}


def printable(text: str) -> str:
    """``text`` as a terminal may show it, on one line: each character that is not printable
    (a control character such as ESC, a line break, a tab, a bidirectional override, a lone
    surrogate) written as Python writes it in a string (``\\x1b``, ``\\n``, ``\\u202e``),
    and a file name's byte that is not UTF-8 (a surrogate escape) as ``\\xNN``. File names
    and messages come from users (a folder's names, a pack's messages, a document's text):
    raw, an escape sequence would reach the terminal and a newline would forge a line of
    output. Most text is printable, which one call in C tells."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _escaped(ch) for ch in text)


def encodable(text: str) -> str:
    """``text`` with its lone surrogates (which no stream can write as UTF-8) escaped as
    :func:`printable` escapes them, and nothing else changed."""
    if not SURROGATE.search(text):
        return text
    return SURROGATE.sub(lambda m: _escaped(m.group()), text)


def _escaped(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogate escape of the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    return repr(ch)[1:-1]


SURROGATE = re.compile("[\ud800-\udfff]")


class Position(NamedTuple):
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


def per_rule(results: Iterable[FileResult]) -> list[tuple[str, str, int]]:
    """(code, rule, findings) for each rule with findings, the most found first."""
    counts = Counter((d.code, d.rule) for result in results for d in result.diagnostics)
    return [(code, rule, n) for (code, rule), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


class Tally:
    """What a summary line needs, counted while the results stream past. ``errors`` (a
    missing path, an unreadable file) never reach a reporter as results: the command line
    counts them here as it prints them, before the summary is written."""

    def __init__(self) -> None:
        self.checked = self.files = self.problems = self.fixed = self.errors = 0
        # Files a walk found that are not text (a PDF, an image): not checked, nor errors;
        # counted by the command line, as the errors are.
        self.skipped = 0
        # The findings left with a fix: safe (--fix applies it) or unsafe (--unsafe-fixes too).
        self.fixable = self.unsafe_fixable = 0
        self.diff = False

    def counting(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        for result in results:
            self.checked += 1
            self.files += bool(result.diagnostics)
            self.problems += len(result.diagnostics)
            for diagnostic in result.diagnostics:
                if diagnostic.fix is not None:
                    if diagnostic.fix.safe:
                        self.fixable += 1
                    else:
                        self.unsafe_fixable += 1
            self.fixed += result.fixed
            self.diff = self.diff or result.diff is not None
            yield result


@dataclass
class Reporter:
    """One report, written to ``out``. :meth:`report` is the one entry point; a format
    overrides the hooks it needs: :meth:`file` (the text for one file's findings, written as
    each file comes), :meth:`write_statistics` (with ``--statistics``, if the format has
    them: :attr:`has_statistics`) and :meth:`write_summary` (after the findings, from
    :attr:`tally`). ``rules`` are the rules of the run, for formats that describe them.
    ``log`` is where a format for machines writes what a person reads (github: its summary
    on standard error); None for the reports written to files."""

    out: TextIO
    statistics: bool = False
    quiet: bool = False
    color: bool = False
    rules: Sequence[Rule] = ()
    tally: Tally = field(default_factory=Tally)
    log: TextIO | None = None

    has_statistics = False

    def report(self, results: Iterable[FileResult]) -> None:
        """Write the report of ``results``: a one-pass iterator for a streaming format."""
        counted = self.tally.counting(results)
        if self.statistics and self.has_statistics:
            self.write_statistics(per_rule(counted))
        else:
            self.write_findings(counted)
        self.write_summary()

    def write_findings(self, results: Iterable[FileResult]) -> None:
        for result in results:
            # One write per file, not per finding: a text stream's write costs
            # microseconds, and a run over a folder prints tens of thousands of lines.
            if result.diagnostics:
                self.out.write(self.file(result))

    def file(self, result: FileResult) -> str:
        """The text for one file's findings (the file has some)."""
        raise NotImplementedError

    def write_statistics(self, counts: list[tuple[str, str, int]]) -> None:
        """The findings per rule: (code, rule, count), the most found first."""

    def write_summary(self) -> None:
        """After the findings or the statistics."""


class DocumentReporter(Reporter):
    """A format that writes one document for the whole run, for tools: ``statistics`` and
    ``quiet`` change nothing. JSON unless :meth:`render` says otherwise."""

    def write_findings(self, results: Iterable[FileResult]) -> None:
        self.out.write(self.render(self.document(list(results))))  # several passes: a list
        self.out.write("\n")

    def document(self, results: Sequence[FileResult]) -> Any:
        raise NotImplementedError

    def render(self, document: Any) -> str:
        import json

        return json.dumps(document, indent=2)


def get(name: str) -> type[Reporter]:
    """The reporter class of output format ``name`` (a key of :data:`FORMATS`)."""
    module_name, class_name = FORMATS[name].reporter.split(":")
    cls: type[Reporter] = getattr(import_module(f".{module_name}", __name__), class_name)
    return cls
