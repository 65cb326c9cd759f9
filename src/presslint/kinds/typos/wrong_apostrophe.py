"""A wrong mark for an apostrophe: "company`s", "company´s", "don´t", "Acme‘s".

A grave or acute accent, a prime or an opening quote between a word's letters and an
ending that takes an apostrophe is an apostrophe typed with the wrong key or converted by
the wrong tool. Four scans of the prose for the marks (in C) find the few to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...diagnostic import Diagnostic, Edit, Span
from ...document import Document
from .. import Kind
from .missing_possessive_apostrophe import apostrophe

MARKS = "`´‘′"
_ENDING = re.compile(r"(?:s|t|re|ll|ve|d|m)\b")


class WrongApostrophe(Kind):
    FIX = "always"

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        for mark in MARKS:
            at = prose.find(mark)
            while at != -1:
                before = prose[at - 1:at]
                if before.isascii() and before.isalpha() and _ENDING.match(prose, at + 1):
                    span = Span(at, at + 1)
                    replacement = apostrophe(doc)
                    yield self.rule.report(doc, span, Edit(span, replacement), found=mark, suggestion=replacement)
                at = prose.find(mark, at + 1)
