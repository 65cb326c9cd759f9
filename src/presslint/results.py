"""What checking one file produced, in a form that crosses process boundaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .diagnostic import Diagnostic
    from .document import Document, LineIndex
    from .formats import NotText


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    index: LineIndex | None = None
    # The source lines that diagnostics point at, for reporters that show them.
    snippets: dict[int, str] = field(default_factory=dict)
    error: str | None = None
    warning: str | None = None
    # What the file is when it is not text (a PDF, an image...): not checked. The command
    # line decides what that means: an error for a file named, a skip for one a walk found.
    not_text: NotText | None = None
    backend_warnings: list[str] = field(default_factory=list)
    fixed: int = 0  # fixes applied (or, with --diff, that would be)
    diff: str | None = None  # the unified diff of the fixes, with --diff
    output: str | None = None  # the fixed text, for standard input with --fix
    # Rule code -> what its kind's ``summarise`` kept of the document, for cross_check.
    summaries: dict[str, Any] = field(default_factory=dict)


def file_result(doc: Document, diagnostics: list[Diagnostic], warnings: list[str],
                summaries: dict[str, Any]) -> FileResult:
    """The result of a checked document: its findings with the lines they are on."""
    index = doc.lines
    snippets: dict[int, str] = {}
    for diagnostic in diagnostics:
        line = index.position(diagnostic.span.start)[0]
        if line not in snippets:
            span = index.line_span(line)
            snippets[line] = doc.text[span.start:span.end]
    return FileResult(doc.path, diagnostics, index, snippets, summaries=summaries, backend_warnings=warnings)
