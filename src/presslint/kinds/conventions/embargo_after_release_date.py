"""An embargo that lifts after the release date (given with ``--release-date``, in the
configuration or the front matter, else the dateline's): the release cannot be out on a
day its embargo still holds."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic
from ...document import Document
from .. import Kind
from ..dates.recognition import analyse, long_date
from .release_parts import embargo, release_line


class EmbargoAfterReleaseDate(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        line = release_line(doc)
        if line is None or not line.embargo:
            return
        release = analyse(doc, self.settings.dates).release
        if release is None:
            return
        terms = embargo(doc, line, release.date.year)
        if terms is None or terms.day is None or terms.day <= release.date:
            return
        source = release.source.replace("the --release-date", "--release-date")
        yield self.rule.report(doc, line.span, found=doc.prose[line.span.start:line.span.end].strip(),
                               embargo=long_date(terms.day), release=long_date(release.date), source=source,
                               days=(terms.day - release.date).days)
