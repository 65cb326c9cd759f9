"""SARIF output: one SARIF 2.1.0 log (OASIS Standard, errata 01) with one run.

For GitHub code scanning and other SARIF viewers. The run describes every rule that has a
result (code, name, docs, default level), and each result carries its region and, when
the rule offers one, its fix. Columns count Unicode code points, which the run declares
with ``columnKind`` (SARIF's default would be UTF-16 code units). ``statistics`` and
``quiet`` change nothing: a log is for tools.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from . import DocumentReporter, Position, links, located, position

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic
    from ..results import FileResult
    from ..rule import Rule

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI reference with ``/``; an absolute one as a file URI.
    A URI percent-encodes the name's bytes, so a name that is not UTF-8 keeps its own."""
    local = Path(path)
    if local.is_absolute():
        return local.as_uri()
    return quote(os.fsencode(local.as_posix()), safe="/")


def region(at: Position) -> dict[str, int]:
    return {"startLine": at.line, "startColumn": at.column,
            "endLine": at.end_line, "endColumn": at.end_column}


def _summary(docs: str) -> str:
    first = " ".join(docs.split()).split(". ")[0]
    return first if first.endswith(".") else first + "."


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    docs = " ".join(rule.docs.split())
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _summary(docs)},
        "fullDescription": {"text": docs},
        "help": {"text": f"{docs}\n\nExamples: presslint rule {rule.code}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
    }
    link = links.rule_docs(rule.code, rule.name)
    if link is not None:
        descriptor["helpUri"] = link
    return descriptor


def _fixes(result: FileResult, diagnostic: Diagnostic, uri: str) -> list[dict[str, Any]]:
    if diagnostic.fix is None:
        return []
    replacements = [{"deletedRegion": region(position(result, edit.span)),
                     "insertedContent": {"text": edit.replacement}}
                    for edit in diagnostic.fix.edits]
    return [{"description": {"text": diagnostic.fix.message},
             "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
             "properties": {"safe": diagnostic.fix.safe}}]


def sarif_log(results: Sequence[FileResult], rules: Sequence[Rule]) -> dict[str, Any]:
    """The log as a JSON-ready dict. ``rules`` are the rules of the run: each finding's
    rule among them (by code) is described."""
    from .._version import __version__

    items = list(located(results))
    used = sorted({d.code for _, d, _ in items})
    known = {r.code: r for r in rules}
    descriptors = [rule_descriptor(known[code]) for code in used]
    index = {code: i for i, code in enumerate(used)}
    sarif_results = []
    for result, diagnostic, at in items:
        uri = artifact_uri(diagnostic.path)
        entry: dict[str, Any] = {
            "ruleId": diagnostic.code,
            "ruleIndex": index[diagnostic.code],
            "level": LEVELS[diagnostic.severity.value],
            "message": {"text": diagnostic.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri},
                                                "region": region(at)}}],
        }
        fixes = _fixes(result, diagnostic, uri)
        if fixes:
            entry["fixes"] = fixes
        sarif_results.append(entry)
    driver: dict[str, Any] = {"name": "presslint", "version": __version__, "rules": descriptors}
    repository = links.repository()
    if repository is not None:
        driver["informationUri"] = repository
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": sarif_results}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


class SarifReporter(DocumentReporter):
    def document(self, results: Sequence[FileResult]) -> dict[str, Any]:
        return sarif_log(results, self.rules)
