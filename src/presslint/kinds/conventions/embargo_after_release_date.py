"""An embargo that lifts after the release date (given with ``--release-date``, in the
configuration or the front matter, else the dateline's): the release cannot be out on a
day its embargo still holds."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic
from ...document import Document
from .. import Kind
from ..dates.recognition import long_date
from .release_parts import embargo_line


class EmbargoAfterReleaseDate(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        found = embargo_line(doc, self.settings.dates)
        if found is None or found.release is None or found.terms is None:
            return
        day, release = found.terms.day, found.release
        if day is None or day <= release.date:
            return
        span = found.line.span
        yield self.rule.report(doc, span, found=doc.prose[span.start:span.end].strip(), embargo=long_date(day),
                               release=long_date(release.date), source=release.source, days=(day - release.date).days)
