"""An embargo line whose date or time does not read: no date, an impossible date, no
year, or a time that is none ("EMBARGOED UNTIL 25:00 ET, March 18, 2024"). A journalist
cannot tell when it lifts. "Embargoed until further notice" is left alone."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic
from ...document import Document
from .. import Kind
from .release_parts import embargo_line


class EmbargoUnreadable(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        found = embargo_line(doc, self.settings.dates)
        if found is None or found.terms is None or not found.terms.problem:
            return
        span = found.line.span
        yield self.rule.report(doc, span, found=doc.prose[span.start:span.end].strip(), problem=found.terms.problem)
