"""An embargo whose time has passed at the moment given with ``--now`` (or ``now:`` in
the configuration): the release says "embargoed" about news that is out. Rules never
read the clock, so without ``now`` this rule finds nothing.

An embargo with a time zone ("9:00 a.m. ET") is compared as an instant, ET, CT, MT and
PT following the US daylight-saving rule; one without a zone by its wall-clock time
against ``now``'s; one without a time lifts at the start of its day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC

from ...diagnostic import Diagnostic
from ...document import Document
from .. import Kind
from ..dates.recognition import analyse
from .release_parts import embargo, release_line


class EmbargoPassed(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        now = self.settings.conventions.now
        if now is None:
            return
        line = release_line(doc)
        if line is None or not line.embargo:
            return
        release = analyse(doc, self.settings.dates).release
        terms = embargo(doc, line, release.date.year if release else now.year)
        if terms is None or terms.moment is None:
            return
        lifts = terms.moment
        if lifts.tzinfo is not None:
            passed = lifts < (now if now.tzinfo is not None else now.replace(tzinfo=UTC))
        else:
            passed = lifts < now.replace(tzinfo=None)
        if passed:
            yield self.rule.report(doc, line.span, found=doc.prose[line.span.start:line.span.end].strip(),
                                   now=now.isoformat(timespec="minutes"))
