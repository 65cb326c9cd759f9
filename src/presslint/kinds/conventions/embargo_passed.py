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
from .release_parts import embargo_line


class EmbargoPassed(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        now = self.settings.conventions.now
        if now is None:
            return
        found = embargo_line(doc, self.settings.dates, now.year)
        if found is None or found.terms is None or found.terms.moment is None:
            return
        lifts, span = found.terms.moment, found.line.span
        if lifts.tzinfo is not None:
            passed = lifts < (now if now.tzinfo is not None else now.replace(tzinfo=UTC))
        else:
            passed = lifts < now.replace(tzinfo=None)
        if passed:
            yield self.rule.report(doc, span, found=doc.prose[span.start:span.end].strip(),
                                   now=now.isoformat(timespec="minutes"))
