"""reviewdog's rdjson output: one ``DiagnosticResult`` of the Reviewdog Diagnostic Format
(``reviewdog.rdf``, proto3 mapped to JSON; ``reviewdog -f=rdjson``).

rdjson counts columns in UTF-8 bytes, not code points: a column is converted with the
text of its line, which a result carries for the first line of each finding. A position
on another line (the end of a finding that spans lines, an edit elsewhere) keeps its
code-point column unless it is the start of its line, where both agree.
``statistics`` and ``quiet`` change nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from . import DocumentReporter, located, position

if TYPE_CHECKING:
    from ..diagnostic import Span
    from ..results import FileResult

SEVERITIES = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}
_RANK = ["ERROR", "WARNING", "INFO"]


def _byte_column(result: FileResult, line: int, column: int) -> int:
    text = result.snippets.get(line)
    if text is None:
        return column
    return len(text[:column - 1].encode("utf-8", "surrogatepass")) + 1


def rd_range(result: FileResult, span: Span) -> dict[str, Any]:
    at = position(result, span)
    return {"start": {"line": at.line, "column": _byte_column(result, at.line, at.column)},
            "end": {"line": at.end_line, "column": _byte_column(result, at.end_line, at.end_column)}}


def diagnostic_result(results: Sequence[FileResult]) -> dict[str, Any]:
    diagnostics = []
    for result, diagnostic, _ in located(results):
        entry: dict[str, Any] = {
            "message": diagnostic.message,
            "location": {"path": diagnostic.path, "range": rd_range(result, diagnostic.span)},
            "severity": SEVERITIES[diagnostic.severity.value],
            "code": {"value": diagnostic.code},
        }
        if diagnostic.fix is not None:
            entry["suggestions"] = [{"range": rd_range(result, edit.span), "text": edit.replacement}
                                    for edit in diagnostic.fix.edits]
        diagnostics.append(entry)
    from . import links

    source = {"name": "presslint"}
    repository = links.repository()
    if repository is not None:
        source["url"] = repository
    document: dict[str, Any] = {"source": source}
    if diagnostics:
        # The overall severity: the gravest of the run.
        document["severity"] = min((d["severity"] for d in diagnostics), key=_RANK.index)
    document["diagnostics"] = diagnostics
    return document


class RdjsonReporter(DocumentReporter):
    def document(self, results: Sequence[FileResult]) -> dict[str, Any]:
        return diagnostic_result(results)
