"""GitHub Actions workflow commands: each diagnostic becomes an annotation on its line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import Position, Reporter, encodable, located, per_rule, printable

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic
    from ..results import FileResult

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """As GitHub's toolkit escapes a command's data (``%``, CR and LF). Lone surrogates (a
    file name's bytes that are not UTF-8), which no UTF-8 stream can write, and the other
    characters some readers take for a line's end (form feed, NEL, U+2028...), which the
    runner would not unescape, are written as :func:`printable` writes them (``\\xNN``):
    one finding is one line for every reader of the log."""
    if not value.isprintable():
        value = _OTHER_LINE_ENDS.sub(lambda m: printable(m.group()), encodable(value))
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


# What str.splitlines ends a line at, but for CR and LF (GitHub's escapes).
_OTHER_LINE_ENDS = re.compile("[\v\f\x1c-\x1e\x85\u2028\u2029]")


def escape_property(value: str) -> str:
    """As GitHub's toolkit escapes a property's value: its data's escapes, ``:`` and ``,``."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """The annotations on the output; the text format's statistics (--statistics) and summary
    on :attr:`log` (standard error), plain lines in the job's log. Not ``::notice``
    annotations: GitHub shows at most 10 annotations of a kind per step, and a summary there
    would take a finding's place, on no line of any file."""

    def report(self, results: Iterable[FileResult]) -> None:
        if self.log is None or self.quiet:
            super().report(results)
            return
        from .text import statistics_lines, summary

        counted = self.tally.counting(results)
        if self.statistics:
            kept = list(counted)  # twice: the annotations, then the counts
            self.write_findings(kept)
            self.log.write(statistics_lines(per_rule(kept)))
        else:
            self.write_findings(counted)
        self.log.write(summary(self.tally) + "\n")

    def file(self, result: FileResult) -> str:
        return "".join(_annotation(diagnostic, at) for _, diagnostic, at in located((result,)))


def _annotation(diagnostic: Diagnostic, at: Position) -> str:
    level = _LEVELS[diagnostic.severity.value]
    properties = ",".join([
        f"file={escape_property(diagnostic.path)}",
        f"line={at.line}",
        f"col={at.column}",
        f"endLine={at.end_line}",
        f"endColumn={at.end_column}",
        f"title={escape_property(f'{diagnostic.code} {diagnostic.rule}')}",
    ])
    return f"::{level} {properties}::{escape_data(diagnostic.message)}\n"
