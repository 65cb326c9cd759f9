"""JSON output: one array, one object per diagnostic. The shape is documented in
docs/json-format.md and versioned with the package; keep it stable."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from . import SURROGATE, Reporter, position

if TYPE_CHECKING:
    from ..diagnostic import Diagnostic
    from ..results import FileResult


def diagnostic_object(result: FileResult, diagnostic: Diagnostic) -> dict[str, Any]:
    where = position(result, diagnostic.span)
    fix = None
    if diagnostic.fix is not None:
        edits = []
        for edit in diagnostic.fix.edits:
            at = position(result, edit.span)
            edits.append({"line": at.line, "column": at.column, "end_line": at.end_line,
                          "end_column": at.end_column, "replacement": edit.replacement})
        fix = {"message": diagnostic.fix.message, "safe": diagnostic.fix.safe, "edits": edits}
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


class JsonReporter(Reporter):
    has_statistics = True

    def write_statistics(self, counts: list[tuple[str, str, int]]) -> None:
        rows = [{"code": code, "rule": rule, "count": n} for code, rule, n in counts]
        json.dump(rows, self.out, indent=2, ensure_ascii=False)
        self.out.write("\n")

    def write_findings(self, results: Iterable[FileResult]) -> None:
        # One object at a time, exactly as json.dump(the whole list, indent=2) would write
        # it, so a run over thousands of files never holds them all.
        first = True
        for result in results:
            if result.diagnostics:
                self.out.write(("[\n" if first else ",\n") + self.file(result))
                first = False
        self.out.write("[]\n" if first else "\n]\n")

    def file(self, result: FileResult) -> str:
        text = ",\n".join("  " + json.dumps(diagnostic_object(result, d), indent=2, ensure_ascii=False)
                           .replace("\n", "\n  ") for d in result.diagnostics)
        # A lone surrogate (a file name's byte that is not UTF-8) only in a string, written
        # as JSON's \\udcff escape, as the other JSON formats (ensure_ascii) write it: parsed,
        # it gives the name back, and the output stays UTF-8.
        return SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if SURROGATE.search(text) else text
