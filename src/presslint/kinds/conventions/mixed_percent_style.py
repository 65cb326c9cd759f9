"""Percentages written two ways in one release: "42%" and "42 percent". Reported once,
at the first of the rarer form (the first written second, on a tie), with the count of
each. "percentage points" is a different unit and does not count."""

from __future__ import annotations

from collections.abc import Iterator

from ...diagnostic import Diagnostic
from ...document import Document
from ...lazyre import LazyPattern
from .. import Kind
from .numbers import minority
from .release_parts import headline

_SIGN = LazyPattern(r"(?<![\d.,])\d[\d,.]*[ \t]?%")
_WORD = LazyPattern(r"(?<![\d.,])\d[\d,.]*[ \t]+(?:per[ \t]?cent|PERCENT|Percent)\b(?!age)")


class MixedPercentStyle(Kind):
    def check(self, doc: Document) -> Iterator[Diagnostic]:
        prose = doc.prose
        if "%" not in prose or ("ercent" not in prose and "ERCENT" not in prose):
            return
        found = minority(prose, {"%": _SIGN, "percent": _WORD}, headline(doc))
        if found is not None:
            span, written, other, counts = found
            yield self.rule.report(doc, span, found=prose[span.start:span.end], written=written, other=other,
                                   count=counts[written], other_count=counts[other])
