"""SARIF output: one SARIF 2.1.0 log (OASIS Standard, errata 01) with one run.

For GitHub code scanning and other SARIF viewers. The run describes every rule that has a
result (code, name, docs, default level), and each result carries its region and, when
the rule offers one, its fix. Columns count Unicode code points, which the run declares
with ``columnKind`` (SARIF's default would be UTF-16 code units). ``statistics`` and
``quiet`` change nothing: a log is for tools.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from . import Position, located, position

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic
    from ..results import FileResult
    from ..rule import Rule

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/presslint/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI reference with ``/``; an absolute one as a file URI."""
    local = Path(path)
    if local.is_absolute():
        return local.as_uri()
    return quote(local.as_posix(), safe="/")


def region(at: Position) -> dict[str, int]:
    return {"startLine": at.line, "startColumn": at.column,
            "endLine": at.end_line, "endColumn": at.end_column}


def _summary(docs: str) -> str:
    first = " ".join(docs.split()).split(". ")[0]
    return first if first.endswith(".") else first + "."


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    docs = " ".join(rule.docs.split())
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _summary(docs)},
        "fullDescription": {"text": docs},
        "help": {"text": f"{docs}\n\nExamples: presslint rule {rule.code}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
    }


def _fallback_descriptor(diagnostic: Diagnostic) -> dict[str, Any]:
    # A rule the reporter was not told about (from a pack it could not see): what the
    # diagnostic itself says.
    return {"id": diagnostic.code, "name": diagnostic.rule,
            "defaultConfiguration": {"level": LEVELS[diagnostic.severity.value]}}


def _builtin_rules() -> list[Rule]:
    # Data only: the packs' YAML, without building the kinds that run the rules.
    from .. import packs

    return packs.load_packs(packs.builtin_packs())


def _fixes(result: FileResult, diagnostic: Diagnostic, uri: str) -> list[dict[str, Any]]:
    if diagnostic.fix is None:
        return []
    replacements = [{"deletedRegion": region(position(result, edit.span)),
                     "insertedContent": {"text": edit.replacement}}
                    for edit in diagnostic.fix.edits]
    return [{"description": {"text": diagnostic.fix.message},
             "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": replacements}],
             "properties": {"safe": diagnostic.fix.safe}}]


def sarif_log(results: Sequence[FileResult], rules: Sequence[Rule] | None = None) -> dict[str, Any]:
    """The log as a JSON-ready dict. ``rules`` describe the rules that ran (by code);
    without them the built-in packs are read."""
    from .._version import __version__

    items = list(located(results))
    used = sorted({d.code: d for _, d, _ in items}.items(), key=lambda item: item[0])
    known: dict[str, Rule] = {}
    if used:
        known = {r.code: r for r in (rules if rules is not None else _builtin_rules())}
    descriptors = [rule_descriptor(known[code]) if code in known else _fallback_descriptor(d)
                   for code, d in used]
    index = {code: i for i, (code, _) in enumerate(used)}
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
    driver = {"name": "presslint", "version": __version__, "informationUri": INFORMATION_URI,
              "rules": descriptors}
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": sarif_results}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def report(results: Iterable[FileResult], out: TextIO, *, statistics: bool = False,
           quiet: bool = False, color: bool = False, rules: Sequence[Rule] | None = None) -> None:
    results = list(results)  # this format builds one document: several passes
    json.dump(sarif_log(results, rules), out, indent=2)
    out.write("\n")
