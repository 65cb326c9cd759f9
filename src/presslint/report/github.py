"""GitHub Actions workflow commands: each diagnostic becomes an annotation on its line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import Position, Reporter, located

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic
    from ..results import FileResult

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
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
