"""JSON output: one array, one object per diagnostic. The shape is documented in
docs/json-format.md and versioned with the package; keep it stable."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from . import located, position

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic
    from ..results import FileResult
    from ..rule import Rule


def diagnostic_object(result: FileResult, diagnostic: Diagnostic) -> dict[str, Any]:
    where = position(result, diagnostic.span)
    fix = None
    if diagnostic.fix is not None:
        edits = []
        for edit in diagnostic.fix.edits:
            at = position(result, edit.span)
            edits.append({"line": at.line, "column": at.column, "end_line": at.end_line,
                          "end_column": at.end_column, "replacement": edit.replacement})
        fix = {"message": diagnostic.fix.message, "edits": edits}
    return {
        "path": diagnostic.path,
        "line": where.line,
        "column": where.column,
        "end_line": where.end_line,
        "end_column": where.end_column,
        "code": diagnostic.code,
        "rule": diagnostic.rule,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "fix": fix,
    }


def report(results: Iterable[FileResult], out: TextIO, *, statistics: bool = False,
           quiet: bool = False, color: bool = False, rules: Sequence[Rule] | None = None) -> None:
    if statistics:
        counts = Counter((d.code, d.rule) for _, d, _ in located(results))
        rows = [{"code": code, "rule": rule, "count": n}
                for (code, rule), n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
        json.dump(rows, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return
    # One object at a time, exactly as json.dump(the whole list, indent=2) would write it,
    # so a run over thousands of files never holds them all.
    first = True
    for result in results:
        for diagnostic in result.diagnostics:
            text = json.dumps(diagnostic_object(result, diagnostic), indent=2, ensure_ascii=False)
            out.write(("[\n" if first else ",\n") + "  " + text.replace("\n", "\n  "))
            first = False
    out.write("[]\n" if first else "\n]\n")
