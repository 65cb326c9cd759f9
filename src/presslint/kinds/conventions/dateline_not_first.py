"""A dateline that does not open the body: a paragraph of the release comes before it.
The dateline belongs at the start of the first body paragraph ("SEATTLE — Acme today
..."); a headline, a subheadline in emphasis and header lines ("FOR IMMEDIATE RELEASE",
a contact) may come before it, a paragraph of text may not."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic, Span
from ...document import Document
from .. import Kind
from .release_parts import dateline, first_body_line


class DatelineNotFirst(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        line = dateline(doc, self.settings.dates)
        body = first_body_line(doc)
        if line is None or body is None or body.start >= line.line:
            return
        place, date = line.place, line.date
        start = place.start if place is not None else date.start if date is not None else line.line
        end = date.end if date is not None else place.end if place is not None else line.end
        span = Span(start, end)
        first = doc.lines.position(body.start)[0]
        yield self.rule.report(doc, span, found=doc.prose[start:end], line=first)
