"""A release whose body does not open with a dateline ("SEATTLE, March 18, 2024 — ...").

Off by default: a blog post, an interview or Markdown notes have no dateline and need
none. A text with no body line (see :func:`.release_parts.first_body_line`) is no
release and is left alone."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic, Span
from ...document import Document
from .. import Kind
from .release_parts import _WORDS, dateline, first_body_line


class MissingDateline(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        body = first_body_line(doc)
        if body is None or dateline(doc, self.settings.dates) is not None:
            return
        word = _WORDS.search(doc.prose, body.start, body.end)
        span = Span(*word.span()) if word else body
        yield self.rule.report(doc, span, found=doc.prose[span.start:span.end])
