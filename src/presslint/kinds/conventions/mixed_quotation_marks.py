"""Straight and curly double quotation marks mixed in one release ("said" here, “said”
there).

Each mark's part is read as :mod:`.quotes` reads it (inch signs are no quotation marks and
do not count). The release's majority decides (curly on a tie); each mark of the minority
is reported, and the fix writes the majority's form: a straight mark, or the curly mark
for the part its sides give it. That part is a reading of the text, so the fix is unsafe.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from .. import Kind
from .quotes import INCH, OPENING, double_marks, paragraphs


class MixedQuotationMarks(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        if '"' not in prose or ("“" not in prose and "”" not in prose):
            return
        marks = [mark for start, text in paragraphs(prose) for mark in double_marks(text, start)
                 if mark.part != INCH]
        straight = sum(mark.char == '"' for mark in marks)
        curly = len(marks) - straight
        if not straight or not curly:
            return
        to_straight = straight > curly
        count = straight if to_straight else curly
        for mark in marks:
            if (mark.char == '"') == to_straight:
                continue
            replacement = '"' if to_straight else ("“" if mark.part == OPENING else "”")
            span = Span(mark.at, mark.at + 1)
            yield self.rule.report(doc, span, Edit(span, replacement), found=mark.char, replacement=replacement,
                                   count=count, style="straight" if to_straight else "curly")
