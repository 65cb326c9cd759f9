"""Straight and curly apostrophes mixed in one release ("company's" here, "it’s" there):
the commonest defect of real releases, usually text pasted from two tools.

Only apostrophes inside a word count (between two letters: "don't", "Acme’s",
"O'Brien"), where the mark is surely an apostrophe and its curly form is surely "’"; a
mark at a word's edge may be a quotation mark. The release's majority decides (curly on a
tie, as typeset); each apostrophe of the minority is reported, and the fix writes the
majority's, which changes nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from .. import Kind

_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])")


class MixedApostrophes(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        if "'" not in prose or "’" not in prose:
            return
        marks = [(m.start(), m.group()) for m in _APOSTROPHE.finditer(prose)]
        straight = sum(mark == "'" for _, mark in marks)
        curly = len(marks) - straight
        if not straight or not curly:
            return
        majority, count = ("'", straight) if straight > curly else ("’", curly)
        for at, mark in marks:
            if mark != majority:
                span = Span(at, at + 1)
                yield self.rule.report(doc, span, Edit(span, majority), found=mark, majority=majority,
                                       count=count, style="straight" if majority == "'" else "curly")
