"""A headline set in capitals, four words or more (a short title is left alone).
Capitals read as shouting and are slower to read; wires and newsrooms recase them.
(C103 headline-case leaves an all-caps headline alone: its case is this rule's finding.)"""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic, Span
from ...document import Document
from ...lazyre import LazyPattern
from .. import Kind
from .release_parts import headline_text

_WORD = LazyPattern(r"[^\W\d_]{2,}")


class HeadlineAllCaps(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        found = headline_text(doc)
        if found is None:
            return
        start, text = found
        words = _WORD.findall(text)
        if len(words) < 4 or not all(word.isupper() for word in words):
            return
        yield self.rule.report(doc, Span(start, start + len(text)), found=text)
