"""A headline longer than the limit (``max-length`` characters, default 150): wires and
search engines cut it, and an editor reads past the point. The finding covers what runs
past the limit, from the word the limit falls in."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic, Span
from ...document import Document
from .. import Kind
from .release_parts import headline_text


class HeadlineTooLong(Kind):
    OPTIONS = {"max-length": 150}

    def setup(self) -> None:
        if self.options["max-length"] < 10:
            raise ValueError("max-length must be 10 characters or more")

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        found = headline_text(doc)
        if found is None:
            return
        start, text = found
        limit = self.options["max-length"]
        if len(text) <= limit:
            return
        cut = text.rfind(" ", 0, limit + 1) + 1  # from the word the limit falls in
        span = Span(start + cut, start + len(text))
        yield self.rule.report(doc, span, found=doc.prose[span.start:span.end], length=len(text), limit=limit)
