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
        text = ",\n".join("  " + indented(diagnostic_object(result, d), "  ") for d in result.diagnostics)
        # A lone surrogate (a file name's byte that is not UTF-8) only in a string, written
        # as JSON's \\udcff escape, as the other JSON formats (ensure_ascii) write it: parsed,
        # it gives the name back, and the output stays UTF-8.
        return SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) if SURROGATE.search(text) else text


_encode = json.encoder.encode_basestring  # a string as json.dumps(..., ensure_ascii=False) writes it
_SCALARS = {None: "null", True: "true", False: "false"}


def indented(value: Any, pad: str = "") -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)`` with ``pad`` before each line
    after the first: the same text, a few times faster (json writes indented output in
    Python, a token at a time: most of a run's time when its results come from the cache).
    Strings, numbers, booleans, None, lists and dicts of str keys; anything else (a
    subclass too) is json's."""
    kind = type(value)
    if kind is str:
        return _encode(value)
    if kind is int:
        return int.__repr__(value)
    if value is None or kind is bool:
        return _SCALARS[value]
    inner = pad + "  "
    if kind is dict:
        items = []
        for key, item in value.items():
            if type(key) is not str:
                break
            kind = type(item)  # the flat values here: one call fewer each
            text = _encode(item) if kind is str else int.__repr__(item) if kind is int else indented(item, inner)
            items.append(f"{inner}{_encode(key)}: {text}")
        else:
            return "{\n" + ",\n".join(items) + f"\n{pad}}}" if items else "{}"
    elif kind is list:
        items = [inner + indented(item, inner) for item in value]
        return "[\n" + ",\n".join(items) + f"\n{pad}]" if items else "[]"
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + pad)
