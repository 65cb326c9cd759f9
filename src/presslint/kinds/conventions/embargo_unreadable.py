"""An embargo line whose date or time does not read: no date, an impossible date, no
year, or a time that is none ("EMBARGOED UNTIL 25:00 ET, March 18, 2024"). A journalist
cannot tell when it lifts. "Embargoed until further notice" is left alone."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic
from ...document import Document
from .. import Kind
from ..dates.recognition import analyse
from .release_parts import embargo, release_line


class EmbargoUnreadable(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        line = release_line(doc)
        if line is None or not line.embargo:
            return
        release = analyse(doc, self.settings.dates).release
        terms = embargo(doc, line, release.date.year if release else None)
        if terms is None or not terms.problem:
            return
        yield self.rule.report(doc, line.span, found=doc.prose[line.span.start:line.span.end].strip(),
                               problem=terms.problem)
