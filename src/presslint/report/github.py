"""GitHub Actions workflow commands: each diagnostic becomes an annotation on its line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, TextIO

from . import located

if TYPE_CHECKING:
    from ..results import FileResult
    from ..rule import Rule

_LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def report(results: Iterable[FileResult], out: TextIO, *, statistics: bool = False,
           quiet: bool = False, color: bool = False, rules: Sequence[Rule] | None = None) -> None:
    for _, diagnostic, at in located(results):
        level = _LEVELS[diagnostic.severity.value]
        properties = ",".join([
            f"file={escape_property(diagnostic.path)}",
            f"line={at.line}",
            f"col={at.column}",
            f"endLine={at.end_line}",
            f"endColumn={at.end_column}",
            f"title={escape_property(f'{diagnostic.code} {diagnostic.rule}')}",
        ])
        out.write(f"::{level} {properties}::{escape_data(diagnostic.message)}\n")
