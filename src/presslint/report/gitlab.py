"""GitLab Code Quality output: the JSON array GitLab reads as a ``codequality`` report
artifact (the subset of the Code Climate issue format that GitLab documents: description,
check_name, fingerprint, severity, location with path and lines).

A fingerprint must stay the same while a finding stays, so that a merge request shows
only new problems: it hashes the path, the code, the flagged line's text and the flagged
text, and how many identical findings came before in the file, never the line number, so
an edit above a finding does not change it. Two findings never share a fingerprint
(GitLab would show one). ``statistics`` and ``quiet`` change nothing.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import DocumentReporter, Position, located

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic
    from ..results import FileResult

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def _flagged(result: FileResult, at: Position) -> tuple[str, str]:
    """The text of the flagged line, and the flagged text within it (to its end if the
    finding runs on past the line)."""
    line = result.snippets.get(at.line, "")
    end = at.end_column - 1 if at.end_line == at.line else len(line)
    return line, line[at.column - 1:end]


def last_line(at: Position) -> int:
    # A finding that ends where a line starts (its line break included) ends on the line before.
    return at.end_line - 1 if at.end_line > at.line and at.end_column == 1 else at.end_line


def fingerprint(path: str, code: str, line: str, flagged: str, occurrence: int) -> str:
    """Of the ``occurrence``-th (from 0) finding of ``code`` in ``path`` on a line reading
    ``line`` (surrounding whitespace aside) that flags ``flagged``."""
    key = "\0".join([path, code, line.strip(), flagged, str(occurrence)])
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def issues(results: Sequence[FileResult]) -> list[dict[str, Any]]:
    seen: Counter[tuple[str, ...]] = Counter()
    found: list[dict[str, Any]] = []
    for result, diagnostic, at in located(results):
        path = Path(diagnostic.path).as_posix()
        line, flagged = _flagged(result, at)
        key = (path, diagnostic.code, line.strip(), flagged)
        found.append(_issue(diagnostic, path, at, fingerprint(*key, occurrence=seen[key])))
        seen[key] += 1
    return found


def _issue(diagnostic: Diagnostic, path: str, at: Position, print_: str) -> dict[str, Any]:
    return {
        "description": f"{diagnostic.code} {diagnostic.message}",
        "check_name": diagnostic.code,
        "fingerprint": print_,
        "severity": SEVERITIES[diagnostic.severity.value],
        "location": {"path": path, "lines": {"begin": at.line, "end": last_line(at)}},
    }


class GitlabReporter(DocumentReporter):
    def document(self, results: Sequence[FileResult]) -> list[dict[str, Any]]:
        return issues(results)
